#include <unicode/normalizer2.h>

#include "lib/normalize/folder_internal.h"
#include "lib/text/unicode.h"
#include "lib/text/utf8.h"

namespace onoma::normalize::internal {
namespace {

bool HasNfcBoundaryBefore(char32_t c) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) return true;
  return nfc->hasBoundaryBefore(static_cast<UChar32>(c));
}

// Decodes the code point at byte `i` of `s` (valid UTF-8, as Fold
// requires) and moves `i` past it: two- and three-byte sequences inline,
// the rest through text::DecodeNext.
char32_t DecodeAt(std::string_view s, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead >= 0xC0 && lead < 0xE0 && i + 1 < s.size()) {
    const char32_t c =
        ((lead & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    i += 2;
    return c;
  }
  if (lead >= 0xE0 && lead < 0xF0 && i + 2 < s.size()) {
    const char32_t c = ((lead & 0x0Fu) << 12) |
                       ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                       (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    i += 3;
    return c;
  }
  char32_t c = 0;
  text::DecodeNext(s, i, c);
  return c;
}

}  // namespace

Folder::Folder() : bmp_(0x10000) {}

const Folder::Cached& Folder::Lookup(char32_t c) {
  Cached& e = bmp_[c];
  if (e.state == 0) {
    std::string one;
    text::AppendUtf8(one, c);
    std::string folded = text::FoldCase(one);
    if (folded.size() > sizeof(e.bytes)) folded = one;
    e.length = static_cast<std::uint8_t>(folded.size());
    folded.copy(e.bytes, folded.size());
    e.boundary = HasNfcBoundaryBefore(c) ? 1 : 0;
    e.state = 1;
  }
  return e;
}

void Folder::Fold(std::string_view line, std::string& folded,
                  std::vector<std::uint32_t>& map) {
  folded.clear();
  map.clear();
  folded.reserve(line.size());
  map.reserve(line.size() + 1);
  // A code point seen before is read from the table here; only a new one
  // takes the call that fills its entry.
  auto cached = [this](char32_t c) -> const Cached& {
    const Cached& e = bmp_[c];
    return e.state != 0 ? e : Lookup(c);
  };
  std::size_t i = 0;
  while (i < line.size()) {
    // A run of ASCII: a boundary before every byte; only a combining mark
    // after one (not ASCII) makes a longer segment, handled below. Folded
    // in one tight loop into space made for the whole run.
    std::size_t run_end = i;
    while (run_end + 1 < line.size() &&
           static_cast<unsigned char>(line[run_end + 1]) < 0x80 &&
           static_cast<unsigned char>(line[run_end]) < 0x80) {
      ++run_end;
    }
    if (run_end + 1 == line.size() &&
        static_cast<unsigned char>(line[run_end]) < 0x80) {
      ++run_end;  // the line's last byte: nothing can follow it
    }
    if (run_end > i) {
      const std::size_t at = folded.size();
      folded.resize(at + (run_end - i));
      map.resize(at + (run_end - i));
      char* out = folded.data() + at;
      std::uint32_t* where = map.data() + at;
      for (std::size_t k = i; k < run_end; ++k) {
        const auto b = static_cast<unsigned char>(line[k]);
        *out++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
        *where++ = static_cast<std::uint32_t>(k);
      }
      i = run_end;
      if (i == line.size()) break;
    }
    std::size_t start = i;
    const char32_t c = DecodeAt(line, i);
    // Extend the segment over code points with no NFC boundary before them.
    // Before an ASCII byte there always is one.
    std::size_t end = i;
    while (end < line.size() && static_cast<unsigned char>(line[end]) >= 0x80) {
      std::size_t next = end;
      const char32_t d = DecodeAt(line, next);
      bool boundary =
          d < 0x10000 ? cached(d).boundary != 0 : HasNfcBoundaryBefore(d);
      if (boundary) break;
      end = next;
    }
    map.push_back(static_cast<std::uint32_t>(start));
    if (end == i && c < 0x10000) {
      const Cached& e = cached(c);
      folded.append(e.bytes, e.length);
    } else {
      folded += text::FoldCase(line.substr(start, end - start));
    }
    map.resize(folded.size(), kMid);
    i = end;
  }
  map.push_back(static_cast<std::uint32_t>(line.size()));
}

}  // namespace onoma::normalize::internal
