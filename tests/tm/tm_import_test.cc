// The translation memory: import in one transaction, duplicates under each
// policy, export with --langs and several sources, Add and Stats. On SQLite
// in memory, and again on a new PostgreSQL database in the
// onoma_tm_store_test_pg run (tests/support/pg_server.h).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "memory/formats/tmx_reader.h"
#include "memory/sqlite/database.h"
#include "memory/store/connection.h"
#include "memory/store/open.h"
#include "memory/store/sqlite_connection.h"
#include "memory/tm/translation_memory.h"
#include "tests/formats/tmx_canonical.h"
#include "tests/support/pg_server.h"
#include "tests/support/shared_corpora.h"

namespace onoma::tm {
namespace {

namespace fs = std::filesystem;

std::string Doc(const std::string& body,
                const std::string& header = "srclang=\"en\"") {
  return "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header " + header +
         "/><body>\n" + body + "\n</body></tmx>\n";
}

std::string Unit(const std::string& en, const std::string& uk,
                 const std::string& attrs = "") {
  return "<tu" + attrs + "><tuv xml:lang=\"en\"><seg>" + en +
         "</seg></tuv><tuv xml:lang=\"uk\"><seg>" + uk + "</seg></tuv></tu>\n";
}

class TmTest : public ::testing::Test {
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
    memory_ = std::make_unique<TranslationMemory>(*db_);
  }

  void TearDown() override {
    memory_.reset();
    db_.reset();
  }

  // The rows of a query, as they come.
  std::unique_ptr<store::Statement> Query(const std::string& sql) {
    auto query = db_->Prepare(sql, "read");
    EXPECT_TRUE(query.ok()) << query.status().ToString();
    return query.ok() ? std::move(*query) : nullptr;
  }

  Result<ImportSummary> ImportText(const std::string& text,
                                   OnDuplicate policy = OnDuplicate::kDefault,
                                   bool lenient = false) {
    formats::TmxReaderOptions reader_options;
    reader_options.lenient = lenient;
    auto reader = formats::TmxReader::FromBuffer(text, "t.tmx", reader_options);
    if (!reader.ok()) return reader.status();
    ImportOptions options;
    options.name = "t.tmx";
    options.on_duplicate = policy;
    options.lenient = lenient;
    return memory_->Import(**reader, options);
  }

  std::string Export(const ExportOptions& options = {}) {
    std::string out;
    auto writer = formats::TmxWriter::ToString(&out);
    auto summary = memory_->Export(*writer, options);
    EXPECT_TRUE(summary.ok()) << summary.status().ToString();
    EXPECT_TRUE(writer->Finish().ok());
    return out;
  }

  // "lang:text" of every variant, unit by unit.
  std::vector<std::string> Contents() {
    std::vector<std::string> out;
    auto query = Query(
        "SELECT unit_id, lang, text FROM tm_variant ORDER BY unit_id, seq");
    if (query == nullptr) return out;
    std::int64_t unit = -1;
    for (;;) {
      auto row = query->Step();
      if (!row.ok() || !*row) break;
      const std::string variant =
          query->ColumnText(1) + ":" + query->ColumnText(2);
      if (query->ColumnInt64(0) == unit) {
        out.back() += " | " + variant;
      } else {
        out.push_back(variant);
        unit = query->ColumnInt64(0);
      }
    }
    return out;
  }

  std::string Dump() {
    std::string out;
    for (const char* sql :
         {"SELECT * FROM tm_source ORDER BY id",
          "SELECT * FROM tm_unit ORDER BY id",
          "SELECT * FROM tm_variant ORDER BY id",
          "SELECT * FROM tm_meta ORDER BY unit_id, variant_seq, seq"}) {
      auto query = Query(sql);
      if (query == nullptr) break;
      for (;;) {
        auto row = query->Step();
        if (!row.ok() || !*row) break;
        for (int c = 0; c < query->ColumnCount(); ++c) {
          out += query->ColumnText(c) + "|";
        }
        out += "\n";
      }
    }
    return out;
  }

  // SQLite only.
  std::int64_t Pragma(const char* name) {
    auto query = Query(std::string("PRAGMA ") + name);
    auto row = query->Step();
    return query->ColumnInt64(0);
  }

  std::optional<testing::PgTestDatabase> pg_;  // the PostgreSQL run only
  std::unique_ptr<store::Connection> db_;
  std::unique_ptr<TranslationMemory> memory_;
};

TEST_F(TmTest, ImportsUnitsAndCounts) {
  auto summary = ImportText(Doc(Unit("Kyiv", "Київ") + Unit("Lviv", "Львів")));
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->units_read, 2u);
  EXPECT_EQ(summary->added, 2u);
  EXPECT_EQ(Contents(), (std::vector<std::string>{"en:Kyiv | uk:Київ",
                                                  "en:Lviv | uk:Львів"}));
  // The connection is as it was: foreign keys on, the usual page cache.
  if (db_->engine() == store::Engine::kSqlite) {
    EXPECT_EQ(Pragma("foreign_keys"), 1);
    EXPECT_EQ(Pragma("cache_size"), -2000);
  }
}

TEST_F(TmTest, AMalformedFileLeavesTheDatabaseAsItWas) {
  ASSERT_TRUE(ImportText(Doc(Unit("Kyiv", "Київ"))).ok());
  const std::string before = Dump();
  std::string body;
  for (int i = 0; i < 3000; ++i) {
    body += Unit("Unit " + std::to_string(i), "Одиниця");
  }
  // The fault comes after thousands of good units have been stored.
  for (const std::string& bad :
       {std::string("<tu><tuv xml:lang=\"en\"><seg>x</seg></tuv>"),  // XML
        std::string("<tu></tu>"),                                    // TMX
        std::string("<tu changedate=\"2024\"><tuv xml:lang=\"en\"><seg>x"
                    "</seg></tuv></tu>")}) {
    auto summary = ImportText(Doc(body + bad));
    ASSERT_FALSE(summary.ok());
    EXPECT_EQ(summary.status().code(), StatusCode::kBadInput);
    EXPECT_EQ(summary.status().location()->path, "t.tmx");
    EXPECT_GT(summary.status().location()->line, 3000u);
    EXPECT_EQ(Dump(), before) << summary.status().ToString();
  }
}

TEST_F(TmTest, LenientImportSkipsBadUnits) {
  auto summary = ImportText(Doc(Unit("a", "а") + "<tu></tu>" + Unit("b", "б")),
                            OnDuplicate::kDefault, true);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->units_read, 3u);
  EXPECT_EQ(summary->added, 2u);
  EXPECT_EQ(summary->skipped_invalid, 1u);
  EXPECT_EQ(summary->warnings, 1u);
}

TEST_F(TmTest, DuplicatesByDefaultKeepBothOnlyWhenTargetsDiffer) {
  ASSERT_TRUE(ImportText(Doc(Unit("Kyiv", "Київ"))).ok());
  auto summary = ImportText(
      Doc(Unit("Kyiv", "Київ", " changedate=\"20250101T000000Z\"") +  // same
          Unit("Kyiv", "Кийів") +                                     // differs
          "<tu><tuv xml:lang=\"EN\"><seg>Kyiv</seg></tuv><tuv xml:lang=\"UK\">"
          "<seg>Київ</seg></tuv></tu>" +          // tags ignore case
          Unit("Kyiv", "Київ", " tuid=\"k\"")));  // tuid differs
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->skipped_duplicates, 2u);
  EXPECT_EQ(summary->added, 2u);
  EXPECT_EQ(Contents(),
            (std::vector<std::string>{"en:Kyiv | uk:Київ", "en:Kyiv | uk:Кийів",
                                      "en:Kyiv | uk:Київ"}));
}

TEST_F(TmTest, DuplicatesUnderKeepReplaceAndNewest) {
  const std::string old_unit =
      Unit("Kyiv", "Київ", " changedate=\"20200101T000000Z\"");
  const std::string new_unit =
      Unit("Kyiv", "Кийів", " changedate=\"20240101T000000Z\"");
  {
    ASSERT_TRUE(ImportText(Doc(old_unit)).ok());
    auto s = ImportText(Doc(new_unit), OnDuplicate::kKeep);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->skipped_duplicates, 1u);
    EXPECT_EQ(Contents(), std::vector<std::string>{"en:Kyiv | uk:Київ"});
  }
  {
    auto s = ImportText(Doc(new_unit + "<tu><prop type=\"p\">v</prop>"
                                       "<tuv xml:lang=\"en\"><seg>x</seg>"
                                       "</tuv></tu>"),
                        OnDuplicate::kReplace);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->replaced, 1u);
    EXPECT_EQ(Contents(),
              (std::vector<std::string>{"en:Kyiv | uk:Кийів", "en:x"}));
  }
  {
    // Older: the memory's stays; newer: it replaces.
    auto s = ImportText(Doc(old_unit), OnDuplicate::kNewest);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->skipped_duplicates, 1u);
    auto t = ImportText(
        Doc(Unit("Kyiv", "Київ!", " changedate=\"20250101T000000Z\"")),
        OnDuplicate::kNewest);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->replaced, 1u);
    EXPECT_EQ(Contents(),
              (std::vector<std::string>{"en:x", "en:Kyiv | uk:Київ!"}));
  }
  // Replacing removed the old unit's rows, notes and props too.
  auto orphans = Query(
      "SELECT (SELECT count(*) FROM tm_variant WHERE unit_id NOT IN (SELECT "
      "id FROM tm_unit)) + (SELECT count(*) FROM tm_meta WHERE unit_id NOT "
      "IN (SELECT id FROM tm_unit))");
  ASSERT_TRUE(orphans->Step().ok());
  EXPECT_EQ(orphans->ColumnInt64(0), 0);
}

TEST_F(TmTest, TheSourceVariantFollowsSrclang) {
  ASSERT_TRUE(
      ImportText(
          Doc("<tu srclang=\"uk\"><tuv xml:lang=\"en\"><seg>a</seg></tuv>"
              "<tuv xml:lang=\"uk\"><seg>б</seg></tuv></tu>"
              "<tu><tuv xml:lang=\"fr\"><seg>c</seg></tuv>"
              "<tuv xml:lang=\"en-GB\"><seg>d</seg></tuv></tu>"
              "<tu srclang=\"*all*\"><tuv xml:lang=\"de\"><seg>e</seg></tuv>"
              "<tuv xml:lang=\"en\"><seg>f</seg></tuv></tu>"))
          .ok());
  auto query = Query("SELECT source_lang, source_seq FROM tm_unit ORDER BY id");
  std::vector<std::string> got;
  while (*query->Step()) {
    got.push_back(query->ColumnText(0) + "/" + query->ColumnText(1));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"uk/2", "en-GB/2", "de/1"}));
}

TEST_F(TmTest, ExportsOnlyTheLanguagesAskedFor) {
  ASSERT_TRUE(
      ImportText(Doc("<tu><tuv xml:lang=\"en-US\"><seg>a</seg></tuv><tuv "
                     "xml:lang=\"uk\">"
                     "<note>n</note><seg>б</seg></tuv><tuv "
                     "xml:lang=\"ko\"><seg>다</seg>"
                     "</tuv></tu>" +
                     Unit("only en", "тільки uk") +
                     "<tu><tuv xml:lang=\"en\"><seg>no uk</seg></tuv><tuv "
                     "xml:lang=\"ko\">"
                     "<seg>없음</seg></tuv></tu>"))
          .ok());
  ExportOptions options;
  options.langs = {"en", "uk"};
  const std::string out = Export(options);
  EXPECT_NE(out.find("<tuv xml:lang=\"en-US\">"), std::string::npos);
  EXPECT_NE(out.find("<note>n</note>"), std::string::npos);
  EXPECT_EQ(out.find("xml:lang=\"ko\""), std::string::npos) << out;
  EXPECT_EQ(out.find("no uk"), std::string::npos) << out;
  EXPECT_NE(out.find("only en"), std::string::npos);
}

TEST_F(TmTest, ExportsSeveralSourcesUnderOneHeader) {
  ASSERT_TRUE(ImportText(Doc(Unit("a", "а"),
                             "srclang=\"en\" datatype=\"html\" "
                             "segtype=\"phrase\""))
                  .ok());
  ASSERT_TRUE(
      ImportText(
          Doc("<tu><tuv xml:lang=\"uk\"><seg>б</seg></tuv><tuv xml:lang=\"en\">"
              "<seg>b</seg></tuv></tu>",
              "srclang=\"uk\" datatype=\"plaintext\""))
          .ok());
  const std::string out = Export();
  // No common source language: *all*, and each unit says its own.
  EXPECT_NE(out.find("srclang=\"*all*\""), std::string::npos) << out;
  EXPECT_NE(out.find("<tu datatype=\"html\" segtype=\"phrase\" "
                     "srclang=\"en\">"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<tu datatype=\"plaintext\" srclang=\"uk\">"),
            std::string::npos)
      << out;
}

TEST_F(TmTest, AddStoresOnePairAndRefusesNonsense) {
  auto added = memory_->Add("en", "uk", "Kyiv", "Київ");
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(*added, AddOutcome::kAdded);
  EXPECT_EQ(*memory_->Add("en", "uk", "Kyiv", "Київ"), AddOutcome::kDuplicate);
  EXPECT_EQ(*memory_->Add("en", "uk", "Kyiv", "Київ", OnDuplicate::kReplace),
            AddOutcome::kReplaced);
  EXPECT_EQ(memory_->Add("en_US", "uk", "a", "б").status().code(),
            StatusCode::kBadArgument);
  EXPECT_EQ(memory_->Add("en", "uk", "", "б").status().code(),
            StatusCode::kBadArgument);
  EXPECT_EQ(memory_->Add("en", "uk", "a\x01", "б").status().code(),
            StatusCode::kBadArgument);
  EXPECT_EQ(memory_->Add("en", "uk", "a\xff", "б").status().code(),
            StatusCode::kBadInput);
  EXPECT_EQ(Contents(), std::vector<std::string>{"en:Kyiv | uk:Київ"});
  const std::string out = Export();
  EXPECT_NE(out.find("creationtool=\"onoma\""), std::string::npos);
  EXPECT_NE(out.find("<seg>Київ</seg>"), std::string::npos);
}

TEST_F(TmTest, StatsCountUnitsLanguagesPairsAndSources) {
  ASSERT_TRUE(
      ImportText(
          Doc(Unit("a", "а") + Unit("b", "б") +
              "<tu><tuv xml:lang=\"EN\"><seg>c</seg></tuv><tuv xml:lang=\"ko\">"
              "<seg>다</seg></tuv></tu>"))
          .ok());
  ASSERT_TRUE(memory_->Add("en", "uk", "Kyiv", "Київ").ok());
  auto stats = memory_->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->units, 4u);
  EXPECT_EQ(stats->variants, 8u);
  ASSERT_EQ(stats->languages.size(), 3u);
  EXPECT_EQ(stats->languages[0].count, 4u);  // en and EN are one language
  ASSERT_EQ(stats->pairs.size(), 2u);
  EXPECT_EQ(stats->pairs[0].what, "en → uk");
  EXPECT_EQ(stats->pairs[0].count, 3u);
  ASSERT_EQ(stats->sources.size(), 2u);
  EXPECT_EQ(stats->sources[0].name, "t.tmx");
  EXPECT_EQ(stats->sources[0].units, 3u);
  EXPECT_EQ(stats->sources[1].kind, "add");
}

TEST_F(TmTest, ImportsKoreanAndUkrainianWireCopy) {
  const fs::path path = testing::TestDataDir() / "tm" / "wire-en-uk-ko.tmx";
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  auto summary = ImportText(text);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->added, 4u);
  auto query = Query(
      "SELECT u.tuid, u.source_lang, v.text, CASE WHEN v.skeleton IS NOT NULL "
      "THEN 1 ELSE 0 END FROM tm_unit u JOIN tm_variant v ON v.id = u.id * "
      "65536 + u.source_seq ORDER BY u.id");
  std::vector<std::string> got;
  while (*query->Step()) {
    got.push_back(query->ColumnText(0) + " " + query->ColumnText(1) + " " +
                  query->ColumnText(3) + " " + query->ColumnText(2));
  }
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[1], "ap-002 ko 1 윤석열 대통령은 서울에서 기자회견을 열었다.");
  EXPECT_EQ(got[2], "ap-003 en 1 Kharkiv at night  𝐀");
  auto stats = memory_->Stats();
  ASSERT_TRUE(stats.ok());
  bool ko_uk = false;
  for (const auto& pair : stats->pairs) ko_uk |= pair.what == "ko → uk";
  EXPECT_TRUE(ko_uk);
}

}  // namespace
}  // namespace onoma::tm
