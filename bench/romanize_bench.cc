// Throughput of onoma's Cyrillic schemes against ICU's BGN transliterators
// (icu::Transliterator, what ICU-based tools such as uconv -x give users
// today), on the same 5 MB of generated text, line by line as the
// streaming command reads it.
//
//   build/bench/bench/romanize_bench --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <vector>

#include "bench/corpus.h"
#include "lib/romanize/registry.h"

namespace {

constexpr std::size_t kInputBytes = 5 << 20;

const std::vector<std::string>& Input(bool russian) {
  static const auto* uk =
      new std::vector<std::string>(onoma::bench::UkrainianLines(kInputBytes));
  static const auto* ru =
      new std::vector<std::string>(onoma::bench::RussianLines(kInputBytes));
  return russian ? *ru : *uk;
}

std::size_t Bytes(const std::vector<std::string>& lines) {
  std::size_t n = 0;
  for (const auto& l : lines) n += l.size() + 1;
  return n;
}

void Onoma(benchmark::State& state, const char* id, bool russian) {
  const auto& lines = Input(russian);
  auto scheme = onoma::romanize::Registry::Default().Find(id);
  if (!scheme.ok()) {
    state.SkipWithError(scheme.status().ToString().c_str());
    return;
  }
  std::string out;
  for (auto _ : state) {
    for (const std::string& line : lines) {
      out.clear();
      (*scheme)->RomanizeTo(line, {}, out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Bytes(lines)));
}

void Icu(benchmark::State& state, const char* id, bool russian) {
  const auto& lines = Input(russian);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  if (U_FAILURE(status)) {
    state.SkipWithError(u_errorName(status));
    return;
  }
  std::string out;
  for (auto _ : state) {
    for (const std::string& line : lines) {
      // The same UTF-8 in and out as onoma: conversions are part of the job.
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(line);
      t->transliterate(u);
      out.clear();
      u.toUTF8String(out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Bytes(lines)));
}

// Same job side by side: Ukrainian, Russian.
BENCHMARK_CAPTURE(Onoma, uk_kmu2010, "uk-kmu2010", false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Onoma, uk_bgn, "uk-bgn", false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Icu, uk_bgn, "Ukrainian-Latin/BGN", false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Onoma, ru_bgn, "ru-bgn", true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Icu, ru_bgn, "Russian-Latin/BGN", true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Onoma, ru_iso9, "ru-iso9", true)
    ->Unit(benchmark::kMillisecond);

}  // namespace
