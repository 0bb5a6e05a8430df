// libFuzzer target: the XLIFF reader and its import on arbitrary bytes.
// Any input must be read or refused with a located message, never crash,
// hang or trip a sanitizer; every unit read must write out as TMX and read
// back the same (what `onoma tm export` does with it), whatever the size
// of the chunks the input is read in; and what is read must import into a
// database and export again.
//
//   CXX=clang++ cmake -S . -B build/fuzz -DONOMA_BUILD_FUZZ=ON \
//       -DONOMA_BUILD_TESTS=OFF -DONOMA_BUILD_BENCH=OFF
//   cmake --build build/fuzz --target xliff_fuzzer
//   mkdir -p /tmp/xliff-corpus && cp tests/fuzz/corpus/xliff/*
//   /tmp/xliff-corpus/
//   build/fuzz/tests/fuzz/xliff_fuzzer -max_total_time=600 -max_len=65536 \
//       -timeout=10 -rss_limit_mb=2048 /tmp/xliff-corpus \
//       ../shared/corpora/xliff
//
// docs/tm.md, "Fuzzing", has the last run's figures.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "memory/formats/tmx_reader.h"
#include "memory/formats/tmx_writer.h"
#include "memory/formats/xliff_reader.h"
#include "memory/sqlite/database.h"
#include "memory/tm/translation_memory.h"

namespace {

using namespace onoma::formats;

void Fail(const std::string& why) {
  std::fprintf(stderr, "%s\n", why.c_str());
  __builtin_trap();
}

onoma::sqlite::Database& Db() {
  static auto* db = [] {
    auto opened = onoma::sqlite::Database::Open(":memory:");
    if (!opened.ok()) Fail(opened.status().ToString());
    return new onoma::sqlite::Database(std::move(*opened));
  }();
  return *db;
}

void CheckFault(const onoma::Status& status, std::string_view data) {
  if (!status.location().has_value()) {
    Fail("a refusal without a location: " + status.ToString());
  }
  if (status.location()->path != "f.xlf") {
    Fail("a refusal naming another file: " + status.ToString());
  }
  if (status.location()->line == 0 && !data.empty() &&
      status.code() == onoma::StatusCode::kBadInput) {
    Fail("a refusal without a line: " + status.ToString());
  }
}

// All the units of `data`, or false when it is refused.
bool ReadAll(std::string_view data, XliffReaderOptions options,
             std::vector<TmxUnit>& units) {
  auto reader = XliffReader::FromBuffer(data, "f.xlf", options);
  if (!reader.ok()) {
    CheckFault(reader.status(), data);
    return false;
  }
  for (;;) {
    TmxUnit unit;
    auto more = (*reader)->Next(unit);
    if (!more.ok()) {
      CheckFault(more.status(), data);
      return false;
    }
    if (!*more) return true;
    if (unit.variants.size() != 2) Fail("a unit without two variants");
    units.push_back(std::move(unit));
  }
}

void CheckTmxRoundTrip(const std::vector<TmxUnit>& units) {
  if (units.empty()) return;
  std::string tmx;
  auto writer = TmxWriter::ToString(&tmx);
  TmxHeader header;
  header.attrs.set(TmxAttr::kSrclang, "*all*");
  FillRequiredHeader(header, {});
  if (!writer->WriteHeader(header).ok()) Fail("cannot write a header");
  for (const TmxUnit& unit : units) {
    onoma::Status written = writer->WriteUnit(unit);
    if (!written.ok()) Fail("a unit does not write: " + written.ToString());
  }
  if (!writer->Finish().ok()) Fail("cannot finish");
  auto reader = TmxReader::FromBuffer(tmx, "e.tmx");
  if (!reader.ok())
    Fail("the TMX does not read: " + reader.status().ToString());
  for (const TmxUnit& unit : units) {
    TmxUnit again;
    auto more = (*reader)->Next(again);
    if (!more.ok() || !*more) Fail("the TMX lost a unit:\n" + tmx);
    for (std::size_t v = 0; v < 2; ++v) {
      if (again.variants.size() != 2 ||
          !again.variants[v].SameContent(unit.variants[v])) {
        Fail("a unit reads back differently from TMX: " +
             unit.variants[v].markup + "\n" + tmx);
      }
    }
  }
}

void ImportAndExport(std::string_view data, bool lenient) {
  XliffReaderOptions options;
  options.lenient = lenient;
  auto reader = XliffReader::FromBuffer(data, "f.xlf", options);
  if (!reader.ok()) return;
  onoma::tm::TranslationMemory memory(Db());
  onoma::tm::ImportOptions import;
  import.lenient = lenient;
  import.name = "f.xlf";
  auto summary = memory.Import(**reader, import);
  if (summary.ok()) {
    std::string out;
    auto writer = TmxWriter::ToString(&out);
    auto exported = memory.Export(*writer, {});
    if (!exported.ok()) Fail("export failed: " + exported.status().ToString());
    (void)writer->Finish();
    auto again = TmxReader::FromBuffer(out, "e.tmx", {});
    if (!again.ok())
      Fail("the export does not read: " + again.status().ToString());
    TmxUnit unit;
    for (;;) {
      auto more = (*again)->Next(unit);
      if (!more.ok())
        Fail("the export does not read: " + more.status().ToString());
      if (!*more) break;
    }
  }
  (void)Db().Exec(
      "DELETE FROM tm_meta; DELETE FROM tm_variant; DELETE FROM tm_unit; "
      "DELETE FROM tm_source");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool lenient : {false, true}) {
    XliffReaderOptions options;
    options.lenient = lenient;
    options.any_state = true;  // the most units, the most code paths
    options.target_lang = "uk";
    std::vector<TmxUnit> units;
    const bool accepted = ReadAll(text, options, units);
    options.chunk_size = 61;
    std::vector<TmxUnit> chunked;
    if (ReadAll(text, options, chunked) != accepted) {
      Fail("chunk boundaries change whether the input is accepted");
    }
    if (accepted) {
      if (units.size() != chunked.size()) Fail("chunks change the units");
      for (std::size_t i = 0; i < units.size(); ++i) {
        if (!units[i].SameContent(chunked[i])) Fail("chunks change a unit");
      }
      CheckTmxRoundTrip(units);
      ImportAndExport(text, lenient);
    }
  }
  return 0;
}
