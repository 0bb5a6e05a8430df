// Building the fuzzy-match index: each new variant tokenized once, its keys
// gathered as (key, unit) pairs in memory, and every few million pairs
// sorted and written as one delta-coded chunk per key. Writing chunks
// rather than a row per posting keeps the index to about two bytes a
// posting and lets a lookup read a key's list in a few page reads.

#include "memory/tm/tm_index.h"

#include <algorithm>
#include <map>
#include <thread>
#include <utility>
#include <vector>

#include "memory/sqlite/transaction.h"
#include "memory/store/sqlite_connection.h"
#include "memory/tm/tm_format.h"

namespace onoma::tm {
namespace {

// Postings gathered per batch, each batch one transaction and one chunk
// per key: 4M pairs of 16 bytes, 64 MB at most, and as many chunks as the
// single transaction of old wrote, so that lookups read no more rows.
constexpr std::size_t kBatchPairs = std::size_t{1} << 22;

void AppendVarint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

Result<std::int64_t> ReadInt(store::Connection& db, const char* sql) {
  auto query = db.Cached(sql, "read the index state");
  if (!query.ok()) return query.status();
  auto row = (*query)->Step();
  if (!row.ok()) return row.status();
  const std::int64_t value = *row ? (*query)->ColumnInt64(0) : 0;
  (*query)->Reset();
  return value;
}

// Indexes units in batches. Between batches other connections may write
// (an import, another builder), so each batch starts with Sync().
class Builder {
 public:
  Builder(store::Connection& db, MatchTokenizer& tokenizer)
      : db_(db), tokenizer_(tokenizer) {}

  // Inside a batch's transaction: makes the token dictionary held in
  // memory agree with tm_token, reading it again when another connection
  // has added to it (or cleared it) since the last batch.
  Status Sync();

  // Indexes the units after `after_unit`, up to `last_unit`, in id order,
  // and stops at the first unit boundary once kBatchPairs postings are
  // gathered; writes them. Returns the last unit indexed.
  Result<std::int64_t> RunBatch(
      std::int64_t after_unit, std::int64_t last_unit, IndexProgress& shown,
      const std::function<void(const IndexProgress&)>& progress);

 private:
  Status LoadTokens();
  Status Prepare();
  Result<std::int64_t> Id(std::string_view lang, std::string_view key);
  Status Flush();

  store::Connection& db_;
  MatchTokenizer& tokenizer_;
  std::unordered_map<std::string, std::int64_t> ids_;
  std::int64_t next_id_ = 1;
  bool loaded_ = false;
  std::unique_ptr<store::Statement> insert_token_;
  std::unique_ptr<store::Statement> insert_posting_;
  std::unique_ptr<store::Statement> insert_tokens_;
  std::unique_ptr<store::Statement> insert_chunk_;
  std::unique_ptr<store::Statement> variants_;
  // This batch's tm_tokens_chunk rows, by language: the data, and the last
  // variant id written to it.
  struct Chunk {
    std::string data;
    std::int64_t last = 0;
  };
  std::map<std::string, Chunk> chunks_;
  std::string forward_;
  struct Posting {
    std::int64_t key;
    std::uint32_t unit;
    std::uint16_t times;   // how often the variant holds the key
    std::uint16_t tokens;  // the variant's length; 0 when two differ
    bool operator<(const Posting& o) const {
      return key != o.key ? key < o.key : unit < o.unit;
    }
  };
  std::vector<Posting> pairs_;
  // The bitmap twin of pairs [first, last) of one key (the format of
  // memory/schema/0007_tm_index_batches.sql), when they are one unit in 16
  // or more of the units they span: false, and no twin, otherwise.
  static bool PostingBits(const std::vector<Posting>& pairs, std::size_t first,
                          std::size_t last, std::string& out);
  std::vector<std::int64_t> ids_of_tokens_;
  std::vector<MatchToken> tokens_;
  std::vector<std::int64_t> keys_;
  std::string scratch_;
};

Status Builder::Sync() {
  auto top = ReadInt(db_, format::sql::kMaxTokenId);
  if (!top.ok()) return top.status();
  // Token ids are handed out as the largest plus one, so a dictionary that
  // another connection added to or cleared has a different largest id.
  if (loaded_ && *top == next_id_ - 1) return Status::Ok();
  return LoadTokens();
}

Status Builder::LoadTokens() {
  ids_.clear();
  next_id_ = 1;
  auto all = db_.Prepare(format::sql::kTokens, "read the index's tokens");
  if (!all.ok()) return all.status();
  store::Statement& rows = **all;
  for (;;) {
    auto row = rows.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::int64_t id = rows.ColumnInt64(0);
    std::string k(rows.ColumnTextView(1));
    k.push_back('\0');
    k.append(rows.ColumnTextView(2));
    ids_.emplace(std::move(k), id);
    next_id_ = std::max(next_id_, id + 1);
  }
  loaded_ = true;
  return Prepare();
}

Status Builder::Prepare() {
  if (insert_token_) return Status::Ok();
  auto token =
      db_.Prepare(format::sql::kInsertToken, "add a token to the index");
  if (!token.ok()) return token.status();
  insert_token_ = std::move(*token);
  auto posting =
      db_.Prepare(format::sql::kInsertPosting, "write the index's postings");
  if (!posting.ok()) return posting.status();
  insert_posting_ = std::move(*posting);
  auto forward = db_.Prepare(format::sql::kUpsertVariantTokens,
                             "write a variant's tokens to the index");
  if (!forward.ok()) return forward.status();
  insert_tokens_ = std::move(*forward);
  auto chunk =
      db_.Prepare(format::sql::kInsertTokensChunk,
                  "write a chunk of the variants' tokens to the index");
  if (!chunk.ok()) return chunk.status();
  insert_chunk_ = std::move(*chunk);
  auto variants = db_.Prepare(format::sql::kVariantTextsBetween,
                              "read the variants to index");
  if (!variants.ok()) return variants.status();
  variants_ = std::move(*variants);
  return Status::Ok();
}

Result<std::int64_t> Builder::Id(std::string_view lang, std::string_view key) {
  scratch_.assign(lang);
  scratch_.push_back('\0');
  scratch_.append(key);
  auto found = ids_.find(scratch_);
  if (found != ids_.end()) return found->second;
  std::int64_t id = next_id_++;
  insert_token_->Reset();
  ONOMA_RETURN_IF_ERROR(insert_token_->BindInt64(1, id));
  ONOMA_RETURN_IF_ERROR(insert_token_->BindText(2, lang));
  ONOMA_RETURN_IF_ERROR(insert_token_->BindText(3, key));
  ONOMA_RETURN_IF_ERROR(insert_token_->Run());
  ids_.emplace(scratch_, id);
  return id;
}

bool Builder::PostingBits(const std::vector<Posting>& pairs, std::size_t first,
                          std::size_t last, std::string& out) {
  out.clear();
  const std::uint32_t low = pairs[first].unit / 64;
  const std::uint32_t high = pairs[last - 1].unit / 64;
  const std::size_t words = high - low + 1;
  // At one unit in 16 the bitmap is no bigger than the postings.
  if ((last - first) * 16 < words * 64) return false;
  std::vector<std::uint64_t> bitmap(words, 0);
  std::size_t more = 0;
  for (std::size_t i = first; i < last; ++i) {
    const std::uint32_t unit = pairs[i].unit;
    bitmap[unit / 64 - low] |= std::uint64_t{1} << (unit % 64);
    if (pairs[i].times >= 2) ++more;
  }
  AppendVarint(out, low);
  AppendVarint(out, words);
  for (std::uint64_t word : bitmap) {
    for (int b = 0; b < 8; ++b)
      out.push_back(static_cast<char>(word >> (8 * b)));
  }
  AppendVarint(out, more);
  std::uint32_t previous = 0;
  for (std::size_t i = first; i < last; ++i) {
    if (pairs[i].times < 2) continue;
    AppendVarint(out, pairs[i].unit - previous);
    previous = pairs[i].unit;
    AppendVarint(out, std::min<std::uint16_t>(pairs[i].times, kManyTimes));
  }
  return true;
}

Status Builder::Flush() {
  std::sort(pairs_.begin(), pairs_.end());
  // Two variants of one unit in one language: one posting, the larger
  // count, and no length (the lookup then assumes any).
  std::size_t kept = 0;
  for (std::size_t i = 0; i < pairs_.size(); ++i) {
    if (kept > 0 && pairs_[kept - 1].key == pairs_[i].key &&
        pairs_[kept - 1].unit == pairs_[i].unit) {
      Posting& p = pairs_[kept - 1];
      p.times = std::max(p.times, pairs_[i].times);
      if (p.tokens != pairs_[i].tokens) p.tokens = 0;
      continue;
    }
    pairs_[kept++] = pairs_[i];
  }
  pairs_.resize(kept);
  std::string data, bits;
  for (std::size_t i = 0; i < pairs_.size();) {
    const std::int64_t key = pairs_[i].key;
    const bool detailed = !IsBigramKey(key);
    data.clear();
    std::uint32_t previous = 0;
    std::size_t count = 0;
    const std::size_t first = i;
    for (; i < pairs_.size() && pairs_[i].key == key; ++i, ++count) {
      AppendVarint(data, pairs_[i].unit - previous);
      previous = pairs_[i].unit;
      if (detailed) {
        AppendVarint(data, PostingDetail(pairs_[i].times, pairs_[i].tokens));
      }
    }
    insert_posting_->Reset();
    ONOMA_RETURN_IF_ERROR(insert_posting_->BindInt64(1, key));
    ONOMA_RETURN_IF_ERROR(
        insert_posting_->BindInt64(2, static_cast<std::int64_t>(count)));
    ONOMA_RETURN_IF_ERROR(insert_posting_->BindBlob(3, data));
    if (PostingBits(pairs_, first, i, bits)) {
      ONOMA_RETURN_IF_ERROR(insert_posting_->BindBlob(4, bits));
    } else {
      ONOMA_RETURN_IF_ERROR(insert_posting_->BindNull(4));
    }
    ONOMA_RETURN_IF_ERROR(insert_posting_->Run());
  }
  pairs_.clear();
  return Status::Ok();
}

Result<std::int64_t> Builder::RunBatch(
    std::int64_t after_unit, std::int64_t last_unit, IndexProgress& shown,
    const std::function<void(const IndexProgress&)>& progress) {
  store::Statement& variants = *variants_;
  variants.Reset();
  ONOMA_RETURN_IF_ERROR(
      variants.BindInt64(1, format::LastVariantId(after_unit)));
  ONOMA_RETURN_IF_ERROR(
      variants.BindInt64(2, format::LastVariantId(last_unit)));
  std::int64_t unit_seen = after_unit;
  std::string lang;
  for (;;) {
    auto row = variants.Step();
    if (!row.ok()) return row.status();
    if (!*row) {
      unit_seen = last_unit;  // every unit up to the last is indexed
      break;
    }
    const std::int64_t variant = variants.ColumnInt64(0);
    const std::int64_t unit = format::UnitOfVariant(variant);
    if (unit != unit_seen) {
      // A batch ends between units, so that the watermark can say "every
      // unit up to here".
      if (pairs_.size() >= kBatchPairs) break;
      unit_seen = unit;
      ++shown.units_done;
      if (progress && shown.units_done % 8192 == 0) progress(shown);
    }
    lang = LanguageKey(variants.ColumnTextView(1));
    // A variant longer than kMaxSegmentTokens is never offered as a match
    // (lookup_verify.cc), so it gets no postings and no forward row: its
    // tokens are counted only that far, and the build holds no more of
    // them than of a sentence's, however long the variant.
    tokenizer_.Tokenize(variants.ColumnTextView(2), tokens_, kMaxSegmentTokens);
    if (tokens_.size() > kMaxSegmentTokens) continue;
    keys_.clear();
    ids_of_tokens_.clear();
    std::int64_t previous = 0;
    for (const MatchToken& t : tokens_) {
      auto id = Id(lang, IndexKey(t));
      if (!id.ok()) return id.status();
      ids_of_tokens_.push_back(*id);
      if (previous != 0) keys_.push_back(BigramKey(previous, *id));
      previous = *id;
    }
    forward_.clear();
    for (std::int64_t id : ids_of_tokens_) {
      AppendVarint(forward_, static_cast<std::uint64_t>(id));
    }
    insert_tokens_->Reset();
    ONOMA_RETURN_IF_ERROR(insert_tokens_->BindInt64(1, variant));
    ONOMA_RETURN_IF_ERROR(insert_tokens_->BindText(2, lang));
    ONOMA_RETURN_IF_ERROR(insert_tokens_->BindBlob(3, forward_));
    ONOMA_RETURN_IF_ERROR(insert_tokens_->Run());
    Chunk& chunk = chunks_[lang];
    AppendVarint(chunk.data, static_cast<std::uint64_t>(variant - chunk.last));
    chunk.last = variant;
    AppendVarint(chunk.data, ids_of_tokens_.size());
    chunk.data += forward_;
    auto length = Id(lang, LengthKey(tokens_.size()));
    if (!length.ok()) return length.status();
    ids_of_tokens_.push_back(*length);
    const auto tokens = static_cast<std::uint16_t>(
        std::min<std::size_t>(tokens_.size(), kMaxPostingLength));
    const auto u = static_cast<std::uint32_t>(unit);
    std::sort(ids_of_tokens_.begin(), ids_of_tokens_.end());
    for (std::size_t i = 0; i < ids_of_tokens_.size();) {
      std::size_t j = i;
      while (j < ids_of_tokens_.size() &&
             ids_of_tokens_[j] == ids_of_tokens_[i]) {
        ++j;
      }
      pairs_.push_back(
          {ids_of_tokens_[i], u,
           static_cast<std::uint16_t>(std::min<std::size_t>(j - i, 0xFFFF)),
           tokens});
      i = j;
    }
    std::sort(keys_.begin(), keys_.end());
    keys_.erase(std::unique(keys_.begin(), keys_.end()), keys_.end());
    for (std::int64_t k : keys_) pairs_.push_back({k, u, 1, tokens});
  }
  variants.Reset();
  for (auto& [chunk_lang, chunk] : chunks_) {
    insert_chunk_->Reset();
    ONOMA_RETURN_IF_ERROR(insert_chunk_->BindText(1, chunk_lang));
    ONOMA_RETURN_IF_ERROR(insert_chunk_->BindBlob(2, chunk.data));
    ONOMA_RETURN_IF_ERROR(insert_chunk_->Run());
  }
  chunks_.clear();
  ONOMA_RETURN_IF_ERROR(Flush());
  return unit_seen;
}

}  // namespace

std::string LanguageKey(std::string_view tag) {
  std::string key(tag.substr(0, tag.find_first_of("-_")));
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

std::string LengthKey(std::size_t tokens) {
  return "\x01" + std::to_string(tokens);
}

namespace {

// Brings the index up to date in batches, each its own transaction that
// indexes the units after the watermark (tm_index_state.indexed_upto) and
// moves it past them; a reader meanwhile sees the index of the last batch
// committed, complete up to its watermark. With `clear`, the first batch
// empties the index first. Without `wait`, a batch whose write lock is
// held by another connection is not waited for: the result is then false,
// and so it is on a read-only database.
Result<bool> Build(store::Connection& db, MatchTokenizer& tokenizer,
                   const std::function<void(const IndexProgress&)>& progress,
                   bool clear, bool wait) {
  if (db.read_only()) return false;
  Builder builder(db, tokenizer);
  IndexProgress shown;
  bool counted = false;
  for (;;) {
    std::optional<store::Transaction> txn;
    if (wait) {
      auto begun = store::Transaction::Begin(db);
      if (!begun.ok()) return begun.status();
      txn.emplace(std::move(*begun));
    } else {
      auto tried = store::Transaction::TryBegin(db);
      if (!tried.ok()) return tried.status();
      if (!tried->has_value()) return false;
      txn.emplace(std::move(**tried));
    }
    if (clear) {
      ONOMA_RETURN_IF_ERROR(
          db.Exec(format::sql::kClearIndex, "clear the index"));
      clear = false;
    }
    // Read inside the transaction: another connection may have moved the
    // watermark (indexing, or deleting the newest units) since.
    auto upto = ReadInt(db, format::sql::kIndexedUpto);
    if (!upto.ok()) return upto.status();
    auto last = ReadInt(db, format::sql::kMaxUnitId);
    if (!last.ok()) return last.status();
    if (*last > std::int64_t{0xFFFFFFFF}) {
      return Status::Database("unit ids beyond 2^32 cannot be indexed");
    }
    if (*last <= *upto) {
      ONOMA_RETURN_IF_ERROR(txn->Commit());
      if (progress && counted) progress(shown);
      return true;
    }
    if (!counted) {
      auto total =
          db.Prepare(format::sql::kCountUnitsAfter, "count the units to index");
      if (!total.ok()) return total.status();
      ONOMA_RETURN_IF_ERROR((*total)->BindInt64(1, *upto));
      auto row = (*total)->Step();
      if (!row.ok()) return row.status();
      shown.units_total = static_cast<std::uint64_t>((*total)->ColumnInt64(0));
      counted = true;
    }
    ONOMA_RETURN_IF_ERROR(builder.Sync());
    auto reached = builder.RunBatch(*upto, *last, shown, progress);
    if (!reached.ok()) return reached.status();
    auto set =
        db.Prepare(format::sql::kSetIndexedUpto, "record the index state");
    if (!set.ok()) return set.status();
    ONOMA_RETURN_IF_ERROR((*set)->BindInt64(1, *reached));
    ONOMA_RETURN_IF_ERROR((*set)->Run());
    set->reset();
    ONOMA_RETURN_IF_ERROR(txn->Commit());
    std::this_thread::sleep_for(sqlite::kPauseBetweenBatches);
  }
}

Result<bool> IsUpToDate(store::Connection& db) {
  auto upto = ReadInt(db, format::sql::kIndexedUpto);
  if (!upto.ok()) return upto.status();
  auto last = ReadInt(db, format::sql::kMaxUnitId);
  if (!last.ok()) return last.status();
  return *last <= *upto;
}

}  // namespace

Status UpdateIndex(store::Connection& db, MatchTokenizer& tokenizer,
                   const std::function<void(const IndexProgress&)>& progress) {
  // The common case, an index already up to date, takes no write lock.
  auto current = IsUpToDate(db);
  if (!current.ok()) return current.status();
  if (*current) return Status::Ok();
  if (db.read_only()) {
    return Status::Database(
        "cannot index the translation memory: the "
        "database " +
        db.name() + " is open read-only");
  }
  auto built = Build(db, tokenizer, progress, /*clear=*/false, /*wait=*/true);
  return built.status();
}

Result<bool> TryUpdateIndex(
    store::Connection& db, MatchTokenizer& tokenizer,
    const std::function<void(const IndexProgress&)>& progress) {
  auto current = IsUpToDate(db);
  if (!current.ok() || *current) return current;
  return Build(db, tokenizer, progress, /*clear=*/false, /*wait=*/false);
}

Status RebuildIndex(store::Connection& db, MatchTokenizer& tokenizer,
                    const std::function<void(const IndexProgress&)>& progress) {
  if (db.read_only()) {
    return Status::Database(
        "cannot rebuild the translation memory's index: "
        "the database " +
        db.name() + " is open read-only");
  }
  return Build(db, tokenizer, progress, /*clear=*/true, /*wait=*/true).status();
}

Status UpdateIndex(sqlite::Database& db, MatchTokenizer& tokenizer,
                   const std::function<void(const IndexProgress&)>& progress) {
  store::SqliteConnection connection(db);
  return UpdateIndex(connection, tokenizer, progress);
}

Result<bool> TryUpdateIndex(
    sqlite::Database& db, MatchTokenizer& tokenizer,
    const std::function<void(const IndexProgress&)>& progress) {
  store::SqliteConnection connection(db);
  return TryUpdateIndex(connection, tokenizer, progress);
}

Status RebuildIndex(sqlite::Database& db, MatchTokenizer& tokenizer,
                    const std::function<void(const IndexProgress&)>& progress) {
  store::SqliteConnection connection(db);
  return RebuildIndex(connection, tokenizer, progress);
}

Result<PostingReader> PostingReader::Prepare(store::Connection& db) {
  auto token = db.Prepare(format::sql::kFindToken, "find a token in the index");
  if (!token.ok()) return token.status();
  auto frequency =
      db.Prepare(format::sql::kKeyFrequency, "count a key's postings");
  if (!frequency.ok()) return frequency.status();
  auto postings =
      db.Prepare(format::sql::kKeyPostings, "read a key's postings");
  if (!postings.ok()) return postings.status();
  return PostingReader(db, std::move(*token), std::move(*frequency),
                       std::move(*postings));
}

Result<std::int64_t> PostingReader::TokenId(std::string_view lang,
                                            std::string_view key) {
  std::string k(lang);
  k.push_back('\0');
  k.append(key);
  if (auto found = token_ids_.find(k); found != token_ids_.end()) {
    return found->second;
  }
  store::Statement& token = *token_;
  token.Reset();
  ONOMA_RETURN_IF_ERROR(token.BindText(1, lang));
  ONOMA_RETURN_IF_ERROR(token.BindText(2, key));
  auto row = token.Step();
  if (!row.ok()) return row.status();
  std::int64_t id = *row ? token.ColumnInt64(0) : 0;
  token.Reset();
  token_ids_.emplace(std::move(k), id);
  return id;
}

Result<std::uint64_t> PostingReader::Frequency(std::int64_t key) {
  if (auto found = frequencies_.find(key); found != frequencies_.end()) {
    return found->second;
  }
  store::Statement& frequency = *frequency_;
  frequency.Reset();
  ONOMA_RETURN_IF_ERROR(frequency.BindInt64(1, key));
  auto row = frequency.Step();
  if (!row.ok()) return row.status();
  auto count = static_cast<std::uint64_t>(*row ? frequency.ColumnInt64(0) : 0);
  frequency.Reset();
  frequencies_.emplace(key, count);
  return count;
}

Result<std::vector<std::pair<std::size_t, std::int64_t>>>
PostingReader::LengthKeys(std::string_view lang) {
  // The length keys begin with U+0001 (LengthKey), bound rather than
  // written as SQL: char(1) is SQLite's, chr(1) PostgreSQL's.
  auto query = db_->Prepare(format::sql::kTokensBetween,
                            "list the index's segment lengths");
  if (!query.ok()) return query.status();
  store::Statement& q = **query;
  ONOMA_RETURN_IF_ERROR(q.BindText(1, lang));
  ONOMA_RETURN_IF_ERROR(q.BindText(2, "\x01"));
  ONOMA_RETURN_IF_ERROR(q.BindText(3, "\x02"));
  std::vector<std::pair<std::size_t, std::int64_t>> out;
  for (;;) {
    auto row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::string_view key = q.ColumnTextView(0).substr(1);
    out.emplace_back(std::stoul(std::string(key)), q.ColumnInt64(1));
  }
  return out;
}

}  // namespace onoma::tm
