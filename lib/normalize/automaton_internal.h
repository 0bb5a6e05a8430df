// The folded forms as a trie over bytes, for the scanner (scanner.cc).
//
// Names start at word boundaries, so the scanner walks the trie only from
// the positions where a name can start, not from every byte as an
// Aho–Corasick automaton would: no failure links and no output chains to
// keep or to follow, and a walk stops at the first byte no form continues
// with. A walk costs the length of the longest form that is a prefix of
// the text there, a few bytes in prose.
//
// Each state is one 10-byte record: where its children start and how many
// they are, where its form's entries start (compiled_terms_internal.h lays
// them out in the order of the states), and the byte on the edge into it.
// A state's children are contiguous and sorted by byte, and the blocks of
// children are laid out depth first: the first child's block right after
// its parent's, so that a walk down a name, where most states have one
// child, reads records that lie side by side, not one cache miss a byte.
// A dense 256-entry table at the root, where every walk starts.
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
  // child_begin .. child_begin + child_count - 1; its entries are
  // states[s].first_entry .. states[s + 1].first_entry - 1, a last record
  // past the states closing the range. Packed: 10 bytes, read in place.
#pragma pack(push, 1)
  struct State {
    std::uint32_t child_begin = 0;
    std::uint32_t first_entry = 0;
    unsigned char label = 0;  // the byte on the edge into the state
    unsigned char child_count = 0;
  };
#pragma pack(pop)
  static_assert(sizeof(State) == 10);

  // The automaton's arrays, owned.
  struct Arrays {
    std::array<std::uint32_t, 256> root{};  // 0 (the root) when no edge
    std::vector<State> states;              // states + 1 records
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
      : Automaton(arrays.root.data(), arrays.states) {}
  // A view of arrays laid out as Arrays holds them. REQUIRES: they outlive
  // the Automaton; root has 256 entries.
  Automaton(const std::uint32_t* root, std::span<const State> states)
      : root_(root),
        states_(states.data()),
        state_count_(states.empty() ? 0 : states.size() - 1) {}

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
  // ends: children follow their parent and lie inside the arrays, entry
  // ranges are in order and end at `entries`. Linear in the states, one
  // pass.
  bool Check(std::size_t entries) const;

 private:
  // The child of `s` along `b`, or 0 (the root: no child).
  std::uint32_t Child(std::uint32_t s, unsigned char b) const {
    const State& here = states_[s];
    const State* first = states_ + here.child_begin;
    const State* last = first + here.child_count;
    if (here.child_count <= 8) {
      for (const State* p = first; p != last; ++p) {
        if (p->label == b) return static_cast<std::uint32_t>(p - states_);
      }
      return 0;
    }
    return ChildSearch(first, last, b);
  }
  std::uint32_t ChildSearch(const State* first, const State* last,
                            unsigned char b) const;

  const std::uint32_t* root_ = nullptr;
  const State* states_ = nullptr;
  std::size_t state_count_ = 0;
};

}  // namespace onoma::normalize::internal

#endif  // ONOMA_LIB_NORMALIZE_AUTOMATON_INTERNAL_H_
