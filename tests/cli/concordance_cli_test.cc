// `onoma tm concordance` as a user runs it: text and JSON Lines, both
// sides, nothing found, --lang and --max, queries on stdin, invalid UTF-8
// (exit 3), hostile queries, and the highlight only on a terminal. On a
// SQLite file, and on a new PostgreSQL database in the
// onoma_tm_cli_test_pg run.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

#include "tests/support/pg_server.h"
#include "tests/support/run_onoma.h"
#include "tests/support/store_dir_test.h"

namespace onoma {
namespace {

namespace fs = std::filesystem;
using testing::Output;
using testing::RunOnoma;

class ConcordanceCliTest : public testing::StoreDirTest {
 protected:
  void SetUp() override {
    if (!SetUpStore("tm.db")) return;
    ASSERT_EQ(Onoma("tm add --from uk --to en 'Переговори у Києві' "
                    "'Talks in Kyiv'")
                  .exit_code,
              0);
    ASSERT_EQ(Onoma("tm add --from ko --to en '키이우에서 열린 회담' "
                    "'Talks held in Kyiv'")
                  .exit_code,
              0);
    ASSERT_EQ(
        Onoma("tm add --from ko --to en '서울시는 밝혔다' 'Seoul city said'")
            .exit_code,
        0);
  }
  Output Onoma(const std::string& args, const std::string& input = "") {
    return RunOnoma("", "--db '" + db_ + "' " + args, input);
  }
};

TEST_F(ConcordanceCliTest, PrintsBothSidesNewestFirst) {
  Output o = Onoma("tm concordance kyiv");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out,
            "en: Talks held in Kyiv\n"
            "ko: 키이우에서 열린 회담\n"
            "\n"
            "en: Talks in Kyiv\n"
            "uk: Переговори у Києві\n");
  EXPECT_EQ(o.err, "");
  // A pipe gets no escape codes.
  EXPECT_EQ(o.out.find('\033'), std::string::npos);
}

TEST_F(ConcordanceCliTest, FindsInsideWordsAndShortQueries) {
  EXPECT_EQ(Onoma("tm concordance иєв").out,
            "uk: Переговори у Києві\nen: Talks in Kyiv\n");
  EXPECT_EQ(Onoma("tm concordance 이우에").out,
            "ko: 키이우에서 열린 회담\nen: Talks held in Kyiv\n");
  EXPECT_EQ(Onoma("tm concordance 서울").out,
            "ko: 서울시는 밝혔다\nen: Seoul city said\n");
}

TEST_F(ConcordanceCliTest, JsonLinesWithRanges) {
  Output o = Onoma("tm concordance --json --lang uk КИЄВ");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out,
            "{\"query\": \"КИЄВ\", \"hits\": [{\"source\": \"Переговори у "
            "Києві\", \"target\": \"Talks in Kyiv\", \"lang\": \"uk\", "
            "\"target_lang\": \"en\", \"tuid\": \"\", \"unit\": 1, "
            "\"unit_source\": true, \"match_bytes\": [[24, 32]], "
            "\"match_chars\": [[13, 17]], \"targets\": [{\"lang\": \"en\", "
            "\"text\": \"Talks in Kyiv\"}]}]}\n");
}

TEST_F(ConcordanceCliTest, NothingFoundIsNotAnError) {
  Output o = Onoma("tm concordance Одеса");
  EXPECT_EQ(o.exit_code, 0);
  EXPECT_EQ(o.out, "no segment contains 'Одеса'\n");
  o = Onoma("tm concordance --json Одеса");
  EXPECT_EQ(o.out, "{\"query\": \"Одеса\", \"hits\": []}\n");
  o = Onoma("tm concordance --lang uk 'Talks'");
  EXPECT_EQ(o.out, "no segment contains 'Talks'\n");
}

TEST_F(ConcordanceCliTest, MaxLimitsTheUnits) {
  Output o = Onoma("tm concordance --max 1 --json Talks");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("\"unit\": 2"), std::string::npos);
  EXPECT_EQ(o.out.find("\"unit\": 1"), std::string::npos);
  EXPECT_EQ(Onoma("tm concordance --max 0 Talks").exit_code, 2);
}

TEST_F(ConcordanceCliTest, ReadsQueriesFromStdin) {
  Output o = Onoma("tm concordance --json -", "서울\n\nОдеса\r\n");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out.substr(0, o.out.find('\n')).find("\"query\": \"서울\""), 1u);
  EXPECT_NE(o.out.find("{\"query\": \"\", \"hits\": []}\n"), std::string::npos);
  EXPECT_NE(o.out.find("{\"query\": \"Одеса\", \"hits\": []}\n"),
            std::string::npos);
  o = Onoma("tm concordance -", "иєв\n");
  EXPECT_EQ(o.out, "# иєв\nuk: Переговори у Києві\nen: Talks in Kyiv\n\n");
}

TEST_F(ConcordanceCliTest, InvalidUtf8IsBadInput) {
  Output o = Onoma("tm concordance \"$(printf 'Ky\\377iv')\"");
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_NE(o.err.find("onoma: tm concordance: query:1:3: invalid UTF-8"),
            std::string::npos)
      << o.err;
  o = Onoma("tm concordance -", "ok\nKy\xffiv\n");
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_NE(o.err.find("<stdin>:2:3"), std::string::npos) << o.err;
}

// A 10 kB query (2,000 words) is answered at once; FTS5 took over a
// minute on it as one phrase. The timeout only catches such a hang. Over
// the limit of lib/util/limits.h it is refused (exit 3), naming the limit.
TEST_F(ConcordanceCliTest, LongQueryIsAnsweredAndTooLongIsRefused) {
  std::string query;
  for (int i = 0; i < 2000; ++i) query += "said ";
  ASSERT_EQ(Onoma("tm add --from en --to uk 'He " + query +
                  "twice.' 'Він сказав двічі'")
                .exit_code,
            0);
  Output o =
      RunOnoma("timeout 60", "--db '" + db_ + "' tm concordance --json -",
               query + "\n" + query + "x\n");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("\"match_bytes\": [[3, 10003]]"), std::string::npos);
  EXPECT_NE(o.out.find("x\", \"hits\": []}\n"), std::string::npos);
  o = Onoma("tm concordance -", std::string(64 * 1024 + 1, 'a') + "\n");
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_NE(o.err.find("over the limit of 65536 bytes"), std::string::npos)
      << o.err;
}

TEST_F(ConcordanceCliTest, HostileQueriesAreText) {
  for (const char* query : {"'\"'", "'NEAR('", "'*'", "'a OR b'",
                            "\"'; DROP TABLE tm_unit; --\"", "'\"\"\"'"}) {
    Output o = Onoma(std::string("tm concordance ") + query);
    EXPECT_EQ(o.exit_code, 0) << query << ": " << o.err;
    EXPECT_EQ(o.out.rfind("no segment contains", 0), 0u) << query;
  }
  EXPECT_EQ(Onoma("tm concordance Seoul").exit_code, 0);
}

// On a terminal the hit is in reverse video, unless NO_COLOR is set, and
// control characters from the memory are not passed to it. script(1) gives
// the command a terminal; skipped where it is missing.
TEST_F(ConcordanceCliTest, HighlightsOnATerminalOnly) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "script(1) is not installed";
  }
  auto terminal = [&](const std::string& env, const std::string& query) {
    const std::string command =
        env + " script -qec \"'" ONOMA_CLI_PATH "' --db '" + db_ +
        "' tm concordance " + query + "\" /dev/null";
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    EXPECT_NE(pipe, nullptr) << command;
    if (pipe == nullptr) return out;
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
      out.append(buffer, n);
    }
    pclose(pipe);
    return out;
  };
  std::string out = terminal("", "이우에");
  EXPECT_NE(out.find("ko: 키\033[1;7m이우에\033[0m서 열린 회담"),
            std::string::npos)
      << out;
  out = terminal("NO_COLOR=1", "이우에");
  EXPECT_NE(out.find("ko: 키이우에서 열린 회담"), std::string::npos) << out;
  EXPECT_EQ(out.find("\033["), std::string::npos) << out;

  // U+009B, a CSI to some terminals, is one of the controls XML allows.
  ASSERT_EQ(
      Onoma("tm add --from en --to uk \"$(printf 'Lviv \\302\\2332Jsaid')\" "
            "'Львів заявив'")
          .exit_code,
      0);
  out = terminal("NO_COLOR=1", "Lviv");
  EXPECT_NE(out.find("en: Lviv \uFFFD2Jsaid"), std::string::npos) << out;
  EXPECT_EQ(out.find("\u009B"), std::string::npos) << out;
  // A pipe gets the text as stored.
  EXPECT_NE(Onoma("tm concordance Lviv").out.find("Lviv \u009B2Jsaid"),
            std::string::npos);
}

}  // namespace
}  // namespace onoma
