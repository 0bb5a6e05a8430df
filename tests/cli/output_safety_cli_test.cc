// The command layer never destroys a user's file: an output (report,
// export, --output, --in-place) that is an input or the database is a usage
// error (cli/output_path.h). Each test reproduces a way a user lost a file.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/files.h"
#include "tests/support/run_onoma.h"
#include "tests/support/temp_dir_test.h"

namespace onoma::testing {
namespace {

namespace fs = std::filesystem;

const std::string kSample =
    std::string(ONOMA_SOURCE_DIR) + "/tests/data/terms/news-sample.tsv";

class OutputSafetyCliTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    fs::create_directories(dir_ / "sub");
    db_ = Path("m.db");
    Output o = Onoma("term import '" + kSample + "'");
    ASSERT_EQ(o.exit_code, 0) << o.err;
    o = Onoma("tm add --from en --to uk 'Kyiv said' 'Київ заявив'");
    ASSERT_EQ(o.exit_code, 0) << o.err;
  }

  Output Onoma(const std::string& args, const std::string& input = "") {
    return RunOnoma("LANG=C", "--db '" + db_ + "' " + args, input);
  }

  // The database still opens and holds its one unit.
  void ExpectDatabaseIntact() {
    Output stats = Onoma("tm stats");
    EXPECT_EQ(stats.exit_code, 0) << stats.err;
    EXPECT_EQ(stats.out.rfind("units: 1\n", 0), 0u) << stats.out;
  }

  std::string db_;
};

// `normalize --report a.txt a.txt`: the report named the article itself.
TEST_F(OutputSafetyCliTest, NormalizeReportOnItsInputIsRefused) {
  const std::string article = "Missiles struck Kiev.\n";
  Write("a.txt", article);
  Output o = Onoma("normalize --report '" + Path("a.txt") + "' '" +
                   Path("a.txt") + "'");
  EXPECT_EQ(o.exit_code, 2) << o.err;
  EXPECT_EQ(Read("a.txt"), article);
  EXPECT_NE(o.err.find("a.txt is the input"), std::string::npos) << o.err;
  EXPECT_EQ(o.out, "");
}

// `normalize --in-place --report *.txt`: the glob's first article became
// the report's name.
TEST_F(OutputSafetyCliTest, NormalizeReportOnAnArticleOfTheGlobIsRefused) {
  const std::string a = "Missiles struck Kiev.\n";
  const std::string b = "Shelling near Kharkov.\n";
  Write("a.txt", a);
  Write("b.txt", b);
  Output o = Onoma("normalize --in-place --report '" + Path("a.txt") + "' '" +
                   Path("b.txt") + "'");
  EXPECT_EQ(o.exit_code, 2) << o.err;
  EXPECT_NE(o.err.find("is not a report"), std::string::npos) << o.err;
  EXPECT_EQ(Read("a.txt"), a);
  EXPECT_EQ(Read("b.txt"), b);
}

// A report file may be written again, and may be created.
TEST_F(OutputSafetyCliTest, NormalizeReportOverAnEarlierReportIsAllowed) {
  Write("a.txt", "Missiles struck Kiev.\n");
  for (int run = 0; run < 2; ++run) {
    Output o = Onoma("normalize --report '" + Path("r.jsonl") + "' '" +
                     Path("a.txt") + "'");
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_EQ(o.out, "Missiles struck Kyiv.\n");
  }
  EXPECT_EQ(Read("r.jsonl").rfind("{\"file\": ", 0), 0u);
}

TEST_F(OutputSafetyCliTest, NormalizeInPlaceOnTheDatabaseIsRefused) {
  Output o = Onoma("normalize --in-place '" + db_ + "'");
  EXPECT_EQ(o.exit_code, 2) << o.err;
  EXPECT_NE(o.err.find("is the database file"), std::string::npos) << o.err;
  ExpectDatabaseIntact();
}

// `normalize a.txt >> a.txt` would read its own output; the shell has
// already truncated the article under `>`, but onoma says so.
TEST_F(OutputSafetyCliTest, StandardOutputOntoAnInputIsRefused) {
  const std::string article = "Missiles struck Kiev.\n";
  Write("a.txt", article);
  for (const std::string command : {"normalize", "segment"}) {
    Output o =
        Onoma(command + " '" + Path("a.txt") + "' >>'" + Path("a.txt") + "'");
    EXPECT_EQ(o.exit_code, 2) << command << "\n" << o.err;
    EXPECT_NE(o.err.find("standard output is the input"), std::string::npos)
        << o.err;
    EXPECT_EQ(Read("a.txt"), article);
  }
}

// `onoma --db m.db tm export m.db`, under any spelling of the path.
TEST_F(OutputSafetyCliTest, TmExportOntoTheDatabaseIsRefused) {
  fs::create_symlink(db_, Path("link.db"));
  for (const std::string& target :
       {db_, Path("./m.db"), Path("sub/../m.db"), Path("link.db")}) {
    Output o = Onoma("tm export '" + target + "'");
    EXPECT_EQ(o.exit_code, 2) << target << "\n" << o.err;
    EXPECT_NE(o.err.find("is the database file"), std::string::npos) << o.err;
    ExpectDatabaseIntact();
  }
  // The same database reached through the link.
  Output o = RunOnoma("LANG=C",
                      "--db '" + Path("link.db") + "' tm export '" + db_ + "'");
  EXPECT_EQ(o.exit_code, 2) << o.err;
  ExpectDatabaseIntact();
}

TEST_F(OutputSafetyCliTest, TmExportOntoTheWriteAheadLogIsRefused) {
  Output o = Onoma("tm export '" + db_ + "-wal'");
  EXPECT_EQ(o.exit_code, 2) << o.err;
  o = Onoma("tm export '" + db_ + "-journal'");
  EXPECT_EQ(o.exit_code, 2) << o.err;
  ExpectDatabaseIntact();
}

TEST_F(OutputSafetyCliTest, TermExportOntoTheDatabaseIsRefused) {
  for (const std::string& target : {db_, Path("./m.db")}) {
    Output o = Onoma("term export '" + target + "'");
    EXPECT_EQ(o.exit_code, 2) << target << "\n" << o.err;
    ExpectDatabaseIntact();
  }
  Output lookup = Onoma("term lookup Kiev");
  EXPECT_EQ(lookup.exit_code, 0) << lookup.err;
}

TEST_F(OutputSafetyCliTest, TmAlignOutputOntoAnInputIsRefused) {
  const std::string en = "Kyiv said on Monday. Talks went on.\n";
  const std::string uk = "Київ заявив у понеділок. Переговори тривали.\n";
  Write("r.en.txt", en);
  Write("r.uk.txt", uk);
  Output o = Onoma("tm align --from en --to uk --output '" + Path("r.uk.txt") +
                   "' '" + Path("r.en.txt") + "' '" + Path("r.uk.txt") + "'");
  EXPECT_EQ(o.exit_code, 2) << o.err;
  EXPECT_EQ(Read("r.uk.txt"), uk);
  o = Onoma("tm align --from en --to uk --output '" + db_ + "' '" +
            Path("r.en.txt") + "' '" + Path("r.uk.txt") + "'");
  EXPECT_EQ(o.exit_code, 2) << o.err;
  ExpectDatabaseIntact();
  o = Onoma("tm align --from en --to uk --output '" + Path("out.tmx") + "' '" +
            Path("r.en.txt") + "' '" + Path("r.uk.txt") + "'");
  EXPECT_EQ(o.exit_code, 0) << o.err;
}

}  // namespace
}  // namespace onoma::testing
