// What the written shape of a found name tells the normalizer: its case
// pattern (KIEV -> KYIV), and whether it sits in a token that is not prose
// (a URL, an e-mail address, a file path), where nothing is rewritten.
//
// Pure functions of their arguments; thread-safe.

#ifndef ONOMA_LIB_NORMALIZE_SURFACE_H_
#define ONOMA_LIB_NORMALIZE_SURFACE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace onoma::normalize {

enum class CasePattern : std::uint8_t {
  kAsStored,  // Title or mixed case: the replacement as the store has it
  kUpper,     // KIEV: all letters upper case, two or more of them
  kLower,     // kiev
};

// The pattern of `found` (valid UTF-8).
CasePattern CasePatternOf(std::string_view found);

// The pattern that `found` (valid UTF-8) carries over to a replacement: its
// own pattern, unless that is the pattern of the form as stored
// (`stored`). An acronym written as stored (NATO) says nothing about the
// text around it, so its capitals never pass to a full form; a name stored
// in Title case and written in capitals (KIEV) is a headline's.
CasePattern CarriedCasePattern(std::string_view found, CasePattern stored);

// `replacement` under `pattern`, with the casing rules of `lang`.
std::string ApplyCasePattern(std::string_view replacement, CasePattern pattern,
                             std::string_view lang);

// Whether `found` may become `replacement` by script: a name written in
// Latin letters only becomes one with Latin letters (true when either has
// no letters). Latin in Ukrainian or Korean copy is a gloss or the
// original spelling: 나토(NATO) keeps its NATO, while a Cyrillic or Hangul
// form may still become a Latin one (РСЗВ -> HIMARS).
bool KeepsLatinScript(std::string_view found, std::string_view replacement);

// Whether the whitespace-delimited `token` is a URL ("://", "www."), an
// e-mail address (an "@" with a "." after it) or a file path (a "/" or
// "\"). Deliberately broad: "Kiev/Moscow" is left alone too, since a false
// rewrite costs an editor more than a miss.
bool IsNonProseToken(std::string_view token);

// Whether `rest`, what follows a name inside its word, is an English
// possessive: 's or ’s, or a bare ' or ’ after a name ending in s.
bool IsPossessiveSuffix(std::string_view rest, std::string_view name);

// The last code point of `s` (valid UTF-8); 0 when empty.
char32_t LastCodePointOf(std::string_view s);

}  // namespace onoma::normalize

#endif  // ONOMA_LIB_NORMALIZE_SURFACE_H_
