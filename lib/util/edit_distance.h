// Edit distance between two sequences (bytes of a string, code points of a
// u32string, ids of a vector), bounded: an insertion, a deletion, a
// substitution and a swap of two neighbouring elements (the commonest typo:
// Kharkvi, Zelenksy, romnaize) count one edit each (optimal string
// alignment distance).
//
//   onoma::BoundedEditDistance(std::string_view("Kharkvi"),
//                              std::string_view("Kharkiv"), 2);   // 1
//
// The one copy every caller uses: term lookup's typo match on folded keys
// (memory/terms/search_keys.h) and on code points (TypingDistance), and the
// command line's "did you mean" (cli/options.cc). Header-only; no state.

#ifndef ONOMA_LIB_UTIL_EDIT_DISTANCE_H_
#define ONOMA_LIB_UTIL_EDIT_DISTANCE_H_

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <vector>

namespace onoma {

// The distance between `a` and `b`, or limit + 1 as soon as it is known to
// exceed `limit` (>= 0). `Sequence` has size() and operator[] whose
// elements compare with ==.
template <typename Sequence>
int BoundedEditDistance(const Sequence& a, const Sequence& b, int limit) {
  const int length_gap =
      static_cast<int>(a.size()) - static_cast<int>(b.size());
  if (std::abs(length_gap) > limit) return limit + 1;
  // Three rows: a transposition looks two back. Every row's least value
  // bounds the rest from below (an entry is at most one above the one
  // over it), so the scan stops once a row is all over `limit`.
  std::vector<int> before(b.size() + 1), previous(b.size() + 1),
      row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    before.swap(previous);
    previous.swap(row);
    row[0] = static_cast<int>(i);
    int best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] =
          std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return std::min(row[b.size()], limit + 1);
}

}  // namespace onoma

#endif  // ONOMA_LIB_UTIL_EDIT_DISTANCE_H_
