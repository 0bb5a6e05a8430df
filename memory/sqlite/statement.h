// Statement: one prepared SQL statement, with typed binding and column access.
//
//   onoma::Result<Statement> insert = db.Prepare(
//       "INSERT INTO term(concept_id, lang, form) VALUES (?1, ?2, ?3)",
//       "add term");
//   if (!insert.ok()) return insert.status();
//   ONOMA_RETURN_IF_ERROR(insert->Bind(1, concept_id));
//   ONOMA_RETURN_IF_ERROR(insert->Bind(2, "uk"));
//   ONOMA_RETURN_IF_ERROR(insert->Bind(3, form));  // user text: bound, never
//                                                  // spliced into the SQL
//   ONOMA_RETURN_IF_ERROR(insert->Run());
//
// Statements come from Database::Prepare or Database::Cached; see
// memory/sqlite/sqlite.h for the whole component.
//
// Parameters are numbered from 1 and columns from 0, as in SQLite's own C
// interface, so that the numbers in the SQL text (?1, ?2) and in the code
// agree.
//
// Failure: every SQLite error becomes a kDatabase Status whose message names
// the statement's purpose and carries sqlite3_errmsg, e.g.
// "cannot add term: UNIQUE constraint failed: term.form".
//
// Ownership: a Statement owns its sqlite3_stmt and finalizes it when
// destroyed. REQUIRES: the Database it came from outlives it.
//
// Thread safety: none. A Statement, like its Database, is used by one thread
// at a time.

#ifndef ONOMA_MEMORY_SQLITE_STATEMENT_H_
#define ONOMA_MEMORY_SQLITE_STATEMENT_H_

#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "lib/util/status.h"

// Forward declarations keep <sqlite3.h> out of every file that includes us.
struct sqlite3_stmt;

namespace onoma::sqlite {

class Database;

class Statement {
 public:
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  // --- Binding. `index` is 1-based. A failure (an index out of range, or a
  // statement still running: call Reset() first) returns kDatabase.

  [[nodiscard]] Status BindInt64(int index, std::int64_t value);
  [[nodiscard]] Status BindDouble(int index, double value);
  // Binds UTF-8 text as TEXT. SQLite copies the bytes (SQLITE_TRANSIENT), so
  // `value` need not outlive the call.
  [[nodiscard]] Status BindText(int index, std::string_view value);
  // For an INSERT run for every row of an import, where a Status per
  // parameter would cost a tenth of the time: SQLite's result code (0 on
  // success) instead, and BindFailure() to make the Status that the Bind
  // functions above would have returned. Text is bound without copying it
  // (SQLITE_STATIC). REQUIRES: `value` outlives the next Run() or Step()
  // and Reset().
  int BindTextUncopiedCode(int index, std::string_view value);
  int BindInt64Code(int index, std::int64_t value);
  int BindNullCode(int index);
  [[nodiscard]] Status BindFailure(int code, int index) const {
    return CheckBind(code, index);
  }
  // Binds raw bytes as a BLOB, embedded NULs and all; copied, like BindText.
  [[nodiscard]] Status BindBlob(int index, std::string_view bytes);
  [[nodiscard]] Status BindNull(int index);

  // Overloads for generic code. Text is the only kind a string binds as;
  // blobs are rare enough to be named (BindBlob).
  template <std::integral I>
  [[nodiscard]] Status Bind(int index, I value) {
    if constexpr (std::is_unsigned_v<I> && sizeof(I) >= sizeof(std::int64_t)) {
      // SQLite's integers are signed 64-bit; wrapping would store another
      // number without a word.
      if (value > static_cast<std::make_unsigned_t<std::int64_t>>(
                      std::numeric_limits<std::int64_t>::max())) {
        return Status::BadArgument("integer " + std::to_string(value) +
                                   " is too large for the database");
      }
    }
    return BindInt64(index, static_cast<std::int64_t>(value));
  }
  [[nodiscard]] Status Bind(int index, double value) {
    return BindDouble(index, value);
  }
  [[nodiscard]] Status Bind(int index, std::string_view text) {
    return BindText(index, text);
  }
  [[nodiscard]] Status Bind(int index, std::nullopt_t) {
    return BindNull(index);
  }
  // An empty optional binds NULL.
  template <typename T>
  [[nodiscard]] Status Bind(int index, const std::optional<T>& value) {
    if (!value.has_value()) return BindNull(index);
    return Bind(index, *value);
  }

  // Sets every parameter back to NULL.
  void ClearBindings();

  // --- Running.

  // Runs the statement to its next row. Returns true when a row is ready to
  // be read with the Column* getters, false when the statement has finished;
  // a failure (a constraint, a busy database after the busy timeout) returns
  // kDatabase, after which the statement must be Reset() before reuse.
  [[nodiscard]] Result<bool> Step();

  // Steps until the statement finishes, ignoring any rows: for INSERT,
  // UPDATE, DELETE and DDL.
  [[nodiscard]] Status Run();

  // Rewinds the statement so that it can be stepped again from the start,
  // keeping its bindings. Returns nothing: sqlite3_reset repeats the error
  // of the last Step, which that Step has already reported.
  void Reset();

  // --- Reading the current row. `column` is 0-based. REQUIRES: the last
  // Step() returned true. A column out of range reads as NULL.

  int ColumnCount() const;
  bool ColumnIsNull(int column) const;
  std::int64_t ColumnInt64(int column) const;
  double ColumnDouble(int column) const;
  // The column as text, copied. NULL reads as "".
  std::string ColumnText(int column) const;
  // The column as text without copying. The view is valid until the next
  // Step(), Reset() or the destruction of the statement, and no longer.
  std::string_view ColumnTextView(int column) const;
  // The column's bytes as a BLOB, valid as long as ColumnTextView's.
  std::string_view ColumnBlob(int column) const;

  // The purpose given at Prepare, as used in error messages.
  const std::string& purpose() const { return purpose_; }
  // The underlying handle, for what this class does not wrap. Still owned by
  // the Statement.
  sqlite3_stmt* handle() const { return stmt_; }

 private:
  friend class Database;
  Statement(sqlite3_stmt* stmt, std::string purpose)
      : stmt_(stmt), purpose_(std::move(purpose)) {}

  Status CheckBind(int rc, int index) const;

  sqlite3_stmt* stmt_ = nullptr;
  std::string purpose_;
};

}  // namespace onoma::sqlite

#endif  // ONOMA_MEMORY_SQLITE_STATEMENT_H_
