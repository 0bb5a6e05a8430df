#include "memory/tm/edit_distance.h"

#include <algorithm>
#include <numeric>

namespace onoma::tm {

std::size_t Distance(const std::vector<std::int64_t>& a,
                     const std::vector<std::int64_t>& b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min(
          {up + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

void BitParallelDistance::Prepare(const std::vector<std::int64_t>& query) {
  // Clear what the last query set, so that the table is reused as is.
  for (std::int64_t id : query_) {
    if (id >= 0 && static_cast<std::uint64_t>(id) < masks_.size()) {
      masks_[static_cast<std::size_t>(id)] = 0;
    }
  }
  rare_.clear();
  query_ = query;
  if (query.size() > 64) return;
  for (std::size_t i = 0; i < query.size(); ++i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    if (query[i] >= 0 && query[i] < kDirectIds) {
      const auto id = static_cast<std::size_t>(query[i]);
      if (id >= masks_.size()) masks_.resize(id + 1, 0);
      masks_[id] |= bit;
      continue;
    }
    auto found = std::find_if(rare_.begin(), rare_.end(), [&](const auto& r) {
      return r.first == query[i];
    });
    if (found == rare_.end()) {
      rare_.emplace_back(query[i], bit);
    } else {
      found->second |= bit;
    }
  }
}

std::size_t BitParallelDistance::To(
    const std::vector<std::int64_t>& text) const {
  const std::size_t n = query_.size();
  if (n > 64) return Distance(query_, text);
  if (n == 0) return text.size();
  // Vertical deltas of the current column as bit vectors: pv (+1), mv (-1);
  // `score` follows the last row, D[n][j].
  const std::uint64_t last = std::uint64_t{1} << (n - 1);
  std::uint64_t pv = ~std::uint64_t{0};
  std::uint64_t mv = 0;
  std::size_t score = n;
  for (std::int64_t c : text) {
    std::uint64_t eq = 0;
    if (c >= 0 && static_cast<std::uint64_t>(c) < masks_.size()) {
      eq = masks_[static_cast<std::size_t>(c)];
    } else if (!rare_.empty()) {
      for (const auto& [id, mask] : rare_) eq |= id == c ? mask : 0;
    }
    const std::uint64_t xv = eq | mv;
    const std::uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
    std::uint64_t ph = mv | ~(xh | pv);
    std::uint64_t mh = pv & xh;
    if (ph & last) {
      ++score;
    } else if (mh & last) {
      --score;
    }
    // Row 0 of a global distance grows by one per text token.
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

}  // namespace onoma::tm
