#include "lib/text/language_guess.h"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace onoma::text
