// The aligner (lib/segment/aligner.h) on small documents built by hand:
// every bead type, anchors, paragraphs, the band, and its contract (beads
// cover both sides in order; confidence in [0, 1]).

#include "lib/segment/aligner.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "lib/segment/alignment_model_internal.h"

namespace onoma::segment {
namespace {

Document Doc(const std::vector<std::string>& sentences,
             std::vector<std::uint32_t> paragraphs = {}) {
  Document doc;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    doc.Add(sentences[i], paragraphs.empty() ? 0 : paragraphs[i]);
  }
  return doc;
}

std::string Word(std::size_t n) { return std::string(n, 'x'); }

// Beads as "s-t" counts, e.g. {"1-1", "2-1"}.
std::vector<std::string> Shape(const std::vector<Bead>& beads) {
  std::vector<std::string> out;
  for (const Bead& b : beads) {
    out.push_back(std::to_string(b.source_count) + "-" +
                  std::to_string(b.target_count));
  }
  return out;
}

void ExpectCovers(const std::vector<Bead>& beads, std::size_t n,
                  std::size_t m) {
  std::uint32_t i = 0, j = 0;
  for (const Bead& b : beads) {
    EXPECT_EQ(b.source_begin, i);
    EXPECT_EQ(b.target_begin, j);
    EXPECT_GE(b.confidence, 0.0);
    EXPECT_LE(b.confidence, 1.0);
    i += b.source_count;
    j += b.target_count;
  }
  EXPECT_EQ(i, n);
  EXPECT_EQ(j, m);
}

AlignOptions Options(const char* from = "en", const char* to = "uk") {
  AlignOptions options;
  options.source_lang = from;
  options.target_lang = to;
  return options;
}

TEST(AlignerTest, OneToOneWithHighConfidence) {
  Document s = Doc({Word(80), Word(40), Word(120), Word(60)});
  Document t = Doc({Word(85), Word(38), Word(118), Word(64)});
  auto beads = Align(s, t, Options());
  ASSERT_TRUE(beads.ok());
  EXPECT_EQ(Shape(*beads),
            (std::vector<std::string>{"1-1", "1-1", "1-1", "1-1"}));
  ExpectCovers(*beads, 4, 4);
  for (const Bead& b : *beads) EXPECT_GT(b.confidence, 0.5);
}

TEST(AlignerTest, MergesAndSplits) {
  Document s = Doc({Word(80), Word(60), Word(70), Word(100), Word(50)});
  Document t = Doc({Word(82), Word(130), Word(48), Word(52), Word(49)});
  auto beads = Align(s, t, Options());
  ASSERT_TRUE(beads.ok());
  EXPECT_EQ(Shape(*beads),
            (std::vector<std::string>{"1-1", "2-1", "1-2", "1-1"}));
  ExpectCovers(*beads, 5, 5);
}

TEST(AlignerTest, OmissionFoundByAnchors) {
  Document s = Doc(
      {"The talks began on Monday in Geneva with both sides.",
       "Officials said 1,200 prisoners from both sides would be exchanged in "
       "several stages by the end of March 2027.",
       "A spokesman declined to comment on the details further.",
       "The next round is due on Dec. 11 in Istanbul, he said."});
  Document t =
      Doc({"Переговори почалися в понеділок у Женеві за участі сторін.",
           "Речник відмовився коментувати подробиці переговорів.",
           "Наступний раунд відбудеться 11 грудня в Стамбулі."});
  auto beads = Align(s, t, Options());
  ASSERT_TRUE(beads.ok());
  ASSERT_EQ(Shape(*beads),
            (std::vector<std::string>{"1-1", "1-0", "1-1", "1-1"}));
  ExpectCovers(*beads, 4, 3);
}

// A translation that leaves a sentence out and writes one of its own in
// its place: the two share no number or name and their lengths disagree,
// so they are a 1-0 and a 0-1 bead, not a pair.
TEST(AlignerTest, SentenceReplacedByAnotherIsNoPair) {
  Document s = Doc({"The talks began on Monday in Geneva with both sides.",
                    "A spokesman declined to comment.",
                    "The next round is due on Dec. 11 in Istanbul, he said."});
  Document t = Doc(
      {"Переговори почалися в понеділок у Женеві за участі сторін.",
       "Попередній обмін полоненими відбувся 7 серпня 2023 року, коли додому "
       "повернулися 22 військових.",
       "Наступний раунд відбудеться 11 грудня в Стамбулі."});
  auto beads = Align(s, t, Options());
  ASSERT_TRUE(beads.ok());
  EXPECT_EQ(Shape(*beads),
            (std::vector<std::string>{"1-1", "1-0", "0-1", "1-1"}));
  ExpectCovers(*beads, 3, 3);
}

// A translation that moves a number to the other sentence (the distance
// from the city to the first) is still two pairs, not a 2-2 bead, when
// each sentence shares a number with the one in its place and their
// lengths agree; without a shared anchor in each pair, the 2-2 bead stays
// a candidate. So is a quotation cut between its sentences on both sides.
TEST(AlignerTest, TwoPairsAreNoTwoToTwoBead) {
  Document s =
      Doc({"A magnitude 4.0 earthquake struck Gyeongju at 4:55 a.m., the "
           "weather agency said.",
           "The epicenter was 19 kilometers east of the city, at a depth of 12 "
           "km."});
  Document t =
      Doc({"오전 4시 55분께 경주시 동쪽 19㎞ 지역에서 규모 4.0의 지진이 "
           "발생했다고 기상청이 밝혔다.",
           "진원의 깊이는 12㎞로 분석됐다."});
  internal::AlignmentModel model(s, t, Options("en", "ko"));
  EXPECT_EQ(model.Cost(0, 2, 0, 2), std::numeric_limits<double>::infinity());
  auto beads = Align(s, t, Options("en", "ko"));
  ASSERT_TRUE(beads.ok());
  EXPECT_EQ(Shape(*beads), (std::vector<std::string>{"1-1", "1-1"}));
  Document u = Doc({s.sentences[0], "The epicenter was shallow."});
  Document v = Doc({t.sentences[0], "진원은 얕았다."});
  internal::AlignmentModel open(u, v, Options("en", "ko"));
  EXPECT_LT(open.Cost(0, 2, 0, 2), std::numeric_limits<double>::infinity());
  // A quotation of two sentences cut between them on both sides is two
  // pairs, wherever each language names the speaker.
  Document q = Doc({"\"We will not back down under any pressure.",
                    "We will respond firmly,\" the defense minister said."});
  Document r = Doc({"국방부 장관은 \"어떤 압박에도 물러서지 않겠다.",
                    "단호히 대응하겠다\"고 말했다."});
  internal::AlignmentModel quoted(q, r, Options("en", "ko"));
  EXPECT_EQ(quoted.Cost(0, 2, 0, 2), std::numeric_limits<double>::infinity());
}

// Korean copy writes the day of the month where English names the
// weekday: once a first pass has put "on Thursday" beside "20일", Monday
// of the same week is the 24th, and "on Monday" and "24일" are shared.
TEST(AlignerTest, WeekdaysMeetTheDaysOfTheMonthKoreanWrites) {
  Document s = Doc({"North Korea fired a missile on Thursday, the army said.",
                    "The ministers will meet again on Monday in Seoul."});
  Document t = Doc({"북한이 20일 미사일을 발사했다고 군이 밝혔다.",
                    "양국 장관은 24일 서울에서 다시 만난다."});
  internal::AlignmentModel model(s, t, Options("en", "ko"));
  const double before = model.Cost(1, 1, 1, 1);
  ASSERT_TRUE(model.LinkWeekdays({{0, 1, 0, 1, 0.9}, {1, 1, 1, 1, 0.9}}));
  EXPECT_LT(model.Cost(1, 1, 1, 1), before - 1.5);
  // Beads of low confidence fix no calendar; nor does a pair of documents
  // that both name weekdays.
  internal::AlignmentModel unsure(s, t, Options("en", "ko"));
  EXPECT_FALSE(unsure.LinkWeekdays({{0, 1, 0, 1, 0.3}, {1, 1, 1, 1, 0.3}}));
  Document u = Doc({"Північна Корея в четвер запустила ракету.",
                    "Міністри знову зустрінуться в понеділок."});
  internal::AlignmentModel both(s, u, Options("en", "uk"));
  EXPECT_FALSE(both.LinkWeekdays({{0, 1, 0, 1, 0.9}, {1, 1, 1, 1, 0.9}}));
}

TEST(AlignerTest, ParagraphsAreHardBarriersWhenTheyAgree) {
  // Lengths alone would pair the short sentence of paragraph 0 with the
  // target of paragraph 1; the barrier keeps it in its paragraph.
  Document s = Doc({Word(100), Word(20), Word(100)}, {0, 0, 1});
  Document t = Doc({Word(118), Word(102)}, {0, 1});
  auto beads = Align(s, t, Options());
  ASSERT_TRUE(beads.ok());
  EXPECT_EQ(Shape(*beads), (std::vector<std::string>{"2-1", "1-1"}));
}

TEST(AlignerTest, EmptySides) {
  auto none = Align(Doc({}), Doc({}), Options());
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  auto left = Align(Doc({"a.", "b."}), Doc({}), Options());
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(Shape(*left), (std::vector<std::string>{"1-0", "1-0"}));
  auto right = Align(Doc({}), Doc({"a."}), Options());
  ASSERT_TRUE(right.ok());
  EXPECT_EQ(Shape(*right), (std::vector<std::string>{"0-1"}));
  // Regression: against an empty side every bead was given confidence 1.
  for (const Bead& bead : *left) EXPECT_EQ(bead.confidence, 0);
  for (const Bead& bead : *right) EXPECT_EQ(bead.confidence, 0);
}

TEST(AlignerTest, LongDocumentWithDriftWidensTheBand) {
  // 600 sentences; the target drops 60 of them in one run in the middle,
  // so the path leaves a narrow band around the diagonal.
  std::vector<std::string> source, target;
  for (int i = 0; i < 600; ++i) {
    std::string sentence = Word(30 + (i * 37) % 90) + " " + std::to_string(i);
    source.push_back(sentence);
    if (i < 250 || i >= 310) target.push_back(sentence);
  }
  AlignOptions options = Options();
  options.band = 5;
  auto beads = Align(Doc(source), Doc(target), options);
  ASSERT_TRUE(beads.ok());
  ExpectCovers(*beads, 600, 540);
  std::size_t omitted = 0, exact = 0;
  for (const Bead& b : *beads) {
    if (b.target_count == 0) ++omitted;
    if (b.source_count == 1 && b.target_count == 1 &&
        source[b.source_begin] == target[b.target_begin]) {
      ++exact;
    }
  }
  EXPECT_EQ(omitted, 60u);
  EXPECT_EQ(exact, 540u);
}

// Regression (found by segment_fuzz_test): a band narrower than the
// documents' slope never reached the last cell, and the traceback read
// past its arrays.
TEST(AlignerTest, SteepDocumentsWithANarrowBand) {
  std::vector<std::string> many;
  for (int j = 0; j < 60; ++j) many.push_back(Word(10 + j % 7));
  AlignOptions options = Options();
  options.band = 1;
  auto beads = Align(Doc({Word(300), Word(320)}), Doc(many), options);
  ASSERT_TRUE(beads.ok());
  ExpectCovers(*beads, 2, 60);
}

TEST(AlignerTest, ListAnchorsLinkNames) {
  ListAnchors names;
  names.Add("kursk", "en", "Kursk");
  names.Add("kursk", "ko", "쿠르스크");
  names.Add("sumy", "en", "Sumy");
  names.Add("sumy", "ko", "수미");
  Document s = Doc({"Fighting continued near Kursk overnight.",
                    "Drones struck Sumy at dawn."});
  Document t = Doc({"밤사이 쿠르스크 인근에서 교전이 이어졌다.",
                    "새벽에 드론이 수미를 공격했다."});
  AlignOptions options = Options("en", "ko");
  options.anchors = &names;
  auto beads = Align(s, t, options);
  ASSERT_TRUE(beads.ok());
  EXPECT_EQ(Shape(*beads), (std::vector<std::string>{"1-1", "1-1"}));
}

// A quotation of two sentences is cut between them in both languages, but
// the words that say who spoke follow it in English and precede it in
// Korean: by whole lengths and the speaker's name the pieces would pair
// crosswise (a 2-2 bead); each piece is paired with its own.
TEST(AlignerTest, QuotationPiecesPairByWhatIsQuoted) {
  ListAnchors names;
  names.Add("shin", "en", "Shin Won-sik");
  names.Add("shin", "ko", "신원식");
  Document s = Doc({"The minister spoke an hour after the launch.",
                    "\"This is a reckless provocation.",
                    "We will answer it firmly,\" Defence Minister Shin "
                    "Won-sik told reporters on Tuesday morning."});
  Document t = Doc({"장관은 발사 한 시간 뒤 입장을 밝혔다.",
                    "신원식 국방부 장관은 기자들에게 \"이는 무모한 도발이다.",
                    "단호히 대응하겠다\"고 말했다."});
  AlignOptions options = Options("en", "ko");
  options.anchors = &names;
  auto beads = Align(s, t, options);
  ASSERT_TRUE(beads.ok());
  EXPECT_EQ(Shape(*beads), (std::vector<std::string>{"1-1", "1-1", "1-1"}));
  // The same with curly marks and a Ukrainian translation that puts the
  // speaker first.
  Document u = Doc({"Міністр виступив через годину після запуску.",
                    "Міністр оборони Шін Вон Сік сказав журналістам: «Це "
                    "безрозсудна провокація.",
                    "Ми рішуче відповімо»."});
  auto uk = Align(s, u, Options("en", "uk"));
  ASSERT_TRUE(uk.ok());
  EXPECT_EQ(Shape(*uk), (std::vector<std::string>{"1-1", "1-1", "1-1"}));
}

// A Ukrainian quotation that holds the speaker between dashes spans two
// sentences that the English quotes one by one: pieces of a quotation
// against whole ones still pair 1-1.
TEST(AlignerTest, QuotationPiecesAgainstWholeQuotations) {
  Document s = Doc({"The minister spoke after the vote in parliament.",
                    "\"We are ready for anything,\" Kim said.",
                    "\"The enemy will pay for this attack.\"",
                    "The session was then closed for the day."});
  Document t = Doc({"Міністр виступив після голосування в парламенті.",
                    "«Ми готові до всього, – сказав Кім.",
                    "– Ворог заплатить за цей напад».",
                    "Після цього засідання закрили до завтра."});
  auto beads = Align(s, t, Options("en", "uk"));
  ASSERT_TRUE(beads.ok());
  EXPECT_EQ(Shape(*beads),
            (std::vector<std::string>{"1-1", "1-1", "1-1", "1-1"}));
}

// Words that a Korean or Ukrainian translation keeps in Latin letters
// (acronyms, brands) link the sentences that have them: here they tell
// which of two sentences of like length the translation left out.
TEST(AlignerTest, LatinWordsKeptByTheTranslationAnchor) {
  Document s = Doc({"Exports of chips rose for a fifth month running.",
                    "Demand for AI servers lifted sales of HBM chips.",
                    "Analysts expect the rise to slow later this year."});
  Document kept = Doc({"반도체 수출은 다섯 달 연속 늘었다.",
                       "AI 서버 수요로 HBM 판매가 늘었다."});
  auto beads = Align(s, kept, Options("en", "ko"));
  ASSERT_TRUE(beads.ok());
  EXPECT_EQ(Shape(*beads), (std::vector<std::string>{"1-1", "1-1", "1-0"}));
}

// Where a sentence is cut inside a quotation, in each language's marks.
TEST(AlignerTest, QuotationCuts) {
  using internal::FindQuoteCut;
  struct Case {
    const char* sentence;
    bool starts_inside;
    bool ends_inside;
  };
  const Case cases[] = {
      {"\"This is a provocation.", false, true},
      {"We will respond,\" he said.", true, false},
      {"He called them \"gifts of sincerity.\"", false, false},
      {"It said \"no\" and \"never\": a \"red line.", false, true},
      {"장관은 기자들에게 \"이는 도발이다.", false, true},
      {"대응하겠다\"고 말했다.", true, false},
      {"Він сказав: «Ми готові.", false, true},
      {"Ми відповімо», – сказав він.", true, false},
      {"Він сказав: „Ми готові“.", false, false},
      {"Ми відповімо“, – сказав він.", true, false},
      {"“We are ready,” she said.", false, false},
      {"“We are ready.", false, true},
      {"We won't stop, it's ours.", false, false},
  };
  for (const Case& c : cases) {
    const internal::QuoteCut cut = FindQuoteCut(c.sentence);
    EXPECT_EQ(cut.starts_inside, c.starts_inside) << c.sentence;
    EXPECT_EQ(cut.ends_inside, c.ends_inside) << c.sentence;
  }
  // The quoted part's length in code points, from the opening mark.
  EXPECT_EQ(FindQuoteCut("장관은 \"도발이다.").tail, 6);
  EXPECT_EQ(FindQuoteCut("대응하겠다\"고 말했다.").head, 5);
}

TEST(AlignerTest, RejectsDecreasingParagraphs) {
  Document bad;
  bad.sentences = {"a.", "b."};
  bad.paragraph = {1, 0};
  auto beads = Align(bad, Doc({"a."}), Options());
  ASSERT_FALSE(beads.ok());
  EXPECT_EQ(beads.status().code(), StatusCode::kBadArgument);
}

}  // namespace
}  // namespace onoma::segment
