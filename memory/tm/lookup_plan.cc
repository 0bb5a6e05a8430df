// Candidates from the index. A unit can reach min_score only if it shares
// enough of the query's keys (docs/tm-lookup.md derives each bound):
//
//   tokens:      count ≥ ceil((n·min − 100·A − (100 − min)·k·W) / 100)
//   token pairs: count ≥ ceil((n·(2·min − 100) − 100) / 100), when the
//                query has no names and min ≥ 50
//   lengths:     lo ≤ m ≤ hi, when neither count bound is positive
//
// where n is the query's token count, A the tokens inside its k names and
// W the most tokens a name of the term store spans; a key's count is how
// many times the query holds it. The plan reading the fewest postings wins.
// Counting is a dense array over unit ids: a few megabytes for a million
// units, and no hashing in the inner loop. Once the rarest keys seen carry
// more than W_total − T weight, a unit not met yet cannot reach T, so
// later (commoner) keys only add to the units already met.

#include <algorithm>
#include <map>

#include "memory/tm/lookup_internal.h"

namespace onoma::tm {
namespace {

struct PlanKey {
  std::int64_t key = 0;
  std::uint32_t weight = 0;
  std::uint64_t frequency = 0;
};

struct Plan {
  std::vector<PlanKey> keys;
  std::int64_t threshold = 0;  // T
  std::uint64_t cost = 0;
  bool usable = false;
};

std::int64_t CeilDiv(std::int64_t a, std::int64_t b) {
  return a >= 0 ? (a + b - 1) / b : -((-a) / b);
}

}  // namespace

Status Lookup::Impl::Candidates(std::vector<std::uint32_t>& out) {
  out.clear();
  const auto n = static_cast<std::int64_t>(query.tokens.size());
  const std::int64_t min = options.min_score;
  const auto names = static_cast<std::int64_t>(query.name_count);
  const auto name_tokens = static_cast<std::int64_t>(query.name_tokens);
  const std::int64_t widest =
      options.names == nullptr
          ? 0
          : static_cast<std::int64_t>(options.names->max_form_words());

  std::vector<bool> in_name(query.tokens.size(), false);
  for (const Exchangeable& e : query.spans) {
    if (e.kind != Exchangeable::Kind::kName) continue;
    for (std::uint32_t t = e.begin; t < e.end; ++t) in_name[t] = true;
  }
  std::vector<std::int64_t>& ids = query.ids;
  ids.assign(query.tokens.size(), 0);
  for (std::size_t t = 0; t < query.tokens.size(); ++t) {
    auto id = reader.TokenId(from, IndexKey(query.tokens[t]));
    if (!id.ok()) return id.status();
    ids[t] = *id;
  }
  distance.Prepare(ids);
  auto finish = [&](Plan& plan, std::map<std::int64_t, std::uint32_t>& w,
                    std::uint64_t scale) -> Status {
    for (const auto& [key, weight] : w) {
      PlanKey& k = plan.keys.emplace_back();
      k.key = key;
      k.weight = weight;
      if (key != 0) {
        auto f = reader.Frequency(key);
        if (!f.ok()) return f.status();
        k.frequency = *f;
      }
      plan.cost += k.frequency * scale;
    }
    return Status::Ok();
  };

  Plan unigram;
  unigram.threshold =
      CeilDiv(n * min - 100 * name_tokens - (100 - min) * names * widest, 100);
  if (unigram.threshold > 0) {
    std::map<std::int64_t, std::uint32_t> weights;
    for (std::size_t t = 0; t < ids.size(); ++t) {
      if (!in_name[t]) ++weights[ids[t]];
    }
    ONOMA_RETURN_IF_ERROR(finish(unigram, weights, 1));
    unigram.usable = true;
  }
  Plan bigram;
  bigram.threshold = CeilDiv(n * (2 * min - 100) - 100, 100);
  if (names == 0 && min >= 50 && bigram.threshold > 0) {
    std::map<std::int64_t, std::uint32_t> weights;
    for (std::size_t t = 1; t < ids.size(); ++t) {
      bool known = ids[t - 1] != 0 && ids[t] != 0;
      ++weights[known ? BigramKey(ids[t - 1], ids[t]) : 0];
    }
    ONOMA_RETURN_IF_ERROR(finish(bigram, weights, 1));
    bigram.usable = true;
  }
  // Without a count bound, the lengths a match can have. Every unit of such
  // a length is scored, so this plan is costed at a scoring per posting.
  Plan lengths;
  {
    const std::int64_t lo =
        std::max<std::int64_t>(0, CeilDiv(n * min - 100 * name_tokens, 100));
    const std::int64_t hi =
        min == 0 ? INT64_MAX : (n + names * widest) * 100 / min;
    auto keys = reader.LengthKeys(from);
    if (!keys.ok()) return keys.status();
    std::map<std::int64_t, std::uint32_t> weights;
    for (const auto& [length, key] : *keys) {
      auto m = static_cast<std::int64_t>(length);
      if (m >= lo && m <= hi) weights[key] = 1;
    }
    lengths.threshold = 1;
    ONOMA_RETURN_IF_ERROR(finish(lengths, weights, 1000));
    lengths.usable = true;
    stats.filtered = min > 0;
  }
  Plan* plan = &lengths;
  for (Plan* p : {&unigram, &bigram}) {
    if (p->usable && p->cost < plan->cost) plan = p;
  }
  if (plan != &lengths) stats.filtered = true;

  std::sort(plan->keys.begin(), plan->keys.end(),
            [](const PlanKey& a, const PlanKey& b) {
              return a.frequency < b.frequency;
            });
  std::int64_t total = 0;
  for (const PlanKey& k : plan->keys) total += k.weight;
  if (counts.size() < units + 1) {
    counts.assign(units + 1, 0);
    lengths_seen.assign(units + 1, 0);
  }
  touched.clear();
  // Token postings carry the unit's own count of the token and its length:
  // the count filter takes the smaller count, skips lengths no match can
  // have, and holds each unit to the threshold of its own length.
  const bool by_token = plan == &unigram;
  const std::int64_t lo =
      std::max<std::int64_t>(0, CeilDiv(n * min - 100 * name_tokens, 100));
  const std::int64_t hi =
      min == 0 ? INT64_MAX : (n + names * widest) * 100 / min;
  auto threshold = [&](std::int64_t m) -> std::int64_t {
    if (!by_token || m == 0 || m == kMaxPostingLength) return plan->threshold;
    if (m <= n) return CeilDiv(n * min - 100 * name_tokens, 100);
    return CeilDiv(
        std::max(m * min - 100 * names * widest, 100 * n - m * (100 - min)) -
            100 * name_tokens,
        100);
  };
  std::int64_t seen_weight = 0;
  for (const PlanKey& k : plan->keys) {
    const bool admit = seen_weight < total - plan->threshold + 1;
    seen_weight += k.weight;
    if (k.key == 0 || k.frequency == 0) continue;
    auto read = reader.ForEach(k.key, [&](std::uint32_t unit,
                                          std::uint16_t times,
                                          std::uint16_t tokens) {
      // Above the watermark: a posting left by a deleted unit whose id
      // came back, or one of a batch committed after this snapshot's
      // watermark was read. Such units are scored by Find anyway.
      if (unit > units) return;
      if (by_token && tokens != 0 && tokens != kMaxPostingLength &&
          (tokens < lo || tokens > hi)) {
        return;
      }
      std::uint16_t& c = counts[unit];
      if (c == 0) {
        if (!admit) return;
        touched.push_back(unit);
        lengths_seen[unit] = tokens;
      } else if (lengths_seen[unit] != tokens) {
        lengths_seen[unit] = 0;  // a stale posting of a reused id: unknown
      }
      std::uint32_t add = k.weight;
      if (by_token && times < kManyTimes)
        add = std::min<std::uint32_t>(add, times);
      c = static_cast<std::uint16_t>(std::min<std::uint32_t>(0xFFFF, c + add));
    });
    if (!read.ok()) return read.status();
    stats.postings_read += *read;
  }
  for (std::uint32_t unit : touched) {
    if (counts[unit] >= threshold(lengths_seen[unit])) out.push_back(unit);
    counts[unit] = 0;
  }
  std::sort(out.begin(), out.end());
  return Status::Ok();
}

}  // namespace onoma::tm
