// The score's dynamic programme: Levenshtein over token keys with a second,
// lesser cost for penalty points, plus jumps across exchangeable stretches.
// Each cell holds edits * 2^16 + penalty points, so that one comparison
// orders alignments by edits first and penalties second.

#include "memory/tm/match_score.h"

#include <algorithm>

namespace onoma::tm {
namespace {

constexpr std::uint32_t kEdit = 1u << 16;

std::string_view TextOf(std::string_view text, const MatchToken& t) {
  return text.substr(t.begin, t.end - t.begin);
}

// Whether the tokens [begin, end) of two segments are written alike.
bool SameText(std::string_view a_text, const std::vector<MatchToken>& a,
              std::uint32_t a_begin, std::uint32_t a_end,
              std::string_view b_text, const std::vector<MatchToken>& b,
              std::uint32_t b_begin, std::uint32_t b_end) {
  if (a_end - a_begin != b_end - b_begin) return false;
  for (std::uint32_t k = 0; k < a_end - a_begin; ++k) {
    if (TextOf(a_text, a[a_begin + k]) != TextOf(b_text, b[b_begin + k])) {
      return false;
    }
  }
  return true;
}

bool SameKeys(const std::vector<MatchToken>& a, std::uint32_t a_begin,
              std::uint32_t a_end, const std::vector<MatchToken>& b,
              std::uint32_t b_begin, std::uint32_t b_end) {
  if (a_end - a_begin != b_end - b_begin) return false;
  for (std::uint32_t k = 0; k < a_end - a_begin; ++k) {
    if (a[a_begin + k].key != b[b_begin + k].key) return false;
  }
  return true;
}

}  // namespace

bool CanExchange(const Exchangeable& query, std::string_view query_text,
                 const std::vector<MatchToken>& query_tokens,
                 const Exchangeable& source, std::string_view source_text,
                 const std::vector<MatchToken>& source_tokens,
                 bool& changes_text) {
  if (query.kind != source.kind) return false;
  if (query.suffix != source.suffix) return false;
  changes_text =
      !SameText(query_text, query_tokens, query.begin, query.end, source_text,
                source_tokens, source.begin, source.end);
  if (query.kind == Exchangeable::Kind::kName &&
      query.concept_index == source.concept_index) {
    return true;
  }
  if (query.kind == Exchangeable::Kind::kNumber &&
      SameKeys(query_tokens, query.begin, query.end, source_tokens,
               source.begin, source.end)) {
    return true;
  }
  return query.substitutable && source.substitutable;
}

ScoreResult Score(const ScoreInput& input, ScoreScratch& scratch) {
  const std::vector<MatchToken>& q = *input.query;
  const std::vector<MatchToken>& s = *input.source;
  const std::size_t n = q.size();
  const std::size_t m = s.size();
  const std::size_t width = m + 1;
  std::vector<std::uint32_t>& cost = scratch.cost;
  cost.assign((n + 1) * width, 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
    return cost[i * width + j];
  };
  // Exchangeable stretches by the token index they end at, so that a cell
  // looks only at the (rare) jumps that land on it.
  std::vector<std::uint8_t>& q_end = scratch.exchange_end_query;
  std::vector<std::uint8_t>& s_end = scratch.exchange_end_source;
  q_end.assign(n + 1, 0);
  s_end.assign(m + 1, 0);
  for (const Exchangeable& e : input.query_spans) q_end[e.end] = 1;
  for (const Exchangeable& e : input.source_spans) s_end[e.end] = 1;

  auto diagonal = [&](std::size_t i, std::size_t j) -> std::uint32_t {
    const MatchToken& a = q[i - 1];
    const MatchToken& b = s[j - 1];
    if (a.key != b.key) return kEdit;
    return TextOf(input.query_text, a) == TextOf(input.source_text, b) ? 0 : 1;
  };
  // The cheapest exchange landing on (i, j), or UINT32_MAX; which one.
  auto exchange = [&](std::size_t i, std::size_t j, int& qi, int& si,
                      bool& changes) -> std::uint32_t {
    std::uint32_t best = UINT32_MAX;
    if (!q_end[i] || !s_end[j]) return best;
    for (std::size_t a = 0; a < input.query_spans.size(); ++a) {
      const Exchangeable& x = input.query_spans[a];
      if (x.end != i) continue;
      for (std::size_t b = 0; b < input.source_spans.size(); ++b) {
        const Exchangeable& y = input.source_spans[b];
        if (y.end != j) continue;
        bool text_differs = false;
        if (!CanExchange(x, input.query_text, q, y, input.source_text, s,
                         text_differs)) {
          continue;
        }
        std::uint32_t c = at(x.begin, y.begin) + (text_differs ? 1 : 0);
        if (c < best) {
          best = c;
          qi = static_cast<int>(a);
          si = static_cast<int>(b);
          changes = text_differs;
        }
      }
    }
    return best;
  };

  for (std::size_t j = 1; j <= m; ++j) at(0, j) = at(0, j - 1) + kEdit;
  for (std::size_t i = 1; i <= n; ++i) {
    at(i, 0) = at(i - 1, 0) + kEdit;
    for (std::size_t j = 1; j <= m; ++j) {
      std::uint32_t best = std::min(at(i - 1, j), at(i, j - 1)) + kEdit;
      best = std::min(best, at(i - 1, j - 1) + diagonal(i, j));
      int qi = -1, si = -1;
      bool changes = false;
      best = std::min(best, exchange(i, j, qi, si, changes));
      at(i, j) = best;
    }
  }

  ScoreResult result;
  // Back from (n, m), preferring a matching token, then an exchange, then a
  // replacement, a missing and an extra token, so that equal costs always
  // give the same alignment.
  auto push = [&](AlignOp op, std::size_t qb, std::size_t qe, std::size_t sb,
                  std::size_t se) -> AlignStep& {
    AlignStep& step = result.steps.emplace_back();
    step.op = op;
    step.query_begin = static_cast<std::uint32_t>(qb);
    step.query_end = static_cast<std::uint32_t>(qe);
    step.source_begin = static_cast<std::uint32_t>(sb);
    step.source_end = static_cast<std::uint32_t>(se);
    return step;
  };
  std::size_t i = n, j = m;
  while (i > 0 || j > 0) {
    const std::uint32_t here = at(i, j);
    if (i > 0 && j > 0) {
      std::uint32_t d = diagonal(i, j);
      if (d < kEdit && at(i - 1, j - 1) + d == here) {
        push(d == 0 ? AlignOp::kMatch : AlignOp::kCase, i - 1, i, j - 1, j);
        result.case_penalty += static_cast<int>(d);
        --i, --j;
        continue;
      }
      int qi = -1, si = -1;
      bool changes = false;
      if (exchange(i, j, qi, si, changes) == here) {
        const Exchangeable& x = input.query_spans[qi];
        const Exchangeable& y = input.source_spans[si];
        AlignStep& step =
            push(AlignOp::kExchange, x.begin, x.end, y.begin, y.end);
        step.query_span = qi;
        step.source_span = si;
        step.changes_text = changes;
        result.exchange_penalty += changes ? 1 : 0;
        i = x.begin;
        j = y.begin;
        continue;
      }
      if (d == kEdit && at(i - 1, j - 1) + kEdit == here) {
        push(AlignOp::kReplace, i - 1, i, j - 1, j);
        --i, --j;
        continue;
      }
    }
    if (i > 0 && at(i - 1, j) + kEdit == here) {
      push(AlignOp::kMissing, i - 1, i, j, j);
      --i;
      continue;
    }
    push(AlignOp::kExtra, i, i, j - 1, j);
    --j;
  }
  std::reverse(result.steps.begin(), result.steps.end());

  const int length = static_cast<int>(std::max(n, m));
  result.edits = static_cast<int>(at(n, m) / kEdit);
  result.length = length;
  result.tag_penalty = std::min(input.inline_codes, kMaxTagPenalty);
  int base = length == 0 ? 100 : 100 * (length - result.edits) / length;
  result.score = std::max(0, base - result.case_penalty -
                                 result.exchange_penalty - result.tag_penalty);
  return result;
}

}  // namespace onoma::tm
