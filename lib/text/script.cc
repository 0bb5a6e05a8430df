#include "lib/text/script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <cstddef>

#include "lib/text/utf8.h"

// Tested by tests/text/script_test.cc.

namespace onoma::text {
namespace {

// Whether `c` is a combining mark (general category Mn, Mc or Me). Marks
// are kCommon whatever ICU's Script property says (some Cyrillic titlos are
// Script=Cyrillic, Hangul tone marks Script=Hangul): a mark never decides
// the script of a word, it follows its base letter.
bool IsMark(char32_t c) {
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0;
}

Script FromIcu(UScriptCode code) {
  switch (code) {
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_CYRILLIC:
      return Script::kCyrillic;
    case USCRIPT_HANGUL:
      return Script::kHangul;
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
      return Script::kCommon;
    default:
      return Script::kOther;  // including Unknown: unassigned, private use
  }
}

}  // namespace

Script ScriptOf(char32_t c) {
  // Range checks first for what news text is made of, so that the common
  // case never reaches ICU's property lookup.
  if (c < 0x80) {
    const char32_t lower = c | 0x20;
    return (lower >= 'a' && lower <= 'z') ? Script::kLatin : Script::kCommon;
  }
  // Cyrillic letters; U+0483..0489 are combining marks and fall through.
  if ((c >= 0x0400 && c <= 0x0482) || (c >= 0x048A && c <= 0x04FF)) {
    return Script::kCyrillic;
  }
  // Hangul by block, unassigned code points included, so that text from a
  // newer Unicode version still counts as Korean: syllables, jamo, jamo
  // extended A and B, compatibility jamo. Halfwidth jamo go through ICU.
  if ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
      (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
      (c >= 0xD7B0 && c <= 0xD7FF)) {
    return Script::kHangul;
  }
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return Script::kOther;
  if (IsMark(c)) return Script::kCommon;

  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode code = uscript_getScript(static_cast<UChar32>(c), &status);
  if (U_FAILURE(status)) return Script::kOther;
  return FromIcu(code);
}

Script DominantScript(std::string_view word) {
  // Indexed by Script; kCommon is never counted.
  constexpr std::size_t kScripts = static_cast<std::size_t>(Script::kOther) + 1;
  std::array<std::size_t, kScripts> counts{};
  std::array<std::size_t, kScripts> first_seen{};
  std::size_t letters = 0;
  for (std::size_t i = 0; i < word.size();) {
    char32_t c;
    DecodeNext(word, i, c);
    const Script script = ScriptOf(c);
    if (script == Script::kCommon) continue;
    const auto k = static_cast<std::size_t>(script);
    if (counts[k]++ == 0) first_seen[k] = letters;
    ++letters;
  }
  if (letters == 0) return Script::kCommon;

  std::size_t best = 0;
  for (std::size_t k = 1; k < kScripts; ++k) {
    if (counts[k] == 0) continue;
    if (counts[best] == 0 || counts[k] > counts[best] ||
        (counts[k] == counts[best] && first_seen[k] < first_seen[best])) {
      best = k;
    }
  }
  return static_cast<Script>(best);
}

std::string_view ScriptName(Script script) {
  switch (script) {
    case Script::kCommon:
      return "common";
    case Script::kLatin:
      return "latin";
    case Script::kCyrillic:
      return "cyrillic";
    case Script::kHangul:
      return "hangul";
    case Script::kOther:
      return "other";
  }
  return "unknown";
}

}  // namespace onoma::text
