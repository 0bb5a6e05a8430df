// libFuzzer target: the scheme table parser and engine on arbitrary bytes.
// Any input must give a table or an error with a location, never a crash,
// a hang or a sanitizer report; a table that compiles must romanize.
//
//   CXX=clang++ cmake -S . -B build/fuzz -DONOMA_BUILD_FUZZ=ON
//   cmake --build build/fuzz --target table_fuzzer
//   build/fuzz/tests/fuzz/table_fuzzer -max_total_time=300 -timeout=10 \
//       -rss_limit_mb=2048 tests/fuzz/corpus/table

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lib/romanize/table.h"
#include "lib/romanize/table_scheme.h"
#include "lib/text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto spec = onoma::romanize::ParseTable(text, "fuzz.txt");
  if (!spec.ok()) {
    if (!spec.status().location().has_value()) __builtin_trap();
    return 0;
  }
  auto scheme = onoma::romanize::TableScheme::Create(std::move(*spec));
  if (!scheme.ok()) return 0;
  onoma::romanize::RomanizeOptions ascii;
  ascii.ascii = true;
  (void)(*scheme)->Romanize("Київ, ЩУКА і Щука — 2024 Kyiv");
  (void)(*scheme)->Romanize("Ц\u0306ЬЬ ъ'’ ь", ascii);
  if (onoma::text::ValidateUtf8(text).ok()) {
    (void)(*scheme)->Romanize(text);
    (void)(*scheme)->Deromanize(text);
  }
  return 0;
}
