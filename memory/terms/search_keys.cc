// FoldKey, StemKey, ParticleCandidates and the fuzzy helpers; LatinKey and
// Skeleton are in latin_key.cc.

#include "memory/terms/search_keys.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lib/text/code_points.h"
#include "lib/text/text.h"
#include "lib/util/edit_distance.h"

namespace onoma::terms {
namespace {

bool IsCombiningMark(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF);
}

bool IsApostrophe(char32_t c) {
  return c == U'\u2019' || c == U'\u02BC' || c == U'`' || c == U'\u00B4' ||
         c == U'\u2018';
}

std::vector<std::u32string> Words(std::u32string_view text) {
  std::vector<std::u32string> words(1);
  for (char32_t c : text) {
    if (c == U' ' || c == U'-') {
      words.emplace_back(1, c);  // the separator, kept to rebuild the key
      words.emplace_back();
    } else {
      words.back() += c;
    }
  }
  return words;
}

bool EndsWith(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// Case endings of Ukrainian and Russian nouns and adjectives, longest first.
// Left out on purpose: -ів/-ов/-ев (genitive plural), which would eat the
// stems of Харків, Львів, Ростов; and -й, which would eat Гай.
constexpr std::u32string_view kCyrillicEndings[] = {
    U"ього", U"ьому", U"ого", U"его", U"ому", U"ему", U"ими", U"ами",
    U"ями",  U"іми",  U"ою",  U"ею",  U"єю",  U"ої",  U"ій",  U"ий",
    U"ый",   U"ой",   U"ая",  U"яя",  U"ое",  U"ие",  U"ые",  U"ую",
    U"юю",   U"ом",   U"ем",  U"єм",  U"ам",  U"ям",  U"ах",  U"ях",
    U"им",   U"ім",   U"их",  U"іх",  U"а",   U"я",   U"у",   U"ю",
    U"і",    U"ї",    U"е",   U"є",   U"и",   U"о",   U"ь",
};

bool IsCyrillicVowel(char32_t c) {
  return std::u32string_view(U"аеєиіїоуюяыэё").find(c) !=
         std::u32string_view::npos;
}

void StemCyrillic(std::u32string& word) {
  if (word.size() >= 4) {
    for (std::u32string_view ending : kCyrillicEndings) {
      if (EndsWith(word, ending) && word.size() - ending.size() >= 3) {
        word.resize(word.size() - ending.size());
        break;
      }
    }
  }
  // The vowel of a closed last syllable alternates with і/ї in Ukrainian
  // (Київ : Києва, Харків : Харкова, Ірпінь : Ірпеня): bring it to one letter.
  for (std::size_t i = word.size(); i-- > 0;) {
    if (!IsCyrillicVowel(word[i])) continue;
    if (word[i] == U'о' || word[i] == U'е' || word[i] == U'є' ||
        word[i] == U'ї' || word[i] == U'ё') {
      word[i] = U'і';
    }
    break;
  }
}

// Korean particles (josa), longest first; pairs such as 에서는 are listed
// whole so that one strip takes them off.
constexpr std::u32string_view kParticles[] = {
    U"에서부터", U"에서는", U"에서도", U"에서의", U"에게는", U"에게도",
    U"으로는",   U"으로도", U"까지는", U"까지도", U"부터는", U"한테는",
    U"에서",     U"에게",   U"한테",   U"으로",   U"까지",   U"부터",
    U"보다",     U"처럼",   U"이나",   U"이랑",   U"하고",   U"에는",
    U"에도",     U"로는",   U"로도",   U"와의",   U"과의",   U"께서",
    U"의",       U"에",     U"은",     U"는",     U"이",     U"가",
    U"을",       U"를",     U"과",     U"와",     U"로",     U"도",
    U"만",       U"께",
};

}  // namespace

std::string FoldKey(std::string_view input) {
  std::string folded = text::FoldCase(input);
  std::u32string marked =
      text::DecodeUtf8(text::IsAscii(folded) ? folded : text::ToNfd(folded));
  std::u32string out;
  text::Script base = text::Script::kCommon;
  for (char32_t c : marked) {
    if (IsCombiningMark(c)) {
      if (base == text::Script::kLatin) continue;
    } else {
      base = text::ScriptOf(c);
    }
    if (IsApostrophe(c)) c = U'\'';
    bool space = c == U' ' || c == U'\t' || c == U'\u00A0' || c == U'\n';
    if (space) {
      if (!out.empty() && out.back() != U' ') out += U' ';
      continue;
    }
    out += c;
  }
  while (!out.empty() && out.back() == U' ') out.pop_back();
  std::string utf8 = text::EncodeUtf8(out);
  return text::IsNfc(utf8) ? utf8 : text::ToNfc(utf8);
}

std::string StemKey(std::string_view fold_key) {
  std::u32string out;
  for (std::u32string& word : Words(text::DecodeUtf8(fold_key))) {
    if (!word.empty() && text::ScriptOf(word[0]) == text::Script::kCyrillic) {
      StemCyrillic(word);
    } else if (EndsWith(word, U"'s") && word.size() > 3) {
      word.resize(word.size() - 2);
    } else if (EndsWith(word, U"s'") && word.size() > 3) {
      word.pop_back();
    }
    out += word;
  }
  return text::EncodeUtf8(out);
}

std::vector<std::string> ParticleCandidates(std::string_view fold_key) {
  std::vector<std::string> out;
  std::u32string all = text::DecodeUtf8(fold_key);
  if (all.empty() || text::ScriptOf(all.back()) != text::Script::kHangul) {
    return out;
  }
  std::size_t start = all.find_last_of(U' ');
  start = start == std::u32string::npos ? 0 : start + 1;
  std::size_t word_size = all.size() - start;
  for (std::u32string_view particle : kParticles) {
    if (word_size > particle.size() && EndsWith(all, particle)) {
      out.push_back(text::EncodeUtf8(
          std::u32string_view(all).substr(0, all.size() - particle.size())));
    }
  }
  return out;
}

int FuzzyThreshold(std::size_t length) {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

std::vector<std::string> DeletionNeighbourhood(std::string_view key,
                                               std::size_t max_length) {
  std::vector<std::string> out;
  if (key.size() < 3 || key.size() > max_length) return out;
  out.emplace_back(key);
  for (std::size_t i = 0; i < key.size(); ++i) {
    // Deleting either of two equal neighbours gives the same string.
    if (i > 0 && key[i] == key[i - 1]) continue;
    std::string shorter(key.substr(0, i));
    shorter += key.substr(i + 1);
    out.push_back(std::move(shorter));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

int EditDistance(std::string_view a, std::string_view b, int limit) {
  return BoundedEditDistance(a, b, limit);
}

}  // namespace onoma::terms
