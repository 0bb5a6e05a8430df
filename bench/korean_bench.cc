// Throughput of onoma's ko-rr (every RR sound change, the exception list)
// against ICU's built-in Hangul-Latin transliterator (letter by letter, no
// sound changes: what ICU-based tools such as uconv -x give users today),
// on the same 5 MB of generated Korean text, line by line as the streaming
// command reads it. ko-mr and ko-rr-translit are measured beside them.
//
//   build-ko-rel/bench/korean_bench --benchmark_counters_tabular=true
//
// The input is made here from a fixed seed: lines of about 150 bytes of
// Hangul words (syllables weighted towards the common ones of news copy,
// with rarer ones mixed in), particles, spaces, punctuation, and now and
// then a Latin acronym or a number. No third-party text.

#include <benchmark/benchmark.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "bench/corpus.h"
#include "lib/romanize/hangul.h"
#include "lib/romanize/korean.h"

namespace {

constexpr std::size_t kInputBytes = 5 << 20;

const std::vector<std::string>& Input() {
  static const auto* lines =
      new std::vector<std::string>(onoma::bench::KoreanLines(kInputBytes));
  return *lines;
}

std::size_t Bytes(const std::vector<std::string>& lines) {
  std::size_t n = 0;
  for (const auto& l : lines) n += l.size() + 1;
  return n;
}

const onoma::romanize::Scheme* KoreanScheme(std::string_view id) {
  static const auto* schemes =
      new std::vector<std::unique_ptr<onoma::romanize::Scheme>>(
          onoma::romanize::MakeKoreanSchemes());
  for (const auto& s : *schemes) {
    if (s->id() == id) return s.get();
  }
  return nullptr;
}

void Onoma(benchmark::State& state, const char* id) {
  const auto& lines = Input();
  const onoma::romanize::Scheme* scheme = KoreanScheme(id);
  if (scheme == nullptr) {
    state.SkipWithError("no such scheme");
    return;
  }
  std::string out;
  std::size_t out_bytes = 0;
  for (auto _ : state) {
    out_bytes = 0;
    for (const std::string& line : lines) {
      out.clear();
      scheme->RomanizeTo(line, {}, out);
      out_bytes += out.size();
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Bytes(lines)));
  state.counters["out_MB"] = static_cast<double>(out_bytes) / (1 << 20);
}

void Icu(benchmark::State& state, const char* id) {
  const auto& lines = Input();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  if (U_FAILURE(status)) {
    state.SkipWithError(u_errorName(status));
    return;
  }
  std::string out;
  std::size_t out_bytes = 0;
  for (auto _ : state) {
    out_bytes = 0;
    for (const std::string& line : lines) {
      // The same UTF-8 in and out as onoma: conversions are part of the job.
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(line);
      t->transliterate(u);
      out.clear();
      u.toUTF8String(out);
      out_bytes += out.size();
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Bytes(lines)));
  state.counters["out_MB"] = static_cast<double>(out_bytes) / (1 << 20);
}

// Same job side by side.
BENCHMARK_CAPTURE(Onoma, ko_rr, "ko-rr")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Icu, Hangul_Latin, "Hangul-Latin")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Onoma, ko_rr_translit, "ko-rr-translit")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Onoma, ko_mr, "ko-mr")->Unit(benchmark::kMillisecond);

}  // namespace
