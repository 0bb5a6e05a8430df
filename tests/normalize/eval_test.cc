// Precision and recall of normalize on held-out passages
// (tests/data/normalize/eval-passages.tsv) against the bundled termbase.
// The figures are printed and quoted in docs/normalize.md; the test fails
// only when they fall below the floor recorded here.

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>

#include "lib/normalize/document.h"
#include "lib/normalize/matcher.h"
#include "tests/normalize/termbase_input.h"

namespace onoma::normalize {
namespace {

TEST(NormalizeEvalTest, PrecisionAndRecallOnHeldOutPassages) {
  auto matcher = Matcher::Compile(testing::NewsTermbase());
  ASSERT_TRUE(matcher.ok());
  std::ifstream in(onoma::testing::TestDataDir() /
                   "normalize/eval-passages.tsv");
  ASSERT_TRUE(in.good());
  int tp = 0, fp = 0, fn = 0, passages = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = testing::SplitTabs(line);
    ASSERT_GE(f.size(), 2u) << line;
    ++passages;
    std::multiset<std::string> expected;
    if (f.size() > 2 && !f[2].empty()) {
      std::size_t start = 0;
      for (;;) {
        std::size_t bar = f[2].find('|', start);
        expected.insert(f[2].substr(start, bar - start));
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
    }
    DocumentOptions options;
    options.lang = f[0];
    auto out = NormalizeText(*matcher, f[1], options);
    ASSERT_TRUE(out.ok());
    for (const Change& c : out->changes) {
      if (!c.applied) continue;
      auto it = expected.find(c.found + "=>" + c.replacement);
      if (it != expected.end()) {
        ++tp;
        expected.erase(it);
      } else {
        ++fp;
        std::cout << "false positive: " << c.found << " => " << c.replacement
                  << " in: " << f[1] << "\n";
      }
    }
    for (const std::string& miss : expected) {
      ++fn;
      std::cout << "missed: " << miss << " in: " << f[1] << "\n";
    }
  }
  double precision = tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp);
  double recall = tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn);
  std::cout << passages << " passages: " << tp << " correct, " << fp
            << " false, " << fn << " missed; precision " << precision
            << ", recall " << recall << "\n";
  RecordProperty("precision", std::to_string(precision));
  RecordProperty("recall", std::to_string(recall));
  EXPECT_GE(precision, 0.9);
  EXPECT_GE(recall, 0.8);
}

}  // namespace
}  // namespace onoma::normalize
