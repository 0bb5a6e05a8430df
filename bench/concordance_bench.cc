// Concordance in the translation memory: the trigram index's
// build time and size, and latency per query, on a database that
// `onoma tm import` filled with the generated memory of bench/tmx_corpus.h:
//
//   ONOMA_BENCH_DB=/tmp/1m.db build/bench/bench/concordance_bench
//
// bench/compare_concordance.sh makes the database and runs this.
//
//   BM_ConcordanceIndexBuild  the first concordance after an import, which
//                             indexes every unit: index_build_s,
//                             units_indexed (0 when the index was up to
//                             date: run it on a fresh import), index_bytes
//                             (SQLite's dbstat over the tm_concordance
//                             tables) and file_bytes_before/_after
//   BM_Concordance/<kind>     each query of a kind once per pass, each timed
//                             alone: p50_ms, p99_ms, mean_ms, max_ms;
//                             hits is the mean number of units returned
//                             (at most 20, the command's default)
//   BM_LikeScan/<kind>        the rival a user of sqlite3 would write:
//                             SELECT ... WHERE text LIKE '%q%' ORDER BY id
//                             DESC LIMIT 20 on tm_variant, one pass (it is
//                             case-blind for ASCII only, so it finds less in
//                             Ukrainian)
//
// Kinds of query, fixed by a seed so that every run asks the same:
//   en, uk   60 each: a substring of 3-12 characters of two corpus words
//            side by side (inside words and across the space)
//   number   20 unit numbers of 5-6 digits: one or a few units each
//   short    20 substrings of 1-2 characters (no trigram: the scan)
//   absent   10 strings the memory does not hold
//   long     2 queries of 10 kB: "said " 2000 times, and 10 kB of corpus
//            words (the index is asked for their two ends; a phrase of
//            the whole took FTS5 over a minute)
//
// ONOMA_BENCH_ROUNDS (default 3) passes, the first one included (a
// translator's first query meets a cold cache too).

#include <benchmark/benchmark.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "bench/tmx_corpus.h"
#include "lib/text/utf8.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/tm/concordance.h"

namespace {

using onoma::sqlite::Database;
using Clock = std::chrono::steady_clock;

std::string Env(const char* name, const char* fallback = "") {
  const char* value = std::getenv(name);
  return value != nullptr ? value : fallback;
}

Database& Db() {
  static std::unique_ptr<Database> db = [] {
    auto opened = Database::Open(Env("ONOMA_BENCH_DB", "/tmp/conc/1m.db"));
    if (!opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
      std::exit(1);
    }
    return std::make_unique<Database>(std::move(*opened));
  }();
  return *db;
}

std::uint64_t FileBytes() {
  const std::string path = Env("ONOMA_BENCH_DB", "/tmp/conc/1m.db");
  std::uint64_t total = 0;
  struct stat st;
  if (stat(path.c_str(), &st) == 0) total += st.st_size;
  if (stat((path + "-wal").c_str(), &st) == 0) total += st.st_size;
  return total;
}

std::vector<char32_t> CodePoints(const std::string& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c;
    onoma::text::DecodeNext(s, i, c);
    out.push_back(c);
  }
  return out;
}

std::string Substring(const std::vector<char32_t>& cps, std::size_t from,
                      std::size_t length) {
  std::string out;
  for (std::size_t i = from; i < from + length; ++i) {
    onoma::text::AppendUtf8(out, cps[i]);
  }
  return out;
}

template <typename Words>
std::vector<std::string> Pieces(const Words& words, std::size_t count,
                                std::size_t min, std::size_t max, unsigned seed,
                                bool pairs) {
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  while (out.size() < count) {
    std::string text = words[rng() % words.size()];
    if (pairs) text += std::string(" ") + words[rng() % words.size()];
    const auto cps = CodePoints(text);
    if (cps.size() < min) continue;
    const std::size_t longest = std::min(max, cps.size());
    const std::size_t length = min + rng() % (longest - min + 1);
    const std::size_t from = rng() % (cps.size() - length + 1);
    out.push_back(Substring(cps, from, length));
  }
  return out;
}

const std::vector<std::string>& Queries(const std::string& kind) {
  static const auto* english = new std::vector<std::string>(
      Pieces(onoma::bench::kEnglishWords, 60, 3, 12, 1, true));
  static const auto* ukrainian = new std::vector<std::string>(
      Pieces(onoma::bench::kUkrainianWords, 60, 3, 12, 2, true));
  static const auto* shorter = [] {
    auto* v = new std::vector<std::string>(
        Pieces(onoma::bench::kEnglishWords, 10, 1, 2, 3, false));
    auto uk = Pieces(onoma::bench::kUkrainianWords, 10, 1, 2, 4, false);
    v->insert(v->end(), uk.begin(), uk.end());
    return v;
  }();
  static const auto* numbers = [] {
    auto* v = new std::vector<std::string>;
    std::mt19937 rng(5);
    while (v->size() < 20) v->push_back(std::to_string(10000 + rng() % 990000));
    return v;
  }();
  static const auto* absent = new std::vector<std::string>{
      "Zaporizhzhia", "Запоріжжя", "Mykolaiv", "Миколаїв",      "xyz",
      "Busan",        "부산",      "ґанок",    "said saidsaid", "йщз"};
  static const auto* longer = [] {
    auto* v = new std::vector<std::string>;
    std::string said;
    for (int i = 0; i < 2000; ++i) said += "said ";
    v->push_back(said);
    std::mt19937 rng(6);
    const auto& words = onoma::bench::kEnglishWords;
    std::string run;
    while (run.size() < 10000) {
      run += std::string(words[rng() % words.size()]) + " ";
    }
    v->push_back(run);
    return v;
  }();
  if (kind == "en") return *english;
  if (kind == "long") return *longer;
  if (kind == "uk") return *ukrainian;
  if (kind == "short") return *shorter;
  if (kind == "number") return *numbers;
  return *absent;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto at =
      static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(at, v.size() - 1)];
}

void Report(benchmark::State& state, const std::vector<double>& ms,
            double hits) {
  double sum = 0;
  for (double m : ms) sum += m;
  state.counters["p50_ms"] = Percentile(ms, 0.50);
  state.counters["p99_ms"] = Percentile(ms, 0.99);
  state.counters["mean_ms"] = ms.empty() ? 0 : sum / ms.size();
  state.counters["max_ms"] =
      ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end());
  state.counters["hits"] = ms.empty() ? 0 : hits / ms.size();
  state.counters["queries"] = static_cast<double>(ms.size());
}

std::uint64_t IndexBytes() {
  auto stat = Db().Prepare(
      "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE "
      "'tm_concordance%'",
      "measure the concordance index");
  if (!stat.ok()) return 0;
  auto row = stat->Step();
  if (!row.ok() || !*row) return 0;
  return static_cast<std::uint64_t>(stat->ColumnInt64(0));
}

void BM_ConcordanceIndexBuild(benchmark::State& state) {
  for (auto _ : state) {
    const std::uint64_t before = FileBytes();
    const auto start = Clock::now();
    auto units = onoma::tm::UpdateConcordanceIndex(Db());
    const double seconds =
        std::chrono::duration<double>(Clock::now() - start).count();
    if (!units.ok()) {
      state.SkipWithError(units.status().ToString().c_str());
      return;
    }
    state.counters["index_build_s"] = seconds;
    state.counters["units_indexed"] = static_cast<double>(*units);
    state.counters["file_bytes_before"] = static_cast<double>(before);
    state.counters["file_bytes_after"] = static_cast<double>(FileBytes());
    state.counters["index_bytes"] = static_cast<double>(IndexBytes());
  }
}
BENCHMARK(BM_ConcordanceIndexBuild)->Iterations(1)->Unit(benchmark::kSecond);

void BM_Concordance(benchmark::State& state, const std::string& kind) {
  const int rounds =
      std::max(1, std::atoi(Env("ONOMA_BENCH_ROUNDS", "3").c_str()));
  std::vector<double> ms;
  double hits = 0;
  for (auto _ : state) {
    for (int round = 0; round < rounds; ++round) {
      for (const std::string& q : Queries(kind)) {
        onoma::tm::ConcordanceOptions options;
        options.text = q;
        const auto start = Clock::now();
        auto found = onoma::tm::Concordance(Db(), options);
        ms.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - start)
                .count());
        if (!found.ok()) {
          state.SkipWithError(found.status().ToString().c_str());
          return;
        }
        hits += static_cast<double>(found->size());
      }
    }
  }
  Report(state, ms, hits);
}

void BM_LikeScan(benchmark::State& state, const std::string& kind) {
  std::vector<double> ms;
  double hits = 0;
  for (auto _ : state) {
    for (const std::string& q : Queries(kind)) {
      auto scan = Db().Prepare(
          "SELECT id, text FROM tm_variant WHERE text LIKE ?1 ORDER BY id "
          "DESC LIMIT 20",
          "scan with LIKE");
      if (!scan.ok() || !scan->Bind(1, "%" + q + "%").ok()) {
        state.SkipWithError("cannot prepare the LIKE scan");
        return;
      }
      const auto start = Clock::now();
      for (;;) {
        auto row = scan->Step();
        if (!row.ok() || !*row) break;
        hits += 1;
      }
      ms.push_back(
          std::chrono::duration<double, std::milli>(Clock::now() - start)
              .count());
    }
  }
  Report(state, ms, hits);
}

#define ONOMA_CONCORDANCE_KIND(kind)             \
  BENCHMARK_CAPTURE(BM_Concordance, kind, #kind) \
      ->Iterations(1)                            \
      ->Unit(benchmark::kMillisecond);           \
  BENCHMARK_CAPTURE(BM_LikeScan, kind, #kind)    \
      ->Iterations(1)                            \
      ->Unit(benchmark::kMillisecond)

ONOMA_CONCORDANCE_KIND(en);
ONOMA_CONCORDANCE_KIND(uk);
ONOMA_CONCORDANCE_KIND(number);
ONOMA_CONCORDANCE_KIND(short);
ONOMA_CONCORDANCE_KIND(absent);
ONOMA_CONCORDANCE_KIND(long);

}  // namespace
