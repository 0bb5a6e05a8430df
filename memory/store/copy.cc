#include "memory/store/copy.h"

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "lib/util/tab_field.h"

namespace onoma::store {
namespace {

// A table's primary key, by which it is read in pages (keyset paging: a
// server's result is held whole in memory, so a million-row table is read
// a few thousand rows at a time).
struct KeyColumn {
  std::string_view name;
  bool integer;
};

struct TableSpec {
  std::string_view name;
  std::array<KeyColumn, 3> key;
  int key_size;
  // Its `id` comes from an identity column's sequence on PostgreSQL, to be
  // moved past the copied ids.
  bool identity;
};

constexpr TableSpec kTables[] = {
    {"concept", {{{"id", true}}}, 1, true},
    {"term", {{{"id", true}}}, 1, true},
    {"term_fuzzy", {{{"key", false}, {"latin_key", false}}}, 2, false},
    {"negative_context", {{{"id", true}}}, 1, true},
    {"tm_source", {{{"id", true}}}, 1, true},
    {"tm_unit", {{{"id", true}}}, 1, true},
    {"tm_variant", {{{"id", true}}}, 1, false},
    {"tm_meta",
     {{{"unit_id", true}, {"variant_seq", true}, {"seq", true}}},
     3,
     false},
};

constexpr std::array<std::string_view, std::size(kTables)> kCopiedNames = {
    "concept",   "term",    "term_fuzzy", "negative_context",
    "tm_source", "tm_unit", "tm_variant", "tm_meta"};

constexpr std::array<std::string_view, 8> kDerivedNames = {
    "tm_token",
    "tm_posting",
    "tm_tokens",
    "tm_tokens_chunk",
    "tm_index_state",
    "tm_concordance",
    "tm_concordance_state",
    "term_version"};

// Rows per page read from the source and written to the destination.
constexpr int kPageRows = 5000;

std::string Join(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& name : names) {
    if (!joined.empty()) joined += ", ";
    joined += name;
  }
  return joined;
}

// The columns of `table` in the order the schema declares them. The names
// come from the database's own catalogue and are spliced into SQL only
// after Known() checked them.
Result<std::vector<std::string>> Columns(Connection& db,
                                         std::string_view table) {
  const char* sql =
      db.engine() == Engine::kSqlite
          ? "SELECT name FROM pragma_table_info(?1) ORDER BY cid"
          : "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ?1 "
            "ORDER BY ordinal_position";
  auto query = db.Prepare(sql, "read the columns of " + std::string(table));
  if (!query.ok()) return query.status();
  ONOMA_RETURN_IF_ERROR((*query)->Bind(1, table));
  std::vector<std::string> columns;
  for (;;) {
    auto row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    columns.push_back((*query)->ColumnText(0));
  }
  return columns;
}

// A column name as the schema's migrations write them: lower-case ASCII,
// digits and underscores.
bool Known(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

// The columns both stores give `table`, in the source's order; kDatabase
// when they differ (stores of two onoma versions).
Result<std::vector<std::string>> SharedColumns(Connection& source,
                                               Connection& destination,
                                               std::string_view table) {
  auto from = Columns(source, table);
  if (!from.ok()) return from.status();
  auto to = Columns(destination, table);
  if (!to.ok()) return to.status();
  const std::set<std::string> a(from->begin(), from->end());
  const std::set<std::string> b(to->begin(), to->end());
  if (from->empty() || a != b) {
    return Status::Database(
        "the tables of " + source.name() + " and " + destination.name() +
        " differ (" + std::string(table) + ": " + Join(*from) + " against " +
        Join(*to) + "); copy between stores of the same onoma version");
  }
  for (const std::string& column : *from) {
    if (!Known(column)) {
      return Status::Database("table " + std::string(table) + " of " +
                              source.name() + " has a column named '" + column +
                              "', which no onoma makes");
    }
  }
  return from;
}

Result<std::uint64_t> CountTable(Connection& db, std::string_view table) {
  auto count = db.Prepare("SELECT count(*) FROM " + std::string(table),
                          "count the rows of " + std::string(table));
  if (!count.ok()) return count.status();
  auto row = (*count)->Step();
  if (!row.ok()) return row.status();
  return static_cast<std::uint64_t>((*row) ? (*count)->ColumnInt64(0) : 0);
}

// Writes one table's pages: by COPY on a server, else by a prepared INSERT.
class TableWriter {
 public:
  static Result<TableWriter> Make(Connection& db, std::string_view table,
                                  const std::vector<std::string>& columns) {
    TableWriter writer(db, std::string(table) + " (" + Join(columns) + ")");
    if (!db.copies_rows()) {
      std::string values;
      for (std::size_t i = 1; i <= columns.size(); ++i) {
        values += (i > 1 ? ", ?" : "?") + std::to_string(i);
      }
      auto insert = db.Prepare(
          "INSERT INTO " + writer.target_ + " VALUES (" + values + ")",
          "copy rows into " + std::string(table));
      if (!insert.ok()) return insert.status();
      writer.insert_ = std::move(*insert);
    }
    return writer;
  }

  // Adds the current row of `row`.
  Status Add(const Statement& row) {
    const int columns = row.ColumnCount();
    if (!insert_) {
      for (int i = 0; i < columns; ++i) {
        if (i > 0) rows_ += '\t';
        if (row.ColumnIsNull(i)) {
          rows_ += "\\N";
        } else {
          AppendTabField(rows_, row.ColumnTextView(i));
        }
      }
      rows_ += '\n';
      return Status::Ok();
    }
    insert_->Reset();
    for (int i = 0; i < columns; ++i) {
      ONOMA_RETURN_IF_ERROR(
          row.ColumnIsNull(i)
              ? insert_->BindNull(i + 1)
              : insert_->BindText(i + 1, row.ColumnTextView(i)));
    }
    return insert_->Run();
  }

  // Sends what Add held back.
  Status Flush() {
    if (insert_ || rows_.empty()) return Status::Ok();
    Status sent = db_->CopyIn(target_, rows_);
    rows_.clear();
    return sent;
  }

 private:
  TableWriter(Connection& db, std::string target)
      : db_(&db), target_(std::move(target)) {}

  Connection* db_;
  std::string target_;
  std::unique_ptr<Statement> insert_;
  std::string rows_;
};

Status CopyTable(Connection& source, Connection& destination,
                 const TableSpec& spec, std::uint64_t& done,
                 std::uint64_t total, const CopyOptions& options) {
  const std::string table(spec.name);
  auto columns = SharedColumns(source, destination, spec.name);
  if (!columns.ok()) return columns.status();
  std::string keys;
  std::string after;
  std::vector<int> key_at;  // each key's place among the columns
  for (int k = 0; k < spec.key_size; ++k) {
    const std::string_view key = spec.key[k].name;
    keys += (k > 0 ? ", " : "") + std::string(key);
    after += (k > 0 ? ", ?" : "?") + std::to_string(k + 1);
    int at = -1;
    for (std::size_t i = 0; i < columns->size(); ++i) {
      if ((*columns)[i] == key) at = static_cast<int>(i);
    }
    if (at < 0) {
      return Status::Database("table " + table + " of " + source.name() +
                              " has no column " + std::string(key));
    }
    key_at.push_back(at);
  }
  const std::string select = "SELECT " + Join(*columns) + " FROM " + table;
  const std::string order =
      " ORDER BY " + keys + " LIMIT " + std::to_string(kPageRows);
  auto first = source.Prepare(select + order, "read " + table);
  if (!first.ok()) return first.status();
  auto next =
      source.Prepare(select + " WHERE (" + keys + ") > (" + after + ")" + order,
                     "read " + table);
  if (!next.ok()) return next.status();
  auto writer = TableWriter::Make(destination, spec.name, *columns);
  if (!writer.ok()) return writer.status();

  Statement* page = first->get();
  for (;;) {
    int rows = 0;
    std::vector<std::string> last_text(spec.key_size);
    std::vector<std::int64_t> last_int(spec.key_size);
    for (;;) {
      auto row = page->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      ++rows;
      ONOMA_RETURN_IF_ERROR(writer->Add(*page));
      for (int k = 0; k < spec.key_size; ++k) {
        if (spec.key[k].integer) {
          last_int[k] = page->ColumnInt64(key_at[k]);
        } else {
          last_text[k] = page->ColumnText(key_at[k]);
        }
      }
    }
    page->Reset();
    ONOMA_RETURN_IF_ERROR(writer->Flush());
    done += static_cast<std::uint64_t>(rows);
    if (options.progress) options.progress({spec.name, done, total});
    if (rows < kPageRows) break;
    page = next->get();
    page->ClearBindings();
    for (int k = 0; k < spec.key_size; ++k) {
      ONOMA_RETURN_IF_ERROR(
          spec.key[k].integer
              ? page->Bind(k + 1, last_int[k])
              : page->Bind(k + 1, std::string_view(last_text[k])));
    }
  }
  if (spec.identity && destination.engine() == Engine::kPostgres) {
    // Later inserts take ids after the copied ones.
    ONOMA_RETURN_IF_ERROR(destination.Exec(
        "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " +
            "max(id)) FROM " + table + " HAVING max(id) IS NOT NULL",
        "move the id sequence of " + table));
  }
  return Status::Ok();
}

// Empties every table of `db` that a copy writes or derives, inside the
// open transaction.
Status Empty(Connection& db) {
  if (db.engine() == Engine::kPostgres) {
    return db.Exec(
        "TRUNCATE concept, term, term_fuzzy, negative_context, tm_source, "
        "tm_unit, tm_variant, tm_meta, tm_token, tm_posting, tm_tokens, "
        "tm_tokens_chunk RESTART IDENTITY;"
        "UPDATE tm_index_state SET indexed_upto = 0",
        "empty " + db.name());
  }
  // The concordance index first, and its watermark at 0, so that the
  // triggers on tm_unit have no index entries left to remove.
  return db.Exec(
      "INSERT INTO tm_concordance (tm_concordance) VALUES ('delete-all');"
      "UPDATE tm_concordance_state SET indexed_upto = 0;"
      "UPDATE tm_index_state SET indexed_upto = 0;"
      "DELETE FROM tm_meta; DELETE FROM tm_variant; DELETE FROM tm_tokens;"
      "DELETE FROM tm_tokens_chunk;"
      "DELETE FROM tm_posting; DELETE FROM tm_token; DELETE FROM tm_unit;"
      "DELETE FROM tm_source; DELETE FROM negative_context;"
      "DELETE FROM term; DELETE FROM term_fuzzy; DELETE FROM concept",
      "empty " + db.name());
}

std::uint64_t Sum(const std::vector<TableCount>& counts) {
  std::uint64_t sum = 0;
  for (const TableCount& count : counts) sum += count.rows;
  return sum;
}

Result<std::vector<TableCount>> CountAll(Connection& db) {
  std::vector<TableCount> counts;
  for (const TableSpec& spec : kTables) {
    auto rows = CountTable(db, spec.name);
    if (!rows.ok()) return rows.status();
    counts.push_back({std::string(spec.name), *rows});
  }
  return counts;
}

}  // namespace

std::span<const std::string_view> CopiedTables() { return kCopiedNames; }

std::span<const std::string_view> DerivedTables() { return kDerivedNames; }

Result<std::vector<TableCount>> CountRows(Connection& db) {
  ReadScope snapshot(db);
  return CountAll(db);
}

Result<CopySummary> CopyStore(Connection& source, Connection& destination,
                              const CopyOptions& options) {
  if (source.engine() == destination.engine() &&
      source.name() == destination.name()) {
    return Status::Database("cannot copy " + source.name() + " onto itself");
  }
  if (destination.read_only()) {
    return Status::Database("cannot copy into " + destination.name() +
                            ": it is opened read-only");
  }
  auto txn = Transaction::Begin(destination);
  if (!txn.ok()) return txn.status();
  ReadScope snapshot(source);
  CopySummary summary;
  auto before = CountAll(destination);
  if (!before.ok()) return before.status();
  if (Sum(*before) > 0) {
    if (!options.replace) {
      return Status::Database(
          "cannot copy into " + destination.name() + ": it is not empty (" +
          std::to_string(Sum(*before)) + " rows in its tables)");
    }
    ONOMA_RETURN_IF_ERROR(Empty(destination));
  }
  auto counts = CountAll(source);
  if (!counts.ok()) return counts.status();
  summary.source = std::move(*counts);
  ONOMA_RETURN_IF_ERROR(destination.PrepareBulkWrite());
  const std::uint64_t total = Sum(summary.source);
  std::uint64_t done = 0;
  for (const TableSpec& spec : kTables) {
    ONOMA_RETURN_IF_ERROR(
        CopyTable(source, destination, spec, done, total, options));
  }
  auto after = CountAll(destination);
  if (!after.ok()) return after.status();
  summary.destination = std::move(*after);
  for (std::size_t i = 0; i < summary.source.size(); ++i) {
    if (summary.source[i].rows != summary.destination[i].rows) {
      return Status::Database(
          "the copy of " + summary.source[i].table + " holds " +
          std::to_string(summary.destination[i].rows) + " rows, and " +
          source.name() + " " + std::to_string(summary.source[i].rows));
    }
  }
  if (options.verify) ONOMA_RETURN_IF_ERROR(options.verify());
  ONOMA_RETURN_IF_ERROR(txn->Commit());
  return summary;
}

}  // namespace onoma::store
