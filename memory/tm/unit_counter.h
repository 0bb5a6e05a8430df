// A count per unit of the memory, kept bit-sliced so that adding a whole
// bitmap of units costs a few word operations per 64 units: the lookup's
// count filter (memory/tm/lookup_plan.cc) adds the bitmaps of the
// commonest keys this way instead of decoding their postings one by one.
//
//   tm::UnitCounter counter;
//   counter.Reset(units + 1, /*most=*/25);   // counts 0..25 for ids 0..units
//   counter.AddBits(bitmap.data(), bitmap.size());  // +1 per set bit
//   counter.Add(unit, 2);                    // one unit, +2
//   counter.ForEachAtLeast(13, [](std::uint32_t unit, std::uint32_t count) {});
//
// Slice k holds bit k of every unit's count, 64 units to a word, as many
// slices as `most` needs; a count that would pass the widest value the
// slices hold stays there (a unit listed twice under a key, by a stale
// posting, can only count more). Thread safety: one thread.

#ifndef ONOMA_MEMORY_TM_UNIT_COUNTER_H_
#define ONOMA_MEMORY_TM_UNIT_COUNTER_H_

#include <bit>
#include <cstdint>
#include <vector>

namespace onoma::tm {

class UnitCounter {
 public:
  // Every count of units [0, units) back to zero, each able to reach
  // `most`.
  void Reset(std::size_t units, std::uint32_t most) {
    words_ = (units + 63) / 64;
    slices_ = static_cast<std::size_t>(std::bit_width(most));
    if (slices_ == 0) slices_ = 1;
    bits_.assign(words_ * slices_, 0);
  }

  // +1 for each unit whose bit is set in `bitmap` (bit u % 64 of word
  // u / 64); words past the counter's units are ignored. REQUIRES: no bit
  // set for a unit past them in the last word.
  void AddBits(const std::uint64_t* bitmap, std::size_t words) {
    if (words > words_) words = words_;
    for (std::size_t w = 0; w < words; ++w) {
      std::uint64_t carry = bitmap[w];
      std::uint64_t* slot = &bits_[w * slices_];
      for (std::size_t s = 0; carry != 0 && s < slices_; ++s) {
        const std::uint64_t next = slot[s] & carry;
        slot[s] ^= carry;
        carry = next;
      }
      if (carry != 0) {
        for (std::size_t s = 0; s < slices_; ++s) slot[s] |= carry;
      }
    }
  }

  // +`add` for one unit. REQUIRES: unit < the units of Reset.
  void Add(std::uint32_t unit, std::uint32_t add) {
    std::uint64_t* slot = &bits_[(unit / 64) * slices_];
    const std::uint64_t bit = std::uint64_t{1} << (unit % 64);
    // Ripple-carry addition of `add`'s bits into this unit's column.
    std::uint32_t carry = 0;
    for (std::size_t s = 0; s < slices_ && (add != 0 || carry != 0); ++s) {
      const std::uint32_t have = (slot[s] & bit) != 0 ? 1 : 0;
      const std::uint32_t sum = have + (add & 1) + carry;
      if ((sum & 1) != have) slot[s] ^= bit;
      carry = sum >> 1;
      add >>= 1;
    }
    if (carry != 0 || add != 0) {
      for (std::size_t s = 0; s < slices_; ++s) slot[s] |= bit;
    }
  }

  // Calls `visit(unit, count)` for every unit whose count is at least
  // `least`, in ascending order.
  template <typename Visit>
  void ForEachAtLeast(std::uint32_t least, Visit&& visit) const {
    if (least == 0) least = 1;  // a unit never counted is no candidate
    if (static_cast<std::size_t>(std::bit_width(least)) > slices_) return;
    for (std::size_t w = 0; w < words_; ++w) {
      const std::uint64_t* slot = &bits_[w * slices_];
      // Bit-sliced comparison with the constant, most significant first:
      // `greater` where a higher bit already decided, `equal` where all
      // bits so far agree.
      std::uint64_t greater = 0, equal = ~std::uint64_t{0};
      for (std::size_t s = slices_; s-- > 0;) {
        if ((least >> s) & 1) {
          equal &= slot[s];
        } else {
          greater |= equal & slot[s];
          equal &= ~slot[s];
        }
      }
      for (std::uint64_t hits = greater | equal; hits != 0; hits &= hits - 1) {
        const int b = std::countr_zero(hits);
        std::uint32_t count = 0;
        for (std::size_t s = 0; s < slices_; ++s) {
          count |= static_cast<std::uint32_t>((slot[s] >> b) & 1) << s;
        }
        visit(static_cast<std::uint32_t>(w * 64 + b), count);
      }
    }
  }

 private:
  std::size_t words_ = 0;
  std::size_t slices_ = 1;
  std::vector<std::uint64_t> bits_;  // word w's slices at [w * slices_, ...)
};

}  // namespace onoma::tm

#endif  // ONOMA_MEMORY_TM_UNIT_COUNTER_H_
