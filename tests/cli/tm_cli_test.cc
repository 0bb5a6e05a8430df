// `onoma tm import | export | add | stats` as a user runs them: exit codes,
// messages on stderr, the summary, and an export that xmllint validates.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "tests/formats/tmx_canonical.h"
#include "tests/support/pg_server.h"
#include "tests/support/run_onoma.h"
#include "tests/support/shared_corpora.h"
#include "tests/support/store_dir_test.h"

namespace onoma {
namespace {

namespace fs = std::filesystem;
using testing::Output;
using testing::RunOnoma;

// On SQLite the file tm.db; in the onoma_tm_cli_test_pg run a new
// PostgreSQL database (tests/support/pg_server.h), given to --db as its URI.
class TmCliTest : public testing::StoreDirTest {
 protected:
  void SetUp() override { SetUpStore("tm.db"); }
  Output Onoma(const std::string& args) {
    return RunOnoma("", "--db '" + db_ + "' " + args);
  }
};

const char kGood[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<tmx version=\"1.4\">\n"
    "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" "
    "o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n"
    "<body>\n"
    "<tu><tuv xml:lang=\"en\"><seg>Kyiv said on Monday</seg></tuv>"
    "<tuv xml:lang=\"uk\"><seg>Київ заявив у понеділок</seg></tuv>"
    "<tuv xml:lang=\"ko\"><seg>키이우는 월요일에 말했다</seg></tuv></tu>\n"
    "<tu><tuv xml:lang=\"en\"><seg>Seoul</seg></tuv>"
    "<tuv xml:lang=\"ko\"><seg>서울</seg></tuv></tu>\n"
    "</body>\n</tmx>\n";

TEST_F(TmCliTest, ImportPrintsASummaryAndStatsShowIt) {
  Write("good.tmx", kGood);
  Output out = Onoma("tm import '" + Path("good.tmx") + "'");
  EXPECT_EQ(out.exit_code, 0) << out.err;
  EXPECT_NE(out.out.find("2 units read, 2 added, 0 replaced, 0 duplicates "
                         "skipped, 0 bad units skipped, 0 warnings"),
            std::string::npos)
      << out.out;
  // Not a terminal: no progress line; only the note that the database
  // file was made (a PostgreSQL database is made by its administrator).
  EXPECT_EQ(out.err.find('\r'), std::string::npos);
  EXPECT_EQ(out.err,
            pg_ ? std::string() : "onoma: created the database " + db_ + "\n");

  Output again = Onoma("tm import '" + Path("good.tmx") + "'");
  EXPECT_NE(again.out.find("0 added, 0 replaced, 2 duplicates skipped"),
            std::string::npos)
      << again.out;

  Output stats = Onoma("tm stats");
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("units: 2\n"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("variants: 5\n"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("en → ko 2, en → uk 1"), std::string::npos)
      << stats.out;
  EXPECT_NE(stats.out.find("good.tmx (tmx, "), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("size on disk: "), std::string::npos) << stats.out;
}

TEST_F(TmCliTest, AMalformedFileIsBadInputWithItsPosition) {
  Write("bad.tmx",
        std::string(kGood).replace(
            std::string(kGood).find("<tu><tuv xml:lang=\"en\"><seg>Seoul"), 4,
            "<tu changedate=\"someday\">"));
  ASSERT_EQ(Onoma("tm index").exit_code, 0);  // creates the database
  Output out = Onoma("tm import '" + Path("bad.tmx") + "'");
  EXPECT_EQ(out.exit_code, 3);
  EXPECT_EQ(out.err, "onoma: tm import: " + Path("bad.tmx") +
                         ":6:1: <tu> changedate \"someday\" is not a date (TMX "
                         "form: YYYYMMDDThhmmssZ)\n");
  // Nothing was stored.
  Output stats = Onoma("tm stats");
  EXPECT_NE(stats.out.find("units: 0\n"), std::string::npos) << stats.out;

  Output lenient = Onoma("tm import --lenient '" + Path("bad.tmx") + "'");
  EXPECT_EQ(lenient.exit_code, 0) << lenient.err;
  EXPECT_NE(lenient.err.find("onoma: tm import: warning: " + Path("bad.tmx") +
                             ":6:1: <tu> changedate"),
            std::string::npos)
      << lenient.err;
  EXPECT_NE(lenient.out.find("1 added"), std::string::npos);

  Output missing = Onoma("tm import '" + Path("missing.tmx") + "'");
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find(Path("missing.tmx") +
                             ": cannot read the file: No such file"),
            std::string::npos)
      << missing.err;

  Output policy = Onoma("tm import --on-duplicate sometimes x.tmx");
  EXPECT_EQ(policy.exit_code, 2);
}

TEST_F(TmCliTest, ExportIsValidTmxAndFiltersLanguages) {
  Write("good.tmx", kGood);
  ASSERT_EQ(Onoma("tm import '" + Path("good.tmx") + "'").exit_code, 0);
  Output out = Onoma("tm export '" + Path("out.tmx") + "' --langs en,uk");
  EXPECT_EQ(out.exit_code, 0) << out.err;
  EXPECT_EQ(out.out, Path("out.tmx") + ": 1 units, 2 variants written\n");
  const std::string text = Read("out.tmx");
  EXPECT_NE(text.find("Київ заявив у понеділок"), std::string::npos);
  EXPECT_EQ(text.find("서울"), std::string::npos);

  ONOMA_REQUIRE_SHARED_DIR();
  const std::string dtd =
      (testing::SharedDir() / "corpora" / "spec" / "tmx14.dtd").string();
  Output all = Onoma("tm export '" + Path("all.tmx") + "'");
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(testing::ValidateAgainstDtd(Path("all.tmx"), dtd), "");
  if (std::system("xmllint --version >/dev/null 2>&1") == 0) {
    const std::string command = "xmllint --noout --dtdvalid '" + dtd + "' '" +
                                Path("all.tmx") + "' 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
  }

  Output to_stdout = Onoma("tm export -");
  EXPECT_EQ(to_stdout.exit_code, 0);
  EXPECT_EQ(
      to_stdout.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
  EXPECT_NE(to_stdout.err.find("2 units, 5 variants written"),
            std::string::npos);

  Output bad = Onoma("tm export '" + Path("x.tmx") + "' --langs en,en_US");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("'en_US' is not a BCP 47 language tag"),
            std::string::npos)
      << bad.err;
}

// docs/tm.md, "Limits": a 131 kB file whose entity expands to 640 kB per
// segment once became a gigabyte database. Under a 1 GB address-space cap
// it is refused with its position, and the memory keeps what it had.
TEST_F(TmCliTest, EntityAmplificationIsRefusedAndChangesNothing) {
  Write("good.tmx", kGood);
  ASSERT_EQ(Onoma("tm import '" + Path("good.tmx") + "'").exit_code, 0);
  const std::string before = Onoma("tm stats").out;
  std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY e \"" +
                    std::string(65536, 'x') + "\">\n]>\n" +
                    std::string(kGood).substr(std::string(kGood).find("<tmx"));
  std::string units;
  while (units.size() < 65536) {
    units +=
        "<tu><tuv xml:lang=\"en\"><seg>&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</seg>"
        "</tuv><tuv xml:lang=\"uk\"><seg>x</seg></tuv></tu>\n";
  }
  doc.insert(doc.find("</body>"), units);
  ASSERT_LT(doc.size(), 140000u);
  Write("laughs.tmx", doc);
  Output out =
      RunOnoma(testing::MemoryCap(1000),
               "--db '" + db_ + "' tm import '" + Path("laughs.tmx") + "'");
  EXPECT_EQ(out.exit_code, 3) << out.err;
  EXPECT_NE(out.err.find(Path("laughs.tmx") + ":"), std::string::npos)
      << out.err;
  EXPECT_NE(out.err.find("entity references expand to more than"),
            std::string::npos)
      << out.err;
  EXPECT_EQ(Onoma("tm stats").out, before);
}

TEST_F(TmCliTest, SegmentOverTheLimitIsRefusedWithItsLine) {
  std::string doc = kGood;
  doc.insert(doc.find("</body>"), "<tu><tuv xml:lang=\"en\"><seg>" +
                                      std::string(1100000, 'a') +
                                      "</seg></tuv></tu>\n");
  Write("long.tmx", doc);
  Output out = Onoma("tm import '" + Path("long.tmx") + "'");
  EXPECT_EQ(out.exit_code, 3) << out.err;
  EXPECT_NE(out.err.find(Path("long.tmx") + ":"), std::string::npos) << out.err;
  EXPECT_NE(out.err.find(": <seg> is longer than 1048576 bytes"),
            std::string::npos)
      << out.err;
  EXPECT_NE(Onoma("tm stats").out.find("units: 0\n"), std::string::npos);
}

TEST_F(TmCliTest, AddStoresAPair) {
  Output out = Onoma("tm add --from en --to uk 'Kyiv' 'Київ'");
  EXPECT_EQ(out.exit_code, 0) << out.err;
  EXPECT_EQ(out.out, "added\n");
  EXPECT_EQ(Onoma("tm add --from en --to uk 'Kyiv' 'Київ'").out,
            "already in the memory\n");
  Output worse = Onoma("tm add --from en_GB --to uk 'Kyiv' 'Київ'");
  EXPECT_EQ(worse.exit_code, 2);
  EXPECT_NE(worse.err.find("'en_GB' is not a BCP 47 language tag"),
            std::string::npos)
      << worse.err;
  Output stats = Onoma("tm stats");
  EXPECT_NE(stats.out.find("onoma tm add (add, "), std::string::npos)
      << stats.out;
}

// Regression: a language's name was stored as its tag.
TEST_F(TmCliTest, LanguageNamesAreRefusedWithTheTag) {
  for (const char* args : {"tm add --from english --to uk 'Kyiv' 'Київ'",
                           "tm lookup --from english --to uk 'Kyiv'",
                           "tm lookup --from en --to 'англійська' 'Kyiv'",
                           "tm export out.tmx --langs en,english"}) {
    Output out = Onoma(args);
    EXPECT_EQ(out.exit_code, 2) << args << "\n" << out.err;
    EXPECT_NE(out.err.find("did you mean 'en'?"), std::string::npos)
        << args << "\n"
        << out.err;
  }
  Output ko = Onoma("tm add --from en --to 영어 'Kyiv' 'Київ'");
  EXPECT_EQ(ko.exit_code, 2);
  EXPECT_NE(ko.err.find("'en'"), std::string::npos) << ko.err;
  EXPECT_EQ(Onoma("tm stats").out.find("english"), std::string::npos);
}

// A TMX file's tags are kept as written, with one warning per tag.
TEST_F(TmCliTest, ImportWarnsOncePerBadLanguageAndKeepsIt) {
  Write("names.tmx",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<tmx version=\"1.4\">\n"
        "<header creationtool=\"t\" creationtoolversion=\"1\" "
        "segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" "
        "srclang=\"english\" datatype=\"plaintext\"/>\n<body>\n"
        "<tu><tuv xml:lang=\"english\"><seg>Kyiv</seg></tuv>"
        "<tuv xml:lang=\"uk\"><seg>Київ</seg></tuv></tu>\n"
        "<tu><tuv xml:lang=\"english\"><seg>Seoul</seg></tuv>"
        "<tuv xml:lang=\"uk\"><seg>Сеул</seg></tuv></tu>\n"
        "</body>\n</tmx>\n");
  Output out = Onoma("tm import '" + Path("names.tmx") + "'");
  EXPECT_EQ(out.exit_code, 0) << out.err;
  std::size_t first = out.err.find("language \"english\" on <");
  ASSERT_NE(first, std::string::npos) << out.err;
  EXPECT_EQ(out.err.find("language \"english\" on <", first + 1),
            std::string::npos)
      << out.err;
  Output exported = Onoma("tm export '" + Path("out.tmx") + "'");
  EXPECT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_NE(Read("out.tmx").find("xml:lang=\"english\""), std::string::npos);
}

TEST_F(TmCliTest, EveryCorpusFileExportsValidTmx) {
  ONOMA_REQUIRE_SHARED_DIR();
  const fs::path corpus = testing::SharedDir() / "corpora" / "tmx";
  const std::string dtd =
      (testing::SharedDir() / "corpora" / "spec" / "tmx14.dtd").string();
  int imported = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (entry.path().extension() != ".tmx") continue;
    Output out = Onoma("tm import '" + entry.path().string() + "'");
    if (out.exit_code == 0)
      ++imported;
    else
      EXPECT_EQ(out.exit_code, 3) << entry.path() << out.err;
  }
  EXPECT_GE(imported, 38);
  // All of them in one memory: one header for many sources.
  Output all = Onoma("tm export '" + Path("all.tmx") + "'");
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(testing::ValidateAgainstDtd(Path("all.tmx"), dtd), "");
}

}  // namespace
}  // namespace onoma
