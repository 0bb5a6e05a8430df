#include "lib/text/language_tag.h"

#include <unicode/uloc.h>

#include <string>

#include "lib/text/unicode.h"

// Tested by tests/text/language_tag_test.cc.

namespace onoma::text {
namespace {

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }

struct Name {
  std::string_view name;  // case-folded
  std::string_view tag;
};

// Common names of the languages onoma's users write most, in English,
// Ukrainian and Korean. (Three-letter codes such as "eng" are well-formed
// tags and pass the check.)
constexpr Name kNames[] = {
    {"english", "en"},   {"англійська", "en"}, {"영어", "en"},
    {"ukrainian", "uk"}, {"українська", "uk"}, {"우크라이나어", "uk"},
    {"korean", "ko"},    {"корейська", "ko"},  {"한국어", "ko"},
    {"russian", "ru"},   {"російська", "ru"},  {"러시아어", "ru"},
    {"german", "de"},    {"німецька", "de"},   {"독일어", "de"},
    {"french", "fr"},    {"французька", "fr"}, {"프랑스어", "fr"},
    {"polish", "pl"},    {"польська", "pl"},   {"폴란드어", "pl"},
    {"spanish", "es"},   {"іспанська", "es"},  {"스페인어", "es"},
    {"japanese", "ja"},  {"японська", "ja"},   {"일본어", "ja"},
    {"chinese", "zh"},   {"китайська", "zh"},  {"중국어", "zh"},

};

}  // namespace

bool IsLanguageTag(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return false;
  // Subtags of 1 to 8 ASCII letters and digits joined by '-'.
  std::size_t first = 0;
  std::size_t n = 0;
  bool at_first = true;
  for (char c : tag) {
    if (c == '-') {
      if (n == 0 || n > 8) return false;
      at_first = false;
      n = 0;
      continue;
    }
    if (!IsAsciiAlnum(c)) return false;
    if (at_first) {
      if (!IsAsciiAlpha(c)) return false;
      ++first;
    }
    ++n;
  }
  if (n == 0 || n > 8) return false;
  const bool private_use = first == 1 && (tag[0] == 'x' || tag[0] == 'X');
  if (!private_use && (first < 2 || first > 3)) return false;
  // ICU checks the order and form of the rest (script, region, variants,
  // extensions): parsing stops short at the first subtag out of place.
  const std::string z(tag);
  char buffer[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(z.c_str(), buffer, ULOC_FULLNAME_CAPACITY, &parsed,
                      &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) return true;  // long but parsed
  return U_SUCCESS(status) && parsed == static_cast<int32_t>(tag.size());
}

std::string_view LanguageTagForName(std::string_view name) {
  if (name.empty() || name.size() > 64) return {};
  std::string folded = FoldCase(name);
  for (const Name& n : kNames) {
    if (n.name == folded) return n.tag;
  }
  return {};
}

Status CheckLanguageTag(std::string_view tag) {
  if (IsLanguageTag(tag)) return Status::Ok();
  std::string message =
      "\"" + std::string(tag) + "\" is not a BCP 47 language tag";
  std::string_view hint = LanguageTagForName(tag);
  if (!hint.empty()) {
    message += "; did you mean \"" + std::string(hint) + "\"?";
  } else {
    message += " (e.g. en, uk, ko, en-US)";
  }
  return Status::BadArgument(message);
}

}  // namespace onoma::text
