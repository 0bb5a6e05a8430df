// `onoma term ...` as scripts and users call it (the contract in docs/cli.md):
// import, lookup in text and JSON Lines, batch from stdin, add, edit,
// remove, list, export, and the exit codes of failures.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "memory/sqlite/database.h"
#include "memory/store/open.h"
#include "tests/support/files.h"
#include "tests/support/pg_server.h"
#include "tests/support/run_onoma.h"

namespace onoma::testing {
namespace {

const std::string kSample =
    std::string(ONOMA_SOURCE_DIR) + "/tests/data/terms/news-sample.tsv";

class TermCliTest : public ::testing::Test {
 protected:
  // On SQLite a file; in the onoma_cli_test_pg run a new PostgreSQL
  // database (tests/support/pg_server.h), given to --db as its URI.
  void SetUp() override {
    path_ = ::testing::TempDir() + "onoma_term_cli_" +
            std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() +
            ".db";
    db_ = path_;
    if (testing::TestOnPostgres()) {
      auto pg = testing::PgTestDatabase::Make();
      if (!pg.ok()) ONOMA_SKIP_WITHOUT_PG(pg.status());
      pg_.emplace(std::move(*pg));
      db_ = pg_->uri();
    }
    Cleanup();
    Output o = Onoma("term import '" + kSample + "'");
    ASSERT_EQ(o.exit_code, 0) << o.err;
  }
  void TearDown() override { Cleanup(); }
  void Cleanup() {
    if (pg_) {
      ASSERT_TRUE(
          pg_->Exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public").ok());
      return;
    }
    for (const char* ext : {"", "-wal", "-shm", ".names"}) {
      std::remove((path_ + ext).c_str());
    }
  }
  Output Onoma(const std::string& args, const std::string& input = "") {
    return RunOnoma("LANG=C", "--db '" + db_ + "' " + args, input);
  }
  std::string path_;  // the SQLite file, and the stem of other files
  std::string db_;    // what --db is given
  std::optional<testing::PgTestDatabase> pg_;
};

TEST_F(TermCliTest, IssueFiveQueriesFindKyiv) {
  for (const char* q : {"Kiev", "키예프", "Києві", "Kyyiv"}) {
    Output o = Onoma(std::string("term lookup ") + q);
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_EQ(o.out.rfind("kyiv (place): ", 0), 0u) << q << "\n" << o.out;
    EXPECT_NE(o.out.find("  en  Kyiv  [preferred]\n      Kiev  [deprecated"),
              std::string::npos)
        << o.out;
  }
}

TEST_F(TermCliTest, JsonLinesAsDesignShows) {
  Output o = Onoma("term lookup --json Kiev");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out.rfind("{\"query\": \"Kiev\", \"concepts\": [{\"id\": ", 0),
            0u)
      << o.out;
  EXPECT_NE(o.out.find("\"type\": \"place\", \"match\": \"exact\", "
                       "\"score\": 100"),
            std::string::npos);
  EXPECT_NE(o.out.find("\"terms\": [{\"lang\": \"en\", \"form\": \"Kyiv\", "
                       "\"status\": \"preferred\""),
            std::string::npos);
}

TEST_F(TermCliTest, BatchGivesOneLinePerQuery) {
  Output o = Onoma("term lookup --json -", "Kiev\nnothing-like-it\nОдесою\n");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(std::count(o.out.begin(), o.out.end(), '\n'), 3);
  EXPECT_NE(o.out.find("{\"query\": \"nothing-like-it\", \"concepts\": []}\n"),
            std::string::npos);
  EXPECT_NE(o.out.find("\"match\": \"inflected\""), std::string::npos);
}

TEST_F(TermCliTest, AddEditRemove) {
  Output second = Onoma("term add kyiv en Kyjiw");
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_NE(second.err.find("already has a preferred en form 'Kyiv'"),
            std::string::npos)
      << second.err;
  EXPECT_EQ(Onoma("term add kyiv de Kiew").exit_code, 0);
  EXPECT_EQ(
      Onoma("term edit kyiv de Kiew --form Kyjiw --note German").exit_code, 0);
  Output o = Onoma("term lookup --lang de kyjiw");
  EXPECT_NE(o.out.find("  de  Kyjiw  [preferred]  German"), std::string::npos)
      << o.out;
  EXPECT_EQ(Onoma("term remove kyiv de Kyjiw").exit_code, 0);
  EXPECT_EQ(Onoma("term remove kyiv de Kyjiw").exit_code, 2);  // not found
  EXPECT_EQ(Onoma("term remove kyiv").exit_code, 0);
  EXPECT_EQ(Onoma("term lookup --json Київ").out,
            "{\"query\": \"Київ\", \"concepts\": []}\n");
}

TEST_F(TermCliTest, ListAndExportAndReimport) {
  Output list = Onoma("term list --json");
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 10);
  std::string tbx = path_ + ".tbx";
  EXPECT_EQ(Onoma("term export '" + tbx + "'").exit_code, 0);
  EXPECT_EQ(Onoma("term import '" + tbx + "'").exit_code, 0);  // idempotent
  EXPECT_EQ(Onoma("term list --json").out, list.out);
  std::remove(tbx.c_str());
}

TEST_F(TermCliTest, MalformedFileExitsThreeAndChangesNothing) {
  Output before = Onoma("term list --json");
  Output o = Onoma("term import '" + std::string(ONOMA_SOURCE_DIR) +
                   "/tests/data/terms/malformed.tbx'");
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_NE(o.err.find("malformed.tbx:9:"), std::string::npos) << o.err;
  EXPECT_EQ(Onoma("term list --json").out, before.out);
  EXPECT_EQ(Onoma("term import nowhere.docx").exit_code, 2);
  EXPECT_EQ(Onoma("term import nowhere.tsv").exit_code, 3);
}

// What `term list` and `term lookup` print to a terminal: a term that came
// with ESC and BEL (from a CSV, say) is shown with U+FFFD in their place,
// never as an escape sequence for the terminal to obey. `script` gives the
// command a terminal.
TEST_F(TermCliTest, ControlCharactersAreNotSentToATerminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "no script(1) to give the command a terminal";
  }
  // The store refuses control characters on the way in (docs/terms.md,
  // "Limits"); a database written before that check may still hold them,
  // so they are planted with SQL, as such a database would have them.
  Output added = Onoma("term add evil en Evil --note note");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  {
    auto db = store::Open(db_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    for (const char* sql :
         {"UPDATE term SET form = ?1, note = ?2 WHERE form = 'Evil'",
          "UPDATE concept SET note = ?2 WHERE slug = 'evil' AND ?1 <> ''"}) {
      auto plant = (*db)->Prepare(sql, "plant control characters");
      ASSERT_TRUE(plant.ok()) << plant.status().ToString();
      ASSERT_TRUE((*plant)->Bind(1, std::string_view("Ev\x1b[31mil\x07")).ok());
      ASSERT_TRUE((*plant)->Bind(2, std::string_view("n\x1b]0;x\x07ote")).ok());
      ASSERT_TRUE((*plant)->Run().ok());
    }
  }
  for (const std::string& args :
       {std::string("term list"), std::string("term lookup Evil")}) {
    const std::string command = "LANG=C script -qc \"'" ONOMA_CLI_PATH
                                "' --db '" +
                                db_ + "' " + args + "\" /dev/null </dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string out;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
      out.append(buffer, n);
    }
    EXPECT_EQ(pclose(pipe), 0) << args;
    EXPECT_NE(out.find("Ev\uFFFD[31mil\uFFFD"), std::string::npos)
        << args << "\n"
        << out;
    EXPECT_NE(out.find("n\uFFFD]0;x\uFFFDote"), std::string::npos)
        << args << "\n"
        << out;
    EXPECT_EQ(out.find('\033'), std::string::npos) << args;
    EXPECT_EQ(out.find('\007'), std::string::npos) << args;
  }
}

// Limits (docs/terms.md, "Limits"): a megabyte query line once grew to
// gigabytes, a megabyte form too. Under a 1 GB address-space cap the
// long line is refused with its number, the others answered.
TEST_F(TermCliTest, OverLongQueryLineIsRefusedAndTheOthersAnswered) {
  std::string input = "Kiev\n" + std::string(1 << 20, 'k') + "\nКиєва\n";
  Output o = RunOnoma(MemoryCap(1000) + "LANG=C",
                      "--db '" + db_ + "' term lookup -", input);
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_NE(o.out.find("# Kiev\nkyiv (place)"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("# Києва\nkyiv (place)"), std::string::npos) << o.out;
  EXPECT_NE(o.err.find("<stdin>:2: the query is 1048576 bytes long"),
            std::string::npos)
      << o.err;
  EXPECT_NE(o.err.find("1 of 3 lines refused"), std::string::npos) << o.err;

  Output one = Onoma("term lookup " + std::string(2000, 'k'));
  EXPECT_EQ(one.exit_code, 3);
  EXPECT_NE(one.err.find("at most 1024"), std::string::npos) << one.err;
}

// Regression: term add kyiv english made a new language "english".
TEST_F(TermCliTest, LanguageNameIsRefusedAndAFilesTagKeptWithAWarning) {
  Output add = Onoma("term add kyiv english Kyiv");
  EXPECT_EQ(add.exit_code, 2);
  EXPECT_NE(add.err.find("did you mean 'en'?"), std::string::npos) << add.err;
  TempFile tsv(
      "concept\tlang\tform\nx\tenglish\tKyiv\ny\tenglish\tSeoul\n"
      "z\tuk\tКиїв\n");
  std::string path = tsv.path() + ".tsv";
  std::rename(tsv.path().c_str(), path.c_str());
  Output o = Onoma("term import '" + path + "'");
  std::remove(path.c_str());
  EXPECT_EQ(o.exit_code, 0) << o.err;
  std::size_t at = o.err.find("language 'english' is not a BCP 47 tag");
  ASSERT_NE(at, std::string::npos) << o.err;
  EXPECT_NE(o.err.find("(2 terms)"), std::string::npos) << o.err;
  EXPECT_EQ(o.err.find("language 'english'", at + 1), std::string::npos);
}

TEST_F(TermCliTest, OverLongFormIsRefusedWithItsLineAndChangesNothing) {
  std::string before = Onoma("term list").out;
  TempFile tsv("concept\ttype\tlang\tform\nbig\tplace\ten\t" +
               std::string(1 << 20, 'k') + "\n");
  std::string path = tsv.path() + ".tsv";
  std::rename(tsv.path().c_str(), path.c_str());
  Output o = RunOnoma(MemoryCap(1000) + "LANG=C",
                      "--db '" + db_ + "' term import '" + path + "'");
  std::remove(path.c_str());
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_NE(o.err.find(path + ":2:14: the form is 1048576 bytes long"),
            std::string::npos)
      << o.err;
  Output add = Onoma("term add big en " + std::string(1025, 'k'));
  EXPECT_EQ(add.exit_code, 3);
  EXPECT_NE(add.err.find("the form is 1025 bytes long"), std::string::npos)
      << add.err;
  EXPECT_EQ(Onoma("term list").out, before);
}

TEST_F(TermCliTest, ControlCharacterFromCsvIsRefused) {
  TempFile csv("concept,lang,form\nx,en,\"Ky\x1B[31miv\"\n");
  std::string path = csv.path() + ".csv";
  std::rename(csv.path().c_str(), path.c_str());
  Output o = Onoma("term import '" + path + "'");
  std::remove(path.c_str());
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_NE(o.err.find(path + ":2:9: the form holds U+001B"), std::string::npos)
      << o.err;
}

// Regression: a two-line OmegaT glossary made Kyiv a concept of type other,
// and Ukrainian declension of Kyiv's names stopped.
TEST_F(TermCliTest, OmegaTGlossaryKeepsKyivAPlace) {
  ASSERT_EQ(
      Onoma("term add kyiv uk Киев --status deprecated --term-type variant")
          .exit_code,
      0);
  TempFile glossary("Kyiv\tКиїв\nKharkiv\tХарків\n");
  std::string path = glossary.path() + ".txt";
  std::rename(glossary.path().c_str(), path.c_str());
  Output o = Onoma("term import '" + path + "'");
  std::remove(path.c_str());
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find(": 2 concepts, 4 terms, 0 negative contexts imported; "
                       "no conflicts with the store\n"),
            std::string::npos)
      << o.out;
  Output lookup = Onoma("term lookup --json Києві");
  EXPECT_NE(lookup.out.find("\"slug\": \"kyiv\", \"type\": \"place\", "
                            "\"match\": \"inflected\""),
            std::string::npos)
      << lookup.out;
  Output normalized =
      Onoma("normalize --lang uk", "Делегація прибула до Киева.\n");
  EXPECT_EQ(normalized.exit_code, 0) << normalized.err;
  EXPECT_EQ(normalized.out, "Делегація прибула до Києва.\n");
}

// normalize follows a term written a moment before on either engine: on
// SQLite through the name index kept beside the database, which `term
// index` reports; on PostgreSQL, which has no file beside the store, by
// compiling the names in memory at every run, as `term index` says.
TEST_F(TermCliTest, NormalizeFollowsATermAddedOnEitherEngine) {
  Output before = Onoma("normalize --lang en", "Talks in Kijow.\n");
  EXPECT_EQ(before.exit_code, 0) << before.err;
  EXPECT_EQ(before.out, "Talks in Kijow.\n");
  ASSERT_EQ(Onoma("term add kyiv en Kijow --status deprecated").exit_code, 0);
  Output after = Onoma("normalize --lang en", "Talks in Kijow.\n");
  EXPECT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(after.out, "Talks in Kyiv.\n");
  EXPECT_TRUE(after.err.empty()) << after.err;
  Output index = Onoma("term index");
  if (pg_) {
    EXPECT_EQ(index.exit_code, 2);
    EXPECT_NE(index.err.find("a PostgreSQL store keeps no name index"),
              std::string::npos)
        << index.err;
  } else {
    EXPECT_EQ(index.exit_code, 0) << index.err;
    EXPECT_EQ(index.out.rfind(path_ + ".names: current, ", 0), 0u) << index.out;
  }
}

// The bundled termbase, imported, edited with `term edit`, and imported
// again: the first three of the store's steps a newsroom takes.
class TermbaseReimportTest : public TermCliTest {
 protected:
  void SetUp() override {
    TermCliTest::SetUp();
    if (IsSkipped()) return;
    Cleanup();
    Output o = Onoma("term import '" + termbase_ + "'");
    ASSERT_EQ(o.exit_code, 0) << o.err;
    Output edit = Onoma("term edit kyiv en Kiev --status admitted");
    ASSERT_EQ(edit.exit_code, 0) << edit.err;
  }
  std::string KievLine() {
    Output o = Onoma("term lookup --lang en Kyiv");
    std::size_t at = o.out.find("Kiev  [");
    return at == std::string::npos
               ? o.out
               : o.out.substr(at, o.out.find(']', at) - at + 1);
  }
  const std::string termbase_ =
      std::string(ONOMA_SOURCE_DIR) + "/tables/termbase/news.tsv";
};

// Regression: re-importing the bundled termbase undid a `term edit`.
TEST_F(TermbaseReimportTest, KeepsTheEditAndReportsOneConflict) {
  Output o = Onoma("term import '" + termbase_ + "'");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("; 1 conflicts kept (the store's values; "
                       "--on-conflict replace to take the file's)\n"),
            std::string::npos)
      << o.out;
  EXPECT_EQ(KievLine(), "Kiev  [admitted, variant]");
}

TEST_F(TermbaseReimportTest, ReplaceTakesTheFiles) {
  Output o = Onoma("term import --on-conflict replace '" + termbase_ + "'");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("; 1 conflicts replaced (the file's values)\n"),
            std::string::npos)
      << o.out;
  EXPECT_EQ(KievLine(), "Kiev  [deprecated, variant]");
  EXPECT_EQ(Onoma("term import --on-conflict merge x.tsv").exit_code, 2);
}

TEST_F(TermbaseReimportTest, DryRunListsTheConflictsAndChangesNothing) {
  auto bytes = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string list = Onoma("term list --json").out;
  const std::string db = bytes(path_);
  Output o =
      Onoma("term import --dry-run --on-conflict replace '" + termbase_ + "'");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out,
            "kyiv\ten\tKiev\tstatus\tadmitted → deprecated\n" + termbase_ +
                ": dry run, nothing written: 429 concepts, 2785 terms, 21 "
                "negative contexts read; 1 conflicts would be replaced (the "
                "file's values)\n");
  EXPECT_EQ(bytes(path_), db);
  EXPECT_EQ(Onoma("term list --json").out, list);
  EXPECT_EQ(KievLine(), "Kiev  [admitted, variant]");
}

TEST_F(TermCliTest, EditSetsTheConceptsType) {
  Output o = Onoma("term edit kyiv --type other");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(Onoma("term lookup Kyiv").out.rfind("kyiv (other): ", 0), 0u);
  o = Onoma("term edit kyiv --type place");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(Onoma("term lookup Kyiv").out.rfind("kyiv (place): ", 0), 0u);
  // A rendering's change still needs its language and form.
  EXPECT_EQ(Onoma("term edit kyiv").exit_code, 2);
  EXPECT_EQ(Onoma("term edit kyiv --status admitted").exit_code, 2);
  EXPECT_EQ(Onoma("term edit kyiv en --type place").exit_code, 2);
  EXPECT_EQ(Onoma("term edit kyiv --type city").exit_code, 2);
  EXPECT_EQ(Onoma("term edit nowhere --type place").exit_code, 2);
}

// A Ukrainian rendering without a class shows the inferred one;
// `term edit --inflection` overrides it, `auto` brings the inference back,
// an unknown class is refused; the type read from a subjectField shows.
TEST_F(TermCliTest, InflectionIsInferredShownAndOverridden) {
  Output o = Onoma("term add macron uk 'Емманюель Макрон' --type person");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  o = Onoma("term lookup 'Емманюеля Макрона'");
  EXPECT_EQ(o.out.rfind("macron (person): ", 0), 0u) << o.out;
  EXPECT_NE(o.out.find("Емманюель Макрон  [preferred]  <p-masc-soft "
                       "p-masc-hard, inferred>"),
            std::string::npos)
      << o.out;
  o = Onoma("term edit macron uk 'Емманюель Макрон' --inflection none");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  o = Onoma("term list");
  EXPECT_NE(o.out.find("Емманюель Макрон  [preferred]  <none>\n"),
            std::string::npos)
      << o.out;
  o = Onoma("term lookup --json 'Емманюелем Макроном'");
  EXPECT_NE(o.out.find("\"inflection\": \"none\", \"inflection_inferred\": "
                       "false"),
            std::string::npos)
      << o.out;
  o = Onoma("term edit macron uk 'Емманюель Макрон' --inflection no-such");
  EXPECT_EQ(o.exit_code, 2) << o.err;
  EXPECT_NE(o.err.find("no-such"), std::string::npos) << o.err;
  o = Onoma("term edit macron uk 'Емманюель Макрон' --inflection auto");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(Onoma("term list").out.find("<p-masc-soft p-masc-hard, inferred>"),
            std::string::npos);

  std::string tbx = ::testing::TempDir() + "onoma_cli_subject.tbx";
  Write(tbx,
        "<?xml version=\"1.0\"?>\n<martif type=\"TBX-Basic\" xml:lang=\"en\">"
        "<text><body><termEntry id=\"himars\"><descrip type=\"subjectField\">"
        "military equipment</descrip><langSet xml:lang=\"en\"><tig><term>"
        "HIMARS</term></tig></langSet></termEntry><termEntry id=\"sumy\">"
        "<descrip type=\"subjectField\">City</descrip><langSet xml:lang=\"uk\">"
        "<tig><term>Суми</term></tig></langSet></termEntry></body></text>"
        "</martif>\n");
  o = Onoma("term import '" + tbx + "'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  o = Onoma("term lookup HIMARS");
  EXPECT_EQ(o.out.rfind("himars (other; subject: military equipment): ", 0), 0u)
      << o.out;
  o = Onoma("term lookup Сумах");
  EXPECT_EQ(o.out.rfind("sumy (place): ", 0), 0u) << o.out;
  EXPECT_NE(o.out.find("<pl-y, inferred>"), std::string::npos) << o.out;
  std::remove(tbx.c_str());
}

}  // namespace
}  // namespace onoma::testing
