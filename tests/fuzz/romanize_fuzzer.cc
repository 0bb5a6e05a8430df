// libFuzzer target: every built-in scheme, forward and back, on arbitrary
// valid UTF-8, and the UTF-8 validator on arbitrary bytes.
//
//   CXX=clang++ cmake -S . -B build/fuzz -DONOMA_BUILD_FUZZ=ON
//   cmake --build build/fuzz --target romanize_fuzzer
//   build/fuzz/tests/fuzz/romanize_fuzzer -max_total_time=300 -timeout=10 \
//       -rss_limit_mb=2048

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lib/romanize/registry.h"
#include "lib/text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!onoma::text::ValidateUtf8(text).ok()) return 0;
  const auto& registry = onoma::romanize::Registry::Default();
  onoma::romanize::RomanizeOptions options;
  for (const onoma::romanize::Scheme* scheme : registry.List()) {
    (void)scheme->Romanize(text, options);
    if (scheme->reversible()) (void)scheme->Deromanize(text);
  }
  options.name = true;
  options.ascii = true;
  for (const onoma::romanize::Scheme* scheme : registry.List()) {
    (void)scheme->Romanize(text, options);
  }
  return 0;
}
