// Anchors (lib/segment/anchors.h): numbers as each language writes them,
// month and weekday names, and a list of names.

#include "lib/segment/anchors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace onoma::segment {
namespace {

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

struct Case {
  const char* lang;
  const char* sentence;
  std::vector<std::string> keys;
};

TEST(NumberAnchorsTest, NumbersAsEachLanguageWritesThem) {
  const NumberAnchors anchors;
  const Case cases[] = {
      {"en", "About 1,200 homes; growth 3.5%.", {"num:1200", "num:3.5"}},
      {"uk", "Близько 1 200 осель; зростання 3,5%.", {"num:1200", "num:3.5"}},
      {"uk", "Близько 1\u00A0200 осель.", {"num:1200"}},
      {"ko", "약 1천200개 마을, 3.5% 성장.", {"num:1200", "num:3.5"}},
      {"en", "It cost $1.2 million.", {"num:1200000"}},
      {"uk", "Це коштувало 1,2 млн доларів.", {"num:1200000"}},
      {"ko", "120만 달러가 들었다.", {"num:1200000"}},
      {"en", "Profit was 12.2 trillion won.", {"num:12200000000000"}},
      {"ko", "영업이익은 12조2천억원이었다.", {"num:12200000000000"}},
      {"ko", "3천여 명", {"num:3000"}},
      {"uk", "Гру дивилися 45 тисяч глядачів.", {"num:45000"}},
      {"uk",
       "Населення – 60 тисяч, бюджет – 2 мільярди.",
       {"num:60000", "num:2000000000"}},
      {"ru", "45 тысяч зрителей", {"num:45000"}},
      {"en", "About 45 thousand fans.", {"num:45000"}},
      // Korean money and counts as wire copy writes them.
      {"ko", "주가는 6만300원에 마감했다.", {"num:60300"}},
      {"en", "The shares closed at 60,300 won.", {"num:60300"}},
      {"ko", "영업이익은 10조3천억 원이었다.", {"num:10300000000000"}},
      {"en", "Profit was 10.3 trillion won.", {"num:10300000000000"}},
      {"ko", "8만8천800원", {"num:88800"}},
      // Places within a group of ten thousands before its unit: 4천400억
      // is 4,400 times 1e8.
      {"ko", "영업이익이 10조4천400억 원으로 늘었다.", {"num:10440000000000"}},
      {"en", "Profit rose to 10.44 trillion won.", {"num:10440000000000"}},
      {"ko", "4조3천600억 원 적자", {"num:4360000000000"}},
      {"ko",
       "3억5천만 달러, 2천억 원, 1만1천 명",
       {"num:350000000", "num:200000000000", "num:11000"}},
      {"ko", "5천 명과 3백 명", {"num:5000", "num:300"}},
      // A record: the fraction of a second after 초.
      {"ko", "2분15초302의 기록", {"num:2", "num:15.302"}},
      {"en", "in 2 minutes 15.302 seconds", {"num:2", "num:15.302"}},
      {"ko", "15초 만에", {"num:15"}},
      // Times of day by their hour on the 24-hour clock, and minutes.
      {"en", "Use peaks between 5 p.m. and 10 p.m.", {"hour:17", "hour:22"}},
      {"uk",
       "Споживання сягає піку між 17:00 і 22:00.",
       {"hour:17", "hour:22"}},
      {"ko", "오후 5시부터 밤 10시 사이", {"hour:17", "hour:22"}},
      {"en", "The launch took place at 1:13 a.m.", {"hour:1", "num:13"}},
      {"ko", "발사는 오전 1시 13분에 이뤄졌다.", {"hour:1", "num:13"}},
      {"ko", "5시간 동안, 12시 정각", {"num:5", "hour:12"}},
      // Wire copy's four digits before the zone: hour and minutes.
      {"en", "Kick-off is at 1645 GMT.", {"hour:16", "num:45"}},
      {"uk", "Початок — о 19:45 за київським часом.", {"hour:19", "num:45"}},
      // US units also give the metric value a translation writes, whole
      // and to one decimal.
      {"en",
       "Fury, who weighed 262 pounds, was 28 pounds heavier.",
       {"num:262", "num:119", "num:118.8", "num:28", "num:13", "num:12.7"}},
      {"uk",
       "Ф'юрі важив 118,8 кг, на 12,7 кг більше.",
       {"num:118.8", "num:12.7"}},
      {"en", "a 19-mile front", {"num:19", "num:31", "num:30.6"}},
      {"en", "It was 5 degrees Fahrenheit.", {"num:5", "num:-15"}},
      {"en", "5 Fighters and 2 feeters", {"num:5", "num:2"}},
      {"en", "It ended 3:1 after 90 minutes.", {"num:3", "num:1", "num:90"}},
      {"ko", "68억 달러를 투자한다.", {"num:6800000000"}},
      {"en", "It will invest $6.8 billion.", {"num:6800000000"}},
      {"ko", "7~9월 실적", {"num:7", "num:9"}},
      {"ko", "7∼9월 실적", {"num:7", "num:9"}},
      {"en", "Scores 2-1 and 09.", {"num:1", "num:2", "num:9"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Sorted(anchors.ConceptKeys(c.sentence, c.lang)), Sorted(c.keys))
        << c.lang << ": " << c.sentence;
  }
}

TEST(NumberAnchorsTest, MonthsAndWeekdays) {
  const NumberAnchors anchors;
  EXPECT_EQ(Sorted(anchors.ConceptKeys("On Monday, Nov. 27, it snowed.", "en")),
            Sorted({"day:1", "num:11", "num:27"}));
  EXPECT_EQ(Sorted(anchors.ConceptKeys("У понеділок, 27 листопада, випав сніг.",
                                       "uk")),
            Sorted({"day:1", "num:11", "num:27"}));
  EXPECT_EQ(Sorted(anchors.ConceptKeys("11월 27일 월요일에 눈이 왔다.", "ko")),
            Sorted({"day:1", "num:11", "num:27"}));
  EXPECT_EQ(Sorted(anchors.ConceptKeys("27 ноября в понедельник", "ru-RU")),
            Sorted({"day:1", "num:11", "num:27"}));
  // "may" is a verb: only the capitalized month counts.
  EXPECT_TRUE(anchors.ConceptKeys("Prices may rise.", "en").empty());
  // A month's abbreviation counts before a period or a number; elsewhere
  // it is a name.
  EXPECT_EQ(anchors.ConceptKeys("Talks resume on Jun 5.", "en"),
            (std::vector<std::string>{"num:5", "num:6"}));
  EXPECT_EQ(anchors.ConceptKeys("They met in Jun. and parted.", "en"),
            std::vector<std::string>{"num:6"});
  EXPECT_TRUE(anchors.ConceptKeys("Jun Young-hyun apologised.", "en").empty());
  EXPECT_TRUE(anchors.ConceptKeys("Jan Lipavsky met Dec Smith.", "en").empty());
}

// News style spells out small numbers where a translation writes digits,
// or another word: each gives the digits' key.
TEST(NumberAnchorsTest, NumbersWrittenOut) {
  const NumberAnchors anchors;
  EXPECT_EQ(Sorted(anchors.ConceptKeys("Talks lasted five hours.", "en")),
            Sorted({"num:5"}));
  EXPECT_EQ(anchors.ConceptKeys("회담은 약 5시간 동안 이어졌다.", "ko"),
            std::vector<std::string>{"num:5"});
  EXPECT_EQ(
      Sorted(anchors.ConceptKeys("Seven people died, and Four fled.", "en")),
      Sorted({"num:4", "num:7"}));
  EXPECT_EQ(
      Sorted(anchors.ConceptKeys(
          "Загинули щонайменше семеро людей, четверо – у лікарні.", "uk")),
      Sorted({"num:4", "num:7"}));
  EXPECT_EQ(anchors.ConceptKeys("이틀 넘게 달렸다.", "ko"),
            std::vector<std::string>{"num:2"});
  EXPECT_EQ(anchors.ConceptKeys("The journey took two days.", "en"),
            std::vector<std::string>{"num:2"});
  // Round quantities without a figure.
  EXPECT_EQ(anchors.ConceptKeys("Pyongyang sent thousands of troops.", "en"),
            (std::vector<std::string>{"many:1000"}));
  EXPECT_EQ(anchors.ConceptKeys("북한은 수천 명의 병력을 파견했다.", "ko"),
            (std::vector<std::string>{"many:1000"}));
  EXPECT_EQ(anchors.ConceptKeys("수백만명이 피란했다. Millions fled.", "ko"),
            (std::vector<std::string>{"many:1000000"}));
  EXPECT_EQ(anchors.ConceptKeys("Millions fled.", "en"),
            (std::vector<std::string>{"many:1000000"}));
  EXPECT_EQ(anchors.ConceptKeys("Евакуювали сотні людей.", "uk"),
            (std::vector<std::string>{"many:100"}));
  // Ordinals give the number they count.
  EXPECT_EQ(anchors.ConceptKeys("It was the rocket's fourth launch.", "en"),
            (std::vector<std::string>{"num:4"}));
  EXPECT_EQ(
      anchors.ConceptKeys("누리호의 네 번째 발사이자 첫 야간 발사다.", "ko"),
      (std::vector<std::string>{"num:4", "num:1"}));
  EXPECT_EQ(anchors.ConceptKeys("Це вже третій удар за тиждень.", "uk"),
            (std::vector<std::string>{"num:3"}));
  // Korean native numerals before a noun; one syllable only alone.
  EXPECT_EQ(anchors.ConceptKeys("두 정상은 네 차례 만났다.", "ko"),
            (std::vector<std::string>{"num:2", "num:4"}));
  EXPECT_EQ(anchors.ConceptKeys("다섯 차례 발사했다.", "ko"),
            std::vector<std::string>{"num:5"});
  EXPECT_TRUE(
      anchors.ConceptKeys("두고 보자, 세계가 두려워한다.", "ko").empty());
  EXPECT_TRUE(anchors.ConceptKeys("회의를 열 예정이다.", "ko").empty());
}

// Dates told from the day of the story: "last year", "지난해" and "торік"
// share a key; a phrase's words must come in a row, and its last must end
// a word, except in Korean, where a particle may follow.
TEST(NumberAnchorsTest, RelativeDates) {
  const NumberAnchors anchors;
  EXPECT_EQ(anchors.ConceptKeys("Exports fell last year.", "en"),
            std::vector<std::string>{"rel:year-1"});
  EXPECT_EQ(anchors.ConceptKeys("Last year's record stands.", "en"),
            std::vector<std::string>{"rel:year-1"});
  EXPECT_EQ(anchors.ConceptKeys("수출은 지난해 감소했다.", "ko"),
            std::vector<std::string>{"rel:year-1"});
  EXPECT_EQ(anchors.ConceptKeys("Торік експорт скоротився.", "uk"),
            std::vector<std::string>{"rel:year-1"});
  EXPECT_EQ(anchors.ConceptKeys("Експорт скоротився минулого року.", "uk"),
            std::vector<std::string>{"rel:year-1"});
  EXPECT_EQ(anchors.ConceptKeys("The rules take effect next month.", "en"),
            std::vector<std::string>{"rel:month+1"});
  EXPECT_EQ(anchors.ConceptKeys("규제는 다음 달에 시행된다.", "ko"),
            std::vector<std::string>{"rel:month+1"});
  EXPECT_TRUE(
      anchors.ConceptKeys("In the last years of his life.", "en").empty());
  EXPECT_TRUE(anchors.ConceptKeys("The next big year.", "en").empty());
}

TEST(ListAnchorsTest, NamesMatchAtWordStartsIgnoringCase) {
  ListAnchors names;
  names.Add("kursk", "en", "Kursk");
  names.Add("kursk", "uk", "Курськ");
  names.Add("kursk", "ko", "쿠르스크");
  EXPECT_EQ(names.ConceptKeys("Fighting in the KURSK region.", "en"),
            std::vector<std::string>{"kursk"});
  EXPECT_EQ(names.ConceptKeys("Бої в Курській області.", "uk"),
            std::vector<std::string>{"kursk"});
  EXPECT_EQ(Sorted(names.ConceptKeys("쿠르스크에서 2일 교전", "ko")),
            Sorted({"kursk", "num:2"}));
  EXPECT_TRUE(names.ConceptKeys("Некурськ", "uk").empty());
}

TEST(ListAnchorsTest, ParsesTsvAndLocatesFaults) {
  auto list = ListAnchors::Parse(
      "# names\nkyiv\ten\tKyiv\nkyiv\tuk\tКиїв\nkyiv\tuk\tКиєв\n", "names.tsv");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->ConceptKeys("У Києві тихо.", "uk"),
            std::vector<std::string>{"kyiv"});
  auto bad = ListAnchors::Parse("kyiv\ten\tKyiv\nkyiv uk Київ\n", "names.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().ToString(),
            "names.tsv:2:13: expected key<TAB>lang<TAB>form");
}

}  // namespace
}  // namespace onoma::segment
