#include <algorithm>
#include <numeric>

#include "lib/normalize/automaton_internal.h"

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

Automaton Automaton::Build(const std::vector<std::string>& patterns) {
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
  Automaton a;
  std::size_t n = trie.size();
  std::vector<std::uint32_t> old_of;
  old_of.reserve(n);
  old_of.push_back(0);
  a.child_begin_.assign(n, 0);
  a.child_count_.assign(n, 0);
  a.label_.assign(n, 0);
  std::vector<std::uint32_t> parent(n, 0);
  for (std::size_t head = 0; head < old_of.size(); ++head) {
    std::uint32_t old = old_of[head];
    a.child_begin_[head] = static_cast<std::uint32_t>(old_of.size());
    for (std::uint32_t c = trie[old].first_child; c != kNone;
         c = trie[c].next_sibling) {
      auto fresh = static_cast<std::uint32_t>(old_of.size());
      a.label_[fresh] = trie[c].byte;
      parent[fresh] = static_cast<std::uint32_t>(head);
      old_of.push_back(c);
      ++a.child_count_[head];
    }
  }
  a.pattern_.assign(n, kNone);
  for (std::size_t i = 0; i < n; ++i) a.pattern_[i] = trie[old_of[i]].pattern;
  trie.clear();
  trie.shrink_to_fit();

  for (std::uint32_t i = 0; i < a.child_count_[0]; ++i) {
    std::uint32_t c = a.child_begin_[0] + i;
    a.root_[a.label_[c]] = c;
  }
  a.fail_.assign(n, 0);
  a.report_.assign(n, kNone);
  a.next_report_.assign(n, kNone);
  for (std::size_t u = 1; u < n; ++u) {
    std::uint32_t p = parent[u];
    if (p != 0) {
      unsigned char b = a.label_[u];
      std::uint32_t f = a.fail_[p];
      for (;;) {
        std::uint32_t c = f == 0 ? a.root_[b] : a.Child(f, b);
        if (c != kNone && c != 0) {
          a.fail_[u] = c;
          break;
        }
        if (f == 0) break;
        f = a.fail_[f];
      }
    }
    std::uint32_t inherited = a.report_[a.fail_[u]];
    if (a.pattern_[u] != kNone) {
      a.report_[u] = static_cast<std::uint32_t>(u);
      a.next_report_[u] = inherited;
    } else {
      a.report_[u] = inherited;
    }
  }
  return a;
}

std::uint32_t Automaton::Child(std::uint32_t s, unsigned char b) const {
  const unsigned char* first = label_.data() + child_begin_[s];
  const unsigned char* last = first + child_count_[s];
  if (child_count_[s] <= 8) {
    for (const unsigned char* p = first; p != last; ++p) {
      if (*p == b) return static_cast<std::uint32_t>(p - label_.data());
    }
    return kNone;
  }
  const unsigned char* p = std::lower_bound(first, last, b);
  if (p == last || *p != b) return kNone;
  return static_cast<std::uint32_t>(p - label_.data());
}

std::size_t Automaton::MemoryBytes() const {
  return sizeof(*this) + child_begin_.capacity() * 4 +
         child_count_.capacity() * 2 + label_.capacity() +
         fail_.capacity() * 4 + report_.capacity() * 4 +
         next_report_.capacity() * 4 + pattern_.capacity() * 4;
}

}  // namespace onoma::normalize::internal
