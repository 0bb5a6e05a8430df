#include "lib/util/edit_distance.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace onoma {
namespace {

int Distance(std::string_view a, std::string_view b, int limit = 10) {
  return BoundedEditDistance(a, b, limit);
}

TEST(BoundedEditDistanceTest, CountsEachEditOnce) {
  EXPECT_EQ(Distance("", ""), 0);
  EXPECT_EQ(Distance("kyiv", "kyiv"), 0);
  EXPECT_EQ(Distance("", "abc"), 3);
  EXPECT_EQ(Distance("romanise", "romanize"), 1);  // substitution
  EXPECT_EQ(Distance("segmnt", "segment"), 1);     // insertion
  EXPECT_EQ(Distance("infoo", "info"), 1);         // deletion
  EXPECT_EQ(Distance("kharkvi", "kharkiv"), 1);    // a swap is one edit
  EXPECT_EQ(Distance("kitten", "sitting"), 3);
}

TEST(BoundedEditDistanceTest, StopsPastTheLimit) {
  EXPECT_EQ(Distance("kitten", "sitting", 2), 3);
  EXPECT_EQ(Distance("a", "abcdef", 2), 3);  // by the lengths alone
  EXPECT_EQ(Distance("abcdef", "uvwxyz", 0), 1);
}

TEST(BoundedEditDistanceTest, AnySequence) {
  EXPECT_EQ(BoundedEditDistance(std::u32string(U"Харків"),
                                std::u32string(U"Хакрів"), 3),
            1);
  EXPECT_EQ(
      BoundedEditDistance(std::vector<int>{1, 2, 3}, std::vector<int>{1, 3}, 3),
      1);
}

}  // namespace
}  // namespace onoma
