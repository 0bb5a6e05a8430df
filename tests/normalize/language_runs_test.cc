// Runs in another language than the document's (docs/normalize.md, "Runs
// in another language"): a quotation or a sentence in Russian, English or
// Korean inside an article is judged by that language's entries.

#include <gtest/gtest.h>

#include <string>

#include "lib/normalize/language_runs_internal.h"
#include "lib/normalize/normalize.h"
#include "tests/normalize/termbase_input.h"

namespace onoma::normalize {
namespace {

const Matcher& News() {
  static const Matcher* matcher = [] {
    auto m = Matcher::Compile(testing::NewsTermbase());
    EXPECT_TRUE(m.ok()) << m.status().ToString();
    return new Matcher(std::move(*m));
  }();
  return *matcher;
}

NormalizedText Normalized(const std::string& text, const std::string& lang) {
  DocumentOptions options;
  options.lang = lang;
  auto out = NormalizeText(News(), text, options);
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  return out.ok() ? *out : NormalizedText{};
}

// The language of the first occurrence of `part` in `line`.
std::string LanguageOf(const std::string& line, const std::string& lang,
                       const std::string& part) {
  internal::LanguageRuns runs;
  runs.Find(line, lang);
  std::size_t at = line.find(part);
  EXPECT_NE(at, std::string::npos) << part;
  return std::string(runs.LanguageOf(at, at + part.size()));
}

TEST(LanguageRunsTest, RussianQuotationInUkrainianArticleIsLeftAlone) {
  NormalizedText r = Normalized(
      "Пєсков заявив: «Мы не планируем удары по Киеву». Після цього по "
      "Киеву знову вдарили, а у Киеве оголосили тривогу.",
      "uk");
  EXPECT_EQ(r.text,
            "Пєсков заявив: «Мы не планируем удары по Киеву». Після цього по "
            "Києву знову вдарили, а у Києві оголосили тривогу.");
  ASSERT_EQ(r.changes.size(), 3u);
  const Change& kept = r.changes[0];
  EXPECT_EQ(kept.found, "Киеву");
  EXPECT_EQ(kept.reason, "other-language");
  EXPECT_FALSE(kept.applied);
  EXPECT_EQ(kept.replacement, "Києву");  // what Ukrainian would have made
  EXPECT_EQ(kept.concept_slug, "kyiv");
  EXPECT_EQ(r.changes[1].found, "Киеву");
  EXPECT_EQ(r.changes[1].reason, "deprecated");
  EXPECT_TRUE(r.changes[1].applied);
  EXPECT_EQ(r.changes[2].replacement, "Києві");
  EXPECT_TRUE(r.changes[2].applied);
}

TEST(LanguageRunsTest, RussianRunIsJudgedByRussianEntries) {
  // Russian's preferred forms, nominative or declined, stay as written;
  // a spelling Russian deprecates becomes Russian's preferred one, not
  // Ukrainian's.
  EXPECT_EQ(
      Normalized("Губернатор сказав: «Курск выстоит, мы уверены».", "uk").text,
      "Губернатор сказав: «Курск выстоит, мы уверены».");
  EXPECT_EQ(Normalized("Він сказав: «Мы считаем, что Киев ошибся».", "uk").text,
            "Він сказав: «Мы считаем, что Киев ошибся».");
  EXPECT_EQ(
      Normalized("Він сказав: «Мы вернёмся в Киеве и в Днепропетровск».", "uk")
          .text,
      "Він сказав: «Мы вернёмся в Киеве и в Днепр».");
  // Outside the quotation, Ukrainian as before.
  EXPECT_EQ(Normalized("Курск і Киев", "uk").text, "Курськ і Київ");
}

TEST(LanguageRunsTest, WholeRussianSentenceInUkrainianParagraph) {
  EXPECT_EQ(Normalized("Пєсков сказав таке. Мы не планируем удары по Киеву. "
                       "Проте по Киеву вдарили.",
                       "uk")
                .text,
            "Пєсков сказав таке. Мы не планируем удары по Киеву. "
            "Проте по Києву вдарили.");
}

TEST(LanguageRunsTest, EnglishQuotationInUkrainianArticle) {
  const std::string line =
      "Посол сказав: \"We stand with Kiev and Kharkov's people\", і додав, "
      "що Киев вистоїть.";
  EXPECT_EQ(LanguageOf(line, "uk", "Kiev"), "en");
  EXPECT_EQ(LanguageOf(line, "uk", "Киев"), "uk");
  NormalizedText r = Normalized(line, "uk");
  EXPECT_EQ(r.text,
            "Посол сказав: \"We stand with Kyiv and Kharkiv's people\", і "
            "додав, що Київ вистоїть.");
  ASSERT_EQ(r.changes.size(), 3u);
  EXPECT_EQ(r.changes[0].reason, "deprecated");
  EXPECT_TRUE(r.changes[0].applied);
}

TEST(LanguageRunsTest, UkrainianSentenceWithQuotationMarksIsNotMistaken) {
  // A Ukrainian quotation, one left open, a stray inch mark, a title in
  // Russian too short to tell: all Ukrainian.
  EXPECT_EQ(
      Normalized("Мер сказав: «Ми не віддамо Киева» — і в Киеве тихо.", "uk")
          .text,
      "Мер сказав: «Ми не віддамо Києва» — і в Києві тихо.");
  EXPECT_EQ(
      Normalized("Компанія «Нафтогаз повідомила, що у Киеве світло є.", "uk")
          .text,
      "Компанія «Нафтогаз повідомила, що у Києві світло є.");
  EXPECT_EQ(Normalized("Телевізор 55\" продали у Киеве.", "uk").text,
            "Телевізор 55\" продали у Києві.");
  EXPECT_EQ(Normalized("Він написав «Мы» і поїхав до Киева.", "uk").text,
            "Він написав «Мы» і поїхав до Києва.");
  EXPECT_EQ(LanguageOf("Він написав «Мы» і поїхав до Киева.", "uk", "Мы"),
            "uk");
}

TEST(LanguageRunsTest, RussianRunWithoutDistinctiveLettersStaysUkrainian) {
  // A documented limit: nothing in «Удар по Киеву нанесен» tells Russian
  // from Ukrainian, so the document's language judges it.
  EXPECT_EQ(LanguageOf("Він сказав: «Удар по Киеву нанесен».", "uk", "Киеву"),
            "uk");
  EXPECT_EQ(Normalized("Він сказав: «Удар по Киеву нанесен».", "uk").text,
            "Він сказав: «Удар по Києву нанесен».");
}

TEST(LanguageRunsTest, QuotationsNestAndPairTheirMarks) {
  const std::string line =
      "Він цитує: „Вони писали «Мы не отдадим Киев, это ложь» у листі“, і "
      "Киев тут.";
  EXPECT_EQ(LanguageOf(line, "uk", "Киев, это"), "ru");
  EXPECT_EQ(LanguageOf(line, "uk", "листі"), "uk");
  EXPECT_EQ(LanguageOf(line, "uk", "Киев тут"), "uk");
  // English “ ” in a Korean article.
  EXPECT_EQ(LanguageOf("그는 “We will rebuild Kiev”라고 말했다.", "ko", "Kiev"),
            "en");
  // Korean in a Ukrainian article.
  EXPECT_EQ(
      LanguageOf("Агентство: «키예프에서 폭발이 있었다».", "uk", "키예프"),
      "ko");
}

TEST(LanguageRunsTest, DeepOrOpenMarksStayBounded) {
  // Marks nested past eight deep or never closed are no quotations; a
  // long line of them is read once.
  std::string line;
  for (int i = 0; i < 20000; ++i) line += "«„“\"";
  line += " Мы не планируем удары по Киеву.";
  internal::LanguageRuns runs;
  runs.Find(line, "uk");
  std::size_t at = line.find("Киеву");
  EXPECT_EQ(runs.LanguageOf(at, at + 10), "ru");
}

}  // namespace
}  // namespace onoma::normalize
