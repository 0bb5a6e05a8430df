// Cues that a name is cited as a former name ("formerly Artemivsk",
// "(у 1924–2016 роках — Артемівськ)", "옛 이름 아르티모프스크"), from
// tables/normalize/former-cues.txt. A variant so cited is kept: it names
// the place as it was, not as it is.
//
//   auto cues = normalize::FormerCues::Builtin();
//   (*cues)->CitesFormer(text::FoldCase("Bakhmut, formerly "));  // true
//
// Thread safety: immutable after Parse; Builtin() lives for the program.

#ifndef ONOMA_LIB_NORMALIZE_FORMER_CUES_H_
#define ONOMA_LIB_NORMALIZE_FORMER_CUES_H_

#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"

namespace onoma::normalize {

class FormerCues {
 public:
  [[nodiscard]] static Result<FormerCues> Parse(std::string_view text,
                                                std::string_view path);
  [[nodiscard]] static Result<const FormerCues*> Builtin();

  // Whether the case-folded text just before a name ends with a cue of any
  // language, once trailing spaces and the punctuation ( : , — – - « “ "
  // are set aside; the cue must begin a word.
  bool CitesFormer(std::string_view folded_before) const;

  // Whether the case-folded text just after a name (and its suffix)
  // begins, once leading spaces are set aside, with a cue written "…CUE"
  // in the table (", renamed", " (now"): "Kirovohrad, renamed
  // Kropyvnytskyi in 2016".
  bool CitesFormerAfter(std::string_view folded_after) const;

 private:
  std::vector<std::string> cues_;        // case-folded
  std::vector<std::string> after_cues_;  // case-folded, without the "…"
};

}  // namespace onoma::normalize

#endif  // ONOMA_LIB_NORMALIZE_FORMER_CUES_H_
