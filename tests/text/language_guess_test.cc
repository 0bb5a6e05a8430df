#include "lib/text/language_guess.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace onoma::text {
namespace {

TEST(GuessLanguageTest, Documents) {
  EXPECT_EQ(GuessLanguage("Kyiv said on Monday."), "en");
  EXPECT_EQ(GuessLanguage("Київ заявив у понеділок."), "uk");
  EXPECT_EQ(GuessLanguage("Москва объявила в понедельник."), "ru");
  EXPECT_EQ(GuessLanguage("키이우는 월요일 밝혔다. (Yonhap)"), "ko");
  EXPECT_EQ(GuessLanguage(""), "en");
  // Words only Russian uses tell it where the letters do not.
  EXPECT_EQ(GuessLanguage("Он сказал, что все идет по плану"), "ru");
  EXPECT_EQ(GuessLanguage("Він сказав, що все йде за планом"), "uk");
}

TEST(GuessDocumentLanguageTest, ReadsTheSampleOnly) {
  EXPECT_EQ(GuessDocumentLanguage("Київ заявив у понеділок."), "uk");
  EXPECT_EQ(GuessDocumentLanguage(""), "en");
  // English for the whole sample, Ukrainian after it: English.
  std::string text;
  while (text.size() < kDocumentSampleBytes) text += "Kyiv said on Monday. ";
  std::string after;
  for (int i = 0; i < 10000; ++i) after += "Київ заявив у понеділок. ";
  EXPECT_EQ(GuessLanguage(text + after), "uk");
  EXPECT_EQ(GuessDocumentLanguage(text + after), "en");
  // A sample that ends inside a word, or inside a letter, is cut before it.
  std::string one_word(kDocumentSampleBytes - 1, 'a');
  EXPECT_EQ(GuessDocumentLanguage(one_word + "їїїї"), "en");
  EXPECT_EQ(GuessDocumentLanguage(std::string(100, 'a') + " " +
                                  std::string(kDocumentSampleBytes, 'a')),
            "en");
}

TEST(GuessRunLanguageTest, AnotherLanguageOnlyWhenClear) {
  EXPECT_EQ(GuessRunLanguage("Мы не планируем удары по Киеву", "uk"), "ru");
  EXPECT_EQ(GuessRunLanguage("МЫ НЕ ПЛАНИРУЕМ УДАРЫ", "uk"), "ru");
  EXPECT_EQ(GuessRunLanguage("Удар по Киеву", "uk"), "uk");  // no sign
  EXPECT_EQ(GuessRunLanguage("Мы", "uk"), "uk");             // too short
  EXPECT_EQ(GuessRunLanguage("Мы и Київ", "uk"), "uk");      // signs of both
  EXPECT_EQ(GuessRunLanguage("Ми не віддамо Київ", "ru"), "uk");
  EXPECT_EQ(GuessRunLanguage("We stand with Kyiv", "uk"), "en");
  EXPECT_EQ(GuessRunLanguage("Kyiv", "uk"), "uk");
  EXPECT_EQ(GuessRunLanguage("키이우에서 폭발", "en"), "ko");
  EXPECT_EQ(GuessRunLanguage("Мы не планируем удары", "en"), "ru");
  EXPECT_EQ(GuessRunLanguage("Удар по Киеву", "en"), "en");
  EXPECT_EQ(GuessRunLanguage("Half English, половина українською", "uk"), "uk");
}

// The counts against a plain count: every ASCII byte value, at every
// offset and length around the eight bytes read at a time, between
// Cyrillic words (each listed word counted once) and a Hangul syllable.
TEST(CountLettersTest, AgreesWithAPlainCount) {
  std::string ascii;
  for (int b = 1; b < 0x80; ++b) ascii += static_cast<char>(b);
  for (std::size_t begin = 0; begin < 20; ++begin) {
    for (std::size_t length : {0, 1, 7, 8, 9, 15, 16, 17, 31, 100}) {
      const std::string run = ascii.substr(begin, length);
      std::size_t latin = 0;
      for (char c : run) {
        latin += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      }
      LetterCounts counts;
      CountLetters("що " + run + " что " + run + "가", counts);
      EXPECT_EQ(counts.latin, 2 * latin) << begin << " " << length;
      EXPECT_EQ(counts.cyrillic, 5u) << begin << " " << length;
      EXPECT_EQ(counts.hangul, 2u);
      // що and что stand between spaces: one listed word each.
      EXPECT_EQ(counts.uk, 1u) << begin << " " << length;
      EXPECT_EQ(counts.ru, 1u) << begin << " " << length;
    }
  }
  // The word lists: listed words in any case, and not their longer kin.
  LetterCounts words;
  CountLetters("Що ЩЕ також, что-то; щоб, чтобы, ЕЩЕ", words);
  EXPECT_EQ(words.uk, 2u);  // що ще
  EXPECT_EQ(words.ru, 3u);  // что, еще and the ы of чтобы
}

}  // namespace
}  // namespace onoma::text
