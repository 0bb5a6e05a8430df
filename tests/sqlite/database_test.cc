// Tests of memory/sqlite/database.h: opening, connection settings, Exec,
// Prepare and the statement cache.

#include "memory/sqlite/database.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <utility>

#include "memory/sqlite/statement.h"
#include "tests/sqlite/sqlite_test_util.h"

namespace onoma::sqlite {
namespace {

using ::onoma::sqlite::testing::QueryInt;
using ::onoma::sqlite::testing::QueryText;
using ::onoma::sqlite::testing::TempDir;
using ::onoma::sqlite::testing::Unmigrated;

TEST(DatabaseTest, CreatesFileInExistingDirectory) {
  TempDir dir;
  const std::filesystem::path path = dir.File("onoma.db");
  Result<Database> db = Database::Open(path);
  ONOMA_ASSERT_OK(db.status());
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_EQ(db->path(), path);
  // The first migration ran and recorded who made the file, and when.
  EXPECT_EQ(QueryText(*db, "SELECT value FROM meta WHERE key = 'created_by'"),
            "onoma");
  const std::string created_at =
      QueryText(*db, "SELECT value FROM meta WHERE key = 'created_at'");
  // ISO 8601 in UTC: YYYY-MM-DDTHH:MM:SSZ. (No std::regex: GCC 12 warns
  // inside <regex> under the sanitizers.)
  const std::string shape = "dddd-dd-ddTdd:dd:ddZ";
  ASSERT_EQ(created_at.size(), shape.size()) << created_at;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 'd') {
      EXPECT_TRUE(created_at[i] >= '0' && created_at[i] <= '9') << created_at;
    } else {
      EXPECT_EQ(created_at[i], shape[i]) << created_at;
    }
  }
}

TEST(DatabaseTest, ReopensExistingFile) {
  TempDir dir;
  const std::filesystem::path path = dir.File("onoma.db");
  {
    Result<Database> db = Database::Open(path);
    ONOMA_ASSERT_OK(db.status());
    ONOMA_ASSERT_OK(
        db->Exec("INSERT INTO meta (key, value) VALUES ('note', 'kept')"));
  }
  Result<Database> db = Database::Open(path);
  ONOMA_ASSERT_OK(db.status());
  EXPECT_EQ(QueryText(*db, "SELECT value FROM meta WHERE key = 'note'"),
            "kept");
}

TEST(DatabaseTest, ConnectionSettingsAreApplied) {
  TempDir dir;
  Result<Database> db = Database::Open(dir.File("onoma.db"));
  ONOMA_ASSERT_OK(db.status());
  EXPECT_EQ(QueryText(*db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryInt(*db, "PRAGMA foreign_keys"), 1);
  EXPECT_EQ(QueryInt(*db, "PRAGMA synchronous"), 1);  // NORMAL
  EXPECT_EQ(db->busy_timeout(), std::chrono::seconds(30));
}

TEST(DatabaseTest, BusyTimeoutComesFromOptions) {
  OpenOptions options;
  options.busy_timeout = std::chrono::milliseconds(250);
  Result<Database> db = Database::Open(":memory:", options);
  ONOMA_ASSERT_OK(db.status());
  EXPECT_EQ(db->busy_timeout(), std::chrono::milliseconds(250));
}

TEST(DatabaseTest, ForeignKeysAreEnforced) {
  Result<Database> db = Database::Open(":memory:");
  ONOMA_ASSERT_OK(db.status());
  ONOMA_ASSERT_OK(db->Exec(
      "CREATE TABLE fk_parent (id INTEGER PRIMARY KEY);"
      "CREATE TABLE fk_child (parent_id INTEGER NOT NULL"
      "                       REFERENCES fk_parent(id), form TEXT NOT NULL);"));
  Status status =
      db->Exec("INSERT INTO fk_child VALUES (42, 'Kyiv')", "add orphan term");
  EXPECT_EQ(status.code(), StatusCode::kDatabase);
  EXPECT_EQ(status.message(),
            "cannot add orphan term: FOREIGN KEY constraint failed");
}

TEST(DatabaseTest, InMemoryDatabaseIsMigratedAndNotWal) {
  Result<Database> db = Database::Open(":memory:");
  ONOMA_ASSERT_OK(db.status());
  EXPECT_EQ(QueryText(*db, "PRAGMA journal_mode"), "memory");
  EXPECT_EQ(QueryText(*db, "SELECT value FROM meta WHERE key = 'created_by'"),
            "onoma");
}

TEST(DatabaseTest, NonexistentDirectoryFailsWithClearMessage) {
  TempDir dir;
  const std::filesystem::path missing_dir = dir.File("no-such-dir");
  const std::filesystem::path path = missing_dir / "x.db";
  Result<Database> db = Database::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kDatabase);
  EXPECT_EQ(db.status().message(),
            "cannot open database " + path.string() +
                ": unable to open database file (directory " +
                missing_dir.string() + " does not exist)");
  // Open never creates directories: a mistyped --db must not leave one.
  EXPECT_FALSE(std::filesystem::exists(missing_dir));
}

TEST(DatabaseTest, MissingFileWithoutCreateFails) {
  TempDir dir;
  const std::filesystem::path path = dir.File("absent.db");
  OpenOptions options;
  options.create = false;
  Result<Database> db = Database::Open(path, options);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kDatabase);
  EXPECT_EQ(db.status().message(),
            "cannot open database " + path.string() +
                ": unable to open database file (no such file)");
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(DatabaseTest, DirectoryAsDatabaseFails) {
  TempDir dir;
  Result<Database> db = Database::Open(dir.path());
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kDatabase);
  EXPECT_NE(db.status().message().find(dir.path().string()), std::string::npos)
      << db.status().ToString();
}

TEST(DatabaseTest, FileThatIsNotADatabaseFails) {
  TempDir dir;
  const std::filesystem::path path = dir.File("notes.txt");
  {
    std::ofstream out(path, std::ios::binary);
    out << std::string(4096, 'x');
  }
  Result<Database> db = Database::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kDatabase);
  EXPECT_EQ(db.status().message(), "cannot open database " + path.string() +
                                       ": file is not a database");
}

TEST(DatabaseTest, EmptyPathIsBadArgument) {
  Result<Database> db = Database::Open("");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kBadArgument);
}

TEST(DatabaseTest, PathBeginningWithFileIsAFileNotAUri) {
  TempDir dir;
  const std::filesystem::path old_cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  {
    // As a URI this would be a shared in-memory database, not a file.
    Result<Database> db = Database::Open("file:news.db?mode=memory");
    ONOMA_EXPECT_OK(db.status());
  }
  std::filesystem::current_path(old_cwd);
  EXPECT_TRUE(std::filesystem::exists(dir.File("file:news.db?mode=memory")));
}

TEST(DatabaseTest, ReadOnlyConnectionRefusesWrites) {
  TempDir dir;
  const std::filesystem::path path = dir.File("onoma.db");
  ONOMA_ASSERT_OK(Database::Open(path).status());
  OpenOptions options;
  options.read_only = true;
  Result<Database> db = Database::Open(path, options);
  ONOMA_ASSERT_OK(db.status());
  EXPECT_EQ(QueryText(*db, "SELECT value FROM meta WHERE key = 'created_by'"),
            "onoma");
  Status status = db->Exec("INSERT INTO meta VALUES ('k', 'v')", "add note");
  EXPECT_EQ(status.code(), StatusCode::kDatabase);
  EXPECT_EQ(status.message(),
            "cannot add note: attempt to write a readonly database");
}

TEST(DatabaseTest, ExecRunsAScriptOfManyStatements) {
  Result<Database> db = Database::Open(":memory:", Unmigrated());
  ONOMA_ASSERT_OK(db.status());
  ONOMA_ASSERT_OK(db->Exec(R"sql(
      -- a comment first
      CREATE TABLE t (x INTEGER);
      INSERT INTO t VALUES (1);;
      INSERT INTO t VALUES (2);
      SELECT * FROM t;  -- rows are discarded
      /* and a comment last */
  )sql"));
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM t"), 2);
}

TEST(DatabaseTest, ExecOfNothingSucceeds) {
  Result<Database> db = Database::Open(":memory:", Unmigrated());
  ONOMA_ASSERT_OK(db.status());
  ONOMA_EXPECT_OK(db->Exec(""));
  ONOMA_EXPECT_OK(db->Exec("  -- only a comment\n"));
}

TEST(DatabaseTest, ExecErrorNamesPurposeAndShowsTheStatement) {
  Result<Database> db = Database::Open(":memory:", Unmigrated());
  ONOMA_ASSERT_OK(db.status());
  Status status = db->Exec("CREATE TABLE t (x);\n  SELEC  1;", "load fixtures");
  EXPECT_EQ(status.code(), StatusCode::kDatabase);
  EXPECT_EQ(status.message(),
            "cannot load fixtures: near \"SELEC\": syntax error");
  EXPECT_EQ(status.snippet(), "SELEC 1;");
  // Statements before the failing one stay applied (no transaction here).
  EXPECT_TRUE(testing::HasTable(*db, "t"));
}

TEST(DatabaseTest, PrepareErrorNamesPurposeAndCarriesSql) {
  Result<Database> db = Database::Open(":memory:", Unmigrated());
  ONOMA_ASSERT_OK(db.status());
  Result<Statement> statement =
      db->Prepare("SELECT form FROM term WHERE id = ?1", "list terms");
  ASSERT_FALSE(statement.ok());
  EXPECT_EQ(statement.status().code(), StatusCode::kDatabase);
  EXPECT_EQ(statement.status().message(),
            "cannot list terms: no such table: term");
  EXPECT_EQ(statement.status().snippet(),
            "SELECT form FROM term WHERE id = ?1");
}

TEST(DatabaseTest, PrepareRefusesTwoStatements) {
  Result<Database> db = Database::Open(":memory:", Unmigrated());
  ONOMA_ASSERT_OK(db.status());
  Result<Statement> statement = db->Prepare("SELECT 1; SELECT 2", "count");
  ASSERT_FALSE(statement.ok());
  EXPECT_EQ(statement.status().code(), StatusCode::kInternal);
  // A trailing semicolon, space or comment is not a second statement.
  ONOMA_EXPECT_OK(db->Prepare("SELECT 1; \n", "count").status());
  ONOMA_EXPECT_OK(db->Prepare("SELECT 1 -- one\n", "count").status());
}

TEST(DatabaseTest, PrepareOfNothingIsInternal) {
  Result<Database> db = Database::Open(":memory:", Unmigrated());
  ONOMA_ASSERT_OK(db.status());
  Result<Statement> statement = db->Prepare("  ", "do nothing");
  ASSERT_FALSE(statement.ok());
  EXPECT_EQ(statement.status().code(), StatusCode::kInternal);
}

TEST(DatabaseTest, LastInsertRowIdAndChanges) {
  Result<Database> db = Database::Open(":memory:", Unmigrated());
  ONOMA_ASSERT_OK(db.status());
  ONOMA_ASSERT_OK(db->Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)"));
  ONOMA_ASSERT_OK(db->Exec("INSERT INTO t (id, x) VALUES (41, 'a')"));
  EXPECT_EQ(db->LastInsertRowId(), 41);
  ONOMA_ASSERT_OK(db->Exec("INSERT INTO t (x) VALUES ('b')"));
  EXPECT_EQ(db->LastInsertRowId(), 42);
  ONOMA_ASSERT_OK(db->Exec("UPDATE t SET x = 'c'"));
  EXPECT_EQ(db->Changes(), 2);
}

TEST(DatabaseTest, CachedStatementIsReusedResetAndCleared) {
  Result<Database> db = Database::Open(":memory:", Unmigrated());
  ONOMA_ASSERT_OK(db.status());
  ONOMA_ASSERT_OK(db->Exec(
      "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);"));
  constexpr std::string_view kSql =
      "SELECT x, ?1 FROM t WHERE x >= 1 ORDER BY x";

  Result<Statement*> first = db->Cached(kSql, "list numbers");
  ONOMA_ASSERT_OK(first.status());
  ONOMA_ASSERT_OK((*first)->Bind(1, "tag"));
  Result<bool> row = (*first)->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ((*first)->ColumnInt64(0), 1);
  row = (*first)->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ((*first)->ColumnInt64(0), 2);
  EXPECT_EQ((*first)->ColumnText(1), "tag");

  // Left half-read; the next user gets it from the start, without the
  // old binding.
  Result<Statement*> second = db->Cached(std::string(kSql), "list numbers");
  ONOMA_ASSERT_OK(second.status());
  EXPECT_EQ(*second, *first);
  row = (*second)->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ((*second)->ColumnInt64(0), 1);
  EXPECT_TRUE((*second)->ColumnIsNull(1));

  Result<Statement*> other = db->Cached("SELECT 2", "two");
  ONOMA_ASSERT_OK(other.status());
  EXPECT_NE(*other, *first);
}

TEST(DatabaseTest, CachedReportsPrepareErrors) {
  Result<Database> db = Database::Open(":memory:", Unmigrated());
  ONOMA_ASSERT_OK(db.status());
  Result<Statement*> statement = db->Cached("SELECT * FROM nope", "read nope");
  ASSERT_FALSE(statement.ok());
  EXPECT_EQ(statement.status().message(),
            "cannot read nope: no such table: nope");
}

TEST(DatabaseTest, MovedDatabaseKeepsConnectionAndCache) {
  Result<Database> opened = Database::Open(":memory:", Unmigrated());
  ONOMA_ASSERT_OK(opened.status());
  Database db = std::move(*opened);
  Result<Statement*> cached = db.Cached("SELECT 7", "seven");
  ONOMA_ASSERT_OK(cached.status());
  Database moved = std::move(db);
  Result<Statement*> again = moved.Cached("SELECT 7", "seven");
  ONOMA_ASSERT_OK(again.status());
  EXPECT_EQ(*again, *cached);
  EXPECT_EQ(QueryInt(moved, "SELECT 7"), 7);

  Result<Database> other = Database::Open(":memory:", Unmigrated());
  ONOMA_ASSERT_OK(other.status());
  moved = std::move(*other);  // closes the first connection
  EXPECT_EQ(QueryInt(moved, "SELECT 8"), 8);
}

}  // namespace
}  // namespace onoma::sqlite
