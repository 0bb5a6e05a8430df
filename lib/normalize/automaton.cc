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

  // Renumber: each node's children get a block of consecutive numbers
  // when the node is reached, depth first, so that the block of a first
  // child comes right after its parent's.
  Arrays a;
  const std::size_t n = trie.size();
  std::vector<std::uint32_t> old_of(n, 0);
  a.states.assign(n + 1, State{});
  std::vector<std::uint32_t> stack = {0};
  std::uint32_t next = 1;
  while (!stack.empty()) {
    const std::uint32_t at = stack.back();
    stack.pop_back();
    const BuildNode& node = trie[old_of[at]];
    State& state = a.states[at];
    state.child_begin = next;
    for (std::uint32_t c = node.first_child; c != kNone;
         c = trie[c].next_sibling) {
      a.states[next].label = trie[c].byte;
      old_of[next++] = c;
    }
    // Fewer than 256: bytes C0, C1 and F5..FF never occur in UTF-8, and
    // the forms are folded UTF-8.
    state.child_count = static_cast<unsigned char>(next - state.child_begin);
    for (std::uint32_t k = next; k-- > state.child_begin;) stack.push_back(k);
  }
  // The entries follow the states in their new order.
  a.state_of.assign(patterns.size(), kNone);
  a.pattern_order.reserve(patterns.size());
  a.entry_bases.reserve(BasesFor(n + 1));
  std::uint32_t entries = 0;
  for (std::size_t s = 0; s <= n; ++s) {
    if (s % (std::size_t{1} << kBlockBits) == 0) {
      a.entry_bases.push_back(entries);
    }
    const std::uint32_t offset = entries - a.entry_bases.back();
    if (offset < kFarEntry) {
      a.states[s].entry = static_cast<std::uint16_t>(offset);
    } else {
      a.states[s].entry = kFarEntry;
      a.far_entries.push_back({static_cast<std::uint32_t>(s), entries});
    }
    if (s == n) break;
    const std::uint32_t pattern = trie[old_of[s]].pattern;
    if (pattern == kNone) continue;
    if (entry_counts[pattern] > 0) a.states[s].entry |= kEndsForm;
    a.state_of[pattern] = static_cast<std::uint32_t>(s);
    a.pattern_order.push_back(pattern);
    entries += entry_counts[pattern];
  }
  a.entry_count = entries;
  const State& root = a.states[0];
  for (std::uint32_t c = root.child_begin;
       c < root.child_begin + root.child_count; ++c) {
    a.root[a.states[c].label] = c;
  }
  return a;
}

std::uint32_t Automaton::ChildSearch(const State* first, const State* last,
                                     unsigned char b) const {
  // The last child whose label is at most b, halving with a conditional
  // move, not a branch: the bytes of text are no pattern a predictor
  // learns, and the steps depend only on the number of children.
  const State* base = first;
  for (auto n = static_cast<std::size_t>(last - first); n > 1;) {
    const std::size_t half = n / 2;
    base = base[half].label <= b ? base + half : base;
    n -= half;
  }
  if (base == last || base->label != b) return 0;
  return static_cast<std::uint32_t>(base - states_);
}

std::uint32_t Automaton::FarFirstEntry(std::uint32_t state) const {
  auto it = std::lower_bound(
      far_.begin(), far_.end(), state,
      [](const FarEntry& f, std::uint32_t s) { return f.state < s; });
  // Missing only from a damaged image, which Check refuses.
  return it != far_.end() && it->state == state ? it->first_entry
                                                : bases_[state >> kBlockBits];
}

std::size_t Automaton::CountForms() const {
  std::size_t forms = 0;
  for (std::size_t s = 0; s < state_count_; ++s) {
    forms += states_[s].ends_form();
  }
  return forms;
}

std::size_t Automaton::MemoryBytes() const {
  return sizeof(*this) + 256 * 4 + (state_count_ + 1) * sizeof(State) +
         BasesFor(state_count_ + 1) * 4 + far_.size() * sizeof(FarEntry);
}

bool Automaton::Check(std::size_t entries) const {
  const std::size_t n = state_count_;
  if (n == 0) return true;
  if (n >= kNone || states_[0].child_begin != 1 || FirstEntry(0) != 0 ||
      FirstEntry(static_cast<std::uint32_t>(n)) != entries || bases_[0] != 0) {
    return false;
  }
  for (std::size_t b = 0; b < 256; ++b) {
    if (root_[b] >= n) return false;
  }
  // Far entries are sorted, each one of a state whose offset says so.
  for (std::size_t i = 0; i < far_.size(); ++i) {
    if (far_[i].state > n ||
        states_[far_[i].state].entry_offset() != kFarEntry ||
        (i > 0 && far_[i].state <= far_[i - 1].state)) {
      return false;
    }
  }
  // A state's children come after it and inside the arrays, so that a
  // walk moves forward and ends; entry ranges follow one another, and are
  // not empty exactly where a form ends.
  std::uint32_t first = 0;
  std::size_t far_states = states_[n].entry_offset() == kFarEntry;
  for (std::size_t s = 0; s < n; ++s) {
    const State& here = states_[s];
    const std::uint32_t end = FirstEntry(static_cast<std::uint32_t>(s + 1));
    far_states += here.entry_offset() == kFarEntry;
    if (first > end || here.ends_form() != (first != end)) return false;
    first = end;
    if (here.child_count == 0) continue;
    if (here.child_begin <= s || here.child_begin > n ||
        here.child_count > n - here.child_begin) {
      return false;
    }
  }
  return far_states == far_.size();
}

}  // namespace onoma::normalize::internal
