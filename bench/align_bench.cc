// Alignment and segmentation speed on long documents.
//
// The documents are the gold passages of tests/data/segment/ (en-uk and
// en-ko) repeated until each side has the sentences asked for: long wire
// copy of the same mix of 1-1, 1-2, 2-1 and omitted sentences. Items are
// sentences of both sides, so items/s is sentences aligned per second.
//
// Side by side: the banded search (the default) against the same lattice
// searched whole (band as wide as the document), and length alone against
// length with anchors.
//
//   build-rel/bench/align_bench --benchmark_filter=Align

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "lib/segment/aligner.h"
#include "lib/segment/document.h"
#include "lib/segment/sentence_splitter.h"
#include "tests/segment/gold_corpus.h"

namespace onoma {
namespace {

struct LongDocuments {
  segment::Document source;
  segment::Document target;
  std::string source_text;
};

// Repeats the passages of `pair` until the source has `sentences`.
LongDocuments Build(const std::string& pair, std::size_t sentences) {
  std::string error;
  std::vector<testing::GoldPassage> passages =
      testing::LoadGold(ONOMA_TEST_DATA_DIR "/segment", pair, error);
  LongDocuments docs;
  std::uint32_t paragraph_base = 0;
  while (!passages.empty() && docs.source.size() < sentences) {
    for (const testing::GoldPassage& p : passages) {
      std::uint32_t top = 0;
      for (std::size_t i = 0; i < p.source.size(); ++i) {
        docs.source.Add(p.source.sentences[i],
                        paragraph_base + p.source.paragraph[i]);
        top = std::max(top, p.source.paragraph[i]);
      }
      for (std::size_t j = 0; j < p.target.size(); ++j) {
        docs.target.Add(p.target.sentences[j],
                        paragraph_base + p.target.paragraph[j]);
      }
      docs.source_text += p.source_text;
      paragraph_base += top + 1;
    }
  }
  return docs;
}

class NoAnchors : public segment::AnchorSource {
 public:
  std::vector<std::string> ConceptKeys(std::string_view,
                                       std::string_view) const override {
    return {};
  }
};

void RunAlign(benchmark::State& state, const std::string& pair, bool whole,
              bool anchors) {
  const LongDocuments docs =
      Build(pair, static_cast<std::size_t>(state.range(0)));
  static const NoAnchors kNoAnchors;
  segment::AlignOptions options;
  options.source_lang = "en";
  options.target_lang = pair.substr(3);
  options.paragraphs = false;  // one search over the whole document
  if (whole) options.band = docs.target.size() + docs.source.size();
  if (!anchors) options.anchors = &kNoAnchors;
  std::size_t beads = 0;
  for (auto _ : state) {
    auto result = segment::Align(docs.source, docs.target, options);
    if (!result.ok()) state.SkipWithError("alignment failed");
    beads = result.ok() ? result->size() : 0;
    benchmark::DoNotOptimize(beads);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(
      state.iterations() * (docs.source.size() + docs.target.size())));
  state.counters["source_sentences"] = static_cast<double>(docs.source.size());
  state.counters["beads"] = static_cast<double>(beads);
}

void BM_AlignEnUkBanded(benchmark::State& s) {
  RunAlign(s, "en-uk", false, true);
}
void BM_AlignEnUkWhole(benchmark::State& s) {
  RunAlign(s, "en-uk", true, true);
}
void BM_AlignEnUkLengthOnly(benchmark::State& s) {
  RunAlign(s, "en-uk", false, false);
}
void BM_AlignEnKoBanded(benchmark::State& s) {
  RunAlign(s, "en-ko", false, true);
}

BENCHMARK(BM_AlignEnUkBanded)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AlignEnUkWhole)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AlignEnUkLengthOnly)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AlignEnKoBanded)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_SegmentEnglish(benchmark::State& state) {
  const LongDocuments docs = Build("en-uk", 10000);
  auto splitter = segment::SentenceSplitter::Create("en");
  std::vector<segment::SentenceSpan> spans;
  for (auto _ : state) {
    spans.clear();
    splitter->Split(docs.source_text, spans);
    benchmark::DoNotOptimize(spans.data());
  }
  state.SetBytesProcessed(
      static_cast<std::int64_t>(state.iterations() * docs.source_text.size()));
  state.SetItemsProcessed(
      static_cast<std::int64_t>(state.iterations() * spans.size()));
}
BENCHMARK(BM_SegmentEnglish)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace onoma
