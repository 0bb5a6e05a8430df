// Normalization and case mapping of UTF-8 strings, on ICU.
//
//   #include "lib/text/unicode.h"
//
//   using namespace onoma::text;
//   // "Й" typed as И + combining breve (U+0418 U+0306), as some keyboards
//   // and PDFs produce it, is one character after NFC:
//   ToNfc("\u0418\u0306");              // "\u0419" ("Й")
//   ToNfd("\uD55C");                    // "한" as conjoining jamo ᄒ ᅡ ᆫ
//   if (!IsNfc(line)) line = ToNfc(line);   // the cheap common case
//
//   // Caseless comparison (term lookup, concordance): fold both sides.
//   FoldCase("KYIV") == FoldCase("Kyiv");   // "kyiv"
//   FoldCase("Straße");                     // "strasse"
//   FoldCase("Її");                         // "її"
//
//   // Display case follows the language's rules:
//   ToUpper("київ", "uk");                  // "КИЇВ"
//   ToLower("DİYARBAKIR", "tr");            // "diyarbakır"
//
// Strings are UTF-8 in and out. REQUIRES for every function: valid UTF-8
// (validate on entry with lib/text/utf8.h; an invalid sequence may come out
// as U+FFFD) and text.size() < 2 GiB, since ICU counts in int32_t (onoma
// works on lines, segments and words, never whole files).
//
// All functions are thread-safe: the ICU normalizers are built once, on
// first use, and are immutable. ASCII input takes a fast path that never
// enters ICU. Should ICU's data be missing (a broken installation),
// the string functions return their input unchanged; call
// CheckUnicodeData() at startup to turn that into an error message instead.

#ifndef ONOMA_LIB_TEXT_UNICODE_H_
#define ONOMA_LIB_TEXT_UNICODE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "lib/util/status.h"

namespace onoma::text {

// OK when ICU's normalization and case data load; else kInternal with ICU's
// error name. Cheap after the first call.
[[nodiscard]] Status CheckUnicodeData();

// Whether `text` is already in Normalization Form C. Exact (not a "maybe"
// quick check), and much cheaper than ToNfc() for text that is.
bool IsNfc(std::string_view text);

// `text` in Normalization Form C (composed): the form onoma stores and
// compares. Returns a copy when IsNfc(text).
std::string ToNfc(std::string_view text);

// `text` in Normalization Form D (decomposed): Hangul syllables become
// conjoining jamo, accented letters a base letter and combining marks.
std::string ToNfd(std::string_view text);

// Full Unicode case folding (CaseFolding.txt, statuses C and F, default
// mappings for I and dotless i), then NFC: the key for caseless matching.
// Input that is not NFC is composed first so that canonically equivalent
// inputs fold alike. Locale-independent by design: a term store keyed on
// folded forms must not depend on the reader's locale.
std::string FoldCase(std::string_view text);

// Lower- and upper-case `text` under the casing rules of `locale`, a BCP 47
// or ICU locale id ("uk", "tr", "lt"); empty for the root rules. Only
// Turkish, Azeri, Lithuanian, Greek and Armenian differ from root; en, uk,
// ru and ko all get the root rules.
// Context-sensitive (Greek final sigma); the result may be longer (ß -> SS).
std::string ToLower(std::string_view text, std::string_view locale = {});
std::string ToUpper(std::string_view text, std::string_view locale = {});

// The columns `text` takes on a terminal: 2 for each wide or fullwidth
// character (East Asian Width W or F: Hangul, CJK), 0 for combining marks,
// format characters and conjoining jamo medials and finals, 1 for the rest
// (Latin, Cyrillic) and for each byte of invalid UTF-8. For lining up
// columns of text in any script (help output); as wcwidth, without
// depending on the C locale.
std::size_t DisplayWidth(std::string_view text);

}  // namespace onoma::text

#endif  // ONOMA_LIB_TEXT_UNICODE_H_
