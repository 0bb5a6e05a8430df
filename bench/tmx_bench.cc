// The TMX paths side by side, on the generated en→uk memory of
// bench/tmx_corpus.h (10,000 units, about 7.6 MB), all in memory:
//   BM_Tmx_Read/onoma       TmxReader, every unit to the end
//   BM_Tmx_Read/xmlTextReader  libxml2's streaming reader visiting every
//                           node, which is what `xmllint --stream` does: the
//                           floor for merely reading the XML
//   BM_Tmx_Import/onoma     read and store in a fresh database file
//   BM_Tmx_Export/onoma     the stored memory out as TMX, to a string
// Whole-command figures, peak memory and translate-toolkit are in
// bench/compare_tmx.sh.

#include <benchmark/benchmark.h>
#include <libxml/xmlreader.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "bench/tmx_corpus.h"
#include "memory/formats/tmx_reader.h"
#include "memory/formats/tmx_writer.h"
#include "memory/sqlite/database.h"
#include "memory/tm/translation_memory.h"

namespace {

constexpr int kUnits = 10000;

const std::string& Corpus() {
  static const std::string* text = [] {
    char* data = nullptr;
    std::size_t size = 0;
    std::FILE* out = open_memstream(&data, &size);
    onoma::bench::WriteTmx(out, kUnits);
    std::fclose(out);
    auto* s = new std::string(data, size);
    std::free(data);
    return s;
  }();
  return *text;
}

void BM_Tmx_Read_onoma(benchmark::State& state) {
  const std::string& text = Corpus();
  onoma::formats::TmxUnit unit;
  for (auto _ : state) {
    auto reader = onoma::formats::TmxReader::FromBuffer(text, "bench.tmx");
    if (!reader.ok()) state.SkipWithError(reader.status().ToString().c_str());
    std::size_t units = 0;
    while (*(*reader)->Next(unit)) ++units;
    benchmark::DoNotOptimize(units);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
  state.SetItemsProcessed(state.iterations() * kUnits);
}
BENCHMARK(BM_Tmx_Read_onoma)
    ->Name("BM_Tmx_Read/onoma")
    ->Unit(benchmark::kMillisecond);

void BM_Tmx_Read_xmlTextReader(benchmark::State& state) {
  const std::string& text = Corpus();
  for (auto _ : state) {
    xmlTextReaderPtr reader =
        xmlReaderForMemory(text.data(), static_cast<int>(text.size()),
                           "bench.tmx", nullptr, XML_PARSE_NONET);
    std::size_t nodes = 0;
    while (xmlTextReaderRead(reader) == 1) ++nodes;
    xmlFreeTextReader(reader);
    benchmark::DoNotOptimize(nodes);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
  state.SetItemsProcessed(state.iterations() * kUnits);
}
BENCHMARK(BM_Tmx_Read_xmlTextReader)
    ->Name("BM_Tmx_Read/xmlTextReader")
    ->Unit(benchmark::kMillisecond);

std::string TempDb() {
  return (std::filesystem::temp_directory_path() /
          ("onoma_tmx_bench_" + std::to_string(getpid()) + ".db"))
      .string();
}

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path + suffix);
  }
}

void BM_Tmx_Import_onoma(benchmark::State& state) {
  const std::string& text = Corpus();
  const std::string path = TempDb();
  for (auto _ : state) {
    state.PauseTiming();
    RemoveDb(path);
    auto db = onoma::sqlite::Database::Open(path);
    state.ResumeTiming();
    auto reader = onoma::formats::TmxReader::FromBuffer(text, "bench.tmx");
    onoma::tm::TranslationMemory memory(*db);
    auto summary = memory.Import(**reader, {});
    if (!summary.ok()) state.SkipWithError(summary.status().ToString().c_str());
  }
  RemoveDb(path);
  state.SetBytesProcessed(state.iterations() * text.size());
  state.SetItemsProcessed(state.iterations() * kUnits);
}
BENCHMARK(BM_Tmx_Import_onoma)
    ->Name("BM_Tmx_Import/onoma")
    ->Unit(benchmark::kMillisecond);

void BM_Tmx_Export_onoma(benchmark::State& state) {
  const std::string path = TempDb();
  RemoveDb(path);
  auto db = onoma::sqlite::Database::Open(path);
  auto reader = onoma::formats::TmxReader::FromBuffer(Corpus(), "bench.tmx");
  onoma::tm::TranslationMemory memory(*db);
  (void)memory.Import(**reader, {});
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out;
    auto writer = onoma::formats::TmxWriter::ToString(&out);
    auto summary = memory.Export(*writer, {});
    if (!summary.ok()) state.SkipWithError(summary.status().ToString().c_str());
    (void)writer->Finish();
    bytes = out.size();
  }
  RemoveDb(path);
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * kUnits);
}
BENCHMARK(BM_Tmx_Export_onoma)
    ->Name("BM_Tmx_Export/onoma")
    ->Unit(benchmark::kMillisecond);

}  // namespace
