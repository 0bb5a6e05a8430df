// LatinKey and Skeleton: where every script meets in Latin letters.
//
// A romanization alone does not make Київ, Kiev and 키예프 meet: the
// official schemes give Kyiv, Kiyev (ru-bgn for Киев) and kiyepeu, and the
// English exonym is Kiev. The skeleton keeps what the renderings of one
// name share — the order of its consonants, grouped by place of
// articulation, and where its vowels are — and drops what they do not: which
// vowel, voicing, doubled letters, the digraphs of each scheme, apostrophes
// and soft signs. docs/terms.md has the table and the examples.
//
// Tested by tests/terms/search_keys_test.cc.

#include <string>
#include <string_view>
#include <vector>

#include "lib/romanize/registry.h"
#include "lib/text/text.h"
#include "memory/terms/search_keys.h"

namespace onoma::terms {
namespace {

const romanize::Scheme* FindScheme(std::string_view id) {
  auto scheme = romanize::Registry::Default().Find(id);
  return scheme.ok() ? *scheme : nullptr;
}

// Looked up once: the registry is immutable, and ko-rr may be missing from
// a build (it is then simply not used: Hangul gets no Latin key).
const romanize::Scheme* Ukrainian() {
  static const romanize::Scheme* scheme = FindScheme("uk-kmu2010");
  return scheme;
}
const romanize::Scheme* Russian() {
  static const romanize::Scheme* scheme = FindScheme("ru-bgn");
  return scheme;
}
const romanize::Scheme* Korean() {
  static const romanize::Scheme* scheme = FindScheme("ko-rr");
  return scheme;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Lower-case ASCII letters and digits of `latin`, one word per element:
// diacritics go (NFD, marks dropped), everything else separates words or,
// for apostrophes and soft signs, vanishes.
std::vector<std::string> AsciiWords(std::string_view latin) {
  std::string decomposed =
      text::IsAscii(latin) ? std::string(latin) : text::ToNfd(latin);
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < decomposed.size();) {
    char32_t c;
    text::DecodeNext(decomposed, i, c);
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      words.back() += static_cast<char>(c);
    } else if (c == ' ' || c == '-' || c == '.' || c == ',' || c == '/') {
      if (!words.back().empty()) words.emplace_back();
    }
    // Anything else (apostrophes, ʹ, combining marks, unromanized
    // letters) is dropped without splitting the word.
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// Polish ł (U+0141/U+0142) has no decomposition, so AsciiWords would drop
// it: Zełenski is Zelenski.
std::string PolishL(std::string_view latin) {
  std::string out;
  for (std::size_t i = 0; i < latin.size();) {
    char32_t c;
    text::DecodeNext(latin, i, c);
    if (c == U'\u0141') c = U'L';
    if (c == U'\u0142') c = U'l';
    text::AppendUtf8(out, c);
  }
  return out;
}

// Revised Romanization writes the vowel ㅡ (eu) that Korean inserts to
// pronounce foreign consonant clusters (프 peu for /f/, 드니프로
// deunipeuro), and 우 (u) for a final /w/ (키이우, 하르키우, 리비우). Undo
// both so that the skeleton has the consonants of the original.
std::string UndoHangulEpenthesis(const std::string& word) {
  std::string out;
  for (std::size_t i = 0; i < word.size(); ++i) {
    bool eu = word.compare(i, 2, "eu") == 0;
    bool after_consonant = !out.empty() && !IsVowel(out.back());
    bool before_consonant = i + 2 >= word.size() || !IsVowel(word[i + 2]);
    if (eu && after_consonant && before_consonant) {
      ++i;
      continue;
    }
    out += word[i];
  }
  if (out.size() >= 3 && out.back() == 'u' && IsVowel(out[out.size() - 2])) {
    out.back() = 'v';
  }
  return out;
}

// The consonant class of the letters at `word[i]`; sets `used` to how many
// letters it took. Vowels are 'a'; digits stand for themselves.
char Class(const std::string& word, std::size_t i, std::size_t& used) {
  auto at = [&](std::string_view s) {
    return word.compare(i, s.size(), s) == 0;
  };
  used = 1;
  for (std::string_view s : {"shch", "sch", "tch"}) {
    if (at(s)) return used = s.size(), 's';
  }
  for (std::string_view s : {"sh", "zh", "ch", "ts", "tz"}) {
    if (at(s)) return used = 2, 's';
  }
  if (at("th")) return used = 2, 't';
  if (at("ph")) return used = 2, 'p';
  if (at("kh") || at("gh") || at("ck")) return used = 2, 'k';
  char c = word[i];
  switch (c) {
    case 'b':
    case 'p':
    case 'f':
    case 'v':
    case 'w':
      return 'p';
    case 'd':
    case 't':
      return 't';
    case 'g':
    case 'k':
    case 'q':
    case 'h':
      return 'k';
    case 'c': {
      char next = i + 1 < word.size() ? word[i + 1] : '\0';
      return next == 'e' || next == 'i' || next == 'y' ? 's' : 'k';
    }
    case 's':
    case 'z':
    case 'j':
      return 's';
    case 'l':
    case 'r':
      return 'r';
    case 'x':
      return 'x';  // expanded to "ks" by the caller
    default:
      return IsVowel(c) ? 'a' : c;  // m, n, digits
  }
}

}  // namespace

std::string Skeleton(std::string_view latin, bool from_hangul) {
  std::string out;
  auto put = [&out](char c) {
    if (out.empty() || out.back() != c) out += c;
  };
  for (std::string& word : AsciiWords(latin)) {
    if (from_hangul) word = UndoHangulEpenthesis(word);
    for (std::size_t i = 0; i < word.size();) {
      std::size_t used = 1;
      char c = Class(word, i, used);
      if (c == 'x') {
        put('k');
        put('s');
      } else {
        put(c);
      }
      i += used;
    }
  }
  return out;
}

std::string LatinKey(std::string_view text, std::string_view lang) {
  switch (text::DominantScript(text)) {
    case text::Script::kLatin:
      return Skeleton(text, false);
    case text::Script::kCyrillic: {
      const romanize::Scheme* scheme =
          lang == "ru" || lang.starts_with("ru-") ? Russian() : Ukrainian();
      return scheme == nullptr ? "" : Skeleton(scheme->Romanize(text), false);
    }
    case text::Script::kHangul: {
      const romanize::Scheme* scheme = Korean();
      return scheme == nullptr ? "" : Skeleton(scheme->Romanize(text), true);
    }
    default:
      return "";
  }
}

std::string PlainLatin(std::string_view text, std::string_view lang) {
  std::string latin;
  switch (text::DominantScript(text)) {
    case text::Script::kLatin:
      latin = std::string(text);
      break;
    case text::Script::kCyrillic: {
      const romanize::Scheme* scheme =
          lang == "ru" || lang.starts_with("ru-") ? Russian() : Ukrainian();
      if (scheme != nullptr) latin = scheme->Romanize(text);
      break;
    }
    case text::Script::kHangul:
      if (Korean() != nullptr) latin = Korean()->Romanize(text);
      break;
    default:
      break;
  }
  std::string out;
  for (const std::string& word : AsciiWords(latin)) out += word;
  return out;
}

std::string CentralEuropeanReading(std::string_view latin) {
  std::string out;
  for (const std::string& word : AsciiWords(PolishL(latin))) {
    if (!out.empty()) out += ' ';
    for (std::size_t i = 0; i < word.size(); ++i) {
      auto at = [&](std::string_view s) {
        return word.compare(i, s.size(), s) == 0;
      };
      if (at("cz") || at("rz")) {
        out += "zh";
        ++i;
      } else if (at("sz")) {
        out += "sh";
        ++i;
      } else if (at("ch") &&
                 (i == 0 || (word[i - 1] != 's' && word[i - 1] != 't'))) {
        out += "kh";
        ++i;
      } else if (word[i] == 'j') {
        out += 'y';
      } else {
        out += word[i];
      }
    }
  }
  return out;
}

std::vector<std::string> QueryLatinKeys(std::string_view text) {
  std::vector<std::string> keys;
  auto add = [&keys](std::string key) {
    if (key.empty()) return;
    for (const std::string& k : keys) {
      if (k == key) return;
    }
    keys.push_back(std::move(key));
  };
  add(LatinKey(text, "uk"));
  switch (text::DominantScript(text)) {
    case text::Script::kCyrillic:
      add(LatinKey(text, "ru"));
      break;
    case text::Script::kLatin: {
      // A reading too short to tell one name from another is left out:
      // Jeju read as "Yeyu" has the skeleton of every vowel.
      std::string other = Skeleton(CentralEuropeanReading(text), false);
      if (other.size() >= 3) add(std::move(other));
      break;
    }
    default:
      break;
  }
  return keys;
}

}  // namespace onoma::terms
