#include "lib/text/language_tag.h"

#include <gtest/gtest.h>

namespace onoma::text {
namespace {

TEST(LanguageTagTest, AcceptsBcp47Tags) {
  for (const char* tag :
       {"en", "uk", "ko", "uk-UA", "en-US", "zh-Hant-TW", "sr-Latn", "es-419",
        "eng", "x-news", "ko-KR-x-news", "de-CH-1996", "EN-us"}) {
    EXPECT_TRUE(IsLanguageTag(tag)) << tag;
  }
}

// Regression: tm add --from english and term add kyiv english were taken.
TEST(LanguageTagTest, RefusesNamesAndMalformedTags) {
  for (const char* tag : {"english", "English", "ukrainian", "engl", "e", "",
                          "en_US", "en-", "-en", "en--US", "en US", "1en",
                          "en-toolongsubtag", "англійська", "영어"}) {
    EXPECT_FALSE(IsLanguageTag(tag)) << tag;
  }
}

TEST(LanguageTagTest, NamesGiveTheirTag) {
  EXPECT_EQ(LanguageTagForName("english"), "en");
  EXPECT_EQ(LanguageTagForName("ENGLISH"), "en");
  EXPECT_EQ(LanguageTagForName("англійська"), "en");
  EXPECT_EQ(LanguageTagForName("영어"), "en");
  EXPECT_EQ(LanguageTagForName("Українська"), "uk");
  EXPECT_EQ(LanguageTagForName("korean"), "ko");
  EXPECT_EQ(LanguageTagForName("한국어"), "ko");
  EXPECT_EQ(LanguageTagForName("russian"), "ru");
  EXPECT_EQ(LanguageTagForName("klingonese"), "");
}

TEST(LanguageTagTest, CheckGivesTheHint) {
  EXPECT_TRUE(CheckLanguageTag("uk").ok());
  Status s = CheckLanguageTag("english");
  EXPECT_EQ(s.code(), StatusCode::kBadArgument);
  EXPECT_NE(s.message().find("\"en\""), std::string::npos) << s.ToString();
  s = CheckLanguageTag("klingonese");
  EXPECT_EQ(s.code(), StatusCode::kBadArgument);
  EXPECT_NE(s.message().find("BCP 47"), std::string::npos) << s.ToString();
}

}  // namespace
}  // namespace onoma::text
