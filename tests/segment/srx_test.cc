// SRX rules applied (lib/segment/srx.h): choice by language map, cascade,
// break and no-break rules in order, and pattern faults.

#include "lib/segment/srx.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lib/segment/sentence_splitter.h"

namespace onoma::segment {
namespace {

SrxRules Rules(bool cascade) {
  SrxRules rules;
  rules.path = "test.srx";
  rules.cascade = cascade;
  rules.language_rules = {
      {"English", {{false, "\\b(?:Mr|Dr)\\.", "\\s", 3}}},
      {"Default",
       {{false, "\\b\\p{Lu}\\.", "\\s\\p{Lu}", 5}, {true, "[.?!]+", "\\s", 6}}},
  };
  rules.maps = {{"en.*", "English"}, {".*", "Default"}};
  return rules;
}

std::vector<std::string> Split(SentenceSplitter& splitter,
                               std::string_view text) {
  std::vector<std::string> out;
  for (const SentenceSpan& span : splitter.Split(text)) {
    out.emplace_back(span.In(text));
  }
  return out;
}

TEST(SrxTest, SelectsByLanguageWithCascade) {
  auto en = SelectSrxRules(Rules(true), "en-US");
  ASSERT_TRUE(en.ok());
  EXPECT_EQ(en->size(), 3u);
  auto uk = SelectSrxRules(Rules(true), "uk");
  ASSERT_TRUE(uk.ok());
  EXPECT_EQ(uk->size(), 2u);
  auto first_only = SelectSrxRules(Rules(false), "EN");
  ASSERT_TRUE(first_only.ok());
  EXPECT_EQ(first_only->size(), 1u);
}

TEST(SrxTest, FirstMatchingRuleDecides) {
  auto splitter = SentenceSplitter::CreateFromSrx(Rules(true), "en");
  ASSERT_TRUE(splitter.ok()) << splitter.status().ToString();
  EXPECT_EQ(Split(*splitter, "Mr. Kim met K. Budanov. They talked! Fine?"),
            (std::vector<std::string>{"Mr. Kim met K. Budanov.", "They talked!",
                                      "Fine?"}));
  // Without cascade, English has only its no-break rule: nothing breaks
  // but the line.
  auto plain = SentenceSplitter::CreateFromSrx(Rules(false), "en");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(Split(*plain, "One. Two.\nThree."),
            (std::vector<std::string>{"One. Two.", "Three."}));
}

TEST(SrxTest, FaultsNameTheRule) {
  SrxRules rules = Rules(true);
  rules.language_rules[1].rules.push_back({true, "(unclosed", "", 9});
  auto splitter = SentenceSplitter::CreateFromSrx(rules, "uk");
  ASSERT_FALSE(splitter.ok());
  EXPECT_EQ(splitter.status().code(), StatusCode::kBadInput);
  EXPECT_EQ(splitter.status().ToString().rfind("test.srx:9:", 0), 0u)
      << splitter.status().ToString();

  rules = Rules(true);
  rules.maps.push_back({"uk", "Missing"});
  EXPECT_FALSE(SelectSrxRules(rules, "uk").ok());
}

}  // namespace
}  // namespace onoma::segment
