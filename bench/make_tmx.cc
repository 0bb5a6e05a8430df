// Writes the TMX benchmark file to stdout: `make_tmx UNITS [SEED]`. The
// generated en→uk memory of bench/tmx_corpus.h, for bench/compare_tmx.sh;
// another SEED gives other units (bench/tm_engines.sh's many files).

#include <cstdio>
#include <cstdlib>

#include "bench/tmx_corpus.h"

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::fprintf(stderr, "usage: make_tmx UNITS [SEED]\n");
    return 2;
  }
  const unsigned seed =
      argc == 3 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10))
                : 2026;
  onoma::bench::WriteTmx(stdout, std::strtoull(argv[1], nullptr, 10), seed);
  return 0;
}
