// Which writing system a character or a word belongs to.
//
//   onoma::text::ScriptOf(U'К');                 // Script::kCyrillic
//   onoma::text::DominantScript("Київ-2");       // Script::kCyrillic
//
// Only the scripts onoma handles are told apart; everything else is kOther.
// Digits, punctuation and marks are kCommon: they belong to no script and
// never decide a word's script. Thread-safe; no allocation.

#ifndef ONOMA_LIB_TEXT_SCRIPT_H_
#define ONOMA_LIB_TEXT_SCRIPT_H_

#include <string_view>

namespace onoma::text {

enum class Script {
  kCommon,  // digits, punctuation, spaces, symbols, combining marks
  kLatin,
  kCyrillic,
  kHangul,  // syllables, jamo and compatibility jamo
  kOther,   // any other script (Han, Greek, Arabic, ...)
};

// The script of one code point.
Script ScriptOf(char32_t c);

// The script that most letters of `word` (valid UTF-8) belong to, ignoring
// kCommon; ties go to the script that appears first. kCommon for a word
// without letters.
Script DominantScript(std::string_view word);

// A lower-case English name for diagnostics: "latin", "cyrillic", ...
std::string_view ScriptName(Script script);

}  // namespace onoma::text

#endif  // ONOMA_LIB_TEXT_SCRIPT_H_
