// `onoma tm lookup` as a translator runs it: text and JSON answers, a batch
// on standard input answered line for line, names from the bundled
// termbase substituted, and clear errors. On a SQLite file, and on a new
// PostgreSQL database in the onoma_tm_cli_test_pg run.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/pg_server.h"
#include "tests/support/run_onoma.h"
#include "tests/support/store_dir_test.h"

namespace onoma {
namespace {

namespace fs = std::filesystem;
using testing::Output;
using testing::RunOnoma;

class TmLookupCliTest : public testing::StoreDirTest {
 protected:
  void SetUp() override {
    if (!SetUpStore("t.db")) return;
    Add("--from en --to uk 'Shelling in Kharkiv on Monday killed 5 people.' "
        "'Обстріл у Харкові в понеділок убив 5 людей.'");
    Add("--from en --to ko 'Seoul is quiet on Sunday.' "
        "'서울은 일요일에 조용하다.'");
    Add("--from en --to uk 'The minister said talks would resume.' "
        "'Міністр заявив, що переговори відновляться.'");
  }
  void Add(const std::string& args) {
    Output o = Onoma("tm add " + args);
    ASSERT_EQ(o.exit_code, 0) << o.err;
  }
  void ImportTermbase() {
    Output o = Onoma("term import '" ONOMA_TEST_DATA_DIR
                     "/../../tables/termbase/news.tsv'");
    ASSERT_EQ(o.exit_code, 0) << o.err;
  }

  Output Onoma(const std::string& args, const std::string& input = "") {
    return RunOnoma("NO_COLOR=1", "--db '" + db_ + "' " + args, input);
  }
};

TEST_F(TmLookupCliTest, ShowsScoreSourceAndProposedTarget) {
  Output o = Onoma(
      "tm lookup --from en --to uk 'Shelling in Kharkiv on Tuesday killed 7 "
      "people.'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  // 9 tokens, one replaced, one number substituted: 88 - 1.
  EXPECT_NE(o.out.find("87%"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("Shelling in Kharkiv on Monday killed 5 people."),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("Обстріл у Харкові в понеділок убив 7 людей."),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("5 → 7"), std::string::npos) << o.out;
  EXPECT_EQ(o.out.find("\033["), std::string::npos) << "no colour in a pipe";
}

TEST_F(TmLookupCliTest, NamesFromTheTermStoreAreSubstituted) {
  ImportTermbase();
  Output o = Onoma(
      "tm lookup --from en --to uk --json 'Shelling in Kyiv on Monday killed "
      "5 people.'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("\"score\": 99"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("\"target\": \"Обстріл у Києві в понеділок убив 5 "
                       "людей.\""),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("\"stored_target\": \"Обстріл у Харкові"),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("{\"kind\": \"name\", \"from\": \"Харкові\", \"to\": "
                       "\"Києві\""),
            std::string::npos)
      << o.out;
  // Korean: the particle follows the new name's last syllable.
  o = Onoma("tm lookup --from en --to ko 'Kyiv is quiet on Sunday.'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("키이우는 일요일에 조용하다."), std::string::npos)
      << o.out;
}

TEST_F(TmLookupCliTest, BatchOnStandardInputAnswersLineForLine) {
  Output o = Onoma("tm lookup --from en --to uk --json -",
                   "The minister said talks would resume.\n"
                   "\n"
                   "Nothing like this was ever said.\n");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  std::vector<std::string> lines;
  std::istringstream in(o.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 3u) << o.out;
  EXPECT_EQ(lines[0].rfind("{\"query\": \"The minister", 0), 0u);
  EXPECT_NE(lines[0].find("\"score\": 100"), std::string::npos);
  EXPECT_EQ(lines[1], "{\"query\": \"\", \"matches\": []}");
  EXPECT_NE(lines[2].find("\"matches\": []"), std::string::npos);
}

TEST_F(TmLookupCliTest, NoMatchIsSaidAndIsNotAnError) {
  Output o = Onoma("tm lookup --from en --to uk --min 90 'Markets fell.'");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("no match scoring 90 or more"), std::string::npos)
      << o.out;
}

TEST_F(TmLookupCliTest, TheOtherDirectionOfTheMemory) {
  Output o = Onoma(
      "tm lookup --from uk --to en 'Міністр заявив, що переговори "
      "відновляться.'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("100%"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("The minister said talks would resume."),
            std::string::npos);
}

TEST_F(TmLookupCliTest, IndexIsBroughtUpToDateOrRebuilt) {
  Output o = Onoma("tm index");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.err.find("up to unit 3"), std::string::npos) << o.err;
  Add("--from en --to uk 'Markets fell sharply.' 'Ринки різко впали.'");
  o = Onoma("tm index --rebuild");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.err.find("up to unit 4"), std::string::npos) << o.err;
  o = Onoma("tm lookup --from en --to uk 'Markets fell sharply.'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("Ринки різко впали."), std::string::npos) << o.out;
}

TEST_F(TmLookupCliTest, BadInputGetsAClearError) {
  Output o = Onoma("tm lookup --from en --to uk --min 101 Kyiv");
  EXPECT_EQ(o.exit_code, 2) << o.err;
  o = Onoma("tm lookup --from en --to en-GB Kyiv");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.err.find("same"), std::string::npos) << o.err;
  o = Onoma("tm lookup --from en Kyiv");
  EXPECT_EQ(o.exit_code, 2) << o.err;
  o = Onoma("tm lookup --from en --to uk -", "Kyiv said\nKy\xFFiv\n");
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_NE(o.err.find("<stdin>:2:3"), std::string::npos) << o.err;
  o = Onoma("tm lookup --from en --to uk ' '");
  EXPECT_EQ(o.exit_code, 2) << o.err;
  EXPECT_NE(o.err.find("no words"), std::string::npos) << o.err;
}

}  // namespace
}  // namespace onoma
