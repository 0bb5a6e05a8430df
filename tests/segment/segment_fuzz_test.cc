// Fixed-seed mutation and random-input runs, in the suite so that CI
// (under the sanitizers) drives the table parser, the splitter and the
// aligner through malformed and odd input every time.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "lib/segment/aligner.h"
#include "lib/segment/rules.h"
#include "lib/segment/sentence_splitter.h"
#include "lib/text/utf8.h"

namespace onoma::segment {
namespace {

std::vector<std::string> RealTables() {
  std::vector<std::string> tables;
  auto dir =
      std::filesystem::path(ONOMA_TEST_DATA_DIR).parent_path().parent_path() /
      "tables" / "segment";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    tables.emplace_back(std::istreambuf_iterator<char>(in),
                        std::istreambuf_iterator<char>());
  }
  return tables;
}

// Text made of the pieces the rules look at.
std::string RandomText(std::mt19937& rng, std::size_t pieces) {
  static const char* const kPieces[] = {"Mr.",
                                        "U.S.",
                                        " ",
                                        "  ",
                                        ".",
                                        "?",
                                        "!",
                                        "\"",
                                        "«",
                                        "»",
                                        "—",
                                        "-",
                                        "K.",
                                        "3.5",
                                        "1,200",
                                        "Kyiv",
                                        "the",
                                        "Київ",
                                        "ім.",
                                        "т. д.",
                                        "р.",
                                        "의",
                                        "라고",
                                        "다.",
                                        "(서울=연합뉴스)",
                                        "=",
                                        "\n",
                                        "\u00A0",
                                        "•",
                                        "a.m.",
                                        "SEOUL, Nov. 27 (Yonhap) --",
                                        "(",
                                        ")",
                                        "…",
                                        "’",
                                        "Дж.",
                                        "x"};
  std::string text;
  for (std::size_t i = 0; i < pieces; ++i) {
    text += kPieces[rng() % std::size(kPieces)];
  }
  return text;
}

void ExpectValidSpans(std::string_view text,
                      const std::vector<SentenceSpan>& spans) {
  std::size_t last = 0;
  for (const SentenceSpan& span : spans) {
    ASSERT_LE(last, span.begin);
    ASSERT_LT(span.begin, span.end);
    ASSERT_LE(span.end, text.size());
    EXPECT_TRUE(text::ValidateUtf8(span.In(text)).ok());
    last = span.end;
  }
}

TEST(SegmentFuzzTest, MutatedTablesNeverCrashAndErrorsHaveALocation) {
  std::vector<std::string> tables = RealTables();
  ASSERT_EQ(tables.size(), 4u);
  std::mt19937 rng(927);
  const std::string sample = "Mr. Kim met K. Budanov. «Так!» — сказав він.";
  for (int i = 0; i < 400; ++i) {
    std::string text = tables[rng() % tables.size()];
    for (int e = 0, edits = 1 + static_cast<int>(rng() % 5); e < edits; ++e) {
      std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0:
          text.erase(at, 1 + rng() % 6);
          break;
        case 1:
          text.insert(at, 1, ":\"#(\\[ \n"[rng() % 8]);
          break;
        default:
          text.insert(at, text.substr(rng() % text.size(), 10));
      }
    }
    if (!text::ValidateUtf8(text).ok()) continue;  // REQUIRES valid UTF-8
    auto rules = ParseSegmentRules(text, "mutated.txt");
    if (!rules.ok()) {
      ASSERT_TRUE(rules.status().location().has_value());
      EXPECT_GT(rules.status().location()->line, 0u);
      continue;
    }
    auto splitter = SentenceSplitter::Create(*rules);
    if (!splitter.ok()) continue;  // e.g. a mangled `lang:`
    ExpectValidSpans(sample, splitter->Split(sample));
  }
}

TEST(SegmentFuzzTest, RandomTextGivesValidSpansInEveryLanguage) {
  std::mt19937 rng(1127);
  for (const char* lang : {"en", "uk", "ru", "ko"}) {
    auto splitter = SentenceSplitter::Create(lang);
    ASSERT_TRUE(splitter.ok());
    for (int i = 0; i < 300; ++i) {
      const std::string text = RandomText(rng, 1 + rng() % 40);
      ExpectValidSpans(text, splitter->Split(text));
    }
  }
}

TEST(SegmentFuzzTest, RandomDocumentsAlignCoveringBothSides) {
  std::mt19937 rng(2026);
  for (int round = 0; round < 60; ++round) {
    Document s, t;
    const std::size_t n = rng() % 30, m = rng() % 30;
    std::uint32_t p = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (rng() % 5 == 0) ++p;
      s.Add(RandomText(rng, rng() % 12), p);
    }
    p = 0;
    for (std::size_t j = 0; j < m; ++j) {
      if (rng() % 5 == 0) ++p;
      t.Add(RandomText(rng, rng() % 12), p);
    }
    AlignOptions options;
    options.band = 1 + rng() % 4;
    auto beads = Align(s, t, options);
    ASSERT_TRUE(beads.ok());
    std::uint32_t i = 0, j = 0;
    for (const Bead& b : *beads) {
      ASSERT_EQ(b.source_begin, i);
      ASSERT_EQ(b.target_begin, j);
      ASSERT_GE(b.confidence, 0.0);
      ASSERT_LE(b.confidence, 1.0);
      ASSERT_GT(b.source_count + b.target_count, 0u);
      i += b.source_count;
      j += b.target_count;
    }
    EXPECT_EQ(i, n);
    EXPECT_EQ(j, m);
  }
}

}  // namespace
}  // namespace onoma::segment
