// Hangul as arithmetic: syllables, jamo and the scan that finds them in text.
//
//   hangul::Syllable s = hangul::Decompose(U'한');  // {kLeadH, kA, kTailN}
//   char32_t c = hangul::Compose(s);                // U'한'
//
//   std::vector<hangul::Syllable> buffer;
//   hangul::ScanHangul(text, &buffer, visitor);
//
// A precomposed syllable (U+AC00..U+D7A3) is lead * 588 + vowel * 28 + tail
// above U+AC00 (Unicode 15, section 3.12, "Conjoining Jamo Behavior"), so no
// table is needed to take it apart. ScanHangul composes conjoining jamo
// (U+1100 L, U+1161 V, U+11A8 T: the NFD form of modern Hangul) into the
// same syllables, so that NFC and NFD input give the same runs; letters that
// stand alone (compatibility jamo U+3131..U+3163, or an L or V with no
// partner) are reported one by one.
//
// Internal to lib/romanize (the Korean engines). Everything here is
// constexpr or stateless and safe from any thread; ScanHangul writes only
// to the buffer it is given.

#ifndef ONOMA_LIB_ROMANIZE_HANGUL_H_
#define ONOMA_LIB_ROMANIZE_HANGUL_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace onoma::romanize::hangul {

inline constexpr char32_t kSyllableFirst = 0xAC00;
inline constexpr char32_t kSyllableLast = 0xD7A3;
inline constexpr int kLeadCount = 19;
inline constexpr int kVowelCount = 21;
inline constexpr int kTailCount = 28;

// Initial consonants in Unicode order (U+1100..U+1112).
enum Lead : std::uint8_t {
  kLeadG,
  kLeadGg,
  kLeadN,
  kLeadD,
  kLeadDd,
  kLeadR,
  kLeadM,
  kLeadB,
  kLeadBb,
  kLeadS,
  kLeadSs,
  kLeadNone /* ㅇ: no sound */,
  kLeadJ,
  kLeadJj,
  kLeadCh,
  kLeadK,
  kLeadT,
  kLeadP,
  kLeadH,
};

// Vowels in Unicode order (U+1161..U+1175).
enum Vowel : std::uint8_t {
  kA,
  kAe,
  kYa,
  kYae,
  kEo,
  kE,
  kYeo,
  kYe,
  kO,
  kWa,
  kWae,
  kOe,
  kYo,
  kU,
  kWo,
  kWe,
  kWi,
  kYu,
  kEu,
  kUi,
  kI,
};

// Final consonants in Unicode order (none, then U+11A8..U+11C2).
enum Tail : std::uint8_t {
  kTailNone,
  kTailG,
  kTailGg,
  kTailGs,
  kTailN,
  kTailNj,
  kTailNh,
  kTailD,
  kTailL,
  kTailLg,
  kTailLm,
  kTailLb,
  kTailLs,
  kTailLt,
  kTailLp,
  kTailLh,
  kTailM,
  kTailB,
  kTailBs,
  kTailS,
  kTailSs,
  kTailNg,
  kTailJ,
  kTailCh,
  kTailK,
  kTailT,
  kTailP,
  kTailH,
};

struct Syllable {
  std::uint8_t lead = kLeadNone;
  std::uint8_t vowel = kA;
  std::uint8_t tail = kTailNone;
  friend bool operator==(const Syllable&, const Syllable&) = default;
};

constexpr bool IsSyllable(char32_t c) {
  return c >= kSyllableFirst && c <= kSyllableLast;
}

constexpr Syllable Decompose(char32_t c) {
  unsigned index = static_cast<unsigned>(c - kSyllableFirst);
  return Syllable{static_cast<std::uint8_t>(index / 588),
                  static_cast<std::uint8_t>(index % 588 / 28),
                  static_cast<std::uint8_t>(index % 28)};
}

constexpr char32_t Compose(Syllable s) {
  return kSyllableFirst + s.lead * 588u + s.vowel * 28u + s.tail;
}

// The index of a syllable (0..11171), for tables over every syllable.
constexpr unsigned SyllableIndex(Syllable s) {
  return s.lead * 588u + s.vowel * 28u + s.tail;
}

// A letter written on its own.
struct Letter {
  enum Kind : std::uint8_t { kNone, kConsonant, kVowel } kind = kNone;
  // For a consonant: its lead (-1 for the clusters that only end a
  // syllable, such as ㄳ) and its tail (-1 for ㄸ ㅃ ㅉ, which never end
  // one). For a vowel: its Vowel.
  std::int8_t lead = -1;
  std::int8_t tail = -1;
  std::int8_t vowel = -1;
};

// The letter that a compatibility jamo (U+3131..U+3163) or a modern
// conjoining jamo (U+1100..U+1112, U+1161..U+1175, U+11A8..U+11C2) stands
// for; kind kNone for anything else (old jamo, fillers, other text).
Letter LetterOf(char32_t c);

// The compatibility jamo of a lead, vowel or tail (for tables and messages).
char32_t CompatibilityOfLead(int lead);
char32_t CompatibilityOfVowel(int vowel);
char32_t CompatibilityOfTail(int tail);  // REQUIRES: tail != kTailNone

// Decodes one code point of valid UTF-8 at text[pos]; sets *length. On an
// invalid byte returns U+FFFD with *length 1, so that callers copy the byte
// through unchanged.
char32_t DecodeUtf8(std::string_view text, std::size_t pos,
                    std::size_t* length);
// Appends the UTF-8 form of c.
void AppendUtf8(char32_t c, std::string* out);

// The syllables of `text` (precomposed only), for the tables' Hangul
// fields; false if it is empty or holds anything else.
bool ToSyllables(std::string_view text, std::vector<Syllable>* out);

namespace scan_internal {
inline bool IsModernLeadJamo(char32_t c) { return c >= 0x1100 && c <= 0x1112; }
inline bool IsModernVowelJamo(char32_t c) { return c >= 0x1161 && c <= 0x1175; }
inline bool IsModernTailJamo(char32_t c) { return c >= 0x11A8 && c <= 0x11C2; }
}  // namespace scan_internal

namespace scan_internal {
// Whether the code point at text[pos] is valid UTF-8; sets *length to its
// length (1 for an invalid byte).
inline bool ValidAt(std::string_view text, std::size_t pos,
                    std::size_t* length) {
  const char32_t c = DecodeUtf8(text, pos, length);
  return c != 0xFFFD || *length == 3;
}
}  // namespace scan_internal

// Splits `text` into Hangul runs, lone letters and other text, in order:
//   visitor.Run(std::span<Syllable> run, std::size_t begin, std::size_t end)
//   visitor.Letter(hangul::Letter letter, std::size_t begin, std::size_t end)
//   visitor.Other(std::string_view text)
// A run is a maximal sequence of syllables with nothing between them; its
// span lives in *buffer and may be changed by the visitor (the sound-change
// stage rewrites it in place). begin/end are byte offsets in `text`.
// Cost: one pass; no allocation once *buffer has grown to the longest run.
//
// With kCheck, the scan also checks that `text` is valid UTF-8 and
// returns false at the first invalid byte (the visitor has then seen part
// of the text); the syllables are checked as they are decoded, so valid
// text is read once. Without it, invalid bytes go to Other unchanged and
// the result is true.
template <bool kCheck = false, typename Visitor>
bool ScanHangul(std::string_view text, std::vector<Syllable>* buffer,
                Visitor& visitor) {
  using namespace scan_internal;
  std::size_t pos = 0;
  std::size_t other_start = 0;
  const std::size_t n = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  // Reads one syllable (precomposed, or L V [T] jamo) at *p, if there is one.
  auto read_syllable = [&](std::size_t* p, Syllable* out) -> bool {
    if (*p >= n) return false;
    const unsigned char b0 = bytes[*p];
    std::size_t next = *p;
    // U+AC00..U+D7A3 are the three bytes EA..ED, 80..BF, 80..BF: decoded
    // here, the commonest case, without a call.
    if (b0 >= 0xEA && b0 <= 0xED && *p + 2 < n &&
        (bytes[*p + 1] & 0xC0) == 0x80 && (bytes[*p + 2] & 0xC0) == 0x80) {
      const char32_t c = (char32_t{b0 & 0x0Fu} << 12) |
                         (char32_t{bytes[*p + 1] & 0x3Fu} << 6) |
                         (bytes[*p + 2] & 0x3Fu);
      if (!IsSyllable(c)) return false;
      *out = Decompose(c);
      next += 3;
    } else if (b0 == 0xE1) {  // U+1000..U+1FFF: conjoining jamo
      std::size_t len = 0;
      const char32_t c = DecodeUtf8(text, *p, &len);
      next += len;
      if (!IsModernLeadJamo(c) || next >= n) return false;
      std::size_t vlen = 0;
      const char32_t v = DecodeUtf8(text, next, &vlen);
      if (!IsModernVowelJamo(v)) return false;
      *out = Syllable{static_cast<std::uint8_t>(c - 0x1100),
                      static_cast<std::uint8_t>(v - 0x1161), kTailNone};
      next += vlen;
    } else {
      return false;
    }
    // A trailing jamo (U+11A8..U+11C2) also starts with E1.
    if (out->tail == kTailNone && next < n && bytes[next] == 0xE1) {
      std::size_t tlen = 0;
      const char32_t t = DecodeUtf8(text, next, &tlen);
      if (IsModernTailJamo(t)) {
        out->tail = static_cast<std::uint8_t>(t - 0x11A7);
        next += tlen;
      }
    }
    *p = next;
    return true;
  };
  while (pos < n) {
    const unsigned char byte = bytes[pos];
    if (byte < 0x80) {
      ++pos;
      continue;
    }
    if (byte < 0xE1) {  // Latin, Cyrillic...: no Hangul below U+1100
      if constexpr (kCheck) {
        std::size_t len = 0;
        if (!ValidAt(text, pos, &len)) return false;
        pos += len;
      } else {
        pos += byte < 0xE0 ? 2 : 3;
        if (pos > n) pos = n;
      }
      continue;
    }
    std::size_t start = pos;
    Syllable s;
    if (read_syllable(&pos, &s)) {
      if (other_start < start) {
        visitor.Other(text.substr(other_start, start - other_start));
      }
      buffer->clear();
      buffer->push_back(s);
      while (read_syllable(&pos, &s)) buffer->push_back(s);
      visitor.Run(std::span<Syllable>(*buffer), start, pos);
      other_start = pos;
      continue;
    }
    std::size_t len = 0;
    char32_t c = DecodeUtf8(text, pos, &len);
    if constexpr (kCheck) {
      if (c == 0xFFFD && len != 3) return false;
    }
    Letter letter = (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3131 && c <= 0x3163)
                        ? LetterOf(c)
                        : Letter{};
    pos += len;
    if (letter.kind != Letter::kNone) {
      if (other_start < start) {
        visitor.Other(text.substr(other_start, start - other_start));
      }
      visitor.Letter(letter, start, pos);
      other_start = pos;
    }
  }
  if (other_start < n) visitor.Other(text.substr(other_start));
  return true;
}

}  // namespace onoma::romanize::hangul

#endif  // ONOMA_LIB_ROMANIZE_HANGUL_H_
