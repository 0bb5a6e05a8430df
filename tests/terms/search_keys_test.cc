// The search keys behind every match kind (memory/terms/search_keys.h).

#include "memory/terms/search_keys.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "lib/romanize/registry.h"
#include "lib/text/text.h"

namespace onoma::terms {
namespace {

bool HaveKorean() { return romanize::Registry::Default().Find("ko-rr").ok(); }

TEST(FoldKeyTest, FoldsCaseDiacriticsAndApostrophes) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"KYIV", "kyiv"},
      {"Kyïv", "kyiv"},
      {"Kyiv\u2019s", "kyiv's"},
      {"  Yoon   Suk Yeol ", "yoon suk yeol"},
      {"КИЇВ", "київ"},  // ї is a letter of its own: kept
      {"Й", "й"},
      {"И\u0306", "й"},  // NFC first
      {"서울", "서울"},
  };
  for (const Case& c : cases) EXPECT_EQ(FoldKey(c.in), c.want) << c.in;
}

TEST(StemKeyTest, UkrainianCaseFormsMeetTheirLemma) {
  struct Case {
    const char* form;
    const char* lemma;
  } cases[] = {
      {"києві", "київ"},
      {"києва", "київ"},
      {"києвом", "київ"},
      {"харкова", "харків"},
      {"харкові", "харків"},
      {"одесі", "одеса"},
      {"одесою", "одеса"},
      {"одеси", "одеса"},
      {"курської області", "курська область"},
      {"зеленського", "зеленський"},
      {"дніпрі", "дніпро"},
      {"ірпеня", "ірпінь"},
      {"львова", "львів"},
      {"києве", "киев"},  // ru locative
      {"курской области", "курская область"},
      {"москвой", "москва"},
      {"kyiv's", "kyiv"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(StemKey(c.form), StemKey(c.lemma)) << c.form;
  }
  EXPECT_NE(StemKey("харків"), StemKey("херсон"));
}

TEST(ParticleCandidatesTest, StripsKoreanParticles) {
  struct Case {
    const char* in;
    const char* lemma;
  } cases[] = {
      {"키예프에서", "키예프"},   {"서울에", "서울"},
      {"서울은", "서울"},         {"부산는", "부산"},
      {"윤석열이", "윤석열"},     {"서울가", "서울"},
      {"서울을", "서울"},         {"부산를", "부산"},
      {"서울과", "서울"},         {"부산와", "부산"},
      {"서울으로", "서울"},       {"부산로", "부산"},
      {"서울의", "서울"},         {"서울도", "서울"},
      {"서울만", "서울"},         {"서울까지", "서울"},
      {"서울부터", "서울"},       {"윤석열에게", "윤석열"},
      {"키이우에서는", "키이우"}, {"윤석열 대통령이", "윤석열 대통령"},
  };
  for (const Case& c : cases) {
    auto got = ParticleCandidates(c.in);
    EXPECT_NE(std::find(got.begin(), got.end(), c.lemma), got.end()) << c.in;
  }
  EXPECT_TRUE(ParticleCandidates("Kyiv").empty());
  EXPECT_TRUE(ParticleCandidates("의").empty());  // a particle alone
}

TEST(SkeletonTest, RenderingsOfOneNameMeet) {
  const char* kyiv[] = {"Kiev", "Kyiv", "Kyyiv", "Kyïv", "Kiyev", "Kyev"};
  for (const char* s : kyiv) EXPECT_EQ(Skeleton(s, false), "kap") << s;
  EXPECT_EQ(Skeleton("kiyepeu", true), "kap");  // 키예프
  EXPECT_EQ(Skeleton("kiiu", true), "kap");     // 키이우
  EXPECT_EQ(Skeleton("Kharkiv", false), Skeleton("Khar'kov", false));
  EXPECT_EQ(Skeleton("Kharkiv", false), Skeleton("hareukiu", true));
  EXPECT_EQ(Skeleton("Odesa", false), Skeleton("Odessa", false));
  EXPECT_EQ(Skeleton("Donetsk", false), Skeleton("donecheukeu", true));
  EXPECT_EQ(Skeleton("Yoon Suk-yeol", false), Skeleton("Yun Seok-yeol", false));
  EXPECT_EQ(Skeleton("Busan", false), Skeleton("Pusan", false));
  EXPECT_NE(Skeleton("Kyiv", false), Skeleton("Kherson", false));
}

TEST(LatinKeyTest, ScriptsMeetInLatin) {
  EXPECT_EQ(LatinKey("Київ", "uk"), "kap");
  EXPECT_EQ(LatinKey("Киев", "ru"), "kap");
  EXPECT_EQ(LatinKey("Kiev", "en"), "kap");
  EXPECT_EQ(LatinKey("Харків", "uk"), LatinKey("Харьков", "ru"));
  EXPECT_EQ(LatinKey("北京", "zh"), "");
  auto keys = QueryLatinKeys("Киев");
  EXPECT_NE(std::find(keys.begin(), keys.end(), "kap"), keys.end());
  if (HaveKorean()) {
    EXPECT_EQ(LatinKey("키예프", "ko"), "kap");
    EXPECT_EQ(LatinKey("키이우", "ko"), "kap");
    EXPECT_EQ(LatinKey("하르키우", "ko"), LatinKey("Kharkiv", "en"));
  } else {
    EXPECT_EQ(LatinKey("키예프", "ko"), "");  // degrades: no Latin key
  }
}

TEST(QueryLatinKeysTest, CentralEuropeanSpellingsMeetEnglishOnes) {
  EXPECT_EQ(CentralEuropeanReading("Kyjiw"), "kyyiw");
  EXPECT_EQ(CentralEuropeanReading("Charków"), "kharkow");
  EXPECT_EQ(CentralEuropeanReading("Tschernihiw"), "tschernihiw");
  EXPECT_EQ(CentralEuropeanReading("Zełenski"), "zelenski");
  EXPECT_EQ(CentralEuropeanReading("Czernihów Żytomierz"),
            "zhernihow zytomiezh");
  auto has = [](std::string_view query, const std::string& key) {
    std::vector<std::string> keys = QueryLatinKeys(query);
    return std::find(keys.begin(), keys.end(), key) != keys.end();
  };
  std::string kyiv = LatinKey("Kyiv", "en");
  EXPECT_TRUE(has("Kyjiw", kyiv));
  EXPECT_TRUE(has("Kijów", kyiv));
  EXPECT_TRUE(has("Charkiw", LatinKey("Kharkiv", "en")));
  EXPECT_TRUE(has("Zełenski", LatinKey("Zelensky", "en")));
  // The English reading stays: Jeju's j is not a glide.
  EXPECT_TRUE(has("Jeju", LatinKey("Jeju", "en")));
  EXPECT_EQ(QueryLatinKeys("Jeju").size(), 1u);  // "yeyu" is too short
}

TEST(FuzzyTest, DeletionNeighbourhoodAndDistance) {
  EXPECT_EQ(FuzzyThreshold(3), 0);
  EXPECT_EQ(FuzzyThreshold(4), 1);
  EXPECT_EQ(FuzzyThreshold(8), 2);
  auto n = DeletionNeighbourhood("kark");
  EXPECT_NE(std::find(n.begin(), n.end(), "kark"), n.end());
  EXPECT_NE(std::find(n.begin(), n.end(), "ark"), n.end());
  EXPECT_NE(std::find(n.begin(), n.end(), "kar"), n.end());
  EXPECT_TRUE(DeletionNeighbourhood("ka").empty());
  EXPECT_EQ(EditDistance("karkap", "karkap", 2), 0);
  EXPECT_EQ(EditDistance("karkap", "kartap", 2), 1);
  EXPECT_EQ(EditDistance("karkap", "sapa", 1), 2);  // limit + 1
  // A swap of two neighbours is one edit: Kharkvi, Zelenksy.
  EXPECT_EQ(EditDistance("karkpa", "karkap", 2), 1);
  EXPECT_EQ(EditDistance("kyvi", "kyiv", 2), 1);
  EXPECT_EQ(EditDistance("ab", "ba", 1), 1);
  EXPECT_EQ(EditDistance("abc", "bca", 1), 2);  // limit + 1
}

TEST(TypingTest, ThresholdCountsLettersInAnyScript) {
  EXPECT_EQ(TypoThreshold("kyi"), 0);
  EXPECT_EQ(TypoThreshold("kyiv"), 1);
  EXPECT_EQ(TypoThreshold("zelensky"), 2);    // 8 letters
  EXPECT_EQ(TypoThreshold("запоріжжя"), 2);   // 9
  EXPECT_EQ(TypoThreshold("서울"), 1);        // ㅅㅓㅇㅜㄹ: 5 letters
  EXPECT_EQ(TypoThreshold("블라디미르"), 2);  // 10 letters
  EXPECT_EQ(TypingDistance("харків", "хаків", 2), 1);
  EXPECT_EQ(TypingDistance("북한", "한북", 2), 1);  // syllables swapped
  EXPECT_EQ(TypingDistance("서율", "서울", 2), 1);
}

// Every stored form within its threshold of a query shares a typing key
// with it: one slip through the full neighbourhood, two through a half.
TEST(TypingTest, QueryKeysMeetEveryFormWithinTwoSlips) {
  const char* kForms[] = {"zaporizhzhia", "запоріжжя", "블라디미르 푸틴",
                          "dnipropetrovsk", "volodymyr zelensky"};
  std::mt19937 rng(17);
  for (const char* form : kForms) {
    std::vector<std::string> stored = TypingNeighbourhood(form);
    std::u32string s;
    for (std::size_t i = 0; i < std::string_view(form).size();) {
      char32_t c;
      text::DecodeNext(form, i, c);
      s += c;
    }
    for (int trial = 0; trial < 200; ++trial) {
      std::u32string q = s;
      for (int slip = 0; slip < 2; ++slip) {
        std::size_t at = rng() % (q.size() - 1);
        switch (rng() % 4) {
          case 0:
            std::swap(q[at], q[at + 1]);
            break;
          case 1:
            q.erase(at, 1);
            break;
          case 2:
            q.insert(q.begin() + at, U'q');
            break;
          default:
            q[at] = U'x';
            break;
        }
      }
      std::string query;
      for (char32_t c : q) text::AppendUtf8(query, c);
      if (TypingDistance(query, form, 2) > 2) continue;
      std::vector<std::string> keys = TypingQueryKeys(query, false);
      std::vector<std::string> two = TypingQueryKeys(query, true);
      keys.insert(keys.end(), two.begin(), two.end());
      bool meet = std::any_of(keys.begin(), keys.end(), [&](const auto& k) {
        return std::binary_search(stored.begin(), stored.end(), k);
      });
      EXPECT_TRUE(meet) << query << " / " << form;
    }
  }
}

}  // namespace
}  // namespace onoma::terms
