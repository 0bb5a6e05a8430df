#include <algorithm>
#include <numeric>

#include "lib/normalize/automaton_internal.h"
#include "lib/normalize/compiled_terms_internal.h"

namespace onoma::normalize::internal {
namespace {

// The trie while it is built: children as a sibling list in byte order.
struct BuildNode {
  std::uint32_t first_child = Automaton::kNone;
  std::uint32_t last_child = Automaton::kNone;
  std::uint32_t next_sibling = Automaton::kNone;
  std::uint32_t pattern = Automaton::kNone;
  unsigned char byte = 0;
};

}  // namespace

Automaton::Arrays Automaton::Build(const std::vector<std::string>& patterns) {
  std::vector<std::uint32_t> order(patterns.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return patterns[a] < patterns[b];
  });
  // Inserting in sorted order, an existing child with the next byte is
  // always the last child added, so no search is needed.
  std::vector<BuildNode> trie(1);
  for (std::uint32_t id : order) {
    std::uint32_t node = 0;
    for (char ch : patterns[id]) {
      auto b = static_cast<unsigned char>(ch);
      std::uint32_t last = trie[node].last_child;
      if (last != kNone && trie[last].byte == b) {
        node = last;
        continue;
      }
      auto fresh = static_cast<std::uint32_t>(trie.size());
      trie.push_back({});
      trie[fresh].byte = b;
      if (last == kNone) {
        trie[node].first_child = fresh;
      } else {
        trie[last].next_sibling = fresh;
      }
      trie[node].last_child = fresh;
      node = fresh;
    }
    trie[node].pattern = id;
  }

  // Renumber breadth-first: children of a node become contiguous.
  Arrays a;
  std::size_t n = trie.size();
  std::vector<std::uint32_t> old_of;
  old_of.reserve(n);
  old_of.push_back(0);
  a.child_begin.assign(n + 1, 0);
  a.label.assign(n, 0);
  std::vector<std::uint32_t> parent(n, 0);
  for (std::size_t head = 0; head < old_of.size(); ++head) {
    std::uint32_t old = old_of[head];
    a.child_begin[head] = static_cast<std::uint32_t>(old_of.size());
    for (std::uint32_t c = trie[old].first_child; c != kNone;
         c = trie[c].next_sibling) {
      auto fresh = static_cast<std::uint32_t>(old_of.size());
      a.label[fresh] = trie[c].byte;
      parent[fresh] = static_cast<std::uint32_t>(head);
      old_of.push_back(c);
    }
  }
  a.child_begin[n] = static_cast<std::uint32_t>(n);
  std::vector<std::uint32_t> pattern(n, kNone);
  for (std::size_t i = 0; i < n; ++i) pattern[i] = trie[old_of[i]].pattern;
  trie.clear();
  trie.shrink_to_fit();
  old_of.clear();
  old_of.shrink_to_fit();

  for (std::uint32_t c = a.child_begin[0]; c < a.child_begin[1]; ++c) {
    a.root[a.label[c]] = c;
  }
  a.fail.assign(n, 0);
  a.output.assign(n, kNone);
  a.outputs.reserve(patterns.size());
  // The view reads root, child_begin and label, which are complete; fail
  // is filled in breadth-first order, so each link it follows is set.
  const Automaton view(a.root.data(), a.child_begin, a.label, a.fail, a.output,
                       a.outputs);
  for (std::size_t u = 1; u < n; ++u) {
    std::uint32_t p = parent[u];
    if (p != 0) {
      unsigned char b = a.label[u];
      std::uint32_t f = a.fail[p];
      for (;;) {
        std::uint32_t c = f == 0 ? a.root[b] : view.Child(f, b);
        if (c != kNone && c != 0) {
          a.fail[u] = c;
          break;
        }
        if (f == 0) break;
        f = a.fail[f];
      }
    }
    std::uint32_t inherited = a.output[a.fail[u]];
    if (pattern[u] != kNone) {
      a.output[u] = static_cast<std::uint32_t>(a.outputs.size());
      a.outputs.push_back({pattern[u], inherited});
    } else {
      a.output[u] = inherited;
    }
  }
  return a;
}

std::uint32_t Automaton::ChildSearch(const unsigned char* first,
                                     const unsigned char* last,
                                     unsigned char b) const {
  const unsigned char* p = std::lower_bound(first, last, b);
  if (p == last || *p != b) return kNone;
  return static_cast<std::uint32_t>(p - label_);
}

std::size_t Automaton::MemoryBytes() const {
  return sizeof(*this) + 256 * 4 + (states_ + 1) * 4 + states_ * (1 + 4 + 4) +
         output_count_ * sizeof(Output);
}

bool Automaton::Check(std::span<const Pattern> patterns) const {
  const std::size_t n = states_;
  if (n == 0) return child_begin_count_ <= 1 && fail_count_ == 0;
  if (child_begin_count_ != n + 1 || fail_count_ != n ||
      output_state_count_ != n || n >= kNone || output_count_ >= kNone ||
      child_begin_[0] != 1 || child_begin_[n] != n) {
    return false;
  }
  for (std::size_t b = 0; b < 256; ++b) {
    if (root_[b] >= n) return false;
  }
  // A state's children come after it and inside the arrays; its failure
  // link goes to an earlier state (breadth-first order: a shallower one),
  // so that a walk along failure links ends at the root.
  for (std::size_t s = 0; s < n; ++s) {
    const std::uint32_t begin = child_begin_[s], end = child_begin_[s + 1];
    if (begin > end || begin <= s || end > n) return false;
    if (s > 0 && fail_[s] >= s) return false;
    if (output_[s] != kNone && output_[s] >= output_count_) return false;
  }
  // An output chain goes to earlier outputs, so that it ends. (Scanner
  // checks each pattern's length against the text read.)
  for (std::size_t r = 0; r < output_count_; ++r) {
    const Output& o = outputs_[r];
    if (o.pattern >= patterns.size()) return false;
    if (o.next != kNone && o.next >= r) return false;
  }
  return true;
}

}  // namespace onoma::normalize::internal
