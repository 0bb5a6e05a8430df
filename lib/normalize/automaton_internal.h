// An Aho–Corasick automaton over bytes, for the matcher (matcher.cc).
//
// Built from patterns sorted into a trie whose nodes are then renumbered in
// breadth-first order, so that each node's children are contiguous and
// sorted by byte (binary search), with a dense 256-entry table at the root
// where most scanning happens. Scanning costs O(text + matches), whatever
// the number of patterns.
//
// Thread safety: immutable after Build; Scan may run on many threads.

#ifndef ONOMA_LIB_NORMALIZE_AUTOMATON_INTERNAL_H_
#define ONOMA_LIB_NORMALIZE_AUTOMATON_INTERNAL_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace onoma::normalize::internal {

class Automaton {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;

  // REQUIRES: patterns are distinct and non-empty. Pattern i is reported
  // with id i.
  static Automaton Build(const std::vector<std::string>& patterns);

  // Calls emit(end, id) for every occurrence of every pattern in `text`,
  // `end` being the byte offset just past it, in order of `end`.
  template <typename Emit>
  void Scan(std::string_view text, Emit&& emit) const {
    std::uint32_t s = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto b = static_cast<unsigned char>(text[i]);
      for (;;) {
        if (s == 0) {
          s = root_[b];
          break;
        }
        std::uint32_t c = Child(s, b);
        if (c != kNone) {
          s = c;
          break;
        }
        s = fail_[s];
      }
      for (std::uint32_t r = report_[s]; r != kNone; r = next_report_[r]) {
        emit(i + 1, pattern_[r]);
      }
    }
  }

  std::size_t states() const { return fail_.size(); }
  std::size_t MemoryBytes() const;

 private:
  std::uint32_t Child(std::uint32_t s, unsigned char b) const;

  std::array<std::uint32_t, 256> root_{};  // 0 (the root) when no edge
  std::vector<std::uint32_t> child_begin_;
  std::vector<std::uint16_t> child_count_;
  std::vector<unsigned char> label_;  // the byte on the edge into a node
  std::vector<std::uint32_t> fail_;
  std::vector<std::uint32_t> report_;       // nearest terminal via fail
  std::vector<std::uint32_t> next_report_;  // the next one after it
  std::vector<std::uint32_t> pattern_;      // a terminal's pattern id
};

}  // namespace onoma::normalize::internal

#endif  // ONOMA_LIB_NORMALIZE_AUTOMATON_INTERNAL_H_
