#include "lib/text/unicode.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>

#include <cstdint>
#include <limits>

#include "lib/text/utf8.h"

// Tested by tests/text/unicode_test.cc.

namespace onoma::text {
namespace {

// ICU hands out process-wide singletons from getNFCInstance() and friends;
// looking them up once here saves the lookup per call and keeps the first
// failure (missing data) to report from CheckUnicodeData().
struct Normalizers {
  const icu::Normalizer2* nfc = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  UErrorCode error = U_ZERO_ERROR;
};

const Normalizers& GetNormalizers() {
  static const Normalizers normalizers = [] {
    Normalizers n;
    UErrorCode status = U_ZERO_ERROR;
    n.nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
      n.nfc = nullptr;
      n.error = status;
      return n;
    }
    n.nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) {
      n.nfc = nullptr;
      n.nfd = nullptr;
      n.error = status;
    }
    return n;
  }();
  return normalizers;
}

bool FitsIcu(std::string_view text) {
  return text.size() <=
         static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max());
}

icu::StringPiece Piece(std::string_view text) {
  return icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size()));
}

// Normalizes with `normalizer` straight from UTF-8 to UTF-8: ICU's NFC and
// NFD have native UTF-8 implementations, so there is no UTF-16 round trip.
std::string Normalize(const icu::Normalizer2* normalizer,
                      std::string_view text) {
  if (normalizer == nullptr || !FitsIcu(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  normalizer->normalizeUTF8(0, Piece(text), sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + ('a' - 'A'));
  }
  return out;
}

std::string AsciiUpper(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - ('a' - 'A'));
  }
  return out;
}

// Turkish and Azeri map I to dotless ı and i to dotted İ, so plain ASCII is
// not case-mapped by A-Z <-> a-z there. No other locale changes ASCII.
bool IsTurkic(std::string_view locale) {
  const std::size_t end = locale.find_first_of("_-@");
  const std::string_view language = locale.substr(0, end);
  if (language.size() != 2) return false;
  const char a = static_cast<char>(language[0] | 0x20);
  const char b = static_cast<char>(language[1] | 0x20);
  return (a == 't' && b == 'r') || (a == 'a' && b == 'z');
}

enum class CaseOp { kLower, kUpper };

std::string MapCase(CaseOp op, std::string_view text, std::string_view locale) {
  if (IsAscii(text) && !IsTurkic(locale)) {
    return op == CaseOp::kLower ? AsciiLower(text) : AsciiUpper(text);
  }
  if (!FitsIcu(text)) return std::string(text);
  const std::string locale_id(locale);  // ICU wants NUL-terminated
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  if (op == CaseOp::kLower) {
    icu::CaseMap::utf8ToLower(locale_id.c_str(), 0, Piece(text), sink, nullptr,
                              status);
  } else {
    icu::CaseMap::utf8ToUpper(locale_id.c_str(), 0, Piece(text), sink, nullptr,
                              status);
  }
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

}  // namespace

Status CheckUnicodeData() {
  const Normalizers& n = GetNormalizers();
  if (n.nfc == nullptr) {
    return Status::Internal(
        std::string("cannot load ICU normalization data: ") +
        u_errorName(n.error));
  }
  // Case mapping data lives in ICU's common library itself; one call shows
  // whether it works.
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT, Piece("\xC3\x9F"), sink, nullptr,
                         status);
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("cannot use ICU case folding: ") +
                            u_errorName(status));
  }
  return Status::Ok();
}

bool IsNfc(std::string_view text) {
  if (IsAscii(text)) return true;
  const icu::Normalizer2* nfc = GetNormalizers().nfc;
  if (nfc == nullptr || !FitsIcu(text)) return false;
  UErrorCode status = U_ZERO_ERROR;
  const bool normalized = nfc->isNormalizedUTF8(Piece(text), status);
  return U_SUCCESS(status) && normalized;
}

std::string ToNfc(std::string_view text) {
  if (IsNfc(text)) return std::string(text);
  return Normalize(GetNormalizers().nfc, text);
}

std::string ToNfd(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  return Normalize(GetNormalizers().nfd, text);
}

std::string FoldCase(std::string_view text) {
  if (IsAscii(text)) return AsciiLower(text);
  if (!FitsIcu(text)) return std::string(text);

  // Folding text that is not NFC can miss the canonical caseless match: in
  // "α" U+0345 U+0313 the ypogegrammeni folds to ι before the psili can
  // reorder past it. Composing first makes equivalent inputs fold alike,
  // and costs only a check for the NFC text that nearly all input is.
  std::string composed;
  std::string_view source = text;
  if (!IsNfc(text)) {
    composed = Normalize(GetNormalizers().nfc, text);
    source = composed;
  }

  std::string folded;
  folded.reserve(source.size());
  icu::StringByteSink<std::string> sink(&folded);
  UErrorCode status = U_ZERO_ERROR;
  icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT, Piece(source), sink, nullptr,
                         status);
  if (U_FAILURE(status)) return std::string(text);
  // Folding can leave a decomposed sequence ("ǰ" folds to j + U+030C).
  return ToNfc(folded);
}

std::string ToLower(std::string_view text, std::string_view locale) {
  return MapCase(CaseOp::kLower, text, locale);
}

std::string ToUpper(std::string_view text, std::string_view locale) {
  return MapCase(CaseOp::kUpper, text, locale);
}

std::size_t DisplayWidth(std::string_view text) {
  std::size_t width = 0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      ++width;
      continue;
    }
    const auto category = static_cast<UCharCategory>(u_charType(c));
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
        category == U_FORMAT_CHAR) {
      continue;
    }
    // Conjoining jamo after the leading consonant join its syllable.
    const auto jamo = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
    if (jamo == U_HST_VOWEL_JAMO || jamo == U_HST_TRAILING_JAMO) continue;
    const auto east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

}  // namespace onoma::text
