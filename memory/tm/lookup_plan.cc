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
// Counting is a dense array over the units met; inside a batch of
// lookups (Lookup::StartBatch) it is bit-sliced over every unit instead
// (memory/tm/unit_counter.h): a key held by one unit in 32 or more is
// decoded once per batch into bitmaps and added a word (64 units) at a
// time, rarer keys' postings one by one, and each unit is then held to
// the threshold of its own length, which the length keys' postings give.

#include <algorithm>
#include <bit>
#include <map>

#include "memory/tm/lookup_internal.h"
#include "memory/tm/tm_format.h"

namespace onoma::tm {
namespace {

std::int64_t CeilDiv(std::int64_t a, std::int64_t b) {
  return a >= 0 ? (a + b - 1) / b : -((-a) / b);
}

}  // namespace

struct PlanKey {
  std::int64_t key = 0;
  std::uint32_t weight = 0;
  std::uint64_t frequency = 0;
};

struct CandidatePlan {
  std::vector<PlanKey> keys;
  std::int64_t threshold = 0;  // T
  std::uint64_t cost = 0;
  bool usable = false;
  bool by_token = false;  // the token plan: postings carry counts, lengths
};

// What a unit must reach for the query (the formulas above), and the
// lengths a match can have.
struct CandidateBounds {
  std::int64_t n = 0;  // the query's tokens
  std::int64_t min = 0;
  std::int64_t names = 0;        // k
  std::int64_t name_tokens = 0;  // A
  std::int64_t widest = 0;       // W
  std::int64_t lo = 0;
  std::int64_t hi = 0;
  const CandidatePlan* plan = nullptr;  // once chosen

  // The count a unit of `m` tokens needs under the chosen plan (0 or
  // kMaxPostingLength: of unknown length).
  std::int64_t ThresholdFor(std::int64_t m) const {
    if (!plan->by_token || m == 0 || m == kMaxPostingLength) {
      return plan->threshold;
    }
    if (m <= n) return CeilDiv(n * min - 100 * name_tokens, 100);
    return CeilDiv(
        std::max(m * min - 100 * names * widest, 100 * n - m * (100 - min)) -
            100 * name_tokens,
        100);
  }

  // The least count any unit needs: the threshold of an unknown length,
  // and of each length a match can have; at least 1.
  std::int64_t Least() const {
    std::int64_t least = plan->threshold;
    if (plan->by_token) {
      const std::int64_t top =
          std::min<std::int64_t>(hi, kMaxPostingLength - 1);
      for (std::int64_t m = std::max<std::int64_t>(lo, 1); m <= top; ++m) {
        least = std::min(least, ThresholdFor(m));
      }
    }
    return least < 1 ? 1 : least;
  }
};

// Candidates in stages: the query's token ids, the bounds, the cheapest
// plan, then the counting of its postings.
Status Lookup::Impl::Candidates(std::vector<std::uint32_t>& out) {
  out.clear();
  std::vector<bool> in_name;
  ONOMA_RETURN_IF_ERROR(ReadQueryIds(in_name));
  CandidateBounds bounds;
  bounds.n = static_cast<std::int64_t>(query.tokens.size());
  bounds.min = options.min_score;
  bounds.names = static_cast<std::int64_t>(query.name_count);
  bounds.name_tokens = static_cast<std::int64_t>(query.name_tokens);
  bounds.widest =
      options.names == nullptr
          ? 0
          : static_cast<std::int64_t>(options.names->max_form_words());
  bounds.lo = std::max<std::int64_t>(
      0, CeilDiv(bounds.n * bounds.min - 100 * bounds.name_tokens, 100));
  bounds.hi = bounds.min == 0 ? INT64_MAX
                              : (bounds.n + bounds.names * bounds.widest) *
                                    100 / bounds.min;
  auto plan = ChoosePlan(in_name, bounds);
  if (!plan.ok()) return plan.status();
  bounds.plan = &*plan;
  // A key held by one unit in 32 or more: its bitmap is at most the size
  // of its postings, and adding it costs a few operations per 64 units.
  // Only inside a batch: decoding into bitmaps costs more than counting
  // the postings once, and pays only when later lookups reuse them.
  if (std::none_of(plan->keys.begin(), plan->keys.end(),
                   [&](const PlanKey& k) { return IsDense(k); })) {
    return CountRare(*plan, bounds, out);
  }
  return CountBitSliced(*plan, bounds, out);
}

// Candidates' first stage: the index ids of the query's tokens (0:
// unseen), and which tokens are inside names.
Status Lookup::Impl::ReadQueryIds(std::vector<bool>& in_name) {
  in_name.assign(query.tokens.size(), false);
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
  return Status::Ok();
}

// Adds `weights`' keys to `plan` with their frequencies, and its cost:
// the postings read, times `scale`.
Status Lookup::Impl::CostPlan(CandidatePlan& plan,
                              const std::map<std::int64_t, std::uint32_t>& w,
                              std::uint64_t scale) {
  for (const auto& [key, weight] : w) {
    PlanKey& k = plan.keys.emplace_back();
    k.key = key;
    k.weight = weight;
    if (key != 0) {
      auto f = reader.Frequency(key);
      if (!f.ok()) return f.status();
      k.frequency = *f;
    }
    // Inside a batch a common key is read as bitmaps once and then costs
    // a word operation per 64 units, not a posting read.
    const bool bitmap = batch && k.frequency * 32 >= units;
    plan.cost += (bitmap ? units / 64 + 1 : k.frequency) * scale;
  }
  return Status::Ok();
}

// Candidates' second stage: the plan reading the fewest postings, of the
// token, token-pair and length plans.
Result<CandidatePlan> Lookup::Impl::ChoosePlan(const std::vector<bool>& in_name,
                                               const CandidateBounds& b) {
  const std::vector<std::int64_t>& ids = query.ids;
  CandidatePlan unigram;
  unigram.by_token = true;
  unigram.threshold = CeilDiv(
      b.n * b.min - 100 * b.name_tokens - (100 - b.min) * b.names * b.widest,
      100);
  if (unigram.threshold > 0) {
    std::map<std::int64_t, std::uint32_t> weights;
    for (std::size_t t = 0; t < ids.size(); ++t) {
      if (!in_name[t]) ++weights[ids[t]];
    }
    ONOMA_RETURN_IF_ERROR(CostPlan(unigram, weights, 1));
    unigram.usable = true;
  }
  CandidatePlan bigram;
  bigram.threshold = CeilDiv(b.n * (2 * b.min - 100) - 100, 100);
  if (b.names == 0 && b.min >= 50 && bigram.threshold > 0) {
    std::map<std::int64_t, std::uint32_t> weights;
    for (std::size_t t = 1; t < ids.size(); ++t) {
      bool known = ids[t - 1] != 0 && ids[t] != 0;
      ++weights[known ? BigramKey(ids[t - 1], ids[t]) : 0];
    }
    ONOMA_RETURN_IF_ERROR(CostPlan(bigram, weights, 1));
    bigram.usable = true;
  }
  // Without a count bound, the lengths a match can have. Every unit of such
  // a length is scored, so this plan is costed at a scoring per posting.
  CandidatePlan lengths;
  auto keys = reader.LengthKeys(from);
  if (!keys.ok()) return keys.status();
  std::map<std::int64_t, std::uint32_t> weights;
  for (const auto& [length, key] : *keys) {
    auto m = static_cast<std::int64_t>(length);
    if (m >= b.lo && m <= b.hi) weights[key] = 1;
  }
  lengths.threshold = 1;
  ONOMA_RETURN_IF_ERROR(CostPlan(lengths, weights, 1000));
  lengths.usable = true;
  stats.filtered = b.min > 0;
  CandidatePlan* plan = &lengths;
  for (CandidatePlan* p : {&unigram, &bigram}) {
    if (p->usable && p->cost < plan->cost) plan = p;
  }
  if (plan != &lengths) stats.filtered = true;
  return std::move(*plan);
}

bool Lookup::Impl::IsDense(const PlanKey& k) const {
  return batch && k.key != 0 && k.frequency != 0 && k.frequency * 32 >= units;
}

// Candidates' counting of rare keys only: a count per unit met, in a dense
// array over unit ids (a few megabytes for a million units, no hashing in
// the inner loop). Once the rarest keys seen carry more than W_total − T
// weight, a unit not met yet cannot reach T, so later (commoner) keys only
// add to the units already met.
Status Lookup::Impl::CountRare(CandidatePlan& plan, const CandidateBounds& b,
                               std::vector<std::uint32_t>& out) {
  std::int64_t total = 0;
  for (const PlanKey& k : plan.keys) total += k.weight;
  const bool by_token = plan.by_token;
  std::sort(plan.keys.begin(), plan.keys.end(),
            [](const PlanKey& a, const PlanKey& c) {
              return a.frequency < c.frequency;
            });
  if (counts.size() < units + 1) {
    counts.assign(units + 1, 0);
    lengths_seen.assign(units + 1, 0);
  }
  touched.clear();
  std::int64_t seen_weight = 0;
  for (const PlanKey& k : plan.keys) {
    const bool admit = seen_weight < total - plan.threshold + 1;
    seen_weight += k.weight;
    if (k.key == 0 || k.frequency == 0) continue;
    auto read = reader.ForEach(k.key, [&](std::uint32_t unit,
                                          std::uint16_t times,
                                          std::uint16_t tokens) {
      // Above the watermark: a posting left by a deleted unit whose id
      // came back, or one of a batch committed after this snapshot's
      // watermark was read. Such units are scored by Find anyway.
      if (unit > units) return;
      // Token postings carry the unit's own count of the token, and its
      // length: the count filter takes the smaller count, and units whose
      // length no match can have are skipped.
      if (by_token && tokens != 0 && tokens != kMaxPostingLength &&
          (tokens < b.lo || tokens > b.hi)) {
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
      if (by_token && times < kManyTimes) {
        add = std::min<std::uint32_t>(add, times);
      }
      c = static_cast<std::uint16_t>(std::min<std::uint32_t>(0xFFFF, c + add));
    });
    if (!read.ok()) return read.status();
    stats.postings_read += *read;
  }
  // Each unit is held to the threshold of its own length.
  for (std::uint32_t unit : touched) {
    if (counts[unit] >= b.ThresholdFor(lengths_seen[unit])) {
      out.push_back(unit);
    }
    counts[unit] = 0;
  }
  std::sort(out.begin(), out.end());
  return Status::Ok();
}

// Candidates' counting with common keys too: bit-sliced counts over every
// unit, each unit then held to the threshold of its length as the length
// keys give it.
Status Lookup::Impl::CountBitSliced(const CandidatePlan& plan,
                                    const CandidateBounds& b,
                                    std::vector<std::uint32_t>& out) {
  std::int64_t total = 0;
  for (const PlanKey& k : plan.keys) total += k.weight;
  const bool by_token = plan.by_token;
  if (by_token && unit_lengths.empty()) {
    ONOMA_RETURN_IF_ERROR(LoadLengths());
  }
  counter.Reset(units + 1, static_cast<std::uint32_t>(
                               std::min<std::int64_t>(total, 0xFFFF)));
  const std::size_t words = (units + 1 + 63) / 64;
  for (const PlanKey& k : plan.keys) {
    if (k.key == 0 || k.frequency == 0) continue;
    if (IsDense(k)) {
      auto dense_key = Dense(k.key, stats.postings_read);
      if (!dense_key.ok()) return dense_key.status();
      const DenseKey& d = **dense_key;
      for (std::uint32_t j = 1; j <= k.weight; ++j) {
        // The j-th time the query holds the token counts for the units
        // holding it at least j times (kManyTimes: that or more).
        const std::size_t level =
            !by_token ? 0 : std::min<std::size_t>(j, kManyTimes) - 1;
        if (level >= d.levels.size()) break;
        const DenseKey::Level& units_at = d.levels[level];
        if (!units_at.bits.empty()) {
          counter.AddBits(units_at.bits.data(),
                          std::min(words, units_at.bits.size()));
        }
        for (std::uint32_t unit : units_at.list) counter.Add(unit, 1);
      }
      continue;
    }
    auto read = reader.ForEach(
        k.key, [&](std::uint32_t unit, std::uint16_t times, std::uint16_t) {
          // Above the watermark: as in CountRare.
          if (unit > units) return;
          std::uint32_t add = k.weight;
          if (by_token && times < kManyTimes) {
            add = std::min<std::uint32_t>(add, times);
          }
          counter.Add(unit, add);
        });
    if (!read.ok()) return read.status();
    stats.postings_read += *read;
  }
  counter.ForEachAtLeast(
      static_cast<std::uint32_t>(std::min<std::int64_t>(b.Least(), 0xFFFF)),
      [&](std::uint32_t unit, std::uint32_t count) {
        if (unit == 0) return;
        std::int64_t m = 0;
        if (by_token && unit < unit_lengths.size()) m = unit_lengths[unit];
        if (m != 0 && m != kMaxPostingLength && (m < b.lo || m > b.hi)) return;
        if (count >= b.ThresholdFor(m)) out.push_back(unit);
      });
  return Status::Ok();
}

namespace {

// Builds a key's DenseKey over units 0..units from its chunks, whatever
// order they come in (a reused id's stale posting may list a unit twice):
// every level straight into its bitmap; the sparse ones become lists at
// the end.
class DenseBuilder {
 public:
  // `detailed`: each posting carries how many times the unit holds the
  // key (not for token pairs).
  DenseBuilder(std::size_t units, bool detailed)
      : units_(units), words_((units + 1 + 63) / 64), detailed_(detailed) {
    key_.levels.reserve(kManyTimes);  // level 0 stays put as levels are added
    key_.levels.resize(1);
    key_.levels[0].bits.assign(words_, 0);
  }

  // A chunk of postings: varint unit deltas, each followed by a varint
  // detail when detailed; `read` counts them. False when damaged.
  bool AddPostings(std::string_view data, std::uint64_t& read) {
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    const unsigned char* end = p + data.size();
    std::vector<std::uint64_t>& first = key_.levels[0].bits;
    std::uint64_t unit = 0, delta = 0, detail = 0;
    while (p < end) {
      if (!ReadVarint(p, end, delta) ||
          (detailed_ && !ReadVarint(p, end, detail))) {
        return false;
      }
      unit += delta;
      ++read;
      if (unit > units_) continue;  // as in Candidates
      first[unit / 64] |= std::uint64_t{1} << (unit % 64);
      const std::uint32_t times = detailed_ ? (detail & 7) + 1 : 1;
      if (times >= 2) More(static_cast<std::uint32_t>(unit), times);
    }
    return true;
  }

  // A chunk's bitmap twin (memory/schema/0007_tm_index_batches.sql): the
  // first word's index, the words stored (little-endian), then the units
  // held more than once with how many times. False when damaged.
  bool AddBitmap(std::string_view data) {
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    const unsigned char* end = p + data.size();
    std::vector<std::uint64_t>& first = key_.levels[0].bits;
    std::uint64_t low = 0, stored = 0, many = 0;
    if (!ReadVarint(p, end, low) || !ReadVarint(p, end, stored) ||
        static_cast<std::uint64_t>(end - p) / 8 < stored) {
      return false;
    }
    for (std::uint64_t w = 0; w < stored; ++w, p += 8) {
      const std::uint64_t at = low + w;
      if (at >= first.size()) continue;
      std::uint64_t word = 0;
      for (int b = 0; b < 8; ++b) {
        word |= static_cast<std::uint64_t>(p[b]) << (8 * b);
      }
      first[at] |= word;
    }
    if (!ReadVarint(p, end, many)) return false;
    std::uint64_t unit = 0;
    for (std::uint64_t i = 0; i < many; ++i) {
      std::uint64_t delta = 0, times = 0;
      if (!ReadVarint(p, end, delta) || !ReadVarint(p, end, times) ||
          times < 2 || times > kManyTimes) {
        return false;
      }
      unit += delta;
      if (unit > units_) continue;
      More(static_cast<std::uint32_t>(unit), static_cast<std::uint32_t>(times));
    }
    return true;
  }

  // The key, its levels above the first held as lists where sparse.
  DenseKey Finish() && {
    // Units past the watermark (stale postings of a reused id) are not
    // counted, as in Candidates.
    if (const std::size_t tail = (units_ + 1) % 64; tail != 0) {
      key_.levels[0].bits.back() &= (std::uint64_t{1} << tail) - 1;
    }
    for (std::size_t j = 1; j < key_.levels.size(); ++j) {
      DenseKey::Level& level = key_.levels[j];
      std::size_t held = 0;
      for (std::uint64_t word : level.bits) held += std::popcount(word);
      if (held * 32 >= units_) continue;
      level.list.reserve(held);
      for (std::size_t w = 0; w < level.bits.size(); ++w) {
        for (std::uint64_t word = level.bits[w]; word != 0; word &= word - 1) {
          level.list.push_back(static_cast<std::uint32_t>(
              w * 64 + static_cast<std::size_t>(std::countr_zero(word))));
        }
      }
      level.bits = std::vector<std::uint64_t>();
    }
    return std::move(key_);
  }

 private:
  // `unit` holds the key `times` times: it is in levels 1..times-1 too.
  void More(std::uint32_t unit, std::uint32_t times) {
    if (key_.levels.size() < times) key_.levels.resize(times);  // times <= 8
    for (std::uint32_t j = 1; j < times; ++j) {
      std::vector<std::uint64_t>& bits = key_.levels[j].bits;
      if (bits.empty()) bits.assign(words_, 0);
      bits[unit / 64] |= std::uint64_t{1} << (unit % 64);
    }
  }

  const std::size_t units_;
  const std::size_t words_;
  const bool detailed_;
  DenseKey key_;
};

}  // namespace

Result<const DenseKey*> Lookup::Impl::Dense(std::int64_t key,
                                            std::uint64_t& read) {
  if (auto found = dense.find(key); found != dense.end()) {
    return &found->second;
  }
  DenseBuilder builder(units, !IsBigramKey(key));
  // A chunk with its bitmap twin is read as words; one without is decoded
  // posting by posting. Never both: `bits` comes first in the row, and
  // coalesce() reads `data` only when `bits` is NULL.
  auto chunks = db.Cached(format::sql::kKeyPostingsOrBits,
                          "read a key's postings and bitmaps");
  if (!chunks.ok()) return chunks.status();
  store::Statement& c = **chunks;
  c.Reset();
  ONOMA_RETURN_IF_ERROR(c.BindInt64(1, key));
  for (;;) {
    auto row = c.Step();
    if (!row.ok()) {
      c.Reset();
      return row.status();
    }
    if (!*row) break;
    const bool whole = c.ColumnInt64(1) != 0
                           ? builder.AddPostings(c.ColumnBlob(0), read)
                           : builder.AddBitmap(c.ColumnBlob(0));
    if (!whole) {
      c.Reset();
      return Status::Database(kDamagedIndex);
    }
  }
  c.Reset();
  return &dense.emplace(key, std::move(builder).Finish()).first->second;
}

Status Lookup::Impl::LoadLengths() {
  // 0xFFFF: no length posting seen yet.
  unit_lengths.assign(units + 1, 0xFFFF);
  auto keys = reader.LengthKeys(from);
  if (!keys.ok()) return keys.status();
  for (const auto& [length, key] : *keys) {
    auto read = reader.ForEach(
        key, [&](std::uint32_t unit, std::uint16_t, std::uint16_t tokens) {
          if (unit > units) return;
          std::uint16_t& seen = unit_lengths[unit];
          // Two lengths for one unit (variants of different lengths, or a
          // stale posting of a reused id): unknown.
          seen = seen == 0xFFFF || seen == tokens ? tokens : 0;
        });
    if (!read.ok()) return read.status();
    stats.postings_read += *read;
  }
  for (std::uint16_t& length : unit_lengths) {
    if (length == 0xFFFF) length = 0;
  }
  return Status::Ok();
}

}  // namespace onoma::tm
