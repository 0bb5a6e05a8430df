// ko-mr against tests/data/romanize/ko-mr.tsv: McCune–Reischauer place
// names, words and names, with its ASCII form.

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "tests/romanize/korean_test_util.h"

namespace onoma::romanize {
namespace {

using korean_test::LoadRows;
using korean_test::Mr;
using korean_test::OptionsFor;

TEST(KoreanMrTest, Golden) {
  std::map<std::string, std::pair<int, int>> by_rule;
  for (const auto& row : LoadRows("ko-mr.tsv", 4)) {
    std::string got = Mr().Romanize(row.fields[2], OptionsFor(row.fields[1]));
    auto& [passed, total] = by_rule[row.fields[0]];
    ++total;
    if (got == row.fields[3]) ++passed;
    EXPECT_EQ(got, row.fields[3])
        << "ko-mr.tsv:" << row.line << " " << row.fields[2];
  }
  for (const auto& [rule, counts] : by_rule) {
    std::printf("  %-12s %3d/%3d\n", rule.c_str(), counts.first, counts.second);
  }
}

TEST(KoreanMrTest, SchemeFacts) {
  EXPECT_EQ(Mr().id(), "ko-mr");
  EXPECT_FALSE(Mr().reversible());
}

TEST(KoreanMrTest, ApostropheSeparatesNAndG) {
  // n'g is ㄴ + ㄱ; ng is ㅇ (McCune–Reischauer 1939, the apostrophe).
  EXPECT_EQ(Mr().Romanize("한국"), "han'guk");
  EXPECT_EQ(Mr().Romanize("항국"), "hangguk");
}

TEST(KoreanMrTest, CapitalBreveVowels) {
  RomanizeOptions cap;
  cap.capitalize = true;
  EXPECT_EQ(Mr().Romanize("어머니", cap), "Ŏmŏni");
  EXPECT_EQ(Mr().Romanize("은행", cap), "Ŭnhaeng");
}

}  // namespace
}  // namespace onoma::romanize
