#include "lib/normalize/surface.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <cctype>

#include "lib/text/unicode.h"
#include "lib/text/utf8.h"

namespace onoma::normalize {

namespace {

// The letter case of `c`: +1 upper, -1 lower, 0 none; 2 when `c` is not
// one of the code points whose case is known here (ASCII, the Cyrillic of
// U+0400..U+045F and Ґ ґ, Hangul syllables), which ICU must judge.
int SimpleCaseOf(char32_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return 1;
    if (c >= 'a' && c <= 'z') return -1;
    return 0;
  }
  if (c >= 0x400 && c <= 0x42F) return 1;
  if (c >= 0x430 && c <= 0x45F) return -1;
  if (c == 0x490) return 1;
  if (c == 0x491) return -1;
  if (c >= 0xAC00 && c <= 0xD7A3) return 0;
  return 2;
}

}  // namespace

CasePattern CasePatternOf(std::string_view found) {
  // Names are mostly written in the letters above, whose case mappings are
  // one to one: counted here, without ICU's two mappings of the whole name.
  {
    int upper = 0, lower = 0;
    bool simple = true;
    for (std::size_t i = 0; i < found.size() && simple;) {
      char32_t c = 0;
      text::DecodeNext(found, i, c);
      const int k = SimpleCaseOf(c);
      simple = k != 2;
      upper += k == 1;
      lower += k == -1;
    }
    if (simple) {
      if (upper == 0 && lower == 0) return CasePattern::kAsStored;
      if (upper == 0) return CasePattern::kLower;
      if (lower == 0 && upper >= 2) return CasePattern::kUpper;
      return CasePattern::kAsStored;
    }
  }
  std::string upper = text::ToUpper(found);
  std::string lower = text::ToLower(found);
  if (upper == lower) return CasePattern::kAsStored;  // no letters with case
  if (found == lower) return CasePattern::kLower;
  if (found == upper) {
    // One upper-case letter ("K", "Ю") is Title case, not upper case.
    int cased = 0;
    std::string one;
    for (std::size_t i = 0; i < found.size();) {
      std::size_t begin = i;
      char32_t c;
      text::DecodeNext(found, i, c);
      std::string_view cp = found.substr(begin, i - begin);
      if (text::ToLower(cp) != cp) ++cased;
    }
    return cased >= 2 ? CasePattern::kUpper : CasePattern::kAsStored;
  }
  return CasePattern::kAsStored;
}

CasePattern CarriedCasePattern(std::string_view found, CasePattern stored) {
  CasePattern own = CasePatternOf(found);
  return own == stored ? CasePattern::kAsStored : own;
}

namespace {

// Whether `s` has letters, and whether they are all (any) Latin ones.
struct LatinLetters {
  bool any_letter = false;
  bool any_latin = false;
  bool all_latin = true;
};

LatinLetters LatinLettersOf(std::string_view s) {
  LatinLetters out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = 0;
    text::DecodeNext(s, i, c);
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
    if (U_FAILURE(status) || script == USCRIPT_COMMON ||
        script == USCRIPT_INHERITED) {
      continue;
    }
    out.any_letter = true;
    bool latin = script == USCRIPT_LATIN;
    out.any_latin |= latin;
    out.all_latin &= latin;
  }
  return out;
}

}  // namespace

bool KeepsLatinScript(std::string_view found, std::string_view replacement) {
  LatinLetters f = LatinLettersOf(found);
  if (!f.any_letter || !f.all_latin) return true;
  LatinLetters r = LatinLettersOf(replacement);
  return !r.any_letter || r.any_latin;
}

std::string ApplyCasePattern(std::string_view replacement, CasePattern pattern,
                             std::string_view lang) {
  switch (pattern) {
    case CasePattern::kUpper:
      return text::ToUpper(replacement, lang);
    case CasePattern::kLower:
      return text::ToLower(replacement, lang);
    case CasePattern::kAsStored:
      break;
  }
  return std::string(replacement);
}

bool IsNonProseToken(std::string_view token) {
  if (token.find("://") != std::string_view::npos) return true;
  if (token.find('/') != std::string_view::npos) return true;
  if (token.find('\\') != std::string_view::npos) return true;
  std::string lower = text::ToLower(token);
  std::size_t www = lower.find("www.");
  if (www == 0 || (www != std::string::npos &&
                   !std::isalnum(static_cast<unsigned char>(lower[www - 1])))) {
    return true;
  }
  std::size_t at = token.find('@');
  return at != std::string_view::npos &&
         token.find('.', at) != std::string_view::npos;
}

bool IsPossessiveSuffix(std::string_view rest, std::string_view name) {
  if (rest == "'s" || rest == "'S" || rest == "\u2019s" || rest == "\u2019S") {
    return true;
  }
  bool ends_in_s = !name.empty() && (name.back() == 's' || name.back() == 'S');
  return ends_in_s && (rest == "'" || rest == "\u2019");
}

char32_t LastCodePointOf(std::string_view s) {
  char32_t c = 0;
  for (std::size_t i = 0; i < s.size();) text::DecodeNext(s, i, c);
  return c;
}

}  // namespace onoma::normalize
