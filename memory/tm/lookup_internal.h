// Lookup's parts, shared by memory/tm/lookup.cc (the flow), lookup_plan.cc
// (candidates from the index) and lookup_verify.cc (scoring a unit and
// proposing its target). Not part of the component's interface.

#ifndef ONOMA_MEMORY_TM_LOOKUP_INTERNAL_H_
#define ONOMA_MEMORY_TM_LOOKUP_INTERNAL_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lib/normalize/names.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/store/connection.h"
#include "memory/tm/edit_distance.h"
#include "memory/tm/lookup.h"
#include "memory/tm/match_score.h"
#include "memory/tm/match_tokens.h"
#include "memory/tm/tm_index.h"
#include "memory/tm/unit_counter.h"

namespace onoma::tm {

// The query, cut up once for every candidate.
struct Query {
  std::string_view text;
  std::vector<MatchToken> tokens;
  std::vector<Exchangeable> spans;
  std::vector<normalize::NameHit> names;  // as NameFinder::Find gave them
  std::vector<std::int64_t> ids;          // index ids of the tokens; 0: unseen
  std::size_t name_tokens = 0;            // tokens inside name spans
  std::size_t name_count = 0;
};

// A unit that reached min_score, with what Match needs.
struct Scored {
  int score = 0;
  std::int64_t unit_id = 0;
  std::string changed;
  std::string tuid;
  std::string source;
  std::string target;
  std::vector<MatchToken> source_tokens;
  std::vector<Exchangeable> source_spans;
  ScoreResult result;
};

// Best first: score, then the newest unit, then the highest id.
bool Better(const Scored& a, const Scored& b);

// Token spans [first, last] of `hit`, when it starts and ends on token
// boundaries.
std::optional<std::pair<std::uint32_t, std::uint32_t>> TokenSpan(
    const std::vector<MatchToken>& tokens, std::size_t begin, std::size_t end);

// The digits of a number token, for finding it in the target.
std::string DigitsOf(std::string_view number);

// The numbers of a target: number tokens, the digits a word begins with
// ("3명을": Korean counters stay inside their word), and groups of three
// digits after a space, which Ukrainian and Russian write in thousands
// ("3 500,5": UAX #29 breaks at the space). Each with its digits.
struct TargetNumber {
  Span span;
  std::string digits;
};
void TargetNumbers(std::string_view text, const std::vector<MatchToken>& tokens,
                   std::vector<TargetNumber>& out);

// A common key's postings decoded once for a snapshot of the index:
// levels[j] the units holding it at least j + 1 times (kManyTimes: that or
// more; a token-pair key has only levels[0]), as a bitmap (bit u % 64 of
// word u / 64) when one unit in 32 or more is there, else as a list,
// ascending.
struct DenseKey {
  struct Level {
    std::vector<std::uint64_t> bits;
    std::vector<std::uint32_t> list;
  };
  std::vector<Level> levels;
};

// Every indexed unit's tokens in the query's language (tm_tokens_chunk),
// read in a few large reads once a batch has many candidates to bound: unit u's
// variants are variants [first[u], first[u + 1]), variant k the varints
// data[starts[k], ends[k]).
struct ForwardTokens {
  bool tried = false;  // LoadForward ran (it may have found too much)
  bool loaded = false;
  std::size_t upto = 0;  // units 1..upto are here
  std::vector<std::uint32_t> first;
  std::vector<std::uint32_t> starts;
  std::vector<std::uint32_t> ends;
  std::string data;
};

// Candidates' parts (lookup_plan.cc): a key of a plan, a plan, and the
// bounds a unit's count is held to.
struct PlanKey;
struct CandidatePlan;
struct CandidateBounds;

// A unit's text as Verify reads it: its variants in the query's language
// (text and skeleton) and its first in the target language, whose tokens,
// numbers and names (ReadTarget) are read once, on first need.
struct TargetReplacement;  // lookup_verify.cc

struct UnitText {
  std::vector<std::pair<std::string, std::string>> sources;
  std::optional<std::string> target;
  bool want_numbers = false;  // the query has numbers to exchange
  bool want_names = false;    // the query has names to exchange
  bool target_read = false;
};

struct Lookup::Impl {
  Impl(store::Connection& database, const LookupOptions& o, MatchTokenizer t,
       PostingReader r)
      : db(database),
        options(o),
        from(LanguageKey(o.from)),
        to(LanguageKey(o.to)),
        tokenizer(std::move(t)),
        reader(std::move(r)) {}

  // Over a sqlite::Database given to Open: the seam's face of it, which
  // `db` names. Declared first, so that it goes last.
  std::unique_ptr<store::Connection> owned;
  store::Connection& db;
  LookupOptions options;
  std::string from;  // language keys
  std::string to;
  MatchTokenizer tokenizer;
  PostingReader reader;
  LookupStats stats;
  std::size_t units = 0;  // the index's watermark in the current snapshot
  // The index state the reader's caches were filled under: the watermark
  // and the largest token id.
  std::int64_t seen_upto = -1;
  std::int64_t seen_tokens = -1;

  // lookup.cc
  Status Prepare(std::string_view text);
  // Reads the index's watermark into `units`: every unit up to it is
  // indexed.
  Status ReadWatermark();
  // Appends the ids of the units above the watermark, ascending.
  Status Unindexed(std::vector<std::int64_t>& ids);
  Result<std::vector<Match>> Finish(std::vector<Scored>& kept);
  // Verifies `ids` in order and keeps the best (Finish).
  Result<std::vector<Match>> ScoreUnits(const std::vector<std::int64_t>& ids,
                                        bool bound);
  // lookup_plan.cc: the units that may reach min_score, ascending.
  Status Candidates(std::vector<std::uint32_t>& out);
  // Candidates' stages, in order (lookup_plan.cc).
  Status ReadQueryIds(std::vector<bool>& in_name);
  Result<CandidatePlan> ChoosePlan(const std::vector<bool>& in_name,
                                   const CandidateBounds& b);
  Status CostPlan(CandidatePlan& plan,
                  const std::map<std::int64_t, std::uint32_t>& w,
                  std::uint64_t scale);
  // Whether a key is counted from its bitmaps (inside a batch only).
  bool IsDense(const PlanKey& k) const;
  Status CountRare(CandidatePlan& plan, const CandidateBounds& b,
                   std::vector<std::uint32_t>& out);
  Status CountBitSliced(const CandidatePlan& plan, const CandidateBounds& b,
                        std::vector<std::uint32_t>& out);
  // lookup_plan.cc: `key`'s postings as a DenseKey, decoded on first use in
  // the snapshot; `read` counts the postings decoded.
  Result<const DenseKey*> Dense(std::int64_t key, std::uint64_t& read);
  // lookup_plan.cc: fills unit_lengths from the length keys' postings.
  Status LoadLengths();
  // lookup_verify.cc: fills `forward` from tm_tokens.
  Status LoadForward();
  // lookup_verify.cc: the bytes of tm_tokens' chunks for `from`.
  Result<std::int64_t> ForwardBytes();
  // Drops what was decoded from the index: at the end of a Find outside a
  // batch, at the end of a batch, and when the index has changed.
  void ForgetSnapshot();
  // lookup_verify.cc: scores `unit` into `out` when it reaches min_score.
  // With `bound`, a unit whose indexed tokens (tm_tokens) show that it
  // cannot reach min_score is dismissed before its text is read.
  Result<bool> Verify(std::int64_t unit, bool bound, Scored& out);
  // Verify's stages, in order (lookup_verify.cc).
  Result<bool> Dismissed(std::int64_t unit);
  Result<bool> ReadUnitText(std::int64_t unit, UnitText& out);
  void ReadTarget(UnitText& unit_text);
  void FindSourceSpans(std::string_view text, UnitText& unit_text,
                       Scored& candidate);
  void FindSourceNames(std::string_view text, Scored& candidate,
                       std::vector<bool>& in_name);
  void FindSourceNumbers(Scored& candidate, const std::vector<bool>& in_name);
  ScoreResult ScoreSource(ScoreInput& input, const std::string& target);
  Status ReadUnitMeta(std::int64_t unit, Scored& out);
  // lookup_verify.cc: whether the tokens `ids` (decoded from tm_tokens) can
  // reach min_score: an edit distance in which numbers match numbers and a
  // query name may stand for any run of up to W tokens is a lower bound.
  bool CanReach(const std::vector<std::int64_t>& ids);
  // lookup_verify.cc: the Match of `scored`: its differences from the
  // query, and its target with the query's numbers and names put in.
  Match Propose(const Scored& scored);
  // Propose's stages: tokenizes `target` and finds its names (once per
  // candidate, when a span differs); adds the rewrite of a number or a
  // name that `step` exchanges, when the target has it.
  void ReadTargetNames(const std::string& target);
  void ReplaceNumber(const Scored& scored, const AlignStep& step, Span src,
                     std::vector<TargetReplacement>& out);
  void ReplaceName(const Scored& scored, const AlignStep& step, Span src,
                   std::vector<TargetReplacement>& out);

  Query query;
  ScoreScratch scratch;
  // Decoded from the index for the current snapshot (ForgetSnapshot).
  std::unordered_map<std::int64_t, DenseKey> dense;
  // Each unit's length in the query's language as its postings give it
  // (0: unknown, as for units whose variants differ); empty until needed.
  std::vector<std::uint16_t> unit_lengths;
  ForwardTokens forward;
  std::uint64_t bounded = 0;  // units bounded in this snapshot
  // Inside a batch (Lookup::StartBatch): the snapshot and its decoded
  // index outlive each Find.
  std::unique_ptr<store::ReadScope> batch;
  UnitCounter counter;
  std::vector<std::uint16_t> counts;
  std::vector<std::uint16_t> lengths_seen;
  std::vector<std::int64_t> stored_ids;
  std::vector<std::uint32_t> bound_cost;
  BitParallelDistance distance;  // prepared with query.ids
  std::vector<std::uint32_t> touched;
  std::vector<MatchToken> target_tokens;
  std::vector<TargetNumber> target_numbers;
  std::vector<normalize::NameHit> source_names;
  std::vector<normalize::NameHit> target_names;
};

}  // namespace onoma::tm

#endif  // ONOMA_MEMORY_TM_LOOKUP_INTERNAL_H_
