// Concordance: every unit of the translation memory whose text contains a
// given string, in any language and script, inside words too ("иєв" finds
// "Києві", "이우에" finds "키이우에서"), without regard to case.
//
//   #include "memory/tm/concordance.h"
//   using namespace onoma;
//
//   tm::ConcordanceOptions options;
//   options.text = "Київ";
//   options.lang = "uk";          // search Ukrainian variants only
//   Result<std::vector<tm::ConcordanceHit>> hits =
//       tm::Concordance(db, options);
//   if (!hits.ok()) return hits.status();
//   for (const tm::ConcordanceHit& h : *hits) {
//     // h.hit.text holds the query at h.ranges; h.others[0] is its
//     // translation (the unit's source variant when the hit is not it).
//   }
//
// What matches: the query, brought to NFC, occurs in a variant's plain
// text (the <seg> without its inline codes) when both are case-folded
// code point by code point (ICU simple case folding: "київ" finds "Київ"
// and "КИЇВ"; "strasse" does not find "Straße"). Text is not otherwise
// normalized: stored text that is not NFC is matched as stored.
//
// How: queries of three or more code points go through the trigram index
// of memory/schema/0005_tm_concordance.sql, each candidate checked as
// above; shorter ones read the variants newest first until `limit` units
// are found, which is quick for a common string and reads the whole memory
// for a rare one (docs/tm.md gives the figures). The index is brought up to
// date, in short batches, for the units added since it was last used;
// when it cannot be (a read-only database, another onoma holding the write
// lock), the units above its watermark are read one by one instead.
//
// Results: one hit per unit, newest unit (highest id) first, at most
// `limit`.
//
// Errors: kBadInput for a query that is not valid UTF-8 (located) or is
// longer than limits::kMaxTmQueryBytes (lib/util/limits.h);
// kBadArgument for an empty one or a bad language range; kDatabase when
// SQLite refuses (an index update is then rolled back).
//
// Thread safety: as the Database, one thread at a time. Nothing returned
// refers to the Database.

#ifndef ONOMA_MEMORY_TM_CONCORDANCE_H_
#define ONOMA_MEMORY_TM_CONCORDANCE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"

namespace onoma::sqlite {
class Database;
}
namespace onoma::store {
class Connection;
}

namespace onoma::tm {

// How far an index update has come: unit ids, not counts, since ids may
// have gaps.
struct ConcordanceIndexProgress {
  std::int64_t done = 0;
  std::int64_t total = 0;
};

struct ConcordanceOptions {
  // The string to find; any characters, taken literally. REQUIRES: not
  // empty.
  std::string text;
  // Search only variants in this language range (RFC 4647 basic filtering:
  // "en" matches en-US too). Default: "" for every language.
  std::string lang;
  // At most this many units. Default: 20.
  std::size_t limit = 20;
  // Called while the index is brought up to date, every few thousand units
  // (never when it is up to date already).
  std::function<void(const ConcordanceIndexProgress&)> on_index_progress;
  // Called when the index could not be brought up to date (a read-only
  // database, or another onoma holding the write lock): the units it
  // lacks are then read one by one. May be empty.
  std::function<void()> on_index_stale;
};

// [begin, end) in bytes of UTF-8 text.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const ByteRange&) const = default;
};

// One variant of a unit.
struct ConcordanceSegment {
  int seq = 0;             // its position in the unit, from 1
  std::string lang;        // as written in the TMX
  std::string text;        // plain text
  bool is_source = false;  // the unit's source variant
};

struct ConcordanceHit {
  std::int64_t unit_id = 0;
  std::string tuid;  // "" when the unit has none
  // The variant that contains the query: the unit's source variant when
  // that one does (and is in options.lang), else the first that does.
  ConcordanceSegment hit;
  // Every occurrence of the query in hit.text, left to right, not
  // overlapping.
  std::vector<ByteRange> ranges;
  // The unit's other variants: its source variant first (when the hit is
  // not it), then the rest in their order. Empty for a one-variant unit.
  std::vector<ConcordanceSegment> others;
};

// Finds the units that contain options.text, as described at the top. On
// PostgreSQL (memory/store/connection.h) the same answers come from a
// pg_trgm GIN index that the server keeps up to date as rows are written
// (memory/schema_postgres/0005_tm_concordance.sql; docs/shared-store.md).
[[nodiscard]] Result<std::vector<ConcordanceHit>> Concordance(
    store::Connection& db, const ConcordanceOptions& options);
[[nodiscard]] Result<std::vector<ConcordanceHit>> Concordance(
    sqlite::Database& db, const ConcordanceOptions& options);

// Brings the concordance index up to date: indexes the variants of every
// unit added since it was last brought up to date, in batches of some
// 30,000 units, each its own short write transaction that also moves the
// index's watermark past them; readers meanwhile see the index as of the
// last batch, complete up to its watermark, and Concordance() scans the
// units above it. Returns the number of units indexed. Waits for the
// write lock as any writer does; kDatabase on a read-only database (the
// batches committed before a failure stay). `onoma tm index` and
// benchmarks call it to pay the cost up front.
// On PostgreSQL there is nothing to do: 0.
[[nodiscard]] Result<std::uint64_t> UpdateConcordanceIndex(
    store::Connection& db,
    const std::function<void(const ConcordanceIndexProgress&)>& on_progress =
        {});
[[nodiscard]] Result<std::uint64_t> UpdateConcordanceIndex(
    sqlite::Database& db,
    const std::function<void(const ConcordanceIndexProgress&)>& on_progress =
        {});

// Like UpdateConcordanceIndex, but never waits: true when the index now
// covers every unit, false when it could not be brought up to date (a
// read-only database, another connection holding the write lock).
// Concordance() calls it.
[[nodiscard]] Result<bool> TryUpdateConcordanceIndex(
    store::Connection& db,
    const std::function<void(const ConcordanceIndexProgress&)>& on_progress =
        {});
[[nodiscard]] Result<bool> TryUpdateConcordanceIndex(
    sqlite::Database& db,
    const std::function<void(const ConcordanceIndexProgress&)>& on_progress =
        {});

// Every occurrence of `query` in `text` under the matching rule above
// (simple case folding, code point by code point), left to right, not
// overlapping. Both REQUIRE valid UTF-8; an empty query finds nothing.
std::vector<ByteRange> FindOccurrences(std::string_view text,
                                       std::string_view query);

}  // namespace onoma::tm

#endif  // ONOMA_MEMORY_TM_CONCORDANCE_H_
