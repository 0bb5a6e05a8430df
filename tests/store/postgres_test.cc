// The PostgreSQL engine of the storage seam (memory/postgres/): what it
// refuses, its schema numbering, its placeholders, and one writer at a
// time. The term store's own suites run on it as onoma_terms_test_pg.

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>

#include "memory/postgres/connection.h"
#include "memory/postgres/connection_internal.h"
#include "memory/postgres/migrations_internal.h"
#include "memory/sqlite/migrations.h"
#include "memory/store/connection.h"
#include "memory/store/open.h"
#include "memory/terms/term_store.h"
#include "tests/support/pg_server.h"

namespace onoma {
namespace {

using testing::PgTestDatabase;

class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pg = PgTestDatabase::Make();
    if (!pg.ok()) ONOMA_SKIP_WITHOUT_PG(pg.status());
    pg_.emplace(std::move(*pg));
  }
  // A second database on the cluster, made by `create_sql` with NAME in it.
  std::string OtherDatabase(const std::string& name,
                            const std::string& options) {
    auto cluster = testing::TestCluster();
    EXPECT_TRUE(cluster.ok());
    EXPECT_TRUE(
        testing::PgExec(*cluster, "postgres", "DROP DATABASE IF EXISTS " + name)
            .ok());
    Status made = testing::PgExec(
        *cluster, "postgres",
        "CREATE DATABASE " + name + " TEMPLATE template0 " + options);
    EXPECT_TRUE(made.ok()) << made.ToString();
    return cluster->Uri(name);
  }
  std::optional<PgTestDatabase> pg_;
};

TEST_F(PostgresTest, OpensAUriAsLibpqTakesIt) {
  auto db = store::Open(pg_->uri());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ((*db)->engine(), store::Engine::kPostgres);
  auto version = postgres::SchemaVersion(**db);
  ASSERT_TRUE(version.ok()) << version.status().ToString();
  EXPECT_EQ(*version, postgres::LatestSchemaVersion());
  // postgres:// is the same scheme to libpq.
  std::string other = pg_->uri();
  other.replace(0, std::string_view("postgresql").size(), "postgres");
  auto again = store::Open(other);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
}

TEST_F(PostgresTest, RefusesADatabaseThatIsNotUtf8) {
  const std::string uri =
      OtherDatabase("onoma_latin1_" + std::to_string(getpid()),
                    "ENCODING 'SQL_ASCII' LOCALE 'C'");
  auto db = store::Open(uri);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kDatabase);
  EXPECT_NE(db.status().message().find("has the encoding SQL_ASCII, not UTF8"),
            std::string::npos)
      << db.status().ToString();
  EXPECT_NE(db.status().message().find("--locale=C.UTF-8"), std::string::npos);
}

TEST_F(PostgresTest, RefusesAUtf8DatabaseUnderTheCLocale) {
  // Under C, pg_trgm takes Cyrillic and Hangul for spaces.
  const std::string uri = OtherDatabase("onoma_c_" + std::to_string(getpid()),
                                        "ENCODING 'UTF8' LOCALE 'C'");
  auto db = store::Open(uri);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("has the locale C (collation) / C "
                                       "(character classes), not a UTF-8 one"),
            std::string::npos)
      << db.status().ToString();
}

TEST_F(PostgresTest, RefusesADatabaseFromANewerOnoma) {
  {
    auto db = store::Open(pg_->uri());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
  }
  ASSERT_TRUE(
      pg_->Exec("UPDATE meta SET value = '9999' WHERE key = 'schema_version'")
          .ok());
  auto db = store::Open(pg_->uri());
  ASSERT_FALSE(db.ok());
  EXPECT_NE(
      db.status().message().find(
          "was made by a newer onoma (schema version 9999; this onoma "
          "knows up to " +
          std::to_string(postgres::LatestSchemaVersion()) + "); upgrade onoma"),
      std::string::npos)
      << db.status().ToString();
}

// The two engines' migrations are numbered alike (memory/schema/ and
// memory/schema_postgres/), and a PostgreSQL store made by the next onoma
// is refused as SQLite's is.
TEST_F(PostgresTest, SchemaVersionsAreNumberedAsSqlitesAndTheNextIsRefused) {
  auto sqlite_latest = sqlite::LatestSchemaVersion(sqlite::BuiltinMigrations());
  ASSERT_TRUE(sqlite_latest.ok());
  EXPECT_EQ(postgres::LatestSchemaVersion(), *sqlite_latest);
  {
    auto db = store::Open(pg_->uri());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
  }
  const std::string next = std::to_string(postgres::LatestSchemaVersion() + 1);
  ASSERT_TRUE(pg_->Exec("UPDATE meta SET value = '" + next +
                        "' WHERE key = 'schema_version'")
                  .ok());
  auto db = store::Open(pg_->uri());
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("was made by a newer onoma (schema "
                                       "version " +
                                       next + ";"),
            std::string::npos)
      << db.status().ToString();
}

// The store's version (0006_term_version.sql) moves with every write to
// what the normalizer compiles, in the same transaction, and not with a
// note; the store's id stays.
TEST_F(PostgresTest, TermWritesBumpTheStoresVersion) {
  auto db = store::Open(pg_->uri());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto read = [&](std::string* id) -> std::int64_t {
    auto q = (*db)->Prepare(
        "SELECT store_id, version FROM term_version WHERE id = 1", "read");
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    if (!q.ok()) return -1;
    auto row = (*q)->Step();
    EXPECT_TRUE(row.ok() && *row);
    if (!row.ok() || !*row) return -1;
    if (id != nullptr) *id = std::string((*q)->ColumnBlob(0));
    return (*q)->ColumnInt64(1);
  };
  std::string id;
  const std::int64_t start = read(&id);
  EXPECT_EQ(id.size(), 16u);
  terms::TermStore store(**db);
  terms::Concept c;
  c.slug = "kyiv";
  terms::Term t;
  t.lang = "en";
  t.form = "Kyiv";
  ASSERT_TRUE(store.Add(c, t).ok());
  const std::int64_t added = read(nullptr);
  EXPECT_GT(added, start);
  // TermStore::Edit writes the term again; the rule itself is the
  // trigger's, on the columns.
  ASSERT_TRUE((*db)
                  ->Exec("UPDATE term SET note = 'capital', source = 'AP'",
                         "edit a note")
                  .ok());
  EXPECT_EQ(read(nullptr), added) << "a note is not a name";
  ASSERT_TRUE(
      (*db)->Exec("UPDATE term SET status = status", "leave a status").ok());
  EXPECT_EQ(read(nullptr), added) << "nothing changed";
  terms::TermEdit status;
  status.status = terms::TermStatus::kAdmitted;
  ASSERT_TRUE(store.Edit("kyiv", "en", "Kyiv", status).ok());
  const std::int64_t edited = read(nullptr);
  EXPECT_GT(edited, added);
  ASSERT_TRUE(store.Remove("kyiv").ok());
  std::string same_id;
  EXPECT_GT(read(&same_id), edited);
  EXPECT_EQ(same_id, id);
}

TEST_F(PostgresTest, ReadOnlyDoesNotCreateTheSchema) {
  store::OpenOptions options;
  options.read_only = true;
  auto db = store::Open(pg_->uri(), options);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("has schema version 0 and this onoma "
                                       "needs"),
            std::string::npos)
      << db.status().ToString();
}

TEST(PostgresSchemaTest, MigrationsCarryTheNumbersAndNamesOfSqlites) {
  auto pg = postgres::internal::Migrations();
  auto lite = sqlite::BuiltinMigrations();
  ASSERT_FALSE(pg.empty());
  ASSERT_LE(pg.size(), lite.size());
  for (std::size_t i = 0; i < pg.size(); ++i) {
    EXPECT_EQ(pg[i].name, lite[i].name);
  }
}

TEST(PostgresSqlTest, PlaceholdersBecomeDollarNumbers) {
  int params = 0;
  EXPECT_EQ(
      postgres::internal::TranslateSql(
          "SELECT ?2, '?1', \"a?\" FROM t WHERE x = ?1 AND y = ?", params),
      "SELECT $2, '?1', \"a?\" FROM t WHERE x = $1 AND y = $2");
  EXPECT_EQ(params, 2);
}

TEST(PostgresSqlTest, MessagesHideThePassword) {
  EXPECT_EQ(postgres::DisplayName("postgresql://ana:secret@db.desk/onoma"),
            "postgresql://ana:***@db.desk/onoma");
  EXPECT_EQ(postgres::DisplayName("postgresql:///onoma?password=secret&x=1"),
            "postgresql:///onoma?password=***&x=1");
  EXPECT_EQ(postgres::DisplayName("postgresql://ana@db.desk/onoma"),
            "postgresql://ana@db.desk/onoma");
}

TEST_F(PostgresTest, OneWriterAtATimeAndReadersNeverWait) {
  auto first = store::Open(pg_->uri());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  store::OpenOptions quick;
  quick.busy_timeout = std::chrono::milliseconds(200);
  auto second = store::Open(pg_->uri(), quick);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  auto writing = store::Transaction::Begin(**first);
  ASSERT_TRUE(writing.ok()) << writing.status().ToString();
  terms::TermStore reader(**second);
  EXPECT_TRUE(reader.CountTerms().ok());  // a read does not wait
  auto waiting = store::Transaction::Begin(**second);
  ASSERT_FALSE(waiting.ok());
  EXPECT_EQ(waiting.status().code(), StatusCode::kDatabase);
  EXPECT_NE(waiting.status().message().find("another onoma is writing"),
            std::string::npos)
      << waiting.status().ToString();
  ASSERT_TRUE(writing->Commit().ok());
  auto now = store::Transaction::Begin(**second);
  EXPECT_TRUE(now.ok()) << now.status().ToString();
}

TEST_F(PostgresTest, AFailedStatementInsideAWriteIsReportedNotMasked) {
  auto db = store::Open(pg_->uri());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  terms::TermStore store(**db);
  terms::Concept c;
  c.slug = "kyiv";
  terms::Term t;
  t.lang = "uk";
  t.form = "Київ";
  ASSERT_TRUE(store.Add(c, t).ok());
  t.form = "Київ-місто";
  auto second = store.Add(c, t);  // a second preferred uk form
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find(
                "concept 'kyiv' already has a preferred uk form 'Київ'"),
            std::string::npos)
      << second.status().ToString();
  // The store is as before and takes the next write.
  t.status = terms::TermStatus::kAdmitted;
  EXPECT_TRUE(store.Add(c, t).ok());
  EXPECT_EQ(*store.CountTerms(), 2);
}

}  // namespace
}  // namespace onoma
