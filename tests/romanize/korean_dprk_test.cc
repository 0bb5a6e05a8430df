// ko-dprk against tests/data/romanize/ko-dprk.tsv: the examples of the
// DPRK's 1992 rules (UNGEGN Working Paper No. 46).

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "tests/romanize/korean_test_util.h"

namespace onoma::romanize {
namespace {

using korean_test::LoadRows;
using korean_test::OptionsFor;
using korean_test::SchemeById;

TEST(KoreanDprkTest, Golden) {
  const Scheme& dprk = SchemeById("ko-dprk");
  std::map<std::string, std::pair<int, int>> by_rule;
  for (const auto& row : LoadRows("ko-dprk.tsv", 4)) {
    std::string got = dprk.Romanize(row.fields[2], OptionsFor(row.fields[1]));
    auto& [passed, total] = by_rule[row.fields[0]];
    ++total;
    if (got == row.fields[3]) ++passed;
    EXPECT_EQ(got, row.fields[3])
        << "ko-dprk.tsv:" << row.line << " " << row.fields[2];
  }
  for (const auto& [rule, counts] : by_rule) {
    std::printf("  %-16s %3d/%3d\n", rule.c_str(), counts.first, counts.second);
  }
}

TEST(KoreanDprkTest, FamilyNameLiIsRi) {
  RomanizeOptions name;
  name.name = true;
  EXPECT_EQ(SchemeById("ko-dprk").Romanize("이설주", name), "Ri Sŏl Ju");
  EXPECT_EQ(SchemeById("ko-dprk").Romanize("김정일", name), "Kim Jŏng Il");
}

}  // namespace
}  // namespace onoma::romanize
