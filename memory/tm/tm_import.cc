// Import: a TMX or XLIFF file into the memory in one transaction, and Add,
// its one-pair cousin. Tested by tests/tm/tm_import_test.cc and, for a process
// killed half-way, tests/tm/tm_kill_test.cc.

#include <ctime>
#include <optional>
#include <utility>

#include "lib/text/utf8.h"
#include "lib/util/limits.h"
#include "memory/formats/xliff_reader.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/sqlite/transaction.h"
#include "memory/store/connection.h"
#include "memory/store/sqlite_connection.h"
#include "memory/tm/tm_format.h"
#include "memory/tm/tm_store_internal.h"
#include "memory/tm/translation_memory.h"

namespace onoma::tm {
namespace {

using formats::TmxAttr;
using formats::TmxHeader;
using formats::TmxReader;
using formats::TmxUnit;
using formats::XliffReader;

// A larger page cache for the import's one transaction: a million units
// touch the duplicate-key index all over, and pages that stay in memory
// are not spilled to the WAL and read back. 32 MiB keeps the whole
// process well under its 100 MB budget. Restored afterwards.
constexpr const char* kImportCache = "PRAGMA cache_size = -32768";

class CacheSize {
 public:
  explicit CacheSize(sqlite::Database& db) : db_(db) {
    auto get = db.Prepare("PRAGMA cache_size", "read the cache size");
    if (get.ok()) {
      auto row = get->Step();
      if (row.ok() && *row) old_ = get->ColumnInt64(0);
    }
    (void)db_.Exec(kImportCache, "enlarge the page cache");
  }
  ~CacheSize() {
    (void)db_.Exec("PRAGMA cache_size = " + std::to_string(old_),
                   "restore the page cache");
  }

 private:
  sqlite::Database& db_;
  std::int64_t old_ = -2000;
};

// Foreign keys off for the import's transaction, on again after it (the
// pragma is a no-op inside a transaction, hence a guard that outlives the
// Transaction). Every row an import writes points at a row it has just
// written, so the checks can only pass; they cost a seventh of the import
// (one parent lookup per row). Replacing a duplicate deletes its rows
// explicitly (UnitStore) rather than through ON DELETE CASCADE.
class ForeignKeysOff {
 public:
  explicit ForeignKeysOff(sqlite::Database& db) : db_(db) {
    auto get = db.Prepare("PRAGMA foreign_keys", "read foreign_keys");
    if (get.ok()) {
      auto row = get->Step();
      was_on_ = row.ok() && *row && get->ColumnInt64(0) != 0;
    }
    if (was_on_) (void)db_.Exec("PRAGMA foreign_keys = OFF");
  }
  ~ForeignKeysOff() {
    if (was_on_) (void)db_.Exec("PRAGMA foreign_keys = ON");
  }

 private:
  sqlite::Database& db_;
  bool was_on_ = false;
};

formats::XliffReaderOptions XliffOptions(const ImportOptions& options) {
  formats::XliffReaderOptions reader_options;
  reader_options.lenient = options.lenient;
  reader_options.on_warning = options.on_warning;
  reader_options.any_state = options.any_state;
  reader_options.source_lang = options.source_lang;
  reader_options.target_lang = options.target_lang;
  return reader_options;
}

formats::TmxReaderOptions TmxOptions(const ImportOptions& options) {
  formats::TmxReaderOptions reader_options;
  reader_options.lenient = options.lenient;
  reader_options.on_warning = options.on_warning;
  return reader_options;
}

bool IsXliff(const std::filesystem::path& path, const ImportOptions& options) {
  return options.format.value_or(formats::DetectTmFileFormat(path)) ==
         formats::TmFileFormat::kXliff;
}

std::uint64_t Untranslated(const TmxReader&) { return 0; }
std::uint64_t Untranslated(const XliffReader& reader) {
  return reader.units_untranslated();
}

template <class Reader>
Result<ImportSummary> CheckUnits(Reader& reader, const ImportOptions& options) {
  ImportProgress progress;
  progress.bytes_total = reader.bytes_total();
  std::uint64_t next_progress = options.progress_every;
  TmxUnit unit;
  for (;;) {
    Result<bool> more = reader.Next(unit);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (options.on_progress && reader.units_read() >= next_progress) {
      next_progress = reader.units_read() + options.progress_every;
      progress.units_read = reader.units_read();
      progress.bytes_read = reader.bytes_read();
      options.on_progress(progress);
    }
  }
  ImportSummary summary;
  summary.units_read = reader.units_read();
  summary.skipped_invalid = reader.units_skipped();
  summary.untranslated = Untranslated(reader);
  summary.warnings = reader.warnings();
  return summary;
}

}  // namespace

TranslationMemory::TranslationMemory(store::Connection& db) : db_(&db) {}

TranslationMemory::TranslationMemory(sqlite::Database& db)
    : owned_(std::make_unique<store::SqliteConnection>(db)),
      db_(owned_.get()) {}

TranslationMemory::TranslationMemory(TranslationMemory&& other) noexcept
    : owned_(std::move(other.owned_)), db_(other.db_) {}

TranslationMemory::~TranslationMemory() = default;

bool ParseOnDuplicate(std::string_view text, OnDuplicate& out) {
  if (text.empty()) {
    out = OnDuplicate::kDefault;
  } else if (text == "keep") {
    out = OnDuplicate::kKeep;
  } else if (text == "replace") {
    out = OnDuplicate::kReplace;
  } else if (text == "newest") {
    out = OnDuplicate::kNewest;
  } else {
    return false;
  }
  return true;
}

Result<ImportSummary> CheckTmx(const std::filesystem::path& path,
                               const ImportOptions& options) {
  if (IsXliff(path, options)) {
    auto reader = XliffReader::Open(path, XliffOptions(options));
    if (!reader.ok()) return reader.status();
    Result<ImportSummary> summary = CheckUnits(**reader, options);
    if (summary.ok()) summary->xliff = true;
    return summary;
  }
  auto reader = TmxReader::Open(path, TmxOptions(options));
  if (!reader.ok()) return reader.status();
  return CheckUnits(**reader, options);
}

Result<ImportSummary> TranslationMemory::Import(
    const std::filesystem::path& path, const ImportOptions& options) {
  ImportOptions named = options;
  if (named.name.empty()) named.name = path.string();
  if (IsXliff(path, options)) {
    auto reader = XliffReader::Open(path, XliffOptions(options));
    if (!reader.ok()) return reader.status();
    return Import(**reader, named);
  }
  auto reader = TmxReader::Open(path, TmxOptions(options));
  if (!reader.ok()) return reader.status();
  return Import(**reader, named);
}

namespace {

// One transaction for the whole file: a fault anywhere, even in its last
// byte, leaves the memory as it was.
template <class Reader>
Result<ImportSummary> ImportUnits(store::Connection& db, Reader& reader,
                                  const ImportOptions& options) {
  std::optional<ForeignKeysOff> unchecked;
  if (db.sqlite() != nullptr) unchecked.emplace(*db.sqlite());
  auto txn = store::Transaction::Begin(db);
  if (!txn.ok()) return txn.status();
  std::optional<CacheSize> cache;
  if (db.sqlite() != nullptr) cache.emplace(*db.sqlite());
  auto store = internal::UnitStore::Prepare(db);
  if (!store.ok()) return store.status();
  // Sized for the file: a unit takes a few hundred bytes of TMX (wire
  // copy, 760); fewer than 200 only make the filter less sure, not wrong.
  ONOMA_RETURN_IF_ERROR(store->UseFilter(reader.bytes_total() / 200 + 1024));

  const TmxHeader& header = reader.header();
  ImportSummary summary;
  auto source = store->InsertSource("tmx", options.name, header);
  if (!source.ok()) return source.status();
  summary.source_id = *source;
  const std::string header_srclang = header.attrs.get(TmxAttr::kSrclang);

  ImportProgress progress;
  progress.bytes_total = reader.bytes_total();
  std::uint64_t next_progress = options.progress_every;
  TmxUnit unit;
  for (;;) {
    Result<bool> more = reader.Next(unit);
    if (!more.ok()) return more.status();
    if (!*more) break;
    auto stored =
        store->Store(*source, unit, header_srclang, options.on_duplicate);
    if (!stored.ok()) {
      // Say which unit the database refused.
      Status status = stored.status();
      return std::move(status).At(
          {options.name, unit.position.line, unit.position.column, 0});
    }
    switch (*stored) {
      case internal::Stored::kAdded:
        ++summary.added;
        break;
      case internal::Stored::kReplaced:
        ++summary.replaced;
        break;
      case internal::Stored::kSkippedDuplicate:
        ++summary.skipped_duplicates;
        break;
    }
    if (options.on_progress && reader.units_read() >= next_progress) {
      next_progress = reader.units_read() + options.progress_every;
      progress.units_read = reader.units_read();
      progress.bytes_read = reader.bytes_read();
      options.on_progress(progress);
    }
  }
  ONOMA_RETURN_IF_ERROR(store->Finish());
  ONOMA_RETURN_IF_ERROR(txn->Commit());
  summary.units_read = reader.units_read();
  summary.skipped_invalid = reader.units_skipped();
  summary.untranslated = Untranslated(reader);
  summary.warnings = reader.warnings();
  if (options.on_progress) {
    progress.units_read = reader.units_read();
    progress.bytes_read = reader.bytes_read();
    options.on_progress(progress);
  }
  return summary;
}

}  // namespace

Result<ImportSummary> TranslationMemory::Import(TmxReader& reader,
                                                const ImportOptions& options) {
  return ImportUnits(*db_, reader, options);
}

Result<ImportSummary> TranslationMemory::Import(XliffReader& reader,
                                                const ImportOptions& options) {
  Result<ImportSummary> summary = ImportUnits(*db_, reader, options);
  if (summary.ok()) summary->xliff = true;
  return summary;
}

Result<AddOutcome> TranslationMemory::Add(std::string_view from,
                                          std::string_view to,
                                          std::string_view source,
                                          std::string_view target,
                                          OnDuplicate on_duplicate) {
  for (std::string_view lang : {from, to}) {
    if (!formats::LooksLikeLanguageTag(lang)) {
      return Status::BadArgument("\"" + std::string(lang) +
                                 "\" is not a language tag (BCP 47, e.g. "
                                 "en, uk, en-US)");
    }
  }
  for (std::string_view text : {source, target}) {
    if (text.empty()) return Status::BadArgument("the text is empty");
    if (text.size() > limits::kMaxSegmentBytes) {
      return Status::BadInput("the text is " + std::to_string(text.size()) +
                              " bytes long; a segment may have at most " +
                              std::to_string(limits::kMaxSegmentBytes) +
                              " (docs/tm.md, \"Limits\")");
    }
    Status valid = text::ValidateUtf8(text);
    if (!valid.ok()) return valid;
    // XML 1.0 cannot carry these, not even as references: an export with
    // one would not be well-formed.
    if (text::FindNonXmlChar(text) != std::string_view::npos) {
      return Status::BadArgument(
          "the text holds a character XML cannot carry (a control "
          "character or U+FFFE/U+FFFF)");
    }
  }

  auto txn = store::Transaction::Begin(*db_);
  if (!txn.ok()) return txn.status();
  auto store = internal::UnitStore::Prepare(*db_);
  if (!store.ok()) return store.status();

  // One tm_source row stands for everything added by hand.
  std::int64_t source_id = 0;
  {
    auto find = db_->Prepare(format::sql::kFindAddSource,
                             "find the source of added units");
    if (!find.ok()) return find.status();
    auto row = (*find)->Step();
    if (!row.ok()) return row.status();
    if (*row) source_id = (*find)->ColumnInt64(0);
  }
  if (source_id == 0) {
    TmxHeader header;
    auto inserted = store->InsertSource("add", "onoma tm add", header);
    if (!inserted.ok()) return inserted.status();
    source_id = *inserted;
  }

  const std::string now = formats::FormatTmxDate(std::time(nullptr));
  TmxUnit unit;
  unit.attrs.set(TmxAttr::kSrclang, from);
  unit.attrs.set(TmxAttr::kCreationtool, "onoma");
  unit.attrs.set(TmxAttr::kCreationdate, now);
  unit.attrs.set(TmxAttr::kChangedate, now);
  for (auto [lang, text] : {std::pair{from, source}, std::pair{to, target}}) {
    formats::TmxVariant& v = unit.variants.emplace_back();
    v.lang.assign(lang);
    v.text.assign(text);
    formats::AppendEscapedText(text, v.markup);
  }
  auto stored = store->Store(source_id, unit, "", on_duplicate);
  if (!stored.ok()) return stored.status();
  ONOMA_RETURN_IF_ERROR(store->Finish());
  ONOMA_RETURN_IF_ERROR(txn->Commit());
  switch (*stored) {
    case internal::Stored::kAdded:
      return AddOutcome::kAdded;
    case internal::Stored::kReplaced:
      return AddOutcome::kReplaced;
    case internal::Stored::kSkippedDuplicate:
      return AddOutcome::kDuplicate;
  }
  return AddOutcome::kAdded;
}

}  // namespace onoma::tm
