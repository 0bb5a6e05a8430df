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

#include "lib/romanize/hangul.h"
#include "lib/romanize/korean.h"

namespace {

constexpr std::size_t kInputBytes = 5 << 20;

// Syllables frequent in Korean news text, most frequent first (a list made
// for this benchmark; the weights only need to be plausible).
constexpr std::string_view kCommon =
    "이다의는에한국하고을를가지대기사로서인정부자도시일수전장"
    "리소상제주동경원민업중과들생고화공보방해통문부관발선여적"
    "회위성연실신반강무미비재유세출계당안임개학북만명것우조표"
    "요구다나오내등분현산금교결행터진청와외력간체영약법차총석"
    "남양선물열월년억원달러은행협력특별광역군면읍관련밝혔다";

std::vector<std::string> KoreanLines(std::size_t bytes, unsigned seed = 2000) {
  std::vector<std::string> common;
  for (std::size_t i = 0; i < kCommon.size(); i += 3) {
    common.emplace_back(kCommon.substr(i, 3));
  }
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> pick_common(0, common.size() - 1);
  std::uniform_int_distribution<int> pick_any(0, 11171);
  std::uniform_int_distribution<int> word_len(1, 5);
  static constexpr const char* kParticles[] = {"은", "는", "이", "가",   "을",
                                               "를", "의", "에", "에서", "로"};
  static constexpr const char* kLatin[] = {"KBS", "UN",      "AI",
                                           "G20", "Samsung", "NATO"};
  std::vector<std::string> lines;
  std::size_t total = 0;
  while (total < bytes) {
    std::string line;
    while (line.size() < 150) {
      unsigned kind = rng() % 20;
      if (kind == 0) {
        line += kLatin[rng() % 6];
      } else if (kind == 1) {
        line += std::to_string(rng() % 3000);
      } else {
        int n = word_len(rng);
        for (int i = 0; i < n; ++i) {
          if (rng() % 5 == 0) {
            onoma::romanize::hangul::AppendUtf8(
                onoma::romanize::hangul::kSyllableFirst + pick_any(rng), &line);
          } else {
            line += common[pick_common(rng)];
          }
        }
        if (rng() % 2 == 0) line += kParticles[rng() % 10];
      }
      switch (rng() % 14) {
        case 0:
          line += ", ";
          break;
        case 1:
          line += ". ";
          break;
        case 2:
          line += " \xE2\x80\x9C";
          break;  // “
        case 3:
          line += "\xE2\x80\x9D ";
          break;  // ”
        default:
          line += ' ';
          break;
      }
    }
    total += line.size() + 1;
    lines.push_back(std::move(line));
  }
  return lines;
}

const std::vector<std::string>& Input() {
  static const auto* lines =
      new std::vector<std::string>(KoreanLines(kInputBytes));
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
