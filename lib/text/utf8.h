// UTF-8 validation with positions a user can act on, and small code point
// helpers.
//
//   #include "lib/text/utf8.h"
//
//   // A whole buffer, e.g. a file read into memory:
//   onoma::Status s = onoma::text::ValidateUtf8(contents, "news.txt");
//   if (!s.ok()) return s;  // "news.txt:2:3: invalid UTF-8: truncated
//                           //  sequence (near: \xc3)"
//
//   // stdin, line by line, streaming:
//   onoma::text::Utf8Validator validator("<stdin>");
//   for (std::string line; std::getline(std::cin, line);) {
//     ONOMA_RETURN_IF_ERROR(validator.ValidateLine(line));
//     ...
//   }
//
//   // Walking code points of text already validated:
//   for (size_t i = 0; i < text.size();) {
//     char32_t c;
//     onoma::text::DecodeNext(text, i, c);
//     ...
//   }
//
// Validation follows the Unicode Standard, table 3-7 ("well-formed UTF-8
// byte sequences"): overlong forms, encoded surrogates (ED A0..BF ..), code
// points above U+10FFFF, truncated sequences and stray continuation bytes
// are all rejected. The failure carries a Location (path, line, column,
// byte offset: lines and columns are 1-based, columns count code points
// within the line, the byte offset is 0-based from the start of the input)
// and a snippet with the offending bytes in hex, e.g. "\xc0\xaf".
//
// Everything here is a pure function of its arguments except
// Utf8Validator, which is a value with state: one per input stream, not
// shared between threads without a lock. Nothing allocates on success.

#ifndef ONOMA_LIB_TEXT_UTF8_H_
#define ONOMA_LIB_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "lib/util/status.h"

namespace onoma::text {

// U+FFFD, which DecodeNext() yields for an invalid sequence and
// AppendUtf8() writes for a value that is not a Unicode scalar value.
inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Returns OK when `text` is well-formed UTF-8, else kBadInput located at the
// first invalid sequence: line and column within `text` (a line ends after
// '\n'), byte offset from the start of `text`, `path` as given (may be empty).
// Fast for ASCII; linear in text.size() in every case.
[[nodiscard]] Status ValidateUtf8(std::string_view text,
                                  std::string_view path = {});

// Validates a stream one line at a time, keeping the line number and byte
// offset across calls so that a failure names the line and column in the
// whole stream, as ValidateUtf8() would for the concatenated input.
//
// Each call to ValidateLine() is one line, given with or without its '\n'
// (std::getline strips it; fgets keeps it). A line without a trailing '\n'
// is taken to have had one stripped, so the next line's byte offset counts
// it. A "\r" before the '\n' is an ordinary byte. A multi-byte sequence
// must not be split across two calls: the first half is reported as
// truncated.
//
// Not thread-safe: one validator per stream.
class Utf8Validator {
 public:
  // `path` names the stream in failures ("<stdin>", a file name); copied.
  explicit Utf8Validator(std::string_view path = {}) : path_(path) {}

  // OK, or kBadInput located as described above. After a failure the
  // validator still counts the failed line, so a caller that wants to go on
  // (reporting every bad line) may keep calling.
  [[nodiscard]] Status ValidateLine(std::string_view line);

  // Counts `line` as ValidateLine() would, without checking it: for a
  // caller whose decoder checks the text as it goes (the romanize
  // engines), so that a fault found later is still located in the stream.
  void CountLine(std::string_view line);

  // Lines passed to ValidateLine() so far.
  std::uint64_t lines() const { return lines_; }
  // Bytes of input consumed so far, counting stripped newlines.
  std::uint64_t bytes() const { return bytes_; }

 private:
  std::string path_;
  std::uint64_t lines_ = 0;
  std::uint64_t bytes_ = 0;
};

namespace internal {
// The multi-byte half of DecodeNext(); in utf8.cc so that ICU's macros stay
// out of this header.
bool DecodeNextMultiByte(std::string_view s, std::size_t& i, char32_t& c);
}  // namespace internal

// Decodes the code point that starts at byte `i` of `s` into `c` and moves
// `i` past it. Returns false for an invalid sequence: then `c` is U+FFFD and
// `i` has moved past the maximal invalid subpart (at least one byte), so a
// loop always makes progress. REQUIRES: i < s.size().
// Inline for ASCII, because romanizers call it once per character.
inline bool DecodeNext(std::string_view s, std::size_t& i, char32_t& c) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    c = b;
    ++i;
    return true;
  }
  return internal::DecodeNextMultiByte(s, i, c);
}

// Appends the UTF-8 encoding of `c` to `out`. A value that is not a Unicode
// scalar value (a surrogate, or above U+10FFFF) is written as U+FFFD.
void AppendUtf8(std::string& out, char32_t c);

// Whether every byte of `text` is ASCII (below 0x80). Callers use it to
// skip Unicode work: ASCII is already NFC and NFD, and its case mappings
// are A-Z <-> a-z outside Turkish and Azeri.
bool IsAscii(std::string_view text);

// The byte offset in `text` of the first character that XML 1.0 cannot
// carry, not even as a character reference (production [2] Char): a
// control character below U+0020 other than tab, line feed and carriage
// return, or U+FFFE or U+FFFF. npos when there is none. Stores that export
// XML (TBX, TMX) refuse such text on the way in. Linear; REQUIRES: valid
// UTF-8 (other bytes are not looked at as characters).
std::size_t FindNonXmlChar(std::string_view text);

// The number of code points in `text`. Exact for valid UTF-8; for invalid
// input, the number of bytes that are not continuation bytes (never more
// than text.size()).
std::size_t CountCodePoints(std::string_view text);

}  // namespace onoma::text

#endif  // ONOMA_LIB_TEXT_UTF8_H_
