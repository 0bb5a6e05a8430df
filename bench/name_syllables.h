// The syllables generated place names are made of, in English, Ukrainian
// and Korean spelling, for the normalizer's benchmark and the termbase
// bench/compare_names.py runs on (make_news_termbase): one table, so both
// make the same names from the same seed.

#ifndef ONOMA_BENCH_NAME_SYLLABLES_H_
#define ONOMA_BENCH_NAME_SYLLABLES_H_

#include <string>

namespace onoma::bench {

struct Syllable {
  const char* latin;
  const char* uk;
  const char* ko;
};

inline constexpr Syllable kSyllables[] = {
    {"ka", "ка", "카"}, {"ko", "ко", "코"}, {"ri", "рі", "리"},
    {"na", "на", "나"}, {"to", "то", "토"}, {"mi", "мі", "미"},
    {"su", "су", "수"}, {"le", "ле", "레"}, {"vo", "во", "보"},
    {"da", "да", "다"}, {"pe", "пе", "페"}, {"hu", "гу", "후"},
    {"zo", "зо", "조"}, {"ba", "ба", "바"}, {"ni", "ні", "니"},
    {"ru", "ру", "루"}};

// Upper-cases the first letter of `s` when it is a Cyrillic letter of the
// syllables above (а..п: D0 B0..BF; р..я: D1 80..8F).
inline void CapitalizeCyrillic(std::string& s) {
  auto lead = static_cast<unsigned char>(s[0]);
  auto b = static_cast<unsigned char>(s[1]);
  if (lead == 0xD0 && b >= 0xB0) {
    s[1] = static_cast<char>(b - 0x20);
  } else if (lead == 0xD1) {
    s[0] = static_cast<char>(0xD0);
    s[1] = static_cast<char>(b + 0x20);
  }
}

}  // namespace onoma::bench

#endif  // ONOMA_BENCH_NAME_SYLLABLES_H_
