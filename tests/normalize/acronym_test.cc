// Acronyms under --admitted (docs/normalize.md, "Acronyms"): an admitted
// acronym is not expanded, an acronym's own capitals are no headline's, a
// deprecated acronym in Ukrainian copy is expanded only where its case is
// known, and a Latin gloss in Korean copy is not rewritten into Hangul.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lib/normalize/names.h"
#include "lib/normalize/normalize.h"
#include "tests/normalize/termbase_input.h"

namespace onoma::normalize {
namespace {

using S = FormStatus;
using K = FormKind;

Matcher Compiled(const Input& input) {
  auto m = Matcher::Compile(input);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return std::move(*m);
}

const Matcher& News() {
  static const Matcher* matcher =
      new Matcher(Compiled(testing::NewsTermbase()));
  return *matcher;
}

// NATO as a house style that wants it expanded would keep it: the acronym
// deprecated in every language, a Latin one listed as Korean too.
const Matcher& ExpandingNato() {
  static const Matcher* matcher = [] {
    Input input;
    ConceptInput& nato = input.concepts.emplace_back();
    nato.slug = "nato";
    nato.terms = {
        {"en", "North Atlantic Treaty Organization", S::kPreferred,
         K::kFullForm, ""},
        {"en", "NATO", S::kDeprecated, K::kAcronym, ""},
        {"uk", "Організація Північноатлантичного договору", S::kPreferred,
         K::kFullForm, ""},
        {"uk", "НАТО", S::kDeprecated, K::kAcronym, ""},
        {"ko", "북대서양조약기구", S::kPreferred, K::kFullForm, ""},
        {"ko", "나토", S::kDeprecated, K::kAcronym, ""},
        {"ko", "NATO", S::kDeprecated, K::kAcronym, ""},
    };
    // An acronym whose full form does not decline, and one whose
    // preferred form is an acronym too.
    ConceptInput& himars = input.concepts.emplace_back();
    himars.slug = "himars";
    himars.terms = {
        {"uk", "HIMARS", S::kPreferred, K::kFullForm, ""},
        {"uk", "РСЗВ", S::kDeprecated, K::kAcronym, ""},
    };
    ConceptInput& un = input.concepts.emplace_back();
    un.slug = "united-nations";
    un.terms = {
        {"uk", "ООН", S::kPreferred, K::kAcronym, ""},
        {"uk", "О.О.Н.", S::kAdmitted, K::kAcronym, ""},
        {"en", "UN", S::kPreferred, K::kAcronym, ""},
        {"en", "UNO", S::kAdmitted, K::kAcronym, ""},
    };
    return new Matcher(Compiled(input));
  }();
  return *matcher;
}

NormalizedText Normalized(const Matcher& matcher, const std::string& text,
                          const std::string& lang, bool admitted) {
  DocumentOptions options;
  options.lang = lang;
  options.admitted = admitted;
  auto out = NormalizeText(matcher, text, options);
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  return out.ok() ? *out : NormalizedText{};
}

TEST(NormalizeAcronymTest, AdmittedAcronymIsNotExpanded) {
  struct {
    const char* lang;
    const char* text;
  } cases[] = {
      {"en", "NATO said"},           {"uk", "Генсек НАТО заявив"},
      {"ko", "나토(NATO) 사무총장"}, {"ko", "나토는 밝혔다"},
      {"uk", "у США і КНДР"},        {"ko", "충북 지역"},
  };
  for (const auto& c : cases) {
    for (bool admitted : {false, true}) {
      NormalizedText out = Normalized(News(), c.text, c.lang, admitted);
      EXPECT_EQ(out.text, c.text) << c.lang << " " << admitted;
      EXPECT_TRUE(out.changes.empty())
          << c.text << ": " << out.changes.front().replacement;
    }
  }
  // --admitted still rewrites the admitted forms that are no acronyms.
  EXPECT_EQ(Normalized(News(), "the Dnieper River", "en", true).text,
            "the Dnipro River");
}

TEST(NormalizeAcronymTest, AdmittedAcronymBecomesAPreferredAcronym) {
  EXPECT_EQ(Normalized(ExpandingNato(), "UNO said", "en", true).text,
            "UN said");
  EXPECT_EQ(Normalized(ExpandingNato(), "UNO said", "en", false).text,
            "UNO said");
}

TEST(NormalizeAcronymTest, CasePatternCarriesOverOnlyWhatTheTextAdds) {
  struct {
    const char* text;
    const char* expected;
  } cases[] = {
      // Written as stored: the acronym's capitals are its own.
      {"NATO said", "North Atlantic Treaty Organization said"},
      // Title case and lower case still carry over.
      {"nato said", "north atlantic treaty organization said"},
      {"Nato said", "North Atlantic Treaty Organization said"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Normalized(ExpandingNato(), c.text, "en", false).text,
              c.expected);
  }
  // Between forms of a name stored in Title case, a headline's capitals
  // carry over; an acronym inside a Title-case form is no headline.
  struct {
    const char* lang;
    const char* text;
    const char* expected;
  } news[] = {
      {"en", "KIEV (Reuters) - Shelling", "KYIV (Reuters) - Shelling"},
      {"en", "Kiev said", "Kyiv said"},
      {"en", "kiev said", "kyiv said"},
      {"uk", "ВИБУХИ У КИЕВЕ", "ВИБУХИ У КИЄВІ"},
      {"en", "KAKHOVKA HPP DESTROYED", "KAKHOVKA DAM DESTROYED"},
      {"en", "the Kakhovka HPP", "the Kakhovka dam"},
  };
  for (const auto& c : news) {
    EXPECT_EQ(Normalized(News(), c.text, c.lang, false).text, c.expected);
  }
}

TEST(NormalizeAcronymTest, UkrainianAcronymOfUnknownCaseIsLeftToAnEditor) {
  NormalizedText out =
      Normalized(ExpandingNato(), "Генсек НАТО заявив", "uk", false);
  EXPECT_EQ(out.text, "Генсек НАТО заявив");
  ASSERT_EQ(out.changes.size(), 1u);
  EXPECT_EQ(out.changes[0].reason, "case-unknown");
  EXPECT_EQ(out.changes[0].replacement,
            "Організація Північноатлантичного договору");
  EXPECT_FALSE(out.changes[0].applied);
  // A full form that does not decline can stand in any case.
  EXPECT_EQ(Normalized(ExpandingNato(), "удари РСЗВ", "uk", false).text,
            "удари HIMARS");
  // An acronym for an acronym: nothing to decline.
  EXPECT_EQ(
      Normalized(ExpandingNato(), "Генсек О.О.Н. заявив", "uk", true).text,
      "Генсек ООН заявив");
  // A place's acronym is not declined as if it were a word: РФа is no
  // form of РФ (it once became "Росіі").
  EXPECT_TRUE(Normalized(News(), "У РФа заявили", "uk", true).changes.empty());
}

TEST(NormalizeAcronymTest, LatinGlossIsNotRewrittenIntoHangul) {
  NormalizedText out =
      Normalized(ExpandingNato(), "나토(NATO) 사무총장", "ko", false);
  // The Hangul acronym is expanded; the Latin gloss stays Latin.
  EXPECT_EQ(out.text, "북대서양조약기구(NATO) 사무총장");
  ASSERT_EQ(out.changes.size(), 1u);
  EXPECT_EQ(out.changes[0].found, "나토");
}

TEST(NormalizeAcronymTest, SubstituteForAnAcronymTakesItsOwnCase) {
  Input input = testing::NewsTermbase();
  Matcher matcher = Compiled(input);
  auto finder = NameFinder::Create(matcher);
  ASSERT_TRUE(finder.ok()) << finder.status().ToString();
  std::uint32_t eu = 0;
  while (eu < finder->concept_count() && finder->Slug(eu) != "european-union") {
    ++eu;
  }
  ASSERT_LT(eu, finder->concept_count());
  std::vector<NameHit> hits;
  std::string line = "NATO said";
  finder->Find(line, "en", hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(finder->Render(eu, "en", line, hits[0]), "European Union");
}

}  // namespace
}  // namespace onoma::normalize
