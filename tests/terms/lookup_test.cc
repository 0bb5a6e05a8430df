// TermStore::Lookup: every match kind in en, uk, ru and ko.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lib/romanize/registry.h"
#include "tests/terms/terms_fixture.h"

namespace onoma::terms {
namespace {

struct Want {
  const char* query;
  const char* slug;
  MatchKind kind;
};

// Run once with the sample imported row by row, once in bulk mode
// (indexes rebuilt at the end): both must find the same.
class LookupTest : public TermStoreTest,
                   public ::testing::WithParamInterface<int> {
 protected:
  void SetUp() override {
    TermStoreTest::SetUp();
    if (IsSkipped()) return;
    LoadSample(GetParam());
  }

  void Expect(const Want& w) {
    auto hits = store_->Lookup(w.query);
    ASSERT_TRUE(hits.ok()) << hits.status().ToString();
    ASSERT_FALSE(hits->empty()) << w.query << " found nothing";
    EXPECT_EQ(hits->front().entry.slug, w.slug) << w.query;
    EXPECT_EQ(Name(hits->front().match), Name(w.kind)) << w.query;
  }
};

bool HaveKorean() { return romanize::Registry::Default().Find("ko-rr").ok(); }

TEST_P(LookupTest, Exact) {
  for (const Want& w : {Want{"Kyiv", "kyiv", MatchKind::kExact},
                        Want{"Київ", "kyiv", MatchKind::kExact},
                        Want{"Киев", "kyiv", MatchKind::kExact},
                        Want{"키예프", "kyiv", MatchKind::kExact},
                        Want{"Kiev", "kyiv", MatchKind::kExact},
                        Want{"윤석열", "yoon-suk-yeol", MatchKind::kExact}}) {
    Expect(w);
  }
}

TEST_P(LookupTest, Folded) {
  for (const Want& w :
       {Want{"KIEV", "kyiv", MatchKind::kFolded},
        Want{"kyïv", "kyiv", MatchKind::kFolded},
        Want{"  yoon  suk yeol", "yoon-suk-yeol", MatchKind::kFolded},
        Want{"КИЇВ", "kyiv", MatchKind::kFolded},
        Want{"москва", "moscow", MatchKind::kFolded},
        Want{"харьков", "kharkiv", MatchKind::kFolded},
        Want{"볼로디미르  젤렌스키", "zelensky", MatchKind::kFolded}}) {
    Expect(w);
  }
}

TEST_P(LookupTest, Inflected) {
  for (const Want& w :
       {Want{"Києві", "kyiv", MatchKind::kInflected},
        Want{"Києва", "kyiv", MatchKind::kInflected},
        Want{"Харкова", "kharkiv", MatchKind::kInflected},
        Want{"Одесі", "odesa", MatchKind::kInflected},
        Want{"Одесою", "odesa", MatchKind::kInflected},
        Want{"Курської області", "kursk-oblast", MatchKind::kInflected},
        Want{"Зеленського", "zelensky", MatchKind::kInflected},
        Want{"Москвой", "moscow", MatchKind::kInflected},
        Want{"Киеве", "kyiv", MatchKind::kInflected},
        Want{"Kyiv's", "kyiv", MatchKind::kInflected},
        Want{"키예프에서", "kyiv", MatchKind::kInflected},
        Want{"서울에서는", "seoul", MatchKind::kInflected},
        Want{"윤석열이", "yoon-suk-yeol", MatchKind::kInflected},
        Want{"연합뉴스의", "yonhap", MatchKind::kInflected}}) {
    Expect(w);
  }
}

TEST_P(LookupTest, Romanized) {
  for (const Want& w : {Want{"Kyyiv", "kyiv", MatchKind::kRomanized},
                        Want{"Kyev", "kyiv", MatchKind::kRomanized},
                        Want{"Odessa", "odesa", MatchKind::kExact},
                        Want{"Одесса", "odesa", MatchKind::kExact},
                        Want{"Kharkow", "kharkiv", MatchKind::kRomanized},
                        Want{"Dnipr", "dnipro", MatchKind::kRomanized},
                        Want{"Moskva", "moscow", MatchKind::kRomanized},
                        Want{"Кийів", "kyiv", MatchKind::kRomanized},
                        Want{"Кыев", "kyiv", MatchKind::kRomanized}}) {
    Expect(w);
  }
  if (HaveKorean()) {
    Expect({"Seoul", "seoul", MatchKind::kExact});
    Expect({"Soul", "seoul", MatchKind::kRomanized});
    Expect({"키에프", "kyiv", MatchKind::kRomanized});
    Expect({"Yun Seok-yeol", "yoon-suk-yeol", MatchKind::kRomanized});
  }
}

TEST_P(LookupTest, Fuzzy) {
  for (const Want& w : {Want{"Kharkic", "kharkiv", MatchKind::kFuzzy},
                        Want{"Dnipropetrosk", "dnipro", MatchKind::kFuzzy},
                        Want{"Харкис", "kharkiv", MatchKind::kFuzzy},
                        Want{"Zelensly", "zelensky", MatchKind::kFuzzy},
                        Want{"Харьмов", "kharkiv", MatchKind::kFuzzy}}) {
    Expect(w);
  }
  if (HaveKorean()) Expect({"하르피우", "kharkiv", MatchKind::kFuzzy});
}

TEST_P(LookupTest, IssueFiveQueriesFindKyiv) {
  for (const char* q : {"Kiev", "키예프", "Києві", "Kyyiv"}) {
    auto hits = store_->Lookup(q);
    ASSERT_TRUE(hits.ok());
    ASSERT_FALSE(hits->empty()) << q;
    EXPECT_EQ(hits->front().entry.slug, "kyiv") << q;
    EXPECT_GE(hits->front().score, 80) << q;
  }
}

TEST_P(LookupTest, HitCarriesEveryRenderingPreferredFirst) {
  auto hits = store_->Lookup("Kiev");
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  const Concept& c = hits->front().entry;
  EXPECT_EQ(c.type, ConceptType::kPlace);
  ASSERT_GE(c.terms.size(), 6u);
  EXPECT_EQ(c.terms[0].lang, "en");
  EXPECT_EQ(c.terms[0].form, "Kyiv");
  EXPECT_EQ(c.terms[0].status, TermStatus::kPreferred);
  EXPECT_EQ(c.terms[1].form, "Kiev");
  EXPECT_EQ(c.terms[1].status, TermStatus::kDeprecated);
  EXPECT_EQ(c.negative_contexts.size(), 2u);
}

TEST_P(LookupTest, LangFilterKeepsOnlyThatLanguage) {
  LookupOptions options;
  options.lang = "ko";
  auto hits = store_->Lookup("Kiev", options);
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  for (const Term& t : hits->front().entry.terms) EXPECT_EQ(t.lang, "ko");
}

TEST_P(LookupTest, NothingForUnrelatedOrEmptyQueries) {
  for (const char* q : {"Chicken", "", "   ", "Xq", "北京"}) {
    auto hits = store_->Lookup(q);
    ASSERT_TRUE(hits.ok()) << q;
    EXPECT_TRUE(hits->empty()) << q;
  }
  auto bad = store_->Lookup("\xC3");
  EXPECT_EQ(bad.status().code(), StatusCode::kBadInput);
}

// The ranking rule of docs/terms.md ("Ranking"), on the bundled termbase.
class RankingTest : public TermStoreTest {
 protected:
  void SetUp() override {
    TermStoreTest::SetUp();
    if (IsSkipped()) return;
    LoadBundled();
  }

  std::vector<std::string> Slugs(const char* query) {
    std::vector<std::string> slugs;
    auto hits = store_->Lookup(query);
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    if (hits.ok()) {
      for (const LookupHit& hit : *hits) slugs.push_back(hit.entry.slug);
    }
    return slugs;
  }
};

TEST_F(RankingTest, InflectedFormHidesRomanizedNoise) {
  // Києві is inflected Київ; 쿠퍼 (Cooper) only shares its skeleton.
  EXPECT_EQ(Slugs("Києві"), std::vector<std::string>{"kyiv"});
  EXPECT_EQ(Slugs("Києва"), std::vector<std::string>{"kyiv"});
}

TEST_F(RankingTest, ExactNameHidesRomanizedNoise) {
  // Rutte is stored; 로이터 (Reuters) only shares its skeleton.
  EXPECT_EQ(Slugs("Rutte"), std::vector<std::string>{"mark-rutte"});
  EXPECT_EQ(Slugs("Рютте"), std::vector<std::string>{"mark-rutte"});
}

TEST_F(RankingTest, GermanAndPolishSpellingsFindTheirPlace) {
  for (const char* q : {"Kyjiw", "Kijów", "Kyjev"}) {
    std::vector<std::string> slugs = Slugs(q);
    ASSERT_FALSE(slugs.empty()) << q;
    EXPECT_EQ(slugs.front(), "kyiv") << q;
    EXPECT_EQ(std::count(slugs.begin(), slugs.end(), "kazan"), 0) << q;
  }
  std::vector<std::string> slugs = Slugs("Charkiw");
  ASSERT_FALSE(slugs.empty());
  EXPECT_EQ(slugs.front(), "kharkiv");
}

TEST_F(RankingTest, LatinTypoOutranksSkeletonOnlyMatch) {
  // Kyvi is Kyiv with two letters swapped, and has 쿠퍼's skeleton: one
  // slip from a stored form scores above every romanized match.
  auto hits = store_->Lookup("Kyvi");
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->front().entry.slug, "kyiv");
  EXPECT_EQ(hits->front().match, MatchKind::kFuzzy);
  EXPECT_EQ(hits->front().score, 85);
  EXPECT_EQ(hits->front().distance, 1);
  EXPECT_EQ(hits->size(), 1u);
}

// Regression: swapped letters, and two slips in a long name,
// in every script, find the name first.
TEST_F(RankingTest, TyposOfNamesFindThemFirst) {
  const std::pair<const char*, const char*> kTypos[] = {
      {"Khakriv", "kharkiv"},
      {"Dnirpo", "dnipro"},
      {"Luhnask", "luhansk"},
      {"Zapoirzhzia", "zaporizhzhia"},
      {"Харкві", "kharkiv"},
      {"Запоріжжжя", "zaporizhzhia"},
      {"Zaporizhzhai Oblsat", "zaporizhzhia-oblast"},
      {"서욹", "seoul"},
      {"블라디미르 푸친", "vladimir-putin"},
      {"Volodymry Zelenksy", "volodymyr-zelensky"},
  };
  for (const auto& [query, slug] : kTypos) {
    std::vector<std::string> slugs = Slugs(query);
    ASSERT_FALSE(slugs.empty()) << query;
    EXPECT_EQ(slugs.front(), slug) << query;
  }
}

INSTANTIATE_TEST_SUITE_P(RowByRowAndBulk, LookupTest,
                         ::testing::Values(20000, 0));

}  // namespace
}  // namespace onoma::terms
