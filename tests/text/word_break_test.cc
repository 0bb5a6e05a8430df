#include "lib/text/word_break.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lib/text/utf8.h"

namespace onoma::text {
namespace {

// A segment as the tests state it: its text and kind. Offsets are checked
// separately (tiling), so the expectations stay readable.
struct Segment {
  std::string text;
  WordKind kind;
  bool operator==(const Segment&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Segment& s) {
  return os << '"' << s.text << "\":" << static_cast<int>(s.kind);
}

// Checks that the spans tile `text` on code point boundaries and returns
// them as Segments.
std::vector<Segment> Segments(WordBreaker& breaker, std::string_view text) {
  const std::vector<WordSpan> spans = breaker.Words(text);
  std::vector<Segment> out;
  std::size_t expected_begin = 0;
  for (const WordSpan& span : spans) {
    EXPECT_EQ(span.begin, expected_begin);
    EXPECT_LT(span.begin, span.end);
    if (span.end < text.size()) {
      EXPECT_NE(static_cast<unsigned char>(text[span.end]) & 0xC0, 0x80)
          << "span ends inside a code point at byte " << span.end;
    }
    expected_begin = span.end;
    out.push_back({std::string(span.In(text)), span.kind});
  }
  EXPECT_EQ(expected_begin, text.size());
  return out;
}

WordBreaker Root() {
  Result<WordBreaker> breaker = WordBreaker::Create();
  EXPECT_TRUE(breaker.ok()) << breaker.status().ToString();
  return std::move(breaker).value();
}

constexpr WordKind kNone = WordKind::kNone;
constexpr WordKind kLetter = WordKind::kLetter;
constexpr WordKind kNumber = WordKind::kNumber;

TEST(WordBreakerTest, SplitsMixedScripts) {
  WordBreaker breaker = Root();
  const std::string_view text = "Київ, 키이우에서 Kyiv's 2024";
  const std::vector<WordSpan> spans = breaker.Words(text);
  const std::vector<WordSpan> expected = {
      {0, 8, kLetter},    // Київ: 4 letters of 2 bytes
      {8, 9, kNone},      // ,
      {9, 10, kNone},     // space
      {10, 25, kLetter},  // 키이우에서: 5 syllables of 3 bytes
      {25, 26, kNone},   {26, 32, kLetter},  // Kyiv's
      {32, 33, kNone},   {33, 37, kNumber},  // 2024
  };
  EXPECT_EQ(spans, expected);
  std::vector<std::string_view> words;
  for (const WordSpan& span : spans) {
    if (span.is_word()) words.push_back(span.In(text));
  }
  EXPECT_EQ(words, (std::vector<std::string_view>{"Київ", "키이우에서",
                                                  "Kyiv's", "2024"}));
}

TEST(WordBreakerTest, SegmentsOfNewsText) {
  struct Case {
    std::string text;
    std::vector<Segment> segments;
  };
  const Case cases[] = {
      {"", {}},
      {"Kyiv", {{"Kyiv", kLetter}}},
      // Horizontal space is one segment (UAX #29 rule WB3d).
      {"  ", {{"  ", kNone}}},
      {"a  b", {{"a", kLetter}, {"  ", kNone}, {"b", kLetter}}},
      {"a\t\tb",
       {{"a", kLetter}, {"\t", kNone}, {"\t", kNone}, {"b", kLetter}}},
      // The Ukrainian apostrophe, typed either way, stays inside the word.
      {"пам'ять", {{"пам'ять", kLetter}}},
      {"пам\u2019ять", {{"пам\u2019ять", kLetter}}},
      // A hyphen separates (UAX #29): the matcher rejoins compound names.
      {"Івано-Франківськ",
       {{"Івано", kLetter}, {"-", kNone}, {"Франківськ", kLetter}}},
      // Combining marks stay with their letter (NFD Й).
      {"\u0418\u0306ти", {{"\u0418\u0306ти", kLetter}}},
      {"3.5%", {{"3.5", kNumber}, {"%", kNone}}},
      {"«Київ»", {{"«", kNone}, {"Київ", kLetter}, {"»", kNone}}},
      {"Kyiv \U0001F600",
       {{"Kyiv", kLetter}, {" ", kNone}, {"\U0001F600", kNone}}},
      {"대통령은\n서울에서",
       {{"대통령은", kLetter}, {"\n", kNone}, {"서울에서", kLetter}}},
      {"國會", {{"國會", WordKind::kIdeographic}}},
  };
  WordBreaker breaker = Root();
  for (const Case& c : cases) {
    EXPECT_EQ(Segments(breaker, c.text), c.segments) << c.text;
  }
}

TEST(WordBreakerTest, AcceptsLocales) {
  for (const char* locale : {"", "uk", "ko", "en_US", "en-US", "uk-UA", "ru"}) {
    Result<WordBreaker> breaker = WordBreaker::Create(locale);
    ASSERT_TRUE(breaker.ok()) << locale << ": " << breaker.status().ToString();
    EXPECT_EQ(breaker->Words("Kyiv 2024").size(), 3u) << locale;
  }
}

TEST(WordBreakerTest, RejectsMalformedLocale) {
  Result<WordBreaker> breaker = WordBreaker::Create("en-!!");
  ASSERT_FALSE(breaker.ok());
  EXPECT_EQ(breaker.status().code(), StatusCode::kBadArgument);
}

TEST(WordBreakerTest, ReusesOneBreakerAcrossTexts) {
  WordBreaker breaker = Root();
  std::vector<WordSpan> out;
  {
    // The text dies before the next call: the breaker must not need it.
    const std::string first = "Київ є столиця";
    breaker.Words(first, out);
    EXPECT_EQ(out.size(), 5u);
  }
  breaker.Words("Seoul", out);  // clears what was there
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0], (WordSpan{0, 5, kLetter}));
}

TEST(WordBreakerTest, SurvivesMoves) {
  WordBreaker a = Root();
  WordBreaker b = std::move(a);
  EXPECT_EQ(b.Words("a b").size(), 3u);
  WordBreaker c = Root();
  c = std::move(b);
  EXPECT_EQ(c.Words("서울 시").size(), 3u);
}

TEST(WordBreakerTest, BreakersAreIndependent) {
  WordBreaker a = Root();
  WordBreaker b = Root();
  const std::string_view first = "one two three";
  const std::string_view second = "Київ";
  const std::vector<WordSpan> before = a.Words(first);
  EXPECT_EQ(b.Words(second).size(), 1u);
  EXPECT_EQ(a.Words(first), before);
}

// Random mixed-script text: spans must always tile it on code point
// boundaries, whatever ICU decides about each segment.
TEST(WordBreakerTest, TilesRandomMixedText) {
  const char32_t alphabet[] = {
      U'a',      U'Z', U'К',      U'ї',  U'한',         U'\u1100',
      U'\u1161', U'1', U'.',      U',',  U' ',          U'\n',
      U'\'',     U'-', U'\u0306', U'中', U'\U0001F600', U'\u2019'};
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(alphabet) - 1);
  std::uniform_int_distribution<int> length(0, 30);
  WordBreaker breaker = Root();
  for (int n = 0; n < 500; ++n) {
    std::string text;
    for (int k = length(rng); k > 0; --k) AppendUtf8(text, alphabet[pick(rng)]);
    SCOPED_TRACE(text);
    Segments(breaker, text);
  }
}

// Start/Next give the segments Words gives, one at a time, and start
// over on the next Start; an empty text has none.
TEST(WordBreakerTest, StartAndNextGiveTheSameSegments) {
  WordBreaker breaker = Root();
  for (std::string_view text :
       {std::string_view("Київ, 키이우에서 Kyiv's 2024"), std::string_view(""),
        std::string_view("a"), std::string_view("  two  spaces  ")}) {
    const std::vector<WordSpan> expected = Root().Words(text);
    std::vector<WordSpan> got;
    breaker.Start(text);
    for (WordSpan span; breaker.Next(span);) got.push_back(span);
    EXPECT_EQ(got, expected) << text;
    WordSpan span;
    EXPECT_FALSE(breaker.Next(span)) << text;
  }
  // Stopping half-way and starting another text.
  breaker.Start("one two three");
  WordSpan span;
  ASSERT_TRUE(breaker.Next(span));
  breaker.Start("서울");
  ASSERT_TRUE(breaker.Next(span));
  EXPECT_EQ(span, (WordSpan{0, 6, kLetter}));
  EXPECT_FALSE(breaker.Next(span));
}

}  // namespace
}  // namespace onoma::text
