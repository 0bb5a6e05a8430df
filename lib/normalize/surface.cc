#include "lib/normalize/surface.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <cctype>

#include "lib/text/unicode.h"
#include "lib/text/utf8.h"

namespace onoma::normalize {

CasePattern CasePatternOf(std::string_view found) {
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
