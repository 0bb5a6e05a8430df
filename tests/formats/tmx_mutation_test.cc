// A fixed-seed mutation run of the TMX reader over the corpus and a few
// documents of our own, in the suite so that CI (under the sanitizers)
// puts the reader through malformed input every time; the open-ended
// search is tests/fuzz/tmx_fuzzer.cc. The property checked on every
// mutant is tests/formats/tmx_property.h's.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "tests/formats/tmx_property.h"
#include "tests/support/shared_corpora.h"

namespace onoma::formats {
namespace {

// Small documents that reach what the corpus does not: entities, CDATA,
// foreign namespaces, TMX 1.1, faults of each kind.
const char* const kSeeds[] = {
    "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY ap \"AP\">]>\n"
    "<tmx version=\"1.4\" xmlns:ex=\"urn:x\"><header srclang=\"*all*\" "
    "ex:a=\"1\"><ude name=\"u\"><map unicode=\"#xE000\" ent=\"e\"/></ude>"
    "<note>n &ap;</note></header><body><tu tuid=\"&ap;\" "
    "creationdate=\"2018-01-14T20:15:29.9\"><prop type=\"t\">p</prop><tuv "
    "xml:lang=\"en\" ex:s=\"d\"><seg>a <![CDATA[<b>]]> <bpt i=\"1\">&lt;b&gt;"
    "</bpt>b<ept i=\"1\">&lt;/b&gt;</ept><ph x=\"1\"><sub>s</sub></ph><hi>h"
    "</hi><!--c--><?p d?><ex:g/></seg></tuv><tuv lang=\"uk\"><seg>б</seg>"
    "</tuv></tu></body></tmx>\n",
    "<tmx version=\"1.1\"><header/><body><tu><tuv lang=\"EN\"><seg>x</seg>"
    "</tuv></tu><tu></tu><tu><tuv xml:lang=\"fr\"><seg>y</seg><seg>z</seg>"
    "</tuv></tu></body></tmx>",
};

std::vector<std::string> Seeds() {
  std::vector<std::string> seeds(std::begin(kSeeds), std::end(kSeeds));
  if (testing::SharedDir().empty()) return seeds;
  namespace fs = std::filesystem;
  for (const auto& entry :
       fs::directory_iterator(testing::SharedDir() / "corpora" / "tmx")) {
    // The small files: mutants of the large ones mostly fail where the
    // small ones do, at many times the cost.
    if (entry.path().extension() != ".tmx" || entry.file_size() > 16384) {
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    seeds.emplace_back(std::istreambuf_iterator<char>(in),
                       std::istreambuf_iterator<char>());
  }
  return seeds;
}

TEST(TmxMutationTest, MutantsNeverCrashAndRoundTripWhenAccepted) {
  const std::vector<std::string> seeds = Seeds();
  // Bytes that matter to XML and TMX, and fragments to splice in.
  std::string specials = "<>&;\"'=/?!-[]#x \n\t\r\xC3\xA9\xFF";
  specials += '\0';
  const std::vector<std::string> fragments = {
      "<tu>",
      "</tu>",
      "<tuv xml:lang=\"uk\">",
      "<seg>",
      "</seg>",
      "&amp;",
      "&#x0;",
      "<![CDATA[",
      "]]>",
      "<!--",
      "-->",
      "<bpt i=\"1\">",
      "</ept>",
      "<?onoma-attrs a=\"1\"?>",
      "&ap;",
      "<!ENTITY x SYSTEM \"file:///etc/passwd\">",
      "xmlns:q=\"u\" q:a=\"1\"",
      "creationdate=\"2024-02-30T00:00:00\"",
      "<ex:e xmlns:ex=\"urn:y\">"};
  std::mt19937 rng(20261127);
  int accepted = 0;
  int refused = 0;
  for (int i = 0; i < 10000; ++i) {
    std::string text = seeds[rng() % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 5);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 5) {
        case 0:
          text[at] = static_cast<char>(rng());
          break;
        case 1:
          text.erase(at, 1 + rng() % 12);
          break;
        case 2:
          text.insert(at, 1, specials[rng() % specials.size()]);
          break;
        case 3:
          text.insert(at, fragments[rng() % fragments.size()]);
          break;
        default:
          text.insert(at, text.substr(rng() % text.size(), 1 + rng() % 40));
      }
    }
    const bool lenient = rng() % 2 == 0;
    testing::TmxPropertyResult result =
        testing::CheckTmxProperty(text, lenient);
    ASSERT_EQ(result.violation, "") << "mutant " << i << ":\n" << text;
    (result.accepted ? accepted : refused) += 1;
  }
  // Both paths were exercised.
  EXPECT_GT(accepted, 100);
  EXPECT_GT(refused, 100);
}

TEST(TmxMutationTest, SeedsThemselvesHoldTheProperty) {
  for (const std::string& seed : Seeds()) {
    for (bool lenient : {false, true}) {
      testing::TmxPropertyResult result =
          testing::CheckTmxProperty(seed, lenient);
      EXPECT_EQ(result.violation, "") << seed.substr(0, 200);
    }
  }
}

}  // namespace
}  // namespace onoma::formats
