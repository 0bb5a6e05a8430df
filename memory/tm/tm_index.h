// The translation memory's fuzzy-match index (memory/schema/0004_tm_index.sql):
// posting lists of token keys, token-pair keys and segment lengths, per
// language, from which memory/tm/lookup.cc takes its candidates.
//
//   auto tokenizer = tm::MatchTokenizer::Create();
//   ONOMA_RETURN_IF_ERROR(tm::UpdateIndex(db, *tokenizer, progress));
//   auto reader = tm::PostingReader::Prepare(db);
//   auto id = reader->TokenId("en", "kyiv");           // 0 when unseen
//   reader->ForEach(*id, [](std::uint32_t unit, std::uint16_t times,
//                           std::uint16_t tokens) { ... });
//
// Every variant is indexed under LanguageKey(its lang). Keys: a token's id
// (tm_token), BigramKey(first id, second id) for two tokens in a row, and
// the id of the token LengthKey(n) for a variant of n tokens. A unit is
// listed once per key however many of its variants hold the key.
//
// Every function takes the store through the seam (memory/store/
// connection.h), SQLite or PostgreSQL (memory/schema_postgres/
// 0004_tm_index.sql: the same tables); those taking a sqlite::Database
// are the same over SQLite.
//
// Thread safety: as the Database, one thread at a time.

#ifndef ONOMA_MEMORY_TM_TM_INDEX_H_
#define ONOMA_MEMORY_TM_TM_INDEX_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lib/util/status.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/store/connection.h"
#include "memory/tm/lookup.h"
#include "memory/tm/match_tokens.h"

namespace onoma::tm {

// The language an index entry is filed under: the primary subtag of a BCP
// 47 tag, in lower case ("en-US" -> "en").
std::string LanguageKey(std::string_view tag);

inline std::int64_t BigramKey(std::int64_t first, std::int64_t second) {
  return (std::int64_t{1} << 62) | (first << 31) | second;
}
inline bool IsBigramKey(std::int64_t key) { return (key >> 62) != 0; }

// A token key's posting also says how often the variant holds the token and
// how many tokens it has, so that the count filter can take the smaller of
// two counts and the threshold of the variant's own length. Lengths from
// kMaxPostingLength up are written as kMaxPostingLength ("that long or
// longer"); counts from 8 up as 8 ("8 or more"); 0 tokens means unknown.
inline constexpr std::uint16_t kMaxPostingLength = 8191;
inline constexpr std::uint16_t kManyTimes = 8;
inline std::uint64_t PostingDetail(std::uint16_t times, std::uint16_t tokens) {
  std::uint16_t t = times < kManyTimes ? times : kManyTimes;
  return (std::uint64_t{tokens} << 3) | (t - 1u);
}

// The tm_token key that stands for a segment of `tokens` tokens.
std::string LengthKey(std::size_t tokens);

// Indexes the units added since the index was last brought up to date, in
// batches of a few tens of thousands of units, each its own short write
// transaction that also moves the watermark (tm_index_state.indexed_upto)
// past the units it indexed. Readers are never blocked: they see the index
// as of the last batch committed, complete up to its watermark (Lookup
// scores the units above it one by one), and other writers wait one batch
// at most. Units imported while it runs are indexed too: each batch reads
// the watermark and the newest unit again. `progress` (may be empty) is
// called every few thousand units. Failure: kDatabase (a read-only
// database, or another connection holding the write lock past the busy
// timeout); the batches committed before stay.
[[nodiscard]] Status UpdateIndex(
    store::Connection& db, MatchTokenizer& tokenizer,
    const std::function<void(const IndexProgress&)>& progress);
[[nodiscard]] Status UpdateIndex(
    sqlite::Database& db, MatchTokenizer& tokenizer,
    const std::function<void(const IndexProgress&)>& progress);

// Like UpdateIndex, but never waits and never fails for want of the write
// lock: true when the index now covers every unit; false when it could
// not be brought up to date because the database is read-only or another
// connection holds the write lock (another onoma importing, or building
// this index). The index is then as the last batch committed left it.
[[nodiscard]] Result<bool> TryUpdateIndex(
    store::Connection& db, MatchTokenizer& tokenizer,
    const std::function<void(const IndexProgress&)>& progress);
[[nodiscard]] Result<bool> TryUpdateIndex(
    sqlite::Database& db, MatchTokenizer& tokenizer,
    const std::function<void(const IndexProgress&)>& progress);

// Drops the index and builds it again from every unit, in batches as
// UpdateIndex: for a damaged index, or to merge the many small chunks
// that units added one at a time leave. While it runs the index covers
// the units up to its watermark only, and a lookup scores the rest one
// by one.
[[nodiscard]] Status RebuildIndex(
    store::Connection& db, MatchTokenizer& tokenizer,
    const std::function<void(const IndexProgress&)>& progress);
[[nodiscard]] Status RebuildIndex(
    sqlite::Database& db, MatchTokenizer& tokenizer,
    const std::function<void(const IndexProgress&)>& progress);

// Reads keys and posting lists. Caches token ids and frequencies, so that a
// batch of lookups asks the database once per key.
class PostingReader {
 public:
  [[nodiscard]] static Result<PostingReader> Prepare(store::Connection& db);

  // The id of `key` in language `lang`; 0 when the index has never seen it.
  [[nodiscard]] Result<std::int64_t> TokenId(std::string_view lang,
                                             std::string_view key);
  // How many postings `key` has (stale ones of deleted units included).
  [[nodiscard]] Result<std::uint64_t> Frequency(std::int64_t key);
  // The length keys of `lang`: (tokens, key id), every one the index has.
  [[nodiscard]] Result<std::vector<std::pair<std::size_t, std::int64_t>>>
  LengthKeys(std::string_view lang);

  // Drops the cached ids and frequencies: for when another connection
  // has added to the index since they were read.
  void Forget() {
    token_ids_.clear();
    frequencies_.clear();
  }

  // Calls `visit(unit_id, times, tokens)` for each posting of `key`, in
  // ascending order within each chunk: for a token key, how often the unit
  // holds it (kManyTimes: that or more) and its length (0: unknown); for a
  // token-pair key, 1 and 0. Returns how many were visited.
  template <typename Visit>
  Result<std::uint64_t> ForEach(std::int64_t key, Visit&& visit);

 private:
  PostingReader(store::Connection& db, std::unique_ptr<store::Statement> token,
                std::unique_ptr<store::Statement> frequency,
                std::unique_ptr<store::Statement> postings)
      : db_(&db),
        token_(std::move(token)),
        frequency_(std::move(frequency)),
        postings_(std::move(postings)) {}

  store::Connection* db_;
  std::unique_ptr<store::Statement> token_;
  std::unique_ptr<store::Statement> frequency_;
  std::unique_ptr<store::Statement> postings_;
  std::unordered_map<std::string, std::int64_t> token_ids_;
  std::unordered_map<std::int64_t, std::uint64_t> frequencies_;
};

inline constexpr char kDamagedIndex[] =
    "the translation memory's lookup index is damaged (a posting list ends "
    "mid-number); 'onoma tm index --rebuild' builds it again";

// Decodes one unsigned LEB128 varint at `p`; false past `end` or when it
// runs over 64 bits.
inline bool ReadVarint(const unsigned char*& p, const unsigned char* end,
                       std::uint64_t& value) {
  // Most deltas and details fit in one byte.
  if (p < end && *p < 0x80) {
    value = *p++;
    return true;
  }
  value = 0;
  for (int shift = 0; shift < 64 && p < end; shift += 7) {
    unsigned char byte = *p++;
    value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

template <typename Visit>
Result<std::uint64_t> PostingReader::ForEach(std::int64_t key, Visit&& visit) {
  store::Statement& postings = *postings_;
  postings.Reset();
  ONOMA_RETURN_IF_ERROR(postings.BindInt64(1, key));
  std::uint64_t visited = 0;
  const bool detailed = !IsBigramKey(key);
  for (;;) {
    auto row = postings.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::string_view data = postings.ColumnBlob(0);
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    const unsigned char* end = p + data.size();
    std::uint64_t unit = 0, delta = 0;
    while (p < end) {
      if (!ReadVarint(p, end, delta)) {
        return Status::Database(kDamagedIndex);
      }
      unit += delta;
      std::uint64_t detail = 0;
      if (detailed && !ReadVarint(p, end, detail)) {
        return Status::Database(kDamagedIndex);
      }
      visit(static_cast<std::uint32_t>(unit),
            static_cast<std::uint16_t>(detailed ? (detail & 7) + 1 : 1),
            static_cast<std::uint16_t>(detail >> 3));
      ++visited;
    }
  }
  postings.Reset();
  return visited;
}

}  // namespace onoma::tm

#endif  // ONOMA_MEMORY_TM_TM_INDEX_H_
