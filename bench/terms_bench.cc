// Term store benchmarks: lookup latency per match kind at 100k
// generated concepts, and import throughput.
//
//   build-rel/bench/terms_bench                      # all
//   build-rel/bench/terms_bench --benchmark_filter=Lookup
//
// Each concept has an en, uk, ru and ko rendering built from the same
// random syllables ("Karimon", "Карімон", "Каримон", "카리모"), so that
// 100k concepts hold 400k terms with realistic key collisions. Lookup
// benchmarks time every query and report p50 and p99 in microseconds as
// counters beside Google Benchmark's mean; `misses` counts queries whose
// best hit was not the expected concept with the expected match kind.
// Targets: p50 < 1 ms exact and inflected, < 10 ms fuzzy;
// import >= 50k terms/s.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "lib/text/unicode.h"
#include "memory/formats/term_files.h"
#include "memory/sqlite/sqlite.h"
#include "memory/terms/search_keys.h"
#include "memory/terms/term_store.h"

namespace {

using onoma::terms::MatchKind;

constexpr int kConcepts = 100000;

struct Syllable {
  const char* latin;
  const char* uk;
  const char* ru;
  const char* ko;
};

constexpr Syllable kSyllables[] = {
    {"ka", "ка", "ка", "카"}, {"ko", "ко", "ко", "코"},
    {"ri", "рі", "ри", "리"}, {"na", "на", "на", "나"},
    {"to", "то", "то", "토"}, {"mi", "мі", "ми", "미"},
    {"sa", "са", "са", "사"}, {"lu", "лу", "лу", "루"},
    {"de", "де", "де", "데"}, {"bo", "бо", "бо", "보"},
    {"vy", "ви", "вы", "비"}, {"ha", "ха", "ха", "하"},
    {"pe", "пе", "пе", "페"}, {"zo", "зо", "зо", "조"},
    {"mu", "му", "му", "무"}, {"ti", "ті", "ти", "티"},
    {"go", "го", "го", "고"}, {"le", "ле", "ле", "레"},
    {"du", "ду", "ду", "두"}, {"si", "сі", "си", "시"},
    {"fa", "фа", "фа", "파"}, {"no", "но", "но", "노"},
    {"ra", "ра", "ра", "라"}, {"be", "бе", "бе", "베"},
    {"mo", "мо", "мо", "모"}, {"ku", "ку", "ку", "쿠"},
    {"ne", "не", "не", "네"}, {"ta", "та", "та", "타"},
    {"pi", "пі", "пи", "피"}, {"so", "со", "со", "소"},
};

struct Name {
  std::string en, uk, ru, ko;
};

// Deterministic: the same 100k names on every run.
const std::vector<Name>& Names() {
  static const std::vector<Name> names = [] {
    std::mt19937 rng(20261127);
    std::uniform_int_distribution<int> count(3, 5);
    std::uniform_int_distribution<int> pick(0, std::size(kSyllables) - 1);
    std::set<std::string> seen;
    std::vector<Name> out;
    while (static_cast<int>(out.size()) < kConcepts) {
      Name n;
      int k = count(rng);
      for (int i = 0; i < k; ++i) {
        const Syllable& s = kSyllables[pick(rng)];
        n.en += s.latin;
        n.uk += s.uk;
        n.ru += s.ru;
        n.ko += s.ko;
      }
      // A final consonant, so that Ukrainian case endings apply.
      n.en += "n";
      n.uk += "н";
      n.ru += "н";
      n.en[0] = static_cast<char>(n.en[0] - 'a' + 'A');
      n.uk = onoma::text::ToUpper(n.uk.substr(0, 2)) + n.uk.substr(2);
      n.ru = onoma::text::ToUpper(n.ru.substr(0, 2)) + n.ru.substr(2);
      if (!seen.insert(n.en).second) continue;
      out.push_back(std::move(n));
    }
    return out;
  }();
  return names;
}

std::string Slug(int i) { return "c" + std::to_string(i); }

void WriteTsv(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  out << "concept\ttype\tlang\tform\tstatus\tterm_type\tnote\tsource\n";
  const auto& names = Names();
  for (int i = 0; i < kConcepts; ++i) {
    const Name& n = names[i];
    for (auto [lang, form] : {std::pair{"en", &n.en},
                              {"uk", &n.uk},
                              {"ru", &n.ru},
                              {"ko", &n.ko}}) {
      out << Slug(i) << "\tplace\t" << lang << '\t' << *form
          << "\tpreferred\t\t\tbench\n";
    }
  }
}

std::string TempPath(const char* name) {
  return (std::filesystem::temp_directory_path() / name).string();
}

// The 100k-concept store, built once per process.
onoma::terms::TermStore& Store() {
  static onoma::sqlite::Database* db = [] {
    std::string path = TempPath("onoma_terms_bench.db");
    std::string tsv = TempPath("onoma_terms_bench.tsv");
    for (const char* ext : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path + ext);
    }
    WriteTsv(tsv);
    auto opened = onoma::sqlite::Database::Open(path);
    if (!opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
      std::abort();
    }
    auto* d = new onoma::sqlite::Database(std::move(*opened));
    onoma::terms::TermStore store(*d);
    auto stats = store.Import([&](onoma::terms::TermSink& sink) {
      return onoma::formats::ReadTermFile(tsv, {}, sink);
    });
    if (!stats.ok()) {
      std::fprintf(stderr, "%s\n", stats.status().ToString().c_str());
      std::abort();
    }
    return d;
  }();
  static onoma::terms::TermStore store(*db);
  return store;
}

struct Query {
  std::string text;
  int index;
};

void RunLookups(benchmark::State& state, MatchKind kind,
                std::string (*make)(const Name&)) {
  auto& store = Store();
  const auto& names = Names();
  std::vector<Query> queries;
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> pick(0, kConcepts - 1);
  for (int i = 0; i < 1000; ++i) {
    int c = pick(rng);
    queries.push_back({make(names[c]), c});
  }
  std::vector<double> micros;
  std::int64_t misses = 0;
  std::size_t next = 0;
  for (auto _ : state) {
    const Query& q = queries[next++ % queries.size()];
    auto start = std::chrono::steady_clock::now();
    auto hits = store.Lookup(q.text);
    auto end = std::chrono::steady_clock::now();
    micros.push_back(
        std::chrono::duration<double, std::micro>(end - start).count());
    bool ok = hits.ok() && !hits->empty();
    if (ok) {
      ok = std::any_of(hits->begin(), hits->end(), [&](const auto& h) {
        return h.entry.slug == Slug(q.index) && h.match == kind;
      });
    }
    misses += ok ? 0 : 1;
  }
  std::sort(micros.begin(), micros.end());
  auto at = [&](double p) {
    return micros.empty()
               ? 0.0
               : micros[std::min(micros.size() - 1,
                                 static_cast<std::size_t>(p * micros.size()))];
  };
  state.counters["p50_us"] = at(0.50);
  state.counters["p99_us"] = at(0.99);
  state.counters["misses"] = static_cast<double>(misses);
}

void BM_LookupExact(benchmark::State& state) {
  RunLookups(state, MatchKind::kExact, [](const Name& n) { return n.en; });
}
void BM_LookupFolded(benchmark::State& state) {
  RunLookups(state, MatchKind::kFolded,
             [](const Name& n) { return onoma::text::ToUpper(n.en); });
}
void BM_LookupInflectedUk(benchmark::State& state) {
  // Locative: Карімон -> Карімоні.
  RunLookups(state, MatchKind::kInflected,
             [](const Name& n) { return n.uk + "і"; });
}
void BM_LookupInflectedKo(benchmark::State& state) {
  RunLookups(state, MatchKind::kInflected,
             [](const Name& n) { return n.ko + "에서"; });
}
void BM_LookupRomanized(benchmark::State& state) {
  // A doubled consonant: another spelling, the same skeleton.
  RunLookups(state, MatchKind::kRomanized, [](const Name& n) {
    return n.en.substr(0, 1) + n.en.substr(1, 1) + n.en.substr(1);
  });
}
void BM_LookupFuzzy(benchmark::State& state) {
  // A stray consonant in the middle: one edit on the skeleton.
  RunLookups(state, MatchKind::kFuzzy, [](const Name& n) {
    std::size_t mid = n.en.size() / 2;
    return n.en.substr(0, mid) + "t" + n.en.substr(mid);
  });
}

// Typing slips in the name's own script: two neighbouring letters swapped
// (en), a letter left out (uk), two syllables swapped (ko); and two slips
// in a name of 8 letters or more (en: a swap and a letter left out).
std::string SwapAt(const std::string& s, std::size_t i) {
  std::string out = s;
  std::swap(out[i], out[i + 1]);
  return out;
}
void BM_LookupTypoSwapEn(benchmark::State& state) {
  RunLookups(state, MatchKind::kFuzzy,
             [](const Name& n) { return SwapAt(n.en, n.en.size() / 2); });
}
void BM_LookupTypoDropUk(benchmark::State& state) {
  // Cyrillic letters are two bytes each: drop the third letter.
  RunLookups(state, MatchKind::kFuzzy,
             [](const Name& n) { return n.uk.substr(0, 4) + n.uk.substr(6); });
}
void BM_LookupTypoSwapKo(benchmark::State& state) {
  // Hangul syllables are three bytes each: swap the second and third.
  RunLookups(state, MatchKind::kFuzzy, [](const Name& n) {
    return n.ko.substr(0, 3) + n.ko.substr(6, 3) + n.ko.substr(3, 3) +
           n.ko.substr(9);
  });
}
void BM_LookupTypoTwoSlipsEn(benchmark::State& state) {
  RunLookups(state, MatchKind::kFuzzy, [](const Name& n) {
    std::string swapped = SwapAt(n.en, 1);
    return swapped.substr(0, swapped.size() - 2) +
           swapped.substr(swapped.size() - 1);
  });
}

BENCHMARK(BM_LookupExact)->Iterations(2000);
BENCHMARK(BM_LookupFolded)->Iterations(2000);
BENCHMARK(BM_LookupInflectedUk)->Iterations(2000);
BENCHMARK(BM_LookupInflectedKo)->Iterations(2000);
BENCHMARK(BM_LookupRomanized)->Iterations(2000);
BENCHMARK(BM_LookupFuzzy)->Iterations(2000);
BENCHMARK(BM_LookupTypoSwapEn)->Iterations(2000);
BENCHMARK(BM_LookupTypoDropUk)->Iterations(2000);
BENCHMARK(BM_LookupTypoSwapKo)->Iterations(2000);
BENCHMARK(BM_LookupTypoTwoSlipsEn)->Iterations(2000);

// Import of the 100k-concept TSV (400k terms) into a new database file, as
// `onoma term import` does it: parse, keys, indexes, one transaction.
void BM_ImportTsv(benchmark::State& state) {
  std::string tsv = TempPath("onoma_terms_bench_import.tsv");
  WriteTsv(tsv);
  std::string path = TempPath("onoma_terms_bench_import.db");
  std::int64_t terms = 0;
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* ext : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path + ext);
    }
    auto db = onoma::sqlite::Database::Open(path);
    if (!db.ok()) {
      state.SkipWithError(db.status().ToString().c_str());
      return;
    }
    onoma::terms::TermStore store(*db);
    state.ResumeTiming();
    auto stats = store.Import([&](onoma::terms::TermSink& sink) {
      return onoma::formats::ReadTermFile(tsv, {}, sink);
    });
    if (!stats.ok()) {
      state.SkipWithError(stats.status().ToString().c_str());
      return;
    }
    terms += stats->terms;
  }
  state.counters["terms_per_s"] = benchmark::Counter(
      static_cast<double>(terms), benchmark::Counter::kIsRate);
  state.counters["terms"] = static_cast<double>(terms);
}
BENCHMARK(BM_ImportTsv)->Iterations(1)->Unit(benchmark::kMillisecond);

// The same file read and keyed without a database: how much of an import
// is onoma's own work (parsing, NFC, folding, romanizing, skeletons) and
// how much is SQLite's.
class KeysOnlySink : public onoma::terms::TermSink {
 public:
  onoma::Status PutConcept(const onoma::terms::Concept&) override {
    return onoma::Status::Ok();
  }
  onoma::Status PutTerm(std::string_view,
                        const onoma::terms::Term& t) override {
    std::string fold = onoma::terms::FoldKey(t.form);
    bytes_ += fold.size() + onoma::terms::StemKey(fold).size();
    std::string latin = onoma::terms::LatinKey(t.form, t.lang);
    bytes_ += onoma::terms::DeletionNeighbourhood(latin).size();
    ++terms_;
    return onoma::Status::Ok();
  }
  onoma::Status PutNegative(std::string_view, std::string_view) override {
    return onoma::Status::Ok();
  }
  std::int64_t terms_ = 0;
  std::size_t bytes_ = 0;
};

void BM_ImportTsvKeysOnly(benchmark::State& state) {
  std::string tsv = TempPath("onoma_terms_bench_import.tsv");
  WriteTsv(tsv);
  std::int64_t terms = 0;
  for (auto _ : state) {
    KeysOnlySink sink;
    onoma::Status s = onoma::formats::ReadTermFile(tsv, {}, sink);
    if (!s.ok()) {
      state.SkipWithError(s.ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(sink.bytes_);
    terms += sink.terms_;
  }
  state.counters["terms_per_s"] = benchmark::Counter(
      static_cast<double>(terms), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ImportTsvKeysOnly)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
