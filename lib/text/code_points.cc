#include "lib/text/code_points.h"

#include "lib/text/utf8.h"

// Tested by tests/text/utf8_test.cc.

namespace onoma::text {

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t c;
    DecodeNext(s, i, c);
    out += c;
  }
  return out;
}

std::string EncodeUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) AppendUtf8(out, c);
  return out;
}

}  // namespace onoma::text
