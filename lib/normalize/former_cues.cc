#include "lib/normalize/former_cues.h"

#include <cctype>

#include "lib/normalize/tables_internal.h"
#include "lib/text/unicode.h"
#include "lib/util/text_lines.h"

namespace onoma::normalize {
namespace {

// Punctuation between a cue and the name: "formerly: X", "роках — X",
// "(옛 이름 X", "«X»".
constexpr std::string_view kSkippable[] = {
    " ", "\t", "(", ":", ",", "-", "—", "–", "«", "“", "\"", "„", "\u00a0"};

std::string_view TrimSkippable(std::string_view s) {
  bool trimmed = true;
  while (trimmed && !s.empty()) {
    trimmed = false;
    for (std::string_view p : kSkippable) {
      if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) {
        s.remove_suffix(p.size());
        trimmed = true;
      }
    }
  }
  return s;
}

}  // namespace

Result<FormerCues> FormerCues::Parse(std::string_view text,
                                     std::string_view path) {
  FormerCues cues;
  for (TextLines lines(text); lines.Next();) {
    const std::string_view line = lines.line();
    const std::uint64_t number = lines.number();
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab + 1 >= line.size()) {
      return Status::BadInput("expected LANG<TAB>CUE")
          .At({std::string(path), number, 1, 0})
          .WithSnippet(std::string(line));
    }
    std::string_view cue = line.substr(tab + 1);
    constexpr std::string_view kEllipsis = "\u2026";
    if (cue.substr(0, kEllipsis.size()) == kEllipsis) {
      cue.remove_prefix(kEllipsis.size());
      while (!cue.empty() && cue[0] == ' ') cue.remove_prefix(1);
      cues.after_cues_.push_back(text::FoldCase(cue));
    } else {
      cues.cues_.push_back(text::FoldCase(cue));
    }
  }
  return cues;
}

Result<const FormerCues*> FormerCues::Builtin() {
  return internal::ParsedBuiltin<FormerCues>("former-cues.txt");
}

bool FormerCues::CitesFormer(std::string_view folded_before) const {
  std::string_view s = TrimSkippable(folded_before);
  for (const std::string& cue : cues_) {
    if (s.size() < cue.size() || s.substr(s.size() - cue.size()) != cue) {
      continue;
    }
    std::size_t at = s.size() - cue.size();
    if (at == 0) return true;
    // A cue begins a word when an ASCII space or punctuation precedes it.
    auto before = static_cast<unsigned char>(s[at - 1]);
    if (before < 0x80 && !std::isalnum(before)) return true;
  }
  return false;
}

bool FormerCues::CitesFormerAfter(std::string_view folded_after) const {
  while (!folded_after.empty() && folded_after[0] == ' ') {
    folded_after.remove_prefix(1);
  }
  for (const std::string& cue : after_cues_) {
    if (folded_after.substr(0, cue.size()) == cue) return true;
  }
  return false;
}

}  // namespace onoma::normalize
