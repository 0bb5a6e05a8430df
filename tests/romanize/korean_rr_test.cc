// ko-rr against every example of RR notice 2000-8 (ko-rr-notice.tsv) and
// against onoma's own lists, one per rule (ko-rr-rules.tsv).

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include "tests/romanize/korean_test_util.h"

namespace onoma::romanize {
namespace {

using korean_test::LoadRows;
using korean_test::OptionsFor;
using korean_test::Rr;

// Runs a golden file (clause, mode, Hangul, expected) and prints the pass
// rate per clause.
void RunGolden(const std::string& file) {
  std::map<std::string, std::pair<int, int>> by_clause;  // passed, total
  for (const auto& row : LoadRows(file, 4)) {
    const std::string& clause = row.fields[0];
    std::string got = Rr().Romanize(row.fields[2], OptionsFor(row.fields[1]));
    auto& [passed, total] = by_clause[clause];
    ++total;
    if (got == row.fields[3]) ++passed;
    EXPECT_EQ(got, row.fields[3])
        << file << ":" << row.line << " (" << clause << ", " << row.fields[1]
        << ") " << row.fields[2];
  }
  for (const auto& [clause, counts] : by_clause) {
    std::printf("  %-22s %3d/%3d\n", clause.c_str(), counts.first,
                counts.second);
  }
}

TEST(KoreanRrTest, NoticeExamples) { RunGolden("ko-rr-notice.tsv"); }

TEST(KoreanRrTest, RuleLists) { RunGolden("ko-rr-rules.tsv"); }

TEST(KoreanRrTest, SchemeFacts) {
  EXPECT_EQ(Rr().id(), "ko-rr");
  EXPECT_FALSE(Rr().reversible());
  EXPECT_EQ(Rr().script(), text::Script::kHangul);
  EXPECT_FALSE(Rr().Deromanize("silla").ok());
}

TEST(KoreanRrTest, RomanizeToAppends) {
  std::string out = "> ";
  Rr().RomanizeTo("신라", {}, out);
  EXPECT_EQ(out, "> silla");
}

TEST(KoreanRrTest, SoundChangesStopAtSpaces) {
  // 종로 is one word [종노]; "종 로" is two, with nothing between them.
  EXPECT_EQ(Rr().Romanize("종 로"), "jong ro");
  EXPECT_EQ(Rr().Romanize("종로"), "jongno");
}

TEST(KoreanRrTest, CapitalizeMarksEachWord) {
  RomanizeOptions cap;
  cap.capitalize = true;
  EXPECT_EQ(Rr().Romanize("서울 부산(대구)", cap), "Seoul Busan(Daegu)");
  // A run right after a letter continues a word and is not capitalized.
  EXPECT_EQ(Rr().Romanize("KBS뉴스", cap), "KBSnyuseu");
}

// Words and names that were once romanized wrongly, in each mode.
TEST(KoreanRegressionTest, WordsOnceWrong) {
  RomanizeOptions cap;
  cap.capitalize = true;
  RomanizeOptions place;
  place.place = true;
  RomanizeOptions name;
  name.name = true;
  EXPECT_EQ(Rr().Romanize("종로 신라 학여울", cap), "Jongno Silla Hangnyeoul");
  EXPECT_EQ(Rr().Romanize("같이 좋고"), "gachi joko");
  EXPECT_EQ(Rr().Romanize("윤석열", name), "Yun Seok-yeol");
  // Plain mode does not hyphenate endings that only look like units.
  EXPECT_EQ(Rr().Romanize("운동"), "undong");
  EXPECT_EQ(Rr().Romanize("운동", place), "Undong");
  EXPECT_EQ(Rr().Romanize("한라산 독도", place), "Hallasan Dokdo");
  EXPECT_EQ(Rr().Romanize("생산량"), "saengsannyang");
  RomanizeOptions ascii = cap;
  ascii.ascii = true;
  EXPECT_EQ(korean_test::Mr().Romanize("평양", cap), "P'yŏngyang");
  EXPECT_EQ(korean_test::Mr().Romanize("평양", ascii), "Pyongyang");
}

// The defects of the words and places report: ㅅ ㅈ ㅊ ㄷ before 하,
// names that end in a unit's syllable, ㄴ insertion and ㄹ doubling.
TEST(KoreanRegressionTest, AspirationUnitsAndInsertion) {
  RomanizeOptions place;
  place.place = true;
  const struct {
    const char* hangul;
    const char* want;
  } kPlain[] = {
      {"따뜻하다", "ttatteutada"},  // 제12항 [붙임 2]
      {"비슷하다", "biseutada"},   {"깨끗한", "kkaekkeutan"},
      {"못하다", "motada"},        {"착하다", "chakada"},  // RR 3.1.4
      {"답답하다", "dapdapada"},   {"축하", "chukha"},     // 3.1.4 다만
      {"낙하산", "nakhasan"},      {"맏형", "mathyeong"},
      {"밤이슬", "bamniseul"},  // 제29항
      {"할일", "hallil"},       // 제29항 [붙임 2]
      {"볼일", "bollil"},          {"첫인상", "cheodinsang"},  // 제15항
  };
  for (const auto& c : kPlain) {
    EXPECT_EQ(Rr().Romanize(c.hangul), c.want) << c.hangul;
  }
  const struct {
    const char* hangul;
    const char* want;
  } kPlaces[] = {
      {"대구", "Daegu"},
      {"대구광역시", "Daegu-gwangyeoksi"},
      {"안동", "Andong"},
      {"안동시", "Andong-si"},
      {"서면", "Seomyeon"},
      {"북면", "Buk-myeon"},
      {"명동", "Myeong-dong"},
      {"목동", "Mok-dong"},
      {"왕십리", "Wangsimni"},
      {"청량리", "Cheongnyangni"},
      {"청량리동", "Cheongnyangni-dong"},
      {"광안리", "Gwangalli"},
      {"인왕리", "Inwang-ri"},
      {"송정리", "Songjeong-ri"},
      {"신리", "Sin-ri"},
      {"운동", "Undong"},
      // Districts named without their unit, and the same with it.
      {"강동", "Gangdong"},
      {"강동구", "Gangdong-gu"},
      {"성동역", "Seongdong Station"},
      // The eight provinces of Joseon, as regions.
      {"경상도", "Gyeongsang-do"},
      {"함경도", "Hamgyeong-do"},
      {"독도", "Dokdo"},
      // 십리 "ten li" ends a name read whole; a station in Seoul in 리.
      {"명사십리", "Myeongsasimni"},
      {"가오리", "Gaori"},
      // Jeju's natural monuments: a columnar joint, a crater (굼부리).
      {"주상절리", "Jusangjeolli"},
      {"산굼부리", "Sangumburi"},
      // A feature named with its place, in two words ([spaced]).
      {"성산일출봉", "Seongsan Ilchulbong"},
      {"성산", "Seongsan"},
  };
  for (const auto& c : kPlaces) {
    EXPECT_EQ(Rr().Romanize(c.hangul, place), c.want) << c.hangul;
  }
  // McCune–Reischauer writes ㅅ + ㅎ as th (final-h: written).
  EXPECT_EQ(korean_test::Mr().Romanize("못하다"), "mothada");
}

// Roads of the road-name address, stations and numbered units as signs
// write them (tables/korean/ko-generics.txt).
TEST(KoreanRrTest, RoadsAndStations) {
  RomanizeOptions place;
  place.place = true;
  RomanizeOptions road = place;
  road.road = true;
  RomanizeOptions bare = place;
  bare.number_reading = false;
  const struct {
    const RomanizeOptions* options;
    const char* hangul;
    const char* want;
  } kCases[] = {
      // 대로 and 길 are roads: a hyphen, no sound change across it.
      {&place, "세종대로", "Sejong-daero"},
      {&place, "강남대로", "Gangnam-daero"},
      {&place, "인사동길", "Insadong-gil"},
      {&place, "경리단길", "Gyeongnidan-gil"},  // [경니단] inside the name
      {&place, "해운대로", "Haeundaero"},  // 해운대 + 로 ([road-names])
      {&road, "해운대로", "Haeundae-ro"},
      {&place, "신길", "Singil"},  // 길 needs two syllables
      {&place, "신길동", "Singil-dong"},
      // Numbered side streets, in one word or two; no reading of the number.
      {&place, "테헤란로4길", "Teheran-ro 4-gil"},
      {&place, "테헤란로 4길", "Teheran-ro 4-gil"},
      {&place, "세종대로23길", "Sejong-daero 23-gil"},
      {&place, "중앙로123번길", "Jungang-ro 123beon-gil"},
      {&place, "돈화문로11가길", "Donhwamun-ro 11ga-gil"},
      {&place, "장미1길", "Jangmi 1-gil"},
      {&place, "4길", "4-gil"},
      // 로 alone: the notice's one word by default, the road form on request.
      {&place, "종로", "Jongno"},
      {&place, "대학로", "Daehangno"},
      {&place, "테헤란로", "Teheranno"},
      {&road, "종로", "Jong-ro"},
      {&road, "대학로", "Daehak-ro"},
      {&road, "테헤란로", "Teheran-ro"},
      {&road, "선릉로", "Seolleung-ro"},
      {&road, "을지로 세종대로", "Eulji-ro Sejong-daero"},
      // 로 needs two syllables before it; 종로 is listed ([road-names]).
      {&road, "구로", "Guro"},
      {&road, "종로1길", "Jong-ro 1-gil"},
      // ... but not as the name of a numbered 가 or of a district.
      {&road, "종로 2가", "Jongno 2(i)-ga"},
      {&road, "퇴계로 3가", "Toegyero 3(sam)-ga"},
      {&road, "종로3가", "Jongno 3(sam)-ga"},
      // The name of a numbered 가 as it is written on its own.
      {&place, "남대문로5가", "Namdaemunno 5(o)-ga"},
      {&place, "명동2가", "Myeong-dong 2(i)-ga"},
      {&road, "종로구", "Jongno-gu"},
      // Stations: the name as a place, then Station.
      {&place, "서울역", "Seoul Station"},
      {&place, "명동역", "Myeong-dong Station"},
      {&place, "청량리역", "Cheongnyangni Station"},
      {&place, "충정로역", "Chungjeongno Station"},
      {&road, "충정로역", "Chungjeongno Station"},
      {&place, "종로3가역", "Jongno 3(sam)-ga Station"},
      {&place, "서울역 부산역", "Seoul Station Busan Station"},
      {&place, "지역", "Jiyeok"},  // a noun: two syllables at least
      {&place, "동대구역", "Dongdaegu Station"},       // [names]: no district
      {&place, "천안아산역", "Cheonan-Asan Station"},  // [joined]
      {&place, "천안아산", "Cheonan-Asan"},
      // Numbers before units without their reading, on request.
      {&bare, "종로3가", "Jongno 3-ga"},
      {&bare, "봉천 1동", "Bongcheon 1-dong"},
      {&place, "봉천 1동", "Bongcheon 1(il)-dong"},
      // Man-made places (the public-terms directive, as
      // tables/korean/ko-generics.txt cites it): the name romanized, the
      // generic translated, in one word or two.
      {&place, "달성공원", "Dalseong Park"},
      {&place, "달성 공원", "Dalseong Park"},
      {&place, "남대문시장", "Namdaemun Market"},
      {&place, "김포공항", "Gimpo Airport"},
      {&place, "김포국제공항", "Gimpo International Airport"},
      {&place, "인천국제공항", "Incheon International Airport"},
      {&place, "해운대해수욕장", "Haeundae Beach"},
      {&place, "광안리해수욕장", "Gwangalli Beach"},  // [names]
      {&place, "서울고속버스터미널", "Seoul Express Bus Terminal"},
      {&place, "서울대공원", "Seoul Grand Park"},  // the longest generic
      {&place, "지리산국립공원", "Jirisan National Park"},
      {&place, "소양강댐", "Soyanggang Dam"},
      // Public offices; English that begins with the unit joins the name.
      {&place, "서울시청", "Seoul City Hall"},
      {&place, "종로구청", "Jongno-gu Office"},
      {&place, "서울 시청", "Seoul City Hall"},
      {&place, "종로 구청", "Jongno Gucheong"},  // -gu needs its name
      // In a station's name too.
      {&place, "영등포구청역", "Yeongdeungpo-gu Office Station"},
      {&place, "서울대공원역", "Seoul Grand Park Station"},
      {&place, "부시장", "Busijang"},  // two syllables before 시장
      {&place, "공원", "Gongwon"},     // a generic alone is a word
      // ... while natural features, bridges, temples and palaces keep
      // their whole name romanized as one word; the directive adds the
      // English after it (Hallasan Mountain), which is no romanization.
      {&place, "한라산", "Hallasan"},
      {&place, "남산", "Namsan"},
      {&place, "용담폭포", "Yongdampokpo"},
      {&place, "한계령", "Hangyeryeong"},
      {&place, "송추계곡", "Songchugyegok"},
      {&place, "광안대교", "Gwangandaegyo"},
      {&place, "불국사", "Bulguksa"},
      {&place, "경복궁", "Gyeongbokgung"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(Rr().Romanize(c.hangul, *c.options), c.want) << c.hangul;
  }
  // Plain text is not a place: no road form, no translation.
  EXPECT_EQ(Rr().Romanize("서울역 세종대로"), "seoullyeok sejongdaero");
}

// Accuracy of ko-rr on an evaluation list written independently of the
// code (hangul, expected, note): plain mode for words, places mode for
// place names. Each part asserts a floor at the rate measured when the
// list was added, in tenths of a percent; the held-out parts were not read
// while the rules were written.
double EvaluationAccuracy(const std::string& file,
                          const RomanizeOptions& options) {
  std::ifstream in(testing::TestDataDir() / "romanize" / file);
  EXPECT_TRUE(in.good()) << "missing tests/data/romanize/" << file;
  int passed = 0;
  int total = 0;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      ADD_FAILURE() << file << ":" << number << ": no tab";
      continue;
    }
    const std::size_t end = line.find('\t', tab + 1);
    const std::string hangul = line.substr(0, tab);
    const std::string want = line.substr(tab + 1, end - tab - 1);
    const std::string got = Rr().Romanize(hangul, options);
    ++total;
    if (got == want) {
      ++passed;
    } else {
      std::printf("  %s:%d %s: want %s, got %s\n", file.c_str(), number,
                  hangul.c_str(), want.c_str(), got.c_str());
    }
  }
  std::printf("  %-28s %3d/%3d\n", file.c_str(), passed, total);
  return total == 0 ? 0 : 1000.0 * passed / total;
}

double EvaluationAccuracy(const std::string& file, bool place) {
  RomanizeOptions options;
  options.place = place;
  return EvaluationAccuracy(file, options);
}

TEST(KoreanRrTest, EvaluationLists) {
  EXPECT_GE(EvaluationAccuracy("ko-eval-words.tune.tsv", false), 1000);
  EXPECT_GE(EvaluationAccuracy("ko-eval-places.tune.tsv", true), 1000);
  // Measured once on the list as written: 98/100 words (99/100 with the
  // line corrected in the file), 99/100 places; 100/100 each since ㄴ is
  // inserted in 웬일 and its like and 미아리 is a whole name.
  EXPECT_GE(EvaluationAccuracy("ko-eval-words.heldout.tsv", false), 1000);
  EXPECT_GE(EvaluationAccuracy("ko-eval-places.heldout.tsv", true), 1000);
  // A second list by another writer, kept out of sight until the rules
  // above were done, measured once: 148/150 (닭고기 and 웃어른 missed;
  // ㄺ of the nouns 닭 흙 칡 and 웃어른 since).
  EXPECT_GE(EvaluationAccuracy("ko-eval-words.fresh.tsv", false), 1000);
  // A third pair of lists (300 words, 300 places) by a third writer, kept
  // out of sight until the rules above were done, measured once: words
  // 300/300, places 295/300 (이리, 오리, 양구 and 소래포구 split as if
  // their last syllable were a unit; ㅎ dropped after ㅂ in 압해도);
  // 300/300 since one syllable before 구 or 리 is a unit's name only in
  // the shapes of ko-units.txt, and a place name is a noun (RR 3.1.4).
  EXPECT_GE(EvaluationAccuracy("ko-eval-words.fresh2.tsv", false), 1000);
  EXPECT_GE(EvaluationAccuracy("ko-eval-places.fresh2.tsv", true), 1000);
  // A fourth pair (300 words, 300 places) by a fourth writer, kept out of
  // sight until the rules above were done, measured once: words 296/300
  // (헛웃음 heodouseum was a slip of the list's, corrected to its own
  // [허두슴]; 환율 read with an inserted ㄴ, fixed since; 축하하다 and
  // 축하합니다 keep the noun's h, chukhahada, where the list writes a
  // verb's aspiration, chukahada). Places 260/300, every miss a convention
  // the lists disagree on, none a sound rule: 12 roads in the road-address
  // form (종로 Jong-ro, 세종대로 Sejong-daero) where the earlier lists and
  // RR's own examples write Jongno, Toegyero; 20 stations given as a
  // translation (서울역 Seoul Station) where onoma romanizes Seoullyeok; 7
  // numbered units without the numeral's reading RR's examples give
  // (종로3가 Jongno 3-ga for Jongno 3(sam)-ga); 제주도 as the island,
  // Jejudo, where onoma writes the province, Jeju-do. 284/300 since
  // stations, roads in 대로 and 길 and numbered side streets are written
  // as their signs write them (ko-generics.txt); the 8 roads in 로 and
  // the 7 numbers take options, as the older lists and the notice write
  // them otherwise.
  EXPECT_GE(EvaluationAccuracy("ko-eval-words.fresh3.tsv", false), 990);
  EXPECT_GE(EvaluationAccuracy("ko-eval-places.fresh3.tsv", true), 946);
  // The same list with the options for signs and addresses: roads in 로 in
  // the road-name address form (RomanizeOptions::road) and numbers before
  // units without their reading (number_reading false): 299/300, 제주도
  // the one miss.
  RomanizeOptions signs;
  signs.place = true;
  signs.road = true;
  signs.number_reading = false;
  EXPECT_GE(EvaluationAccuracy("ko-eval-places.fresh3.tsv", signs), 996);
  // A fifth pair (300 words, 300 places) by a fifth writer, kept out of
  // sight until the rules and options above were done, measured once:
  // words 300/300; places 290/300 with --place, 297/300 with the options
  // for signs and addresses (the list writes roads in 로 as addresses do).
  // The three misses: 성산일출봉 in two words on its signs (Seongsan
  // Ilchulbong), 제주도 the island again, and 명사십리 (a beach, whose 리
  // is no village's: Myeongsasimni) split as if it were a unit. Since,
  // 십리 ends a whole name and 성산일출봉 is listed in two words
  // (ko-units.txt): 292/300 (제주도 and seven roads in 로) and 299/300
  // with the options (제주도).
  EXPECT_GE(EvaluationAccuracy("ko-eval-words.fresh4.tsv", false), 1000);
  EXPECT_GE(EvaluationAccuracy("ko-eval-places.fresh4.tsv", true), 973);
  EXPECT_GE(EvaluationAccuracy("ko-eval-places.fresh4.tsv", signs), 996);
  // A sixth pair (300 words, 300 places) by a sixth writer, kept out of
  // sight until the rules, data lists and generics above were done,
  // measured once: words 300/300; places 291/300 with --place, 290/300
  // with the options for signs and addresses. The list mixes the
  // conventions: roads in 로 in the road-name address form (Jong-ro,
  // Teheran-ro: five misses with --place) beside neighbourhoods in 로
  // written whole (Sejongno) and numbered 가 with the numeral's reading
  // (Jongno 1(il)-ga: seven misses with the options); 제주도 the island
  // again; 명동2가 and 봉래동2가 with the 동 hyphenated inside a 가's name
  // (Myeong-dong 2(i)-ga); and 남대문로5가 read Namdaemullo where the
  // bare road is read Namdaemunno (표준 발음법 제20항 [붙임]), a fault.
  // 294/300 with --place since the name of a numbered 가 is written as on
  // its own (Namdaemunno 5(o)-ga, Myeong-dong 2(i)-ga).
  EXPECT_GE(EvaluationAccuracy("ko-eval-words.fresh5.tsv", false), 1000);
  EXPECT_GE(EvaluationAccuracy("ko-eval-places.fresh5.tsv", true), 980);
  EXPECT_GE(EvaluationAccuracy("ko-eval-places.fresh5.tsv", signs), 966);
}

}  // namespace
}  // namespace onoma::romanize
