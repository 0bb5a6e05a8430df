// Reading the Korean tables in tables/korean/: the line format they share,
// and the letter tables (ko-rr.txt, ko-mr.txt, ...). docs/korean.md
// describes the formats for people who edit them.
//
//   auto table = ParseLetterTable(contents, "tables/korean/ko-rr.txt");
//   if (!table.ok()) return table.status();   // "...ko-rr.txt:12:3: ..."
//
// Every file is UTF-8 text, one entry a line; `#` starts a comment (a `#`
// inside a field, such as a hashtag, is not possible and not needed);
// `key: value` lines before the first entry form the header; `[name]`
// starts a section. Errors carry path, line and column (code points,
// 1-based) and the offending field as the snippet.
//
// Internal to lib/romanize. Parsing is a pure function of its input.

#ifndef ONOMA_LIB_ROMANIZE_KOREAN_TABLE_INTERNAL_H_
#define ONOMA_LIB_ROMANIZE_KOREAN_TABLE_INTERNAL_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"

namespace onoma::romanize::internal {

struct TableField {
  std::string_view text;
  std::uint32_t column = 0;  // code points, 1-based
};

// One line with content: its fields (split on spaces and tabs) after the
// comment is dropped. The views point into the contents parsed.
struct TableLine {
  std::uint32_t number = 0;
  std::string_view text;  // the line without its comment, trimmed
  std::vector<TableField> fields;
};

// Splits a table file into the lines that have fields.
std::vector<TableLine> SplitTableLines(std::string_view contents);

// A kBadInput status located at `field` of `line` in `path`.
Status TableError(std::string_view path, const TableLine& line,
                  const TableField& field, std::string message);

// Reads `field` as exactly one compatibility jamo (ㄱ..ㅣ); returns the code
// point, or 0 if it is anything else.
char32_t SingleJamo(std::string_view field);

// A letter table: how one scheme writes each jamo, with the contexts in
// which a letter is written otherwise.
struct LetterTable {
  std::string id;             // "scheme:" header, e.g. "ko-rr"
  std::string title;          // "title:" header, for `onoma romanize --list`
  bool sound_changes = true;  // "sound-changes: standard | none"
  bool voicing = false;       // "voicing: yes": initials have a voiced column
  // "given-name: apart": the syllables of a given name are written as
  // separate capitalized words (DPRK: Pak Tong Gu) instead of one word
  // with or without hyphens ("joined", the default).
  bool given_name_apart = false;
  // "final-h: written": ㅅ ㅈ ㅊ ㅌ before ㅎ keep the ㅎ (McCune–Reischauer
  // 못하다 mothada) instead of the default "aspirated" (RR 따뜻하다
  // ttatteutada; hangul_sound_internal.h).
  bool dental_h_aspirated = true;

  std::array<std::string, 19> lead;         // [initials], first column
  std::array<std::string, 19> lead_voiced;  // second column when voicing
  std::array<std::string, 21> vowel;        // [vowels]
  std::array<std::string, 28> tail;         // [finals]; tail[0] is ""

  // A letter written differently in a context: `before:ㅟ=sh` on an
  // initial (the vowel that follows), `after:ㄹ=l` on an initial (the final
  // sound before it), `before:ㄱ=n'` on a final (the initial after it),
  // `after:ㅏ=ë` on a vowel (the vowel of the syllable before, when no
  // consonant stands between them).
  struct Override {
    enum Kind : std::uint8_t {
      kLeadBeforeVowel,
      kLeadAfterTail,
      kTailBeforeLead,
      kVowelAfterVowel
    } kind;
    std::uint8_t self;     // the lead, tail or vowel written differently
    std::uint8_t context;  // the vowel, tail or lead that causes it
    std::string text;
  };
  std::vector<Override> overrides;
};

// Parses a letter table. Every initial and vowel must be given, and every
// final that the scheme can meet: the seven final sounds (ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ
// ㅇ) when sound changes apply, all 27 finals when they do not.
Result<LetterTable> ParseLetterTable(std::string_view contents,
                                     std::string_view path);

}  // namespace onoma::romanize::internal

#endif  // ONOMA_LIB_ROMANIZE_KOREAN_TABLE_INTERNAL_H_
