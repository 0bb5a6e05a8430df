// The bit-parallel distance against the ordinary dynamic programme.

#include "memory/tm/edit_distance.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace onoma::tm {
namespace {

TEST(EditDistanceTest, HandWorked) {
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(Distance(V{}, V{}), 0u);
  EXPECT_EQ(Distance(V{1, 2, 3}, V{}), 3u);
  EXPECT_EQ(Distance(V{1, 2, 3}, V{1, 3}), 1u);
  EXPECT_EQ(Distance(V{1, 2, 3, 4}, V{2, 1, 3, 5}), 3u);
  BitParallelDistance d;
  d.Prepare(V{1, 2, 3, 4});
  EXPECT_EQ(d.To(V{2, 1, 3, 5}), 3u);
  EXPECT_EQ(d.To(V{}), 4u);
  EXPECT_EQ(d.To(V{1, 2, 3, 4}), 0u);
  EXPECT_EQ(d.To(V{9, 9, 9, 9, 9, 9}), 6u);
}

TEST(EditDistanceTest, BitParallelAgreesWithTheProgramme) {
  std::mt19937 rng(8);
  BitParallelDistance reused;  // prepared again for each query, as lookups do
  for (int round = 0; round < 3000; ++round) {
    const int alphabet = 1 + static_cast<int>(rng() % 12);
    // Small ids, and now and then ids of a dictionary of millions.
    const std::int64_t base = round % 5 == 0 ? (std::int64_t{1} << 20) - 4 : 1;
    std::vector<std::int64_t> a(rng() % 70), b(rng() % 90);
    for (auto& x : a) x = base + static_cast<std::int64_t>(rng() % alphabet);
    for (auto& x : b) x = base + static_cast<std::int64_t>(rng() % alphabet);
    reused.Prepare(a);
    ASSERT_EQ(reused.To(b), Distance(a, b))
        << "round " << round << ": " << a.size() << " against " << b.size();
  }
}

}  // namespace
}  // namespace onoma::tm
