// Lookup's flow: check and cut up the query, take the candidates the index
// allows (lookup_plan.cc), score each (lookup_verify.cc), keep the best.

#include "memory/tm/lookup.h"

#include <algorithm>
#include <utility>

#include "lib/text/utf8.h"
#include "lib/util/limits.h"
#include "memory/formats/tmx_model.h"
#include "memory/sqlite/transaction.h"
#include "memory/store/sqlite_connection.h"
#include "memory/tm/lookup_internal.h"
#include "memory/tm/tm_format.h"

namespace onoma::tm {

bool Better(const Scored& a, const Scored& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.changed != b.changed) return a.changed > b.changed;
  return a.unit_id > b.unit_id;
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> TokenSpan(
    const std::vector<MatchToken>& tokens, std::size_t begin, std::size_t end) {
  auto first = std::lower_bound(
      tokens.begin(), tokens.end(), begin,
      [](const MatchToken& t, std::size_t b) { return t.begin < b; });
  if (first == tokens.end() || first->begin != begin) return std::nullopt;
  for (auto t = first; t != tokens.end() && t->begin < end; ++t) {
    if (t->end == end) {
      return std::make_pair(static_cast<std::uint32_t>(first - tokens.begin()),
                            static_cast<std::uint32_t>(t - tokens.begin()));
    }
  }
  return std::nullopt;
}

Result<Lookup> Lookup::Open(sqlite::Database& db,
                            const LookupOptions& options) {
  auto connection = std::make_unique<store::SqliteConnection>(db);
  auto lookup = Open(*connection, options);
  if (!lookup.ok()) return lookup.status();
  lookup->impl_->owned = std::move(connection);
  return lookup;
}

Result<Lookup> Lookup::Open(store::Connection& db,
                            const LookupOptions& options) {
  for (const std::string* lang : {&options.from, &options.to}) {
    if (!formats::LooksLikeLanguageTag(*lang)) {
      return Status::BadArgument("\"" + *lang +
                                 "\" is not a language tag (BCP 47, e.g. "
                                 "en or uk-UA)");
    }
  }
  if (LanguageKey(options.from) == LanguageKey(options.to)) {
    return Status::BadArgument(
        "the source and target languages are the same (" + options.from + ", " +
        options.to + ")");
  }
  if (options.min_score < 0 || options.min_score > 100) {
    return Status::BadArgument("the least score must be 0 to 100");
  }
  if (options.max_matches < 1) {
    return Status::BadArgument("at least one match must be asked for");
  }
  auto tokenizer = MatchTokenizer::Create();
  if (!tokenizer.ok()) return tokenizer.status();
  // Never waits for another onoma's write lock, nor fails on a read-only
  // database: what the index lacks is then scored unit by unit (Find).
  auto current = TryUpdateIndex(db, *tokenizer, options.on_progress);
  if (!current.ok()) return current.status();
  if (!*current && options.on_index_stale) options.on_index_stale();
  auto reader = PostingReader::Prepare(db);
  if (!reader.ok()) return reader.status();
  auto impl = std::make_unique<Impl>(db, options, std::move(*tokenizer),
                                     std::move(*reader));
  return Lookup(std::move(impl));
}

Status Lookup::Impl::ReadWatermark() {
  auto state = db.Cached(format::sql::kIndexState, "read the index state");
  if (!state.ok()) return state.status();
  auto row = (*state)->Step();
  if (!row.ok()) return row.status();
  const std::int64_t upto = *row ? (*state)->ColumnInt64(0) : 0;
  const std::int64_t tokens = *row ? (*state)->ColumnInt64(1) : 0;
  (*state)->Reset();
  // Another onoma has indexed more since the last query: token ids it
  // added may be cached as unseen, and what was decoded is out of date.
  if (upto != seen_upto || tokens != seen_tokens) {
    reader.Forget();
    ForgetSnapshot();
  }
  seen_upto = upto;
  seen_tokens = tokens;
  units = static_cast<std::size_t>(upto);
  return Status::Ok();
}

Status Lookup::Impl::Unindexed(std::vector<std::int64_t>& ids) {
  auto above =
      db.Cached(format::sql::kUnitIdsAfter, "list the units the index lacks");
  if (!above.ok()) return above.status();
  ONOMA_RETURN_IF_ERROR(
      (*above)->BindInt64(1, static_cast<std::int64_t>(units)));
  for (;;) {
    auto row = (*above)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ids.push_back((*above)->ColumnInt64(0));
  }
  (*above)->Reset();
  return Status::Ok();
}

Lookup::Lookup(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Lookup::Lookup(Lookup&&) noexcept = default;
Lookup& Lookup::operator=(Lookup&&) noexcept = default;
Lookup::~Lookup() = default;

const LookupStats& Lookup::last_stats() const { return impl_->stats; }

Status Lookup::Impl::Prepare(std::string_view text) {
  stats = LookupStats();
  // Before anything reads it: tokenizing a runaway line costs memory.
  if (text.size() > limits::kMaxTmQueryBytes) {
    return Status::BadInput("the query is " + std::to_string(text.size()) +
                            " bytes, over the limit of " +
                            std::to_string(limits::kMaxTmQueryBytes) +
                            " bytes for a query");
  }
  ONOMA_RETURN_IF_ERROR(text::ValidateUtf8(text, "query"));
  query = Query();
  query.text = text;
  tokenizer.Tokenize(text, query.tokens);
  if (query.tokens.empty()) {
    return Status::BadArgument("the query has no words to look up");
  }
  if (query.tokens.size() > kMaxQueryTokens) {
    return Status::BadArgument("the query is too long to look up (" +
                               std::to_string(query.tokens.size()) +
                               " tokens; at most " +
                               std::to_string(kMaxQueryTokens) + ")");
  }
  // Names first: a number inside a name ("Route 66") belongs to the name.
  struct Found {
    Exchangeable span;
  };
  std::vector<Found> found;
  std::vector<bool> in_name(query.tokens.size(), false);
  if (options.names != nullptr) {
    options.names->Find(text, from, query.names);
    for (std::size_t h = 0; h < query.names.size(); ++h) {
      const normalize::NameHit& hit = query.names[h];
      auto span = TokenSpan(query.tokens, hit.begin, hit.word_end);
      // The index's bounds assume no name spans more tokens than the
      // longest form: one written wider is left as words.
      if (!span ||
          span->second + 1 - span->first > options.names->max_form_words()) {
        continue;
      }
      Found& f = found.emplace_back();
      f.span.kind = Exchangeable::Kind::kName;
      f.span.begin = span->first;
      f.span.end = span->second + 1;
      f.span.concept_index = hit.concept_index;
      f.span.suffix = hit.possessive ? -2
                      : hit.particle ? static_cast<std::int32_t>(*hit.particle)
                                     : -1;
      // Whether it can stand in the target is known only against the
      // target's occurrence (lookup_verify.cc).
      f.span.substitutable = true;
      for (std::uint32_t t = f.span.begin; t < f.span.end; ++t) {
        in_name[t] = true;
      }
      query.name_tokens += f.span.end - f.span.begin;
      ++query.name_count;
    }
  }
  for (std::uint32_t t = 0; t < query.tokens.size(); ++t) {
    if (query.tokens[t].kind != TokenKind::kNumber || in_name[t]) continue;
    Found& f = found.emplace_back();
    f.span.kind = Exchangeable::Kind::kNumber;
    f.span.begin = t;
    f.span.end = t + 1;
    f.span.substitutable = true;
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.span.begin < b.span.begin;
  });
  for (Found& f : found) {
    query.spans.push_back(f.span);
  }
  return Status::Ok();
}

Result<std::vector<Match>> Lookup::Impl::Finish(std::vector<Scored>& kept) {
  std::sort(kept.begin(), kept.end(), Better);
  if (kept.size() > static_cast<std::size_t>(options.max_matches)) {
    kept.resize(static_cast<std::size_t>(options.max_matches));
  }
  std::vector<Match> out;
  out.reserve(kept.size());
  for (const Scored& s : kept) out.push_back(Propose(s));
  return out;
}

Result<std::vector<Match>> Lookup::Impl::ScoreUnits(
    const std::vector<std::int64_t>& ids, bool bound) {
  stats.candidates = ids.size();
  if (bound) {
    // Bounding a unit by its indexed tokens costs a row lookup; reading
    // every unit's tokens from their chunks costs about as much as one
    // unit in 64 looked up one by one (bench/pretranslate_bench.sh). Once
    // a batch has bounded that many, the read pays for the lookups after
    // it.
    bounded += ids.size();
    if (batch && !forward.tried && units > 0 && bounded >= units / 64 + 1) {
      ONOMA_RETURN_IF_ERROR(LoadForward());
    }
  }
  std::vector<Scored> kept;
  Scored scored;
  for (std::int64_t unit : ids) {
    auto reached = Verify(unit, bound, scored);
    if (!reached.ok()) return reached.status();
    if (*reached) kept.push_back(std::move(scored));
  }
  return Finish(kept);
}

Result<std::vector<Match>> Lookup::Find(std::string_view query) {
  Impl& impl = *impl_;
  store::ReadScope scope(impl.db);
  // Outside a batch each Find has its own snapshot: nothing decoded from
  // the index outlives it.
  struct Forget {
    Impl& impl;
    ~Forget() {
      if (!impl.batch) impl.ForgetSnapshot();
    }
  } forget{impl};
  if (!impl.batch) impl.ForgetSnapshot();
  ONOMA_RETURN_IF_ERROR(impl.Prepare(query));
  // The watermark, the postings and the units above it, all read in the
  // scope's one snapshot: an index batch committed meanwhile by another
  // onoma can neither hide a unit nor show it twice.
  ONOMA_RETURN_IF_ERROR(impl.ReadWatermark());
  std::vector<std::uint32_t> candidates;
  ONOMA_RETURN_IF_ERROR(impl.Candidates(candidates));
  std::vector<std::int64_t> ids(candidates.begin(), candidates.end());
  // Units the index does not reach yet (it is being built, or could not
  // be): each is scored, as BruteForce does, after the bound of its
  // indexed tokens when it has them.
  ONOMA_RETURN_IF_ERROR(impl.Unindexed(ids));
  return impl.ScoreUnits(ids, /*bound=*/true);
}

Result<std::vector<Match>> Lookup::Find(std::string_view query, int min_score,
                                        int max_matches) {
  if (min_score < 0 || min_score > 100) {
    return Status::BadArgument("the least score must be 0 to 100");
  }
  if (max_matches < 1) {
    return Status::BadArgument("at least one match must be asked for");
  }
  LookupOptions& options = impl_->options;
  const int saved_min = options.min_score, saved_max = options.max_matches;
  options.min_score = min_score;
  options.max_matches = max_matches;
  auto found = Find(query);
  options.min_score = saved_min;
  options.max_matches = saved_max;
  return found;
}

Lookup::Batch::Batch(Batch&& other) noexcept
    : impl_(std::exchange(other.impl_, nullptr)) {}

Lookup::Batch::~Batch() {
  if (impl_ == nullptr) return;
  impl_->ForgetSnapshot();
  impl_->batch.reset();
}

Lookup::Batch Lookup::StartBatch() {
  if (impl_->batch) return Batch(nullptr);  // inside one already
  impl_->ForgetSnapshot();
  impl_->batch = std::make_unique<store::ReadScope>(impl_->db);
  return Batch(impl_.get());
}

Result<std::vector<Match>> Lookup::BruteForce(std::string_view query) {
  Impl& impl = *impl_;
  store::ReadScope scope(impl.db);
  ONOMA_RETURN_IF_ERROR(impl.Prepare(query));
  impl.stats.filtered = false;
  auto units =
      impl.db.Prepare(format::sql::kUnitIds, "list the memory's units");
  if (!units.ok()) return units.status();
  std::vector<std::int64_t> ids;
  for (;;) {
    auto row = (*units)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ids.push_back((*units)->ColumnInt64(0));
  }
  // Every unit, each scored in full: no index, no bound.
  return impl.ScoreUnits(ids, /*bound=*/false);
}

}  // namespace onoma::tm
