#include "memory/sqlite/database.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <system_error>
#include <thread>
#include <utility>

#include "memory/sqlite/error_internal.h"
#include "memory/sqlite/migrations.h"
#include "memory/sqlite/migrations_internal.h"

namespace onoma::sqlite {
namespace internal {

struct BusyState {
  std::chrono::milliseconds timeout{0};
  std::function<void()> on_wait;
  bool wait = true;
  bool told = false;
  std::chrono::steady_clock::time_point since;
};

}  // namespace internal

namespace {

constexpr std::string_view kInMemory = ":memory:";

// SQLite's busy handler: sleeps a little longer each time, up to the
// timeout, as sqlite3_busy_timeout does, and says once, after a second,
// that it is waiting. `count` is 0 on the first call of each wait.
int OnBusy(void* data, int count) {
  auto& state = *static_cast<internal::BusyState*>(data);
  if (!state.wait) return 0;
  const auto now = std::chrono::steady_clock::now();
  if (count == 0) state.since = now;
  const auto waited = now - state.since;
  if (waited >= state.timeout) return 0;
  if (!state.told && waited >= std::chrono::seconds(1) && state.on_wait) {
    state.told = true;
    state.on_wait();
  }
  // Never more than 10 ms: an index build lets waiting writers in by
  // pausing that long between its batches (memory/tm/tm_index.h).
  constexpr int kDelaysMs[] = {1, 2, 5, 10};
  constexpr int kDelays = sizeof(kDelaysMs) / sizeof(kDelaysMs[0]);
  auto delay =
      std::chrono::milliseconds(kDelaysMs[std::min(count, kDelays - 1)]);
  const auto left = state.timeout - waited;
  if (delay > left) {
    delay = std::chrono::duration_cast<std::chrono::milliseconds>(left) +
            std::chrono::milliseconds(1);
  }
  std::this_thread::sleep_for(delay);
  return 1;
}

// `path` as an SQLite URI filename (sqlite.org/uri.html) that opens it
// read-only and immutable: no locks, no -shm, no -wal.
std::string ImmutableUri(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  if (ec) absolute = path;
  std::string uri = "file:";
  constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : absolute.string()) {
    if (c == '%' || c == '?' || c == '#' || c <= 0x20 || c == 0x7F) {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 0xF];
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?mode=ro&immutable=1";
}

// Whether `path`'s write-ahead log holds anything: an immutable open
// would not see it.
bool HasLog(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path.string() + "-wal", ec);
  return !ec && size > 0;
}

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

// Open's first read of a file. A WAL database needs its -shm file, which a
// read-only directory cannot give it (sqlite.org/wal.html, "Read-Only
// Databases"): SQLite then fails here with SQLITE_READONLY_CANTINIT or
// SQLITE_CANTOPEN. Nothing can write such a file, so it is to be read as
// immutable (true), unless its log holds changes that only the -shm file
// would let us read.
Result<bool> NeedsImmutable(sqlite3* raw, const std::filesystem::path& path,
                            const std::string& doing) {
  const int probe = sqlite3_exec(raw, "SELECT count(*) FROM sqlite_schema",
                                 nullptr, nullptr, nullptr);
  if (probe == SQLITE_OK) return false;
  const int primary = sqlite3_extended_errcode(raw) & 0xff;
  if (primary != SQLITE_READONLY && primary != SQLITE_CANTOPEN) {
    return internal::ErrorFrom(raw, probe, doing);
  }
  if (HasLog(path)) {
    return Status::Database(
        "cannot " + doing +
        ": it is in WAL mode, its directory cannot be written, and its "
        "log " +
        path.string() + "-wal holds changes that cannot be read without a " +
        path.string() +
        "-shm file; open it once where its directory can be written");
  }
  return true;
}

// Open's last stage: the pragmas, then the schema's migrations (or, read
// only, its check).
Status Configure(Database& db, const OpenOptions& options, bool in_memory,
                 const std::string& doing) {
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
  if (!options.migrate) return Status::Ok();
  if (options.read_only) {
    return CheckSchemaVersion(db, internal::Migrations());
  }
  return Migrate(db, internal::Migrations());
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
  db.WaitForLocks(options);
  if (!in_memory) {
    // SQLite opens a file it may not write read-only, whatever it was
    // asked.
    if (sqlite3_db_readonly(raw, "main") == 1) options.read_only = true;
    auto immutable = NeedsImmutable(raw, path, doing);
    if (!immutable.ok()) return immutable.status();
    if (*immutable) {
      sqlite3* reopened = nullptr;
      const int again = sqlite3_open_v2(
          ImmutableUri(path).c_str(), &reopened,
          SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
          nullptr);
      db = Database(reopened, path);
      if (again != SQLITE_OK) {
        return internal::ErrorFrom(reopened, again, doing);
      }
      db.WaitForLocks(options);
      options.read_only = true;
    }
  }
  ONOMA_RETURN_IF_ERROR(Configure(db, options, in_memory, doing));
  return db;
}

Database::Database(sqlite3* db, std::filesystem::path path)
    : db_(db),
      path_(std::move(path)),
      busy_(std::make_unique<internal::BusyState>()) {}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      busy_(std::move(other.busy_)),
      cache_(std::move(other.cache_)) {}

void Database::WaitForLocks(const OpenOptions& options) {
  busy_->timeout =
      std::chrono::milliseconds(std::clamp<std::chrono::milliseconds::rep>(
          options.busy_timeout.count(), 0, INT_MAX));
  busy_->on_wait = options.on_busy_wait;
  sqlite3_busy_handler(db_, OnBusy, busy_.get());
}

bool Database::read_only() const {
  return db_ != nullptr && sqlite3_db_readonly(db_, "main") == 1;
}

std::chrono::milliseconds Database::busy_timeout() const {
  return busy_ ? busy_->timeout : std::chrono::milliseconds(0);
}

void Database::set_wait_for_locks(bool wait) {
  if (busy_) busy_->wait = wait;
}

void Database::SetProgressHandler(int steps, int (*handler)(void*),
                                  void* context) {
  sqlite3_progress_handler(db_, steps, handler, context);
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    Close();
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    busy_ = std::move(other.busy_);
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
