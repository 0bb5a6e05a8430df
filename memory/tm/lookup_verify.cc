// Scoring one candidate unit, and turning the best into Matches: the
// differing spans and the proposed target with its substitutions.

#include <algorithm>

#include "lib/text/number_style.h"
#include "memory/tm/lookup_internal.h"
#include "memory/tm/tm_format.h"

namespace onoma::tm {
namespace {

// Merges touching or overlapping spans, in order.
std::vector<Span> Merged(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> out;
  for (const Span& s : spans) {
    if (!out.empty() && s.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, s.end);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

Span BytesOf(const std::vector<MatchToken>& tokens, std::uint32_t begin,
             std::uint32_t end) {
  if (begin >= end) return {};
  return {tokens[begin].begin, tokens[end - 1].end};
}

// The ordinal of spans[k] among the spans before it that `same` holds
// equal to it.
template <typename Same>
std::size_t Ordinal(const std::vector<Exchangeable>& spans, std::size_t k,
                    Same same) {
  std::size_t ordinal = 0;
  for (std::size_t i = 0; i < k; ++i) ordinal += same(spans[i]) ? 1 : 0;
  return ordinal;
}

bool IsGroupSpace(std::string_view gap) {
  return gap == " " || gap == "\u00A0" || gap == "\u202F" || gap == "\u2009";
}

bool StartsWithThreeDigits(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i == 3;
}

}  // namespace

void TargetNumbers(std::string_view text, const std::vector<MatchToken>& tokens,
                   std::vector<TargetNumber>& out) {
  out.clear();
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const MatchToken& t = tokens[k];
    Span span{t.begin, t.begin};
    if (t.kind == TokenKind::kNumber) {
      span.end = t.end;
      while (
          k + 1 < tokens.size() && tokens[k + 1].kind == TokenKind::kNumber &&
          IsGroupSpace(text.substr(span.end, tokens[k + 1].begin - span.end)) &&
          StartsWithThreeDigits(text.substr(
              tokens[k + 1].begin, tokens[k + 1].end - tokens[k + 1].begin))) {
        span.end = tokens[++k].end;
      }
    } else {
      while (span.end < t.end && text[span.end] >= '0' &&
             text[span.end] <= '9') {
        ++span.end;
      }
    }
    if (span.end == span.begin) continue;
    out.push_back(
        {span, DigitsOf(text.substr(span.begin, span.end - span.begin))});
  }
}

namespace {

std::string_view Cut(std::string_view text, Span s) {
  return text.substr(s.begin, s.end - s.begin);
}

// The target's occurrence of source name span k: the one at the same
// ordinal among the occurrences of its concept. nullptr when none.
const normalize::NameHit* TargetHitFor(
    const std::vector<Exchangeable>& spans, std::size_t k,
    const std::vector<normalize::NameHit>& target_names) {
  const std::uint32_t concept_index = spans[k].concept_index;
  std::size_t ordinal = Ordinal(spans, k, [&](const Exchangeable& e) {
    return e.kind == Exchangeable::Kind::kName &&
           e.concept_index == concept_index;
  });
  for (const normalize::NameHit& hit : target_names) {
    if (hit.concept_index != concept_index) continue;
    if (ordinal-- == 0) return &hit;
  }
  return nullptr;
}

}  // namespace

std::string DigitsOf(std::string_view number) {
  std::string digits;
  for (char c : number) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;
}

bool Lookup::Impl::CanReach(const std::vector<std::int64_t>& ids) {
  const std::size_t n = query.ids.size();
  const std::size_t m = ids.size();
  const std::size_t length = std::max(n, m);
  auto reaches = [&](std::size_t d) {
    if (d >= length) return options.min_score == 0;
    return 100 * (length - d) >=
           static_cast<std::size_t>(options.min_score) * length;
  };
  if (query.name_count == 0) return reaches(distance.To(ids));
  const std::size_t width = m + 1;
  const std::size_t widest =
      options.names == nullptr ? 0 : options.names->max_form_words();
  bound_cost.assign((n + 1) * width, 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
    return bound_cost[i * width + j];
  };
  for (std::size_t j = 1; j <= m; ++j) at(0, j) = static_cast<std::uint32_t>(j);
  std::size_t span = 0;  // the next name span to close
  for (std::size_t i = 1; i <= n; ++i) {
    at(i, 0) = at(i - 1, 0) + 1;
    for (std::size_t j = 1; j <= m; ++j) {
      std::uint32_t best = std::min(at(i - 1, j), at(i, j - 1)) + 1;
      best = std::min(
          best, at(i - 1, j - 1) + (query.ids[i - 1] == ids[j - 1] ? 0u : 1u));
      at(i, j) = best;
    }
    // A name of the query ending here may stand for any run of up to
    // `widest` source tokens at no cost.
    while (span < query.spans.size() && query.spans[span].end < i) ++span;
    for (std::size_t k = span;
         k < query.spans.size() && query.spans[k].end == i; ++k) {
      const Exchangeable& e = query.spans[k];
      if (e.kind != Exchangeable::Kind::kName) continue;
      for (std::size_t j = 0; j <= m; ++j) {
        for (std::size_t b = 0; b <= widest && b <= j; ++b) {
          at(i, j) = std::min(at(i, j), at(e.begin, j - b));
        }
      }
      for (std::size_t j = 1; j <= m; ++j) {
        at(i, j) = std::min(at(i, j), at(i, j - 1) + 1);
      }
    }
  }
  return reaches(at(n, m));
}

namespace {

// Where one variant's tokens lie in ForwardTokens::data.
struct ForwardEntry {
  std::int64_t variant;
  std::uint32_t begin, end;
};

// Reads the entries of the chunk at data[base..]: a varint delta of the
// variant id, a varint count, then the tokens, for each variant. Those of
// units above `units` (the snapshot's watermark) are left out; `sorted`
// turns false when an id does not rise.
Status ReadChunkEntries(const std::string& data, std::size_t base,
                        std::size_t units, std::vector<ForwardEntry>& entries,
                        bool& sorted) {
  const auto* begin = reinterpret_cast<const unsigned char*>(data.data());
  const unsigned char* p = begin + base;
  const unsigned char* end = begin + data.size();
  std::int64_t variant = 0;
  while (p < end) {
    std::uint64_t delta = 0, count = 0, id = 0;
    if (!ReadVarint(p, end, delta) || !ReadVarint(p, end, count)) {
      return Status::Database(kDamagedIndex);
    }
    variant += static_cast<std::int64_t>(delta);
    const unsigned char* tokens = p;
    for (std::uint64_t t = 0; t < count; ++t) {
      if (!ReadVarint(p, end, id)) return Status::Database(kDamagedIndex);
    }
    // Above the watermark: a batch committed after this snapshot's
    // watermark was read, or a reused id's old entry.
    if (static_cast<std::size_t>(format::UnitOfVariant(variant)) > units) {
      continue;
    }
    if (!entries.empty() && entries.back().variant >= variant) sorted = false;
    entries.push_back({variant, static_cast<std::uint32_t>(tokens - begin),
                       static_cast<std::uint32_t>(p - begin)});
  }
  return Status::Ok();
}

// Sorts `entries` by variant id; a later chunk's entry for a variant (a
// reused unit id, indexed again) stands in for the earlier one.
void KeepLatestEntries(std::vector<ForwardEntry>& entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const ForwardEntry& a, const ForwardEntry& b) {
                     return a.variant < b.variant;
                   });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (kept > 0 && entries[kept - 1].variant == entries[i].variant) {
      entries[kept - 1] = entries[i];
    } else {
      entries[kept++] = entries[i];
    }
  }
  entries.resize(kept);
}

// Fills forward.starts and ends from `entries` in variant id order, and
// forward.first with each unit's first variant (each unit's are
// contiguous), up to units + 1.
void PlaceEntries(const std::vector<ForwardEntry>& entries, std::size_t units,
                  ForwardTokens& forward) {
  std::size_t next = 0;  // units below `next` have their first variant set
  forward.starts.reserve(entries.size());
  forward.ends.reserve(entries.size());
  for (const ForwardEntry& e : entries) {
    const auto unit =
        static_cast<std::size_t>(format::UnitOfVariant(e.variant));
    const auto index = static_cast<std::uint32_t>(forward.starts.size());
    while (next <= unit) forward.first[next++] = index;
    forward.starts.push_back(e.begin);
    forward.ends.push_back(e.end);
  }
  const auto last = static_cast<std::uint32_t>(forward.starts.size());
  while (next <= units + 1) forward.first[next++] = last;
}

}  // namespace

Result<std::int64_t> Lookup::Impl::ForwardBytes() {
  auto size = db.Prepare(format::sql::kTokensChunkBytes,
                         "measure the units' indexed tokens");
  if (!size.ok()) return size.status();
  ONOMA_RETURN_IF_ERROR((*size)->BindText(1, from));
  auto sized = (*size)->Step();
  if (!sized.ok()) return sized.status();
  return *sized ? (*size)->ColumnInt64(0) : 0;
}

Status Lookup::Impl::LoadForward() {
  forward = ForwardTokens();
  forward.tried = true;
  // The chunks (memory/schema/0007_tm_index_batches.sql) one after
  // another in `data`, each variant's tokens left where they are.
  auto bytes = ForwardBytes();
  if (!bytes.ok()) return bytes.status();
  // Offsets are 32-bit: beyond 4 GB of tokens, units are bounded row by
  // row, as outside a batch.
  if (*bytes < 0 || *bytes > 0xFFFFFFFFll) return Status::Ok();
  forward.data.reserve(static_cast<std::size_t>(*bytes));
  forward.upto = units;
  forward.first.assign(units + 2, 0);
  // Each variant's place, in the order read; sorted by variant id below.
  std::vector<ForwardEntry> entries;
  entries.reserve(units + 1);
  bool sorted = true;
  auto rows =
      db.Prepare(format::sql::kTokensChunks, "read the units' indexed tokens");
  if (!rows.ok()) return rows.status();
  store::Statement& r = **rows;
  ONOMA_RETURN_IF_ERROR(r.BindText(1, from));
  for (;;) {
    auto row = r.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::string_view chunk = r.ColumnBlob(0);
    if (forward.data.size() + chunk.size() > 0xFFFFFFFFu) {
      forward = ForwardTokens();
      forward.tried = true;
      return Status::Ok();
    }
    const std::size_t base = forward.data.size();
    forward.data.append(chunk);
    ONOMA_RETURN_IF_ERROR(
        ReadChunkEntries(forward.data, base, units, entries, sorted));
  }
  if (!sorted) KeepLatestEntries(entries);
  PlaceEntries(entries, units, forward);
  forward.loaded = true;
  return Status::Ok();
}

void Lookup::Impl::ForgetSnapshot() {
  dense.clear();
  unit_lengths.clear();
  unit_lengths.shrink_to_fit();
  forward = ForwardTokens();
  bounded = 0;
}

namespace {

void DecodeTokens(std::string_view blob, std::vector<std::int64_t>& ids) {
  const auto* p = reinterpret_cast<const unsigned char*>(blob.data());
  const unsigned char* end = p + blob.size();
  ids.clear();
  std::uint64_t id = 0;
  while (p < end && ReadVarint(p, end, id)) {
    ids.push_back(static_cast<std::int64_t>(id));
  }
}

}  // namespace

// Verify in stages: the bound on the indexed tokens, the unit's text, the
// exchangeable spans of each source, its score, and the unit's metadata.
Result<bool> Lookup::Impl::Verify(std::int64_t unit, bool bound, Scored& out) {
  if (bound) {
    auto dismissed = Dismissed(unit);
    if (!dismissed.ok()) return dismissed.status();
    if (*dismissed) return false;
  }
  UnitText unit_text;
  auto read = ReadUnitText(unit, unit_text);
  if (!read.ok()) return read.status();
  if (!*read) return false;
  ++stats.scored;

  unit_text.want_numbers = std::any_of(
      query.spans.begin(), query.spans.end(), [](const Exchangeable& e) {
        return e.kind == Exchangeable::Kind::kNumber;
      });
  unit_text.want_names = query.name_count > 0 && options.names != nullptr;
  bool reached = false;
  Scored candidate;
  for (auto& [text, skeleton] : unit_text.sources) {
    candidate.source_tokens.clear();
    tokenizer.Tokenize(text, candidate.source_tokens, kMaxSegmentTokens);
    const std::vector<MatchToken>& s = candidate.source_tokens;
    if (s.size() > kMaxSegmentTokens) continue;
    FindSourceSpans(text, unit_text, candidate);
    ScoreInput input;
    input.query_text = query.text;
    input.query = &query.tokens;
    input.query_spans = query.spans;
    input.source_text = text;
    input.source = &s;
    input.source_spans = candidate.source_spans;
    input.inline_codes = CountInlineCodes(skeleton);
    ScoreResult result = ScoreSource(input, *unit_text.target);
    if (result.score < options.min_score) continue;
    if (reached && result.score <= out.score) continue;
    reached = true;
    out.score = result.score;
    out.unit_id = unit;
    out.source = text;
    out.target = *unit_text.target;
    out.source_tokens = s;
    out.source_spans = input.source_spans;
    out.result = std::move(result);
  }
  if (!reached) return false;
  ONOMA_RETURN_IF_ERROR(ReadUnitMeta(unit, out));
  return true;
}

// Verify's first stage: whether the unit's indexed tokens show that it
// cannot reach min_score.
Result<bool> Lookup::Impl::Dismissed(std::int64_t unit) {
  if (forward.loaded && static_cast<std::size_t>(unit) <= forward.upto) {
    const auto u = static_cast<std::size_t>(unit);
    const std::uint32_t first = forward.first[u], last = forward.first[u + 1];
    bool reachable = false;
    for (std::uint32_t k = first; k < last && !reachable; ++k) {
      DecodeTokens(
          std::string_view(forward.data)
              .substr(forward.starts[k], forward.ends[k] - forward.starts[k]),
          stored_ids);
      reachable = CanReach(stored_ids);
    }
    return first != last && !reachable;
  }
  // Outside a batch's forward tokens: the unit's rows of tm_tokens.
  auto rows = db.Cached(format::sql::kUnitVariantTokens,
                        "read a unit's indexed tokens");
  if (!rows.ok()) return rows.status();
  store::Statement& f = **rows;
  ONOMA_RETURN_IF_ERROR(f.BindInt64(1, format::FirstVariantId(unit)));
  ONOMA_RETURN_IF_ERROR(f.BindInt64(2, format::LastVariantId(unit)));
  bool any = false, reachable = false;
  for (;;) {
    auto row = f.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (f.ColumnTextView(0) != from) continue;
    any = true;
    DecodeTokens(f.ColumnBlob(1), stored_ids);
    if (CanReach(stored_ids)) {
      reachable = true;
      break;
    }
  }
  f.Reset();
  return any && !reachable;
}

// Verify's second stage: the unit's variants in the query's language and
// its first in the target's; false when either is missing.
Result<bool> Lookup::Impl::ReadUnitText(std::int64_t unit, UnitText& out) {
  auto variants =
      db.Cached(format::sql::kUnitVariantSkeletons, "read a unit's variants");
  if (!variants.ok()) return variants.status();
  store::Statement& v = **variants;
  ONOMA_RETURN_IF_ERROR(v.BindInt64(1, format::FirstVariantId(unit)));
  ONOMA_RETURN_IF_ERROR(v.BindInt64(2, format::LastVariantId(unit)));
  for (;;) {
    auto row = v.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::string lang = LanguageKey(v.ColumnTextView(0));
    if (lang == from) {
      out.sources.emplace_back(v.ColumnText(1), v.ColumnText(2));
    } else if (lang == to && !out.target) {
      out.target = v.ColumnText(1);
    }
  }
  v.Reset();
  return !out.sources.empty() && out.target.has_value();
}

// Tokenizes the target and finds its numbers and names, once per unit and
// only when a source has spans to exchange.
void Lookup::Impl::ReadTarget(UnitText& unit_text) {
  if (unit_text.target_read) return;
  unit_text.target_read = true;
  const std::string& target = *unit_text.target;
  tokenizer.Tokenize(target, target_tokens);
  TargetNumbers(target, target_tokens, target_numbers);
  target_names.clear();
  if (unit_text.want_names) options.names->Find(target, to, target_names);
}

// Verify's third stage: the source's names and numbers, in order, each
// substitutable when the target holds it as often as the source does.
void Lookup::Impl::FindSourceSpans(std::string_view text, UnitText& unit_text,
                                   Scored& candidate) {
  const std::vector<MatchToken>& s = candidate.source_tokens;
  candidate.source_spans.clear();
  std::vector<bool> in_name(s.size(), false);
  if (unit_text.want_names) {
    ReadTarget(unit_text);
    FindSourceNames(text, candidate, in_name);
  }
  if (unit_text.want_numbers) {
    ReadTarget(unit_text);
    FindSourceNumbers(candidate, in_name);
  }
}

// The source's names (FindSourceSpans), marking their tokens in `in_name`.
void Lookup::Impl::FindSourceNames(std::string_view text, Scored& candidate,
                                   std::vector<bool>& in_name) {
  const std::vector<MatchToken>& s = candidate.source_tokens;
  options.names->Find(text, from, source_names);
  for (const normalize::NameHit& hit : source_names) {
    auto span = TokenSpan(s, hit.begin, hit.word_end);
    // The index's bounds assume no name spans more tokens than the
    // longest form: one written wider is left as words.
    if (!span ||
        span->second + 1 - span->first > options.names->max_form_words()) {
      continue;
    }
    Exchangeable& e = candidate.source_spans.emplace_back();
    e.kind = Exchangeable::Kind::kName;
    e.begin = span->first;
    e.end = span->second + 1;
    e.concept_index = hit.concept_index;
    e.suffix = hit.possessive ? -2
               : hit.particle ? static_cast<std::int32_t>(*hit.particle)
                              : -1;
    for (std::uint32_t t = e.begin; t < e.end; ++t) in_name[t] = true;
  }
  for (Exchangeable& e : candidate.source_spans) {
    auto same = [&](std::uint32_t c) { return c == e.concept_index; };
    std::size_t in_source = 0, in_target = 0;
    for (const Exchangeable& o : candidate.source_spans) {
      in_source += same(o.concept_index) ? 1 : 0;
    }
    for (const normalize::NameHit& h : target_names) {
      in_target += same(h.concept_index) ? 1 : 0;
    }
    e.substitutable = in_source == in_target;
  }
}

// The source's numbers outside names (FindSourceSpans), then every span
// sorted by position.
void Lookup::Impl::FindSourceNumbers(Scored& candidate,
                                     const std::vector<bool>& in_name) {
  const std::vector<MatchToken>& s = candidate.source_tokens;
  for (std::uint32_t t = 0; t < s.size(); ++t) {
    if (s[t].kind != TokenKind::kNumber || in_name[t]) continue;
    Exchangeable& e = candidate.source_spans.emplace_back();
    e.kind = Exchangeable::Kind::kNumber;
    e.begin = t;
    e.end = t + 1;
    std::string digits = DigitsOf(s[t].key);
    std::size_t in_source = 0, in_target = 0;
    for (const MatchToken& o : s) {
      in_source += o.kind == TokenKind::kNumber && DigitsOf(o.key) == digits;
    }
    for (const TargetNumber& o : target_numbers) {
      in_target += o.digits == digits;
    }
    e.substitutable = !digits.empty() && in_source == in_target;
  }
  std::sort(candidate.source_spans.begin(), candidate.source_spans.end(),
            [](const Exchangeable& a, const Exchangeable& b) {
              return a.begin < b.begin;
            });
}

// Verify's fourth stage: the source's score. A name exchange stands only
// if the query's name can be rendered in place of the target's occurrence
// (a Ukrainian person's name in an oblique case cannot): else that source
// name is scored as words.
ScoreResult Lookup::Impl::ScoreSource(ScoreInput& input,
                                      const std::string& target) {
  ScoreResult result = Score(input, scratch);
  for (bool again = true; again && result.score >= options.min_score;) {
    again = false;
    for (const AlignStep& step : result.steps) {
      if (step.op != AlignOp::kExchange || !step.changes_text) continue;
      const Exchangeable& x = query.spans[step.query_span];
      auto k = static_cast<std::size_t>(step.source_span);
      Exchangeable& y = input.source_spans[k];
      if (x.kind != Exchangeable::Kind::kName ||
          x.concept_index == y.concept_index) {
        continue;
      }
      const normalize::NameHit* hit =
          TargetHitFor(input.source_spans, k, target_names);
      if (hit != nullptr &&
          options.names->Render(x.concept_index, to, target, *hit)) {
        continue;
      }
      y.substitutable = false;
      again = true;
    }
    if (again) result = Score(input, scratch);
  }
  return result;
}

// Verify's last stage: the best source's unit's tuid and change date.
Status Lookup::Impl::ReadUnitMeta(std::int64_t unit, Scored& out) {
  auto meta = db.Cached(format::sql::kUnitTuidChanged, "read a unit");
  if (!meta.ok()) return meta.status();
  ONOMA_RETURN_IF_ERROR((*meta)->BindInt64(1, unit));
  auto row = (*meta)->Step();
  if (!row.ok()) return row.status();
  out.tuid = *row ? (*meta)->ColumnText(0) : "";
  out.changed = *row ? (*meta)->ColumnText(1) : "";
  (*meta)->Reset();
  return Status::Ok();
}

// A stretch of a unit's target that a proposal rewrites.
struct TargetReplacement {
  std::size_t begin, end;
  std::string text;
  Substitution::Kind kind;
  Span in_source;
};

namespace {

// The fields a Match copies from its scored candidate.
Match MatchOf(const Scored& scored) {
  Match m;
  m.score = scored.score;
  m.unit_id = scored.unit_id;
  m.tuid = scored.tuid;
  m.source = scored.source;
  m.target = scored.target;
  m.changed = scored.changed;
  m.edits = scored.result.edits;
  m.case_penalty = scored.result.case_penalty;
  m.tag_penalty = scored.result.tag_penalty;
  m.substitution_penalty = scored.result.exchange_penalty;
  return m;
}

// Writes m.proposed, `target` with `replacements` made (of overlapping
// ones, the first stands), and m.substitutions, one per replacement made.
void ApplyReplacements(std::vector<TargetReplacement> replacements,
                       const std::string& target, Match& m) {
  std::sort(replacements.begin(), replacements.end(),
            [](const TargetReplacement& a, const TargetReplacement& b) {
              return a.begin < b.begin;
            });
  std::size_t copied = 0;
  for (TargetReplacement& r : replacements) {
    if (r.begin < copied) continue;  // overlapping: the first one stands
    m.proposed.append(target, copied, r.begin - copied);
    Substitution& sub = m.substitutions.emplace_back();
    sub.kind = r.kind;
    sub.from = target.substr(r.begin, r.end - r.begin);
    sub.in_source = r.in_source;
    sub.in_proposed.begin = static_cast<std::uint32_t>(m.proposed.size());
    m.proposed.append(r.text);
    sub.in_proposed.end = static_cast<std::uint32_t>(m.proposed.size());
    sub.to = std::move(r.text);
    copied = r.end;
  }
  m.proposed.append(target, copied);
}

}  // namespace

void Lookup::Impl::ReadTargetNames(const std::string& target) {
  tokenizer.Tokenize(target, target_tokens);
  target_names.clear();
  if (options.names != nullptr) options.names->Find(target, to, target_names);
}

void Lookup::Impl::ReplaceNumber(const Scored& scored, const AlignStep& step,
                                 Span src,
                                 std::vector<TargetReplacement>& out) {
  const std::vector<MatchToken>& s = scored.source_tokens;
  const Exchangeable& x = query.spans[step.query_span];
  const Exchangeable& y = scored.source_spans[step.source_span];
  const auto k = static_cast<std::size_t>(step.source_span);
  std::string digits = DigitsOf(s[y.begin].key);
  std::size_t ordinal =
      Ordinal(scored.source_spans, k, [&](const Exchangeable& e) {
        return e.kind == Exchangeable::Kind::kNumber &&
               DigitsOf(s[e.begin].key) == digits;
      });
  std::vector<TargetNumber> numbers;
  TargetNumbers(scored.target, target_tokens, numbers);
  for (const TargetNumber& t : numbers) {
    if (t.digits != digits) continue;
    if (ordinal-- != 0) continue;
    const Span number = t.span;
    std::string_view tgt = Cut(scored.target, number);
    std::string_view q = query.text.substr(
        query.tokens[x.begin].begin,
        query.tokens[x.begin].end - query.tokens[x.begin].begin);
    out.push_back({number.begin, number.end,
                   text::RestyleNumber(q, options.from, options.to, tgt),
                   Substitution::Kind::kNumber, src});
    return;
  }
}

void Lookup::Impl::ReplaceName(const Scored& scored, const AlignStep& step,
                               Span src, std::vector<TargetReplacement>& out) {
  const Exchangeable& x = query.spans[step.query_span];
  const auto k = static_cast<std::size_t>(step.source_span);
  const normalize::NameHit* hit =
      TargetHitFor(scored.source_spans, k, target_names);
  if (hit == nullptr) return;
  std::optional<std::string> text =
      options.names->Render(x.concept_index, to, scored.target, *hit);
  if (text) {
    out.push_back({hit->begin, hit->word_end, std::move(*text),
                   Substitution::Kind::kName, src});
  }
}

Match Lookup::Impl::Propose(const Scored& scored) {
  Match m = MatchOf(scored);
  const std::vector<MatchToken>& s = scored.source_tokens;
  std::vector<Span> in_source, in_query;
  std::vector<TargetReplacement> replacements;
  bool target_read = false;
  for (const AlignStep& step : scored.result.steps) {
    Span src = BytesOf(s, step.source_begin, step.source_end);
    Span qry = BytesOf(query.tokens, step.query_begin, step.query_end);
    switch (step.op) {
      case AlignOp::kMatch:
        continue;
      case AlignOp::kCase:
        in_source.push_back(src);
        in_query.push_back(qry);
        continue;
      case AlignOp::kReplace:
      case AlignOp::kExtra:
      case AlignOp::kMissing:
        if (src.end > src.begin) in_source.push_back(src);
        if (qry.end > qry.begin) in_query.push_back(qry);
        continue;
      case AlignOp::kExchange:
        break;
    }
    if (!step.changes_text) continue;
    in_source.push_back(src);
    in_query.push_back(qry);
    const Exchangeable& x = query.spans[step.query_span];
    const Exchangeable& y = scored.source_spans[step.source_span];
    if (x.kind == Exchangeable::Kind::kName &&
        x.concept_index == y.concept_index) {
      continue;  // another form of the same name: the target stands
    }
    if (!target_read) {
      target_read = true;
      ReadTargetNames(scored.target);
    }
    if (y.kind == Exchangeable::Kind::kNumber) {
      ReplaceNumber(scored, step, src, replacements);
    } else {
      ReplaceName(scored, step, src, replacements);
    }
  }
  ApplyReplacements(std::move(replacements), scored.target, m);
  m.differences = Merged(std::move(in_source));
  m.query_differences = Merged(std::move(in_query));
  return m;
}

}  // namespace onoma::tm
