// Sentence-break exception tables: the format of tables/segment/<lang>.txt
// and its parser.
//
//   # English (header: what, whence)
//   lang: en
//   title: Mr. Dr. Gen.        # a period here never ends a sentence
//   abbrev: U.S. Jan. a.m.     # ends one only before a `starter` word
//   final: etc. "т. д."        # ends one unless a digit or lower case follows
//   time: a.m. p.m.            # after a number, ends one before a capital
//   when: Monday EST           # ... unless the capital word is one of these
//   starter: The He But        # words that open sentences
//   continuation: 라고 라며     # words that continue after a closing quote
//   dateline: "^\p{Lu}+, ..."  # ICU regex, cut off a paragraph's start
//   anchor: num:11 November Nov  # words the aligner reads as key num:11
//
// One `key: value ...` per line; a key may repeat and its values add up.
// Values are separated by spaces; a value with a space in it is quoted
// ("т. д."); `#` after whitespace starts a comment. docs/segment.md has
// the rules these lists feed.
//
// ParseSegmentRules() checks the whole table (dateline patterns are
// compiled) and fails with kBadInput naming file:line:column of the first
// fault. Pure functions; thread-safe.

#ifndef ONOMA_LIB_SEGMENT_RULES_H_
#define ONOMA_LIB_SEGMENT_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"

namespace onoma::segment {

struct SegmentRules {
  std::string path;                   // as given to the parser, for messages
  std::string lang;                   // the `lang:` line
  std::vector<std::string> titles;    // never sentence-final
  std::vector<std::string> abbrevs;   // final only before a starter
  std::vector<std::string> finals;    // final unless digit/lower follows
  std::vector<std::string> starters;  // sentence-opening words
  // Abbreviations of the time of day ("a.m."): after a number they end a
  // sentence before a capitalized word that is not in `when` (a weekday,
  // a month, a time zone: "at 10 p.m. Monday"); elsewhere as `abbrevs`.
  std::vector<std::string> times;
  std::vector<std::string> when;
  std::vector<std::string> continuations;  // continue after a closing quote
  std::vector<std::string> datelines;      // ICU regex patterns, in order
  // Alignment anchors (anchors.h): an anchor key, then the words that
  // stand for it in this language.
  struct Anchor {
    std::string key;
    std::vector<std::string> words;
  };
  std::vector<Anchor> anchors;
};

// Parses a table. `path` names it in failures. REQUIRES: valid UTF-8.
[[nodiscard]] Result<SegmentRules> ParseSegmentRules(std::string_view text,
                                                     std::string_view path);

// The table compiled into the binary for `lang` ("en", "uk", "ru", "ko";
// a region or script subtag such as "uk-UA" is ignored). kNotFound for a
// language without one.
[[nodiscard]] Result<SegmentRules> BuiltinSegmentRules(std::string_view lang);

// The languages with a compiled-in table, sorted.
std::vector<std::string> BuiltinSegmentLanguages();

}  // namespace onoma::segment

#endif  // ONOMA_LIB_SEGMENT_RULES_H_
