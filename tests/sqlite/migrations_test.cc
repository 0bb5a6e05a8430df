// Tests of memory/sqlite/migrations.h, with injected lists of migrations:
// order, version, refusal of a newer database, all-or-nothing application;
// and of the migrations compiled into the binary.

#include "memory/sqlite/migrations.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "memory/sqlite/database.h"
#include "tests/sqlite/sqlite_test_util.h"

namespace onoma::sqlite {
namespace {

using ::onoma::sqlite::testing::HasTable;
using ::onoma::sqlite::testing::QueryInt;
using ::onoma::sqlite::testing::TempDir;
using ::onoma::sqlite::testing::Unmigrated;

// Each migration builds on the one before, so applying them out of order
// would fail.
constexpr EmbeddedFile kFirst = {"0001_concepts.sql",
                                 "CREATE TABLE concept (id INTEGER PRIMARY "
                                 "KEY);"};
constexpr EmbeddedFile kSecond = {
    "0002_terms.sql",
    "CREATE TABLE term (concept_id INTEGER REFERENCES concept(id), form);\n"
    "INSERT INTO concept (id) VALUES (1);\n"
    "INSERT INTO term VALUES (1, 'Kyiv');"};
constexpr EmbeddedFile kThird = {"0003_term_lang.sql",
                                 "ALTER TABLE term ADD COLUMN lang TEXT;"};
// Creates a table, then fails: the table must not survive.
constexpr EmbeddedFile kFailingThird = {
    "0003_broken.sql",
    "CREATE TABLE tm_unit (id INTEGER PRIMARY KEY);\n"
    "INSERT INTO no_such_table VALUES (1);"};

class MigrationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("x.db");
    Result<Database> db = Database::Open(path_, Unmigrated());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_.emplace(std::move(*db));
  }

  int Version() {
    Result<int> version = SchemaVersion(*db_);
    EXPECT_TRUE(version.ok()) << version.status().ToString();
    return version.ok() ? *version : -1;
  }

  TempDir dir_;
  std::filesystem::path path_;
  std::optional<Database> db_;
};

TEST_F(MigrationsTest, NewDatabaseIsAtVersionZero) { EXPECT_EQ(Version(), 0); }

TEST_F(MigrationsTest, AppliesAllInOrderAndSetsVersion) {
  const EmbeddedFile list[] = {kFirst, kSecond, kThird};
  ONOMA_ASSERT_OK(Migrate(*db_, list));
  EXPECT_EQ(Version(), 3);
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM term WHERE lang IS NULL"), 1);
}

TEST_F(MigrationsTest, AppliesOnlyPendingMigrations) {
  const EmbeddedFile two[] = {kFirst, kSecond};
  ONOMA_ASSERT_OK(Migrate(*db_, two));
  EXPECT_EQ(Version(), 2);
  EXPECT_FALSE(HasTable(*db_, "tm_unit"));

  // 0001 and 0002 would fail if run again (the tables exist), so success
  // shows that only 0003 ran.
  const EmbeddedFile three[] = {kFirst, kSecond, kThird};
  ONOMA_ASSERT_OK(Migrate(*db_, three));
  EXPECT_EQ(Version(), 3);
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM term"), 1);

  // Up to date: nothing to do, again and again.
  ONOMA_ASSERT_OK(Migrate(*db_, three));
  EXPECT_EQ(Version(), 3);
}

TEST_F(MigrationsTest, VersionSurvivesReopen) {
  const EmbeddedFile list[] = {kFirst, kSecond};
  ONOMA_ASSERT_OK(Migrate(*db_, list));
  db_.reset();
  Result<Database> db = Database::Open(path_, Unmigrated());
  ONOMA_ASSERT_OK(db.status());
  Result<int> version = SchemaVersion(*db);
  ONOMA_ASSERT_OK(version.status());
  EXPECT_EQ(*version, 2);
}

TEST_F(MigrationsTest, FailingMigrationLeavesNewDatabaseUntouched) {
  const EmbeddedFile list[] = {kFirst, kSecond, kFailingThird};
  Status status = Migrate(*db_, list);
  EXPECT_EQ(status.code(), StatusCode::kDatabase);
  EXPECT_EQ(status.message(), "cannot apply migration 0003_broken.sql to " +
                                  path_.string() +
                                  ": no such table: no_such_table");
  EXPECT_EQ(Version(), 0);
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM sqlite_master"), 0);
}

TEST_F(MigrationsTest, FailingMigrationLeavesMigratedDatabaseUntouched) {
  const EmbeddedFile one[] = {kFirst};
  ONOMA_ASSERT_OK(Migrate(*db_, one));
  ONOMA_ASSERT_OK(db_->Exec("INSERT INTO concept (id) VALUES (7)"));

  const EmbeddedFile list[] = {kFirst, kSecond, kFailingThird};
  EXPECT_EQ(Migrate(*db_, list).code(), StatusCode::kDatabase);
  EXPECT_EQ(Version(), 1);
  EXPECT_TRUE(HasTable(*db_, "concept"));
  EXPECT_FALSE(HasTable(*db_, "term"));     // 0002 undone with 0003
  EXPECT_FALSE(HasTable(*db_, "tm_unit"));  // 0003's first statement undone
  EXPECT_EQ(QueryInt(*db_, "SELECT group_concat(id) FROM concept"), 7);

  // And so it stays for the next connection.
  db_.reset();
  Result<Database> db = Database::Open(path_, Unmigrated());
  ONOMA_ASSERT_OK(db.status());
  EXPECT_EQ(*SchemaVersion(*db), 1);
  EXPECT_FALSE(HasTable(*db, "term"));
}

TEST_F(MigrationsTest, NewerDatabaseIsRefused) {
  ONOMA_ASSERT_OK(db_->Exec("PRAGMA user_version = 7"));
  const EmbeddedFile list[] = {kFirst, kSecond, kThird};
  Status status = Migrate(*db_, list);
  EXPECT_EQ(status.code(), StatusCode::kDatabase);
  EXPECT_EQ(status.message(),
            "database " + path_.string() +
                " was made by a newer onoma (schema version 7; this onoma "
                "knows up to 3); upgrade onoma");
  EXPECT_EQ(Version(), 7);
  EXPECT_FALSE(HasTable(*db_, "concept"));
}

// Regression: a negative user_version picked migrations[-1] and beyond
// (an internal error, or a crash at -100000).
TEST_F(MigrationsTest, NegativeVersionIsRefusedWithTheNumber) {
  const EmbeddedFile list[] = {kFirst, kSecond, kThird};
  for (int version : {-1, -100000, INT32_MIN}) {
    ONOMA_ASSERT_OK(
        db_->Exec("PRAGMA user_version = " + std::to_string(version)));
    Status status = Migrate(*db_, list);
    EXPECT_EQ(status.code(), StatusCode::kDatabase) << version;
    EXPECT_NE(status.message().find("schema version " +
                                    std::to_string(version) + ","),
              std::string::npos)
        << status.ToString();
    EXPECT_EQ(Version(), version);
    EXPECT_FALSE(HasTable(*db_, "concept"));
    status = CheckSchemaVersion(*db_, list);
    EXPECT_EQ(status.code(), StatusCode::kDatabase) << version;
  }
}

TEST_F(MigrationsTest, OpenRefusesNegativeVersion) {
  ONOMA_ASSERT_OK(db_->Exec("PRAGMA user_version = -100000"));
  db_.reset();
  for (bool read_only : {false, true}) {
    OpenOptions options;
    options.read_only = read_only;
    Result<Database> db = Database::Open(path_, options);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().code(), StatusCode::kDatabase);
    EXPECT_NE(db.status().message().find("schema version -100000"),
              std::string::npos)
        << db.status().ToString();
  }
}

TEST_F(MigrationsTest, OpenRefusesDatabaseFromNewerOnoma) {
  Result<int> latest = LatestSchemaVersion(BuiltinMigrations());
  ONOMA_ASSERT_OK(latest.status());
  const int newer = *latest + 5;
  ONOMA_ASSERT_OK(db_->Exec("PRAGMA user_version = " + std::to_string(newer)));
  db_.reset();

  Result<Database> db = Database::Open(path_);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kDatabase);
  EXPECT_EQ(db.status().message(),
            "database " + path_.string() +
                " was made by a newer onoma (schema version " +
                std::to_string(newer) + "; this onoma knows up to " +
                std::to_string(*latest) + "); upgrade onoma");

  OpenOptions read_only;
  read_only.read_only = true;
  db = Database::Open(path_, read_only);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("was made by a newer onoma"),
            std::string::npos)
      << db.status().ToString();
}

TEST_F(MigrationsTest, ReadOnlyOpenOfOldSchemaIsRefused) {
  db_.reset();  // version 0, below every built-in migration
  OpenOptions read_only;
  read_only.read_only = true;
  Result<Database> db = Database::Open(path_, read_only);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kDatabase);
  EXPECT_NE(db.status().message().find("cannot be upgraded while opened "
                                       "read-only"),
            std::string::npos)
      << db.status().ToString();
}

TEST_F(MigrationsTest, MigrationThatEndsTheTransactionIsRejected) {
  const EmbeddedFile list[] = {
      {"0001_commits.sql", "CREATE TABLE a (x); COMMIT;"}};
  Status status = Migrate(*db_, list);
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_NE(status.message().find("0001_commits.sql"), std::string::npos);
}

TEST(LatestSchemaVersionTest, NumbersTheLastMigration) {
  EXPECT_EQ(*LatestSchemaVersion({}), 0);
  const EmbeddedFile one[] = {kFirst};
  EXPECT_EQ(*LatestSchemaVersion(one), 1);
  const EmbeddedFile three[] = {kFirst, kSecond, kThird};
  EXPECT_EQ(*LatestSchemaVersion(three), 3);
}

TEST(LatestSchemaVersionTest, RejectsBadNamesAndNumbering) {
  struct Case {
    const char* why;
    std::vector<EmbeddedFile> list;
  };
  const Case cases[] = {
      {"no number", {{"init.sql", ""}}},
      {"short number", {{"001_init.sql", ""}}},
      {"no name", {{"0001_.sql", ""}}},
      {"not .sql", {{"0001_init.txt", ""}}},
      {"starts at 2", {{"0002_terms.sql", ""}}},
      {"gap", {kFirst, kThird}},
      {"out of order", {kFirst, kThird, kSecond}},
      {"duplicate", {kFirst, kFirst}},
  };
  for (const Case& c : cases) {
    Result<int> latest = LatestSchemaVersion(c.list);
    ASSERT_FALSE(latest.ok()) << c.why;
    EXPECT_EQ(latest.status().code(), StatusCode::kInternal) << c.why;
  }
}

TEST_F(MigrationsTest, BadListLeavesDatabaseAlone) {
  const EmbeddedFile list[] = {kFirst, kThird};
  EXPECT_EQ(Migrate(*db_, list).code(), StatusCode::kInternal);
  EXPECT_EQ(Version(), 0);
  EXPECT_FALSE(HasTable(*db_, "concept"));
}

TEST(BuiltinMigrationsTest, AreWellFormedAndApplyToANewDatabase) {
  Result<int> latest = LatestSchemaVersion(BuiltinMigrations());
  ONOMA_ASSERT_OK(latest.status());
  ASSERT_GE(*latest, 1);
  EXPECT_EQ(BuiltinMigrations()[0].name, "0001_init.sql");

  Result<Database> db = Database::Open(":memory:");
  ONOMA_ASSERT_OK(db.status());
  Result<int> version = SchemaVersion(*db);
  ONOMA_ASSERT_OK(version.status());
  EXPECT_EQ(*version, *latest);
  EXPECT_TRUE(HasTable(*db, "meta"));
  ONOMA_EXPECT_OK(CheckSchemaVersion(*db, BuiltinMigrations()));
}

}  // namespace
}  // namespace onoma::sqlite
