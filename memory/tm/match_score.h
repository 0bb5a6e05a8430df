// The fuzzy-match score of a query against a stored source, computed
// exactly (docs/tm-lookup.md):
//
//   score = floor(100 × (L − d) / L) − penalties,   L = max(n, m)
//
// n and m are the token counts (memory/tm/match_tokens.h) of query and
// source; d is the least number of token insertions, deletions and
// replacements that turn one into the other, where tokens are equal when
// their case-folded keys are, and where an exchangeable stretch of the
// query (a number, a name of the term store) may stand for one of the
// source at no cost (see Exchangeable). Among the alignments with the
// least d, the one with the fewest penalty points counts:
//
//   1 for each pair of aligned tokens equal only after case folding,
//   1 for each exchange that changes the text (a substitution, or a name
//     written in another form of the same concept),
//   1 for each inline code in the stored source, at most 5 in all.
//
// The score is never below 0. It is 100 only for the same tokens, cased
// alike, with no inline codes in the stored source.
//
// Pure functions; thread-safe with a ScoreScratch per thread.

#ifndef ONOMA_MEMORY_TM_MATCH_SCORE_H_
#define ONOMA_MEMORY_TM_MATCH_SCORE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "memory/tm/match_tokens.h"

namespace onoma::tm {

// At most this many inline-code penalty points.
inline constexpr int kMaxTagPenalty = 5;

// A stretch of tokens [begin, end) that may be exchanged as a whole for an
// exchangeable stretch of the other side of the same kind.
struct Exchangeable {
  enum class Kind : std::uint8_t { kNumber, kName };
  Kind kind = Kind::kNumber;
  std::uint32_t begin = 0;  // token indexes
  std::uint32_t end = 0;
  // For names, the concept; numbers are compared by their keys.
  std::uint32_t concept_index = 0;
  // For names, what follows the name inside its word: -1 nothing, -2 an
  // English possessive, else the Korean particle's index in the particle
  // table. Names exchange only with names followed alike.
  std::int32_t suffix = -1;
  // Whether the lookup can carry this stretch into the target: for the
  // source, its counterpart was found in the stored target; for the query,
  // a rendering exists in the target language. Two stretches that differ
  // exchange at no cost only when both can; two names of one concept
  // always can (the target needs no change).
  bool substitutable = false;
};

enum class AlignOp : std::uint8_t {
  kMatch,     // one token each, equal keys and text
  kCase,      // one token each, equal keys, text differing in case
  kReplace,   // one token each, different keys
  kMissing,   // a query token the source lacks
  kExtra,     // a source token the query lacks
  kExchange,  // an exchangeable stretch of each
};

struct AlignStep {
  AlignOp op = AlignOp::kMatch;
  std::uint32_t query_begin = 0, query_end = 0;    // token indexes
  std::uint32_t source_begin = 0, source_end = 0;  // token indexes
  // kExchange: indexes into the inputs' exchangeable lists.
  int query_span = -1;
  int source_span = -1;
  // kExchange: whether the stretches' texts differ (a penalty point).
  bool changes_text = false;
};

struct ScoreInput {
  std::string_view query_text;
  const std::vector<MatchToken>* query = nullptr;
  std::vector<Exchangeable> query_spans;  // sorted, not overlapping
  std::string_view source_text;
  const std::vector<MatchToken>* source = nullptr;
  std::vector<Exchangeable> source_spans;  // sorted, not overlapping
  int inline_codes = 0;                    // of the stored source
};

struct ScoreResult {
  int score = 0;
  int edits = 0;   // d
  int length = 0;  // L
  int case_penalty = 0;
  int tag_penalty = 0;
  int exchange_penalty = 0;
  std::vector<AlignStep> steps;  // query and source in order
};

// Reused between calls so that scoring many candidates allocates nothing.
struct ScoreScratch {
  std::vector<std::uint32_t> cost;
  std::vector<std::uint8_t> exchange_end_query;  // per token index + 1
  std::vector<std::uint8_t> exchange_end_source;
};

// The score of `input`, with the alignment that gives it. REQUIRES: the
// token vectors are set; a query of at least one token.
ScoreResult Score(const ScoreInput& input, ScoreScratch& scratch);

// Whether two exchangeable stretches may stand for each other at no cost.
bool CanExchange(const Exchangeable& query, std::string_view query_text,
                 const std::vector<MatchToken>& query_tokens,
                 const Exchangeable& source, std::string_view source_text,
                 const std::vector<MatchToken>& source_tokens,
                 bool& changes_text);

}  // namespace onoma::tm

#endif  // ONOMA_MEMORY_TM_MATCH_SCORE_H_
