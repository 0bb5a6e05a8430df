// ko-rr against every example of RR notice 2000-8 (ko-rr-notice.tsv) and
// against onoma's own lists, one per rule (ko-rr-rules.tsv).

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "tests/romanize/korean_test_util.h"

namespace onoma::romanize {
namespace {

using korean_test::LoadRows;
using korean_test::OptionsFor;
using korean_test::Rr;

// Runs a golden file (clause, mode, Hangul, expected) and prints the pass
// rate per clause, for the closing note of issue 4.
void RunGolden(const std::string& file) {
  std::map<std::string, std::pair<int, int>> by_clause;  // passed, total
  for (const auto& row : LoadRows(file, 4)) {
    const std::string& clause = row.fields[0];
    std::string got = Rr().Romanize(row.fields[2], OptionsFor(row.fields[1]));
    auto& [passed, total] = by_clause[clause];
    ++total;
    if (got == row.fields[3]) ++passed;
    EXPECT_EQ(got, row.fields[3])
        << file << ":" << row.line << " (" << clause << ", " << row.fields[1]
        << ") " << row.fields[2];
  }
  for (const auto& [clause, counts] : by_clause) {
    std::printf("  %-22s %3d/%3d\n", clause.c_str(), counts.first,
                counts.second);
  }
}

TEST(KoreanRrTest, NoticeExamples) { RunGolden("ko-rr-notice.tsv"); }

TEST(KoreanRrTest, RuleLists) { RunGolden("ko-rr-rules.tsv"); }

TEST(KoreanRrTest, SchemeFacts) {
  EXPECT_EQ(Rr().id(), "ko-rr");
  EXPECT_FALSE(Rr().reversible());
  EXPECT_EQ(Rr().script(), text::Script::kHangul);
  EXPECT_FALSE(Rr().Deromanize("silla").ok());
}

TEST(KoreanRrTest, RomanizeToAppends) {
  std::string out = "> ";
  Rr().RomanizeTo("신라", {}, out);
  EXPECT_EQ(out, "> silla");
}

TEST(KoreanRrTest, SoundChangesStopAtSpaces) {
  // 종로 is one word [종노]; "종 로" is two, with nothing between them.
  EXPECT_EQ(Rr().Romanize("종 로"), "jong ro");
  EXPECT_EQ(Rr().Romanize("종로"), "jongno");
}

TEST(KoreanRrTest, CapitalizeMarksEachWord) {
  RomanizeOptions cap;
  cap.capitalize = true;
  EXPECT_EQ(Rr().Romanize("서울 부산(대구)", cap), "Seoul Busan(Daegu)");
  // A run right after a letter continues a word and is not capitalized.
  EXPECT_EQ(Rr().Romanize("KBS뉴스", cap), "KBSnyuseu");
}

// The examples that issue 4 quotes, as it quotes them.
TEST(KoreanRegressionTest, Issue4Examples) {
  RomanizeOptions cap;
  cap.capitalize = true;
  RomanizeOptions place;
  place.place = true;
  RomanizeOptions name;
  name.name = true;
  EXPECT_EQ(Rr().Romanize("종로 신라 학여울", cap), "Jongno Silla Hangnyeoul");
  EXPECT_EQ(Rr().Romanize("같이 좋고"), "gachi joko");
  EXPECT_EQ(Rr().Romanize("윤석열", name), "Yun Seok-yeol");
  // Plain mode does not hyphenate endings that only look like units.
  EXPECT_EQ(Rr().Romanize("운동"), "undong");
  EXPECT_EQ(Rr().Romanize("운동", place), "Undong");
  EXPECT_EQ(Rr().Romanize("한라산 독도", place), "Hallasan Dokdo");
  EXPECT_EQ(Rr().Romanize("생산량"), "saengsannyang");
  RomanizeOptions ascii = cap;
  ascii.ascii = true;
  EXPECT_EQ(korean_test::Mr().Romanize("평양", cap), "P'yŏngyang");
  EXPECT_EQ(korean_test::Mr().Romanize("평양", ascii), "Pyongyang");
}

}  // namespace
}  // namespace onoma::romanize
