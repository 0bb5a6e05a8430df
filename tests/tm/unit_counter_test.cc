// The bit-sliced per-unit counts of the lookup's count filter, checked
// against a plain array of counts.

#include "memory/tm/unit_counter.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace onoma::tm {
namespace {

TEST(UnitCounterTest, AgreesWithAnArrayOfCounts) {
  std::mt19937 rng(7);
  for (std::size_t units : {1u, 63u, 64u, 65u, 1000u}) {
    const std::uint32_t most = 40;
    UnitCounter counter;
    counter.Reset(units, most);
    std::vector<std::uint32_t> expected(units, 0);
    std::vector<std::uint64_t> bitmap((units + 63) / 64);
    for (int round = 0; round < 20; ++round) {
      std::fill(bitmap.begin(), bitmap.end(), 0);
      for (std::size_t u = 0; u < units; ++u) {
        if (rng() % 3 == 0) {
          bitmap[u / 64] |= std::uint64_t{1} << (u % 64);
          ++expected[u];
        }
      }
      counter.AddBits(bitmap.data(), bitmap.size());
      const auto unit = static_cast<std::uint32_t>(rng() % units);
      counter.Add(unit, 1);
      ++expected[unit];
    }
    for (std::uint32_t least : {0u, 1u, 5u, 7u, 8u, 12u, 40u, 41u, 100u}) {
      std::vector<std::pair<std::uint32_t, std::uint32_t>> got, want;
      counter.ForEachAtLeast(least, [&](std::uint32_t u, std::uint32_t c) {
        got.emplace_back(u, c);
      });
      for (std::uint32_t u = 0; u < units; ++u) {
        if (expected[u] >= std::max(least, 1u))
          want.emplace_back(u, expected[u]);
      }
      EXPECT_EQ(got, want) << units << " units, at least " << least;
    }
  }
}

// A unit listed more often than the counter was sized for (a stale
// posting) stays at the widest count, never wraps round to a small one.
TEST(UnitCounterTest, CountsPastTheirWidthStayAtTheTop) {
  UnitCounter counter;
  counter.Reset(70, 3);  // two slices: 0..3
  std::vector<std::uint64_t> all = {~std::uint64_t{0}, 0x3F};  // units 0-69
  for (int i = 0; i < 5; ++i) counter.AddBits(all.data(), all.size());
  counter.Add(69, 9);
  std::size_t seen = 0;
  counter.ForEachAtLeast(3, [&](std::uint32_t, std::uint32_t c) {
    EXPECT_EQ(c, 3u);
    ++seen;
  });
  EXPECT_EQ(seen, 70u);
}

}  // namespace
}  // namespace onoma::tm
