// libFuzzer target: the TMX reader, writer and store on arbitrary bytes.
// Any input must be read or refused with a located message, never crash,
// hang or trip a sanitizer; what is read must write out and read back the
// same (tests/formats/tmx_property.h), and must import into a database and
// export again.
//
//   CXX=clang++ cmake -S . -B build/fuzz -DONOMA_BUILD_FUZZ=ON \
//       -DONOMA_BUILD_TESTS=OFF -DONOMA_BUILD_BENCH=OFF
//   cmake --build build/fuzz --target tmx_fuzzer
//   mkdir -p /tmp/tmx-corpus && cp tests/fuzz/corpus/tmx/* /tmp/tmx-corpus/
//   build/fuzz/tests/fuzz/tmx_fuzzer -max_total_time=600 -max_len=65536 \
//       -timeout=10 -rss_limit_mb=2048 /tmp/tmx-corpus ../shared/corpora/tmx
//
// (The first directory receives new inputs.) docs/tm.md, "Fuzzing", has
// the last run's figures.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "memory/formats/tmx_reader.h"
#include "memory/formats/tmx_writer.h"
#include "memory/sqlite/database.h"
#include "memory/tm/translation_memory.h"
#include "tests/formats/tmx_property.h"

namespace {

void Fail(const std::string& why) {
  std::fprintf(stderr, "%s\n", why.c_str());
  __builtin_trap();
}

// One in-memory database for the whole run, emptied after each input.
onoma::sqlite::Database& Db() {
  static auto* db = [] {
    auto opened = onoma::sqlite::Database::Open(":memory:");
    if (!opened.ok()) Fail(opened.status().ToString());
    return new onoma::sqlite::Database(std::move(*opened));
  }();
  return *db;
}

void ImportAndExport(std::string_view text, bool lenient) {
  onoma::formats::TmxReaderOptions options;
  options.lenient = lenient;
  auto reader = onoma::formats::TmxReader::FromBuffer(text, "f.tmx", options);
  if (!reader.ok()) return;
  onoma::tm::TranslationMemory memory(Db());
  onoma::tm::ImportOptions import;
  import.lenient = lenient;
  import.name = "f.tmx";
  auto summary = memory.Import(**reader, import);
  if (summary.ok()) {
    std::string out;
    auto writer = onoma::formats::TmxWriter::ToString(&out);
    auto exported = memory.Export(*writer, {});
    if (!exported.ok()) Fail("export failed: " + exported.status().ToString());
    (void)writer->Finish();
    auto again = onoma::formats::TmxReader::FromBuffer(out, "f.tmx", {});
    if (!again.ok())
      Fail("the export does not read: " + again.status().ToString());
    onoma::formats::TmxUnit unit;
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
    onoma::testing::TmxPropertyResult result =
        onoma::testing::CheckTmxProperty(text, lenient);
    if (!result.violation.empty()) Fail(result.violation);
    if (result.accepted) ImportAndExport(text, lenient);
  }
  return 0;
}
