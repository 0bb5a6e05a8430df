// Fuzzy lookup: the index finds exactly what scoring every unit finds, on
// thousands of random queries; substitution of numbers and names into the
// target, Ukrainian case and Korean particle included; the index kept up
// to date and never returning deleted units; hostile queries.

#include "memory/tm/lookup.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "lib/normalize/matcher.h"
#include "lib/normalize/names.h"
#include "lib/util/limits.h"
#include "memory/formats/tmx_reader.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/migrations.h"
#include "memory/store/sqlite_connection.h"
#include "memory/tm/tm_index.h"
#include "memory/tm/translation_memory.h"
#include "tests/support/pg_server.h"
#include "tests/tm/memory_fixture.h"
#include "tests/tm/pg_memory.h"

namespace onoma::tm {
namespace {

using normalize::FormKind;
using normalize::FormStatus;

normalize::Input Concepts() {
  normalize::Input input;
  auto place = [&](const char* slug, std::vector<normalize::FormInput> t) {
    normalize::ConceptInput& c = input.concepts.emplace_back();
    c.slug = slug;
    c.is_place = true;
    c.terms = std::move(t);
  };
  const auto P = FormStatus::kPreferred;
  const auto D = FormStatus::kDeprecated;
  const auto F = FormKind::kFullForm;
  const auto V = FormKind::kVariant;
  place("kyiv", {{"en", "Kyiv", P, F, ""},
                 {"en", "Kiev", D, V, ""},
                 {"uk", "Київ", P, F, ""},
                 {"ko", "키이우", P, F, ""},
                 {"ko", "키예프", D, V, ""}});
  place("kharkiv", {{"en", "Kharkiv", P, F, ""},
                    {"en", "Kharkov", D, V, ""},
                    {"uk", "Харків", P, F, ""},
                    {"ko", "하르키우", P, F, ""}});
  place("odesa", {{"en", "Odesa", P, F, ""},
                  {"en", "Odessa", D, V, ""},
                  {"uk", "Одеса", P, F, ""},
                  {"ko", "오데사", P, F, ""}});
  place("seoul", {{"en", "Seoul", P, F, ""},
                  {"uk", "Сеул", P, F, ""},
                  {"ko", "서울", P, F, ""}});
  normalize::ConceptInput& yoon = input.concepts.emplace_back();
  yoon.slug = "yoon-suk-yeol";
  yoon.terms = {{"en", "Yoon Suk Yeol", P, F, ""},
                {"en", "Yun Suk-yeol", D, V, ""},
                {"uk", "Юн Сук Йоль", P, F, "none"},
                {"ko", "윤석열", P, F, ""}};
  normalize::ConceptInput& lee = input.concepts.emplace_back();
  lee.slug = "lee-jae-myung";
  lee.terms = {{"en", "Lee Jae-myung", P, F, ""},
               {"uk", "Лі Дже Мьон", P, F, "none"},
               {"ko", "이재명", P, F, ""}};
  return input;
}

// On SQLite in memory, and on a new PostgreSQL database in the
// onoma_tm_lookup_test_pg run (tests/support/pg_server.h).
class LookupTest : public fixture::MemoryFixture {
 protected:
  std::unique_ptr<store::Connection> OpenServer() override {
    return fixture::OpenPostgresInPgRun(pg_);
  }

  void SetUp() override {
    MemoryFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto matcher = normalize::Matcher::Compile(Concepts());
    ASSERT_TRUE(matcher.ok()) << matcher.status().ToString();
    matcher_ = std::make_unique<normalize::Matcher>(std::move(*matcher));
    auto names = normalize::NameFinder::Create(*matcher_);
    ASSERT_TRUE(names.ok()) << names.status().ToString();
    names_ = std::make_unique<normalize::NameFinder>(std::move(*names));
  }

  Lookup Open(const std::string& from, const std::string& to, int min,
              bool names = true, int max = 5) {
    LookupOptions options;
    options.from = from;
    options.to = to;
    options.min_score = min;
    options.max_matches = max;
    options.names = names ? names_.get() : nullptr;
    auto lookup = Lookup::Open(*conn_, options);
    EXPECT_TRUE(lookup.ok()) << lookup.status().ToString();
    return std::move(*lookup);
  }

  // The one match `lookup` finds for `query`, into `out`.
  static void FindOne(Lookup& lookup, const std::string& query, Match& out) {
    auto matches = lookup.Find(query);
    ASSERT_TRUE(matches.ok()) << query << ": " << matches.status().ToString();
    ASSERT_EQ(matches->size(), 1u) << query;
    out = (*matches)[0];
  }

  std::optional<testing::PgTestDatabase> pg_;  // the PostgreSQL run only
  std::unique_ptr<normalize::Matcher> matcher_;
  std::unique_ptr<normalize::NameFinder> names_;
};

TEST_F(LookupTest, NumberIsCopiedIntoTheTarget) {
  Add("en", "uk", "Shelling killed 5 people on Monday.",
      "Обстріл убив 5 людей у понеділок.");
  Lookup lookup = Open("en", "uk", 70);
  Match m;
  ASSERT_NO_FATAL_FAILURE(
      FindOne(lookup, "Shelling killed 12 people on Monday.", m));
  EXPECT_EQ(m.score, 99);
  EXPECT_EQ(m.target, "Обстріл убив 5 людей у понеділок.");
  EXPECT_EQ(m.proposed, "Обстріл убив 12 людей у понеділок.");
  ASSERT_EQ(m.substitutions.size(), 1u);
  EXPECT_EQ(m.substitutions[0].kind, Substitution::Kind::kNumber);
  EXPECT_EQ(m.substitutions[0].from, "5");
  EXPECT_EQ(m.substitutions[0].to, "12");
  EXPECT_EQ(m.proposed.substr(m.substitutions[0].in_proposed.begin,
                              m.substitutions[0].in_proposed.end -
                                  m.substitutions[0].in_proposed.begin),
            "12");
  EXPECT_EQ(m.source.substr(m.substitutions[0].in_source.begin, 1), "5");
}

TEST_F(LookupTest, NumberTakesTheTargetsSeparators) {
  Add("en", "uk", "The bridge cost 3,500.5 million",
      "Міст коштував 3 500,5 млн");
  Lookup lookup = Open("en", "uk", 70);
  Match m;
  ASSERT_NO_FATAL_FAILURE(
      FindOne(lookup, "The bridge cost 1,200.25 million", m));
  EXPECT_EQ(m.proposed, "Міст коштував 1 200,25 млн");
}

// A number is written as the target language writes it (ICU's locale
// data), not as the query wrote it: Ukrainian has a decimal comma and
// groups with U+00A0, Korean writes English's style.
TEST_F(LookupTest, NumberIsWrittenInTheTargetLanguagesStyle) {
  Add("en", "uk", "Shelling killed 5 people in the city",
      "Обстріл убив 5 людей у місті");
  Add("en", "ko", "Shelling killed 5 people in the city",
      "포격으로 도시에서 5 명이 숨졌다");
  Match m;
  Lookup uk = Open("en", "uk", 70);
  ASSERT_NO_FATAL_FAILURE(
      FindOne(uk, "Shelling killed 1,200 people in the city", m));
  EXPECT_EQ(m.proposed, "Обстріл убив 1\u00A0200 людей у місті");
  ASSERT_NO_FATAL_FAILURE(
      FindOne(uk, "Shelling killed 1.5 people in the city", m));
  EXPECT_EQ(m.proposed, "Обстріл убив 1,5 людей у місті");
  ASSERT_NO_FATAL_FAILURE(
      FindOne(uk, "Shelling killed 12000 people in the city", m));
  EXPECT_EQ(m.proposed, "Обстріл убив 12\u00A0000 людей у місті");
  Lookup ko = Open("en", "ko", 70);
  ASSERT_NO_FATAL_FAILURE(
      FindOne(ko, "Shelling killed 1,200 people in the city", m));
  EXPECT_EQ(m.proposed, "포격으로 도시에서 1,200 명이 숨졌다");
}

// Years and numbers with a leading zero are not quantities: as written.
TEST_F(LookupTest, YearAndLeadingZeroStayAsWritten) {
  Add("en", "uk", "The plan for 2023 covers unit 005",
      "План на 2023 рік охоплює блок 005");
  Lookup uk = Open("en", "uk", 70);
  Match m;
  ASSERT_NO_FATAL_FAILURE(FindOne(uk, "The plan for 2024 covers unit 005", m));
  EXPECT_EQ(m.proposed, "План на 2024 рік охоплює блок 005");
  ASSERT_NO_FATAL_FAILURE(FindOne(uk, "The plan for 2023 covers unit 0107", m));
  EXPECT_EQ(m.proposed, "План на 2023 рік охоплює блок 0107");
}

TEST_F(LookupTest, NumberMissingFromTheTargetIsNotSubstituted) {
  Add("en", "uk", "Shelling killed 5 people", "Обстріл убив п'ятьох людей");
  Lookup lookup = Open("en", "uk", 50);
  Match m;
  ASSERT_NO_FATAL_FAILURE(FindOne(lookup, "Shelling killed 6 people", m));
  EXPECT_EQ(m.score, 75);  // a plain replacement: d = 1 of 4
  EXPECT_TRUE(m.substitutions.empty());
  EXPECT_EQ(m.proposed, m.target);
}

TEST_F(LookupTest, NameIsReplacedAndDeclinedInUkrainian) {
  Add("en", "uk", "Shelling in Kharkiv on Monday killed 5 people.",
      "Обстріл у Харкові в понеділок убив 5 людей.");
  Lookup lookup = Open("en", "uk", 70);
  Match m;
  ASSERT_NO_FATAL_FAILURE(
      FindOne(lookup, "Shelling in Kyiv on Monday killed 5 people.", m));
  EXPECT_EQ(m.score, 99);
  EXPECT_EQ(m.proposed, "Обстріл у Києві в понеділок убив 5 людей.");
  ASSERT_EQ(m.substitutions.size(), 1u);
  EXPECT_EQ(m.substitutions[0].kind, Substitution::Kind::kName);
  EXPECT_EQ(m.substitutions[0].from, "Харкові");
  EXPECT_EQ(m.substitutions[0].to, "Києві");
  // Without the term store the names are words: d = 1 of 9 tokens.
  Lookup plain = Open("en", "uk", 70, /*names=*/false);
  auto words = plain.Find("Shelling in Kyiv on Monday killed 5 people.");
  ASSERT_TRUE(words.ok());
  ASSERT_EQ(words->size(), 1u);
  EXPECT_EQ((*words)[0].score, 88);
  EXPECT_EQ((*words)[0].proposed, (*words)[0].target);
}

TEST_F(LookupTest, UkrainianQueryInTheLocativeFindsAndReplacesTheName) {
  Add("uk", "en", "Обстріл у Харкові в понеділок",
      "Shelling in Kharkiv on Monday");
  Lookup lookup = Open("uk", "en", 70);
  Match m;
  ASSERT_NO_FATAL_FAILURE(FindOne(lookup, "Обстріл у Києві в понеділок", m));
  EXPECT_EQ(m.score, 99);
  EXPECT_EQ(m.proposed, "Shelling in Kyiv on Monday");
}

TEST_F(LookupTest, NameAndNumberTogetherInKoreanWithTheParticleAdjusted) {
  Add("en", "ko", "Yoon Suk Yeol met 3 officials in Seoul.",
      "윤석열은 서울에서 관리 3명을 만났다.");
  Lookup lookup = Open("en", "ko", 70);
  Match m;
  ASSERT_NO_FATAL_FAILURE(
      FindOne(lookup, "Lee Jae-myung met 4 officials in Kyiv.", m));
  // Two names and a number exchanged, the rest exact.
  EXPECT_EQ(m.edits, 0);
  EXPECT_EQ(m.score, 97);
  // 이재명 ends in a consonant: 은 stays; 키이우 ends in a vowel: 에서 stays.
  // The number is found at the start of a Korean word (3명을).
  EXPECT_EQ(m.proposed, "이재명은 키이우에서 관리 4명을 만났다.");
  EXPECT_EQ(m.substitutions.size(), 3u);
}

TEST_F(LookupTest, KoreanParticleFollowsTheNewName) {
  Add("en", "ko", "Seoul is quiet", "서울은 조용하다");
  Lookup lookup = Open("en", "ko", 70);
  Match m;
  ASSERT_NO_FATAL_FAILURE(FindOne(lookup, "Kyiv is quiet", m));
  EXPECT_EQ(m.proposed, "키이우는 조용하다");
  EXPECT_EQ(m.score, 99);
}

TEST_F(LookupTest, AnotherSpellingOfTheSameNameLeavesTheTarget) {
  Add("en", "uk", "Shelling in Kyiv on Monday", "Обстріл у Києві в понеділок");
  Lookup lookup = Open("en", "uk", 70);
  Match m;
  ASSERT_NO_FATAL_FAILURE(FindOne(lookup, "Shelling in Kiev on Monday", m));
  EXPECT_EQ(m.score, 99);
  EXPECT_EQ(m.proposed, "Обстріл у Києві в понеділок");
  EXPECT_TRUE(m.substitutions.empty());
}

TEST_F(LookupTest, InlineCodesAndCaseLowerTheScore) {
  Import(
      "<tu><tuv xml:lang=\"en\"><seg>Talks <bpt i=\"1\">&lt;b&gt;</bpt>"
      "resume<ept i=\"1\">&lt;/b&gt;</ept> today</seg></tuv>"
      "<tuv xml:lang=\"uk\"><seg>Переговори відновляться сьогодні</seg>"
      "</tuv></tu>\n");
  Lookup lookup = Open("en", "uk", 70);
  Match m;
  ASSERT_NO_FATAL_FAILURE(FindOne(lookup, "talks resume today", m));
  EXPECT_EQ(m.source, "Talks resume today");
  EXPECT_EQ(m.tag_penalty, 2);
  EXPECT_EQ(m.case_penalty, 1);
  EXPECT_EQ(m.score, 97);
}

TEST_F(LookupTest, BothDirectionsOfAMemory) {
  Add("en", "uk", "Talks resume today", "Переговори відновляться сьогодні");
  Lookup back = Open("uk", "en", 70);
  Match m;
  ASSERT_NO_FATAL_FAILURE(FindOne(back, "Переговори відновляться сьогодні", m));
  EXPECT_EQ(m.score, 100);
  EXPECT_EQ(m.target, "Talks resume today");
}

TEST_F(LookupTest, BestFirstAndAtMostMax) {
  Add("en", "uk", "Talks resume today in Geneva", "a");
  Add("en", "uk", "Talks resume today", "b");
  Add("en", "uk", "Talks will resume today", "c");
  Lookup lookup = Open("en", "uk", 50, true, 2);
  auto matches = lookup.Find("Talks resume today");
  ASSERT_TRUE(matches.ok());
  ASSERT_EQ(matches->size(), 2u);
  EXPECT_EQ((*matches)[0].target, "b");
  EXPECT_EQ((*matches)[0].score, 100);
  EXPECT_EQ((*matches)[1].score, 75);
}

TEST_F(LookupTest, UnitsAddedAfterTheIndexAreFound) {
  Add("en", "uk", "Talks resume today", "a");
  {
    Lookup lookup = Open("en", "uk", 70);
    ASSERT_TRUE(lookup.Find("Talks resume today").ok());
  }
  Add("en", "uk", "Markets fell sharply today", "b");
  Lookup lookup = Open("en", "uk", 70);
  Match m;
  ASSERT_NO_FATAL_FAILURE(FindOne(lookup, "Markets fell sharply today", m));
  EXPECT_EQ(m.target, "b");
}

// A segment over kMaxSegmentTokens is never offered as a match, so the
// index holds nothing of it: no forward row, no postings (its tokens are
// counted only that far, whatever its length). One of exactly
// kMaxSegmentTokens is indexed and found as before.
TEST_F(LookupTest, SegmentsOverTheTokenLimitAreLeftOutOfTheIndex) {
  std::string at_limit, over_limit;  // 4 tokens a sentence
  for (std::size_t i = 0; i < kMaxSegmentTokens / 4; ++i) {
    at_limit += "Talks resume today. ";
  }
  over_limit = at_limit + "Talks resume.";
  Add("en", "uk", at_limit, "at");                  // unit 1
  Add("en", "uk", over_limit, "over");              // unit 2
  Add("en", "uk", "Talks resume today.", "short");  // unit 3
  Lookup lookup = Open("en", "uk", 1);
  auto rows = [&](const char* sql) {
    auto q = conn_->Prepare(sql, "count the index's rows");
    EXPECT_TRUE(q.ok());
    auto row = (*q)->Step();
    EXPECT_TRUE(row.ok() && *row);
    return (*q)->ColumnInt64(0);
  };
  // Every variant but the long English one.
  EXPECT_EQ(rows("SELECT count(*) FROM tm_tokens"), 5);
  EXPECT_EQ(rows("SELECT count(*) FROM tm_tokens WHERE lang = 'en' AND id "
                 "BETWEEN 2 * 65536 AND 2 * 65536 + 65535"),
            0);
  EXPECT_EQ(rows("SELECT count(*) FROM tm_tokens WHERE lang = 'en' AND id "
                 "BETWEEN 1 * 65536 AND 1 * 65536 + 65535"),
            1);
  std::string query;  // kMaxQueryTokens tokens: the longest query
  for (std::size_t i = 0; i < kMaxQueryTokens / 4; ++i) {
    query += "Talks resume today. ";
  }
  auto matches = lookup.Find(query);
  ASSERT_TRUE(matches.ok()) << matches.status().ToString();
  std::vector<std::string> targets;
  for (const Match& m : *matches) targets.push_back(m.target);
  EXPECT_EQ(targets, std::vector<std::string>{"at"});
}

TEST_F(LookupTest, ReplacedUnitsDoNotComeBack) {
  Import(
      "<tu tuid=\"1\"><tuv xml:lang=\"en\"><seg>Talks resume today</seg></tuv>"
      "<tuv xml:lang=\"uk\"><seg>old</seg></tuv></tu>\n");
  {
    Lookup lookup = Open("en", "uk", 70);
    auto first = lookup.Find("Talks resume today");
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first->size(), 1u);
  }
  Import(
      "<tu tuid=\"1\"><tuv xml:lang=\"en\"><seg>Talks resume today</seg></tuv>"
      "<tuv xml:lang=\"uk\"><seg>new</seg></tuv></tu>\n",
      OnDuplicate::kReplace);
  Lookup lookup = Open("en", "uk", 70);
  Match m;
  ASSERT_NO_FATAL_FAILURE(FindOne(lookup, "Talks resume today", m));
  EXPECT_EQ(m.target, "new");
}

TEST_F(LookupTest, AReplacedNewestUnitsReusedIdIsIndexedAgain) {
  const std::string unit =
      "<tu tuid=\"1\"><tuv xml:lang=\"en\"><seg>Talks resume today</seg>"
      "</tuv><tuv xml:lang=\"uk\"><seg>";
  Import(unit + "Переговори відновляться сьогодні</seg></tuv></tu>\n");
  Import(
      "<tu><tuv xml:lang=\"en\"><seg>Markets fell sharply</seg></tuv>"
      "<tuv xml:lang=\"uk\"><seg>Ринки різко впали</seg></tuv></tu>\n");
  {
    Lookup lookup = Open("uk", "en", 70);
    ASSERT_TRUE(lookup.Find("Ринки різко впали").ok());
  }
  // The newest unit replaced: SQLite hands its id to the new one.
  Import(
      "<tu><tuv xml:lang=\"en\"><seg>Markets fell sharply</seg></tuv>"
      "<tuv xml:lang=\"uk\"><seg>Біржові індекси обвалилися вщент</seg>"
      "</tuv></tu>\n",
      OnDuplicate::kReplace);
  Lookup lookup = Open("uk", "en", 70);
  Match m;
  ASSERT_NO_FATAL_FAILURE(
      FindOne(lookup, "Біржові індекси обвалилися вщент", m));
  EXPECT_EQ(m.target, "Markets fell sharply");
  auto old = lookup.Find("Ринки різко впали");
  ASSERT_TRUE(old.ok());
  EXPECT_TRUE(old->empty());
}

// A batch (Lookup::StartBatch, as onoma pretranslate runs) answers as
// lookups one at a time do, over an index with the bitmaps and token
// chunks of memory/schema/0007_tm_index_batches.sql, with and without a
// unit replaced under a reused id (a stale posting and chunk entry).
TEST_F(LookupTest, ABatchAnswersAsSingleLookups) {
  const char* words[] = {"talks", "resume", "today", "in",   "the", "city",
                         "after", "a",      "long",  "week", "of",  "rain"};
  std::mt19937 rng(11);
  auto sentence = [&] {
    std::string s;
    const int n = 6 + static_cast<int>(rng() % 8);
    for (int i = 0; i < n; ++i) {
      if (i > 0) s += ' ';
      s += words[rng() % std::size(words)];
    }
    return s;
  };
  std::vector<std::string> sources;
  for (int u = 0; u < 200; ++u) {
    sources.push_back(sentence());
    Add("en", "uk", sources.back(), std::to_string(u));
  }
  // Fresh sentences, and stored ones with a few words changed.
  std::vector<std::string> queries;
  for (int q = 0; q < 40; ++q) {
    if (q % 4 == 0) {
      queries.push_back(sentence());
      continue;
    }
    std::string changed = sources[rng() % sources.size()];
    for (int k = q % 4; k > 0; --k) {
      const std::size_t at = changed.find(' ', rng() % changed.size());
      if (at != std::string::npos) changed.insert(at, " rain");
    }
    queries.push_back(changed);
  }
  auto rows = [&](const char* sql) {
    auto q = conn_->Prepare(sql, "count the index's rows");
    EXPECT_TRUE(q.ok());
    auto row = (*q)->Step();
    EXPECT_TRUE(row.ok() && *row);
    return (*q)->ColumnInt64(0);
  };
  // (unit, score) of every match, for each query at 75 and then 50.
  auto answers = [&](bool batched) {
    Lookup lookup = Open("en", "uk", 75, /*names=*/false, /*max=*/1000);
    std::optional<Lookup::Batch> batch;
    if (batched) batch.emplace(lookup.StartBatch());
    std::vector<std::vector<std::pair<std::int64_t, int>>> all;
    for (int min : {75, 50}) {
      for (const std::string& q : queries) {
        auto found = lookup.Find(q, min, 1000);
        EXPECT_TRUE(found.ok()) << found.status().ToString();
        if (!found.ok()) continue;
        auto& got = all.emplace_back();
        for (const Match& m : *found) got.emplace_back(m.unit_id, m.score);
      }
    }
    return all;
  };
  auto single = answers(false);
  std::size_t found = 0;
  for (const auto& a : single) found += a.size();
  EXPECT_GT(found, queries.size());  // the comparison is worth something
  EXPECT_GT(rows("SELECT count(*) FROM tm_tokens_chunk"), 0);
  EXPECT_GT(rows("SELECT count(*) FROM tm_posting WHERE bits IS NOT NULL"), 0);
  EXPECT_EQ(answers(true), single);

  // The newest unit deleted and another added: on SQLite it takes the
  // same id, with other words, and the old unit's postings and chunk entry
  // stay behind.
  ASSERT_TRUE(conn_
                  ->Exec("DELETE FROM tm_unit WHERE id = (SELECT max(id) "
                         "FROM tm_unit)",
                         "delete the newest unit")
                  .ok());
  Add("en", "uk", queries[1] + " long rain", "replaced");
  single = answers(false);
  EXPECT_EQ(answers(true), single);
}

// A database whose index was built before the bitmaps and token chunks
// (schema version 6: tm_posting without `bits`, no tm_tokens_chunk) is
// migrated with its index emptied, and the next lookup builds it again.
TEST(LookupMigrationTest, AnIndexBuiltBeforeTheBitmapsIsBuiltAgain) {
  if (testing::TestOnPostgres()) GTEST_SKIP() << "a SQLite file's history";
  const std::string path = ::testing::TempDir() + "onoma_lookup_migration_" +
                           std::to_string(getpid()) + ".db";
  std::remove(path.c_str());
  {
    sqlite::OpenOptions options;
    options.migrate = false;
    auto db = sqlite::Database::Open(path, options);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE(
        sqlite::Migrate(*db, sqlite::BuiltinMigrations().first(6)).ok());
    store::SqliteConnection conn(*db);
    TranslationMemory memory(conn);
    ASSERT_TRUE(memory
                    .Add("en", "uk", "Talks resume in the city today",
                         "Переговори у місті відновляться сьогодні")
                    .ok());
    // An index as version 6 wrote it, of one key.
    ASSERT_TRUE(db->Exec("INSERT INTO tm_token (id, lang, key) VALUES "
                         "(1, 'en', 'talks');"
                         "INSERT INTO tm_posting (key, count, data) VALUES "
                         "(1, 1, x'0150');"
                         "INSERT INTO tm_tokens (id, lang, tokens) VALUES "
                         "(65536, 'en', x'01');"
                         "UPDATE tm_index_state SET indexed_upto = 1")
                    .ok());
  }
  auto db = sqlite::Database::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto count = [&](const char* sql) {
    auto q = db->Prepare(sql, "count rows");
    EXPECT_TRUE(q.ok());
    auto row = q->Step();
    EXPECT_TRUE(row.ok() && *row);
    return q->ColumnInt64(0);
  };
  EXPECT_EQ(count("SELECT count(*) FROM tm_posting"), 0);
  EXPECT_EQ(count("SELECT indexed_upto FROM tm_index_state"), 0);
  LookupOptions options;
  options.from = "en";
  options.to = "uk";
  auto lookup = Lookup::Open(*db, options);
  ASSERT_TRUE(lookup.ok()) << lookup.status().ToString();
  EXPECT_EQ(count("SELECT indexed_upto FROM tm_index_state"), 1);
  EXPECT_GT(count("SELECT count(*) FROM tm_tokens_chunk"), 0);
  const Lookup::Batch batch = lookup->StartBatch();
  for (const char* query :
       {"Talks resume in the city today", "Talks resume in a city today"}) {
    auto found = lookup->Find(query);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    ASSERT_EQ(found->size(), 1u) << query;
    EXPECT_EQ((*found)[0].target, "Переговори у місті відновляться сьогодні");
  }
  std::remove(path.c_str());
}

TEST_F(LookupTest, HostileQueries) {
  Add("en", "uk", "'; DROP TABLE tm_unit; -- said", "x");
  Lookup lookup = Open("en", "uk", 70);
  auto sql = lookup.Find("'; DROP TABLE tm_unit; -- said");
  ASSERT_TRUE(sql.ok());
  ASSERT_EQ(sql->size(), 1u);
  EXPECT_EQ((*sql)[0].score, 100);
  auto bad = lookup.Find("Ky\xFFiv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kBadInput);
  auto empty = lookup.Find("   ");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kBadArgument);
  std::string huge;
  for (int i = 0; i < 3000; ++i) huge += "word ";
  auto long_query = lookup.Find(huge);
  ASSERT_FALSE(long_query.ok());
  EXPECT_EQ(long_query.status().code(), StatusCode::kBadArgument);
  // Over limits::kMaxTmQueryBytes: refused before it is read, naming the
  // limit, whatever its token count.
  auto over = lookup.Find(std::string(limits::kMaxTmQueryBytes + 1, 'a'));
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().code(), StatusCode::kBadInput);
  EXPECT_NE(over.status().message().find(
                std::to_string(limits::kMaxTmQueryBytes) + " bytes"),
            std::string::npos)
      << over.status().ToString();
}

TEST_F(LookupTest, RandomTextInAnyScriptIsAnsweredOrRefusedClearly) {
  Add("en", "uk", "Shelling in Kharkiv on Monday killed 5 people.",
      "Обстріл у Харкові в понеділок убив 5 людей.");
  Add("en", "uk", "KYIV, 5 May", "КИЇВ, 5 травня");
  Add("en", "uk", "Seoul 서울에서, 3명 — Київ", "x");
  const char* pieces[] = {"Kyiv",    "Kharkiv",
                          "5",       "3,500.5",
                          " ",       "  ",
                          ",",       ".",
                          "—",       "Київ",
                          "Харкові", "서울에서",
                          "3명",     "\u1109\u1165",
                          "\u00A0",  "\uE101",
                          "\u0301",  "'",
                          "\"",      "😀",
                          "Seoul",   "said",
                          "\t",      "-",
                          "\xFF",    "\xC3",
                          "%",       "NEAR(",
                          "*"};
  std::mt19937 rng(5);
  Lookup with_names = Open("en", "uk", 50);
  Lookup without = Open("en", "uk", 0, /*names=*/false, 100);
  for (int round = 0; round < 400; ++round) {
    std::string query;
    const int n = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) query += pieces[rng() % std::size(pieces)];
    for (Lookup* lookup : {&with_names, &without}) {
      auto fast = lookup->Find(query);
      auto slow = lookup->BruteForce(query);
      ASSERT_EQ(fast.ok(), slow.ok()) << query;
      if (!fast.ok()) {
        EXPECT_TRUE(fast.status().code() == StatusCode::kBadInput ||
                    fast.status().code() == StatusCode::kBadArgument)
            << fast.status().ToString();
        continue;
      }
      ASSERT_EQ(fast->size(), slow->size()) << query;
      for (std::size_t i = 0; i < fast->size(); ++i) {
        EXPECT_EQ((*fast)[i].unit_id, (*slow)[i].unit_id) << query;
        EXPECT_EQ((*fast)[i].score, (*slow)[i].score) << query;
      }
    }
  }
}

TEST_F(LookupTest, BadOptionsAreRefused) {
  LookupOptions options;
  options.from = "en";
  options.to = "en-GB";
  EXPECT_FALSE(Lookup::Open(*conn_, options).ok());
  options.to = "not a tag";
  EXPECT_FALSE(Lookup::Open(*conn_, options).ok());
  options.to = "uk";
  options.min_score = 101;
  EXPECT_FALSE(Lookup::Open(*conn_, options).ok());
}

}  // namespace
}  // namespace onoma::tm
