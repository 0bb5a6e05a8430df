// `onoma pretranslate` as a desk runs it: a report against its own small
// memory (en→uk, en→ko, uk→en), the draft as text, XLIFF 2.0 and 1.2
// (validated with xmllint), TMX and TSV, the analysis on stderr and as
// JSON, a directory of reports, and outputs that would overwrite an input.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

#include "tests/support/files.h"
#include "tests/support/pg_server.h"
#include "tests/support/run_onoma.h"
#include "tests/support/store_dir_test.h"
#include "tests/support/xliff_schema.h"

namespace onoma {
namespace {

namespace fs = std::filesystem;
using testing::Output;
using testing::RunOnoma;
using testing::Xliff;

class PretranslateCliTest : public testing::StoreDirTest {
 protected:
  void SetUp() override {
    // In the onoma_pretranslate_cli_test_pg run the store is a new
    // PostgreSQL database, and every draft is the one SQLite gives.
    if (!SetUpStore("t.db")) return;
    Output o =
        Onoma("term import '" ONOMA_SOURCE_DIR "/tables/termbase/news.tsv'");
    ASSERT_EQ(o.exit_code, 0) << o.err;
    Add("--from en --to uk 'Shelling in Kharkiv on Monday killed 5 people.' "
        "'Обстріл у Харкові в понеділок убив 5 людей.'");
    Add("--from en --to uk 'The minister said talks would resume.' "
        "'Міністр заявив, що переговори відновляться.'");
    Add("--from en --to ko 'Seoul is quiet on 3 May.' "
        "'서울은 5월 3일 조용하다.'");
    Add("--from uk --to en 'Обстріл у Харкові в понеділок тривав 3 години.' "
        "'Shelling in Kharkiv on Monday lasted 3 hours.'");
  }
  void Add(const std::string& args) {
    Output o = Onoma("tm add " + args);
    ASSERT_EQ(o.exit_code, 0) << o.err;
  }
  Output Onoma(const std::string& args, const std::string& input = "") {
    return RunOnoma("NO_COLOR=1", "--db '" + db_ + "' " + args, input);
  }
  static constexpr char kReport[] =
      "Shelling in Kyiv on Monday killed 7 people. The minister said talks "
      "would resume.\n"
      "Nobody expected the storm to reach the coast.\n";
};

TEST_F(PretranslateCliTest, TextDraftOnStandardOutputWithTheAnalysis) {
  const std::string report = Write("report.txt", kReport);
  Output o = Onoma("pretranslate --from en --to uk '" + report + "'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out,
            "Обстріл у Києві в понеділок убив 7 людей. Міністр заявив, що "
            "переговори відновляться.\n"
            "[[Nobody expected the storm to reach the coast.]]\n");
  EXPECT_NE(o.err.find("analysis against the memory (en to uk)"),
            std::string::npos)
      << o.err;
  EXPECT_NE(o.err.find("  100                1         6\n"), std::string::npos)
      << o.err;
  EXPECT_NE(o.err.find("  95-99              1         8\n"), std::string::npos)
      << o.err;
  EXPECT_NE(o.err.find("  no match           1         8\n"), std::string::npos)
      << o.err;
  EXPECT_NE(o.err.find("  total              3        22\n"), std::string::npos)
      << o.err;
}

TEST_F(PretranslateCliTest, StandardInputIsAReportToo) {
  Output o = Onoma("pretranslate --from en --to uk -",
                   "The minister said talks would resume.\n");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out, "Міністр заявив, що переговори відновляться.\n");
}

TEST_F(PretranslateCliTest, Xliff20DraftValidatesAndHoldsTheProposals) {
  const std::string report = Write("report.txt", kReport);
  Output o = Onoma("pretranslate --from en --to uk -o '" + Path("r.xlf") +
                   "' '" + report + "'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out, "");
  const std::string x = testing::Slurp(Path("r.xlf"));
  EXPECT_NE(x.find("version=\"2.0\" srcLang=\"en\" trgLang=\"uk\""),
            std::string::npos);
  EXPECT_NE(x.find("<target>Обстріл у Києві в понеділок убив 7 людей."
                   "</target>"),
            std::string::npos)
      << x;
  EXPECT_NE(x.find("state=\"translated\""), std::string::npos);
  EXPECT_NE(x.find("<gls:translation>Київ</gls:translation>"),
            std::string::npos);
  EXPECT_NE(x.find("<mtc:match id=\"m1\" ref=\"#s1\" type=\"tm\" "
                   "matchQuality=\"98\""),
            std::string::npos)
      << x;
  EXPECT_EQ(testing::XliffSchemaErrors(Path("r.xlf"), Xliff::k20), "");
}

TEST_F(PretranslateCliTest, Xliff12DraftValidates) {
  const std::string report = Write("report.txt", kReport);
  Output o = Onoma("pretranslate --from en --to uk --format xliff12 -o '" +
                   Path("r.xlf") + "' '" + report + "'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const std::string x = testing::Slurp(Path("r.xlf"));
  EXPECT_NE(x.find("version=\"1.2\""), std::string::npos);
  EXPECT_NE(x.find("state-qualifier=\"exact-match\""), std::string::npos);
  EXPECT_NE(x.find("state-qualifier=\"leveraged-tm\""), std::string::npos);
  EXPECT_EQ(testing::XliffSchemaErrors(Path("r.xlf"), Xliff::k12), "");
}

TEST_F(PretranslateCliTest, ValidationRunsWhereTheSchemasAre) {
  ONOMA_REQUIRE_XLIFF_SCHEMAS();
  const std::string report = Write("report.txt", kReport);
  ASSERT_EQ(Onoma("pretranslate --from en --to uk -o '" + Path("a.xliff") +
                  "' '" + report + "'")
                .exit_code,
            0);
  EXPECT_EQ(testing::XliffSchemaErrors(Path("a.xliff"), Xliff::k20), "");
  // The XLIFF 1.2 schema refuses the 2.0 file: xmllint really ran.
  EXPECT_NE(testing::XliffSchemaErrors(Path("a.xliff"), Xliff::k12), "");
}

TEST_F(PretranslateCliTest, TmxAndTsvFollowTheExtension) {
  const std::string report = Write("report.txt", kReport);
  ASSERT_EQ(Onoma("pretranslate --from en --to uk -o '" + Path("auto.tmx") +
                  "' '" + report + "'")
                .exit_code,
            0);
  const std::string tmx = testing::Slurp(Path("auto.tmx"));
  EXPECT_NE(tmx.find("<seg>Shelling in Kyiv on Monday killed 7 people.</seg>"),
            std::string::npos)
      << tmx;
  EXPECT_EQ(tmx.find("Nobody"), std::string::npos);
  ASSERT_EQ(Onoma("pretranslate --from en --to uk -o '" + Path("d.tsv") +
                  "' '" + report + "'")
                .exit_code,
            0);
  EXPECT_EQ(testing::Slurp(Path("d.tsv")),
            "source\ttarget\tscore\torigin\n"
            "Shelling in Kyiv on Monday killed 7 people.\tОбстріл у Києві в "
            "понеділок убив 7 людей.\t98\tonoma tm add\n"
            "The minister said talks would resume.\tМіністр заявив, що "
            "переговори відновляться.\t100\tonoma tm add\n"
            "Nobody expected the storm to reach the coast.\t\t\t\n");
}

TEST_F(PretranslateCliTest, StatsAsJson) {
  const std::string report = Write("report.txt", kReport);
  Output o = Onoma("pretranslate --from en --to uk --stats '" + Path("s.json") +
                   "' '" + report + "'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const std::string json = testing::Slurp(Path("s.json"));
  EXPECT_NE(json.find("{\"band\": \"100\", \"segments\": 1, \"words\": 6}"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("{\"band\": \"no match\", \"segments\": 1, "
                      "\"words\": 8}"),
            std::string::npos);
  EXPECT_NE(json.find("\"total\": {\"segments\": 3, \"words\": 22}"),
            std::string::npos);
}

TEST_F(PretranslateCliTest, EnglishToKoreanAndUkrainianToEnglish) {
  Output ko =
      Onoma("pretranslate --from en --to ko -", "Kyiv is quiet on 4 May.\n");
  ASSERT_EQ(ko.exit_code, 0) << ko.err;
  EXPECT_EQ(ko.out, "키이우는 5월 4일 조용하다.\n");
  Output en = Onoma("pretranslate --from uk --to en -",
                    "Обстріл у Києві в понеділок тривав 4 години.\n");
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_EQ(en.out, "Shelling in Kyiv on Monday lasted 4 hours.\n");
}

TEST_F(PretranslateCliTest, ADirectoryOfReports) {
  fs::create_directories(dir_ / "in");
  Write("in/a.txt", "The minister said talks would resume.\n");
  Write("in/b.txt", "Nobody expected the storm to reach the coast.\n");
  Output o = Onoma("pretranslate --from en --to uk --format xliff12 -o '" +
                   Path("out") + "' '" + Path("in") + "'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  ASSERT_TRUE(fs::exists(dir_ / "out" / "a.xlf"));
  ASSERT_TRUE(fs::exists(dir_ / "out" / "b.xlf"));
  EXPECT_NE(o.err.find("all files"), std::string::npos) << o.err;
  EXPECT_EQ(testing::XliffSchemaErrors(dir_ / "out" / "a.xlf", Xliff::k12), "");
  // Two reports of one stem do not overwrite each other's draft.
  Write("in/b.md", "The minister said talks would resume.\n");
  Output stems = Onoma("pretranslate --from en --to uk --format tsv -o '" +
                       Path("out2") + "' '" + Path("in") + "'");
  ASSERT_EQ(stems.exit_code, 0) << stems.err;
  EXPECT_TRUE(fs::exists(dir_ / "out2" / "a.tsv"));
  EXPECT_NE(testing::Slurp(Path("out2/b.md.tsv")).find("\t100\t"),
            std::string::npos);
  EXPECT_NE(testing::Slurp(Path("out2/b.txt.tsv")).find("coast.\t\t\t"),
            std::string::npos);
  // Without -o a directory has nowhere to go.
  Output refused = Onoma("pretranslate --from en --to uk '" + Path("in") + "'");
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
}

TEST_F(PretranslateCliTest, OutputThatWouldOverwriteTheReportIsRefused) {
  const std::string report = Write("report.txt", kReport);
  Output o = Onoma("pretranslate --from en --to uk -o '" + report + "' '" +
                   report + "'");
  EXPECT_EQ(o.exit_code, 2) << o.err;
  EXPECT_EQ(testing::Slurp(report), kReport);
  Output db = Onoma("pretranslate --from en --to uk --stats '" + Path("t.db") +
                    "' '" + report + "'");
  EXPECT_EQ(db.exit_code, 2) << db.err;
}

TEST_F(PretranslateCliTest, BadInputIsRefusedWithItsPlace) {
  const std::string report = Write("bad.txt", "ok\n\xFF\n");
  Output o = Onoma("pretranslate --from en --to uk '" + report + "'");
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_NE(o.err.find("bad.txt:2:1"), std::string::npos) << o.err;
  Output missing =
      Onoma("pretranslate --from en --to uk '" + Path("missing.txt") + "'");
  EXPECT_EQ(missing.exit_code, 3) << missing.err;
  Output usage = Onoma("pretranslate --to uk '" + report + "'");
  EXPECT_EQ(usage.exit_code, 2);
}

TEST_F(PretranslateCliTest, SrxRulesCutTheReport) {
  // Rules that break after every full stop, "Gen." included.
  const std::string srx =
      Write("rules.srx",
            "<srx version=\"2.0\"><header cascade=\"no\"/><body><languagerules>"
            "<languagerule languagerulename=\"D\"><rule break=\"yes\">"
            "<beforebreak>[.!]</beforebreak><afterbreak>\\s</afterbreak></rule>"
            "</languagerule></languagerules><maprules><languagemap "
            "languagepattern=\".*\" languagerulename=\"D\"/></maprules></body>"
            "</srx>");
  const std::string report =
      Write("report.txt",
            "Gen. Smith arrived. The minister said talks would "
            "resume.\n");
  Output builtin =
      Onoma("pretranslate --from en --to uk --format tsv '" + report + "'");
  ASSERT_EQ(builtin.exit_code, 0) << builtin.err;
  EXPECT_NE(builtin.out.find("\nGen. Smith arrived.\t"), std::string::npos)
      << builtin.out;
  Output with_srx =
      Onoma("pretranslate --from en --to uk --format tsv --srx '" + srx +
            "' '" + report + "'");
  ASSERT_EQ(with_srx.exit_code, 0) << with_srx.err;
  EXPECT_NE(with_srx.out.find("\nGen.\t\t\t\nSmith arrived.\t"),
            std::string::npos)
      << with_srx.out;
  // -o naming the SRX file would destroy it.
  Output refused = Onoma("pretranslate --from en --to uk --srx '" + srx +
                         "' -o '" + srx + "' '" + report + "'");
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
}

// The round docs/pretranslate.md shows, on its files.
TEST_F(PretranslateCliTest, TheRoundInTheGuide) {
  const std::string data = ONOMA_SOURCE_DIR "/tests/data/pretranslate/";
  const std::string db = "--db '" + Path("desk.db") + "' ";
  auto run = [&](const std::string& args) {
    return RunOnoma("NO_COLOR=1", db + args);
  };
  ASSERT_EQ(run("term import '" ONOMA_SOURCE_DIR "/tables/termbase/news.tsv'")
                .exit_code,
            0);
  Output imported = run("tm import '" + data + "desk.tmx'");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  Output o = run("pretranslate --from en --to uk '" + data + "report.txt'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out,
            "Обстріл у Львові в понеділок убив 7 людей.\n"
            "Міністр заявив, що переговори відновляться. Переговори "
            "відновилися у Києві 12 березня.\n"
            "Протиповітряна оборона вночі збила над областю 9 дронів.\n"
            "[[Officials said water had been restored in two districts.]]\n"
            "[[Rescuers are still searching the rubble.]]\n");
  EXPECT_NE(o.err.find("  match       segments     words\n"
                       "  100                1         6\n"
                       "  95-99              3        25\n"
                       "  85-94              0         0\n"
                       "  75-84              0         0\n"
                       "  50-74              1         9\n"
                       "  no match           1         6\n"
                       "  total              6        46\n"),
            std::string::npos)
      << o.err;
  Output x =
      run("pretranslate --from en --to uk -o '" + Path("report.xlf") +
          "' --stats '" + Path("report.json") + "' '" + data + "report.txt'");
  ASSERT_EQ(x.exit_code, 0) << x.err;
  const std::string xlf = testing::Slurp(Path("report.xlf"));
  EXPECT_NE(xlf.find("<note appliesTo=\"target\" category=\"onoma\">house "
                     "style: Киеве → Києві (deprecated)</note>"),
            std::string::npos)
      << xlf;
  EXPECT_NE(xlf.find("<unit id=\"u6\">\n        <segment id=\"s1\" "
                     "state=\"initial\">\n          <source>Rescuers are "
                     "still searching the rubble.</source>\n        "
                     "</segment>"),
            std::string::npos)
      << xlf;
  EXPECT_EQ(testing::XliffSchemaErrors(Path("report.xlf"), Xliff::k20), "");
  EXPECT_NE(testing::Slurp(Path("report.json"))
                .find("\"total\": {\"segments\": 6, \"words\": 46}"),
            std::string::npos);
  // The finished draft comes back into the memory, and the report is then
  // found at 100 throughout.
  Output back = run("tm import '" + data + "report.done.xlf'");
  ASSERT_EQ(back.exit_code, 0) << back.err;
  EXPECT_NE(
      (back.out + back.err).find("6 segments read, 0 not finished, 6 added"),
      std::string::npos)
      << back.err;
  Output again = run("pretranslate --from en --to uk '" + data + "report.txt'");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("Посадовці заявили, що водопостачання відновлено "
                           "у двох районах.\nРятувальники досі розбирають "
                           "завали.\n"),
            std::string::npos)
      << again.out;
  EXPECT_NE(again.err.find("  100                6        46\n"),
            std::string::npos)
      << again.err;
}

}  // namespace
}  // namespace onoma
