// `onoma term index` and the compiled name index that normalize and tm
// lookup map at start: its size printed; stale after term add,
// edit, remove and import; a damaged file rebuilt; a read-only database
// served from memory with one line saying so; several processes building
// at once leaving one good index.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/files.h"
#include "tests/support/run_onoma.h"
#include "tests/support/temp_dir_test.h"

namespace onoma::testing {
namespace {

namespace fs = std::filesystem;

const std::string kSample =
    std::string(ONOMA_SOURCE_DIR) + "/tests/data/terms/news-sample.tsv";

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

class TermIndexCliTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    db_ = Path("news.db");
    Output o = Onoma("term import '" + kSample + "'");
    ASSERT_EQ(o.exit_code, 0) << o.err;
  }

  Output Onoma(const std::string& args, const std::string& input = "") {
    return RunOnoma("LANG=C", "--db '" + db_ + "' " + args, input);
  }
  std::string Normalize(const std::string& text) {
    Output o = Onoma("normalize --lang en", text);
    EXPECT_EQ(o.exit_code, 0) << o.err;
    return o.out;
  }
  std::string Index() const { return db_ + ".names"; }

  std::string db_;
};

TEST_F(TermIndexCliTest, PrintsTheIndexAndItsSize) {
  Output built = Onoma("term index");
  ASSERT_EQ(built.exit_code, 0) << built.err;
  ASSERT_TRUE(fs::exists(Index()));
  const std::string size = std::to_string(fs::file_size(Index()));
  const std::string concepts =
      " bytes (10 concepts)\n";  // tests/data/terms/news-sample.tsv
  EXPECT_EQ(built.out, Index() + ": compiled, " + size + concepts);
  Output current = Onoma("term index");
  EXPECT_EQ(current.exit_code, 0) << current.err;
  EXPECT_EQ(current.out, Index() + ": current, " + size + concepts);
  Output rebuilt = Onoma("term index --rebuild");
  EXPECT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_NE(rebuilt.out.find(": compiled, "), std::string::npos) << rebuilt.out;
  EXPECT_TRUE(built.err.empty()) << built.err;
}

TEST_F(TermIndexCliTest, NormalizeWritesTheIndexAndTheNextRunMapsIt) {
  EXPECT_FALSE(fs::exists(Index()));
  EXPECT_EQ(Normalize("Kiev today.\n"), "Kyiv today.\n");
  EXPECT_TRUE(fs::exists(Index()));
  EXPECT_NE(Onoma("term index").out.find(": current, "), std::string::npos);
  EXPECT_EQ(Normalize("Kiev today.\n"), "Kyiv today.\n");
}

TEST_F(TermIndexCliTest, TermWritesMakeTheIndexStale) {
  ASSERT_EQ(Onoma("term index").exit_code, 0);
  ASSERT_EQ(Normalize("Troyeshchina was quiet.\n"),
            "Troyeshchina was quiet.\n");
  // add
  ASSERT_EQ(
      Onoma("term add troieshchyna en Troieshchyna --type place").exit_code, 0);
  ASSERT_EQ(Onoma("term add troieshchyna en Troyeshchina --status deprecated "
                  "--term-type variant")
                .exit_code,
            0);
  EXPECT_EQ(Normalize("Troyeshchina was quiet.\n"),
            "Troieshchyna was quiet.\n");
  // edit: the variant admitted as a full form is left alone.
  ASSERT_EQ(Onoma("term edit troieshchyna en Troyeshchina --status admitted "
                  "--term-type fullForm")
                .exit_code,
            0);
  EXPECT_EQ(Normalize("Troyeshchina was quiet.\n"),
            "Troyeshchina was quiet.\n");
  // remove
  ASSERT_EQ(Normalize("Kiev today.\n"), "Kyiv today.\n");
  ASSERT_EQ(Onoma("term remove kyiv en Kiev").exit_code, 0);
  EXPECT_EQ(Normalize("Kiev today.\n"), "Kiev today.\n");
  // import
  const std::string more =
      Write("more.tsv",
            "concept\ttype\tlang\tform\tstatus\tterm_type\tnote\tsource\n"
            "kyiv\tplace\ten\tKiev\tdeprecated\tvariant\t\t\n");
  ASSERT_EQ(Onoma("term import '" + more + "'").exit_code, 0);
  EXPECT_EQ(Normalize("Kiev today.\n"), "Kyiv today.\n");
  EXPECT_NE(Onoma("term index").out.find(": current, "), std::string::npos);
}

TEST_F(TermIndexCliTest, ADamagedIndexIsRebuilt) {
  ASSERT_EQ(Onoma("term index").exit_code, 0);
  const std::string good = Slurp(Index());
  for (const std::string& bad :
       {std::string("not an index"), good.substr(0, good.size() / 2),
        std::string(good.size(), '\0')}) {
    testing::Write(Index(), bad);
    Output o = Onoma("normalize --lang en", "Kiev today.\n");
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_EQ(o.out, "Kyiv today.\n");
    EXPECT_NE(Onoma("term index").out.find(": current, "), std::string::npos);
  }
}

TEST_F(TermIndexCliTest, AReadOnlyDatabaseWorksFromMemoryAndSaysSoOnce) {
  Output normalized =
      Onoma("--read-only normalize --lang en", "Kiev today.\nKiev again.\n");
  EXPECT_EQ(normalized.exit_code, 0) << normalized.err;
  EXPECT_EQ(normalized.out, "Kyiv today.\nKyiv again.\n");
  EXPECT_EQ(Count(normalized.err, "compiled in memory"), 1u) << normalized.err;
  EXPECT_FALSE(fs::exists(Index()));

  Output looked_up = Onoma("--read-only tm lookup --from en --to uk Kiev");
  EXPECT_EQ(Count(looked_up.err, "compiled in memory"), 1u) << looked_up.err;

  Output index = Onoma("--read-only term index");
  EXPECT_EQ(index.exit_code, 3) << index.err;
  EXPECT_NE(index.err.find("cannot be written"), std::string::npos)
      << index.err;
  // Once written, the index serves a read-only database too, quietly.
  ASSERT_EQ(Onoma("term index").exit_code, 0);
  normalized = Onoma("--read-only normalize --lang en", "Kiev today.\n");
  EXPECT_EQ(normalized.out, "Kyiv today.\n");
  EXPECT_EQ(Count(normalized.err, "compiled in memory"), 0u) << normalized.err;
}

TEST_F(TermIndexCliTest, ConcurrentBuildersLeaveOneGoodIndex) {
  std::vector<pid_t> pids;
  std::vector<std::string> errs;
  for (int i = 0; i < 6; ++i) {
    errs.push_back(Path("err" + std::to_string(i)));
    pids.push_back(StartOnoma({"--db", db_, "term", "index", "--rebuild"},
                              errs.back(), 0));
  }
  for (std::size_t i = 0; i < pids.size(); ++i) {
    int status = 0;
    ASSERT_EQ(waitpid(pids[i], &status, 0), pids[i]);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << Slurp(errs[i]);
  }
  EXPECT_NE(Onoma("term index").out.find(": current, "), std::string::npos);
  EXPECT_EQ(Normalize("Kiev today.\n"), "Kyiv today.\n");
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos)
        << entry.path();
  }
}

TEST_F(TermIndexCliTest, NoDatabaseIsNoIndex) {
  Output o = RunOnoma("LANG=C", "--db '" + Path("missing.db") + "' term index");
  EXPECT_EQ(o.exit_code, 4) << o.err;
  EXPECT_FALSE(fs::exists(Path("missing.db")));
}

}  // namespace
}  // namespace onoma::testing
