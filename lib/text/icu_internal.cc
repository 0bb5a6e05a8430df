#include "lib/text/icu_internal.h"

#include <unicode/stringpiece.h>

#include <cstdint>
#include <limits>

namespace onoma::text {

icu::UnicodeString ToUnicodeString(std::string_view utf8) {
  if (utf8.size() >
      static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    // Past what a UnicodeString can hold; a bogus string says so to any
    // caller that checks isBogus(), as ICU's own factories do.
    icu::UnicodeString bogus;
    bogus.setToBogus();
    return bogus;
  }
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
}

std::string FromUnicodeString(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

void AppendUnicodeString(std::string& out, const icu::UnicodeString& s) {
  s.toUTF8String(out);
}

}  // namespace onoma::text
