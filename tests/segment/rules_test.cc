// The exception-table format (lib/segment/rules.h): every built-in table
// loads, and faults name file, line and column.

#include "lib/segment/rules.h"

#include <gtest/gtest.h>

#include <string>

namespace onoma::segment {
namespace {

TEST(SegmentRulesTest, EveryBuiltInTableLoads) {
  std::vector<std::string> langs = BuiltinSegmentLanguages();
  EXPECT_EQ(langs, (std::vector<std::string>{"en", "ko", "ru", "uk"}));
  for (const std::string& lang : langs) {
    auto rules = BuiltinSegmentRules(lang);
    ASSERT_TRUE(rules.ok()) << rules.status().ToString();
    EXPECT_EQ(rules->lang, lang);
    EXPECT_FALSE(rules->datelines.empty()) << lang;
  }
}

TEST(SegmentRulesTest, RegionSubtagIsIgnored) {
  auto rules = BuiltinSegmentRules("uk-UA");
  ASSERT_TRUE(rules.ok());
  EXPECT_EQ(rules->lang, "uk");
  EXPECT_EQ(BuiltinSegmentRules("de").status().code(), StatusCode::kNotFound);
}

TEST(SegmentRulesTest, ParsesKeysQuotesAndComments) {
  auto rules = ParseSegmentRules(
      "# header\n"
      "lang: uk\n"
      "title: ім. вул.   # comment\n"
      "title: проф.\n"
      "final: \"т. д.\" р.\n"
      "abbrev: тис.\n"
      "starter: Він\n"
      "continuation:라고\n"
      "anchor: num:11 листопада листопад\n"
      "dateline: \"^\\p{Lu}+ — \"\n",
      "t.txt");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ(rules->titles, (std::vector<std::string>{"ім.", "вул.", "проф."}));
  EXPECT_EQ(rules->finals, (std::vector<std::string>{"т. д.", "р."}));
  ASSERT_EQ(rules->anchors.size(), 1u);
  EXPECT_EQ(rules->anchors[0].key, "num:11");
  EXPECT_EQ(rules->anchors[0].words.size(), 2u);
  EXPECT_EQ(rules->datelines.size(), 1u);
}

struct Fault {
  const char* text;
  const char* message;  // "line:column: message", a prefix
};

TEST(SegmentRulesTest, FaultsNameLineAndColumn) {
  const Fault faults[] = {
      {"lang: en\ntitle Mr.\n", "t.txt:2:1: expected 'key: value ...'"},
      {"lang: en\nbogus: x\n", "t.txt:2:1: unknown key 'bogus'"},
      {"lang: en\ntitle: \"Mr.\n", "t.txt:2:8: unterminated quote"},
      {"lang: en\ntitle:\n", "t.txt:2:7: 'title:' has no value"},
      {"lang: en\nlang: uk\n", "t.txt:2:7: 'lang:' takes one value"},
      {"title: Mr.\n", "t.txt:1:1: the table has no 'lang:' line"},
      {"lang: en\nanchor: num:1\n", "t.txt:2:9: 'anchor:' takes a key"},
      {"lang: en\ndateline: \"(unclosed\"\n",
       "t.txt:2:21: bad dateline pattern: U_REGEX_MISMATCHED_PAREN"},
  };
  for (const Fault& fault : faults) {
    auto rules = ParseSegmentRules(fault.text, "t.txt");
    ASSERT_FALSE(rules.ok()) << fault.text;
    EXPECT_EQ(rules.status().code(), StatusCode::kBadInput);
    EXPECT_EQ(rules.status().ToString().rfind(fault.message, 0), 0u)
        << rules.status().ToString();
  }
}

}  // namespace
}  // namespace onoma::segment
