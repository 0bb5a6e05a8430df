#include "memory/sqlite/statement.h"

#include <sqlite3.h>

#include <utility>

#include "memory/sqlite/error_internal.h"

namespace onoma::sqlite {

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      purpose_(std::move(other.purpose_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    purpose_ = std::move(other.purpose_);
  }
  return *this;
}

Statement::~Statement() {
  // sqlite3_finalize repeats the last Step's error, already reported; it
  // accepts null.
  sqlite3_finalize(stmt_);
}

Status Statement::CheckBind(int rc, int index) const {
  if (rc == SQLITE_OK) return Status::Ok();
  return internal::ErrorFrom(
      sqlite3_db_handle(stmt_), rc,
      purpose_ + " (binding parameter " + std::to_string(index) + ")");
}

Status Statement::BindInt64(int index, std::int64_t value) {
  return CheckBind(sqlite3_bind_int64(stmt_, index, value), index);
}

Status Statement::BindDouble(int index, double value) {
  return CheckBind(sqlite3_bind_double(stmt_, index, value), index);
}

Status Statement::BindText(int index, std::string_view value) {
  // The _64 form with an explicit encoding takes a length of any size, so
  // a huge string fails with SQLITE_TOOBIG instead of being truncated by a
  // cast to int. data() of an empty view may be null, which SQLite would
  // bind as NULL rather than as ""; hence the "" stand-in.
  const char* data = value.data() != nullptr ? value.data() : "";
  return CheckBind(sqlite3_bind_text64(stmt_, index, data, value.size(),
                                       SQLITE_TRANSIENT, SQLITE_UTF8),
                   index);
}

int Statement::BindTextUncopiedCode(int index, std::string_view value) {
  const char* data = value.data() != nullptr ? value.data() : "";
  return sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_STATIC,
                             SQLITE_UTF8);
}

int Statement::BindInt64Code(int index, std::int64_t value) {
  return sqlite3_bind_int64(stmt_, index, value);
}

int Statement::BindNullCode(int index) {
  return sqlite3_bind_null(stmt_, index);
}

Status Statement::BindBlob(int index, std::string_view bytes) {
  // As in BindText: a null pointer would bind NULL, not an empty blob.
  const char* data = bytes.data() != nullptr ? bytes.data() : "";
  return CheckBind(
      sqlite3_bind_blob64(stmt_, index, data, bytes.size(), SQLITE_TRANSIENT),
      index);
}

Status Statement::BindNull(int index) {
  return CheckBind(sqlite3_bind_null(stmt_, index), index);
}

void Statement::ClearBindings() { sqlite3_clear_bindings(stmt_); }

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return internal::ErrorFrom(sqlite3_db_handle(stmt_), rc, purpose_);
}

Status Statement::Run() {
  while (true) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

void Statement::Reset() { sqlite3_reset(stmt_); }

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::ColumnInt64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double Statement::ColumnDouble(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::ColumnText(int column) const {
  return std::string(ColumnTextView(column));
}

std::string_view Statement::ColumnTextView(int column) const {
  // Text first, then bytes: sqlite3_column_bytes must follow the call that
  // may convert the value, or it measures the value before conversion.
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  const int size = sqlite3_column_bytes(stmt_, column);
  return std::string_view(reinterpret_cast<const char*>(text),
                          static_cast<std::size_t>(size));
}

std::string_view Statement::ColumnBlob(int column) const {
  const void* bytes = sqlite3_column_blob(stmt_, column);
  if (bytes == nullptr) return {};
  const int size = sqlite3_column_bytes(stmt_, column);
  return std::string_view(static_cast<const char*>(bytes),
                          static_cast<std::size_t>(size));
}

}  // namespace onoma::sqlite
