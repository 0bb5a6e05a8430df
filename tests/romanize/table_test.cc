// The scheme table format and the table engine, on small tables written
// here; the real schemes are tested in table_schemes_test.cc.

#include "lib/romanize/table.h"

#include <gtest/gtest.h>

#include <string>

#include "lib/romanize/table_scheme.h"

namespace onoma::romanize {
namespace {

constexpr char kHeader[] =
    "scheme: test\n"
    "title: a test table\n"
    "script: cyrillic\n";

std::unique_ptr<TableScheme> Build(const std::string& body,
                                   const std::string& header = kHeader) {
  auto spec = ParseTable(header + body, "test.txt");
  EXPECT_TRUE(spec.ok()) << spec.status().ToString();
  if (!spec.ok()) return nullptr;
  auto scheme = TableScheme::Create(std::move(*spec));
  EXPECT_TRUE(scheme.ok()) << scheme.status().ToString();
  return scheme.ok() ? std::move(*scheme) : nullptr;
}

Status ParseError(const std::string& text) {
  return ParseTable(text, "bad.txt").status();
}

TEST(SchemeTableTest, ReadsHeaderAndRules) {
  auto spec = ParseTable(std::string(kHeader) +
                             "reversible: yes\n"
                             "а → a   # comment\n"
                             "б -> b\n",
                         "t.txt");
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  EXPECT_EQ(spec->id, "test");
  EXPECT_EQ(spec->title, "a test table");
  EXPECT_EQ(spec->script, text::Script::kCyrillic);
  EXPECT_TRUE(spec->reversible);
  ASSERT_EQ(spec->rules.size(), 2u);
  EXPECT_EQ(spec->rules[0].source, U"а");
  EXPECT_EQ(spec->rules[1].target, "b");
  EXPECT_EQ(spec->rules[1].line, 6u);
}

TEST(SchemeTableTest, QuotesAndEscapes) {
  auto spec = ParseTable(std::string(kHeader) +
                             "ц → \"t\\u0361s\"\n"
                             "ъ → ʺ ascii=\"\\\"\"\n"
                             "ь → \"\"\n",
                         "t.txt");
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  EXPECT_EQ(spec->rules[0].target, "t\u0361s");
  EXPECT_EQ(spec->rules[1].ascii, "\"");
  EXPECT_TRUE(spec->rules[1].has_ascii);
  EXPECT_EQ(spec->rules[2].target, "");
}

TEST(SchemeTableTest, SourcesAreLowerCasedAndNfc) {
  // Й written as И + combining breve, in capitals.
  auto spec = ParseTable(std::string(kHeader) + "И\u0306 → j\n", "t.txt");
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  EXPECT_EQ(spec->rules[0].source, U"й");
}

struct BadTable {
  const char* text;
  int line;
  int column;
  const char* message_part;
};

TEST(SchemeTableTest, RejectsMalformedTablesWithLineAndColumn) {
  const BadTable cases[] = {
      {"scheme: x\nscript: cyrillic\nа a\n", 3, 1, "SOURCE → TARGET"},
      {"scheme: x\nscript: cyrillic\nа = a\n", 3, 3, "→ or ←"},
      {"scheme: x\nscript: klingon\nа → a\n", 2, 9, "unknown script"},
      {"scheme: x\nscript: cyrillic\nа → a sometimes\n", 3, 7,
       "unknown condition"},
      {"scheme: x\nscript: cyrillic\nа → \"a\n", 3, 5, "unterminated"},
      {"scheme: x\nscript: cyrillic\nа → \\u12\n", 3, 7, "hex digits"},
      {"scheme: x\nscript: cyrillic\nа → \\uZZZZ\n", 3, 7, "hex digit"},
      {"scheme: x\nscript: cyrillic\nа → a after=@nope\n", 3, 7, "unknown set"},
      {"scheme: x\nscript: cyrillic\ncolour: blue\n", 3, 1, "unknown header"},
      {"scheme: x\nscript: cyrillic\nreversible: maybe\n", 3, 13, "yes or no"},
      {"scheme: x\nscript: cyrillic\n\"\" → a\n", 3, 1, "cannot be empty"},
      {"scheme: x\nscript: cyrillic\nа → \xff\n", 3, 5, "invalid UTF-8"},
  };
  for (const BadTable& c : cases) {
    Status s = ParseError(c.text);
    SCOPED_TRACE(c.text);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.code(), StatusCode::kBadInput);
    ASSERT_TRUE(s.location().has_value());
    EXPECT_EQ(s.location()->path, "bad.txt");
    EXPECT_EQ(s.location()->line, static_cast<std::uint64_t>(c.line));
    EXPECT_EQ(s.location()->column, static_cast<std::uint64_t>(c.column));
    EXPECT_NE(s.message().find(c.message_part), std::string::npos)
        << s.ToString();
  }
}

TEST(SchemeTableTest, RequiresSchemeScriptAndRules) {
  EXPECT_NE(ParseError("script: cyrillic\nа → a\n").message().find("scheme:"),
            std::string::npos);
  EXPECT_NE(ParseError("scheme: x\nа → a\n").message().find("script:"),
            std::string::npos);
  EXPECT_NE(ParseError("scheme: x\nscript: cyrillic\n").message().find("rules"),
            std::string::npos);
}

TEST(SchemeTableTest, RejectsRuleThatCanNeverApply) {
  auto spec = ParseTable(std::string(kHeader) + "а → a\n' → \"\"\n", "t.txt");
  ASSERT_TRUE(spec.ok());
  auto scheme = TableScheme::Create(std::move(*spec));
  ASSERT_FALSE(scheme.ok());
  EXPECT_EQ(scheme.status().location()->line, 5u);
  EXPECT_NE(scheme.status().message().find("word-chars"), std::string::npos);
}

TEST(TableEngineTest, LongestSourceWins) {
  auto s = Build("з → z\nг → h\nзг → zgh\n");
  EXPECT_EQ(s->Romanize("згзг"), "zghzgh");
  EXPECT_EQ(s->Romanize("гз"), "hz");
}

TEST(TableEngineTest, ConditionsInFileOrder) {
  auto s = Build(
      "set.v: ао\n"
      "е → ye initial\n"
      "е → ye after=@v\n"
      "е → e\n"
      "а → a\nо → o\nт → t\n"
      "ц → c before=е\n"
      "ц → cz\n"
      "к → k final\n"
      "к → q\n");
  EXPECT_EQ(s->Romanize("е"), "ye");
  EXPECT_EQ(s->Romanize("ае"), "aye");
  EXPECT_EQ(s->Romanize("те"), "te");
  EXPECT_EQ(s->Romanize("це ца"), "ce cza");
  EXPECT_EQ(s->Romanize("кок"), "qok");
  // A condition never looks across a word boundary.
  EXPECT_EQ(s->Romanize("а-е"), "a-ye");
  EXPECT_EQ(s->Romanize("ц е"), "cz ye");
}

TEST(TableEngineTest, CaseFollowsTheWord) {
  auto s = Build("щ → shch\nу → u\nк → k\nа → a\nя → ya\n");
  EXPECT_EQ(s->Romanize("щука"), "shchuka");
  EXPECT_EQ(s->Romanize("Щука"), "Shchuka");
  EXPECT_EQ(s->Romanize("ЩУКА"), "SHCHUKA");
  EXPECT_EQ(s->Romanize("кУк"), "kUk");
  // A lone capital takes capitals from an all-capitals neighbour only.
  EXPECT_EQ(s->Romanize("Я КУКА"), "YA KUKA");
  EXPECT_EQ(s->Romanize("КУКА Я"), "KUKA YA");
  EXPECT_EQ(s->Romanize("Я. Кук"), "Ya. Kuk");
}

TEST(TableEngineTest, WordCharsCountOnlyBetweenLetters) {
  auto s = Build("я → ya initial\nя → ia\nа → a\n' → \"\"\n",
                 std::string(kHeader) + "word-chars: '\n");
  EXPECT_EQ(s->Romanize("а'я"), "aia");
  // Quotes around a word are not apostrophes.
  EXPECT_EQ(s->Romanize("'а'"), "'a'");
}

TEST(TableEngineTest, OtherCharactersPassThrough) {
  auto s = Build("а → a\n");
  EXPECT_EQ(s->Romanize("Kyiv, 2024 — а! 키이우"), "Kyiv, 2024 — a! 키이우");
  EXPECT_EQ(s->Romanize(""), "");
}

TEST(TableEngineTest, AsciiFormDropsMarksUnlessGiven) {
  auto s = Build("ц → \"t\\u0361s\"\nё → ë\nь → ʹ ascii='\n");
  RomanizeOptions ascii;
  ascii.ascii = true;
  EXPECT_EQ(s->Romanize("цёь"), "t\u0361sëʹ");
  EXPECT_EQ(s->Romanize("цёь", ascii), "tse'");
  EXPECT_EQ(s->Romanize("ЦЁ", ascii), "TSE");
}

TEST(TableEngineTest, ExplicitTitleForm) {
  auto s = Build("ц → \"t\\u0361s\" title=\"T\\u0361S\"\nа → a\n");
  EXPECT_EQ(s->Romanize("Ца"), "T\u0361Sa");
  EXPECT_EQ(s->Romanize("ЦА"), "T\u0361SA");
  EXPECT_EQ(s->Romanize("ца"), "t\u0361sa");
}

TEST(TableEngineTest, DerivedAndExplicitReverse) {
  auto s = Build(
      "ц → c before=и\nц → cz noreverse\nи → i\nз → z\nа → a\n"
      "ц ← cz\n",
      std::string(kHeader) + "reversible: yes\n");
  EXPECT_EQ(s->Romanize("цизца"), "cizcza");
  auto back = s->Deromanize("Cizcza");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, "Цизца");
}

TEST(TableEngineTest, NotReversibleSaysSo) {
  auto s = Build("а → a\n");
  auto back = s->Deromanize("a");
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.status().code(), StatusCode::kBadArgument);
}

}  // namespace
}  // namespace onoma::romanize
