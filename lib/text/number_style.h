// Numbers as a language writes them: a number read in one language's style
// (the decimal and grouping separators of ICU's locale data) and written in
// another's, as the translation memory does when it carries a query's
// number into a stored translation (docs/tm-lookup.md, "Substitution").
//
//   #include "lib/text/number_style.h"
//
//   text::RestyleNumber("1,200.5", "en", "uk");   // "1 200,5" (U+00A0)
//   text::RestyleNumber("1,200", "en", "ko");     // "1,200"
//   text::RestyleNumber("2024", "en", "uk");      // "2024": a year
//
// Pure functions; thread-safe. ICU stays in number_style.cc.

#ifndef ONOMA_LIB_TEXT_NUMBER_STYLE_H_
#define ONOMA_LIB_TEXT_NUMBER_STYLE_H_

#include <string>
#include <string_view>

namespace onoma::text {

// `number` (ASCII digits and separators, one token of a sentence), read as
// the language `from` (a BCP 47 tag) writes numbers, and written as `to`
// writes them: ICU's decimal separator, grouping separator and grouping
// rule for `to` (some locales, Polish among them, leave four-digit numbers
// ungrouped), Latin digits, as many fraction digits as `number` has.
//
// `number` comes back as written when it is not read as a quantity:
//  - it is not in `from`'s style (a separator `from` does not use, groups
//    that are not of three digits, two decimal separators);
//  - a year: four digits, 1000 to 2100, without separators;
//  - an identifier: a leading zero ("007", "01"), or more than seven digits
//    without separators ("20261127");
//  - more than 15 digits before the decimal separator.
//
// `target_form`, when not empty, is how the stored translation writes the
// number being replaced: when it groups digits with a space character
// (space, U+00A0, U+202F, U+2009) and `to` groups with one too, its space
// is used, so that the translation stays consistent with itself.
std::string RestyleNumber(std::string_view number, std::string_view from,
                          std::string_view to,
                          std::string_view target_form = {});

}  // namespace onoma::text

#endif  // ONOMA_LIB_TEXT_NUMBER_STYLE_H_
