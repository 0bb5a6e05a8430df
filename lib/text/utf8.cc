#include "lib/text/utf8.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

// Tested by tests/text/utf8_test.cc, which also checks FirstInvalid()
// against an independent reference decoder on random input.

namespace onoma::text {
namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

inline bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The length of the well-formed sequence at p[0..n), n >= 1, whose first
// byte is not ASCII; 0 when it is ill-formed. The byte ranges are those of
// the Unicode Standard, table 3-7: narrowing the second byte after E0, ED,
// F0 and F4 is what rejects overlongs, surrogates and values past U+10FFFF
// without decoding the code point.
inline std::size_t SequenceLength(const unsigned char* p, std::size_t n) {
  const unsigned char b0 = p[0];
  if (b0 < 0xC2) return 0;  // a continuation byte, or overlong C0/C1
  if (b0 < 0xE0) return (n >= 2 && IsContinuation(p[1])) ? 2 : 0;
  if (b0 < 0xF0) {
    if (n < 3) return 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 == 0xE0) lo = 0xA0;  // below: overlong
    if (b0 == 0xED) hi = 0x9F;  // above: surrogates D800..DFFF
    return (p[1] >= lo && p[1] <= hi && IsContinuation(p[2])) ? 3 : 0;
  }
  if (b0 < 0xF5) {
    if (n < 4) return 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 == 0xF0) lo = 0x90;  // below: overlong
    if (b0 == 0xF4) hi = 0x8F;  // above: past U+10FFFF
    return (p[1] >= lo && p[1] <= hi && IsContinuation(p[2]) &&
            IsContinuation(p[3]))
               ? 4
               : 0;
  }
  return 0;  // F5..FF never occur in UTF-8
}

// The byte offset of the first ill-formed sequence in p[0..n), or n.
//
// This is the hot path: every line romanized or normalized passes through
// here once. Wire copy is mostly ASCII (English outright; spaces, digits and
// punctuation in Korean and Ukrainian), so ASCII is tested 16 bytes at a
// time with two word loads and one mask before falling back to one sequence
// at a time. memcpy keeps the loads free of alignment and aliasing trouble
// and compiles to plain moves.
std::size_t FirstInvalid(const unsigned char* p, std::size_t n) {
  std::size_t i = 0;
  while (i < n) {
    while (n - i >= 16) {
      std::uint64_t a;
      std::uint64_t b;
      std::memcpy(&a, p + i, 8);
      std::memcpy(&b, p + i + 8, 8);
      if (((a | b) & kHighBits) != 0) break;
      i += 16;
    }
    if (i == n) break;
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = SequenceLength(p + i, n - i);
    if (length == 0) return i;
    i += length;
  }
  return n;
}

struct Fault {
  const char* what;
  std::size_t length;  // bytes of the offending sequence, >= 1
};

// Says what is wrong with the ill-formed sequence at p[0..n), n >= 1. Only
// runs on failure, so it favours a precise message over speed.
Fault Classify(const unsigned char* p, std::size_t n) {
  const unsigned char b0 = p[0];
  if (IsContinuation(b0)) return {"stray continuation byte", 1};
  if (b0 >= 0xF8) return {"invalid byte", 1};
  const std::size_t expected = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  std::size_t k = 1;
  while (k < expected && k < n && IsContinuation(p[k])) ++k;
  if (b0 == 0xC0 || b0 == 0xC1) return {"overlong encoding", k};
  if (b0 >= 0xF5) return {"code point above U+10FFFF", k};
  if (k >= 2) {
    if (b0 == 0xE0 && p[1] < 0xA0) return {"overlong encoding", k};
    if (b0 == 0xF0 && p[1] < 0x90) return {"overlong encoding", k};
    if (b0 == 0xED && p[1] >= 0xA0) return {"encoded surrogate", k};
    if (b0 == 0xF4 && p[1] >= 0x90) return {"code point above U+10FFFF", k};
  }
  return {"truncated sequence", k};
}

std::string HexBytes(const unsigned char* p, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(4 * n);
  for (std::size_t k = 0; k < n; ++k) {
    out += "\\x";
    out += kDigits[p[k] >> 4];
    out += kDigits[p[k] & 0xF];
  }
  return out;
}

// Builds the failure for the ill-formed sequence at `offset` of `text`,
// which is well-formed before it. `first_line` is the number of the line
// that `text` starts on and `base_offset` the stream offset of text[0].
Status MakeFault(std::string_view text, std::size_t offset,
                 std::string_view path, std::uint64_t first_line,
                 std::uint64_t base_offset) {
  const std::string_view before = text.substr(0, offset);
  const auto newlines = static_cast<std::uint64_t>(
      std::count(before.begin(), before.end(), '\n'));
  const std::size_t last_newline = before.rfind('\n');
  const std::size_t line_start =
      last_newline == std::string_view::npos ? 0 : last_newline + 1;

  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const Fault fault = Classify(p + offset, text.size() - offset);

  Location location;
  location.path = std::string(path);
  location.line = first_line + newlines;
  location.column = CountCodePoints(before.substr(line_start)) + 1;
  location.byte_offset = base_offset + offset;
  return Status::BadInput(std::string("invalid UTF-8: ") + fault.what)
      .At(std::move(location))
      .WithSnippet(HexBytes(p + offset, fault.length));
}

}  // namespace

Status ValidateUtf8(std::string_view text, std::string_view path) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t bad = FirstInvalid(p, text.size());
  if (bad == text.size()) return Status::Ok();
  return MakeFault(text, bad, path, 1, 0);
}

void Utf8Validator::CountLine(std::string_view line) {
  ++lines_;
  bytes_ += line.size();
  if (line.empty() || line.back() != '\n') ++bytes_;  // the stripped '\n'
}

Status Utf8Validator::ValidateLine(std::string_view line) {
  const std::uint64_t first_line = lines_ + 1;
  const std::uint64_t base_offset = bytes_;
  ++lines_;
  bytes_ += line.size();
  if (line.empty() || line.back() != '\n') ++bytes_;  // the stripped '\n'

  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t bad = FirstInvalid(p, line.size());
  if (bad == line.size()) return Status::Ok();
  return MakeFault(line, bad, path_, first_line, base_offset);
}

namespace internal {

bool DecodeNextMultiByte(std::string_view s, std::size_t& i, char32_t& c) {
  // U8_NEXT takes int32_t lengths; no sequence is longer than 4 bytes, so
  // hand it a window of at most 4 and keep size_t offsets for long text.
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data() + i);
  const auto length = static_cast<std::int32_t>(
      std::min<std::size_t>(s.size() - i, U8_MAX_LENGTH));
  std::int32_t j = 0;
  UChar32 cp = 0;
  U8_NEXT(p, j, length, cp);
  i += static_cast<std::size_t>(j);
  if (cp < 0) {
    c = kReplacementCharacter;
    return false;
  }
  c = static_cast<char32_t>(cp);
  return true;
}

}  // namespace internal

void AppendUtf8(std::string& out, char32_t c) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacementCharacter;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    const char bytes[] = {static_cast<char>(0xC0 | (c >> 6)),
                          static_cast<char>(0x80 | (c & 0x3F))};
    out.append(bytes, 2);
  } else if (c < 0x10000) {
    const char bytes[] = {static_cast<char>(0xE0 | (c >> 12)),
                          static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                          static_cast<char>(0x80 | (c & 0x3F))};
    out.append(bytes, 3);
  } else {
    const char bytes[] = {static_cast<char>(0xF0 | (c >> 18)),
                          static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
                          static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                          static_cast<char>(0x80 | (c & 0x3F))};
    out.append(bytes, 4);
  }
}

std::size_t FindNonXmlChar(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return i;
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
    if (c == 0xEF && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
      return i;
    }
  }
  return std::string_view::npos;
}

bool IsAscii(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  for (; n - i >= 8; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, p + i, 8);
    if ((word & kHighBits) != 0) return false;
  }
  for (; i < n; ++i) {
    if (p[i] >= 0x80) return false;
  }
  return true;
}

std::size_t CountCodePoints(std::string_view text) {
  // Counting lead bytes rather than decoding lets the compiler vectorize.
  std::size_t count = 0;
  for (const char ch : text) {
    count += !IsContinuation(static_cast<unsigned char>(ch));
  }
  return count;
}

}  // namespace onoma::text
