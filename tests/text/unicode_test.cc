#include "lib/text/unicode.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "lib/text/icu_internal.h"
#include "lib/text/utf8.h"

namespace onoma::text {
namespace {

// Pairs of (composed, decomposed) text, each side canonically equivalent.
struct NormalForms {
  const char* name;
  std::string nfc;
  std::string nfd;
};

const NormalForms kNormalForms[] = {
    {"Ascii", "Kyiv", "Kyiv"},
    {"ShortI", "\u0419", "\u0418\u0306"},       // Й = И + breve
    {"ShortILower", "\u0439", "\u0438\u0306"},  // й = и + breve
    {"Yi", "\u0407", "\u0406\u0308"},           // Ї = І + diaeresis
    {"Yo", "\u0451", "\u0435\u0308"},           // ё = е + diaeresis
    {"Kyiv", "Київ", "Ки\u0456\u0308в"},
    {"HangulLv", "\uAC00", "\u1100\u1161"},         // 가 = ᄀ + ᅡ
    {"HangulLvt", "\uD55C", "\u1112\u1161\u11AB"},  // 한 = ᄒ + ᅡ + ᆫ
    {"Kyiv Korean", "키이우", "\u110F\u1175\u110B\u1175\u110B\u116E"},
    {"LatinAcute", "caf\u00E9", "cafe\u0301"},
    {"TwoMarks", "\u1EA5", "a\u0302\u0301"},  // ấ
    {"Emoji", "\U0001F600", "\U0001F600"},
};

TEST(NormalizeTest, ComposesToNfc) {
  for (const NormalForms& f : kNormalForms) {
    EXPECT_EQ(ToNfc(f.nfd), f.nfc) << f.name;
    EXPECT_EQ(ToNfc(f.nfc), f.nfc) << f.name;
  }
}

TEST(NormalizeTest, DecomposesToNfd) {
  for (const NormalForms& f : kNormalForms) {
    EXPECT_EQ(ToNfd(f.nfc), f.nfd) << f.name;
    EXPECT_EQ(ToNfd(f.nfd), f.nfd) << f.name;
  }
}

TEST(NormalizeTest, RoundTripsNfcThroughNfd) {
  const std::string texts[] = {"Київ",       "Їжак і Ґанок", "Йосип",
                               "서울특별시", "Café Zürich",  "Ёлка"};
  for (const std::string& text : texts) {
    EXPECT_EQ(ToNfc(ToNfd(text)), text) << text;
  }
}

TEST(NormalizeTest, IsNfcSaysWhetherWorkIsNeeded) {
  for (const NormalForms& f : kNormalForms) {
    EXPECT_TRUE(IsNfc(f.nfc)) << f.name;
    EXPECT_EQ(IsNfc(f.nfd), f.nfc == f.nfd) << f.name;
  }
  EXPECT_TRUE(IsNfc(""));
  // Marks in non-canonical order are not NFC even with nothing to compose.
  EXPECT_FALSE(IsNfc("x\u0301\u0323"));
  // A lone conjoining vowel stays as it is: it is NFC.
  EXPECT_TRUE(IsNfc("\u1161"));
}

TEST(NormalizeTest, OrdersCombiningMarks) {
  // dot below (ccc 220) sorts before acute (ccc 230)
  EXPECT_EQ(ToNfd("x\u0301\u0323"), "x\u0323\u0301");
  EXPECT_EQ(ToNfc("a\u0301\u0323"), ToNfc("a\u0323\u0301"));
}

// Case.

TEST(FoldCaseTest, FoldsFully) {
  const std::pair<std::string, std::string> cases[] = {
      {"KYIV", "kyiv"},
      {"Kyiv's", "kyiv's"},
      {"", ""},
      {"Straße", "strasse"},  // full folding: ß -> ss
      {"STRASSE", "strasse"},
      {"\u1E9E", "ss"},  // capital sharp s
      {"Ї", "ї"},
      {"КИЇВ", "київ"},
      {"Ґанок", "ґанок"},
      {"ЁЛКА", "ёлка"},
      {"\uFB01", "fi"},  // the fi ligature
      {"ΣΑΣ", "σασ"},    // final sigma folds to σ
      {"ς", "σ"},
      {"\u0130", "i\u0307"},  // İ: default, not Turkic, folding
      {"키이우", "키이우"},   // no case
      {"2024", "2024"},
      {"\u01F0", "\u01F0"},        // ǰ: folds to j + caron, recomposed
      {"\u0418\u0306", "\u0439"},  // NFD input folds to NFC output
  };
  for (const auto& [input, folded] : cases) {
    EXPECT_EQ(FoldCase(input), folded) << input;
  }
}

TEST(FoldCaseTest, EquivalentSpellingsFoldAlike) {
  EXPECT_EQ(FoldCase("Kyiv"), FoldCase("KYIV"));
  EXPECT_EQ(FoldCase("Київ"), FoldCase("КИЇВ"));
  EXPECT_EQ(FoldCase("Київ"), FoldCase("КИ\u0406\u0308В"));
  EXPECT_EQ(FoldCase("MASSE"), FoldCase("Maße"));
  // U+0345 folds to ι; out of canonical order it would fold before the
  // breathing mark could compose with α, unless composed first.
  EXPECT_EQ(FoldCase("\u03B1\u0345\u0313"), FoldCase("\u1F80"));
  EXPECT_EQ(FoldCase("\u03B1\u0313\u0345"), FoldCase("\u1F80"));
}

TEST(CaseMapTest, FollowsTheLocale) {
  struct Case {
    std::string input;
    const char* locale;
    std::string lower;
    std::string upper;
  };
  const Case cases[] = {
      {"Київ", "uk", "київ", "КИЇВ"},
      {"Київ", "", "київ", "КИЇВ"},
      {"Kyiv", "", "kyiv", "KYIV"},
      {"straße", "", "straße", "STRASSE"},
      // Turkish: I <-> ı and İ <-> i, even in all-ASCII text.
      {"Irmak iş", "tr", "ırmak iş", "IRMAK İŞ"},
      {"Irmak iş", "tr-TR", "ırmak iş", "IRMAK İŞ"},
      {"Irmak iş", "tr_TR", "ırmak iş", "IRMAK İŞ"},
      {"Istanbul", "tr", "ıstanbul", "ISTANBUL"},
      {"istanbul", "tr", "istanbul", "İSTANBUL"},
      {"istanbul", "az", "istanbul", "İSTANBUL"},
      {"Istanbul", "en", "istanbul", "ISTANBUL"},
      {"istanbul", "trk", "istanbul", "ISTANBUL"},  // not Turkish
      {"DİYARBAKIR", "tr", "diyarbakır", "DİYARBAKIR"},
      {"ΟΔΟΣ", "el", "οδος", "ΟΔΟΣ"},
      {"서울 Seoul", "ko", "서울 seoul", "서울 SEOUL"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ToLower(c.input, c.locale), c.lower)
        << c.input << " " << c.locale;
    EXPECT_EQ(ToUpper(c.input, c.locale), c.upper)
        << c.input << " " << c.locale;
  }
  // Final sigma is context-sensitive.
  EXPECT_EQ(ToLower("ΟΔΟΣ ΣΑΣ"), "οδος σας");
}

TEST(UnicodeDataTest, LoadsIcuData) {
  const Status s = CheckUnicodeData();
  EXPECT_TRUE(s.ok()) << s.ToString();
}

// UTF-8 <-> icu::UnicodeString.

TEST(IcuConversionTest, RoundTrips) {
  const std::string texts[] = {"", "Kyiv", "Київ", "키이우", "\U0001F600 ok"};
  for (const std::string& text : texts) {
    const icu::UnicodeString u = ToUnicodeString(text);
    EXPECT_FALSE(u.isBogus());
    EXPECT_EQ(FromUnicodeString(u), text);
  }
  EXPECT_EQ(ToUnicodeString("Київ").length(), 4);
  EXPECT_EQ(ToUnicodeString("\U0001F600").length(), 2);  // a surrogate pair
  EXPECT_EQ(ToUnicodeString("\U0001F600").char32At(0), 0x1F600);
}

TEST(IcuConversionTest, AppendsAndReplacesInvalidInput) {
  std::string out = "Kyiv = ";
  AppendUnicodeString(out, ToUnicodeString("Київ"));
  EXPECT_EQ(out, "Kyiv = Київ");
  EXPECT_EQ(FromUnicodeString(ToUnicodeString("a\xFFz")), "a\uFFFDz");
}

TEST(DisplayWidthTest, CountsTerminalColumns) {
  struct Case {
    const char* text;
    std::size_t width;
  } cases[] = {
      {"", 0},
      {"--from LANG", 11},
      {"Київ", 4},                // Cyrillic: one column each
      {"<언어> 필수", 11},        // Hangul syllables: two each
      {"\u1100\u1161\u11A8", 2},  // conjoining jamo: one syllable
      {"e\u0301", 1},             // a combining acute
      {"\u200B", 0},              // zero width space (a format char)
      {"\uFF21", 2},              // fullwidth Latin A
      {"\xFF", 1},                // a byte of invalid UTF-8
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DisplayWidth(c.text), c.width) << c.text;
  }
}

}  // namespace
}  // namespace onoma::text
