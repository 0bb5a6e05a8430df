// Precision and recall of the aligner on the gold passages of
// tests/data/segment/, per language pair: once on the gold
// sentences (the aligner alone) and once end to end (the segmenter's
// sentences from the running text, then the aligner). The figures are
// printed for docs/segment.md; the assertions are lower bounds a change
// must not fall below.

#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>
#include <utility>

#include "lib/segment/aligner.h"
#include "lib/segment/document.h"
#include "lib/segment/sentence_splitter.h"
#include "tests/segment/gold_corpus.h"

namespace onoma::testing {
namespace {

struct Score {
  std::size_t predicted = 0;
  std::size_t gold = 0;
  std::size_t correct = 0;
  double precision() const {
    return predicted == 0 ? 0 : static_cast<double>(correct) / predicted;
  }
  double recall() const {
    return gold == 0 ? 0 : static_cast<double>(correct) / gold;
  }
};

using TextBead = std::pair<std::string, std::string>;

std::string JoinSide(const segment::Document& doc, std::uint32_t begin,
                     std::uint32_t count) {
  std::string out;
  for (std::uint32_t k = 0; k < count; ++k) {
    out += (k > 0 ? " " : "") + doc.sentences[begin + k];
  }
  return out;
}

std::multiset<TextBead> AsText(const segment::Document& s,
                               const segment::Document& t,
                               const std::vector<segment::Bead>& beads) {
  std::multiset<TextBead> out;
  for (const segment::Bead& b : beads) {
    out.emplace(JoinSide(s, b.source_begin, b.source_count),
                JoinSide(t, b.target_begin, b.target_count));
  }
  return out;
}

void Count(const std::multiset<TextBead>& predicted,
           const std::multiset<TextBead>& gold, Score& score) {
  score.predicted += predicted.size();
  score.gold += gold.size();
  std::multiset<TextBead> left = gold;
  for (const TextBead& b : predicted) {
    auto it = left.find(b);
    if (it != left.end()) {
      ++score.correct;
      left.erase(it);
    }
  }
}

void Evaluate(const std::string& pair, double min_precision, double min_recall,
              double min_e2e_f1) {
  std::string error;
  std::vector<GoldPassage> passages =
      LoadGold(ONOMA_TEST_DATA_DIR "/segment", pair, error);
  ASSERT_EQ(error, "");
  ASSERT_GE(passages.size(), 13u);
  const std::string target_lang = pair.substr(3);
  auto source_splitter = segment::SentenceSplitter::Create("en");
  auto target_splitter = segment::SentenceSplitter::Create(target_lang);
  ASSERT_TRUE(source_splitter.ok() && target_splitter.ok());

  Score aligned, end_to_end, sentences;
  segment::AlignOptions options;
  options.source_lang = "en";
  options.target_lang = target_lang;
  for (const GoldPassage& p : passages) {
    const std::multiset<TextBead> gold = AsText(p.source, p.target, p.beads);
    auto beads = segment::Align(p.source, p.target, options);
    ASSERT_TRUE(beads.ok()) << beads.status().ToString();
    Score one;
    Count(AsText(p.source, p.target, *beads), gold, one);
    Count(AsText(p.source, p.target, *beads), gold, aligned);
    for (const TextBead& b : AsText(p.source, p.target, *beads)) {
      if (gold.count(b) == 0) {
        std::printf("  %s: wrong bead [%s] <-> [%s]\n", p.name.c_str(),
                    b.first.c_str(), b.second.c_str());
      }
    }

    segment::Document s =
        segment::SegmentDocument(p.source_text, *source_splitter);
    segment::Document t =
        segment::SegmentDocument(p.target_text, *target_splitter);
    for (const auto& [doc, gold_doc] :
         {std::pair{&s, &p.source}, std::pair{&t, &p.target}}) {
      std::multiset<std::string> want(gold_doc->sentences.begin(),
                                      gold_doc->sentences.end());
      sentences.predicted += doc->size();
      sentences.gold += want.size();
      for (const std::string& x : doc->sentences) {
        auto it = want.find(x);
        if (it != want.end()) {
          ++sentences.correct;
          want.erase(it);
        } else {
          std::printf("  %s: segment not in gold [%s]\n", p.name.c_str(),
                      x.c_str());
        }
      }
    }
    auto e2e = segment::Align(s, t, options);
    ASSERT_TRUE(e2e.ok());
    Count(AsText(s, t, *e2e), gold, end_to_end);
  }
  auto f1 = [](const Score& x) {
    double p = x.precision(), r = x.recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  };
  std::printf(
      "%s: %zu passages, %zu gold beads\n"
      "  segmentation: precision %.3f recall %.3f (%zu/%zu sentences)\n"
      "  alignment (gold sentences): precision %.3f recall %.3f (%zu/%zu)\n"
      "  end to end: precision %.3f recall %.3f f1 %.3f\n",
      pair.c_str(), passages.size(), aligned.gold, sentences.precision(),
      sentences.recall(), sentences.correct, sentences.gold,
      aligned.precision(), aligned.recall(), aligned.correct, aligned.gold,
      end_to_end.precision(), end_to_end.recall(), f1(end_to_end));
  EXPECT_GE(aligned.gold, 200u);
  EXPECT_GE(aligned.precision(), min_precision);
  EXPECT_GE(aligned.recall(), min_recall);
  EXPECT_GE(f1(end_to_end), min_e2e_f1);
  EXPECT_GE(sentences.precision(), 0.97);
  EXPECT_GE(sentences.recall(), 0.97);
}

// Measured (docs/segment.md): P 0.975, R 0.975, end-to-end F1 0.975.
TEST(AlignmentEvalTest, EnglishUkrainian) {
  Evaluate("en-uk", 0.95, 0.95, 0.95);
}

// Measured (docs/segment.md): P 0.904, R 0.931, end-to-end F1 0.917.
TEST(AlignmentEvalTest, EnglishKorean) { Evaluate("en-ko", 0.87, 0.89, 0.88); }

}  // namespace
}  // namespace onoma::testing
