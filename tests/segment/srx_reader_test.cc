// The SRX reader (memory/formats/srx_reader.h): SRX 2.0 and 1.0 files into
// rules, and XML faults with their location.

#include "memory/formats/srx_reader.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "lib/segment/sentence_splitter.h"

namespace onoma::formats {
namespace {

constexpr char kSrx20[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="yes">
    <formathandle type="start" include="no"/>
  </header>
  <body>
    <languagerules>
      <languagerule languagerulename="Ukrainian">
        <rule break="no">
          <beforebreak>\sвул\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
      </languagerule>
      <languagerule languagerulename="Default">
        <rule>
          <beforebreak>[.?!]+</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="uk.*" languagerulename="Ukrainian"/>
      <languagemap languagepattern=".*" languagerulename="Default"/>
    </maprules>
  </body>
</srx>
)";

TEST(SrxReaderTest, ReadsSrx20) {
  auto rules = ParseSrx(kSrx20, "rules.srx");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_TRUE(rules->cascade);
  ASSERT_EQ(rules->language_rules.size(), 2u);
  EXPECT_EQ(rules->language_rules[0].name, "Ukrainian");
  ASSERT_EQ(rules->language_rules[0].rules.size(), 1u);
  EXPECT_FALSE(rules->language_rules[0].rules[0].is_break);
  EXPECT_EQ(rules->language_rules[0].rules[0].before, "\\sвул\\.");
  EXPECT_EQ(rules->language_rules[0].rules[0].line, 9u);
  EXPECT_TRUE(rules->language_rules[1].rules[0].is_break);
  ASSERT_EQ(rules->maps.size(), 2u);

  auto splitter = segment::SentenceSplitter::CreateFromSrx(*rules, "uk");
  ASSERT_TRUE(splitter.ok()) << splitter.status().ToString();
  std::string text = "Він живе на вул. Хрещатик. Ми теж!";
  std::vector<std::string> out;
  for (const auto& span : splitter->Split(text))
    out.emplace_back(span.In(text));
  EXPECT_EQ(
      out, (std::vector<std::string>{"Він живе на вул. Хрещатик.", "Ми теж!"}));
}

TEST(SrxReaderTest, ReadsSrx10MapRules) {
  auto rules = ParseSrx(
      "<srx version=\"1.0\"><header segmentsubflows=\"yes\"/><body>"
      "<languagerules><languagerule languagerulename=\"D\">"
      "<rule break=\"yes\"><beforebreak>\\.</beforebreak></rule>"
      "</languagerule></languagerules><maprules><maprule maprulename=\"m\">"
      "<languagemap languagepattern=\".*\" languagerulename=\"D\"/>"
      "</maprule></maprules></body></srx>",
      "old.srx");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_FALSE(rules->cascade);
  ASSERT_EQ(rules->maps.size(), 1u);
  EXPECT_EQ(rules->maps[0].rule_name, "D");
}

TEST(SrxReaderTest, FaultsAreLocated) {
  auto broken = ParseSrx("<srx>\n<body>\n</srx>\n", "bad.srx");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().code(), StatusCode::kBadInput);
  EXPECT_EQ(
      broken.status().ToString().rfind("bad.srx:4:1: not well-formed XML", 0),
      0u)
      << broken.status().ToString();

  auto root = ParseSrx("<tmx/>", "x.srx");
  ASSERT_FALSE(root.ok());
  EXPECT_EQ(root.status().ToString(),
            "x.srx:1:1: the root element is not <srx>");

  auto verdict = ParseSrx(
      "<srx><body><languagerules>\n<languagerule languagerulename=\"D\">\n"
      "<rule break=\"maybe\"/></languagerule></languagerules></body></srx>",
      "v.srx");
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.status().ToString(),
            "v.srx:3: <rule break> must be yes or no, not 'maybe'");

  auto missing = ReadSrxFile("/nonexistent/rules.srx");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kIo);
}

TEST(SrxReaderTest, MutatedFilesNeverCrash) {
  std::mt19937 rng(2711);
  for (int i = 0; i < 500; ++i) {
    std::string xml = kSrx20;
    for (int e = 0, edits = 1 + static_cast<int>(rng() % 4); e < edits; ++e) {
      std::size_t at = rng() % xml.size();
      if (rng() % 2 == 0) {
        xml.erase(at, 1 + rng() % 5);
      } else {
        xml.insert(at, 1, "<>/\"=&(["[rng() % 9]);
      }
    }
    auto rules = ParseSrx(xml, "m.srx");
    if (!rules.ok()) {
      EXPECT_TRUE(rules.status().location().has_value());
      continue;
    }
    auto splitter = segment::SentenceSplitter::CreateFromSrx(*rules, "uk");
    if (splitter.ok()) splitter->Split("Він живе на вул. Хрещатик. Так!");
  }
}

}  // namespace
}  // namespace onoma::formats
