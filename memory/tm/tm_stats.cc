// Stats: what the memory holds. Tested by tests/tm/tm_import_test.cc.

#include <filesystem>
#include <system_error>

#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/store/connection.h"
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
  auto units = Count(db, "SELECT count(*) FROM tm_unit");
  if (!units.ok()) return units.status();
  stats.units = *units;
  auto variants = Count(db, "SELECT count(*) FROM tm_variant");
  if (!variants.ok()) return variants.status();
  stats.variants = *variants;
  // lang is COLLATE NOCASE: en-US and EN-US count as one language.
  ONOMA_RETURN_IF_ERROR(Counts(db,
                               "SELECT lang, count(*) FROM tm_variant GROUP "
                               "BY lang ORDER BY 2 DESC, 1",
                               stats.languages));
  ONOMA_RETURN_IF_ERROR(Counts(
      db,
      "SELECT u.source_lang || ' → ' || v.lang, count(*) FROM tm_unit u JOIN "
      "tm_variant v ON v.unit_id = u.id AND v.seq <> u.source_seq GROUP BY "
      "u.source_lang, v.lang ORDER BY 2 DESC, 1",
      stats.pairs));
  {
    auto query = db.Prepare(
        // An XLIFF file is stored as kind 'tmx' (memory/schema/0003_tm.sql
        // allows no other) with its version in o_tmf.
        "SELECT CASE WHEN s.o_tmf LIKE 'XLIFF %' THEN 'xliff' ELSE s.kind END, "
        "s.name, s.imported_at, coalesce(n.units, 0) FROM "
        "tm_source s LEFT JOIN (SELECT source_id, count(*) AS units FROM "
        "tm_unit GROUP BY source_id) n ON n.source_id = s.id ORDER BY s.id",
        "list the memory's sources");
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
    auto total = Count(db, "SELECT pg_database_size(current_database())");
    if (total.ok()) stats.file_bytes = *total;
    auto tm_bytes = Count(db,
                          "SELECT coalesce(sum(pg_total_relation_size(c.oid)), "
                          "0) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                          "c.relnamespace WHERE c.relkind = 'r' AND n.nspname "
                          "= current_schema() AND c.relname LIKE 'tm\\_%'");
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
  auto tm_bytes = Count(db,
                        "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE "
                        "name LIKE 'tm\\_%' ESCAPE '\\' OR name LIKE "
                        "'sqlite_autoindex_tm\\_%' ESCAPE '\\'");
  if (tm_bytes.ok()) stats.tm_bytes = *tm_bytes;
  return stats;
}

}  // namespace onoma::tm
