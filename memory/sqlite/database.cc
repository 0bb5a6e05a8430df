#include "memory/sqlite/database.h"

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <system_error>
#include <utility>

#include "memory/sqlite/error_internal.h"
#include "memory/sqlite/migrations.h"
#include "memory/sqlite/migrations_internal.h"

namespace onoma::sqlite {
namespace {

constexpr std::string_view kInMemory = ":memory:";

// The SQL around a failure, on one line and short enough for a terminal, for
// Status::WithSnippet. Cut on a UTF-8 character boundary.
std::string SqlSnippet(std::string_view sql) {
  constexpr std::size_t kMax = 120;
  std::string out;
  bool space = false;
  bool truncated = false;
  for (char c : sql) {
    if (out.size() >= kMax) {
      truncated = true;
      break;
    }
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (truncated) {
    // Drop the last character whole, whatever its length, so that no
    // partial UTF-8 sequence is left at the end.
    while (!out.empty() &&
           (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) {
      out.pop_back();
    }
    if (!out.empty()) out.pop_back();
    out += "...";
  }
  return out;
}

// Why SQLite could not open `path`, when the file system can say it better
// than SQLite's "unable to open database file".
std::string CantOpenHint(const std::filesystem::path& path,
                         const OpenOptions& options) {
  std::error_code ec;
  std::filesystem::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  if (!std::filesystem::exists(dir, ec)) {
    return " (directory " + dir.string() + " does not exist)";
  }
  if (!std::filesystem::is_directory(dir, ec)) {
    return " (" + dir.string() + " is not a directory)";
  }
  if (std::filesystem::is_directory(path, ec)) return " (it is a directory)";
  if (!std::filesystem::exists(path, ec) &&
      (options.read_only || !options.create)) {
    return " (no such file)";
  }
  return "";
}

}  // namespace

Result<Database> Database::Open(const std::filesystem::path& path,
                                OpenOptions options) {
  std::string name = path.string();
  if (name.empty()) {
    // SQLite would open a private temporary file, which no one asking for a
    // database by path wants.
    return Status::BadArgument("the database path is empty");
  }
  const bool in_memory = name == kInMemory;
  // Debian's SQLite is built with SQLITE_USE_URI=1, so "file:x.db?mode=ro"
  // would be read as a URI; "./" makes a path that merely begins with
  // "file:" mean the file of that name.
  if (name.starts_with("file:")) name = "./" + name;

  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  // The contract is one thread at a time per connection, so SQLite's
  // per-call mutex would only cost time.
  flags |= SQLITE_OPEN_NOMUTEX;

  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
  // A handle comes back even when opening fails, and must be closed; the
  // Database owns it from here on every path.
  Database db(raw, path);
  const std::string doing = "open database " + path.string();
  if (rc != SQLITE_OK) {
    Status error = internal::ErrorFrom(raw, rc, doing);
    if ((rc & 0xff) == SQLITE_CANTOPEN && !in_memory) {
      return Status::Database(error.message() + CantOpenHint(path, options));
    }
    return error;
  }

  const auto timeout_ms = std::clamp<std::chrono::milliseconds::rep>(
      options.busy_timeout.count(), 0, INT_MAX);
  sqlite3_busy_timeout(raw, static_cast<int>(timeout_ms));

  // Off by default in SQLite for backward compatibility; the schema relies
  // on ON DELETE CASCADE and on references being checked.
  ONOMA_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys=ON", doing));
  if (!in_memory && !options.read_only) {
    // 16 KiB pages for a new file (an existing one keeps its size: SQLite
    // ignores the pragma once the file has a page, and WAL fixes it):
    // translation memory rows run to hundreds of bytes, and a TMX import
    // of a million units costs a sixth less CPU than with 4 KiB pages
    // (fewer page splits, frames and writes; bench/compare_tmx.sh).
    ONOMA_RETURN_IF_ERROR(db.Exec("PRAGMA page_size=16384", doing));
    // WAL lets `onoma term lookup` read while an import writes, and commits
    // cost one fsync instead of two. The mode is stored in the file, so
    // read-only connections get it from whoever opened the file for writing.
    // On a file system without shared memory SQLite keeps the old mode and
    // says so in the result row; that is slower but correct, so we go on.
    ONOMA_RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode=WAL", doing));
  }
  ONOMA_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous=NORMAL", doing));

  if (options.migrate) {
    if (options.read_only) {
      ONOMA_RETURN_IF_ERROR(CheckSchemaVersion(db, internal::Migrations()));
    } else {
      ONOMA_RETURN_IF_ERROR(Migrate(db, internal::Migrations()));
    }
  }
  return db;
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      cache_(std::move(other.cache_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    Close();
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    cache_ = std::move(other.cache_);
  }
  return *this;
}

Database::~Database() { Close(); }

void Database::Close() {
  // Cached statements first: a connection with live statements cannot
  // close. sqlite3_close_v2 also copes with a Statement the caller still
  // holds against the REQUIRES, by closing once that one is finalized.
  cache_.clear();
  sqlite3_close_v2(db_);
  db_ = nullptr;
}

Status Database::Exec(std::string_view sql, std::string_view purpose) {
  if (sql.size() > static_cast<std::size_t>(INT_MAX)) {
    return Status::Internal("SQL script of " + std::to_string(sql.size()) +
                            " bytes is too long to run");
  }
  const char* tail = sql.data();
  const char* const end = sql.data() + sql.size();
  while (tail < end) {
    sqlite3_stmt* raw = nullptr;
    const char* next = nullptr;
    const int rc = sqlite3_prepare_v2(db_, tail, static_cast<int>(end - tail),
                                      &raw, &next);
    if (rc != SQLITE_OK) {
      return internal::ErrorFrom(db_, rc, purpose)
          .WithSnippet(SqlSnippet(std::string_view(tail, end - tail)));
    }
    const std::string_view current(tail, next - tail);
    if (next <= tail) break;  // no progress: nothing but comments left
    tail = next;
    if (raw == nullptr) continue;  // a comment or a lone ';'
    Statement statement(raw, std::string(purpose));
    Status status = statement.Run();
    if (!status.ok()) return std::move(status).WithSnippet(SqlSnippet(current));
  }
  return Status::Ok();
}

Result<Statement> Database::Prepare(std::string_view sql,
                                    std::string_view purpose) {
  if (sql.size() > static_cast<std::size_t>(INT_MAX)) {
    return Status::Internal("SQL statement of " + std::to_string(sql.size()) +
                            " bytes is too long to prepare");
  }
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(),
                                    static_cast<int>(sql.size()), &raw, &tail);
  if (rc != SQLITE_OK) {
    return internal::ErrorFrom(db_, rc, purpose).WithSnippet(SqlSnippet(sql));
  }
  Statement statement(raw, std::string(purpose));
  if (raw == nullptr) {
    return Status::Internal("cannot " + std::string(purpose) +
                            ": no SQL statement in the text given");
  }
  // A second statement in the text would be silently ignored by step; that
  // is a bug in the caller, so say so rather than run half of what it meant.
  const std::string_view rest(tail, sql.data() + sql.size() - tail);
  if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
    sqlite3_stmt* extra = nullptr;
    sqlite3_prepare_v2(db_, rest.data(), static_cast<int>(rest.size()), &extra,
                       nullptr);
    const bool more = extra != nullptr;
    sqlite3_finalize(extra);
    if (more) {
      return Status::Internal(
                 "cannot " + std::string(purpose) +
                 ": more than one SQL statement given to Prepare; use Exec")
          .WithSnippet(SqlSnippet(rest));
    }
  }
  return statement;
}

std::size_t Database::StringHash::operator()(std::string_view text) const {
  return std::hash<std::string_view>{}(text);
}

Result<Statement*> Database::Cached(std::string_view sql,
                                    std::string_view purpose) {
  if (auto it = cache_.find(sql); it != cache_.end()) {
    Statement* statement = it->second.get();
    // Rewind whatever the last user left behind, so that each caller starts
    // clean and no half-read SELECT keeps a read snapshot open.
    statement->Reset();
    statement->ClearBindings();
    return statement;
  }
  Result<Statement> prepared = Prepare(sql, purpose);
  if (!prepared.ok()) return prepared.status();
  auto owned = std::make_unique<Statement>(std::move(*prepared));
  Statement* statement = owned.get();
  cache_.emplace(std::string(sql), std::move(owned));
  return statement;
}

std::int64_t Database::LastInsertRowId() const {
  return sqlite3_last_insert_rowid(db_);
}

int Database::Changes() const { return sqlite3_changes(db_); }

}  // namespace onoma::sqlite
