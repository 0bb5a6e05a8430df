// ko-rr-translit: the examples of RR 3.8 (ko-rr-translit.tsv), and the
// exact reverse on random Hangul (a property test with a fixed seed).

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "lib/romanize/hangul.h"
#include "tests/romanize/korean_test_util.h"

namespace onoma::romanize {
namespace {

using korean_test::LoadRows;
using korean_test::Translit;

TEST(KoreanTranslitTest, NoticeExamples) {
  int passed = 0;
  int total = 0;
  for (const auto& row : LoadRows("ko-rr-translit.tsv", 3)) {
    ++total;
    std::string got = Translit().Romanize(row.fields[1]);
    EXPECT_EQ(got, row.fields[2]) << "ko-rr-translit.tsv:" << row.line;
    auto back = Translit().Deromanize(row.fields[2]);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(*back, row.fields[1]) << "reverse of " << row.fields[2];
    if (got == row.fields[2] && *back == row.fields[1]) ++passed;
  }
  std::printf("  3.8 %d/%d\n", passed, total);
}

TEST(KoreanTranslitTest, SchemeFacts) {
  EXPECT_EQ(Translit().id(), "ko-rr-translit");
  EXPECT_TRUE(Translit().reversible());
}

TEST(KoreanTranslitTest, HyphenOnlyWhereReadingWouldGoWrong) {
  EXPECT_EQ(Translit().Romanize("가까"), "gakka");   // ga + kka
  EXPECT_EQ(Translit().Romanize("갘카"), "gak-ka");  // gak + ka
  EXPECT_EQ(Translit().Romanize("한가"), "hanga");
  EXPECT_EQ(Translit().Romanize("항아"), "hang-a");
  EXPECT_EQ(Translit().Romanize("앉자"), "anj-ja");  // not an + jja
  EXPECT_EQ(Translit().Romanize("안짜"), "anjja");
}

TEST(KoreanTranslitTest, IgnoresPronunciationOptions) {
  RomanizeOptions o;
  o.place = true;
  o.name = true;
  o.misreading_hyphen = true;
  EXPECT_EQ(Translit().Romanize("종로", o), "jonglo");
}

TEST(KoreanTranslitTest, ReverseKeepsOtherText) {
  for (const char* text : {"서울 KBS 뉴스, 2024년!", "한-영 사전", "-앞", "뒤-",
                           "a-b 가", "Київ 키이우", "e-mail 주소"}) {
    std::string latin = Translit().Romanize(text);
    auto back = Translit().Deromanize(latin);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, text) << latin;
  }
}

TEST(KoreanTranslitTest, ReverseAcceptsCapitals) {
  RomanizeOptions cap;
  cap.capitalize = true;
  EXPECT_EQ(Translit().Romanize("서울 종로", cap), "Seo-ul Jonglo");
  auto back = Translit().Deromanize("Seo-ul Jonglo");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, "서울 종로");
}

// reverse(romanize(x)) == x over random syllable strings: every syllable
// of U+AC00..U+D7A3 equally likely, words of 1 to 6 syllables.
TEST(KoreanTranslitTest, ReverseIsExactOnRandomHangul) {
  std::mt19937 rng(20000707);  // the notice's date
  std::uniform_int_distribution<int> syllable(0, 11171);
  std::uniform_int_distribution<int> length(1, 6);
  std::uniform_int_distribution<int> words(1, 5);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    int n = words(rng);
    for (int w = 0; w < n; ++w) {
      if (w > 0) text += ' ';
      int len = length(rng);
      for (int i = 0; i < len; ++i) {
        hangul::AppendUtf8(hangul::kSyllableFirst + syllable(rng), &text);
      }
    }
    std::string latin = Translit().Romanize(text);
    auto back = Translit().Deromanize(latin);
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(*back, text) << "via " << latin;
  }
}

// Every pair of syllables that can meet (all finals against all initials
// and vowels), so that no junction is left to chance.
TEST(KoreanTranslitTest, ReverseIsExactOnEveryJunction) {
  for (int tail = 0; tail < 28; ++tail) {
    for (int lead = 0; lead < 19; ++lead) {
      for (int vowel : {0, 4, 20}) {
        std::string text;
        hangul::AppendUtf8(
            hangul::Compose({0, 0, static_cast<std::uint8_t>(tail)}), &text);
        hangul::AppendUtf8(
            hangul::Compose({static_cast<std::uint8_t>(lead),
                             static_cast<std::uint8_t>(vowel), 0}),
            &text);
        std::string latin = Translit().Romanize(text);
        auto back = Translit().Deromanize(latin);
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(*back, text) << "via " << latin;
      }
    }
  }
}

}  // namespace
}  // namespace onoma::romanize
