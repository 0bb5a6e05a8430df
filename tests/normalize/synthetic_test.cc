// Behaviours the bundled termbase has no example of, on small invented
// concepts: particle alternation towards a final consonant, short-form
// ambiguity, per-term declension overrides, the automaton itself.

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>

#include "lib/normalize/automaton_internal.h"
#include "lib/normalize/document.h"
#include "lib/normalize/korean_particles.h"
#include "lib/normalize/matcher.h"
#include "lib/normalize/scanner_internal.h"
#include "lib/normalize/surface.h"
#include "lib/text/unicode.h"
#include "lib/text/utf8.h"
#include "lib/text/word_break.h"

namespace onoma::normalize {
namespace {

FormInput F(const char* lang, const char* form, FormStatus status,
            FormKind kind = FormKind::kFullForm, const char* inflection = "") {
  return FormInput{lang, form, status, kind, inflection};
}

std::string Norm(const Input& input, const std::string& text,
                 const std::string& lang,
                 std::vector<Change>* changes = nullptr) {
  auto m = Matcher::Compile(input);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  DocumentOptions o;
  o.lang = lang;
  auto r = NormalizeText(*m, text, o);
  EXPECT_TRUE(r.ok());
  if (changes != nullptr) *changes = r->changes;
  return r->text;
}

TEST(KoreanParticleTest, FollowsTheFinalConsonantOfTheReplacement) {
  Input input;
  ConceptInput& c = input.concepts.emplace_back();
  c.slug = "kium";
  c.terms = {F("ko", "키이움", FormStatus::kPreferred),
             F("ko", "키예프", FormStatus::kDeprecated, FormKind::kVariant)};
  const std::pair<const char*, const char*> rows[] = {
      {"키예프는", "키이움은"},       {"키예프가", "키이움이"},
      {"키예프를", "키이움을"},       {"키예프와", "키이움과"},
      {"키예프로", "키이움으로"},     {"키예프로부터", "키이움으로부터"},
      {"키예프에서", "키이움에서"},   {"키예프의", "키이움의"},
      {"키예프라고", "키이움이라고"},
  };
  for (const auto& [in, out] : rows)
    EXPECT_EQ(Norm(input, in, "ko"), out) << in;
  // After ㄹ, 으로 becomes 로 but 은/는 takes the consonant form.
  input.concepts[0].terms[0].form = "키이울";
  EXPECT_EQ(Norm(input, "키예프로 갔다", "ko"), "키이울로 갔다");
  EXPECT_EQ(Norm(input, "키예프는", "ko"), "키이울은");
  // And back from a final consonant to a vowel.
  input.concepts[0].terms = {
      F("ko", "키이우", FormStatus::kPreferred),
      F("ko", "키엡", FormStatus::kDeprecated, FormKind::kVariant)};
  EXPECT_EQ(Norm(input, "키엡은 키엡으로 키엡이", "ko"),
            "키이우는 키이우로 키이우가");
}

TEST(KoreanParticleTest, TableLoads) {
  auto p = Particles::Builtin();
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  auto hit = (*p)->MatchPrefix("으로부터");
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->length, std::string("으로부터").size());
  EXPECT_FALSE((*p)->MatchPrefix("시청").has_value());
}

Input TwoYuns() {
  Input input;
  ConceptInput& a = input.concepts.emplace_back();
  a.slug = "yoon-suk-yeol";
  a.terms = {F("en", "Yoon Suk Yeol", FormStatus::kPreferred),
             F("en", "Yoon", FormStatus::kPreferred, FormKind::kShortForm),
             F("en", "Yun", FormStatus::kDeprecated, FormKind::kShortForm)};
  ConceptInput& b = input.concepts.emplace_back();
  b.slug = "yun-byung-se";
  b.terms = {F("en", "Yun Byung-se", FormStatus::kPreferred),
             F("en", "Yun", FormStatus::kPreferred, FormKind::kShortForm)};
  return input;
}

TEST(ShortFormTest, RewrittenAfterMentionAmbiguousWhenShared) {
  Input input = TwoYuns();
  EXPECT_EQ(Norm(input, "Yun said.", "en"), "Yun said.");
  EXPECT_EQ(Norm(input, "Yoon Suk Yeol arrived. Yun said.", "en"),
            "Yoon Suk Yeol arrived. Yoon said.");
  EXPECT_EQ(Norm(input, "YUN said after Yoon Suk Yeol", "en"),
            "YUN said after Yoon Suk Yeol");
  std::vector<Change> changes;
  EXPECT_EQ(
      Norm(input, "Yoon Suk Yeol met Yun Byung-se. Yun said.", "en", &changes),
      "Yoon Suk Yeol met Yun Byung-se. Yun said.");
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].reason, "ambiguous");
  EXPECT_EQ(changes[0].concept_slug, "yoon-suk-yeol,yun-byung-se");
  EXPECT_FALSE(changes[0].applied);
  // Without a preferred short form, the full form replaces it.
  input.concepts[0].terms.erase(input.concepts[0].terms.begin() + 1);
  EXPECT_EQ(Norm(input, "Yoon Suk Yeol arrived. Yun said.", "en"),
            "Yoon Suk Yeol arrived. Yoon Suk Yeol said.");
}

TEST(DeclensionOverrideTest, TermNamesItsClass) {
  Input input;
  ConceptInput& c = input.concepts.emplace_back();
  c.slug = "zelensky";
  c.terms = {F("uk", "Зеленський", FormStatus::kPreferred, FormKind::kFullForm,
               "adj-masc-yi"),
             F("uk", "Зеленский", FormStatus::kDeprecated, FormKind::kVariant,
               "adj-masc-yi")};
  EXPECT_EQ(Norm(input, "зустріч із Зеленским", "uk"), "зустріч із Зеленським");
  c.terms[1].inflection = "no-such-class";
  EXPECT_FALSE(Matcher::Compile(input).ok());
}

// A concept of any type declines its forms by the inferred
// class; "none" stops it.
TEST(DeclensionOverrideTest, AnyConceptDeclinesUnlessNone) {
  Input input;
  ConceptInput& c = input.concepts.emplace_back();
  c.slug = "x";
  c.terms = {
      F("uk", "Бахмут", FormStatus::kPreferred),
      F("uk", "Артемівськ", FormStatus::kDeprecated, FormKind::kVariant)};
  EXPECT_EQ(Norm(input, "Артемівська", "uk"), "Бахмута");
  input.concepts[0].is_place = true;
  EXPECT_EQ(Norm(input, "Артемівська", "uk"), "Бахмута");
  input.concepts[0].terms[1].inflection = "none";
  EXPECT_EQ(Norm(input, "Артемівська", "uk"), "Артемівська");
}

// A variant that differs from the preferred form only in letter
// case is rewritten where the text writes it so, in any case of it; the
// preferred spelling and a casing the termbase does not list stay.
TEST(CaseOnlyVariantTest, RewrittenOnlyWhereWrittenAsTheVariant) {
  Input input;
  ConceptInput& nato = input.concepts.emplace_back();
  nato.slug = "nato";
  nato.is_organization = true;
  nato.terms = {F("uk", "НАТО", FormStatus::kPreferred, FormKind::kAcronym),
                F("uk", "Нато", FormStatus::kDeprecated, FormKind::kVariant),
                F("en", "UNIAN", FormStatus::kPreferred, FormKind::kAcronym),
                F("en", "Unian", FormStatus::kDeprecated, FormKind::kVariant)};
  ConceptInput& uz = input.concepts.emplace_back();
  uz.slug = "ukrzaliznytsia";
  uz.is_organization = true;
  uz.terms = {
      F("uk", "Укрзалізниця", FormStatus::kPreferred),
      F("uk", "УкрЗалізниця", FormStatus::kDeprecated, FormKind::kVariant)};
  EXPECT_EQ(Norm(input, "саміт Нато у Вашингтоні", "uk"),
            "саміт НАТО у Вашингтоні");
  EXPECT_EQ(Norm(input, "саміт НАТО у Вашингтоні", "uk"),
            "саміт НАТО у Вашингтоні");
  EXPECT_EQ(Norm(input, "Угоду з УкрЗалізницею підписали", "uk"),
            "Угоду з Укрзалізницею підписали");
  EXPECT_EQ(Norm(input, "Угоду з Укрзалізницею підписали", "uk"),
            "Угоду з Укрзалізницею підписали");
  // A headline in capitals is a casing the termbase does not list.
  EXPECT_EQ(Norm(input, "УКРЗАЛІЗНИЦЯ ПІДНІМАЄ ТАРИФИ", "uk"),
            "УКРЗАЛІЗНИЦЯ ПІДНІМАЄ ТАРИФИ");
  EXPECT_EQ(Norm(input, "Unian reported.", "en"), "UNIAN reported.");
  EXPECT_EQ(Norm(input, "UNIAN reported.", "en"), "UNIAN reported.");
}

// An admitted short form is never expanded into the full form,
// with or without a full mention; a deprecated one is replaced as before.
TEST(ShortFormTest, AdmittedShortFormIsNeverExpanded) {
  Input input;
  ConceptInput& c = input.concepts.emplace_back();
  c.slug = "yoon-suk-yeol";
  c.is_person = true;
  c.terms = {F("en", "Yoon Suk Yeol", FormStatus::kPreferred),
             F("en", "Yoon", FormStatus::kAdmitted, FormKind::kShortForm),
             F("en", "Yun", FormStatus::kDeprecated, FormKind::kShortForm),
             F("ko", "윤석열", FormStatus::kPreferred),
             F("ko", "윤", FormStatus::kAdmitted, FormKind::kShortForm)};
  for (bool admitted : {false, true}) {
    auto m = Matcher::Compile(input);
    ASSERT_TRUE(m.ok());
    DocumentOptions o;
    o.admitted = admitted;
    o.lang = "ko";
    auto r = NormalizeText(*m, "윤석열 대통령이 말했다. 윤 대통령은", o);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->text, "윤석열 대통령이 말했다. 윤 대통령은");
    o.lang = "en";
    r = NormalizeText(*m, "Yoon said. Yoon Suk Yeol spoke. Yoon left.", o);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->text, "Yoon said. Yoon Suk Yeol spoke. Yoon left.");
  }
  // The deprecated short form becomes the admitted one, not the full form.
  EXPECT_EQ(Norm(input, "Yoon Suk Yeol spoke. Yun left.", "en"),
            "Yoon Suk Yeol spoke. Yoon left.");
}

// People decline by the inferred class, in the case and ending
// style of the form they replace.
TEST(DeclensionOverrideTest, PeopleDeclineByTheInferredClass) {
  Input input;
  ConceptInput& c = input.concepts.emplace_back();
  c.slug = "kim-jong-un";
  c.is_person = true;
  c.terms = {F("uk", "Кім Чен Ин", FormStatus::kPreferred),
             F("uk", "Кім Чен Ун", FormStatus::kDeprecated, FormKind::kVariant),
             F("ko", "김정은", FormStatus::kPreferred)};
  ConceptInput& p = input.concepts.emplace_back();
  p.slug = "peskov";
  p.is_person = true;
  p.terms = {
      F("uk", "Дмитро Пєсков", FormStatus::kPreferred),
      F("uk", "Дмитрий Песков", FormStatus::kDeprecated, FormKind::kVariant)};
  ConceptInput& m = input.concepts.emplace_back();
  m.slug = "macron";
  m.is_person = true;
  m.terms = {
      F("uk", "Емманюель Макрон", FormStatus::kPreferred),
      F("uk", "Еммануель Макрон", FormStatus::kDeprecated, FormKind::kVariant)};
  EXPECT_EQ(Norm(input, "зустріч з Кім Чен Уном", "uk"),
            "зустріч з Кім Чен Ином");
  EXPECT_EQ(Norm(input, "заява Кім Чен Уна", "uk"), "заява Кім Чен Ина");
  // Russian endings on the Russian spelling, Ukrainian ones in its place.
  EXPECT_EQ(Norm(input, "слова Дмитрия Пескова", "uk"), "слова Дмитра Пєскова");
  EXPECT_EQ(Norm(input, "з Дмитрием Песковым", "uk"), "з Дмитром Пєсковим");
  EXPECT_EQ(Norm(input, "подякував Еммануелю Макрону", "uk"),
            "подякував Емманюелю Макрону");
  EXPECT_EQ(Norm(input, "подякував Еммануелеві Макронові", "uk"),
            "подякував Емманюелеві Макронові");
  // Russian copy gets Russian endings.
  Input ru;
  ConceptInput& k = ru.concepts.emplace_back();
  k.slug = "kharkiv";
  k.is_place = true;
  k.terms = {F("ru", "Харьков", FormStatus::kPreferred),
             F("ru", "Харкив", FormStatus::kDeprecated, FormKind::kVariant)};
  EXPECT_EQ(Norm(ru, "в Харкиве и под Харкивом", "ru"),
            "в Харькове и под Харьковом");
}

// CasePatternOf counts the case of ASCII, Cyrillic and Hangul itself and
// asks ICU for the rest: both must agree with the definition on ICU's
// mappings of the whole name.
TEST(CasePatternTest, AgreesWithIcusMappingsOfTheWholeName) {
  auto reference = [](const std::string& found) {
    const std::string upper = text::ToUpper(found);
    const std::string lower = text::ToLower(found);
    if (upper == lower) return CasePattern::kAsStored;
    if (found == lower) return CasePattern::kLower;
    if (found != upper) return CasePattern::kAsStored;
    int cased = 0;
    for (std::size_t i = 0; i < found.size();) {
      const std::size_t begin = i;
      char32_t c = 0;
      text::DecodeNext(found, i, c);
      const std::string one = found.substr(begin, i - begin);
      cased += text::ToLower(one) != one;
    }
    return cased >= 2 ? CasePattern::kUpper : CasePattern::kAsStored;
  };
  const char* const kPieces[] = {"A", "a", "Z", "q", "Б",  "б", "Ґ",     "ґ",
                                 "Ё", "ё", "Ї", "ї", "가", " ", "-",     "'",
                                 "5", "É", "é", "ß", "ǅ",  "Ω", "\u0301"};
  std::mt19937 rng(29);
  for (int n = 0; n < 3000; ++n) {
    std::string name;
    const int length = static_cast<int>(rng() % 5);
    for (int k = 0; k < length; ++k)
      name += kPieces[rng() % std::size(kPieces)];
    EXPECT_EQ(CasePatternOf(name), reference(name)) << name;
  }
}

// Where PlainWords cuts a stretch itself, it cuts it as ICU's word
// breaker does.
TEST(PlainWordsTest, CutsAsTheWordBreakerDoes) {
  auto breaker = text::WordBreaker::Create();
  ASSERT_TRUE(breaker.ok());
  const char* const kPieces[] = {
      "a", "Z", "5", "é", "Б",      "ї", "가", "키", ",", ".", "(",     ")",
      "'", "_", "-", "«", "\u0301", "!", ":",  "\"", "ǅ", "Ω", "\u4e2d"};
  std::mt19937 rng(16);
  int plain = 0;
  for (int n = 0; n < 5000; ++n) {
    std::string stretch;
    const int length = 1 + static_cast<int>(rng() % 7);
    for (int k = 0; k < length; ++k) {
      stretch += kPieces[rng() % std::size(kPieces)];
    }
    std::vector<text::WordSpan> ours, icu;
    if (!internal::PlainWords(stretch, ours)) continue;
    ++plain;
    breaker->Words(stretch, icu);
    ASSERT_EQ(ours.size(), icu.size()) << stretch;
    for (std::size_t k = 0; k < ours.size(); ++k) {
      EXPECT_EQ(ours[k].begin, icu[k].begin) << stretch;
      EXPECT_EQ(ours[k].end, icu[k].end) << stretch;
    }
  }
  EXPECT_GT(plain, 500);
}

// The scanner walks the trie only where a word may start: after any
// character but a letter or digit that UAX #29 joins to the next one.
// Names after punctuation, symbols, combining marks and other scripts are
// still found; names inside a word of letters or digits are not.
TEST(AutomatonTest, NamesStartWhereWordsStart) {
  Input input;
  ConceptInput& c = input.concepts.emplace_back();
  c.slug = "kyiv";
  c.is_place = true;
  c.terms = {F("en", "Kyiv", FormStatus::kPreferred),
             F("en", "Kiev", FormStatus::kDeprecated, FormKind::kVariant),
             F("ko", "키이우", FormStatus::kPreferred),
             F("ko", "키예프", FormStatus::kDeprecated, FormKind::kVariant)};
  const std::pair<const char*, const char*> rows[] = {
      {"(Kiev)", "(Kyiv)"},
      {"«Kiev»", "«Kyiv»"},
      {"x-Kiev", "x-Kyiv"},
      {"\u00e9.Kiev", "\u00e9.Kiev"},  // one word, as "e.g." (WB6, WB7)
      {"\u00e9. Kiev", "\u00e9. Kyiv"},
      {"\u00a7Kiev", "\u00a7Kyiv"},
      {"\u03b1Kiev", "\u03b1Kiev"},  // Greek joins Latin too (WB5)
      {"\u4e2dKiev", "\u4e2dKyiv"},  // an ideograph does not
      {"xKiev", "xKiev"},
      {"5Kiev", "5Kiev"},
      {"\u00e9Kiev", "\u00e9Kiev"},
      {"\u0436Kiev", "\u0436Kiev"},
      {"Kiev5", "Kiev5"},
      {"서울 키예프는", "서울 키이우는"},
      {"서울키예프는", "서울키예프는"},
      {"Kiev키예프는", "Kyiv키이우는"},  // ICU breaks Latin from Hangul
      {"5키예프는", "5키이우는"},
      {"Kiev, Kiev", "Kyiv, Kyiv"},
  };
  for (const auto& [in, out] : rows) {
    EXPECT_EQ(Norm(input, in, "en"), out) << in;
  }
}

TEST(AutomatonTest, FindsWhatANaiveSearchFinds) {
  std::mt19937 rng(6);
  std::vector<std::string> patterns;
  std::set<std::string> seen;
  while (patterns.size() < 300) {
    std::string p;
    int n = 1 + static_cast<int>(rng() % 5);
    for (int i = 0; i < n; ++i) p += static_cast<char>('a' + rng() % 3);
    if (seen.insert(p).second) patterns.push_back(p);
  }
  std::vector<std::uint32_t> counts(patterns.size());
  for (std::size_t i = 0; i < counts.size(); ++i) counts[i] = 1 + i % 3;
  const internal::Automaton::Arrays arrays =
      internal::Automaton::Build(patterns, counts);
  const internal::Automaton a(arrays);
  ASSERT_TRUE(a.Check(arrays.entry_count));
  EXPECT_EQ(a.CountForms(), patterns.size());
  std::map<std::uint32_t, std::uint32_t> pattern_of;
  for (std::uint32_t id = 0; id < patterns.size(); ++id) {
    pattern_of[arrays.state_of[id]] = id;
    EXPECT_EQ(
        a.EndEntry(arrays.state_of[id]) - a.FirstEntry(arrays.state_of[id]),
        counts[id]);
  }
  std::string text;
  for (int i = 0; i < 2000; ++i) text += static_cast<char>('a' + rng() % 4);
  std::multiset<std::pair<std::size_t, std::uint32_t>> got, want;
  for (std::size_t begin = 0; begin <= text.size(); ++begin) {
    a.Walk(text, begin, [&](std::size_t end, std::uint32_t state) {
      ASSERT_TRUE(pattern_of.count(state));
      EXPECT_EQ(end - begin, patterns[pattern_of[state]].size());
      got.insert({end, pattern_of[state]});
    });
  }
  for (std::uint32_t id = 0; id < patterns.size(); ++id) {
    for (std::size_t at = text.find(patterns[id]); at != std::string::npos;
         at = text.find(patterns[id], at + 1)) {
      want.insert({at + patterns[id].size(), id});
    }
  }
  EXPECT_EQ(got, want);
}

// A trie of some 50k states, with states of one to eight children (looked
// through one by one) and of twelve (by binary search): a walk from every
// byte finds exactly the forms starting there.
TEST(AutomatonTest, FindsEveryFormInALargeTrie) {
  std::mt19937 rng(16);
  std::vector<std::string> patterns;
  std::set<std::string> seen;
  while (patterns.size() < 20000) {
    std::string p;
    const int n = 1 + static_cast<int>(rng() % 10);
    // Fewer letters deeper down: states with 12 children near the root,
    // with one to a few further on.
    for (int i = 0; i < n; ++i) {
      p += static_cast<char>('a' + rng() % (i < 3 ? 12 : 12 - i));
    }
    if (seen.insert(p).second) patterns.push_back(p);
  }
  const std::vector<std::uint32_t> counts(patterns.size(), 1);
  const internal::Automaton::Arrays arrays =
      internal::Automaton::Build(patterns, counts);
  const internal::Automaton a(arrays);
  ASSERT_GT(a.states(), 40000u);
  ASSERT_TRUE(a.Check(arrays.entry_count));
  std::set<int> child_counts;
  for (std::size_t s = 0; s < a.states(); ++s) {
    child_counts.insert(arrays.states[s].child_count);
  }
  for (int k = 1; k <= 8; ++k) EXPECT_TRUE(child_counts.count(k)) << k;
  EXPECT_EQ(*child_counts.rbegin(), 12);
  std::map<std::uint32_t, std::uint32_t> pattern_of;
  for (std::uint32_t id = 0; id < patterns.size(); ++id) {
    pattern_of[arrays.state_of[id]] = id;
  }
  std::string text;
  for (int i = 0; i < 20000; ++i) text += static_cast<char>('a' + rng() % 13);
  std::set<std::pair<std::size_t, std::size_t>> got, want;
  for (std::size_t begin = 0; begin < text.size(); ++begin) {
    a.Walk(text, begin, [&](std::size_t end, std::uint32_t state) {
      ASSERT_TRUE(pattern_of.count(state));
      EXPECT_EQ(patterns[pattern_of[state]], text.substr(begin, end - begin));
      got.insert({begin, end});
    });
    for (std::size_t n = 1; n <= 10 && begin + n <= text.size(); ++n) {
      if (seen.count(text.substr(begin, n))) want.insert({begin, begin + n});
    }
  }
  EXPECT_GT(want.size(), 1000u);
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace onoma::normalize
