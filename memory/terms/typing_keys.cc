// The typo match's keys and distance (search_keys.h, "Typing distance").
//
// term_fuzzy holds, for every distinct folded form, its deletion
// neighbourhood over code points: a query within one slip of a form
// shares one of them (Wolf Garbe's symmetric deletion). Two slips would
// need two deletions on each side, which grows with the square of the
// form; instead a form long enough for two slips also has its two halves'
// one-deletion neighbourhoods, tagged with its length: two slips leave one
// half within one slip of the query's start or end, whose length differs
// from the half's by at most one. Tested by tests/terms/search_keys_test.cc
// and tests/terms/typo_eval_test.cc.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lib/text/code_points.h"
#include "lib/text/text.h"
#include "lib/util/edit_distance.h"
#include "memory/terms/search_keys.h"

namespace onoma::terms {
namespace {

bool IsSyllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }

// `s` and every string one code point shorter, tab and `tag` first.
void AddDeletions(std::u32string_view s, const std::string& tag,
                  std::vector<std::string>& out) {
  out.push_back("\t" + tag + text::EncodeUtf8(s));
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && s[i] == s[i - 1]) continue;
    std::u32string shorter(s.substr(0, i));
    shorter += s.substr(i + 1);
    out.push_back("\t" + tag + text::EncodeUtf8(shorter));
  }
}

std::string HalfTag(char side, std::size_t length) {
  return std::string(1, side) + std::to_string(length) + "|";
}

// Halves shorter than this are left out: a one-letter half's neighbours
// would be the empty string, shared by every form of its length.
constexpr std::size_t kMinHalf = 2;

void Sort(std::vector<std::string>& keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

}  // namespace

std::size_t TypingLetters(std::string_view fold) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < fold.size();) {
    char32_t c;
    text::DecodeNext(fold, i, c);
    if (IsSyllable(c)) {
      letters += (c - 0xAC00) % 28 == 0 ? 2 : 3;
    } else if (c != U' ' && c != U'-' && c != U'\'' && c != U'.') {
      ++letters;
    }
  }
  return letters;
}

int TypoThreshold(std::string_view fold) {
  std::size_t letters = TypingLetters(fold);
  if (letters < 4) return 0;
  return letters < 8 ? 1 : 2;
}

std::string TypingOwner(std::string_view fold) {
  return "\t" + std::string(fold);
}

std::string_view TypingOwnerFold(std::string_view owner) {
  return owner.starts_with('\t') ? owner.substr(1) : owner;
}

std::vector<std::string> TypingNeighbourhood(std::string_view fold) {
  std::vector<std::string> out;
  std::u32string s = text::DecodeUtf8(fold);
  int threshold = TypoThreshold(fold);
  if (threshold == 0 || s.size() < 2 || s.size() > kMaxFuzzyKeyBytes) {
    return out;
  }
  AddDeletions(s, "", out);
  std::size_t half = s.size() / 2;
  if (threshold >= 2 && half >= kMinHalf) {
    std::u32string_view all(s);
    AddDeletions(all.substr(0, half), HalfTag('<', s.size()), out);
    AddDeletions(all.substr(half), HalfTag('>', s.size()), out);
  }
  Sort(out);
  return out;
}

std::vector<std::string> TypingQueryKeys(std::string_view fold,
                                         bool two_slips) {
  std::vector<std::string> out;
  std::u32string q = text::DecodeUtf8(fold);
  if (TypingLetters(fold) < 3 || q.size() < 2 ||
      q.size() > kMaxFuzzyKeyBytes + 2) {
    return out;
  }
  std::u32string_view all(q);
  if (!two_slips) {
    AddDeletions(all, "", out);
    Sort(out);
    return out;
  }
  // Stored forms of length t within two slips: t - 2 <= |q| <= t + 2.
  for (std::size_t t = q.size() > 2 ? q.size() - 2 : 1; t <= q.size() + 2;
       ++t) {
    std::size_t left = t / 2;
    std::size_t right = t - left;
    if (left < kMinHalf) continue;
    for (std::size_t p = left - 1; p <= left + 1; ++p) {
      if (p == 0 || p > q.size()) continue;
      AddDeletions(all.substr(0, p), HalfTag('<', t), out);
    }
    for (std::size_t p = right - 1; p <= right + 1; ++p) {
      if (p == 0 || p > q.size()) continue;
      AddDeletions(all.substr(q.size() - p), HalfTag('>', t), out);
    }
  }
  Sort(out);
  return out;
}

int TypingDistance(std::string_view a, std::string_view b, int limit) {
  if (text::IsAscii(a) && text::IsAscii(b)) return EditDistance(a, b, limit);
  return BoundedEditDistance(text::DecodeUtf8(a), text::DecodeUtf8(b), limit);
}

}  // namespace onoma::terms
