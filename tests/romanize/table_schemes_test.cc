// Every built-in table scheme against the examples of its standard
// (tests/data/romanize/<id>.tsv), in Title case, lower case and capitals,
// NFC and NFD; the reversible ones round-trip; the BGN/PCGN ones agree with
// ICU's transliterators where the standards agree.

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "lib/romanize/registry.h"
#include "lib/text/unicode.h"
#include "lib/text/utf8.h"
#include "tests/support/shared_corpora.h"

namespace onoma::romanize {
namespace {

constexpr const char* kTableSchemes[] = {
    "uk-kmu2010", "uk-bgn",      "uk-iso9",  "ru-bgn",
    "ru-iso9",    "ru-gost779b", "ru-alalc",
};

struct Example {
  std::string input;
  std::string expected;
  std::string note;
  int line = 0;
};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

std::vector<Example> LoadExamples(const std::string& file) {
  std::vector<Example> examples;
  std::ifstream in(testing::TestDataDir() / "romanize" / file);
  EXPECT_TRUE(in.good()) << "missing tests/data/romanize/" << file;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols = SplitTabs(line);
    EXPECT_GE(cols.size(), 2u) << file << ":" << number << ": needs a tab";
    if (cols.size() < 2) continue;
    Example e;
    e.input = cols[0];
    e.expected = cols[1];
    if (cols.size() > 2) e.note = cols[2];
    e.line = number;
    examples.push_back(std::move(e));
  }
  return examples;
}

const Scheme& Get(const std::string& id) {
  auto scheme = Registry::Default().Find(id);
  EXPECT_TRUE(scheme.ok()) << scheme.status().ToString();
  return **scheme;
}

// Whether every word has two letters or more: a lone capital is written as
// a title ("Я" → "Ya"), so only such inputs have an exact capitals variant.
bool AllWordsLong(const std::string& s) {
  int run = 0;
  bool ok = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    bool letter = b >= 0x80 || std::isalpha(b);
    if (letter) {
      if ((b & 0xC0) != 0x80) ++run;
    } else {
      if (run == 1) ok = false;
      run = 0;
    }
  }
  return ok && run != 1;
}

class TableSchemeExamplesTest : public ::testing::TestWithParam<const char*> {};

TEST_P(TableSchemeExamplesTest, OfficialExamples) {
  const std::string id = GetParam();
  const Scheme& scheme = Get(id);
  std::vector<Example> examples = LoadExamples(id + ".tsv");
  ASSERT_FALSE(examples.empty());
  RomanizeOptions ascii;
  ascii.ascii = true;
  for (const Example& e : examples) {
    SCOPED_TRACE(id + ".tsv:" + std::to_string(e.line) + ": " + e.input);
    EXPECT_EQ(scheme.Romanize(e.input), e.expected);
    EXPECT_EQ(scheme.Romanize(text::ToNfd(e.input)), e.expected) << "NFD";
    EXPECT_EQ(scheme.Romanize(text::ToLower(e.input, "")),
              text::ToLower(e.expected, ""))
        << "lower case";
    if (AllWordsLong(e.input)) {
      EXPECT_EQ(scheme.Romanize(text::ToUpper(e.input, "")),
                text::ToUpper(e.expected, ""))
          << "capitals";
    }
    if (scheme.reversible() &&
        e.note.find("no-roundtrip") == std::string::npos) {
      auto back = scheme.Deromanize(e.expected);
      ASSERT_TRUE(back.ok());
      EXPECT_EQ(*back, text::ToNfc(e.input)) << "reverse";
    }
  }
}

// ALA-LC's plain form: ru-alalc with --ascii (not a scheme id of its own).
TEST(TableSchemeTest, AlaLcAsciiExamples) {
  const Scheme& scheme = Get("ru-alalc");
  RomanizeOptions ascii;
  ascii.ascii = true;
  std::vector<Example> examples = LoadExamples("ru-alalc-ascii.tsv");
  ASSERT_FALSE(examples.empty());
  for (const Example& e : examples) {
    SCOPED_TRACE("ru-alalc-ascii.tsv:" + std::to_string(e.line) + ": " +
                 e.input);
    EXPECT_EQ(scheme.Romanize(e.input, ascii), e.expected);
  }
}

INSTANTIATE_TEST_SUITE_P(AllTables, TableSchemeExamplesTest,
                         ::testing::ValuesIn(kTableSchemes),
                         [](const auto& param_info) {
                           std::string name = param_info.param;
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

TEST(TableSchemeTest, EveryBuiltInTableLoads) {
  for (const char* id : kTableSchemes) {
    auto scheme = Registry::Default().Find(id);
    ASSERT_TRUE(scheme.ok()) << id;
    EXPECT_FALSE((*scheme)->description().empty()) << id;
    EXPECT_EQ((*scheme)->script(), text::Script::kCyrillic) << id;
  }
}

TEST(TableSchemeTest, UnknownIdNamesTheKnownOnes) {
  auto scheme = Registry::Default().Find("uk-nope");
  ASSERT_FALSE(scheme.ok());
  EXPECT_EQ(scheme.status().code(), StatusCode::kNotFound);
  EXPECT_NE(scheme.status().message().find("uk-kmu2010"), std::string::npos);
}

TEST(TableSchemeTest, IssueExamples) {
  const Scheme& uk = Get("uk-kmu2010");
  EXPECT_EQ(uk.Romanize("Київ"), "Kyiv");
  EXPECT_EQ(uk.Romanize("Згорани"), "Zghorany");
  EXPECT_EQ(uk.Romanize("Їжакевич"), "Yizhakevych");
  EXPECT_EQ(uk.Romanize("Юрій"), "Yurii");
  EXPECT_EQ(uk.Romanize("Курськ"), "Kursk");
  EXPECT_EQ(Get("ru-bgn").Romanize("Курск"), "Kursk");
  EXPECT_EQ(Get("ru-bgn").Romanize("Щука ЩУКА щука"),
            "Shchuka SHCHUKA shchuka");
}

TEST(TableSchemeTest, EveryApostropheFormIsDroppedInKmu2010) {
  const Scheme& uk = Get("uk-kmu2010");
  for (const char* apostrophe : {"'", "\u2019", "\u02BC", "`"}) {
    EXPECT_EQ(uk.Romanize(std::string("Знам") + apostrophe + "янка"),
              "Znamianka")
        << apostrophe;
  }
}

TEST(TableSchemeTest, PunctuationAndOtherScriptsPassThrough) {
  const Scheme& uk = Get("uk-kmu2010");
  EXPECT_EQ(uk.Romanize("«Київ» — 2024, Seoul/서울!"),
            "«Kyiv» — 2024, Seoul/서울!");
}

// Random text in the orthography of the language: the hard and soft signs
// only after consonants, as Russian and Ukrainian write them.
std::string RandomText(std::mt19937& rng, const std::u32string& letters,
                       const std::u32string& consonants,
                       const std::u32string& signs, int words) {
  std::u32string out;
  std::uniform_int_distribution<int> len(1, 12);
  for (int w = 0; w < words; ++w) {
    if (w > 0) out += (rng() % 7 == 0) ? U", " : U" ";
    int n = len(rng);
    bool capital = rng() % 3 == 0;
    // Capitals only for words of three letters or more: "КЬ" and "Кь" are
    // both "Kʹ" in ISO 9, since the prime has no case.
    bool caps = n >= 3 && rng() % 10 == 0;
    char32_t previous = 0;
    for (int i = 0; i < n; ++i) {
      char32_t c;
      if (previous != 0 && consonants.find(previous) != std::u32string::npos &&
          rng() % 8 == 0) {
        c = signs[rng() % signs.size()];
      } else {
        c = letters[rng() % letters.size()];
      }
      previous = c;
      bool upper = caps || (capital && i == 0);
      out += upper ? static_cast<char32_t>(u_toupper(c)) : c;
    }
  }
  icu::UnicodeString u;
  for (char32_t c : out) u.append(static_cast<UChar32>(c));
  std::string utf8;
  u.toUTF8String(utf8);
  return utf8;
}

const std::u32string kRuLetters = U"абвгдеёжзийклмнопрстуфхцчшщыэюя";
const std::u32string kRuConsonants = U"бвгджзклмнпрстфхцчшщ";
const std::u32string kUkLetters = U"абвгґдеєжзиіїйклмнопрстуфхцчшщюя";
const std::u32string kUkConsonants = U"бвгґджзклмнпрстфхцчшщ";

TEST(TableSchemeTest, ReversibleSchemesRoundTripOnGeneratedText) {
  struct Case {
    const char* id;
    const std::u32string& letters;
    const std::u32string& consonants;
    std::u32string signs;
  };
  const Case cases[] = {
      {"ru-iso9", kRuLetters, kRuConsonants, U"ъь"},
      {"ru-gost779b", kRuLetters, kRuConsonants, U"ъь"},
      {"uk-iso9", kUkLetters, kUkConsonants, U"ь\u2019"},
  };
  std::mt19937 rng(20261127);
  for (const Case& c : cases) {
    const Scheme& scheme = Get(c.id);
    ASSERT_TRUE(scheme.reversible()) << c.id;
    for (int i = 0; i < 2000; ++i) {
      std::string text = RandomText(rng, c.letters, c.consonants, c.signs, 8);
      std::string latin = scheme.Romanize(text);
      auto back = scheme.Deromanize(latin);
      ASSERT_TRUE(back.ok());
      ASSERT_EQ(*back, text) << c.id << ": " << text << " → " << latin;
    }
  }
}

// ICU's BGN transliterators write the system's optional middle dot
// (t·s, sh·ch, y·a, ·e), which onoma leaves out; words where ICU writes it
// are not compared (beside a dot ICU also writes "CH·e" for Чэ).
bool HasMiddleDot(const std::string& s) {
  return s.find("\u00B7") != std::string::npos;
}

// ICU writes the second of two е/ё after a vowel without its y ("Аее" →
// "Ayee"); note 1 of the system asks for ye after every vowel ("Ayeye").
bool HasDoubledIe(const std::string& word) {
  std::string lower = text::ToLower(word, "");
  for (const char* pair : {"ее", "её", "ёе", "ёё"}) {
    if (lower.find(pair) != std::string::npos) return true;
  }
  return false;
}

TEST(TableSchemeTest, BgnAgreesWithIcu) {
  struct Case {
    const char* id;
    const char* icu_id;
    const std::u32string& letters;
    const std::u32string& consonants;
    std::u32string signs;
  };
  const Case cases[] = {
      {"ru-bgn", "Russian-Latin/BGN", kRuLetters, kRuConsonants, U"ъь"},
      {"uk-bgn", "Ukrainian-Latin/BGN", kUkLetters, kUkConsonants, U"ь"},
  };
  std::mt19937 rng(7);
  for (const Case& c : cases) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> icu_bgn(
        icu::Transliterator::createInstance(c.icu_id, UTRANS_FORWARD, status));
    ASSERT_TRUE(U_SUCCESS(status)) << c.icu_id;
    const Scheme& scheme = Get(c.id);
    int compared = 0;
    for (int i = 0; i < 5000; ++i) {
      std::string word = RandomText(rng, c.letters, c.consonants, c.signs, 1);
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
      icu_bgn->transliterate(u);
      // ICU writes the signs as primes (ʹ ʺ), PCGN's documents as ’ and ”.
      u.findAndReplace(u"\u02B9", u"\u2019");
      u.findAndReplace(u"\u02BA", u"\u201D");
      std::string expected;
      u.toUTF8String(expected);
      // A lone capital is a title for onoma ("Я." → "Ya.", an initial) and
      // capitals for ICU ("YA"), and ICU leaves ë small in capitals
      // ("ТОЭЁ" → "TOEYë"), so only lower and title case words of two
      // letters or more are compared; the golden files cover capitals.
      if (HasMiddleDot(expected) || HasDoubledIe(word) ||
          text::CountCodePoints(word) == 1 ||
          text::ToLower(word.substr(2), "") != word.substr(2)) {
        continue;
      }
      ASSERT_EQ(scheme.Romanize(word), expected) << c.id << ": " << word;
      ++compared;
    }
    EXPECT_GT(compared, 2500) << c.id;
  }
}

}  // namespace
}  // namespace onoma::romanize
