// libFuzzer target: the term file readers (memory/formats/term_files.h) on
// arbitrary bytes, read as TSV, CSV, OmegaT and TBX into a sink that only
// counts (no database: the store's own checks are the store tests' job).
// Any input must be read or refused with a located message, never crash,
// hang or trip a sanitizer. The fixed-seed run in the suite is
// tests/terms/term_files_fuzz_test.cc.
//
//   CXX=clang++-16 cmake -S . -B build-tfuzz -G Ninja -DONOMA_BUILD_FUZZ=ON \
//       -DONOMA_BUILD_TESTS=OFF -DONOMA_BUILD_BENCH=OFF
//   ninja -C build-tfuzz term_files_fuzzer
//   TMPDIR=/dev/shm build-tfuzz/tests/fuzz/term_files_fuzzer \
//       -max_total_time=300 -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
//       corpus-dir tests/fuzz/corpus/terms
//
// The readers take a path (they stream), so each input goes through four
// files in a directory of the process's own, under TMPDIR: on tmpfs that
// runs ~5,000 inputs/s, on the VM's disk 70. Clang 14 (Debian 12's
// clang++) cannot compile lib/romanize/table_matcher.cc (parenthesized
// aggregate initialization, P0960, came in Clang 16): use clang++-16.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "memory/formats/term_files.h"
#include "memory/terms/term_store.h"

namespace {

void Fail(const std::string& why) {
  std::fprintf(stderr, "%s\n", why.c_str());
  __builtin_trap();
}

class CountingSink : public onoma::terms::TermSink {
 public:
  onoma::Status PutConcept(const onoma::terms::Concept&) override {
    ++puts_;
    return onoma::Status::Ok();
  }
  onoma::Status PutTerm(std::string_view, const onoma::terms::Term&) override {
    ++puts_;
    return onoma::Status::Ok();
  }
  onoma::Status PutNegative(std::string_view, std::string_view) override {
    ++puts_;
    return onoma::Status::Ok();
  }
  std::int64_t puts_ = 0;
};

const std::string& Dir() {
  static const std::string dir = [] {
    auto path = std::filesystem::temp_directory_path() /
                ("onoma_term_fuzz_" + std::to_string(getpid()));
    std::filesystem::create_directories(path);
    return path.string();
  }();
  return dir;
}

void ReadAs(std::string_view bytes, const char* extension) {
  std::string path = Dir() + "/input" + extension;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) Fail("cannot write " + path);
  }
  CountingSink sink;
  onoma::Status s = onoma::formats::ReadTermFile(path, {}, sink);
  if (s.ok()) return;
  // A fault of the file names the file and where in it.
  if (s.code() != onoma::StatusCode::kBadInput) {
    Fail("not a bad-input failure: " + s.ToString());
  }
  if (!s.location().has_value() || s.location()->path != path) {
    Fail("a bad-input failure without the file's location: " + s.ToString());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const char* extension : {".tsv", ".csv", ".txt", ".tbx"}) {
    ReadAs(bytes, extension);
  }
  return 0;
}
