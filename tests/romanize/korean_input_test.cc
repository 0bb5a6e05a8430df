// What ko-rr does with input that is not plain precomposed Hangul: other
// scripts, digits and punctuation (copied), compatibility jamo and
// conjoining jamo (letters alone, and NFD syllables), invalid bytes.

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "lib/romanize/hangul.h"
#include "tests/romanize/korean_test_util.h"

namespace onoma::romanize {
namespace {

using korean_test::Mr;
using korean_test::Rr;
using korean_test::Translit;

std::string Nfd(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  EXPECT_TRUE(U_SUCCESS(status));
  icu::UnicodeString out =
      nfd->normalize(icu::UnicodeString::fromUTF8(text), status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

TEST(KoreanInputTest, NonHangulPassesThrough) {
  for (const char* text :
       {"", "Hello, world!", "Київ — столиця України.", "2024-07-07 12:00",
        "東京 日本", "«цитата» “quote” ‘x’", "tab\there\nnewline", "😀👍",
        "ß ŏ ŭ ë", "ㆍ ᆞ ᄀᆞ"}) {
    if (std::string(text) == "ㆍ ᆞ ᄀᆞ") continue;  // old jamo: below
    EXPECT_EQ(Rr().Romanize(text), text);
    EXPECT_EQ(Mr().Romanize(text), text);
    EXPECT_EQ(Translit().Romanize(text), text);
  }
}

TEST(KoreanInputTest, MixedTextKeepsEverythingElse) {
  EXPECT_EQ(Rr().Romanize("서울 Seoul 2024년, “신라”!"),
            "seoul Seoul 2024nyeon, “silla”!");
  EXPECT_EQ(Rr().Romanize("KBS뉴스9"), "KBSnyuseu9");
}

TEST(KoreanInputTest, CompatibilityJamoAreWrittenLetterByLetter) {
  EXPECT_EQ(Rr().Romanize("ㅋㅋㅋ"), "kkk");
  EXPECT_EQ(Rr().Romanize("ㄱ"), "g");
  EXPECT_EQ(Rr().Romanize("ㅏ"), "a");
  EXPECT_EQ(Rr().Romanize("ㅇ"), "ng");
  EXPECT_EQ(Rr().Romanize("ㄳ"), "gs");
  EXPECT_EQ(Rr().Romanize("ㅎㅎ 좋아"), "hh joa");
  EXPECT_EQ(Rr().Romanize("ㄹ"), "r");
  EXPECT_EQ(Translit().Romanize("ㄳ"), "gs");
}

TEST(KoreanInputTest, ConjoiningJamoComposeIntoSyllables) {
  // 한글 as U+1112 U+1161 U+11AB U+1100 U+1173 U+11AF.
  EXPECT_EQ(Rr().Romanize("\u1112\u1161\u11AB\u1100\u1173\u11AF"), "hangeul");
  // A precomposed LV syllable followed by a trailing jamo: 하 + ᆫ = 한.
  EXPECT_EQ(Rr().Romanize("하\u11AB라"), "halla");
  // A lone leading or vowel jamo is a letter.
  EXPECT_EQ(Rr().Romanize("\u1100"), "g");
  EXPECT_EQ(Rr().Romanize("\u1161"), "a");
  // Sound changes work across NFD syllables: 신라 -> silla.
  EXPECT_EQ(Rr().Romanize(Nfd("신라")), "silla");
}

TEST(KoreanInputTest, OldJamoPassThrough) {
  // Archaic letters (arae-a U+119E, U+318D) are not in modern RR.
  EXPECT_EQ(Rr().Romanize("\u318D"), "\u318D");
  EXPECT_EQ(Rr().Romanize("\u1100\u119E"), "g\u119E");
}

TEST(KoreanInputTest, NfdGivesTheSameAsNfc) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> syllable(0, 11171);
  std::uniform_int_distribution<int> length(1, 5);
  RomanizeOptions place;
  place.place = true;
  RomanizeOptions name;
  name.name = true;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int w = 0; w < 3; ++w) {
      if (w > 0) text += w == 1 ? " " : ", ";
      int n = length(rng);
      for (int i = 0; i < n; ++i) {
        hangul::AppendUtf8(hangul::kSyllableFirst + syllable(rng), &text);
      }
    }
    std::string nfd = Nfd(text);
    ASSERT_EQ(Rr().Romanize(nfd), Rr().Romanize(text)) << text;
    ASSERT_EQ(Mr().Romanize(nfd), Mr().Romanize(text)) << text;
    ASSERT_EQ(Translit().Romanize(nfd), Translit().Romanize(text)) << text;
    ASSERT_EQ(Rr().Romanize(nfd, place), Rr().Romanize(text, place)) << text;
    ASSERT_EQ(Rr().Romanize(nfd, name), Rr().Romanize(text, name)) << text;
  }
}

TEST(KoreanInputTest, InvalidBytesAreCopied) {
  // The CLI validates UTF-8 on entry; the engine still must not misread.
  EXPECT_EQ(Rr().Romanize("\xff신라\xc3"), "\xffsilla\xc3");
  EXPECT_EQ(Rr().Romanize("\xed\x9e"), "\xed\x9e");  // cut-off syllable
}

TEST(KoreanInputTest, CapitalizationIsDecidedByMode) {
  // Output letters are small unless a mode or `capitalize` asks for a
  // capital; Latin in the input keeps its case; nothing is ever written in
  // all capitals.
  EXPECT_EQ(Rr().Romanize("부산"), "busan");
  RomanizeOptions cap;
  cap.capitalize = true;
  EXPECT_EQ(Rr().Romanize("부산 SEOUL", cap), "Busan SEOUL");
  EXPECT_EQ(Rr().Romanize("ㅋㅋ", cap), "Kk");
}

// Random mixtures of everything the engine tells apart (syllables, jamo of
// both blocks, old jamo, ASCII, digits, hyphens, cut-off and invalid
// bytes) through every scheme and mode: nothing may crash or read out of
// bounds (run under the address and undefined-behaviour sanitizers), and
// text without Hangul must come back unchanged.
TEST(KoreanInputTest, RandomInputIsSafeInEveryMode) {
  static constexpr const char* kPieces[] = {
      "한",     "글",     "ㄱ",     "ㅏ",       "ㄳ",     "\u1100", "\u1161",
      "\u11A8", "\u11AB", "\u119E", "\u115F",   "\u3164", " ",      "-",
      "--",     "1",      "2가",    "동",       "도",     "a",      "b",
      "Z",      "'",      "\xE1",   "\xED\x9E", "\xFF",   "\xC3",   "이",
      "김",     "남궁",   "리",     "시",       "ng",     "eo",     "\n"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(0, 12);
  std::vector<RomanizeOptions> modes(6);
  modes[1].name = true;
  modes[2].place = true;
  modes[3].place = true;
  modes[3].omit_unit_suffix = true;
  modes[4].misreading_hyphen = true;
  modes[4].capitalize = true;
  modes[5].name = true;
  modes[5].ascii = true;
  modes[5].name_style = RomanizeOptions::NameStyle::kCommon;
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    int n = length(rng);
    for (int i = 0; i < n; ++i) text += kPieces[pick(rng)];
    for (const auto& scheme : korean_test::Schemes()) {
      for (const RomanizeOptions& o : modes) {
        std::string out = scheme->Romanize(text, o);
        (void)out;
      }
      if (scheme->reversible()) {
        auto back = scheme->Deromanize(text);
        EXPECT_TRUE(back.ok());
      }
    }
  }
  for (const auto& scheme : korean_test::Schemes()) {
    EXPECT_EQ(scheme->Romanize("Plain ASCII - 123 -- x"),
              "Plain ASCII - 123 -- x");
  }
}

}  // namespace
}  // namespace onoma::romanize
