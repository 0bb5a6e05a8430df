// NameFinder (lib/normalize/names.h): names with their concepts in en, uk
// and ko lines, and one concept rendered like another's occurrence, as
// translation-memory substitution uses them.

#include "lib/normalize/names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace onoma::normalize {
namespace {

using S = FormStatus;
using K = FormKind;

Input Places() {
  Input input;
  auto add = [&](const char* slug, std::vector<FormInput> terms) {
    ConceptInput& c = input.concepts.emplace_back();
    c.slug = slug;
    c.is_place = true;
    c.terms = std::move(terms);
    return &c;
  };
  add("kyiv", {{"en", "Kyiv", S::kPreferred, K::kFullForm, ""},
               {"en", "Kiev", S::kDeprecated, K::kVariant, ""},
               {"uk", "Київ", S::kPreferred, K::kFullForm, ""},
               {"uk", "Киев", S::kDeprecated, K::kVariant, ""},
               {"ko", "키이우", S::kPreferred, K::kFullForm, ""},
               {"ko", "키예프", S::kDeprecated, K::kVariant, ""}})
      ->negative_contexts = {"Chicken Kiev"};
  add("kharkiv", {{"en", "Kharkiv", S::kPreferred, K::kFullForm, ""},
                  {"en", "Kharkov", S::kDeprecated, K::kVariant, ""},
                  {"uk", "Харків", S::kPreferred, K::kFullForm, ""},
                  {"ko", "하르키우", S::kPreferred, K::kFullForm, ""}});
  add("seoul", {{"en", "Seoul", S::kPreferred, K::kFullForm, ""},
                {"uk", "Сеул", S::kPreferred, K::kFullForm, ""},
                {"ko", "서울", S::kPreferred, K::kFullForm, ""}});
  add("busan", {{"en", "Busan", S::kPreferred, K::kFullForm, ""},
                {"en", "Pusan", S::kAdmitted, K::kVariant, ""},
                {"ko", "부산", S::kPreferred, K::kFullForm, ""}});
  // No Korean form; a short form; the longest form (4 words).
  add("rada",
      {{"en", "Verkhovna Rada of Ukraine", S::kPreferred, K::kFullForm, ""},
       {"en", "Rada", S::kPreferred, K::kShortForm, ""},
       {"uk", "Верховна Рада України", S::kPreferred, K::kFullForm, "none"}});
  // Two concepts share "Georgia" in English; Korean copy names only the
  // country so (a Latin form listed as Korean, to test the language rule).
  add("georgia-country", {{"en", "Georgia", S::kPreferred, K::kFullForm, ""},
                          {"ko", "Georgia", S::kPreferred, K::kFullForm, ""}});
  add("georgia-state", {{"en", "Georgia", S::kPreferred, K::kFullForm, ""}});
  return input;
}

constexpr std::uint32_t kKyiv = 0, kKharkiv = 1, kSeoul = 2, kBusan = 3,
                        kRada = 4, kGeorgiaCountry = 5;

class NameFinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto matcher = Matcher::Compile(Places());
    ASSERT_TRUE(matcher.ok()) << matcher.status().ToString();
    auto finder = NameFinder::Create(*matcher);
    ASSERT_TRUE(finder.ok()) << finder.status().ToString();
    finder_.emplace(std::move(*finder));
  }

  std::vector<NameHit> Find(std::string_view line, std::string_view lang) {
    std::vector<NameHit> hits;
    finder_->Find(line, lang, hits);
    return hits;
  }

  // The first hit of `line` rendered for `concept_index`; "(none)" when
  // there is no hit, "(nullopt)" when Render declines.
  std::string RenderLike(std::uint32_t concept_index, std::string_view lang,
                         std::string_view line) {
    std::vector<NameHit> hits = Find(line, lang);
    if (hits.empty()) return "(none)";
    auto text = finder_->Render(concept_index, lang, line, hits[0]);
    return text ? *text : "(nullopt)";
  }

  std::optional<NameFinder> finder_;
};

struct Span {
  std::size_t begin, end, word_end;
  std::uint32_t concept_index;
  bool operator==(const Span&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Span& s) {
  return os << "[" << s.begin << "," << s.end << "," << s.word_end << ") "
            << s.concept_index;
}

std::vector<Span> Spans(const std::vector<NameHit>& hits) {
  std::vector<Span> out;
  for (const NameHit& h : hits) {
    out.push_back({h.begin, h.end, h.word_end, h.concept_index});
  }
  return out;
}

TEST_F(NameFinderTest, FindsEveryNameWithItsConcept) {
  // "Kiev" counts as well as "Kyiv": every status is a name.
  EXPECT_EQ(
      Spans(Find("Shelling in Kyiv and Kiev, not Seoul.", "en")),
      (std::vector<Span>{
          {12, 16, 16, kKyiv}, {21, 25, 25, kKyiv}, {31, 36, 36, kSeoul}}));
  // "Обстріл " is 15 bytes, "у " 3, "Харкові" 14, " і " 4, "Киеве" 10.
  std::vector<NameHit> uk = Find("Обстріл у Харкові і Киеве", "uk");
  EXPECT_EQ(Spans(uk),
            (std::vector<Span>{{18, 32, 32, kKharkiv}, {36, 46, 46, kKyiv}}));
  ASSERT_EQ(uk.size(), 2u);
  EXPECT_EQ(uk[0].grammatical_case, Case::kLoc);
  EXPECT_EQ(uk[0].status, FormStatus::kPreferred);
  EXPECT_EQ(uk[1].status, FormStatus::kDeprecated);
  EXPECT_EQ(uk[1].kind, FormKind::kVariant);
  // A Hangul syllable is 3 bytes.
  EXPECT_EQ(Spans(Find("부산과 서울", "ko")),
            (std::vector<Span>{{0, 6, 9, kBusan}, {10, 16, 16, kSeoul}}));
  EXPECT_EQ(finder_->Slug(kBusan), "busan");
  EXPECT_EQ(finder_->concept_count(), 7u);
  EXPECT_EQ(finder_->Slug(99), "");
}

TEST_F(NameFinderTest, KeepsParticleAndPossessive) {
  std::vector<NameHit> ko = Find("키이우에서 서울은", "ko");
  ASSERT_EQ(ko.size(), 2u);
  EXPECT_EQ(Spans(ko),
            (std::vector<Span>{{0, 9, 15, kKyiv}, {16, 22, 25, kSeoul}}));
  EXPECT_TRUE(ko[0].particle.has_value());
  EXPECT_EQ(ko[0].particle_end, 15u);
  EXPECT_FALSE(ko[0].possessive);
  EXPECT_NE(ko[0].particle, ko[1].particle);  // 에서, 은/는

  std::vector<NameHit> en = Find("Kyiv's mayor", "en");
  EXPECT_EQ(Spans(en), (std::vector<Span>{{0, 4, 6, kKyiv}}));
  ASSERT_EQ(en.size(), 1u);
  EXPECT_TRUE(en[0].possessive);
  EXPECT_FALSE(en[0].particle.has_value());
}

TEST_F(NameFinderTest, SkipsWhatIsNoName) {
  for (const char* line : {
           "Kyivstar shares rose",          // inside a longer word
           "see www.example.com/Kyiv now",  // a URL
           "write to kyiv@example.org",     // an e-mail address
           "She ordered Chicken Kiev.",     // a negative context
           "the Rada voted",                // a short form
           "Georgia voted",                 // two concepts' form
       }) {
    EXPECT_EQ(Spans(Find(line, "en")), std::vector<Span>{}) << line;
  }
  // A longer term shields the names inside it.
  EXPECT_EQ(Spans(Find("the Verkhovna Rada of Ukraine in Kyiv", "en")),
            (std::vector<Span>{{4, 29, 29, kRada}, {33, 37, 37, kKyiv}}));
  EXPECT_EQ(finder_->max_form_words(), 4u);
}

TEST_F(NameFinderTest, JudgesByTheLinesLanguage) {
  // "Pusan" is an admitted variant of busan; its language is en, but a
  // form the line's language lacks is judged by the languages having it.
  EXPECT_EQ(Spans(Find("Pusan 항구", "ko")),
            (std::vector<Span>{{0, 5, 5, kBusan}}));
  // The line's language has a form of its own: its entries alone judge.
  EXPECT_EQ(Spans(Find("Georgia 방문", "ko")),
            (std::vector<Span>{{0, 7, 7, kGeorgiaCountry}}));
  EXPECT_EQ(Spans(Find("Georgia", "en")), std::vector<Span>{});
  EXPECT_EQ(Spans(Find("Georgia", "uk")), std::vector<Span>{});
}

TEST_F(NameFinderTest, RendersInTheCaseOfTheOccurrence) {
  EXPECT_EQ(RenderLike(kKyiv, "uk", "Обстріл у Харкові в понеділок"), "Києві");
  EXPECT_EQ(RenderLike(kKyiv, "uk", "Харків заявив"), "Київ");
  EXPECT_EQ(RenderLike(kKyiv, "uk", "з Харкова"), "Києва");
  // "Харкову" is dative, or locative after "у".
  EXPECT_EQ(RenderLike(kKyiv, "uk", "удар по Харкову"), "Києву");
  EXPECT_EQ(RenderLike(kKyiv, "uk", "у Харкову"), "Києві");
  // The case pattern of the occurrence.
  EXPECT_EQ(RenderLike(kKyiv, "en", "KHARKIV (Reuters)"), "KYIV");
  EXPECT_EQ(RenderLike(kKyiv, "uk", "ХАРКОВА"), "КИЄВА");
  // Rendering the occurrence's own concept gives the preferred form.
  EXPECT_EQ(RenderLike(kKyiv, "en", "Kiev's mayor"), "Kyiv's");
}

TEST_F(NameFinderTest, RendersParticleAndPossessive) {
  EXPECT_EQ(RenderLike(kKyiv, "ko", "하르키우에서"), "키이우에서");
  EXPECT_EQ(RenderLike(kSeoul, "ko", "키이우는"), "서울은");
  EXPECT_EQ(RenderLike(kKyiv, "ko", "서울은"), "키이우는");
  EXPECT_EQ(RenderLike(kSeoul, "ko", "키이우가 말했다"), "서울이");
  // What follows the particle inside the word stays.
  EXPECT_EQ(RenderLike(kSeoul, "ko", "키이우에서는"), "서울에서는");
  EXPECT_EQ(RenderLike(kKyiv, "en", "Kharkiv's mayor"), "Kyiv's");
  EXPECT_EQ(RenderLike(kKyiv, "en", "Kharkiv\u2019s mayor"), "Kyiv\u2019s");
}

TEST_F(NameFinderTest, RenderFailsWithoutAFormOrACase) {
  EXPECT_EQ(RenderLike(kRada, "ko", "서울은"), "(nullopt)");
  EXPECT_EQ(RenderLike(kBusan, "uk", "Харків"), "(nullopt)");
  EXPECT_EQ(RenderLike(kKyiv, "fr", "Kharkiv"), "(nullopt)");
  // "Верховна Рада України" is marked not to decline: no locative.
  EXPECT_EQ(RenderLike(kRada, "uk", "у Харкові"), "(nullopt)");
  EXPECT_EQ(RenderLike(kRada, "uk", "Харків"), "Верховна Рада України");
  std::vector<NameHit> hits = Find("Kharkiv", "en");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(finder_->Render(99, "en", "Kharkiv", hits[0]), std::nullopt);
}

TEST(NameFinderPersonTest, DoesNotGuessThePersonsCase) {
  Input input = Places();
  ConceptInput& person = input.concepts.emplace_back();
  person.slug = "shevchenko";
  person.terms = {{"uk", "Шевченко", S::kPreferred, K::kFullForm, ""}};
  auto matcher = Matcher::Compile(input);
  ASSERT_TRUE(matcher.ok()) << matcher.status().ToString();
  auto finder = NameFinder::Create(*matcher);
  ASSERT_TRUE(finder.ok()) << finder.status().ToString();
  std::vector<NameHit> hits;
  std::string_view line = "у Харкові";
  finder->Find(line, "uk", hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(finder->Render(7, "uk", line, hits[0]), std::nullopt);
  line = "Харків";
  finder->Find(line, "uk", hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(finder->Render(7, "uk", line, hits[0]), "Шевченко");
}

// With concepts whose type the store does not know (a
// subjectField it cannot map) and no classes, names in a Ukrainian target
// are still rendered in the case of the stored occurrence.
TEST(NameFinderPersonTest, RendersInTheStoredCaseWithoutTypesOrClasses) {
  Input input;
  auto add = [&](const char* slug, bool person, std::vector<FormInput> t) {
    ConceptInput& c = input.concepts.emplace_back();
    c.slug = slug;
    c.is_person = person;
    c.terms = std::move(t);
  };
  add("kharkiv", false,
      {{"en", "Kharkiv", S::kPreferred, K::kFullForm, ""},
       {"uk", "Харків", S::kPreferred, K::kFullForm, ""}});
  add("odesa", false,
      {{"en", "Odesa", S::kPreferred, K::kFullForm, ""},
       {"uk", "Одеса", S::kPreferred, K::kFullForm, ""}});
  add("macron", true,
      {{"en", "Emmanuel Macron", S::kPreferred, K::kFullForm, ""},
       {"uk", "Емманюель Макрон", S::kPreferred, K::kFullForm, ""}});
  add("scholz", true,
      {{"en", "Olaf Scholz", S::kPreferred, K::kFullForm, ""},
       {"uk", "Олаф Шольц", S::kPreferred, K::kFullForm, ""}});
  auto matcher = Matcher::Compile(input);
  ASSERT_TRUE(matcher.ok()) << matcher.status().ToString();
  auto finder = NameFinder::Create(*matcher);
  ASSERT_TRUE(finder.ok());
  std::vector<NameHit> hits;
  std::string_view line = "Потяг з Харкова прибув";
  finder->Find(line, "uk", hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].grammatical_case, Case::kGen);
  EXPECT_EQ(finder->Render(1, "uk", line, hits[0]), "Одеси");
  line = "зустріч з Емманюелем Макроном";
  finder->Find(line, "uk", hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(finder->Render(3, "uk", line, hits[0]), "Олафом Шольцом");
}

}  // namespace
}  // namespace onoma::normalize
