// What the written shape of a found name tells the normalizer: its case
// pattern (KIEV -> KYIV), and whether it sits in a token that is not prose
// (a URL, an e-mail address, a file path), where nothing is rewritten.
//
// Pure functions of their arguments; thread-safe.

#ifndef ONOMA_LIB_NORMALIZE_SURFACE_H_
#define ONOMA_LIB_NORMALIZE_SURFACE_H_

#include <string>
#include <string_view>

namespace onoma::normalize {

enum class CasePattern {
  kAsStored,  // Title or mixed case: the replacement as the store has it
  kUpper,     // KIEV: all letters upper case, two or more of them
  kLower,     // kiev
};

// The pattern of `found` (valid UTF-8).
CasePattern CasePatternOf(std::string_view found);

// `replacement` under `pattern`, with the casing rules of `lang`.
std::string ApplyCasePattern(std::string_view replacement, CasePattern pattern,
                             std::string_view lang);

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
