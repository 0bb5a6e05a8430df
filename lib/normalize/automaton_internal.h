// The folded forms as a trie over bytes, for the scanner (scanner.cc).
//
// Names start at word boundaries, so the scanner walks the trie only from
// the positions where a name can start, not from every byte as an
// Aho–Corasick automaton would: no failure links and no output chains to
// keep or to follow, and a walk stops at the first byte no form continues
// with. A walk costs the length of the longest form that is a prefix of
// the text there, a few bytes in prose.
//
// The trie's states are numbered breadth-first, so that each state's
// children are contiguous and sorted by byte (binary search), with a dense
// 256-entry table at the root where every walk starts. A form is known by
// the state where it ends, and its entries (compiled_terms_internal.h) are
// laid out in the order of those states: one record per state, read at
// each step, holds both where its children start and where its entries
// start. 8 bytes a state and 1 a label, so that a big termbase maps small.
//
// Build returns the arrays; an Automaton is a view of them, wherever they
// are kept: in the image Matcher::Compile lays out, or in a name index
// file mapped from disk (compiled_image_internal.h).
//
// Thread safety: immutable; Walk may run on many threads.

#ifndef ONOMA_LIB_NORMALIZE_AUTOMATON_INTERNAL_H_
#define ONOMA_LIB_NORMALIZE_AUTOMATON_INTERNAL_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace onoma::normalize::internal {

class Automaton {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;

  // What one step reads. The children of state s are the states
  // states[s].child_begin .. states[s + 1].child_begin - 1, its entries
  // states[s].first_entry .. states[s + 1].first_entry - 1; a last record
  // past the states closes both ranges.
  struct State {
    std::uint32_t child_begin = 0;
    std::uint32_t first_entry = 0;
  };

  // The automaton's arrays, owned.
  struct Arrays {
    std::array<std::uint32_t, 256> root{};  // 0 (the root) when no edge
    std::vector<State> states;              // states + 1 records
    std::vector<unsigned char> label;       // the byte on the edge into a state
    // The patterns in the order of the states where they end: the order
    // their entries are laid out in. Not part of an image.
    std::vector<std::uint32_t> pattern_order;
    // By pattern, the state where it ends. Not part of an image.
    std::vector<std::uint32_t> state_of;
  };

  // REQUIRES: patterns are distinct and non-empty; entry_counts has one
  // count per pattern. Pattern i ends at state state_of[i], which holds
  // its entry_counts[i] entries.
  static Arrays Build(const std::vector<std::string>& patterns,
                      const std::vector<std::uint32_t>& entry_counts);

  Automaton() = default;
  // A view of `arrays`, which must outlive it.
  explicit Automaton(const Arrays& arrays)
      : Automaton(arrays.root.data(), arrays.states, arrays.label) {}
  // A view of arrays laid out as Arrays holds them. REQUIRES: they outlive
  // the Automaton; root has 256 entries.
  Automaton(const std::uint32_t* root, std::span<const State> states,
            std::span<const unsigned char> label)
      : root_(root),
        states_(states.data()),
        label_(label.data()),
        state_count_(label.size()),
        record_count_(states.size()) {}

  // Calls emit(end, state) for every form that starts at byte `begin` of
  // `text`, `end` being the byte offset just past it and `state` the state
  // where it ends (one that holds entries), shortest first.
  template <typename Emit>
  void Walk(std::string_view text, std::size_t begin, Emit&& emit) const {
    if (state_count_ == 0 || begin >= text.size()) return;
    std::uint32_t s = root_[static_cast<unsigned char>(text[begin])];
    for (std::size_t i = begin + 1; s != 0; ++i) {
      if (states_[s].first_entry != states_[s + 1].first_entry) emit(i, s);
      if (i == text.size()) return;
      s = Child(s, static_cast<unsigned char>(text[i]));
    }
  }

  // The entries of the form that ends at `state`: [first, last).
  std::uint32_t FirstEntry(std::uint32_t state) const {
    return states_[state].first_entry;
  }
  std::uint32_t EndEntry(std::uint32_t state) const {
    return states_[state + 1].first_entry;
  }

  std::size_t states() const { return state_count_; }
  // The states where a form ends.
  std::size_t CountForms() const;
  std::size_t MemoryBytes() const;

  // Whether the arrays hold together, so that a walk stays inside them and
  // ends: counts agree, children follow their parent, entry ranges are in
  // order and end at `entries`. Linear in the states, one pass.
  bool Check(std::size_t entries) const;

 private:
  // The child of `s` along `b`, or 0 (the root: no child).
  std::uint32_t Child(std::uint32_t s, unsigned char b) const {
    const unsigned char* first = label_ + states_[s].child_begin;
    const unsigned char* last = label_ + states_[s + 1].child_begin;
    if (last - first <= 8) {
      for (const unsigned char* p = first; p != last; ++p) {
        if (*p == b) return static_cast<std::uint32_t>(p - label_);
      }
      return 0;
    }
    return ChildSearch(first, last, b);
  }
  std::uint32_t ChildSearch(const unsigned char* first,
                            const unsigned char* last, unsigned char b) const;

  const std::uint32_t* root_ = nullptr;
  const State* states_ = nullptr;
  const unsigned char* label_ = nullptr;
  std::size_t state_count_ = 0;
  // The length the records came with, for Check.
  std::size_t record_count_ = 0;
};

}  // namespace onoma::normalize::internal

#endif  // ONOMA_LIB_NORMALIZE_AUTOMATON_INTERNAL_H_
