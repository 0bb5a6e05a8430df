// ko-rr-translit: RR chapter 3 clause 8 (전자법), and its exact reverse.
//
// 3.8: "Where the Hangul spelling must be restored from the romanization,
// as in academic work, write the spelling, not the pronunciation ... ㄱ ㄷ
// ㅂ ㄹ are always g d b l. An ㅇ with no sound is written as a hyphen,
// left out at the start of a word; a hyphen is also used wherever syllables
// need to be separated." Examples: 집 jib, 짚 jip, 밖 bakk, 값 gabs, 붓꽃
// buskkoch, 먹는 meogneun, 독립 doglib, 문리 munli, 물엿 mul-yeos, 굳이
// gud-i, 좋다 johda, 가곡 gagog, 조랑말 jolangmal, 없었습니다
// eobs-eoss-seubnida.
//
// Where "need to be separated" is left open, onoma makes it exact: the
// reader splits the consonants between two vowels into a final and the
// longest initial that leaves a valid final (eossseub -> eos+sseub), and the
// writer puts a hyphen exactly where that reading would go wrong (없었습니다
// eoss-seub, as the notice prints). So reverse(translit(x)) == x for any
// text of Hangul syllables (tested on random strings). A hyphen of the
// input that touches Hangul is doubled ("한-영" -> "han--yeong") so that it
// is not read as a syllable break.
//
// Tested by tests/romanize/korean_translit_test.cc.

#include <algorithm>
#include <array>
#include <string>

#include "lib/romanize/korean_engine_internal.h"

namespace onoma::romanize::internal {
namespace {

using hangul::Syllable;

bool IsVowelLetter(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'w' ||
         c == 'y';
}

bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

template <std::size_t N>
int IndexOf(std::string_view piece, const std::array<std::string, N>& list) {
  for (std::size_t i = 0; i < N; ++i) {
    if (list[i] == piece) return static_cast<int>(i);
  }
  return -1;
}

int LeadOf(const Transliterator& a, std::string_view s) {
  return s.empty() ? -1 : IndexOf(s, a.leads);
}

// Reads the consonants between two vowels as final + initial: the longest
// initial that leaves a valid final. False if there is no such reading.
bool Split(const Transliterator& a, std::string_view letters, int* tail,
           int* lead) {
  for (std::size_t n = std::min<std::size_t>(letters.size(), 3); n >= 1; --n) {
    int l = LeadOf(a, letters.substr(letters.size() - n));
    int t = IndexOf(letters.substr(0, letters.size() - n), a.tails);
    if (l >= 0 && t >= 0) {
      *tail = t;
      *lead = l;
      return true;
    }
  }
  return false;
}

// Reads one hyphen-free stretch of letters as syllables, appending them.
bool ReadSegment(const Transliterator& a, std::string_view s,
                 std::vector<Syllable>* out) {
  std::size_t pos = 0;
  auto consonants = [&]() {
    std::size_t start = pos;
    while (pos < s.size() && !IsVowelLetter(s[pos])) ++pos;
    return s.substr(start, pos - start);
  };
  auto vowels = [&]() {
    std::size_t start = pos;
    while (pos < s.size() && IsVowelLetter(s[pos])) ++pos;
    return s.substr(start, pos - start);
  };
  std::string_view onset = consonants();
  int lead = onset.empty() ? hangul::kLeadNone : LeadOf(a, onset);
  if (lead < 0) return false;
  while (true) {
    int vowel = IndexOf(vowels(), a.vowels);
    if (vowel < 0) return false;
    std::string_view cluster = consonants();
    Syllable syllable{static_cast<std::uint8_t>(lead),
                      static_cast<std::uint8_t>(vowel), 0};
    if (pos == s.size()) {
      int tail = cluster.empty() ? 0 : IndexOf(cluster, a.tails);
      if (tail < 0) return false;
      syllable.tail = static_cast<std::uint8_t>(tail);
      out->push_back(syllable);
      return true;
    }
    int tail = 0;
    if (!Split(a, cluster, &tail, &lead)) return false;
    syllable.tail = static_cast<std::uint8_t>(tail);
    out->push_back(syllable);
  }
}

// Whether the writer must separate a syllable ending in `tail` from one
// beginning with `lead` so that ReadSegment splits them as written.
bool NeedsHyphen(const Transliterator& a, int tail, int lead) {
  if (lead == hangul::kLeadNone) return true;
  std::string junction = a.tails[tail] + a.leads[lead];
  int t = 0;
  int l = 0;
  return !Split(a, junction, &t, &l) || t != tail || l != lead;
}

struct TranslitVisitor {
  const Transliterator& alphabet;
  std::string_view text;
  bool capitalize;
  std::string* out;
  bool last_was_run = false;
  std::size_t other_end = 0;        // out->size() after the last Other
  std::size_t trailing_dashes = 0;  // its hyphens still to double

  void Run(std::span<Syllable> run, std::size_t begin, std::size_t) {
    if (trailing_dashes > 0 && out->size() == other_end) {
      out->append(trailing_dashes, '-');
    }
    trailing_dashes = 0;
    std::size_t start = out->size();
    for (std::size_t i = 0; i < run.size(); ++i) {
      const Syllable& s = run[i];
      if (i > 0 && alphabet.hyphen[run[i - 1].tail][s.lead]) {
        out->push_back('-');
      }
      out->append(alphabet.leads[s.lead]);
      out->append(alphabet.vowels[s.vowel]);
      out->append(alphabet.tails[s.tail]);
    }
    if (capitalize && StartsWord(text, begin)) CapitalizeAt(out, start);
    last_was_run = true;
  }
  void Letter(hangul::Letter letter, std::size_t, std::size_t) {
    if (letter.kind == hangul::Letter::kVowel) {
      out->append(alphabet.vowels[letter.vowel]);
    } else if (letter.tail > 0) {
      out->append(alphabet.tails[letter.tail]);
    } else {
      out->append(alphabet.leads[letter.lead]);
    }
    last_was_run = false;
    trailing_dashes = 0;
  }
  void Other(std::string_view other) {
    std::size_t lead_dashes = 0;
    if (last_was_run) {
      while (lead_dashes < other.size() && other[lead_dashes] == '-') {
        ++lead_dashes;
      }
      out->append(lead_dashes, '-');
    }
    out->append(other);
    std::size_t trail = 0;
    while (trail < other.size() - lead_dashes &&
           other[other.size() - 1 - trail] == '-') {
      ++trail;
    }
    trailing_dashes = trail;
    other_end = out->size();
    last_was_run = false;
  }
};

}  // namespace

Transliterator::Transliterator(const LetterWriter& writer) {
  for (int l = 0; l < 19; ++l) {
    leads[l] = writer.Lead(LetterWriter::kAtStart, l, hangul::kA).view();
  }
  for (int v = 0; v < 21; ++v) {
    vowels[v] = writer.Vowel(v, LetterWriter::kNoVowel).view();
  }
  for (int t = 0; t < 28; ++t) {
    tails[t] = writer.Tail(t, LetterWriter::kAtEnd).view();
  }
  for (int t = 0; t < 28; ++t) {
    for (int l = 0; l < 19; ++l) hyphen[t][l] = NeedsHyphen(*this, t, l);
  }
}

void Transliterator::Write(std::string_view text, bool capitalize,
                           std::string* out) const {
  thread_local std::vector<Syllable> buffer;
  TranslitVisitor visitor{*this, text, capitalize, out};
  hangul::ScanHangul(text, &buffer, visitor);
}

Result<std::string> Transliterator::Read(std::string_view text) const {
  const Transliterator& alphabet = *this;
  std::string out;
  std::vector<Syllable> syllables;
  std::string lowered;
  std::size_t pos = 0;
  // A word: letters and single hyphens between letters.
  auto emit_word = [&](std::string_view word) {
    bool lower = std::all_of(word.begin() + 1, word.end(),
                             [](char c) { return !(c >= 'A' && c <= 'Z'); });
    syllables.clear();
    bool ok = lower;
    if (ok) {
      lowered.assign(word);
      if (lowered[0] >= 'A' && lowered[0] <= 'Z') lowered[0] += 'a' - 'A';
      std::string_view rest = lowered;
      while (ok) {
        std::size_t dash = rest.find('-');
        ok = ReadSegment(alphabet, rest.substr(0, dash), &syllables);
        if (dash == std::string_view::npos) break;
        rest.remove_prefix(dash + 1);
      }
    }
    if (!ok) {
      out.append(word);
      return;
    }
    for (const Syllable& s : syllables) {
      hangul::AppendUtf8(hangul::Compose(s), &out);
    }
  };
  while (pos < text.size()) {
    if (!IsAsciiLetter(text[pos])) {
      // Hyphens outside words: doubled ones stand for one hyphen.
      std::size_t end = pos;
      while (end < text.size() && text[end] == '-') ++end;
      if (end > pos) {
        std::size_t count = end - pos;
        bool touches = (pos > 0 && IsAsciiLetter(text[pos - 1])) ||
                       (end < text.size() && IsAsciiLetter(text[end]));
        out.append(touches ? (count + 1) / 2 : count, '-');
        pos = end;
      } else {
        out.push_back(text[pos++]);
      }
      continue;
    }
    std::size_t end = pos;
    while (end < text.size()) {
      if (IsAsciiLetter(text[end])) {
        ++end;
      } else if (text[end] == '-' && end + 1 < text.size() &&
                 IsAsciiLetter(text[end + 1])) {
        end += 1;  // a single hyphen between letters stays in the word
      } else {
        break;
      }
    }
    emit_word(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

}  // namespace onoma::romanize::internal
