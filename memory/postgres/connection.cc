// The PostgreSQL engine of the storage seam, on libpq: statements,
// transactions and opening a database. Migrations are in migrations.cc.

#include "memory/postgres/connection.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "memory/postgres/connection_internal.h"
#include "memory/postgres/libpq_internal.h"

namespace onoma::postgres {

using internal::Pq;

namespace internal {
namespace {

// PostgreSQL's type oids for the columns read specially.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;

// The key of the advisory lock every write transaction takes ("onoma").
constexpr long long kWriteLockKey = 0x6f6e6f6d61;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

}  // namespace

std::string Trim(std::string text) {
  while (!text.empty() &&
         std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.pop_back();
  }
  return text;
}

std::string TranslateSql(std::string_view sql, int& params) {
  std::string out;
  out.reserve(sql.size() + 8);
  params = 0;
  int next = 1;
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      out += c;
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c != '?') {
      out += c;
      continue;
    }
    std::size_t j = i + 1;
    int number = 0;
    while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') {
      number = number * 10 + (sql[j] - '0');
      ++j;
    }
    if (j == i + 1) number = next;  // a bare ?: the next number
    next = number + 1;
    if (number > params) params = number;
    out += '$';
    out += std::to_string(number);
    i = j - 1;
  }
  return out;
}

Status ResultError(PGconn* conn, const PGresult* result,
                   std::string_view doing) {
  std::string reason =
      Trim(result != nullptr ? Pq().PQresultErrorMessage(result) : "");
  if (reason.empty()) reason = Trim(Pq().PQerrorMessage(conn));
  if (reason.starts_with("ERROR:  ")) reason.erase(0, 8);
  const char* state = result != nullptr
                          ? Pq().PQresultErrorField(result, PG_DIAG_SQLSTATE)
                          : nullptr;
  if (state != nullptr && std::string_view(state) == "55P03") {
    reason += " (another onoma is writing; waited the busy timeout)";
  }
  return Status::Database("cannot " + std::string(doing) + ": " + reason);
}

// One prepared statement on the server, named; see connection.h.
class PgStatement final : public store::Statement {
 public:
  PgStatement(PgConnection& conn, std::string name, std::string sql, int params,
              std::string purpose, bool pooled)
      : conn_(conn),
        name_(std::move(name)),
        sql_(std::move(sql)),
        purpose_(std::move(purpose)),
        pooled_(pooled),
        values_(params),
        null_(params, true),
        binary_(params, 0) {}

  ~PgStatement() override {
    Reset();
    if (pooled_) conn_.ReturnToPool(sql_, std::move(name_));
  }

  Status BindInt64(int index, std::int64_t value) override {
    return Set(index, std::to_string(value), false);
  }
  Status BindDouble(int index, double value) override {
    char text[64];
    std::snprintf(text, sizeof(text), "%.17g", value);
    return Set(index, text, false);
  }
  Status BindText(int index, std::string_view value) override {
    return Set(index, std::string(value), false);
  }
  Status BindBlob(int index, std::string_view bytes) override {
    return Set(index, std::string(bytes), true);
  }
  Status BindNull(int index) override {
    ONOMA_RETURN_IF_ERROR(Check(index));
    null_[index - 1] = true;
    return Status::Ok();
  }
  void ClearBindings() override {
    for (std::size_t i = 0; i < values_.size(); ++i) {
      null_[i] = true;
      values_[i].clear();
    }
  }

  Result<bool> Step() override {
    if (result_ == nullptr) ONOMA_RETURN_IF_ERROR(Execute());
    ++row_;
    return row_ < Pq().PQntuples(result_);
  }
  Status Run() override {
    if (result_ == nullptr) ONOMA_RETURN_IF_ERROR(Execute());
    row_ = Pq().PQntuples(result_);
    return Status::Ok();
  }
  void Reset() override {
    if (result_ != nullptr) Pq().PQclear(result_);
    result_ = nullptr;
    row_ = -1;
  }

  int ColumnCount() const override {
    return result_ == nullptr ? 0 : Pq().PQnfields(result_);
  }
  bool ColumnIsNull(int column) const override {
    return !Readable(column) || Pq().PQgetisnull(result_, row_, column) != 0;
  }
  std::int64_t ColumnInt64(int column) const override {
    if (ColumnIsNull(column)) return 0;
    const char* value = Pq().PQgetvalue(result_, row_, column);
    if (Pq().PQftype(result_, column) == kBoolOid)
      return value[0] == 't' ? 1 : 0;
    return std::strtoll(value, nullptr, 10);
  }
  double ColumnDouble(int column) const override {
    if (ColumnIsNull(column)) return 0;
    return std::strtod(Pq().PQgetvalue(result_, row_, column), nullptr);
  }
  std::string_view ColumnTextView(int column) const override {
    if (ColumnIsNull(column)) return {};
    return std::string_view(Pq().PQgetvalue(result_, row_, column),
                            Pq().PQgetlength(result_, row_, column));
  }
  std::string_view ColumnBlob(int column) const override {
    std::string_view text = ColumnTextView(column);
    if (Pq().PQftype(result_, column) != kByteaOid) return text;
    // bytea arrives as text: \x and two hex digits a byte.
    if (decoded_.size() <= static_cast<std::size_t>(column))
      decoded_.resize(column + 1);
    std::string& bytes = decoded_[column];
    bytes.clear();
    if (text.starts_with("\\x")) text.remove_prefix(2);
    for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
      bytes +=
          static_cast<char>(HexValue(text[i]) * 16 + HexValue(text[i + 1]));
    }
    return bytes;
  }

 private:
  bool Readable(int column) const {
    return result_ != nullptr && row_ >= 0 && row_ < Pq().PQntuples(result_) &&
           column >= 0 && column < Pq().PQnfields(result_);
  }
  Status Check(int index) const {
    if (index < 1 || index > static_cast<int>(values_.size())) {
      return Status::Database("cannot " + purpose_ + ": parameter " +
                              std::to_string(index) + " is out of range");
    }
    if (result_ != nullptr) {
      return Status::Database("cannot " + purpose_ +
                              ": bind while the statement runs (Reset first)");
    }
    return Status::Ok();
  }
  Status Set(int index, std::string value, bool binary) {
    ONOMA_RETURN_IF_ERROR(Check(index));
    values_[index - 1] = std::move(value);
    null_[index - 1] = false;
    binary_[index - 1] = binary ? 1 : 0;
    return Status::Ok();
  }
  Status Execute() {
    const std::size_t n = values_.size();
    std::vector<const char*> values(n);
    std::vector<int> lengths(n);
    for (std::size_t i = 0; i < n; ++i) {
      values[i] = null_[i] ? nullptr : values_[i].c_str();
      lengths[i] = static_cast<int>(values_[i].size());
    }
    PGresult* result = Pq().PQexecPrepared(
        conn_.handle(), name_.c_str(), static_cast<int>(n), values.data(),
        lengths.data(), binary_.data(), /*resultFormat=*/0);
    const ExecStatusType status = Pq().PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      Status error = ResultError(conn_.handle(), result, purpose_);
      Pq().PQclear(result);
      return error;
    }
    conn_.NoteChanges(result);
    result_ = result;
    row_ = -1;
    return Status::Ok();
  }

  PgConnection& conn_;
  std::string name_;
  std::string sql_;
  std::string purpose_;
  bool pooled_;
  std::vector<std::string> values_;
  std::vector<bool> null_;
  std::vector<int> binary_;
  PGresult* result_ = nullptr;
  int row_ = -1;
  mutable std::vector<std::string> decoded_;
};

PgConnection::PgConnection(PGconn* conn, std::string name, bool read_only)
    : conn_(conn), name_(std::move(name)), read_only_(read_only) {}

PgConnection::~PgConnection() {
  cache_.clear();
  if (conn_ != nullptr) Pq().PQfinish(conn_);
}

Status PgConnection::Exec(std::string_view sql, std::string_view purpose) {
  PGresult* result = Pq().PQexec(conn_, std::string(sql).c_str());
  const ExecStatusType status = Pq().PQresultStatus(result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    Status error = ResultError(conn_, result, purpose);
    Pq().PQclear(result);
    return error;
  }
  NoteChanges(result);
  Pq().PQclear(result);
  return Status::Ok();
}

Result<std::string> PgConnection::PrepareOnServer(const std::string& sql,
                                                  std::string_view purpose) {
  std::string name = "onoma_" + std::to_string(++statements_);
  PGresult* result = Pq().PQprepare(conn_, name.c_str(), sql.c_str(), 0,
                                    /*paramTypes=*/nullptr);
  if (Pq().PQresultStatus(result) != PGRES_COMMAND_OK) {
    Status error = ResultError(conn_, result, purpose);
    Pq().PQclear(result);
    return error;
  }
  Pq().PQclear(result);
  return name;
}

Result<std::unique_ptr<store::Statement>> PgConnection::Prepare(
    std::string_view sql, std::string_view purpose) {
  int params = 0;
  std::string translated = TranslateSql(sql, params);
  std::string name;
  // A statement prepared before and since finished is used again: the
  // server keeps what a session prepares until it ends.
  if (auto idle = pool_.find(translated); idle != pool_.end()) {
    name = std::move(idle->second);
    pool_.erase(idle);
  } else {
    auto made = PrepareOnServer(translated, purpose);
    if (!made.ok()) return made.status();
    name = std::move(*made);
  }
  return std::unique_ptr<store::Statement>(std::make_unique<PgStatement>(
      *this, std::move(name), std::move(translated), params,
      std::string(purpose), /*pooled=*/true));
}

Result<store::Statement*> PgConnection::Cached(std::string_view sql,
                                               std::string_view purpose) {
  if (auto it = cache_.find(sql); it != cache_.end()) {
    it->second->Reset();
    it->second->ClearBindings();
    return it->second.get();
  }
  int params = 0;
  std::string translated = TranslateSql(sql, params);
  auto name = PrepareOnServer(translated, purpose);
  if (!name.ok()) return name.status();
  auto statement = std::make_unique<PgStatement>(
      *this, std::move(*name), std::move(translated), params,
      std::string(purpose), /*pooled=*/false);
  store::Statement* pointer = statement.get();
  cache_.emplace(std::string(sql), std::move(statement));
  return pointer;
}

Result<std::int64_t> PgConnection::LastInsertId() {
  // The identity column's sequence gave the last inserted row its id.
  auto last = Cached("SELECT lastval()", "read the id of the inserted row");
  if (!last.ok()) return last.status();
  auto row = (*last)->Step();
  if (!row.ok()) return row.status();
  std::int64_t id = (*last)->ColumnInt64(0);
  (*last)->Reset();
  return id;
}

Status PgConnection::CopyIn(std::string_view target, std::string_view rows) {
  const std::string doing = "write rows to " + std::string(target);
  PGresult* start = Pq().PQexec(
      conn_, ("COPY " + std::string(target) + " FROM STDIN").c_str());
  if (Pq().PQresultStatus(start) != PGRES_COPY_IN) {
    Status error = ResultError(conn_, start, doing);
    Pq().PQclear(start);
    return error;
  }
  Pq().PQclear(start);
  // In pieces of at most 1 MiB: PQputCopyData takes an int length.
  constexpr std::size_t kPiece = std::size_t{1} << 20;
  bool sent = true;
  for (std::size_t at = 0; sent && at < rows.size(); at += kPiece) {
    const std::size_t n = std::min(kPiece, rows.size() - at);
    sent =
        Pq().PQputCopyData(conn_, rows.data() + at, static_cast<int>(n)) == 1;
  }
  const bool ended =
      Pq().PQputCopyEnd(conn_, sent ? nullptr : "the client failed") == 1;
  Status status;
  while (PGresult* result = Pq().PQgetResult(conn_)) {
    if (status.ok() && Pq().PQresultStatus(result) != PGRES_COMMAND_OK) {
      status = ResultError(conn_, result, doing);
    }
    Pq().PQclear(result);
  }
  if (status.ok() && (!sent || !ended)) {
    status = Status::Database("cannot " + doing + ": " +
                              Trim(Pq().PQerrorMessage(conn_)));
  }
  return status;
}

void PgConnection::NoteChanges(const PGresult* result) {
  std::string_view command = Pq().PQcmdStatus(const_cast<PGresult*>(result));
  if (command.starts_with("INSERT") || command.starts_with("UPDATE") ||
      command.starts_with("DELETE")) {
    changes_ = std::strtoll(Pq().PQcmdTuples(const_cast<PGresult*>(result)),
                            nullptr, 10);
  }
}

Status PgConnection::BeginWrite() {
  const std::string doing = "begin transaction on " + name_;
  if (in_transaction_ || reading_) {
    return Status::Internal("cannot " + doing +
                            ": a transaction is already open on this "
                            "connection, and transactions do not nest");
  }
  ONOMA_RETURN_IF_ERROR(Exec("BEGIN", doing));
  in_transaction_ = true;
  if (read_only_) return Status::Ok();
  Status locked = Exec(
      "SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLockKey) + ")",
      doing);
  if (!locked.ok()) {
    (void)RollbackWrite();
    return locked;
  }
  return Status::Ok();
}

Result<bool> PgConnection::TryBeginWrite() {
  const std::string doing = "begin transaction on " + name_;
  if (in_transaction_ || reading_) {
    return Status::Internal("cannot " + doing +
                            ": a transaction is already open on this "
                            "connection, and transactions do not nest");
  }
  if (read_only_) return false;
  ONOMA_RETURN_IF_ERROR(Exec("BEGIN", doing));
  in_transaction_ = true;
  auto locked = Prepare(
      "SELECT pg_try_advisory_xact_lock(" + std::to_string(kWriteLockKey) + ")",
      doing);
  Result<bool> row =
      locked.ok() ? (*locked)->Step() : Result<bool>(locked.status());
  const bool got = row.ok() && *row && (*locked)->ColumnInt64(0) != 0;
  if (!got) {
    (void)RollbackWrite();
    if (!row.ok()) return row.status();
  }
  return got;
}

bool PgConnection::BeginRead() {
  if (in_transaction_ || reading_) return false;
  reading_ =
      Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "begin a read")
          .ok();
  return reading_;
}

void PgConnection::EndRead() {
  if (!reading_) return;
  reading_ = false;
  (void)Exec("COMMIT", "end a read");
}

Status PgConnection::CommitWrite() {
  in_transaction_ = false;
  PGresult* result = Pq().PQexec(conn_, "COMMIT");
  if (Pq().PQresultStatus(result) != PGRES_COMMAND_OK) {
    Status error = ResultError(conn_, result, "commit transaction");
    Pq().PQclear(result);
    (void)Exec("ROLLBACK", "roll back transaction");
    return error;
  }
  // COMMIT of a transaction that a failed statement aborted rolls back.
  const bool rolled_back =
      std::string_view(Pq().PQcmdStatus(result)) == "ROLLBACK";
  Pq().PQclear(result);
  if (rolled_back) {
    return Status::Database(
        "cannot commit transaction: a statement in it failed, and it was "
        "rolled back");
  }
  return Status::Ok();
}

Status PgConnection::RollbackWrite() {
  if (!in_transaction_) return Status::Ok();
  in_transaction_ = false;
  savepoints_ = 0;
  return Exec("ROLLBACK", "roll back transaction");
}

Status PgConnection::SetSavepoint() {
  if (!in_transaction_) return Status::Ok();
  ONOMA_RETURN_IF_ERROR(Exec("SAVEPOINT onoma_statement", "set a savepoint"));
  ++savepoints_;
  return Status::Ok();
}

Status PgConnection::ReleaseSavepoint() {
  if (savepoints_ == 0) return Status::Ok();
  --savepoints_;
  return Exec("RELEASE SAVEPOINT onoma_statement", "release a savepoint");
}

Status PgConnection::RollbackToSavepoint() {
  if (savepoints_ == 0) return Status::Ok();
  --savepoints_;
  return Exec(
      "ROLLBACK TO SAVEPOINT onoma_statement; RELEASE SAVEPOINT "
      "onoma_statement",
      "roll back to a savepoint");
}

void PgConnection::ReturnToPool(const std::string& sql, std::string name) {
  pool_.emplace(sql, std::move(name));
}

}  // namespace internal

std::string DisplayName(std::string_view location) {
  std::string name(location);
  // user:password@ in a URI.
  if (const auto scheme = name.find("://"); scheme != std::string::npos) {
    const auto at = name.find('@', scheme + 3);
    const auto slash = name.find('/', scheme + 3);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      const auto colon = name.find(':', scheme + 3);
      if (colon != std::string::npos && colon < at) {
        name.replace(colon + 1, at - colon - 1, "***");
      }
    }
  }
  // password=... as a parameter or a key.
  for (std::size_t at = name.find("password="); at != std::string::npos;
       at = name.find("password=", at + 1)) {
    std::size_t end = name.find_first_of("& ", at);
    if (end == std::string::npos) end = name.size();
    name.replace(at + 9, end - at - 9, "***");
  }
  return name;
}

namespace {

void IgnoreNotice(void*, const char*) {}

bool IsUtf8Locale(std::string_view locale) {
  std::string lower;
  for (char c : locale) {
    if (c != '-' && c != '_')
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return lower.find("utf8") != std::string::npos;
}

// Refuses a database that is not UTF-8 throughout (connection.h says why).
Status CheckEncoding(store::Connection& db, const std::string& name) {
  auto query = db.Prepare(
      "SELECT pg_encoding_to_char(encoding), datcollate, datctype "
      "FROM pg_database WHERE datname = current_database()",
      "read the encoding of " + name);
  if (!query.ok()) return query.status();
  auto row = (*query)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Ok();
  const std::string encoding = (*query)->ColumnText(0);
  const std::string collate = (*query)->ColumnText(1);
  const std::string ctype = (*query)->ColumnText(2);
  const std::string fix =
      "; onoma needs a UTF-8 database with a UTF-8 locale, e.g. createdb "
      "--encoding=UTF8 --locale=C.UTF-8 --template=template0 "
      "(docs/shared-store.md)";
  if (encoding != "UTF8") {
    return Status::Database("database " + name + " has the encoding " +
                            encoding + ", not UTF8" + fix);
  }
  if (!IsUtf8Locale(collate) || !IsUtf8Locale(ctype)) {
    return Status::Database(
        "database " + name + " has the locale " + collate + " (collation) / " +
        ctype +
        " (character classes), not a UTF-8 one: under it pg_trgm takes "
        "every letter outside ASCII for a space, and concordance would not "
        "find Київ or 서울" +
        fix);
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<store::Connection>> Open(std::string_view location,
                                                const OpenOptions& options) {
  const std::string name = DisplayName(location);
  auto libpq = internal::LoadLibPq();
  if (!libpq.ok()) return libpq.status();
  PGconn* raw = Pq().PQconnectdb(std::string(location).c_str());
  if (raw == nullptr) {
    return Status::Database("cannot open database " + name + ": out of memory");
  }
  if (Pq().PQstatus(raw) != CONNECTION_OK) {
    std::string reason = internal::Trim(Pq().PQerrorMessage(raw));
    Pq().PQfinish(raw);
    return Status::Database("cannot open database " + name + ": " + reason);
  }
  Pq().PQsetNoticeProcessor(raw, IgnoreNotice, nullptr);
  auto db =
      std::make_unique<internal::PgConnection>(raw, name, options.read_only);
  if (Pq().PQsetClientEncoding(raw, "UTF8") != 0) {
    return Status::Database("cannot open database " + name +
                            ": the server does not take UTF-8 from clients");
  }
  ONOMA_RETURN_IF_ERROR(CheckEncoding(*db, name));
  const long long timeout_ms = options.busy_timeout.count();
  std::string setup = "SET lock_timeout = " + std::to_string(timeout_ms);
  if (options.read_only) setup += "; SET default_transaction_read_only = on";
  ONOMA_RETURN_IF_ERROR(db->Exec(setup, "set up the connection to " + name));
  ONOMA_RETURN_IF_ERROR(
      internal::Migrate(*db, options.migrate && !options.read_only));
  return std::unique_ptr<store::Connection>(std::move(db));
}

}  // namespace onoma::postgres
