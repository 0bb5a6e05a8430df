// memory/tm: the translation memory. Units of aligned segments in any
// number of languages, brought in from TMX files and written back to TMX
// without loss, kept in onoma's SQLite file (memory/schema/0003_tm.sql;
// docs/tm.md) or, behind the storage seam (memory/store/connection.h), in
// a desk's PostgreSQL database (memory/schema_postgres/0003_tm.sql;
// docs/shared-store.md): the same calls, the same rows, the same export.
//
//   #include "memory/tm/translation_memory.h"
//   using namespace onoma;
//
//   Result<sqlite::Database> db = sqlite::Database::Open(path);
//   if (!db.ok()) return db.status();
//   tm::TranslationMemory memory(*db);
//   // or any engine: auto conn = store::Open(location); memory(**conn);
//
//   // Import: one transaction per file; a fault leaves the database as it
//   // was and names file, line and column.
//   tm::ImportOptions options;
//   options.on_duplicate = tm::OnDuplicate::kNewest;
//   options.on_warning = [](const Status& w) { Print(w.ToString()); };
//   Result<tm::ImportSummary> done = memory.Import("news.tmx", options);
//   if (!done.ok()) return done.status();  // "news.tmx:112:7: <tu> has
//                                          //  no <tuv>"
//   // done->units_read, done->added, done->skipped_duplicates, ...
//
//   // Export: valid TMX 1.4b, streaming, only the languages asked for.
//   tm::ExportOptions out;
//   out.langs = {"en", "uk"};                 // basic filtering: en-US too
//   Result<tm::ExportSummary> written = memory.Export("out.tmx", out);
//
//   // One pair by hand, and what the memory holds.
//   Result<tm::AddOutcome> added = memory.Add("en", "uk", "Kyiv", "Київ");
//   Result<tm::TmStats> stats = memory.Stats();
//
// Duplicates are units with the same source language, the same source
// segment (markup and all) and the same set of languages. What happens to
// an incoming duplicate is OnDuplicate's choice; by default both are kept
// when their targets differ, and an exact copy is skipped.
//
// Errors: kBadInput (a malformed file, located), kIo (a file that cannot
// be read or written), kBadArgument (a bad language tag or empty text for
// Add), kDatabase (the database refused; the transaction is rolled back).
// On PostgreSQL a write waits for another onoma's (one writer at a time,
// memory/postgres/connection.h), so no deadlock or serialization failure
// reaches the caller.
//
// Ownership: a TranslationMemory borrows the Database or Connection, which
// must outlive it. Thread safety: as the Database, one thread at a time.

#ifndef ONOMA_MEMORY_TM_TRANSLATION_MEMORY_H_
#define ONOMA_MEMORY_TM_TRANSLATION_MEMORY_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"
#include "memory/formats/tmx_reader.h"
#include "memory/formats/tmx_writer.h"
#include "memory/formats/xliff_reader.h"

namespace onoma::sqlite {
class Database;
}
namespace onoma::store {
class Connection;
}

namespace onoma::tm {

enum class OnDuplicate : std::uint8_t {
  // Keep both when the targets differ; skip an exact copy.
  kDefault,
  // Keep what the memory has; skip the incoming unit.
  kKeep,
  // The incoming unit replaces what the memory has.
  kReplace,
  // The unit changed (or created) last wins; on a tie the memory's stays.
  kNewest,
};

// "keep", "replace", "newest" (and "" for kDefault); false for others.
bool ParseOnDuplicate(std::string_view text, OnDuplicate& out);

struct ImportProgress {
  std::uint64_t units_read = 0;
  std::uint64_t bytes_read = 0;
  std::uint64_t bytes_total = 0;  // 0 when unknown
};

struct ImportOptions {
  OnDuplicate on_duplicate = OnDuplicate::kDefault;
  // Skip bad units with a warning instead of refusing the file.
  bool lenient = false;
  // The file's name as stored in tm_source and shown in stats; default:
  // the path as given.
  std::string name;
  std::function<void(const Status& warning)> on_warning;
  // Called every `progress_every` units and at the end.
  std::function<void(const ImportProgress&)> on_progress;
  std::uint64_t progress_every = 4096;
  // XLIFF only (formats::XliffReaderOptions): store every segment with a
  // target, whatever its state; the languages of a file that names none.
  bool any_state = false;
  std::string source_lang;
  std::string target_lang;
  // The file's format; default: formats::DetectTmFileFormat's guess.
  std::optional<formats::TmFileFormat> format;
};

struct ImportSummary {
  std::uint64_t units_read = 0;  // <tu> elements, bad ones included
  std::uint64_t added = 0;       // stored, replacing nothing
  std::uint64_t replaced = 0;    // stored in place of duplicates
  std::uint64_t skipped_duplicates = 0;
  std::uint64_t skipped_invalid = 0;  // bad units (--lenient)
  // XLIFF: segments left out as not finished (no target, a state short of
  // translated); units_read counts segments.
  std::uint64_t untranslated = 0;
  bool xliff = false;  // the file was XLIFF
  std::uint64_t warnings = 0;
  std::int64_t source_id = 0;  // the tm_source row of the file
};

struct ExportOptions {
  // Language ranges (RFC 4647 basic filtering: "en" takes en-US too); empty
  // for all. A unit is written when at least min(2, langs.size()) of its
  // variants match, with those variants only.
  std::vector<std::string> langs;
  // For the header's required attributes that no source gave.
  formats::TmxHeaderDefaults defaults;
};

struct ExportSummary {
  std::uint64_t units = 0;
  std::uint64_t variants = 0;
  // Header attributes that were filled in (FillRequiredHeader).
  std::string filled;
};

enum class AddOutcome : std::uint8_t { kAdded, kReplaced, kDuplicate };

struct TmStats {
  std::uint64_t units = 0;
  std::uint64_t variants = 0;
  struct Count {
    std::string what;  // a language, "en → uk", a source's name
    std::uint64_t count = 0;
  };
  std::vector<Count> languages;  // variants per language, most first
  std::vector<Count> pairs;      // source language → other language
  struct Source {
    std::string kind;  // "tmx", "xliff" or "add"
    std::string name;
    std::string imported_at;
    std::uint64_t units = 0;
  };
  std::vector<Source> sources;
  // The database file and its WAL (PostgreSQL: the whole database).
  std::uint64_t file_bytes = 0;
  std::uint64_t tm_bytes = 0;  // pages of the tm_ tables; 0 if unknown
  std::string location;        // the file's path, or the URI (no password)
};

// Reads and checks a TMX or XLIFF file as Import would, storing nothing: the
// same faults, warnings and counts (added, replaced and skipped_duplicates stay
// 0, since no memory is consulted). For `onoma tm import --dry-run`, and
// for measuring the reader alone.
[[nodiscard]] Result<ImportSummary> CheckTmx(const std::filesystem::path& path,
                                             const ImportOptions& options);

class TranslationMemory {
 public:
  // REQUIRES: `db` was opened with migrations (schema 0003 or later).
  explicit TranslationMemory(store::Connection& db);
  explicit TranslationMemory(sqlite::Database& db);
  TranslationMemory(TranslationMemory&& other) noexcept;
  TranslationMemory& operator=(TranslationMemory&&) = delete;
  ~TranslationMemory();

  // Reads `path` (TMX 1.1-1.4b, or XLIFF 1.0-2.2: its finished segments,
  // formats::XliffReader; which one by formats::DetectTmFileFormat) and
  // stores its header and units in one transaction. Success: the counts.
  // Failure: kBadInput located at the first fault (or kIo, kDatabase); the
  // database is then as before.
  [[nodiscard]] Result<ImportSummary> Import(const std::filesystem::path& path,
                                             const ImportOptions& options);
  // The same, from a reader already open (for tests and the fuzzer).
  // REQUIRES: options.lenient matches the reader's.
  [[nodiscard]] Result<ImportSummary> Import(formats::TmxReader& reader,
                                             const ImportOptions& options);
  [[nodiscard]] Result<ImportSummary> Import(formats::XliffReader& reader,
                                             const ImportOptions& options);

  // Writes the memory as TMX 1.4b to `path` ("-": standard output).
  [[nodiscard]] Result<ExportSummary> Export(const std::filesystem::path& path,
                                             const ExportOptions& options);
  // The same, into a writer (for tests).
  [[nodiscard]] Result<ExportSummary> Export(formats::TmxWriter& writer,
                                             const ExportOptions& options);

  // Stores one segment pair, `source` in language `from`, dated now.
  // kBadArgument for an empty text, a language that is not a BCP 47 tag, or
  // text that XML cannot carry; kBadInput for text that is not valid UTF-8
  // or is longer than limits::kMaxSegmentBytes.
  [[nodiscard]] Result<AddOutcome> Add(
      std::string_view from, std::string_view to, std::string_view source,
      std::string_view target,
      OnDuplicate on_duplicate = OnDuplicate::kDefault);

  [[nodiscard]] Result<TmStats> Stats();

 private:
  std::unique_ptr<store::Connection> owned_;  // over a sqlite::Database
  store::Connection* db_;
};

}  // namespace onoma::tm

#endif  // ONOMA_MEMORY_TM_TRANSLATION_MEMORY_H_
