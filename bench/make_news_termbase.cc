// Writes a termbase of N concepts to stdout, as onoma's TSV
// (docs/terms.md): `make_news_termbase NEWS_TSV CONCEPTS`. The first concepts
// are those of the bundled termbase (tables/termbase/news.tsv, 429), the
// rest generated place names from random syllables with a fixed seed, each
// with a preferred form in en, uk and ko and one deprecated variant in one
// of the three (4 terms a concept: 100k concepts hold about 400k terms).
// For the start-up and throughput runs of bench/compare_names.py.

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "bench/name_syllables.h"

using onoma::bench::CapitalizeCyrillic;
using onoma::bench::kSyllables;
using onoma::bench::Syllable;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_news_termbase NEWS_TSV CONCEPTS\n");
    return 2;
  }
  const long wanted = std::atol(argv[2]);
  std::ifstream news(argv[1]);
  if (!news) {
    std::fprintf(stderr, "make_news_termbase: cannot read %s\n", argv[1]);
    return 3;
  }
  std::cout << "concept\ttype\tlang\tform\tstatus\tterm_type\tnote\tsource\n";
  long concepts = 0;
  std::string last;
  bool header = false;
  for (std::string line; std::getline(news, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    std::string slug = line.substr(0, line.find('\t'));
    if (slug != last) {
      if (concepts == wanted) break;
      ++concepts;
      last = slug;
    }
    std::cout << line << '\n';
  }
  std::mt19937 rng(6);
  for (long i = 0; concepts < wanted; ++i, ++concepts) {
    std::string en, uk, ko;
    int syllables = 3 + static_cast<int>(rng() % 3);
    for (int k = 0; k < syllables; ++k) {
      const Syllable& s = kSyllables[rng() % std::size(kSyllables)];
      en += s.latin;
      uk += s.uk;
      ko += s.ko;
    }
    en[0] = static_cast<char>(en[0] - 32);
    uk += "в";  // a masculine place name that declines: Корінав, Корінава
    CapitalizeCyrillic(uk);
    const std::string slug = "gen-" + std::to_string(i);
    auto row = [&](const char* lang, const std::string& form,
                   const char* status, const char* type) {
      std::cout << slug << "\tplace\t" << lang << '\t' << form << '\t' << status
                << '\t' << type << "\t\t\n";
    };
    row("en", en, "preferred", "fullForm");
    row("uk", uk, "preferred", "fullForm");
    row("ko", ko, "preferred", "fullForm");
    switch (i % 3) {
      case 0:
        row("en", en + "e", "deprecated", "variant");
        break;
      case 1:
        row("uk", "Ст" + uk, "deprecated", "variant");
        break;
      default:
        row("ko", ko + "흐", "deprecated", "variant");
        break;
    }
  }
  return 0;
}
