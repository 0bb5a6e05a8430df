#include "lib/romanize/hangul.h"

#include <string>

namespace onoma::romanize::hangul {
namespace {

// Compatibility consonants U+3131..U+314E in code point order, with the
// lead and tail each stands for (-1: never in that position).
struct CompatConsonant {
  std::int8_t lead;
  std::int8_t tail;
};
constexpr CompatConsonant kCompatConsonants[] = {
    {kLeadG, kTailG},      // ㄱ U+3131
    {kLeadGg, kTailGg},    // ㄲ
    {-1, kTailGs},         // ㄳ
    {kLeadN, kTailN},      // ㄴ
    {-1, kTailNj},         // ㄵ
    {-1, kTailNh},         // ㄶ
    {kLeadD, kTailD},      // ㄷ
    {kLeadDd, -1},         // ㄸ
    {kLeadR, kTailL},      // ㄹ
    {-1, kTailLg},         // ㄺ
    {-1, kTailLm},         // ㄻ
    {-1, kTailLb},         // ㄼ
    {-1, kTailLs},         // ㄽ
    {-1, kTailLt},         // ㄾ
    {-1, kTailLp},         // ㄿ
    {-1, kTailLh},         // ㅀ
    {kLeadM, kTailM},      // ㅁ
    {kLeadB, kTailB},      // ㅂ
    {kLeadBb, -1},         // ㅃ
    {-1, kTailBs},         // ㅄ
    {kLeadS, kTailS},      // ㅅ
    {kLeadSs, kTailSs},    // ㅆ
    {kLeadNone, kTailNg},  // ㅇ
    {kLeadJ, kTailJ},      // ㅈ
    {kLeadJj, -1},         // ㅉ
    {kLeadCh, kTailCh},    // ㅊ
    {kLeadK, kTailK},      // ㅋ
    {kLeadT, kTailT},      // ㅌ
    {kLeadP, kTailP},      // ㅍ
    {kLeadH, kTailH},      // ㅎ U+314E
};
static_assert(sizeof kCompatConsonants / sizeof kCompatConsonants[0] == 30);

}  // namespace

Letter LetterOf(char32_t c) {
  Letter letter;
  if (c >= 0x3131 && c <= 0x314E) {
    const CompatConsonant& k = kCompatConsonants[c - 0x3131];
    letter.kind = Letter::kConsonant;
    letter.lead = k.lead;
    letter.tail = k.tail;
  } else if (c >= 0x314F && c <= 0x3163) {
    letter.kind = Letter::kVowel;
    letter.vowel = static_cast<std::int8_t>(c - 0x314F);
  } else if (c >= 0x1100 && c <= 0x1112) {
    // A lead jamo alone: the same letter as its compatibility form.
    return LetterOf(CompatibilityOfLead(static_cast<int>(c - 0x1100)));
  } else if (c >= 0x1161 && c <= 0x1175) {
    letter.kind = Letter::kVowel;
    letter.vowel = static_cast<std::int8_t>(c - 0x1161);
  } else if (c >= 0x11A8 && c <= 0x11C2) {
    return LetterOf(CompatibilityOfTail(static_cast<int>(c - 0x11A7)));
  }
  return letter;
}

char32_t CompatibilityOfLead(int lead) {
  for (int i = 0; i < 30; ++i) {
    if (kCompatConsonants[i].lead == lead) return 0x3131 + i;
  }
  return 0;
}

char32_t CompatibilityOfVowel(int vowel) { return 0x314F + vowel; }

char32_t CompatibilityOfTail(int tail) {
  for (int i = 0; i < 30; ++i) {
    if (kCompatConsonants[i].tail == tail) return 0x3131 + i;
  }
  return 0;
}

char32_t DecodeUtf8(std::string_view text, std::size_t pos,
                    std::size_t* length) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const std::size_t left = text.size() - pos;
  auto cont = [&](std::size_t i) { return i < left && (p[i] & 0xC0) == 0x80; };
  if (p[0] < 0x80) {
    *length = 1;
    return p[0];
  }
  if (p[0] >= 0xC2 && p[0] < 0xE0 && cont(1)) {
    *length = 2;
    return (char32_t{p[0] & 0x1Fu} << 6) | (p[1] & 0x3Fu);
  }
  if (p[0] >= 0xE0 && p[0] < 0xF0 && cont(1) && cont(2)) {
    char32_t c = (char32_t{p[0] & 0x0Fu} << 12) |
                 (char32_t{p[1] & 0x3Fu} << 6) | (p[2] & 0x3Fu);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
      *length = 3;
      return c;
    }
  }
  if (p[0] >= 0xF0 && p[0] < 0xF5 && cont(1) && cont(2) && cont(3)) {
    char32_t c = (char32_t{p[0] & 0x07u} << 18) |
                 (char32_t{p[1] & 0x3Fu} << 12) |
                 (char32_t{p[2] & 0x3Fu} << 6) | (p[3] & 0x3Fu);
    if (c >= 0x10000 && c <= 0x10FFFF) {
      *length = 4;
      return c;
    }
  }
  *length = 1;
  return 0xFFFD;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool ToSyllables(std::string_view text, std::vector<Syllable>* out) {
  out->clear();
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t length = 0;
    char32_t c = DecodeUtf8(text, pos, &length);
    if (!IsSyllable(c)) return false;
    out->push_back(Decompose(c));
    pos += length;
  }
  return !out->empty();
}

}  // namespace onoma::romanize::hangul
