// Concordance: substrings inside words in Korean, Ukrainian and English,
// case, short queries, the lazily updated index across imports, deletions
// and reused unit ids, hostile queries, and a unit of the shared corpus.
// On SQLite in memory, and on a new PostgreSQL database (its pg_trgm index)
// in the onoma_tm_store_test_pg run.

#include "memory/tm/concordance.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "lib/util/limits.h"
#include "memory/formats/tmx_reader.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/sqlite/transaction.h"
#include "memory/tm/translation_memory.h"
#include "tests/support/pg_server.h"
#include "tests/support/shared_corpora.h"
#include "tests/tm/memory_fixture.h"
#include "tests/tm/pg_memory.h"

namespace onoma::tm {
namespace {

using fixture::Unit;

class ConcordanceTest : public fixture::MemoryFixture {
 protected:
  std::unique_ptr<store::Connection> OpenServer() override {
    return fixture::OpenPostgresInPgRun(pg_);
  }

  std::vector<ConcordanceHit> Find(const std::string& text,
                                   const std::string& lang = "",
                                   std::size_t limit = 20) {
    ConcordanceOptions options;
    options.text = text;
    options.lang = lang;
    options.limit = limit;
    auto hits = Concordance(*conn_, options);
    EXPECT_TRUE(hits.ok()) << text << ": " << hits.status().ToString();
    return hits.ok() ? *hits : std::vector<ConcordanceHit>{};
  }

  // The hit texts, newest first.
  std::vector<std::string> Texts(const std::string& text,
                                 const std::string& lang = "") {
    std::vector<std::string> out;
    for (const ConcordanceHit& h : Find(text, lang)) out.push_back(h.hit.text);
    return out;
  }

  // FTS5 checks an external-content index against tm_variant (the
  // server keeps PostgreSQL's).
  void ExpectIndexIntact() {
    if (db_ == nullptr) return;
    EXPECT_TRUE(db_->Exec("INSERT INTO tm_concordance (tm_concordance) "
                          "VALUES ('integrity-check')")
                    .ok());
  }

  std::optional<testing::PgTestDatabase> pg_;  // the PostgreSQL run only
};

// FTS5's index is built lazily, in batches; PostgreSQL's is kept by the
// server as rows are written, and has no such steps to test.
#define ONOMA_SQLITE_INDEX_ONLY()                                      \
  do {                                                                 \
    if (db_ == nullptr) GTEST_SKIP() << "SQLite's lazily built index"; \
  } while (false)

using Ranges = std::vector<ByteRange>;

TEST(FindOccurrencesTest, FoldsCaseAndGivesByteRanges) {
  EXPECT_EQ(FindOccurrences("Київ і КИЇВ", "київ"), (Ranges{{0, 8}, {12, 20}}));
  EXPECT_EQ(FindOccurrences("KYIV, kyiv", "Kyiv"), (Ranges{{0, 4}, {6, 10}}));
  EXPECT_EQ(FindOccurrences("키이우에서", "이우에"), (Ranges{{3, 12}}));
  EXPECT_EQ(FindOccurrences("aaaa", "aa"), (Ranges{{0, 2}, {2, 4}}));
  EXPECT_TRUE(FindOccurrences("Kyiv", "").empty());
  EXPECT_TRUE(FindOccurrences("Kyiv", "Kyiv!").empty());
}

TEST_F(ConcordanceTest, FindsKoreanInsideWords) {
  Add("ko", "en", "키이우에서 열린 회담", "Talks held in Kyiv");
  Add("ko", "en", "서울시는 밝혔다", "Seoul city said");
  auto hits = Find("이우에");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].hit.lang, "ko");
  EXPECT_TRUE(hits[0].hit.is_source);
  EXPECT_EQ(hits[0].ranges, (Ranges{{3, 12}}));
  ASSERT_EQ(hits[0].others.size(), 1u);
  EXPECT_EQ(hits[0].others[0].text, "Talks held in Kyiv");
  EXPECT_EQ(Texts("열린 회담"),
            (std::vector<std::string>{"키이우에서 열린 회담"}));
}

TEST_F(ConcordanceTest, FindsOneAndTwoCharacterQueries) {
  Add("ko", "en", "서울시는 밝혔다", "Seoul city said");
  Add("ko", "en", "부산에서", "In Busan");
  Add("ko", "en", "서울", "Seoul");
  EXPECT_EQ(Texts("서울"),
            (std::vector<std::string>{"서울", "서울시는 밝혔다"}));
  EXPECT_EQ(Texts("산"), (std::vector<std::string>{"부산에서"}));
  EXPECT_EQ(Texts("Se", "en"),
            (std::vector<std::string>{"Seoul", "Seoul city said"}));
  EXPECT_TRUE(Texts("대구").empty());
  // Every case of every letter: "иЇ" finds "Київ" and "КИЇВ".
  Import(Unit("Kyiv said", "Київ заявив") + Unit("KYIV", "КИЇВ"));
  EXPECT_EQ(Texts("иЇ"), (std::vector<std::string>{"КИЇВ", "Київ заявив"}));
  EXPECT_EQ(Texts("Ї"), Texts("иЇ"));
  EXPECT_EQ(Texts("yI", "en"), (std::vector<std::string>{"KYIV", "Kyiv said"}));
  EXPECT_EQ(Texts("1"), std::vector<std::string>{});
  EXPECT_EQ(Texts("울"), (std::vector<std::string>{"서울", "서울시는 밝혔다"}));
}

TEST_F(ConcordanceTest, FindsUkrainianInsideWordsWhateverTheCase) {
  Import(Unit("Talks in Kyiv", "Переговори у Києві") +
         Unit("Kyiv said", "Київ заявив") + Unit("KYIV", "КИЇВ"));
  EXPECT_EQ(Texts("иєв"), (std::vector<std::string>{"Переговори у Києві"}));
  EXPECT_EQ(Texts("київ"), (std::vector<std::string>{"КИЇВ", "Київ заявив"}));
  EXPECT_EQ(Texts("КИЇВ"), Texts("київ"));
  auto hits = Find("київ");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[1].hit.lang, "uk");
  EXPECT_FALSE(hits[1].hit.is_source);
  EXPECT_EQ(hits[1].ranges, (Ranges{{0, 8}}));
  ASSERT_EQ(hits[1].others.size(), 1u);
  EXPECT_EQ(hits[1].others[0].lang, "en");
  EXPECT_EQ(hits[1].others[0].text, "Kyiv said");
}

TEST_F(ConcordanceTest, NormalizesTheQueryToNfc) {
  Import(Unit("Jordan", "Йорданія"));
  EXPECT_EQ(Texts("\u0418\u0306орд"), (std::vector<std::string>{"Йорданія"}));
}

TEST_F(ConcordanceTest, FindsEnglishAndPrefersTheSourceSide) {
  Import(Unit("NATO summit held in Vilnius", "Саміт NATO у Вільнюсі"));
  auto hits = Find("nato");
  ASSERT_EQ(hits.size(), 1u);  // one hit per unit, though both sides match
  EXPECT_EQ(hits[0].hit.lang, "en");
  EXPECT_EQ(hits[0].ranges, (Ranges{{0, 4}}));
  EXPECT_EQ(Find("nato", "uk")[0].hit.lang, "uk");
  EXPECT_EQ(Texts("HELD IN"),
            (std::vector<std::string>{"NATO summit held in Vilnius"}));
}

TEST_F(ConcordanceTest, LanguageRangeTakesRegionalTags) {
  Import(
      "<tu><tuv xml:lang=\"en-US\"><seg>Kyiv said</seg></tuv>"
      "<tuv xml:lang=\"uk\"><seg>Kyiv заявив</seg></tuv>"
      "<tuv xml:lang=\"ko\"><seg>키이우가 밝혔다</seg></tuv></tu>");
  auto hits = Find("Kyiv", "uk");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].hit.lang, "uk");
  // The source first, then the rest in order.
  ASSERT_EQ(hits[0].others.size(), 2u);
  EXPECT_EQ(hits[0].others[0].lang, "en-US");
  EXPECT_EQ(hits[0].others[1].lang, "ko");
  EXPECT_EQ(Find("Kyiv", "en")[0].hit.lang, "en-US");
  EXPECT_TRUE(Find("Kyiv", "ko").empty());
}

TEST_F(ConcordanceTest, NewestFirstUpToTheLimit) {
  for (int i = 1; i <= 5; ++i) {
    Add("en", "uk", "report " + std::to_string(i), "звіт");
  }
  auto hits = Find("report", "", 3);
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].hit.text, "report 5");
  EXPECT_EQ(hits[2].hit.text, "report 3");
  EXPECT_EQ(Find("rep", "", 3).size(), 3u);
  EXPECT_EQ(Find("re", "", 2).size(), 2u);
}

// A variant's id is its unit's times 65536 plus its number: past unit
// 32767 that is over 2^31, which PostgreSQL must reckon in 64 bits (a
// parameter it takes for a 32-bit integer gave "integer out of range" for
// every hit of a memory of 100,000 units). The server's units start there;
// SQLite's integers have 64 bits whatever the id.
TEST_F(ConcordanceTest, FindsUnitsPastThirtyTwoThousand) {
  if (db_ == nullptr) {
    ASSERT_TRUE(
        conn_->Exec("ALTER TABLE tm_unit ALTER COLUMN id RESTART WITH 40000")
            .ok());
  }
  Import(Unit("Kyiv said", "Київ заявив"));
  Add("en", "uk", "Kyiv replied", "Київ відповів");
  auto hits = Find("Kyiv", "en");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].hit.text, "Kyiv replied");
  EXPECT_EQ(hits[0].others.at(0).text, "Київ відповів");
  EXPECT_EQ(hits[1].hit.text, "Kyiv said");
  if (db_ == nullptr) {
    EXPECT_EQ(hits[1].unit_id, 40000);
  }
  EXPECT_EQ(Texts("ві").size(), 1u);
}

TEST_F(ConcordanceTest, AnImportAfterAConcordanceIsFoundByTheNext) {
  Import(Unit("Kyiv said", "Київ заявив"));
  EXPECT_EQ(Texts("Kyiv", "en").size(), 1u);
  Import(Unit("Kyiv replied", "Київ відповів"));
  EXPECT_EQ(Texts("Kyiv", "en"),
            (std::vector<std::string>{"Kyiv replied", "Kyiv said"}));
  Add("en", "uk", "Kyiv again", "Знову Київ");
  EXPECT_EQ(Texts("Kyiv", "en").size(), 3u);
  ExpectIndexIntact();
}

TEST_F(ConcordanceTest, UpdatesTheIndexOnceWithProgress) {
  ONOMA_SQLITE_INDEX_ONLY();
  Import(Unit("one", "один") + Unit("two", "два"));
  int calls = 0;
  auto first =
      UpdateConcordanceIndex(*db_, [&](const ConcordanceIndexProgress& p) {
        ++calls;
        EXPECT_EQ(p.done, p.total);
      });
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(*first, 2u);
  EXPECT_EQ(calls, 1);
  auto again = UpdateConcordanceIndex(*db_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0u);
}

// Regression: a concordance that found its index stale waited for the
// write lock, and failed when another onoma held it past the busy timeout
// (its own first concordance building the index, an import). It now
// scans the units the index lacks.
TEST_F(ConcordanceTest, AnswersWithoutWaitingWhenTheIndexCannotBeUpdated) {
  ONOMA_SQLITE_INDEX_ONLY();
  const std::string path = ::testing::TempDir() + "onoma_concordance_" +
                           std::to_string(getpid()) + ".db";
  std::remove(path.c_str());
  memory_.reset();
  conn_.reset();
  auto file = sqlite::Database::Open(path);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  db_ = std::make_unique<sqlite::Database>(std::move(*file));
  conn_ = std::make_unique<store::SqliteConnection>(*db_);
  memory_ = std::make_unique<TranslationMemory>(*conn_);
  Import(Unit("Kyiv said", "Київ сказав") + Unit("Lviv said", "Львів сказав"));
  ASSERT_TRUE(UpdateConcordanceIndex(*db_).ok());
  Import(Unit("Odesa said", "Одеса сказала") + Unit("Kyiv replied", "Київ"));

  sqlite::OpenOptions patient;
  patient.busy_timeout = std::chrono::hours(1);  // a wait would hang
  auto other = sqlite::Database::Open(path, patient);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  auto holder = sqlite::Transaction::Begin(*other);
  ASSERT_TRUE(holder.ok()) << holder.status().ToString();
  // "said" newest first (one unit above the watermark, two below), then
  // "Kyiv" (one each side).
  const std::vector<std::string> want = {"Odesa said", "Lviv said", "Kyiv said",
                                         "Kyiv replied", "Kyiv said"};
  int stale = 0;
  ConcordanceOptions options;
  options.text = "said";
  options.on_index_stale = [&stale] { ++stale; };
  auto read = [&] {
    std::vector<std::string> out;
    options.text = "said";
    auto hits = Concordance(*conn_, options);
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    if (hits.ok()) {
      for (const ConcordanceHit& h : *hits) out.push_back(h.hit.text);
    }
    options.text = "Kyiv";
    hits = Concordance(*conn_, options);
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    if (hits.ok()) {
      for (const ConcordanceHit& h : *hits) out.push_back(h.hit.text);
    }
    return out;
  };
  EXPECT_EQ(read(), want);
  EXPECT_EQ(stale, 2);
  ASSERT_TRUE(holder->Commit().ok());
  EXPECT_EQ(read(), want);
  EXPECT_EQ(stale, 2);  // brought up to date this time
  ExpectIndexIntact();
  memory_.reset();
  conn_.reset();
  db_.reset();
  std::remove(path.c_str());
}

TEST_F(ConcordanceTest, ReplacedUnitsDoNotComeBack) {
  Import(Unit("Kyiv said", "Київ сказав", " tuid=\"a\"") +
         Unit("Odesa said", "Одеса сказала", " tuid=\"b\""));
  EXPECT_EQ(Texts("сказав"), (std::vector<std::string>{"Київ сказав"}));
  // Replacing the newest unit, already indexed: SQLite hands its id to the
  // replacement, which the index must take, not skip.
  Import(Unit("Odesa said", "Одеса заявила", " tuid=\"b2\""),
         OnDuplicate::kReplace);
  EXPECT_EQ(Texts("заяви"), (std::vector<std::string>{"Одеса заявила"}));
  // Then one in the middle.
  Import(Unit("Kyiv said", "Київ заявив", " tuid=\"a2\""),
         OnDuplicate::kReplace);
  EXPECT_TRUE(Texts("сказав").empty());
  EXPECT_TRUE(Texts("сказала").empty());
  EXPECT_TRUE(Texts("ск").empty());
  auto hits = Find("заяви");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].tuid, "a2");
  EXPECT_EQ(hits[1].tuid, "b2");
  ExpectIndexIntact();

  // The newest unit replaced before any concordance sees it, its id
  // reused: the index must take the new one, not skip it.
  Import(Unit("Lviv said", "Львів сказав"));
  ExpectIndexIntact();
  Import(Unit("Lviv said", "Львів повідомив"), OnDuplicate::kReplace);
  EXPECT_EQ(Texts("Львів"), (std::vector<std::string>{"Львів повідомив"}));
  ExpectIndexIntact();
}

TEST_F(ConcordanceTest, HostileQueriesAreSearchedLiterally) {
  Import(Unit("He said \"NEAR(x\" and * OR ^a: {b} -c", "Він сказав") +
         Unit("'; DROP TABLE tm_unit; --", "SQL"));
  for (const char* query :
       {"\"",        "\"\"",   "NEAR(",
        "NEAR(a b)", "*",      "a*",
        "OR",        "AND",    "NOT x",
        "^",         "-c",     "{b}",
        "text:abc",  "(",      ")",
        "'",         "\\",     "%",
        "_",         "%_%",    "tm_concordance",
        "\"NEAR(",   "* OR ^", "'; DROP TABLE tm_unit; --"}) {
    ConcordanceOptions options;
    options.text = query;
    auto hits = Concordance(*conn_, options);
    ASSERT_TRUE(hits.ok()) << query << ": " << hits.status().ToString();
  }
  EXPECT_EQ(Find("\"NEAR(").size(), 1u);
  EXPECT_EQ(Find("* OR ^").size(), 1u);
  EXPECT_EQ(Find("{b} -c").size(), 1u);
  EXPECT_EQ(Find("'; DROP TABLE tm_unit; --").size(), 1u);
  EXPECT_TRUE(Find("%_%").empty());
  EXPECT_TRUE(Find("NEAR(a b)").empty());
  EXPECT_EQ(Find("DROP").size(), 1u);  // the table is still there
}

TEST_F(ConcordanceTest, RejectsBadQueries) {
  ConcordanceOptions options;
  options.text = "Ky\xffiv";
  auto bad = Concordance(*conn_, options);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kBadInput);
  options.text = "";
  EXPECT_EQ(Concordance(*conn_, options).status().code(),
            StatusCode::kBadArgument);
  options.text = "Kyiv";
  options.lang = "en US";
  EXPECT_EQ(Concordance(*conn_, options).status().code(),
            StatusCode::kBadArgument);
  options.lang = "";
  options.text = std::string("Ky\0iv", 5);
  auto nul = Concordance(*conn_, options);
  ASSERT_TRUE(nul.ok());
  EXPECT_TRUE(nul->empty());
}

// A query of 10 kB: the one unit that holds it is found, with the range of
// each occurrence, among units that hold both its ends but not all of it
// (the index is asked for the ends, the matcher checks the whole). FTS5
// once took over a minute on such a query, and a naive search is
// quadratic on text this repetitive; the CLI test runs it under a timeout.
TEST_F(ConcordanceTest, LongRepetitiveQueryFindsExactlyWhatHoldsIt) {
  std::string query, twice, short_of_it;
  for (int i = 0; i < 2000; ++i) query += "said ";
  for (int i = 0; i < 4001; ++i) twice += "SAID ";
  for (int i = 0; i < 1999; ++i) short_of_it += "said ";
  Import(Unit("He " + query + "twice.", "Він сказав") +
         Unit(short_of_it + "sai " + short_of_it, "ні") + Unit(twice, "двічі"));
  std::vector<ConcordanceHit> hits = Find(query);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].hit.text, twice);
  EXPECT_EQ(hits[0].ranges, (Ranges{{0, 10000}, {10000, 20000}}));
  EXPECT_EQ(hits[1].hit.text, "He " + query + "twice.");
  EXPECT_EQ(hits[1].ranges, (Ranges{{3, 10003}}));
  // Whole, in another case; and one letter before it that nothing holds.
  EXPECT_EQ(Find("he " + query + "TWICE").size(), 1u);
  EXPECT_TRUE(Find("x" + query).empty());
}

TEST_F(ConcordanceTest, RefusesAQueryOverTheLimit) {
  ConcordanceOptions options;
  options.text = std::string(limits::kMaxTmQueryBytes + 1, 'a');
  auto over = Concordance(*conn_, options);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().code(), StatusCode::kBadInput);
  EXPECT_NE(over.status().message().find(
                std::to_string(limits::kMaxTmQueryBytes) + " bytes"),
            std::string::npos)
      << over.status().ToString();
  options.text.pop_back();
  EXPECT_TRUE(Concordance(*conn_, options).ok());
}

// A unit of a real multilingual memory (UN resolutions: EN source, AR, ES,
// FR, RU, ZH).
TEST_F(ConcordanceTest, FindsInTheSharedCorpus) {
  ONOMA_REQUIRE_SHARED_DIR();
  const auto path = testing::SharedDir() / "corpora" / "tmx" /
                    "keeleinstituut__tv-translation-memory__un_short.tmx";
  ImportOptions options;
  auto summary = memory_->Import(path, options);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  auto hits = Find("ЕЗОПАСН", "ru");
  ASSERT_FALSE(hits.empty());
  const ConcordanceHit& hit = hits.back();
  EXPECT_EQ(hit.hit.lang, "RU");
  EXPECT_NE(hit.hit.text.find("Безопасности"), std::string::npos);
  ASSERT_EQ(hit.ranges.size(), 1u);
  EXPECT_EQ(hit.hit.text.substr(hit.ranges[0].begin,
                                hit.ranges[0].end - hit.ranges[0].begin),
            "езопасн");
  ASSERT_EQ(hit.others.size(), 5u);
  EXPECT_EQ(hit.others[0].lang, "EN");
  EXPECT_TRUE(hit.others[0].is_source);
  EXPECT_FALSE(Find("安全理事会", "zh").empty());
  ExpectIndexIntact();
}

}  // namespace
}  // namespace onoma::tm
