// Stats: what the memory holds. Tested by tests/tm/tm_import_test.cc.

#include <filesystem>
#include <system_error>

#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/store/connection.h"
#include "memory/tm/tm_format.h"
#include "memory/tm/translation_memory.h"

namespace onoma::tm {
namespace {

Result<std::uint64_t> Count(store::Connection& db, const char* sql) {
  auto query = db.Prepare(sql, "count the memory");
  if (!query.ok()) return query.status();
  auto row = (*query)->Step();
  if (!row.ok()) return row.status();
  return static_cast<std::uint64_t>(*row ? (*query)->ColumnInt64(0) : 0);
}

Status Counts(store::Connection& db, const char* sql,
              std::vector<TmStats::Count>& out) {
  auto query = db.Prepare(sql, "count the memory");
  if (!query.ok()) return query.status();
  for (;;) {
    auto row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    out.push_back({(*query)->ColumnText(0),
                   static_cast<std::uint64_t>((*query)->ColumnInt64(1))});
  }
}

}  // namespace

Result<TmStats> TranslationMemory::Stats() {
  store::Connection& db = *db_;
  TmStats stats;
  auto units = Count(db, format::sql::kCountUnits);
  if (!units.ok()) return units.status();
  stats.units = *units;
  auto variants = Count(db, format::sql::kCountVariants);
  if (!variants.ok()) return variants.status();
  stats.variants = *variants;
  ONOMA_RETURN_IF_ERROR(
      Counts(db, format::sql::kCountByLanguage, stats.languages));
  ONOMA_RETURN_IF_ERROR(Counts(db, format::sql::kCountByPair, stats.pairs));
  {
    auto query =
        db.Prepare(format::sql::kSourceCounts, "list the memory's sources");
    if (!query.ok()) return query.status();
    store::Statement& q = **query;
    for (;;) {
      auto row = q.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      stats.sources.push_back({q.ColumnText(0), q.ColumnText(1),
                               q.ColumnText(2),
                               static_cast<std::uint64_t>(q.ColumnInt64(3))});
    }
  }
  stats.location = db.name();
  if (db.sqlite() == nullptr) {
    // PostgreSQL: the database's size, and the pages of the tm_ tables
    // with their indexes and TOAST.
    auto total = Count(db, format::sql::kDatabaseBytesPostgres);
    if (total.ok()) stats.file_bytes = *total;
    auto tm_bytes = Count(db, format::sql::kTmBytesPostgres);
    if (tm_bytes.ok()) stats.tm_bytes = *tm_bytes;
    return stats;
  }
  std::error_code ec;
  const std::filesystem::path& path = db.sqlite()->path();
  if (auto size = std::filesystem::file_size(path, ec); !ec) {
    stats.file_bytes += size;
  }
  if (auto size = std::filesystem::file_size(path.string() + "-wal", ec); !ec) {
    stats.file_bytes += size;
  }
  // The dbstat table (compiled into Debian's SQLite) measures the pages of
  // the memory's own tables and indexes; without it the share is unknown.
  auto tm_bytes = Count(db, format::sql::kTmBytesSqlite);
  if (tm_bytes.ok()) stats.tm_bytes = *tm_bytes;
  return stats;
}

}  // namespace onoma::tm
