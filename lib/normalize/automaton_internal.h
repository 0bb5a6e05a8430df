// An Aho–Corasick automaton over bytes, for the matcher (matcher.cc).
//
// Built from patterns sorted into a trie whose nodes are then renumbered in
// breadth-first order, so that each node's children are contiguous and
// sorted by byte (binary search), with a dense 256-entry table at the root
// where most scanning happens. Scanning costs O(text + matches), whatever
// the number of patterns.
//
// Build returns the arrays; an Automaton is a view of them, wherever they
// are kept: in the image Matcher::Compile lays out, or in a name index
// file mapped from disk (compiled_image_internal.h). 13 bytes a state and
// 8 an output, so that a big termbase maps small.
//
// Thread safety: immutable; Scan may run on many threads.

#ifndef ONOMA_LIB_NORMALIZE_AUTOMATON_INTERNAL_H_
#define ONOMA_LIB_NORMALIZE_AUTOMATON_INTERNAL_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace onoma::normalize::internal {

struct Pattern;

class Automaton {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;

  // A pattern that ends at a state, and the next output of the same
  // state (one reached by its failure links), or kNone.
  struct Output {
    std::uint32_t pattern = 0;
    std::uint32_t next = kNone;
  };

  // The automaton's arrays, owned.
  struct Arrays {
    std::array<std::uint32_t, 256> root{};  // 0 (the root) when no edge
    // A state's children are the states child_begin[s] ..
    // child_begin[s + 1] - 1; states + 1 entries.
    std::vector<std::uint32_t> child_begin;
    std::vector<unsigned char> label;  // the byte on the edge into a state
    std::vector<std::uint32_t> fail;
    std::vector<std::uint32_t> output;  // first output, or kNone
    std::vector<Output> outputs;
  };

  // REQUIRES: patterns are distinct and non-empty. Pattern i is reported
  // with id i.
  static Arrays Build(const std::vector<std::string>& patterns);

  Automaton() = default;
  // A view of `arrays`, which must outlive it.
  explicit Automaton(const Arrays& arrays)
      : Automaton(arrays.root.data(), arrays.child_begin, arrays.label,
                  arrays.fail, arrays.output, arrays.outputs) {}
  // A view of arrays laid out as Arrays holds them. REQUIRES: they outlive
  // the Automaton; root has 256 entries.
  Automaton(const std::uint32_t* root,
            std::span<const std::uint32_t> child_begin,
            std::span<const unsigned char> label,
            std::span<const std::uint32_t> fail,
            std::span<const std::uint32_t> output,
            std::span<const Output> outputs)
      : root_(root),
        child_begin_(child_begin.data()),
        label_(label.data()),
        fail_(fail.data()),
        output_(output.data()),
        outputs_(outputs.data()),
        states_(label.size()),
        output_count_(outputs.size()),
        child_begin_count_(child_begin.size()),
        fail_count_(fail.size()),
        output_state_count_(output.size()) {}

  // Calls emit(end, id) for every occurrence of every pattern in `text`,
  // `end` being the byte offset just past it, in order of `end`.
  template <typename Emit>
  void Scan(std::string_view text, Emit&& emit) const {
    if (states_ == 0) return;
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
      for (std::uint32_t r = output_[s]; r != kNone; r = outputs_[r].next) {
        emit(i + 1, outputs_[r].pattern);
      }
    }
  }

  std::size_t states() const { return states_; }
  std::size_t MemoryBytes() const;

  // Whether the arrays hold together, so that Scan stays inside them and
  // ends: counts agree, children follow their parent, failure links and
  // output chains lead back, every pattern reported is one of `patterns`.
  // Linear in the states, one pass. A pattern's length is not checked
  // against the path that reports it: the scanner checks it against the
  // text read.
  bool Check(std::span<const Pattern> patterns) const;

 private:
  std::uint32_t Child(std::uint32_t s, unsigned char b) const {
    const unsigned char* first = label_ + child_begin_[s];
    const unsigned char* last = label_ + child_begin_[s + 1];
    if (last - first <= 8) {
      for (const unsigned char* p = first; p != last; ++p) {
        if (*p == b) return static_cast<std::uint32_t>(p - label_);
      }
      return kNone;
    }
    return ChildSearch(first, last, b);
  }
  std::uint32_t ChildSearch(const unsigned char* first,
                            const unsigned char* last, unsigned char b) const;

  const std::uint32_t* root_ = nullptr;
  const std::uint32_t* child_begin_ = nullptr;
  const unsigned char* label_ = nullptr;
  const std::uint32_t* fail_ = nullptr;
  const std::uint32_t* output_ = nullptr;
  const Output* outputs_ = nullptr;
  std::size_t states_ = 0;
  std::size_t output_count_ = 0;
  // The lengths the arrays came with, for Check.
  std::size_t child_begin_count_ = 0;
  std::size_t fail_count_ = 0;
  std::size_t output_state_count_ = 0;
};

}  // namespace onoma::normalize::internal

#endif  // ONOMA_LIB_NORMALIZE_AUTOMATON_INTERNAL_H_
