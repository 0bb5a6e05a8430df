// Writes a generated termbase for benchmarks: `make_termbase CONCEPTS`,
// the TSV that `onoma term import` reads, to stdout; with `--queries N`,
// N term lookups a desk would make of it instead, one a line.
//
// Each concept is a place name of 3-5 random syllables with a final
// consonant (so that Ukrainian case endings apply), rendered in en
// (preferred, plus a deprecated spelling with a doubled consonant), uk, ru
// and ko: 5 terms a concept. The queries cycle through the kinds a desk
// types: the preferred English form, the deprecated one, the Ukrainian
// locative (-і), the Korean form, and an English typo (two letters
// swapped). Fixed seed: every run writes the same bytes. No third-party
// text.

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

struct Syllable {
  const char* latin;
  const char* uk;
  const char* ru;
  const char* ko;
};

constexpr Syllable kSyllables[] = {
    {"ka", "ка", "ка", "카"}, {"ri", "рі", "ри", "리"},
    {"mo", "мо", "мо", "모"}, {"ku", "ку", "ку", "쿠"},
    {"ne", "не", "не", "네"}, {"ta", "та", "та", "타"},
    {"pi", "пі", "пи", "피"}, {"so", "со", "со", "소"},
    {"la", "ла", "ла", "라"}, {"do", "до", "до", "도"},
    {"vi", "ві", "ви", "비"}, {"ha", "ха", "ха", "하"},
    {"mu", "му", "му", "무"}, {"se", "се", "се", "세"},
    {"no", "но", "но", "노"}, {"ti", "ті", "ти", "티"},
};

struct Name {
  std::string en, en_old, uk, ru, ko;
};

// Upper-cases the first letter: ASCII, or a two-byte Cyrillic letter of
// the syllables above (а-я, і).
std::string Capital(std::string s) {
  if (s[0] >= 'a' && s[0] <= 'z') {
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
  }
  static const char* const kPairs[][2] = {
      {"к", "К"}, {"р", "Р"}, {"м", "М"}, {"н", "Н"}, {"т", "Т"}, {"п", "П"},
      {"с", "С"}, {"л", "Л"}, {"д", "Д"}, {"в", "В"}, {"х", "Х"}};
  for (const auto& pair : kPairs) {
    if (s.compare(0, 2, pair[0]) == 0) return pair[1] + s.substr(2);
  }
  return s;
}

std::vector<Name> MakeNames(int count) {
  std::mt19937 rng(20261207);
  std::uniform_int_distribution<int> length(3, 5);
  std::uniform_int_distribution<int> pick(0, std::size(kSyllables) - 1);
  std::set<std::string> seen;
  std::vector<Name> names;
  while (static_cast<int>(names.size()) < count) {
    Name n;
    const int k = length(rng);
    for (int i = 0; i < k; ++i) {
      const Syllable& s = kSyllables[pick(rng)];
      n.en += s.latin;
      n.uk += s.uk;
      n.ru += s.ru;
      n.ko += s.ko;
    }
    if (!seen.insert(n.en).second) continue;
    // The old spelling doubles the first consonant after the first vowel.
    n.en_old = n.en.substr(0, 2) + n.en[2] + n.en.substr(2) + "n";
    n.en += "n";
    n.uk += "н";
    n.ru += "н";
    n.en = Capital(n.en);
    n.en_old = Capital(n.en_old);
    n.uk = Capital(n.uk);
    n.ru = Capital(n.ru);
    names.push_back(std::move(n));
  }
  return names;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && !(argc == 4 && std::strcmp(argv[2], "--queries") == 0)) {
    std::fprintf(stderr, "usage: make_termbase CONCEPTS [--queries N]\n");
    return 2;
  }
  const int count = std::atoi(argv[1]);
  const std::vector<Name> names = MakeNames(count);
  if (argc == 4) {
    const int queries = std::atoi(argv[3]);
    std::mt19937 rng(8);
    std::uniform_int_distribution<int> pick(0, count - 1);
    for (int i = 0; i < queries; ++i) {
      const Name& n = names[pick(rng)];
      std::string q;
      switch (i % 5) {
        case 0:
          q = n.en;
          break;
        case 1:
          q = n.en_old;
          break;
        case 2:
          q = n.uk + "і";
          break;
        case 3:
          q = n.ko;
          break;
        default:
          q = n.en;
          std::swap(q[2], q[3]);
      }
      std::printf("%s\n", q.c_str());
    }
    return 0;
  }
  std::printf("concept\ttype\tlang\tform\tstatus\tterm_type\tnote\tsource\n");
  for (int i = 0; i < count; ++i) {
    const Name& n = names[i];
    const std::string slug = "c" + std::to_string(i);
    auto row = [&](const char* lang, const std::string& form,
                   const char* status, const char* term_type) {
      std::printf("%s\tplace\t%s\t%s\t%s\t%s\t\tbench\n", slug.c_str(), lang,
                  form.c_str(), status, term_type);
    };
    row("en", n.en, "preferred", "");
    row("en", n.en_old, "deprecated", "variant");
    row("uk", n.uk, "preferred", "");
    row("ru", n.ru, "preferred", "");
    row("ko", n.ko, "preferred", "");
  }
  return 0;
}
