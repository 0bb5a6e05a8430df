// Property tests on random text built from names, particles, punctuation,
// combining marks and invalid-looking fragments: the normalizer never
// crashes, leaves a line byte-identical when it applies nothing, and every
// change it reports is found at its byte offset and column. The table
// parsers survive random input.

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "lib/normalize/declension.h"
#include "lib/normalize/former_cues.h"
#include "lib/normalize/korean_particles.h"
#include "lib/normalize/normalize.h"
#include "lib/text/utf8.h"
#include "tests/normalize/termbase_input.h"

namespace onoma::normalize {
namespace {

const char* const kPieces[] = {"Kiev",      "KIEV",
                               "kiev",      "Kyiv",
                               "'s",        "\u2019",
                               "Киев",      "Киеве",
                               "Києві",     "Артемівськ",
                               "키예프",    "는",
                               "로",        "에서",
                               "키이우",    "Chicken",
                               "Kievan",    "Rus'",
                               " ",         "  ",
                               "\t",        ",",
                               "(",         ")",
                               "—",         "formerly",
                               "роках",     "옛 이름",
                               "/",         "@",
                               "://",       "www.",
                               "\u0301",    "e",
                               "\u1100",    "\u1161",
                               "ß",         "İ",
                               "Oblast",    "Dnipropetrovsk",
                               "Zelenskyy", "Volodymyr Zelensky",
                               "Yun",       "\r",
                               "2016",      "Odessa",
                               "Харкова",   "області",
                               "Курська",   "Kharkov's"};

TEST(NormalizeFuzzTest, RandomTextKeepsItsPromises) {
  auto matcher = Matcher::Compile(testing::NewsTermbase());
  ASSERT_TRUE(matcher.ok());
  std::mt19937 rng(2026);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int n = 1 + static_cast<int>(rng() % 14);
    for (int i = 0; i < n; ++i) text += kPieces[rng() % std::size(kPieces)];
    for (const char* lang : {"en", "uk", "ko", ""}) {
      DocumentOptions options;
      options.lang = lang;
      auto out = NormalizeText(*matcher, text, options);
      ASSERT_TRUE(out.ok()) << text;
      bool applied = false;
      for (const Change& c : out->changes) {
        applied |= c.applied;
        ASSERT_LE(c.byte_offset + c.found.size(), text.size()) << text;
        EXPECT_EQ(text.substr(c.byte_offset, c.found.size()), c.found) << text;
        EXPECT_EQ(c.column,
                  text::CountCodePoints(text.substr(0, c.byte_offset)) + 1)
            << text;
      }
      if (!applied) {
        EXPECT_EQ(out->text, text);
      }
      EXPECT_TRUE(text::ValidateUtf8(out->text).ok()) << text;
    }
  }
}

TEST(NormalizeFuzzTest, TableParsersSurviveRandomInput) {
  std::mt19937 rng(6);
  const std::string alphabet = "ab:~,/# \t\n\xd0\xb0\xea\xb0\x80\xe2\x80\xa6";
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    (void)Declension::Parse(s, "fuzz");
    (void)Particles::Parse(s, "fuzz");
    (void)FormerCues::Parse(s, "fuzz");
  }
}

}  // namespace
}  // namespace onoma::normalize
