// Edit distance between sequences of token ids, for the lookup's cheap
// bound (memory/tm/lookup_verify.cc): a candidate whose indexed tokens are
// too far from the query is dismissed before its text is read.
//
//   tm::BitParallelDistance distance;
//   distance.Prepare(query_ids);              // once per query
//   int d = distance.To(stored_ids);          // per candidate
//
// Prepared queries of up to 64 tokens use Myers' bit-vector algorithm in
// Hyyrö's form for the global distance: one machine word holds a column of
// the dynamic programme, so a candidate costs a few operations per token
// instead of n per token. It is hand-written because no library in reach
// offers it over integer sequences. Longer queries fall back to the
// ordinary programme (Distance below), which the tests compare it with.
//
// Thread safety: a BitParallelDistance holds the prepared query; one per
// thread.

#ifndef ONOMA_MEMORY_TM_EDIT_DISTANCE_H_
#define ONOMA_MEMORY_TM_EDIT_DISTANCE_H_

#include <cstdint>
#include <utility>
#include <vector>

namespace onoma::tm {

// Levenshtein distance between two id sequences (unit costs), by the
// ordinary dynamic programme in O(|a| |b|) time and O(|b|) memory.
std::size_t Distance(const std::vector<std::int64_t>& a,
                     const std::vector<std::int64_t>& b);

class BitParallelDistance {
 public:
  // Takes `query` (copied). Ids are small non-negative integers (token ids
  // of the index's dictionary): the masks are a table indexed by id.
  void Prepare(const std::vector<std::int64_t>& query);
  // The Levenshtein distance from the prepared query to `text`.
  std::size_t To(const std::vector<std::int64_t>& text) const;

 private:
  std::vector<std::int64_t> query_;
  // Bit i of masks_[id] is set when query_[i] == id, for ids below
  // kDirectIds; larger ids (a dictionary of millions) are in rare_, looked
  // through one by one.
  static constexpr std::int64_t kDirectIds = std::int64_t{1} << 20;
  std::vector<std::uint64_t> masks_;
  std::vector<std::pair<std::int64_t, std::uint64_t>> rare_;
};

}  // namespace onoma::tm

#endif  // ONOMA_MEMORY_TM_EDIT_DISTANCE_H_
