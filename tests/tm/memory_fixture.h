// A translation memory in an in-memory database, filled from TMX text or
// pair by pair: the fixture of the lookup and concordance tests. A fixture
// may put it on another engine by overriding OpenServer() (the lookup
// tests' PostgreSQL run); db_ is then null and conn_ the way in.

#ifndef ONOMA_TESTS_TM_MEMORY_FIXTURE_H_
#define ONOMA_TESTS_TM_MEMORY_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "memory/formats/tmx_reader.h"
#include "memory/sqlite/database.h"
#include "memory/store/connection.h"
#include "memory/store/sqlite_connection.h"
#include "memory/tm/translation_memory.h"

namespace onoma::tm::fixture {

// A TMX 1.4 document holding the units of `body`.
inline std::string Doc(const std::string& body) {
  return "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header "
         "srclang=\"en\"/><body>\n" +
         body + "\n</body></tmx>\n";
}

// An en-uk unit.
inline std::string Unit(const std::string& en, const std::string& uk,
                        const std::string& attrs = "") {
  return "<tu" + attrs + "><tuv xml:lang=\"en\"><seg>" + en +
         "</seg></tuv><tuv xml:lang=\"uk\"><seg>" + uk + "</seg></tuv></tu>\n";
}

class MemoryFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_ = OpenServer();
    if (conn_ == nullptr) {
      if (::testing::Test::IsSkipped() || HasFatalFailure()) return;
      auto db = sqlite::Database::Open(":memory:");
      ASSERT_TRUE(db.ok()) << db.status().ToString();
      db_ = std::make_unique<sqlite::Database>(std::move(*db));
      conn_ = std::make_unique<store::SqliteConnection>(*db_);
    }
    memory_ = std::make_unique<TranslationMemory>(*conn_);
  }

  void TearDown() override {
    memory_.reset();
    conn_.reset();
  }

  // A connection to another engine's new database, or null for SQLite in
  // memory.
  virtual std::unique_ptr<store::Connection> OpenServer() { return nullptr; }

  // Imports the units of `body` (TMX markup) in one transaction.
  void Import(const std::string& body,
              OnDuplicate policy = OnDuplicate::kDefault) {
    auto reader = formats::TmxReader::FromBuffer(Doc(body), "t.tmx", {});
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    ImportOptions options;
    options.on_duplicate = policy;
    auto summary = memory_->Import(**reader, options);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  }

  void Add(const std::string& from, const std::string& to,
           const std::string& source, const std::string& target) {
    auto added = memory_->Add(from, to, source, target);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
  }

  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<store::Connection> conn_;
  std::unique_ptr<TranslationMemory> memory_;
};

}  // namespace onoma::tm::fixture

#endif  // ONOMA_TESTS_TM_MEMORY_FIXTURE_H_
