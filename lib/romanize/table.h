// Scheme tables: the text format of tables/romanize/*.txt and its parser.
//
// A scheme for an alphabetic script is data, not code. A table looks like:
//
//   # Ukrainian national system (Cabinet of Ministers Resolution No. 55, 2010)
//   scheme: uk-kmu2010
//   title: Ukrainian, national system of 2010 (KMU Resolution No. 55)
//   script: cyrillic
//   reversible: no
//   word-chars: ' ’ ʼ `        # counted as part of a word, not a boundary
//   set.vowels: аеєиіїоуюя      # a named set, used as after=@vowels
//
//   є → ye   initial            # word-initial
//   є → ie                      # elsewhere
//   зг → zgh                    # the longest source wins
//   ь → ""                      # dropped
//
// A rule is `SOURCE → TARGET [CONDITION ...]` (`->` works too). Sources are
// written in lower case and match any case; the output takes the case of
// the input (see table_scheme.h). Rules with the same source are tried in
// file order and the first whose conditions all hold applies. Conditions:
//
//   initial          no letter of the same word before the source
//   final            no letter of the same word after it
//   after=CHARS      the character before is one of CHARS (or @set)
//   before=CHARS     the character after is one of CHARS (or @set)
//   noreverse        leave this rule out of the derived reverse mapping
//   ascii=TEXT       the output when ASCII is asked for (default: TARGET
//                    with its combining marks removed)
//   title=TEXT       the output for a capital in a word that is not all
//                    capitals (default: TARGET with its first letter
//                    capitalized); ALA-LC capitalizes both tied letters
//
// Reversible schemes derive their reverse mapping from the rules (target →
// source, first rule wins); explicit reverse rules `SOURCE ← TARGET [COND]`
// come first and carry conditions on the Latin side (GOST 7.79 writes ц as
// cz only before e, i, y, j, so `ц ← cz before=eiyj`).
//
// Fields may be quoted ("" is the empty string); \uXXXX and \UXXXXXXXX
// escape invisible characters such as the ALA-LC tie U+0361. `#` after
// whitespace starts a comment.
//
// ParseTable() checks the whole table and fails with kBadInput naming the
// file, line and column of the first fault. Thread-safe; no global state.

#ifndef ONOMA_LIB_ROMANIZE_TABLE_H_
#define ONOMA_LIB_ROMANIZE_TABLE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lib/text/script.h"
#include "lib/util/status.h"

namespace onoma::romanize {

struct TableCondition {
  enum class Kind : std::uint8_t { kInitial, kFinal, kAfter, kBefore };
  Kind kind = Kind::kInitial;
  std::u32string chars;  // kAfter, kBefore: the characters, lower case
};

struct TableRule {
  std::u32string source;  // lower case, NFC
  std::string target;     // UTF-8, NFC
  std::string ascii;      // the ASCII form; empty with has_ascii false
  bool has_ascii = false;
  std::string title;  // the title-case form; empty with has_title false
  bool has_title = false;
  bool reverse_only = false;  // a `←` rule
  bool noreverse = false;
  std::vector<TableCondition> conditions;
  std::uint32_t line = 0;  // where the rule was written
};

struct TableSpec {
  std::string path;  // as given to ParseTable, for messages
  std::string id;
  std::string title;
  text::Script script = text::Script::kOther;
  bool reversible = false;
  std::u32string word_chars;
  std::vector<TableRule> rules;  // forward and reverse, in file order
};

// Parses the text of one table. `path` names it in error messages.
[[nodiscard]] Result<TableSpec> ParseTable(std::string_view text,
                                           std::string_view path);

}  // namespace onoma::romanize

#endif  // ONOMA_LIB_ROMANIZE_TABLE_H_
