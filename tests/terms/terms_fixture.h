// A term store, optionally filled from the sample termbase
// (tests/data/terms/news-sample.tsv) or the bundled one
// (tables/termbase/news.tsv), for the term store tests: in memory on
// SQLite, or on a new PostgreSQL database in the onoma_terms_test_pg run
// (tests/support/pg_server.h).

#ifndef ONOMA_TESTS_TERMS_TERMS_FIXTURE_H_
#define ONOMA_TESTS_TERMS_TERMS_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "memory/formats/term_files.h"
#include "memory/sqlite/sqlite.h"
#include "memory/store/connection.h"
#include "memory/store/open.h"
#include "memory/store/sqlite_connection.h"
#include "memory/terms/term_store.h"
#include "tests/support/pg_server.h"

namespace onoma::terms {

inline std::string TermData(const std::string& name) {
  return std::string(ONOMA_TEST_DATA_DIR) + "/terms/" + name;
}

class TermStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::TestOnPostgres()) {
      auto pg = testing::PgTestDatabase::Make();
      if (!pg.ok()) ONOMA_SKIP_WITHOUT_PG(pg.status());
      pg_.emplace(std::move(*pg));
      auto db = store::Open(pg_->uri());
      ASSERT_TRUE(db.ok()) << db.status().ToString();
      db_ = std::move(*db);
    } else {
      auto db = sqlite::Database::Open(":memory:");
      ASSERT_TRUE(db.ok()) << db.status().ToString();
      db_ = std::make_unique<store::SqliteConnection>(std::move(*db));
    }
    store_.emplace(*db_);
  }

  void TearDown() override {
    store_.reset();
    db_.reset();
  }

  // `bulk_after` as TermStore::Import's: 0 tests the bulk path.
  void LoadSample(std::int64_t bulk_after = 20000) {
    auto stats = store_->Import(
        [](TermSink& sink) {
          return formats::ReadTermFile(TermData("news-sample.tsv"), {}, sink);
        },
        bulk_after);
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  }

  // The bundled termbase, tables/termbase/news.tsv.
  void LoadBundled() {
    auto stats = store_->Import([](TermSink& sink) {
      return formats::ReadTermFile(
          std::string(ONOMA_TEST_DATA_DIR) + "/../../tables/termbase/news.tsv",
          {}, sink);
    });
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  }

  std::int64_t Terms() { return *store_->CountTerms(); }

  std::optional<testing::PgTestDatabase> pg_;  // the PostgreSQL run only
  std::unique_ptr<store::Connection> db_;
  std::optional<TermStore> store_;
};

}  // namespace onoma::terms

#endif  // ONOMA_TESTS_TERMS_TERMS_FIXTURE_H_
