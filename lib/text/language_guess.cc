#include "lib/text/language_guess.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "lib/text/script.h"
#include "lib/text/utf8.h"

// Tested by tests/text/language_guess_test.cc.

namespace onoma::text {
namespace {

// Short, frequent words that only one of the two languages uses and that
// hold none of its own letters (those are counted as letters). Lower
// case, sorted for binary search.
constexpr std::array<std::u32string_view, 21> kRussianWords = {
    U"где", U"его",   U"ее",     U"если",  U"еще",  U"и",      U"или",
    U"как", U"когда", U"надо",   U"нет",   U"он",   U"она",    U"они",
    U"оно", U"очень", U"сейчас", U"также", U"тоже", U"только", U"что",
};
constexpr std::array<std::u32string_view, 14> kUkrainianWords = {
    U"або",   U"але", U"буде", U"вже", U"вони", U"воно", U"дуже",
    U"треба", U"це",  U"цей",  U"ця",  U"ще",   U"що",   U"як",
};
static_assert(std::is_sorted(kRussianWords.begin(), kRussianWords.end()));
static_assert(std::is_sorted(kUkrainianWords.begin(), kUkrainianWords.end()));

// A short word of lower-case letters а..џ (U+0430..U+045F) as a number, 6
// bits a letter: the word lists are compared as integers, not strings
// (CountLetters meets a short Cyrillic word every few letters). 0 for a
// word with another letter, which no list holds.
constexpr std::uint64_t WordKey(std::u32string_view word) {
  std::uint64_t key = 0;
  for (char32_t c : word) {
    if (c < 0x430 || c > 0x45F) return 0;
    key = key << 6 | (c - 0x430 + 1);
  }
  return key;
}

template <std::size_t N>
constexpr std::array<std::uint64_t, N> SortedKeys(
    const std::array<std::u32string_view, N>& words) {
  std::array<std::uint64_t, N> keys{};
  for (std::size_t i = 0; i < N; ++i) keys[i] = WordKey(words[i]);
  std::sort(keys.begin(), keys.end());
  return keys;
}

constexpr auto kRussianKeys = SortedKeys(kRussianWords);
constexpr auto kUkrainianKeys = SortedKeys(kUkrainianWords);
static_assert(kRussianKeys[0] != 0 && kUkrainianKeys[0] != 0,
              "every listed word is in а..џ");

bool Contains(const auto& sorted_keys, std::uint64_t key) {
  return std::binary_search(sorted_keys.begin(), sorted_keys.end(), key);
}

// The Latin letters among n ASCII bytes read as one word (every byte
// < 0x80): a byte is a letter when, with bit 0x20 set, it lies in 'a'..'z'.
// Adding 0x1F or 0x05 to a byte below 0x80 cannot carry into the next.
int AsciiLetters(std::uint64_t bytes) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const std::uint64_t lower = bytes | (0x20 * kOnes);
  const std::uint64_t from_a = lower + (0x80 - 'a') * kOnes;      // >= 'a'
  const std::uint64_t past_z = lower + (0x80 - 'z' - 1) * kOnes;  // > 'z'
  return std::popcount(from_a & ~past_z & kHigh);
}

char32_t LowerCyrillic(char32_t c) {
  if (c >= U'А' && c <= U'Я') return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;  // Ѐ..Џ: Ё, Є, І, Ї
  if (c == U'Ґ') return U'ґ';
  return c;
}

bool IsRussianLetter(char32_t c) {
  return c == U'ы' || c == U'э' || c == U'ъ' || c == U'ё';
}

bool IsUkrainianLetter(char32_t c) {
  return c == U'і' || c == U'ї' || c == U'є' || c == U'ґ';
}

// Whether `c` may stand inside a Cyrillic word: a letter, or an apostrophe
// (Ukrainian п'ять, м’ясо).
bool InWord(char32_t c) {
  return ScriptOf(c) == Script::kCyrillic || c == U'\'' || c == U'\u2019' ||
         c == U'\u02BC';
}

}  // namespace

void CountLetters(std::string_view text, LetterCounts& counts) {
  // The Cyrillic word being read, lower case; longer words are no
  // candidates for the lists.
  constexpr std::size_t kLongestListed = 6;
  std::array<char32_t, kLongestListed> word;
  std::size_t word_size = 0;
  bool word_too_long = false;
  auto end_word = [&] {
    if (!word_too_long && word_size != 0) {
      const std::uint64_t key =
          WordKey(std::u32string_view(word.data(), word_size));
      if (key != 0) {
        if (Contains(kRussianKeys, key)) ++counts.ru;
        if (Contains(kUkrainianKeys, key)) ++counts.uk;
      }
    }
    word_size = 0;
    word_too_long = false;
  };
  auto continuation = [&](std::size_t at) {
    return (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      // A run of ASCII, most of a line in English: Latin letters or no
      // letters, and no part of a Cyrillic word but for an apostrophe
      // (п'ять), which neither ends the word nor is counted.
      if (b == '\'') {
        ++i;
        continue;
      }
      end_word();
      std::size_t latin = 0;
      while (text.size() - i >= 8) {  // eight bytes at a time
        std::uint64_t bytes;
        std::memcpy(&bytes, text.data() + i, 8);
        if ((bytes & 0x8080808080808080ULL) != 0) break;
        latin += static_cast<std::size_t>(AsciiLetters(bytes));
        i += 8;
      }
      for (; i < text.size() && static_cast<unsigned char>(text[i]) < 0x80;
           ++i) {
        const unsigned lower = static_cast<unsigned char>(text[i]) | 0x20u;
        latin += lower - 'a' < 26u;
      }
      counts.latin += latin;
      continue;
    }
    if (b >= 0xEA && b <= 0xED && i + 2 < text.size() && continuation(i + 1) &&
        continuation(i + 2)) {
      // Three bytes, decoded here: a Hangul syllable (U+AC00..U+D7A3)
      // ends any Cyrillic word and holds two or three letters.
      const char32_t h =
          ((b & 0x0Fu) << 12) |
          ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
          (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
      if (h >= 0xAC00 && h <= 0xD7A3) {
        end_word();
        counts.hangul += 2;
        i += 3;
        continue;
      }
    }
    char32_t c = 0;
    if (b >= 0xC2 && b < 0xE0 && i + 1 < text.size() && continuation(i + 1)) {
      // Two bytes (Cyrillic among them), decoded here.
      c = ((b & 0x1Fu) << 6) |
          (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      i += 2;
    } else if (!DecodeNext(text, i, c)) {
      break;
    }
    // The Cyrillic letters as text::ScriptOf tells them, without the call.
    const Script script =
        (c >= 0x400 && c <= 0x482) || (c >= 0x48A && c <= 0x4FF)
            ? Script::kCyrillic
            : ScriptOf(c);
    if (script != Script::kCyrillic && !InWord(c)) end_word();
    switch (script) {
      case Script::kHangul:
        counts.hangul += 2;  // a syllable block holds two or three letters
        break;
      case Script::kCyrillic: {
        ++counts.cyrillic;
        char32_t lower = LowerCyrillic(c);
        if (IsRussianLetter(lower)) ++counts.ru;
        if (IsUkrainianLetter(lower)) ++counts.uk;
        if (word_size < kLongestListed) {
          word[word_size++] = lower;
        } else {
          word_too_long = true;
        }
        break;
      }
      case Script::kLatin:
        ++counts.latin;
        break;
      default:
        break;
    }
  }
  end_word();
}

std::string GuessLanguage(const LetterCounts& counts) {
  if (counts.hangul > 0 && counts.hangul >= counts.cyrillic &&
      counts.hangul >= counts.latin) {
    return "ko";
  }
  if (counts.cyrillic > 0 && counts.cyrillic >= counts.latin) {
    return counts.ru > counts.uk ? "ru" : "uk";
  }
  return "en";
}

std::string GuessLanguage(std::string_view text) {
  LetterCounts counts;
  CountLetters(text, counts);
  return GuessLanguage(counts);
}

std::string GuessDocumentLanguage(std::string_view start) {
  if (start.size() > kDocumentSampleBytes) {
    std::string_view sample = start.substr(0, kDocumentSampleBytes);
    const std::size_t space = sample.find_last_of(" \n");
    std::size_t cut = sample.size();
    if (space != std::string_view::npos) {
      cut = space;
    } else {
      // Not inside a character: back to the start of the one cut.
      while (cut > 0 &&
             (static_cast<unsigned char>(start[cut]) & 0xC0) == 0x80) {
        --cut;
      }
    }
    start = start.substr(0, cut);
  }
  return GuessLanguage(start);
}

std::string_view GuessRunLanguage(const LetterCounts& counts,
                                  std::string_view around) {
  constexpr std::size_t kMinLetters = 6;
  constexpr std::size_t kMinSigns = 2;
  const std::size_t letters = counts.hangul + counts.cyrillic + counts.latin;
  if (letters < kMinLetters) return around;
  auto dominant = [&](std::size_t n) { return n * 4 >= letters * 3; };
  if (dominant(counts.hangul)) return "ko";
  if (dominant(counts.latin)) return "en";
  if (!dominant(counts.cyrillic)) return around;
  if (counts.ru >= kMinSigns && counts.uk == 0) return "ru";
  if (counts.uk >= kMinSigns && counts.ru == 0) return "uk";
  return around;
}

std::string_view GuessRunLanguage(std::string_view run,
                                  std::string_view around) {
  LetterCounts counts;
  CountLetters(run, counts);
  return GuessRunLanguage(counts, around);
}

}  // namespace onoma::text
