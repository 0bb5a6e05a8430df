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

}  // namespace onoma::bench

#endif  // ONOMA_BENCH_CORPUS_H_
