// Fuzzy lookup in the translation memory: latency per query at
// --min 70 and --min 50, the index's build time and size, on a database
// that `onoma tm import` filled and a file of queries, one a line:
//
//   export ONOMA_BENCH_DB=/tmp/tm.db ONOMA_BENCH_QUERIES=/tmp/queries.txt
//   build/bench/bench/tm_lookup_bench
//
// bench/compare_tm_lookup.sh makes both (the generated memory of
// bench/tmx_corpus.h at 10k, 100k and 1M units; queries by
// bench/make_tm_queries.cc) and runs translate-toolkit on the same queries.
//
//   BM_TmIndexBuild     the first tm::Lookup::Open after an import, which
//                       indexes every unit: index_build_s, units_indexed
//                       (0 when the index was already up to date, so run it
//                       first on a fresh import), and the index's size from
//                       SQLite's dbstat: index_bytes = tm_token (with its
//                       UNIQUE index) + tm_posting + tm_posting_key +
//                       tm_tokens
//   BM_TmLookup/min:70  every query once per iteration, each timed alone,
//   BM_TmLookup/min:50  by the clock and by this thread's CPU time:
//                       p50_ms, p99_ms, mean_ms, max_ms and the same
//                       *_cpu_ms over all the timings (the CPU figures are
//                       the ones to trust on a busy machine); candidates,
//                       postings_read and scored are means per query from
//                       last_stats(), first pass; matched counts the
//                       queries with at least one match
//
// Optional:
//   ONOMA_BENCH_ROUNDS=3     passes over the queries, the first included (a
//                            translator's first query meets a cold cache)
//   ONOMA_BENCH_BUDGET_S=S   stop a benchmark's passes once its lookups took
//                            S seconds (counters: queries, timings)
//   ONOMA_BENCH_OUT=PREFIX   write PREFIX-min70.tsv and PREFIX-min50.tsv, a
//                            line per query of the first pass: number, ms,
//                            cpu ms, candidates, postings_read, scored,
//                            filtered, then score, tuid and source of each
//                            match, best first (compare_tm_lookup.sh checks
//                            them against translate-toolkit's)
//   ONOMA_BENCH_VERIFY=N     after the timed passes, run Lookup::BruteForce
//                            on the first N queries and count in
//                            brute_force_diffs those whose matches (unit and
//                            score) differ from Find's: the index missing a
//                            unit

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/tm/lookup.h"

namespace {

using onoma::sqlite::Database;
using onoma::tm::Lookup;
using onoma::tm::LookupOptions;

std::string Env(const char* name, const char* fallback = "") {
  const char* value = std::getenv(name);
  return value != nullptr ? value : fallback;
}

int Rounds() {
  int rounds = std::atoi(Env("ONOMA_BENCH_ROUNDS", "3").c_str());
  return rounds > 0 ? rounds : 1;
}

const std::vector<std::string>& Queries() {
  static const std::vector<std::string> queries = [] {
    std::vector<std::string> lines;
    std::ifstream in(Env("ONOMA_BENCH_QUERIES"), std::ios::binary);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) lines.push_back(std::move(line));
    }
    return lines;
  }();
  return queries;
}

// Opens ONOMA_BENCH_DB, or says why not through `state`.
bool OpenDatabase(benchmark::State& state, std::optional<Database>& db) {
  std::string path = Env("ONOMA_BENCH_DB");
  if (path.empty()) {
    state.SkipWithError("set ONOMA_BENCH_DB to a database with a memory");
    return false;
  }
  auto opened = Database::Open(path);
  if (!opened.ok()) {
    state.SkipWithError(opened.status().ToString().c_str());
    return false;
  }
  db.emplace(std::move(*opened));
  return true;
}

LookupOptions Options(int min_score) {
  LookupOptions options;
  options.from = "en";
  options.to = "uk";
  options.min_score = min_score;
  options.max_matches = 5;
  return options;
}

// Bytes of each table and index, from SQLite's dbstat virtual table.
std::vector<std::pair<std::string, double>> TableBytes(Database& db) {
  std::vector<std::pair<std::string, double>> sizes;
  auto stmt = db.Prepare("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name",
                         "measure tables");
  if (!stmt.ok()) return sizes;
  while (true) {
    auto row = stmt->Step();
    if (!row.ok() || !*row) break;
    sizes.emplace_back(stmt->ColumnText(0),
                       static_cast<double>(stmt->ColumnInt64(1)));
  }
  return sizes;
}

void BM_TmIndexBuild(benchmark::State& state) {
  for (auto _ : state) {
    std::optional<Database> db;
    if (!OpenDatabase(state, db)) return;
    std::uint64_t units = 0;
    LookupOptions options = Options(70);
    options.on_progress = [&](const onoma::tm::IndexProgress& p) {
      units = std::max(units, p.units_done);
    };
    auto start = std::chrono::steady_clock::now();
    auto lookup = Lookup::Open(*db, options);
    auto end = std::chrono::steady_clock::now();
    if (!lookup.ok()) {
      state.SkipWithError(lookup.status().ToString().c_str());
      return;
    }
    state.PauseTiming();
    state.counters["index_build_s"] =
        std::chrono::duration<double>(end - start).count();
    state.counters["units_indexed"] = static_cast<double>(units);
    double index = 0;
    double total = 0;
    for (const auto& [name, bytes] : TableBytes(*db)) {
      total += bytes;
      if (name == "tm_token" || name == "sqlite_autoindex_tm_token_1" ||
          name == "tm_posting" || name == "tm_posting_key" ||
          name == "tm_tokens") {
        state.counters[name + "_bytes"] = bytes;
        index += bytes;
      }
    }
    state.counters["index_bytes"] = index;
    state.counters["db_bytes"] = total;
    state.ResumeTiming();
  }
}
// Registered first: Google Benchmark runs benchmarks in this order, so on a
// fresh import this is the Open that builds the index.
BENCHMARK(BM_TmIndexBuild)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  // Nearest rank: the smallest value with at least p of them at or below.
  std::size_t rank = static_cast<std::size_t>(
      std::max(1.0, std::ceil(p * static_cast<double>(sorted.size()))));
  return sorted[std::min(sorted.size(), rank) - 1];
}

// This thread's CPU time in milliseconds: beside the wall-clock time, the
// figure that other processes on a shared machine do not inflate.
double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 +
         static_cast<double>(t.tv_nsec) / 1e6;
}

void WriteResult(std::FILE* out, std::size_t number, double ms, double cpu_ms,
                 const onoma::tm::LookupStats& stats,
                 const std::vector<onoma::tm::Match>& matches) {
  std::fprintf(out, "%zu\t%.3f\t%.3f\t%llu\t%llu\t%llu\t%d", number, ms, cpu_ms,
               static_cast<unsigned long long>(stats.candidates),
               static_cast<unsigned long long>(stats.postings_read),
               static_cast<unsigned long long>(stats.scored),
               stats.filtered ? 1 : 0);
  for (const auto& m : matches) {
    std::fprintf(out, "\t%d\t%s\t%s", m.score, m.tuid.c_str(),
                 m.source.c_str());
  }
  std::fputc('\n', out);
}

void SetPercentiles(benchmark::State& state, const std::string& suffix,
                    std::vector<double> values) {
  std::sort(values.begin(), values.end());
  double sum = 0;
  for (double v : values) sum += v;
  state.counters["p50_" + suffix] = Percentile(values, 0.50);
  state.counters["p99_" + suffix] = Percentile(values, 0.99);
  state.counters["mean_" + suffix] =
      values.empty() ? 0 : sum / static_cast<double>(values.size());
  state.counters["max_" + suffix] = values.empty() ? 0 : values.back();
}

// Find() against BruteForce() on the first `count` queries: how many differ
// in their matches' units or scores.
bool CountBruteForceDiffs(benchmark::State& state, Lookup& lookup,
                          const std::vector<std::string>& queries,
                          std::size_t count) {
  count = std::min(count, queries.size());
  double diffs = 0;
  for (std::size_t i = 0; i < count; ++i) {
    auto found = lookup.Find(queries[i]);
    auto all = lookup.BruteForce(queries[i]);
    if (!found.ok() || !all.ok()) {
      state.SkipWithError("brute-force check failed");
      return false;
    }
    bool same = found->size() == all->size();
    for (std::size_t k = 0; same && k < found->size(); ++k) {
      same = (*found)[k].unit_id == (*all)[k].unit_id &&
             (*found)[k].score == (*all)[k].score;
    }
    diffs += same ? 0 : 1;
  }
  state.counters["brute_force_checked"] = static_cast<double>(count);
  state.counters["brute_force_diffs"] = diffs;
  return true;
}

void BM_TmLookup(benchmark::State& state) {
  const int min_score = static_cast<int>(state.range(0));
  const auto& queries = Queries();
  if (queries.empty()) {
    state.SkipWithError("set ONOMA_BENCH_QUERIES to a file of queries");
    return;
  }
  std::optional<Database> db;
  if (!OpenDatabase(state, db)) return;
  auto lookup = Lookup::Open(*db, Options(min_score));
  if (!lookup.ok()) {
    state.SkipWithError(lookup.status().ToString().c_str());
    return;
  }

  std::FILE* out = nullptr;
  if (std::string prefix = Env("ONOMA_BENCH_OUT"); !prefix.empty()) {
    std::string path = prefix + "-min" + std::to_string(min_score) + ".tsv";
    out = std::fopen(path.c_str(), "w");
    if (out == nullptr) {
      state.SkipWithError(("cannot write " + path).c_str());
      return;
    }
  }

  // A slow configuration (a weak filter on a big memory) stops early
  // rather than run for hours; the counters then say how many queries ran.
  const double budget_ms =
      std::atof(Env("ONOMA_BENCH_BUDGET_S", "0").c_str()) * 1e3;
  double spent_ms = 0;
  std::vector<double> ms, cpu_ms;
  double candidates = 0, postings = 0, scored = 0, matched = 0, unfiltered = 0;
  std::size_t first_pass_queries = 0;
  bool first_pass = true;
  for (auto _ : state) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      if (budget_ms > 0 && spent_ms > budget_ms) break;
      const double cpu_start = ThreadCpuMs();
      auto start = std::chrono::steady_clock::now();
      auto matches = lookup->Find(queries[i]);
      auto end = std::chrono::steady_clock::now();
      const double cpu = ThreadCpuMs() - cpu_start;
      if (!matches.ok()) {
        state.SkipWithError(
            ("query " + std::to_string(i) + ": " + matches.status().ToString())
                .c_str());
        if (out != nullptr) std::fclose(out);
        return;
      }
      double t = std::chrono::duration<double, std::milli>(end - start).count();
      spent_ms += t;
      ms.push_back(t);
      cpu_ms.push_back(cpu);
      const auto& stats = lookup->last_stats();
      if (first_pass) {
        ++first_pass_queries;
        candidates += static_cast<double>(stats.candidates);
        postings += static_cast<double>(stats.postings_read);
        scored += static_cast<double>(stats.scored);
        matched += matches->empty() ? 0 : 1;
        unfiltered += stats.filtered ? 0 : 1;
        if (out != nullptr) WriteResult(out, i, t, cpu, stats, *matches);
      }
      benchmark::DoNotOptimize(matches->data());
    }
    first_pass = false;
  }
  if (out != nullptr) std::fclose(out);

  const double n =
      static_cast<double>(std::max<std::size_t>(1, first_pass_queries));
  state.counters["queries"] = static_cast<double>(first_pass_queries);
  state.counters["timings"] = static_cast<double>(ms.size());
  SetPercentiles(state, "ms", ms);
  SetPercentiles(state, "cpu_ms", cpu_ms);
  state.counters["candidates"] = candidates / n;
  state.counters["postings_read"] = postings / n;
  state.counters["scored"] = scored / n;
  state.counters["matched"] = matched;
  state.counters["unfiltered"] = unfiltered;
  state.SetItemsProcessed(static_cast<std::int64_t>(ms.size()));

  const std::size_t verify = static_cast<std::size_t>(
      std::atol(Env("ONOMA_BENCH_VERIFY", "0").c_str()));
  if (verify > 0) CountBruteForceDiffs(state, *lookup, queries, verify);
}
BENCHMARK(BM_TmLookup)
    ->ArgName("min")
    ->Arg(70)
    ->Arg(50)
    ->Iterations(Rounds())
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
