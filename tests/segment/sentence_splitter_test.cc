// The segmenter's exceptions in each language (tables/segment/*.txt):
// each case is a paragraph and the sentences it must give.

#include "lib/segment/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace onoma::segment {
namespace {

struct Case {
  const char* text;
  std::vector<std::string> sentences;
};

std::vector<std::string> Split(SentenceSplitter& splitter,
                               std::string_view text) {
  std::vector<std::string> out;
  for (const SentenceSpan& span : splitter.Split(text)) {
    out.emplace_back(span.In(text));
  }
  return out;
}

void Check(const char* lang, const std::vector<Case>& cases) {
  auto splitter = SentenceSplitter::Create(lang);
  ASSERT_TRUE(splitter.ok()) << splitter.status().ToString();
  for (const Case& c : cases) {
    EXPECT_EQ(Split(*splitter, c.text), c.sentences) << lang << ": " << c.text;
  }
}

TEST(SentenceSplitterTest, EnglishAbbreviationsAndTitles) {
  Check("en",
        {
            {"Mr. Kim met Gen. Park and Sen. Lee. They talked.",
             {"Mr. Kim met Gen. Park and Sen. Lee.", "They talked."}},
            {"Dr. Smith and Mrs. Jones arrived. Gov. Hochul spoke.",
             {"Dr. Smith and Mrs. Jones arrived.", "Gov. Hochul spoke."}},
            {"The U.S. Army and the U.N. Security Council agreed.",
             {"The U.S. Army and the U.N. Security Council agreed."}},
            {"Sanctions were imposed by the U.S. The talks failed.",
             {"Sanctions were imposed by the U.S.", "The talks failed."}},
            {"It starts at 9 a.m. Monday and ends at 5 p.m. on Friday.",
             {"It starts at 9 a.m. Monday and ends at 5 p.m. on Friday."}},
            // The time of day before a capital: a new sentence, unless
            // the capital goes on saying when.
            {"The launch took place at 1:13 a.m. About 13 minutes later, "
             "the satellite separated.",
             {"The launch took place at 1:13 a.m.",
              "About 13 minutes later, the satellite separated."}},
            {"Use peaks between 5 p.m. and 10 p.m. President Zelenskiy "
             "urged allies to hurry.",
             {"Use peaks between 5 p.m. and 10 p.m.",
              "President Zelenskiy urged allies to hurry."}},
            {"Polls close at 8 p.m. EST and results follow at 11 p.m. "
             "Tuesday, officials said.",
             {"Polls close at 8 p.m. EST and results follow at 11 p.m. "
              "Tuesday, officials said."}},
            {"The talks end at 6 p.m. Nov. 27 in Seoul.",
             {"The talks end at 6 p.m. Nov. 27 in Seoul."}},
            {"The vote is set for Jan. 15. Voters are ready.",
             {"The vote is set for Jan. 15.", "Voters are ready."}},
            {"No. 5 Samsung won. St. Petersburg lost.",
             {"No. 5 Samsung won.", "St. Petersburg lost."}},
            // Before a number, which may now begin a sentence, and before
            // a name.
            {"As Fig. 3 shows, Art. 5 applies, on p. 12 of the report.",
             {"As Fig. 3 shows, Art. 5 applies, on p. 12 of the report."}},
            {"Chelsea v. Arsenal ended 2-1. Fans left.",
             {"Chelsea v. Arsenal ended 2-1.", "Fans left."}},
        });
}

TEST(SentenceSplitterTest, EnglishInitialsAndNumbers) {
  Check("en", {
                  {"K. Budanov said so. V. Zelensky agreed.",
                   {"K. Budanov said so.", "V. Zelensky agreed."}},
                  {"Kim Jong Un's sister spoke. Seoul answered.",
                   {"Kim Jong Un's sister spoke.", "Seoul answered."}},
                  {"Growth was 3.5 percent. Exports hit $1.2 million.",
                   {"Growth was 3.5 percent.", "Exports hit $1.2 million."}},
                  // A sentence may begin with a number, though a
                  // lower-case word follows it.
                  {"The fire broke out in 2023. 15 people died there.",
                   {"The fire broke out in 2023.", "15 people died there."}},
                  {"\"We won,\" he said. 37-year-old Usyk smiled.",
                   {"\"We won,\" he said.", "37-year-old Usyk smiled."}},
                  {"The No. 5 seed and the U.S. 30-year bond fell.",
                   {"The No. 5 seed and the U.S. 30-year bond fell."}},
                  {"It was built by 1999. It cost $3 million.",
                   {"It was built by 1999.", "It cost $3 million."}},
              });
}

TEST(SentenceSplitterTest, EnglishQuotations) {
  Check("en", {
                  {"\"We are ready,\" he said. \"Are you?\" she asked.",
                   {"\"We are ready,\" he said.", "\"Are you?\" she asked."}},
                  {"\"Stop!\" the officer shouted. The crowd left.",
                   {"\"Stop!\" the officer shouted.", "The crowd left."}},
              });
}

TEST(SentenceSplitterTest, EnglishDatelinesAndHeadlines) {
  Check("en",
        {
            {"SEOUL, Nov. 27 (Yonhap) -- South Korea's exports rose.",
             {"SEOUL, Nov. 27 (Yonhap) --", "South Korea's exports rose."}},
            {"KYIV, Ukraine (AP) — The city was dark.",
             {"KYIV, Ukraine (AP) —", "The city was dark."}},
            {"Kyiv • UNN\nThe army said so.",
             {"Kyiv • UNN", "The army said so."}},
            {"Heavy snow hits Kyiv\nThe snow fell.",
             {"Heavy snow hits Kyiv", "The snow fell."}},
        });
}

TEST(SentenceSplitterTest, UkrainianAbbreviations) {
  Check(
      "uk",
      {
          {"Про це повідомив ген. Сирський. Бої тривають.",
           {"Про це повідомив ген. Сирський.", "Бої тривають."}},
          {"Університет ім. Шевченка стоїть на вул. Володимирській у м. Київ. "
           "Він старий.",
           {"Університет ім. Шевченка стоїть на вул. Володимирській у м. Київ.",
            "Він старий."}},
          {"Виступив проф. Іваненко, акад. Петренко та ін. Зала слухала.",
           {"Виступив проф. Іваненко, акад. Петренко та ін.", "Зала слухала."}},
          {"Зібрали 5 тис. грн, 3 млн доларів і т. д. Потім рахували.",
           {"Зібрали 5 тис. грн, 3 млн доларів і т. д.", "Потім рахували."}},
          {"Ціни зросли на 3,5 млрд грн. Уряд мовчить.",
           {"Ціни зросли на 3,5 млрд грн.", "Уряд мовчить."}},
          {"Це було у 2022 р. Відтоді минуло 4 рр. і т. п.",
           {"Це було у 2022 р.", "Відтоді минуло 4 рр. і т. п."}},
          {"Село Петрівка (Одеська обл., Березівський р-н) евакуювали. Люди "
           "виїхали.",
           {"Село Петрівка (Одеська обл., Березівський р-н) евакуювали.",
            "Люди виїхали."}},
          {"Див. с. 5. Там усе.", {"Див. с. 5.", "Там усе."}},
      });
}

TEST(SentenceSplitterTest, UkrainianInitialsQuotesDatelines) {
  Check("uk",
        {
            {"В. Зеленський і К. Буданов прибули. Дж. Байден теж.",
             {"В. Зеленський і К. Буданов прибули.", "Дж. Байден теж."}},
            {"«Ми готові», — сказав він. «Коли?» — спитала вона.",
             {"«Ми готові», — сказав він.", "«Коли?» — спитала вона."}},
            {"«Ми переможемо!» — заявив президент. Зала аплодувала.",
             {"«Ми переможемо!» — заявив президент.", "Зала аплодувала."}},
            {"Київ • УНН\nВорог атакував.", {"Київ • УНН", "Ворог атакував."}},
            {"КИЇВ, 27 листопада (Укрінформ) — Сніг випав.",
             {"КИЇВ, 27 листопада (Укрінформ) —", "Сніг випав."}},
            // A capital letter before a quotation mark ends a sentence: it
            // is no initial.
            {"«Шахтар» третій у групі H. «Барселона» очолює групу.",
             {"«Шахтар» третій у групі H.", "«Барселона» очолює групу."}},
            // A sentence that begins with a number.
            {"– написав він у Telegram. 37-річний Усик виграв усі бої.",
             {"– написав він у Telegram.", "37-річний Усик виграв усі бої."}},
            {"Це сталося у 2024 р. 15 людей загинули.",
             {"Це сталося у 2024 р. 15 людей загинули."}},
        });
}

TEST(SentenceSplitterTest, RussianAbbreviations) {
  Check(
      "ru",
      {
          {"Об этом сообщил ген. Иванов. Бои идут.",
           {"Об этом сообщил ген. Иванов.", "Бои идут."}},
          {"На ул. Тверской, т. е. в центре, открыли парк им. Пушкина. Люди "
           "пришли.",
           {"На ул. Тверской, т. е. в центре, открыли парк им. Пушкина.",
            "Люди пришли."}},
          {"Собрали 5 тыс. руб. и 2 млрд долларов. Проф. Петров доволен.",
           {"Собрали 5 тыс. руб. и 2 млрд долларов.", "Проф. Петров доволен."}},
          {"Это было в 2020 г. Потом и т. д. Дж. Байден приехал.",
           {"Это было в 2020 г.", "Потом и т. д.", "Дж. Байден приехал."}},
          {"Сумма составила 1,5 млн. Продажи выросли в Курской обл. и др. "
           "регионах.",
           {"Сумма составила 1,5 млн.",
            "Продажи выросли в Курской обл. и др. регионах."}},
      });
}

TEST(SentenceSplitterTest, KoreanQuotationsAndDatelines) {
  Check(
      "ko",
      {
          {"그는 \"우리는 준비됐다.\"라고 말했다. 회의는 끝났다.",
           {"그는 \"우리는 준비됐다.\"라고 말했다.", "회의는 끝났다."}},
          {"합참은 \"분석 중이다.\" 라고 밝혔다. 다음 날 발표했다.",
           {"합참은 \"분석 중이다.\" 라고 밝혔다.", "다음 날 발표했다."}},
          {"그는 \"언제 오나?\"며 물었다. 답은 없었다.",
           {"그는 \"언제 오나?\"며 물었다.", "답은 없었다."}},
          {"(서울=연합뉴스) 김민수 기자 = 북한이 27일 미사일을 발사했다.",
           {"(서울=연합뉴스) 김민수 기자 =", "북한이 27일 미사일을 발사했다."}},
          {"(키이우 AFP=연합뉴스) = 공습이 이어졌다. 피해가 컸다.",
           {"(키이우 AFP=연합뉴스) =", "공습이 이어졌다.", "피해가 컸다."}},
          {"성장률은 3.5%였다. 수출은 1.2% 늘었다.",
           {"성장률은 3.5%였다.", "수출은 1.2% 늘었다."}},
      });
}

TEST(SentenceSplitterTest, SpansAreByteOffsetsWithoutSpaces) {
  auto splitter = SentenceSplitter::Create("uk");
  ASSERT_TRUE(splitter.ok());
  const std::string text = "  Київ.  Львів.\n\nОдеса.  ";
  std::vector<SentenceSpan> spans = splitter->Split(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0], (SentenceSpan{2, 11}));
  EXPECT_EQ(spans[1].In(text), "Львів.");
  EXPECT_EQ(spans[2].In(text), "Одеса.");
}

TEST(SentenceSplitterTest, UnknownLanguageUsesIcuAlone) {
  auto splitter = SentenceSplitter::Create("de-DE");
  ASSERT_TRUE(splitter.ok()) << splitter.status().ToString();
  EXPECT_EQ(Split(*splitter, "Es schneit. Wir bleiben."),
            (std::vector<std::string>{"Es schneit.", "Wir bleiben."}));
}

TEST(SentenceSplitterTest, MalformedLanguageIsBadArgument) {
  auto splitter = SentenceSplitter::Create("e n");
  ASSERT_FALSE(splitter.ok());
  EXPECT_EQ(splitter.status().code(), StatusCode::kBadArgument);
  EXPECT_FALSE(SentenceSplitter::Create("").ok());
}

TEST(SentenceSplitterTest, EmptyAndBlankText) {
  auto splitter = SentenceSplitter::Create("en");
  ASSERT_TRUE(splitter.ok());
  EXPECT_TRUE(splitter->Split("").empty());
  EXPECT_TRUE(splitter->Split(" \n\t\n").empty());
}

}  // namespace
}  // namespace onoma::segment
