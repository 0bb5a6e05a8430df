// The folded forms as a trie over bytes, for the scanner (scanner.cc).
//
// Names start at word boundaries, so the scanner walks the trie only from
// the positions where a name can start, not from every byte as an
// Aho–Corasick automaton would: no failure links and no output chains to
// keep or to follow, and a walk stops at the first byte no form continues
// with. A walk costs the length of the longest form that is a prefix of
// the text there, a few bytes in prose.
//
// Each state is one 8-byte record: where its children start and how many
// they are, whether a form ends there, the byte on the edge into it, and
// where its form's entries start (compiled_terms_internal.h lays them out
// in the order of the states), as an offset from the first entry of its
// block of 64 states (a table of 32-bit bases beside the states; an
// offset that does not fit in 15 bits, a block where some form has tens of
// thousands of readings, is kept in a short sorted table of its own).
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

  // States share a base entry by blocks of 1 << kBlockBits.
  static constexpr unsigned kBlockBits = 6;
  static constexpr std::uint16_t kFarEntry = 0x7FFF;
  static constexpr std::uint16_t kEndsForm = 0x8000;

  // What one step reads. The children of state s are the states
  // child_begin .. child_begin + child_count - 1; its entries are
  // FirstEntry(s) .. FirstEntry(s + 1) - 1, a last record past the states
  // closing the range. 8 bytes, read in place.
  struct State {
    std::uint32_t child_begin = 0;
    // Bit 15: a form ends at the state (it holds entries). Bits 0-14: its
    // first entry, less the base of its block; kFarEntry: in the table of
    // far entries.
    std::uint16_t entry = 0;
    unsigned char label = 0;  // the byte on the edge into the state
    unsigned char child_count = 0;

    bool ends_form() const { return (entry & kEndsForm) != 0; }
    std::uint16_t entry_offset() const {
      return static_cast<std::uint16_t>(entry & kFarEntry);
    }
  };
  static_assert(sizeof(State) == 8);
  // The first entry of a state whose offset does not fit in 16 bits.
  struct FarEntry {
    std::uint32_t state = 0;
    std::uint32_t first_entry = 0;
  };

  // The automaton's arrays, owned.
  struct Arrays {
    std::array<std::uint32_t, 256> root{};  // 0 (the root) when no edge
    std::vector<State> states;              // states + 1 records
    // The first entry of each block of states: (states + 1 + 63) / 64.
    std::vector<std::uint32_t> entry_bases;
    std::vector<FarEntry> far_entries;  // by state
    std::uint32_t entry_count = 0;      // all entries
    // The patterns in the order of the states where they end: the order
    // their entries are laid out in. Not part of an image.
    std::vector<std::uint32_t> pattern_order;
    // By pattern, the state where it ends. Not part of an image.
    std::vector<std::uint32_t> state_of;
  };

  // The number of entry bases `records` state records (states + 1) take.
  static std::size_t BasesFor(std::size_t records) {
    return (records + (std::size_t{1} << kBlockBits) - 1) >> kBlockBits;
  }

  // REQUIRES: patterns are distinct and non-empty; entry_counts has one
  // count per pattern. Pattern i ends at state state_of[i], which holds
  // its entry_counts[i] entries.
  static Arrays Build(const std::vector<std::string>& patterns,
                      const std::vector<std::uint32_t>& entry_counts);

  Automaton() = default;
  // A view of `arrays`, which must outlive it.
  explicit Automaton(const Arrays& arrays)
      : Automaton(arrays.root.data(), arrays.states, arrays.entry_bases,
                  arrays.far_entries) {}
  // A view of arrays laid out as Arrays holds them. REQUIRES: they outlive
  // the Automaton; root has 256 entries; entry_bases has
  // BasesFor(states.size()).
  Automaton(const std::uint32_t* root, std::span<const State> states,
            std::span<const std::uint32_t> entry_bases,
            std::span<const FarEntry> far_entries)
      : root_(root),
        states_(states.data()),
        state_count_(states.empty() ? 0 : states.size() - 1),
        bases_(entry_bases.data()),
        far_(far_entries) {}

  // Calls emit(end, state) for every form that starts at byte `begin` of
  // `text`, `end` being the byte offset just past it and `state` the state
  // where it ends (one that holds entries), shortest first.
  template <typename Emit>
  void Walk(std::string_view text, std::size_t begin, Emit&& emit) const {
    if (state_count_ == 0 || begin >= text.size()) return;
    std::uint32_t s = root_[static_cast<unsigned char>(text[begin])];
    for (std::size_t i = begin + 1; s != 0; ++i) {
      if (states_[s].ends_form()) emit(i, s);
      if (i == text.size()) return;
      s = Child(s, static_cast<unsigned char>(text[i]));
    }
  }

  // The entries of the form that ends at `state`: [first, last).
  std::uint32_t FirstEntry(std::uint32_t state) const {
    const std::uint16_t offset = states_[state].entry_offset();
    if (offset != kFarEntry) [[likely]] {
      return bases_[state >> kBlockBits] + offset;
    }
    return FarFirstEntry(state);
  }
  std::uint32_t EndEntry(std::uint32_t state) const {
    return FirstEntry(state + 1);
  }

  std::size_t states() const { return state_count_; }
  // The states where a form ends.
  std::size_t CountForms() const;
  std::size_t MemoryBytes() const;

  // Whether the arrays hold together, so that a walk stays inside them and
  // ends: children follow their parent and lie inside the arrays, entry
  // ranges are in order, end at `entries` and are non-empty exactly where
  // a form ends, and every far offset has its entry. Linear in the states,
  // one pass.
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
  std::uint32_t FarFirstEntry(std::uint32_t state) const;

  const std::uint32_t* root_ = nullptr;
  const State* states_ = nullptr;
  std::size_t state_count_ = 0;
  const std::uint32_t* bases_ = nullptr;
  std::span<const FarEntry> far_;
};

}  // namespace onoma::normalize::internal

#endif  // ONOMA_LIB_NORMALIZE_AUTOMATON_INTERNAL_H_
