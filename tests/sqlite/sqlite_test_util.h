// Helpers for the tests of memory/sqlite/: a temporary directory that
// cleans up after itself, and one-line queries for checking what a
// database holds.

#ifndef ONOMA_TESTS_SQLITE_SQLITE_TEST_UTIL_H_
#define ONOMA_TESTS_SQLITE_SQLITE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "lib/util/status.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"

#define ONOMA_EXPECT_OK(expr)                          \
  do {                                                 \
    const ::onoma::Status onoma_s_ = (expr);           \
    EXPECT_TRUE(onoma_s_.ok()) << onoma_s_.ToString(); \
  } while (false)

#define ONOMA_ASSERT_OK(expr)                          \
  do {                                                 \
    const ::onoma::Status onoma_s_ = (expr);           \
    ASSERT_TRUE(onoma_s_.ok()) << onoma_s_.ToString(); \
  } while (false)

namespace onoma::sqlite::testing {

// A fresh directory under the system's temporary directory, removed with
// everything in it when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "onoma-sqlite-test-XXXXXX")
            .string();
    if (mkdtemp(pattern.data()) == nullptr) {
      ADD_FAILURE() << "mkdtemp " << pattern << " failed";
    }
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path File(std::string_view name) const {
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

// Runs a query that yields one row and returns its first column as text;
// "<error: ...>" or "<no row>" otherwise, so that an EXPECT_EQ shows why.
inline std::string QueryText(Database& db, std::string_view sql) {
  Result<Statement> statement = db.Prepare(sql, "run test query");
  if (!statement.ok()) return "<error: " + statement.status().ToString() + ">";
  Result<bool> row = statement->Step();
  if (!row.ok()) return "<error: " + row.status().ToString() + ">";
  if (!*row) return "<no row>";
  if (statement->ColumnIsNull(0)) return "<null>";
  return statement->ColumnText(0);
}

// As QueryText, for an integer; -1 on any failure (the tests never expect
// -1 from a query).
inline std::int64_t QueryInt(Database& db, std::string_view sql) {
  Result<Statement> statement = db.Prepare(sql, "run test query");
  if (!statement.ok()) return -1;
  Result<bool> row = statement->Step();
  if (!row.ok() || !*row) return -1;
  return statement->ColumnInt64(0);
}

inline bool HasTable(Database& db, std::string_view table) {
  Result<Statement> statement = db.Prepare(
      "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
      "look for table");
  if (!statement.ok()) return false;
  if (!statement->BindText(1, table).ok()) return false;
  Result<bool> row = statement->Step();
  return row.ok() && *row;
}

// Options for a database that the test sets up by hand: no migrations.
inline OpenOptions Unmigrated() {
  OpenOptions options;
  options.migrate = false;
  return options;
}

}  // namespace onoma::sqlite::testing

#endif  // ONOMA_TESTS_SQLITE_SQLITE_TEST_UTIL_H_
