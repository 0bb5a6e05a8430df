// Concordance over the trigram index of 0005_tm_concordance.sql, with a
// scan for queries too short for trigrams. Tested by
// tests/tm/concordance_test.cc and tests/cli/concordance_cli_test.cc.

#include "memory/tm/concordance.h"

#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/uset.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <limits>
#include <optional>
#include <thread>

#include "lib/text/unicode.h"
#include "lib/text/utf8.h"
#include "lib/util/limits.h"
#include "memory/formats/tmx_model.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/sqlite/transaction.h"
#include "memory/store/connection.h"
#include "memory/store/sqlite_connection.h"
#include "memory/tm/tm_format.h"

namespace onoma::tm {
namespace {

// Trigrams need three code points; shorter queries are scanned for.
constexpr std::size_t kMinIndexedLength = 3;
// Most spellings of a short query handed to SQLite's instr(). Measured at
// a million units, a query absent from the memory: checking every variant
// here, 1.5 s of CPU; instr() on one spelling (Hangul, digits), 0.6 s; on
// four ("zq": z or Z, q or Q), 1.9 s. So two at most.
constexpr std::size_t kMaxSpellings = 2;
// Code points of a long query handed to the trigram index as each of its
// two phrases (IndexQuery): enough that a candidate holding both ends of a
// query nearly always holds all of it.
constexpr std::int32_t kMaxPhraseCodePoints = 32;
// Units indexed per INSERT ... SELECT during an update, between progress
// reports: small enough for a report a few times a second at 1M units.
constexpr std::int64_t kIndexChunk = 16384;
// Chunks per write transaction: each batch commits and moves the watermark
// on its own, so that another writer waits one batch at most (about a
// second; docs/tm.md).
constexpr std::int64_t kChunksPerBatch = 2;

// Simple case folding keeps one code point for one, so that a match in the
// folded text maps back to bytes of the original for highlighting.
inline UChar32 Fold(UChar32 c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
  return u_foldCase(c, U_FOLD_CASE_DEFAULT);
}

// Folds `text` into `folded`, with the byte offset of each code point in
// `offsets` and the text's length after the last.
void FoldText(std::string_view text, std::vector<UChar32>& folded,
              std::vector<std::size_t>& offsets) {
  folded.clear();
  offsets.clear();
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    offsets.push_back(static_cast<std::size_t>(i));
    UChar32 c;
    U8_NEXT(s, i, length, c);
    folded.push_back(c < 0 ? 0xFFFD : Fold(c));
  }
  offsets.push_back(text.size());
}

// A query, folded once, matched against many texts. Not thread-safe (it
// keeps its buffers between calls).
//
// Knuth-Morris-Pratt rather than std::search: a text is read once whatever
// the query, where a naive search costs the text's length times the
// query's on repetitive text ("said said said ..." against a long query
// of the same words).
class Matcher {
 public:
  explicit Matcher(std::string_view query) {
    std::vector<std::size_t> offsets;
    FoldText(query, needle_, offsets);
    // border_[i]: the length of the longest proper border (a prefix that
    // is also a suffix) of needle_[0, i].
    border_.assign(needle_.size(), 0);
    std::size_t k = 0;
    for (std::size_t i = 1; i < needle_.size(); ++i) {
      while (k > 0 && needle_[i] != needle_[k]) k = border_[k - 1];
      if (needle_[i] == needle_[k]) ++k;
      border_[i] = k;
    }
  }

  std::size_t length() const { return needle_.size(); }

  // Whether `text` contains the query; its occurrences, without overlap
  // and leftmost first, go to `ranges` when it is not null. The text is
  // decoded and folded as it is read, and only the byte offsets of the
  // last length() code points are kept: a megabyte segment costs no more
  // memory than a sentence.
  bool Find(std::string_view text, std::vector<ByteRange>* ranges) {
    if (ranges != nullptr) ranges->clear();
    const std::size_t m = needle_.size();
    if (m == 0 || text.size() < m) return false;
    starts_.resize(m);
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    bool found = false;
    std::size_t k = 0;  // how much of the needle ends here
    std::size_t i = 0;  // code points read
    for (std::int32_t at = 0; at < length;) {
      const std::int32_t start = at;
      UChar32 c;
      U8_NEXT(s, at, length, c);
      c = c < 0 ? 0xFFFD : Fold(c);
      starts_[i % m] = static_cast<std::size_t>(start);
      ++i;
      while (k > 0 && c != needle_[k]) k = border_[k - 1];
      if (c == needle_[k]) ++k;
      if (k < m) continue;
      found = true;
      if (ranges == nullptr) break;
      ranges->push_back(
          ByteRange{starts_[(i - m) % m], static_cast<std::size_t>(at)});
      k = 0;  // the next occurrence starts after this one
    }
    return found;
  }

 private:
  std::vector<UChar32> needle_;
  std::vector<std::size_t> border_;
  // The byte offset of code point j of the text at j % length().
  std::vector<std::size_t> starts_;
};

// Every spelling of `query` that folds as it does ("ів": ів, Ів, іВ, ІВ;
// "k" has the Kelvin sign too), so that SQLite's instr() can pass over the
// variants that cannot hold it without handing them to us; empty when
// there would be more than kMaxSpellings. REQUIRES: valid UTF-8.
std::vector<std::string> Spellings(std::string_view query) {
  std::vector<std::string> spellings = {""};
  const auto* s = reinterpret_cast<const std::uint8_t*>(query.data());
  const auto length = static_cast<std::int32_t>(query.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    std::vector<UChar32> same = {c};
    icu::UnicodeSet set(c, c);
    set.closeOver(USET_CASE_INSENSITIVE);
    for (std::int32_t r = 0; r < set.getRangeCount(); ++r) {
      for (UChar32 x = set.getRangeStart(r); x <= set.getRangeEnd(r); ++x) {
        if (x != c && Fold(x) == Fold(c)) same.push_back(x);
      }
    }
    if (spellings.size() * same.size() > kMaxSpellings) return {};
    std::vector<std::string> longer;
    for (const std::string& prefix : spellings) {
      for (UChar32 x : same) {
        longer.push_back(prefix);
        text::AppendUtf8(longer.back(), static_cast<char32_t>(x));
      }
    }
    spellings.swap(longer);
  }
  return spellings;
}

bool InLanguage(std::string_view range, std::string_view lang) {
  return range.empty() || formats::LanguageMatches(range, lang);
}

// An FTS5 phrase matching `query` literally: in double quotes, with each
// double quote doubled, so that NEAR(, *, AND and the like are text.
std::string Phrase(std::string_view query) {
  std::string phrase = "\"";
  for (char c : query) {
    phrase += c;
    if (c == '"') phrase += '"';
  }
  phrase += '"';
  return phrase;
}

// The FTS5 query for `query` (NFC, at least kMinIndexedLength code
// points): the whole of it as one phrase when it is short; for a long one,
// its first and its last kMaxPhraseCodePoints code points, both required.
// FTS5 matches a phrase in time that grows with the product of its length
// and the positions it tries (a 10 kB query took a minute), while a text
// that holds the query holds both ends; the matcher checks every candidate
// against the whole query anyway, and two ends of a long query let through
// hardly anything else.
std::string IndexQuery(std::string_view query) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(query.data());
  const auto length = static_cast<std::int32_t>(query.size());
  std::int32_t head = 0;
  U8_FWD_N(s, head, length, kMaxPhraseCodePoints);
  if (head == length) return Phrase(query);
  std::int32_t tail = length;
  U8_BACK_N(s, 0, tail, kMaxPhraseCodePoints);
  return Phrase(query.substr(0, static_cast<std::size_t>(head))) + " AND " +
         Phrase(query.substr(static_cast<std::size_t>(tail)));
}

// Builds the hit for unit `unit_id` from all its variants. False when the
// unit is gone or none of its variants (in the language asked for)
// contains the query.
Result<bool> BuildHit(store::Connection& db, std::int64_t unit_id,
                      std::string_view lang, Matcher& matcher,
                      ConcordanceHit& hit) {
  auto unit =
      db.Cached(format::sql::kUnitTuid, "read a unit for the concordance");
  if (!unit.ok()) return unit.status();
  ONOMA_RETURN_IF_ERROR((*unit)->Bind(1, unit_id));
  auto found = (*unit)->Step();
  if (!found.ok()) return found.status();
  if (!*found) return false;
  hit = ConcordanceHit{};
  hit.unit_id = unit_id;
  hit.tuid = (*unit)->ColumnText(0);
  const std::int64_t source_seq = (*unit)->ColumnInt64(1);
  (*unit)->Reset();

  auto variants = db.Cached(format::sql::kUnitVariantTexts,
                            "read a unit's variants for the concordance");
  if (!variants.ok()) return variants.status();
  ONOMA_RETURN_IF_ERROR((*variants)->Bind(1, format::FirstVariantId(unit_id)));
  ONOMA_RETURN_IF_ERROR((*variants)->Bind(2, format::LastVariantId(unit_id)));
  std::vector<ConcordanceSegment> all;
  for (;;) {
    auto row = (*variants)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ConcordanceSegment segment;
    segment.seq = static_cast<int>((*variants)->ColumnInt64(0));
    segment.lang = (*variants)->ColumnText(1);
    segment.text = (*variants)->ColumnText(2);
    segment.is_source = segment.seq == source_seq;
    all.push_back(std::move(segment));
  }
  (*variants)->Reset();

  // The source variant when it matches, else the first that does.
  std::size_t chosen = all.size();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!InLanguage(lang, all[i].lang)) continue;
    if (!matcher.Find(all[i].text, nullptr)) continue;
    if (chosen == all.size() || all[i].is_source) chosen = i;
    if (all[i].is_source) break;
  }
  if (chosen == all.size()) return false;
  (void)matcher.Find(all[chosen].text, &hit.ranges);
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i != chosen && all[i].is_source) hit.others.push_back(all[i]);
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i != chosen && !all[i].is_source) hit.others.push_back(all[i]);
  }
  hit.hit = std::move(all[chosen]);
  return true;
}

// Reads candidate variants (id, unit_id, lang, text) from `candidates`,
// newest first, and collects a hit per unit until `limit`. `last_unit`
// carries the unit of the last hit from one page of candidates to the
// next; `rows` counts the rows read and `last_id` is the last one's id.
Status Collect(store::Connection& db, store::Statement& candidates,
               const ConcordanceOptions& options, Matcher& matcher,
               std::vector<ConcordanceHit>& hits, std::int64_t& last_unit,
               std::size_t& rows, std::int64_t& last_id) {
  while (hits.size() < options.limit) {
    auto row = candidates.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ++rows;
    last_id = candidates.ColumnInt64(0);
    const std::int64_t unit_id = candidates.ColumnInt64(1);
    if (unit_id == last_unit) continue;
    if (!InLanguage(options.lang, candidates.ColumnTextView(2))) continue;
    if (!matcher.Find(candidates.ColumnTextView(3), nullptr)) continue;
    last_unit = unit_id;
    ConcordanceHit hit;
    auto built = BuildHit(db, unit_id, options.lang, matcher, hit);
    if (!built.ok()) return built.status();
    if (*built) hits.push_back(std::move(hit));
  }
  candidates.Reset();
  return Status::Ok();
}

Status Collect(store::Connection& db, store::Statement& candidates,
               const ConcordanceOptions& options, Matcher& matcher,
               std::vector<ConcordanceHit>& hits) {
  std::int64_t last_unit = -1;
  std::size_t rows = 0;
  std::int64_t last_id = 0;
  return Collect(db, candidates, options, matcher, hits, last_unit, rows,
                 last_id);
}

// Candidates from a server come a page at a time (all of a statement's
// rows arrive at once): newest first, below the last id read.
constexpr std::int64_t kServerPage = 512;

// Collects from `page` (parameters: ?1.. as `bind` sets them, then the id
// to stay below and the page size as the last two) page after page.
Status CollectPages(store::Connection& db, store::Statement& page,
                    int first_paging_parameter,
                    const std::function<Status(store::Statement&)>& bind,
                    const ConcordanceOptions& options, Matcher& matcher,
                    std::vector<ConcordanceHit>& hits) {
  std::int64_t last_unit = -1;
  std::int64_t below = std::numeric_limits<std::int64_t>::max();
  while (hits.size() < options.limit) {
    page.Reset();
    ONOMA_RETURN_IF_ERROR(bind(page));
    ONOMA_RETURN_IF_ERROR(page.Bind(first_paging_parameter, below));
    ONOMA_RETURN_IF_ERROR(page.Bind(first_paging_parameter + 1, kServerPage));
    std::size_t rows = 0;
    std::int64_t last_id = below;
    ONOMA_RETURN_IF_ERROR(
        Collect(db, page, options, matcher, hits, last_unit, rows, last_id));
    if (rows < static_cast<std::size_t>(kServerPage)) break;
    below = last_id;
  }
  return Status::Ok();
}

// LIKE's pattern for `text` anywhere: % and _ and \ taken literally.
std::string ContainsPattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace

std::vector<ByteRange> FindOccurrences(std::string_view text,
                                       std::string_view query) {
  Matcher matcher(query);
  std::vector<ByteRange> ranges;
  (void)matcher.Find(text, &ranges);
  return ranges;
}

namespace {

// Indexes the units above the watermark (tm_concordance_state) in
// batches of kChunksPerBatch chunks, each its own write transaction that
// moves the watermark past the units it indexed, so that a reader sees the
// index complete up to the watermark of the last batch committed. Each
// batch reads the watermark and the newest unit again: units imported, or
// deleted (the triggers of 0005 move the watermark down), between batches
// are seen to. Without `wait`, gives up when another connection holds the
// write lock (false). Adds the units indexed to `indexed`.
Result<bool> BuildConcordanceIndex(
    sqlite::Database& db,
    const std::function<void(const ConcordanceIndexProgress&)>& on_progress,
    bool wait, std::uint64_t& indexed) {
  auto state = db.Cached(format::sql::kConcordanceState,
                         "read the concordance index state");
  if (!state.ok()) return state.status();
  auto read = [&](std::int64_t& upto, std::int64_t& last) -> Status {
    auto row = (*state)->Step();
    if (!row.ok()) return row.status();
    upto = (*state)->ColumnInt64(0);
    last = (*state)->ColumnInt64(1);
    (*state)->Reset();
    return Status::Ok();
  };
  std::int64_t upto = 0;
  std::int64_t last = 0;
  ONOMA_RETURN_IF_ERROR(read(upto, last));
  if (last <= upto) return true;  // the common case: no writing
  if (db.read_only()) return false;

  auto count =
      db.Cached(format::sql::kCountUnitsBetween, "count the units to index");
  if (!count.ok()) return count.status();
  auto insert = db.Cached(format::sql::kConcordanceIndexVariants,
                          "index variants for the concordance");
  if (!insert.ok()) return insert.status();
  auto mark = db.Cached(format::sql::kConcordanceMark,
                        "record how far the concordance index reaches");
  if (!mark.ok()) return mark.status();

  ConcordanceIndexProgress progress;
  const std::int64_t start = upto;
  for (;;) {
    std::optional<sqlite::Transaction> transaction;
    if (wait) {
      auto begun = sqlite::Transaction::Begin(db);
      if (!begun.ok()) return begun.status();
      transaction.emplace(std::move(*begun));
    } else {
      auto tried = sqlite::Transaction::TryBegin(db);
      if (!tried.ok()) return tried.status();
      if (!tried->has_value()) return false;
      transaction.emplace(std::move(**tried));
    }
    // Another connection may have moved either since.
    ONOMA_RETURN_IF_ERROR(read(upto, last));
    if (last <= upto) {
      ONOMA_RETURN_IF_ERROR(transaction->Commit());
      return true;
    }
    const std::int64_t end =
        std::min(last, upto + kIndexChunk * kChunksPerBatch);
    ONOMA_RETURN_IF_ERROR((*count)->Bind(1, upto + 1));
    ONOMA_RETURN_IF_ERROR((*count)->Bind(2, end));
    auto counted = (*count)->Step();
    if (!counted.ok()) return counted.status();
    const auto units = static_cast<std::uint64_t>((*count)->ColumnInt64(0));
    (*count)->Reset();
    progress.total = std::max<std::int64_t>(last - start, 0);
    for (std::int64_t from = upto + 1; from <= end; from += kIndexChunk) {
      const std::int64_t to = std::min(end, from + kIndexChunk - 1);
      ONOMA_RETURN_IF_ERROR((*insert)->Bind(1, format::FirstVariantId(from)));
      ONOMA_RETURN_IF_ERROR((*insert)->Bind(2, format::LastVariantId(to)));
      ONOMA_RETURN_IF_ERROR((*insert)->Run());
      (*insert)->Reset();
      progress.done = std::max<std::int64_t>(to - start, 0);
      if (on_progress) on_progress(progress);
    }
    ONOMA_RETURN_IF_ERROR((*mark)->Bind(1, end));
    ONOMA_RETURN_IF_ERROR((*mark)->Run());
    (*mark)->Reset();
    ONOMA_RETURN_IF_ERROR(transaction->Commit());
    indexed += units;
    std::this_thread::sleep_for(sqlite::kPauseBetweenBatches);
  }
}

}  // namespace

Result<std::uint64_t> UpdateConcordanceIndex(
    store::Connection& db,
    const std::function<void(const ConcordanceIndexProgress&)>& on_progress) {
  // PostgreSQL's trigram index is kept by the server as rows are written.
  if (db.sqlite() == nullptr) return std::uint64_t{0};
  return UpdateConcordanceIndex(*db.sqlite(), on_progress);
}

Result<bool> TryUpdateConcordanceIndex(
    store::Connection& db,
    const std::function<void(const ConcordanceIndexProgress&)>& on_progress) {
  if (db.sqlite() == nullptr) return true;
  return TryUpdateConcordanceIndex(*db.sqlite(), on_progress);
}

Result<std::uint64_t> UpdateConcordanceIndex(
    sqlite::Database& db,
    const std::function<void(const ConcordanceIndexProgress&)>& on_progress) {
  std::uint64_t indexed = 0;
  auto done = BuildConcordanceIndex(db, on_progress, /*wait=*/true, indexed);
  if (!done.ok()) return done.status();
  if (!*done) {
    return Status::Database(
        "cannot index the translation memory for the "
        "concordance: the database " +
        db.path().string() + " is open read-only");
  }
  return indexed;
}

Result<bool> TryUpdateConcordanceIndex(
    sqlite::Database& db,
    const std::function<void(const ConcordanceIndexProgress&)>& on_progress) {
  std::uint64_t indexed = 0;
  return BuildConcordanceIndex(db, on_progress, /*wait=*/false, indexed);
}

namespace {

// Collects the hits among the units above the concordance index's
// watermark, newest first: the units it lacks while another onoma builds
// it, or when it could not be built. They are newer than every indexed
// unit, so they come first in the answer. The watermark is read in the
// caller's read transaction, the one the index is then searched in, so
// that no unit is missed or found twice.
Status CollectUnindexed(store::Connection& db,
                        const ConcordanceOptions& options, Matcher& matcher,
                        std::vector<ConcordanceHit>& hits) {
  auto upto = db.Cached(format::sql::kConcordanceIndexedUpto,
                        "read how far the concordance index reaches");
  if (!upto.ok()) return upto.status();
  auto row = (*upto)->Step();
  if (!row.ok()) return row.status();
  const std::int64_t watermark = *row ? (*upto)->ColumnInt64(0) : 0;
  (*upto)->Reset();
  auto scan = db.Prepare(format::sql::kVariantsAfterNewestFirst,
                         "scan the units the concordance index lacks");
  if (!scan.ok()) return scan.status();
  ONOMA_RETURN_IF_ERROR((*scan)->Bind(1, format::LastVariantId(watermark)));
  return Collect(db, **scan, options, matcher, hits);
}

// The text to find: within the query limit, valid UTF-8, not empty; and
// the language, a tag or "*".
Status CheckQuery(const ConcordanceOptions& options) {
  if (options.text.size() > limits::kMaxTmQueryBytes) {
    return Status::BadInput(
        "the text to find is " + std::to_string(options.text.size()) +
        " bytes, over the limit of " +
        std::to_string(limits::kMaxTmQueryBytes) + " bytes for a query");
  }
  ONOMA_RETURN_IF_ERROR(text::ValidateUtf8(options.text, "query"));
  if (options.text.empty()) {
    return Status::BadArgument("the text to find is empty");
  }
  if (!options.lang.empty() && options.lang != "*" &&
      !formats::LooksLikeLanguageTag(options.lang)) {
    return Status::BadArgument("'" + options.lang + "' is not a language tag");
  }
  return Status::Ok();
}

// A query too short for a trigram: the variants read newest first. The
// cost is how far back the limit-th hit lies, the whole memory for a string
// it does not hold (docs/tm.md, "Concordance"). instr() on the query's
// spellings, when it has one or two, halves that.
Status ScanShort(store::Connection& db, const std::string& query,
                 const ConcordanceOptions& options, Matcher& matcher,
                 std::vector<ConcordanceHit>& hits) {
  const bool server = db.sqlite() == nullptr;
  const std::vector<std::string> spellings = Spellings(query);
  // instr() is SQLite's, strpos() PostgreSQL's.
  const char* contains = server ? "strpos(text, ?" : "instr(text, ?";
  std::string sql = format::sql::kScanVariants;
  for (std::size_t i = 0; i < spellings.size(); ++i) {
    sql += i == 0 ? " WHERE (" : " OR ";
    sql += contains + std::to_string(i + 1) + ") > 0";
  }
  if (!spellings.empty()) sql += ")";
  const int paging = static_cast<int>(spellings.size()) + 1;
  auto bind = [&](store::Statement& scan) -> Status {
    for (std::size_t i = 0; i < spellings.size(); ++i) {
      ONOMA_RETURN_IF_ERROR(
          scan.Bind(static_cast<int>(i + 1), std::string_view(spellings[i])));
    }
    return Status::Ok();
  };
  if (server) {
    sql += spellings.empty() ? " WHERE " : " AND ";
    sql += "id < ?" + std::to_string(paging) + " ORDER BY id DESC LIMIT ?" +
           std::to_string(paging + 1);
    auto scan = db.Prepare(sql, "scan the memory for a short string");
    if (!scan.ok()) return scan.status();
    store::ReadScope scope(db);
    return CollectPages(db, **scan, paging, bind, options, matcher, hits);
  }
  sql += " ORDER BY id DESC";
  auto scan = db.Prepare(sql, "scan the memory for a short string");
  if (!scan.ok()) return scan.status();
  ONOMA_RETURN_IF_ERROR(bind(**scan));
  return Collect(db, **scan, options, matcher, hits);
}

// PostgreSQL: the trigram index of memory/schema_postgres/
// 0005_tm_concordance.sql (pg_trgm, GIN) on every variant's text, folded
// by the database's UTF-8 locale, which the server keeps up to date as
// rows are written; each candidate is checked as on SQLite.
Status SearchTrigrams(store::Connection& db, const std::string& query,
                      const ConcordanceOptions& options, Matcher& matcher,
                      std::vector<ConcordanceHit>& hits) {
  auto page = db.Prepare(format::sql::kConcordancePagePostgres,
                         "search the concordance index");
  if (!page.ok()) return page.status();
  const std::string pattern = ContainsPattern(query);
  store::ReadScope scope(db);
  return CollectPages(
      db, **page, 2,
      [&](store::Statement& s) { return s.Bind(1, std::string_view(pattern)); },
      options, matcher, hits);
}

// SQLite: the FTS5 index, brought up to date when no other onoma holds the
// write lock (never waiting for it: the units it lacks are scanned
// instead, CollectUnindexed).
Status SearchFts(store::Connection& db, const std::string& query,
                 const ConcordanceOptions& options, Matcher& matcher,
                 std::vector<ConcordanceHit>& hits) {
  auto current = TryUpdateConcordanceIndex(db, options.on_index_progress);
  if (!current.ok()) return current.status();
  if (!*current && options.on_index_stale) options.on_index_stale();
  store::ReadScope scope(db);
  ONOMA_RETURN_IF_ERROR(CollectUnindexed(db, options, matcher, hits));
  if (hits.size() >= options.limit) return Status::Ok();
  // FTS5 walks the index in descending rowid order itself; the join reads
  // each candidate's text, which the check needs.
  auto candidates = db.Prepare(format::sql::kConcordanceMatch,
                               "search the concordance index");
  if (!candidates.ok()) return candidates.status();
  ONOMA_RETURN_IF_ERROR((*candidates)->Bind(1, IndexQuery(query)));
  return Collect(db, **candidates, options, matcher, hits);
}

}  // namespace

Result<std::vector<ConcordanceHit>> Concordance(
    sqlite::Database& db, const ConcordanceOptions& options) {
  store::SqliteConnection connection(db);
  return Concordance(connection, options);
}

Result<std::vector<ConcordanceHit>> Concordance(
    store::Connection& db, const ConcordanceOptions& options) {
  ONOMA_RETURN_IF_ERROR(CheckQuery(options));
  std::vector<ConcordanceHit> hits;
  // XML keeps NUL out of every segment, and FTS5 would end the query at it.
  if (options.limit == 0 || options.text.find('\0') != std::string::npos) {
    return hits;
  }
  const std::string query =
      text::IsNfc(options.text) ? options.text : text::ToNfc(options.text);
  Matcher matcher(query);
  if (matcher.length() < kMinIndexedLength) {
    ONOMA_RETURN_IF_ERROR(ScanShort(db, query, options, matcher, hits));
  } else if (db.sqlite() == nullptr) {
    ONOMA_RETURN_IF_ERROR(SearchTrigrams(db, query, options, matcher, hits));
  } else {
    ONOMA_RETURN_IF_ERROR(SearchFts(db, query, options, matcher, hits));
  }
  return hits;
}

}  // namespace onoma::tm
