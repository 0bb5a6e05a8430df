// Normalizer benchmarks: throughput on generated English,
// Ukrainian and Korean wire copy with the bundled termbase alone (429
// concepts) and with 100k generated concepts added; matcher build time and
// size.
//
//   build-rel/bench/normalize_bench
//   build-rel/bench/normalize_bench --benchmark_filter=Build
//
// Generated concepts are place names from random syllables, each with a
// preferred and a deprecated spelling in en, uk (declined: five more forms
// each) and ko, so 100k concepts put about 1.6M forms into the automaton.
// The corpus is ordinary words with a name every ~15 words, a fifth of
// them variants, so that the report and rewriting paths are measured too.
// Target: >= 50 MB/s per core at 100k concepts, and within 2x
// of the throughput at the bundled termbase.

#include <benchmark/benchmark.h>

#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "bench/name_syllables.h"
#include "lib/normalize/document.h"
#include "lib/normalize/matcher.h"

namespace {

namespace nz = onoma::normalize;

using onoma::bench::CapitalizeCyrillic;
using onoma::bench::kSyllables;
using onoma::bench::Syllable;

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == '\t') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

nz::Input Bundled() {
  std::ifstream in(ONOMA_SOURCE_DIR "/tables/termbase/news.tsv");
  nz::Input input;
  bool header = false;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    std::vector<std::string> f = SplitTabs(line);
    if (f.size() < 6) continue;
    if (input.concepts.empty() || input.concepts.back().slug != f[0]) {
      input.concepts.emplace_back().slug = f[0];
      input.concepts.back().is_place = f[1] == "place";
    }
    if (f[4] == "negative") {
      input.concepts.back().negative_contexts.push_back(f[3]);
      continue;
    }
    nz::FormInput t;
    t.lang = f[2];
    t.form = f[3];
    t.status = f[4] == "preferred"  ? nz::FormStatus::kPreferred
               : f[4] == "admitted" ? nz::FormStatus::kAdmitted
                                    : nz::FormStatus::kDeprecated;
    t.kind = f[5] == "shortForm" ? nz::FormKind::kShortForm
             : f[5] == "variant" ? nz::FormKind::kVariant
                                 : nz::FormKind::kFullForm;
    input.concepts.back().terms.push_back(t);
  }
  return input;
}

struct Name {
  std::string en, uk, ko;
};

Name RandomName(std::mt19937& rng) {
  Name n;
  int syllables = 3 + static_cast<int>(rng() % 3);
  for (int i = 0; i < syllables; ++i) {
    const Syllable& s = kSyllables[rng() % std::size(kSyllables)];
    n.en += s.latin;
    n.uk += s.uk;
    n.ko += s.ko;
  }
  n.en[0] = static_cast<char>(n.en[0] - 32);
  n.uk += "в";  // a masculine place name: Коріна -> Корінав, declines
  CapitalizeCyrillic(n.uk);
  return n;
}

nz::Input WithGenerated(int count) {
  nz::Input input = Bundled();
  std::mt19937 rng(6);
  for (int i = 0; i < count; ++i) {
    Name n = RandomName(rng);
    nz::ConceptInput& c = input.concepts.emplace_back();
    c.slug = "gen-" + std::to_string(i);
    c.is_place = true;
    using S = nz::FormStatus;
    using K = nz::FormKind;
    c.terms = {{"en", n.en, S::kPreferred, K::kFullForm, ""},
               {"en", n.en + "e", S::kDeprecated, K::kVariant, ""},
               {"uk", n.uk, S::kPreferred, K::kFullForm, ""},
               {"uk", "Ст" + n.uk, S::kDeprecated, K::kVariant, ""},
               {"ko", n.ko, S::kPreferred, K::kFullForm, ""},
               {"ko", n.ko + "흐", S::kDeprecated, K::kVariant, ""}};
  }
  return input;
}

const nz::Matcher& MatcherFor(int generated) {
  static std::map<int, nz::Matcher>* cache = new std::map<int, nz::Matcher>;
  auto it = cache->find(generated);
  if (it == cache->end()) {
    auto m = nz::Matcher::Compile(WithGenerated(generated));
    if (!m.ok()) std::abort();
    it = cache->emplace(generated, std::move(*m)).first;
  }
  return it->second;
}

// About 8 MB of copy in `lang`, lines of ~20 words.
const std::vector<std::string>& Corpus(const std::string& lang) {
  static std::map<std::string, std::vector<std::string>>* cache =
      new std::map<std::string, std::vector<std::string>>;
  auto& lines = (*cache)[lang];
  if (!lines.empty()) return lines;
  const std::vector<std::string> words =
      lang == "en" ? std::vector<std::string>{"the",    "officials", "said",
                                              "on",     "Monday",    "that",
                                              "forces", "attacked",  "near",
                                              "city",   "reported",  "and"}
      : lang == "uk"
          ? std::vector<std::string>{"у",         "місті",      "заявили",
                                     "посадовці", "в",          "понеділок",
                                     "що",        "сили",       "атакували",
                                     "біля",      "повідомили", "та"}
          : std::vector<std::string>{"관계자들은", "월요일", "도시", "인근에서",
                                     "공격했다고", "밝혔다", "군은", "그리고",
                                     "보도했다",   "지역",   "주민", "발표"};
  const std::vector<std::string> names =
      lang == "en"
          ? std::vector<std::string>{"Kyiv",     "Kiev",
                                     "Kharkiv",  "Odessa's",
                                     "Zelensky", "Dnipropetrovsk Oblast"}
      : lang == "uk"
          ? std::vector<std::string>{"Київ",    "Києві",  "Киеве",
                                     "Харкова", "Одесою", "Дніпропетровськ"}
          : std::vector<std::string>{"키이우에서", "키예프는", "하르키우",
                                     "오데사를",   "윤석열",   "하리코프가"};
  std::mt19937 rng(7);
  std::size_t bytes = 0;
  while (bytes < 8u * 1024 * 1024) {
    std::string line;
    for (int w = 0; w < 20; ++w) {
      if (!line.empty()) line += ' ';
      line += rng() % 15 == 0 ? names[rng() % names.size()]
                              : words[rng() % words.size()];
    }
    line += '.';
    bytes += line.size() + 1;
    lines.push_back(std::move(line));
  }
  return lines;
}

void BM_Normalize(benchmark::State& state, const std::string& lang) {
  const int generated = static_cast<int>(state.range(0));
  const nz::Matcher& matcher = MatcherFor(generated);
  const std::vector<std::string>& lines = Corpus(lang);
  std::size_t bytes = 0;
  for (const std::string& l : lines) bytes += l.size() + 1;
  std::string out;
  std::vector<nz::Change> changes;
  std::size_t found = 0;
  for (auto _ : state) {
    auto doc = nz::DocumentNormalizer::Create(matcher, {lang, false});
    if (!doc.ok()) std::abort();
    found = 0;
    for (const std::string& l : lines) {
      out.clear();
      changes.clear();
      doc->NormalizeLine(l, out, changes);
      found += changes.size();
    }
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes) *
                          static_cast<std::int64_t>(state.iterations()));
  state.counters["changes"] = static_cast<double>(found);
}

// One line of state.range(0) bytes of "Kiev " (an article without line
// breaks, every word a change): linear work keeps bytes/s the same from
// 100 kB to 8 MB; a per-change rescan of the line made it fall with size
// (800 kB took 13.5 s).
void BM_NormalizeOneLine(benchmark::State& state) {
  const nz::Matcher& matcher = MatcherFor(0);
  std::string line;
  while (line.size() < static_cast<std::size_t>(state.range(0))) {
    line += "Kiev ";
  }
  std::string out;
  std::vector<nz::Change> changes;
  for (auto _ : state) {
    auto doc = nz::DocumentNormalizer::Create(matcher, {"en", false});
    if (!doc.ok()) std::abort();
    out.clear();
    changes.clear();
    doc->NormalizeLine(line, out, changes);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(line.size()) *
                          static_cast<std::int64_t>(state.iterations()));
  state.counters["changes"] = static_cast<double>(changes.size());
}

void BM_Build(benchmark::State& state) {
  nz::Input input = WithGenerated(static_cast<int>(state.range(0)));
  std::size_t patterns = 0, states = 0, memory = 0;
  for (auto _ : state) {
    auto m = nz::Matcher::Compile(input);
    if (!m.ok()) std::abort();
    patterns = m->pattern_count();
    states = m->state_count();
    memory = m->MemoryBytes();
  }
  state.counters["patterns"] = static_cast<double>(patterns);
  state.counters["states"] = static_cast<double>(states);
  state.counters["MB"] = static_cast<double>(memory) / (1024.0 * 1024.0);
}

BENCHMARK_CAPTURE(BM_Normalize, en, std::string("en"))
    ->Arg(0)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Normalize, uk, std::string("uk"))
    ->Arg(0)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Normalize, ko, std::string("ko"))
    ->Arg(0)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NormalizeOneLine)
    ->Arg(100 << 10)
    ->Arg(800 << 10)
    ->Arg(8 << 20)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Build)
    ->Arg(0)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
