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

Automaton::Arrays Automaton::Build(
    const std::vector<std::string>& patterns,
    const std::vector<std::uint32_t>& entry_counts) {
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
  order.clear();
  order.shrink_to_fit();

  // Renumber breadth-first: children of a node become contiguous, and the
  // entries follow the states in the same order.
  Arrays a;
  const std::size_t n = trie.size();
  std::vector<std::uint32_t> old_of;
  old_of.reserve(n);
  old_of.push_back(0);
  a.states.assign(n + 1, State{});
  a.label.assign(n, 0);
  a.state_of.assign(patterns.size(), kNone);
  a.pattern_order.reserve(patterns.size());
  std::uint32_t entries = 0;
  for (std::size_t head = 0; head < old_of.size(); ++head) {
    const BuildNode& node = trie[old_of[head]];
    a.states[head].child_begin = static_cast<std::uint32_t>(old_of.size());
    a.states[head].first_entry = entries;
    if (node.pattern != kNone) {
      a.state_of[node.pattern] = static_cast<std::uint32_t>(head);
      a.pattern_order.push_back(node.pattern);
      entries += entry_counts[node.pattern];
    }
    for (std::uint32_t c = node.first_child; c != kNone;
         c = trie[c].next_sibling) {
      a.label[old_of.size()] = trie[c].byte;
      old_of.push_back(c);
    }
  }
  a.states[n].child_begin = static_cast<std::uint32_t>(n);
  a.states[n].first_entry = entries;
  for (std::uint32_t c = a.states[0].child_begin; c < a.states[1].child_begin;
       ++c) {
    a.root[a.label[c]] = c;
  }
  return a;
}

std::uint32_t Automaton::ChildSearch(const unsigned char* first,
                                     const unsigned char* last,
                                     unsigned char b) const {
  const unsigned char* p = std::lower_bound(first, last, b);
  if (p == last || *p != b) return 0;
  return static_cast<std::uint32_t>(p - label_);
}

std::size_t Automaton::CountForms() const {
  std::size_t forms = 0;
  for (std::size_t s = 0; s < state_count_; ++s) {
    forms += states_[s].first_entry != states_[s + 1].first_entry;
  }
  return forms;
}

std::size_t Automaton::MemoryBytes() const {
  return sizeof(*this) + 256 * 4 + (state_count_ + 1) * sizeof(State) +
         state_count_;
}

bool Automaton::Check(std::size_t entries) const {
  const std::size_t n = state_count_;
  if (n == 0) return record_count_ <= 1;
  if (record_count_ != n + 1 || n >= kNone || states_[0].child_begin != 1 ||
      states_[n].child_begin != n || states_[0].first_entry != 0 ||
      states_[n].first_entry != entries) {
    return false;
  }
  for (std::size_t b = 0; b < 256; ++b) {
    if (root_[b] >= n) return false;
  }
  // A state's children come after it and inside the arrays, so that a
  // walk moves forward and ends; entry ranges follow one another.
  for (std::size_t s = 0; s < n; ++s) {
    const State& here = states_[s];
    const State& next = states_[s + 1];
    if (here.child_begin > next.child_begin || here.child_begin <= s ||
        here.first_entry > next.first_entry) {
      return false;
    }
  }
  return true;
}

}  // namespace onoma::normalize::internal
