// The compiled form of one direction of a scheme table: what
// TableScheme runs. Internal to lib/romanize (table_scheme.cc, tests).
//
// Thread safety: immutable after construction; Apply() is const and may be
// called from many threads at once (its buffers are thread-local).

#ifndef ONOMA_LIB_ROMANIZE_TABLE_MATCHER_INTERNAL_H_
#define ONOMA_LIB_ROMANIZE_TABLE_MATCHER_INTERNAL_H_

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lib/romanize/table.h"

namespace onoma::romanize::internal {

// A rule with its outputs in the three cases (lower, title, upper), plain
// and ASCII.
struct MatcherRule {
  std::u32string source;  // lower case, NFC
  std::array<std::string, 3> forms;
  std::array<std::string, 3> ascii;
  std::vector<TableCondition> conditions;
};

class TableMatcher {
 public:
  // `trailing_word_chars`: whether a word-char may end a word (GOST 7.79's
  // "y`" for ы reads back only if the mark stays with its word) or must
  // stand between letters (an apostrophe after a Ukrainian word is a
  // closing quote, not part of the name).
  TableMatcher(std::vector<MatcherRule> rules, std::u32string word_chars,
               bool trailing_word_chars);
  ~TableMatcher();
  TableMatcher(const TableMatcher&) = delete;
  TableMatcher& operator=(const TableMatcher&) = delete;

  // Appends the conversion of `text` to `out`; brings `text` to NFC first
  // where it may not be. Malformed UTF-8 becomes U+FFFD, and `valid`
  // (when given) says whether there was any: the check made in the pass
  // that decodes, so that a caller need not validate first.
  void Apply(std::string_view text, bool ascii, std::string& out,
             bool* valid = nullptr) const;

 private:
  class Impl;
  std::unique_ptr<const Impl> impl_;
};

// Whether a code point is a letter or a mark (general category L* or M*).
bool IsLetterOrMark(char32_t c);
// Simple lower-case mapping, with ASCII and Cyrillic inline.
char32_t FastLower(char32_t c);

}  // namespace onoma::romanize::internal

#endif  // ONOMA_LIB_ROMANIZE_TABLE_MATCHER_INTERNAL_H_
