// Generated benchmark input: text shaped like wire copy (words of realistic
// length, capitals, punctuation, numbers, line breaks) from a fixed seed, so
// that every run and every rival reads the same bytes. No third-party text.

#ifndef ONOMA_BENCH_CORPUS_H_
#define ONOMA_BENCH_CORPUS_H_

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace onoma::bench {

// Lines of about 150 bytes drawn from `alphabet` (UTF-8 letters, lower
// case, with their capitals in `capitals` at the same positions), up to
// `bytes` in all.
inline std::vector<std::string> MakeLines(const std::vector<std::string>& lower,
                                          const std::vector<std::string>& upper,
                                          std::size_t bytes,
                                          unsigned seed = 2026) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> letter(0, lower.size() - 1);
  std::uniform_int_distribution<int> word_len(2, 11);
  std::vector<std::string> lines;
  std::size_t total = 0;
  while (total < bytes) {
    std::string line;
    while (line.size() < 150) {
      int n = word_len(rng);
      bool capital = rng() % 6 == 0;
      bool caps = rng() % 40 == 0;
      for (int i = 0; i < n; ++i) {
        std::size_t k = letter(rng);
        line += (caps || (capital && i == 0)) ? upper[k] : lower[k];
      }
      switch (rng() % 12) {
        case 0:
          line += ", ";
          break;
        case 1:
          line += ". ";
          break;
        case 2:
          line += ' ';
          line += std::to_string(rng() % 2030);
          line += ' ';
          break;
        default:
          line += ' ';
      }
    }
    total += line.size() + 1;
    lines.push_back(std::move(line));
  }
  return lines;
}

inline std::vector<std::string> Letters(std::string_view utf8) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t len = 1;
    unsigned char b = static_cast<unsigned char>(utf8[i]);
    if (b >= 0xF0)
      len = 4;
    else if (b >= 0xE0)
      len = 3;
    else if (b >= 0xC0)
      len = 2;
    out.emplace_back(utf8.substr(i, len));
    i += len;
  }
  return out;
}

inline std::vector<std::string> UkrainianLines(std::size_t bytes) {
  return MakeLines(Letters("аабвгґдеєжзииіїйклмннооопрсттуфхцчшщьюя’"),
                   Letters("ААБВГҐДЕЄЖЗИИІЇЙКЛМННОООПРСТТУФХЦЧШЩЬЮЯ’"), bytes);
}

inline std::vector<std::string> RussianLines(std::size_t bytes) {
  return MakeLines(Letters("аабвгдеёжзиийклмннооопрсттуфхцчшщъыьэюя"),
                   Letters("ААБВГДЕЁЖЗИИЙКЛМННОООПРСТТУФХЦЧШЩЪЫЬЭЮЯ"), bytes);
}

// Lines of about 150 bytes of Hangul words (syllables weighted towards
// the common ones of news copy, with rarer ones mixed in), particles,
// spaces, punctuation, and now and then a Latin acronym or a number.
// Syllables frequent in Korean news text, most frequent first (a list made
// for this benchmark; the weights only need to be plausible).
inline constexpr std::string_view kCommonHangul =
    "이다의는에한국하고을를가지대기사로서인정부자도시일수전장"
    "리소상제주동경원민업중과들생고화공보방해통문부관발선여적"
    "회위성연실신반강무미비재유세출계당안임개학북만명것우조표"
    "요구다나오내등분현산금교결행터진청와외력간체영약법차총석"
    "남양선물열월년억원달러은행협력특별광역군면읍관련밝혔다";

inline std::vector<std::string> KoreanLines(std::size_t bytes,
                                            unsigned seed = 2000) {
  std::vector<std::string> common;
  for (std::size_t i = 0; i < kCommonHangul.size(); i += 3) {
    common.emplace_back(kCommonHangul.substr(i, 3));
  }
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> pick_common(0, common.size() - 1);
  std::uniform_int_distribution<int> pick_any(0, 11171);
  std::uniform_int_distribution<int> word_len(1, 5);
  static constexpr const char* kParticles[] = {"은", "는", "이", "가",   "을",
                                               "를", "의", "에", "에서", "로"};
  static constexpr const char* kLatin[] = {"KBS", "UN",      "AI",
                                           "G20", "Samsung", "NATO"};
  std::vector<std::string> lines;
  std::size_t total = 0;
  while (total < bytes) {
    std::string line;
    while (line.size() < 150) {
      unsigned kind = rng() % 20;
      if (kind == 0) {
        line += kLatin[rng() % 6];
      } else if (kind == 1) {
        line += std::to_string(rng() % 3000);
      } else {
        int n = word_len(rng);
        for (int i = 0; i < n; ++i) {
          if (rng() % 5 == 0) {
            // U+AC00 + n, three bytes of UTF-8.
            const int cp = 0xAC00 + pick_any(rng);
            line += static_cast<char>(0xE0 | (cp >> 12));
            line += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            line += static_cast<char>(0x80 | (cp & 0x3F));
          } else {
            line += common[pick_common(rng)];
          }
        }
        if (rng() % 2 == 0) line += kParticles[rng() % 10];
      }
      switch (rng() % 14) {
        case 0:
          line += ", ";
          break;
        case 1:
          line += ". ";
          break;
        case 2:
          line += " \xE2\x80\x9C";
          break;  // “
        case 3:
          line += "\xE2\x80\x9D ";
          break;  // ”
        default:
          line += ' ';
          break;
      }
    }
    total += line.size() + 1;
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace onoma::bench

#endif  // ONOMA_BENCH_CORPUS_H_
