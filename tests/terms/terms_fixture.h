// A term store in memory, optionally filled from the sample termbase
// (tests/data/terms/news-sample.tsv) or the bundled one
// (tables/termbase/news.tsv), for the term store tests.

#ifndef ONOMA_TESTS_TERMS_TERMS_FIXTURE_H_
#define ONOMA_TESTS_TERMS_TERMS_FIXTURE_H_

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "memory/formats/term_files.h"
#include "memory/sqlite/sqlite.h"
#include "memory/terms/term_store.h"

namespace onoma::terms {

inline std::string TermData(const std::string& name) {
  return std::string(ONOMA_TEST_DATA_DIR) + "/terms/" + name;
}

class TermStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = sqlite::Database::Open(":memory:");
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_.emplace(std::move(*db));
    store_.emplace(*db_);
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

  std::optional<sqlite::Database> db_;
  std::optional<TermStore> store_;
};

}  // namespace onoma::terms

#endif  // ONOMA_TESTS_TERMS_TERMS_FIXTURE_H_
