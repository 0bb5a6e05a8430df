// Fuzzy lookup in the translation memory: the stored segments most like a
// query, scored as CAT tools score them, with numbers and known names that
// differ already replaced in the proposed translation.
//
//   #include "memory/tm/lookup.h"
//   using namespace onoma;
//
//   tm::LookupOptions options;
//   options.from = "en";           // the query's language (en-US too)
//   options.to = "uk";             // the language of the translations
//   options.min_score = 70;        // Default: 70
//   options.max_matches = 5;       // Default: 5
//   options.names = &finder;       // optional: a normalize::NameFinder over
//                                  // the term store, for name substitution
//   auto lookup = tm::Lookup::Open(db, options);
//   if (!lookup.ok()) return lookup.status();
//   auto matches = lookup->Find("Shelling in Kyiv on Monday killed 3");
//   for (const tm::Match& m : *matches) {
//     m.score;            // 99
//     m.source;           // "Shelling in Kharkiv on Monday killed 5"
//     m.target;           // as stored: "... у Харкові ... 5 ..."
//     m.proposed;         // "... у Києві ... 3 ...": substitutions applied
//     m.substitutions;    // {kName "Харкові" -> "Києві"}, {kNumber "5"->"3"}
//     m.differences;      // spans of `source` that differ from the query
//   }
//
// The score (docs/tm-lookup.md defines it exactly): the query and the
// stored source are cut into tokens at ICU word boundaries (words, numbers,
// punctuation; whitespace dropped; inline codes not tokens); d is the
// token-level Levenshtein distance on case-folded tokens, where a number
// against a number, or a name against a name of the term store, costs
// nothing when it can be substituted in the target; score = floor(100 ×
// (1 − d / max(n, m))) less one point for each token differing only in
// case, each inline code in the stored source (at most 5), each
// substitution and each name written in another form of the same concept.
// 100 means the same tokens, cased alike, with no inline codes.
//
// Candidates come from an index in the database (memory/tm/tm_index.h):
// posting lists of tokens and token pairs with a count filter that passes
// every unit able to reach min_score, so that a lookup reads a small part
// of the memory and still misses nothing that scoring every unit would
// find (tests/tm/lookup_test.cc checks it against BruteForce below).
//
// Open() brings the index up to date first, in short batches
// (tm_index.h): after an import of a million units the first lookup takes
// the index build's time (progress through `on_progress`). It never waits
// for another onoma's write lock: when another one is importing or
// building the index, or the database is read-only, Open goes on with the
// index as it is, and each Find scores the units above its watermark one
// by one, so that the answer is the same, only slower.
//
// Failure: kBadArgument for a language that is not a BCP 47 tag, an empty
// query or one longer than kMaxQueryTokens tokens; kBadInput for a query
// that is not valid UTF-8 (located) or is longer than
// limits::kMaxTmQueryBytes (lib/util/limits.h); kDatabase when SQLite
// refuses.
//
// Ownership: a Lookup borrows the Database and the NameFinder, which must
// outlive it. Thread safety: one thread at a time, as the Database.

#ifndef ONOMA_MEMORY_TM_LOOKUP_H_
#define ONOMA_MEMORY_TM_LOOKUP_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"

namespace onoma::normalize {
class NameFinder;
}
namespace onoma::sqlite {
class Database;
}
namespace onoma::store {
class Connection;
}

namespace onoma::tm {

// The longest query Find() scores, in tokens.
inline constexpr std::size_t kMaxQueryTokens = 1000;
// Stored segments longer than this many tokens are documents, not
// sentences: they are never offered as fuzzy matches.
inline constexpr std::size_t kMaxSegmentTokens = 10000;

struct IndexProgress {
  std::uint64_t units_done = 0;
  std::uint64_t units_total = 0;
};

struct LookupOptions {
  std::string from;  // BCP 47; matches variants of the same primary subtag
  std::string to;
  int min_score = 70;   // 0-100
  int max_matches = 5;  // at least 1
  // Optional; without it only numbers are substituted.
  normalize::NameFinder* names = nullptr;
  std::function<void(const IndexProgress&)> on_progress;
  // Called by Open when the index could not be brought up to date (a
  // read-only database, or another onoma holding the write lock): each
  // lookup then scores the units the index lacks one by one. May be empty.
  std::function<void()> on_index_stale;
};

// A byte range [begin, end) of a segment.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool operator==(const Span&) const = default;
};

struct Substitution {
  enum class Kind : std::uint8_t { kNumber, kName };
  Kind kind = Kind::kNumber;
  std::string from;  // as in the stored target
  std::string to;    // as put in the proposed target
  Span in_source;    // the stored source's span that differed
  Span in_proposed;  // where `to` stands in Match::proposed
};

struct Match {
  int score = 0;
  std::int64_t unit_id = 0;
  std::string tuid;      // "" when the unit has none
  std::string source;    // the stored source's plain text
  std::string target;    // the stored target's plain text
  std::string proposed;  // target with the substitutions applied
  std::vector<Substitution> substitutions;
  // Spans of `source` whose tokens differ from the query (replaced, extra,
  // or differing in case), and of the query where a query token is missing
  // from `source` or replaced.
  std::vector<Span> differences;
  std::vector<Span> query_differences;
  std::string changed;  // the unit's latest date, YYYYMMDDThhmmssZ, or ""
  // The parts of the score.
  int edits = 0;  // d
  int case_penalty = 0;
  int tag_penalty = 0;
  int substitution_penalty = 0;
};

// What a lookup cost, for benchmarks and `--verbose`.
struct LookupStats {
  std::uint64_t postings_read = 0;
  std::uint64_t candidates = 0;  // units passing the count filter
  std::uint64_t scored = 0;      // units whose score was computed
  bool filtered = true;          // false: the query allowed no filter
};

class Lookup {
  struct Impl;

 public:
  // Any engine behind the storage seam (memory/store/connection.h); the
  // Connection must outlive the Lookup.
  [[nodiscard]] static Result<Lookup> Open(store::Connection& db,
                                           const LookupOptions& options);
  // The same over a SQLite database, which must outlive the Lookup.
  [[nodiscard]] static Result<Lookup> Open(sqlite::Database& db,
                                           const LookupOptions& options);
  Lookup(Lookup&&) noexcept;
  Lookup& operator=(Lookup&&) noexcept;
  ~Lookup();

  // The best matches for `query`, best first (score, then the newest unit,
  // then the highest unit id), at most max_matches, each scoring at least
  // min_score. Empty when none.
  [[nodiscard]] Result<std::vector<Match>> Find(std::string_view query);

  // The same with another least score and number of matches for this
  // query alone (kBadArgument when out of range, as for Open).
  [[nodiscard]] Result<std::vector<Match>> Find(std::string_view query,
                                                int min_score, int max_matches);

  // Until it goes, every Find reads the memory as of one snapshot, and
  // what it decoded of the index serves the Finds after it: the commonest
  // keys' postings as bitmaps and, once many units have been bounded,
  // every unit's indexed tokens (about 40 bytes a unit). For many queries
  // in a row (onoma pretranslate); outside a batch each Find decodes
  // afresh and keeps nothing. Writers are not blocked meanwhile; the
  // batch does not see what they commit. REQUIRES: the Lookup outlives
  // its Batch, which does not nest (a second one is a no-op).
  class Batch {
   public:
    Batch(Batch&& other) noexcept;
    Batch& operator=(Batch&&) = delete;
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    ~Batch();

   private:
    friend class Lookup;
    explicit Batch(Impl* impl) : impl_(impl) {}
    Impl* impl_;
  };
  [[nodiscard]] Batch StartBatch();

  // The same by scoring every unit in the memory, without the index: the
  // reference the index is tested against. Slow on big memories.
  [[nodiscard]] Result<std::vector<Match>> BruteForce(std::string_view query);

  const LookupStats& last_stats() const;

 private:
  explicit Lookup(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace onoma::tm

#endif  // ONOMA_MEMORY_TM_LOOKUP_H_
