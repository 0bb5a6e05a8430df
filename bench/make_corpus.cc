// Writes the benchmark corpus to stdout: `make_corpus uk|ru|ko MEGABYTES`.
// The same generated text the Google Benchmark programs read, for the
// whole-command comparisons in bench/compare_romanize.sh.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench/corpus.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_corpus uk|ru|ko MEGABYTES\n");
    return 2;
  }
  std::string lang = argv[1];
  std::size_t bytes = static_cast<std::size_t>(std::atol(argv[2])) << 20;
  auto lines = lang == "ru"   ? onoma::bench::RussianLines(bytes)
               : lang == "ko" ? onoma::bench::KoreanLines(bytes)
                              : onoma::bench::UkrainianLines(bytes);
  for (const std::string& line : lines) {
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
  }
  return 0;
}
