// Language tags: the one check every language onoma is given goes through
// (command options, tm add, lookups, term store input), and the hint for a
// language written by name.
//
//   #include "lib/text/language_tag.h"
//
//   text::IsLanguageTag("uk-UA");          // true
//   text::IsLanguageTag("english");        // false: not BCP 47
//   text::LanguageTagForName("English");   // "en"
//   text::LanguageTagForName("영어");      // "en"
//   Status s = text::CheckLanguageTag("english");
//   // kBadArgument: "english" is not a BCP 47 language tag; English is "en"
//
// Pure functions; thread-safe.

#ifndef ONOMA_LIB_TEXT_LANGUAGE_TAG_H_
#define ONOMA_LIB_TEXT_LANGUAGE_TAG_H_

#include <string_view>

#include "lib/util/status.h"

namespace onoma::text {

// True when `tag` is a well-formed BCP 47 (RFC 5646) tag with a primary
// language subtag of 2 or 3 ASCII letters ("en", "uk-UA", "zh-Hant-TW",
// "ko-KR-x-news"), or a private-use tag ("x-news"), and ICU parses it whole.
// RFC 5646 reserves 4-letter primary subtags and registers none of 5 to 8
// letters, so "english" is refused; so are "en_US", "en-" and "".
bool IsLanguageTag(std::string_view tag);

// The tag of a language written by its name in English, Ukrainian or
// Korean, any case ("english", "Українська", "영어"); empty when the name
// is not known.
std::string_view LanguageTagForName(std::string_view name);

// Ok when IsLanguageTag(tag); else kBadArgument saying so, with the tag the
// name stands for when LanguageTagForName knows it.
[[nodiscard]] Status CheckLanguageTag(std::string_view tag);

}  // namespace onoma::text

#endif  // ONOMA_LIB_TEXT_LANGUAGE_TAG_H_
