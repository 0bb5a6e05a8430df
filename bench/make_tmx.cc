// Writes the TMX benchmark file to stdout: `make_tmx UNITS`. The generated
// en→uk memory of bench/tmx_corpus.h, for bench/compare_tmx.sh.

#include <cstdio>
#include <cstdlib>

#include "bench/tmx_corpus.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_tmx UNITS\n");
    return 2;
  }
  onoma::bench::WriteTmx(stdout, std::strtoull(argv[1], nullptr, 10));
  return 0;
}
