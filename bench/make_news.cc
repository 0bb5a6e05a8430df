// Writes dense mixed-language news copy to stdout: `make_news TERMBASE_TSV
// KILOBYTES`. Paragraphs (one line each) in English, Ukrainian or Korean in
// turn, of sentences of ordinary words with a name from the termbase in
// every sentence, a fifth of them deprecated variants, Ukrainian names
// sometimes declined and Korean ones followed by a particle: the copy of
// the end-to-end normalize runs in bench/compare_names.py. Fixed seed,
// so every run and every rival reads the same bytes.

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

struct Forms {
  std::vector<std::string> preferred;
  std::vector<std::string> variant;
};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == '\t') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_news TERMBASE_TSV KILOBYTES\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "make_news: cannot read %s\n", argv[1]);
    return 3;
  }
  const std::size_t bytes = std::strtoull(argv[2], nullptr, 10) * 1024;
  const char* kLangs[] = {"en", "uk", "ko"};
  Forms forms[3];
  bool header = false;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    std::vector<std::string> f = SplitTabs(line);
    if (f.size() < 6) continue;
    for (int k = 0; k < 3; ++k) {
      if (f[2] != kLangs[k]) continue;
      if (f[4] == "preferred") forms[k].preferred.push_back(f[3]);
      if (f[4] == "deprecated") forms[k].variant.push_back(f[3]);
    }
  }
  const std::vector<std::string> words[3] = {
      {"the",      "officials", "said",  "on",       "Monday",    "that",
       "forces",   "attacked",  "near",  "the",      "city",      "reported",
       "and",      "of",        "talks", "with",     "residents", "after",
       "shelling", "in",        "a",     "statement"},
      {"у",          "місті", "заявили", "посадовці", "в",
       "понеділок",  "що",    "сили",    "атакували", "біля",
       "повідомили", "та",    "після",   "обстрілу",  "мешканці",
       "переговори", "заяві", "до",      "з",         "на"},
      {"관계자들은", "월요일", "도시", "인근에서", "공격했다고", "밝혔다",
       "군은", "그리고", "보도했다", "지역", "주민", "발표", "회담", "이후",
       "포격", "성명에서"}};
  const char* kEndings[] = {"", "", "а", "у", "ом", "і"};
  const char* kParticles[] = {"", "에서", "는", "를", "의", "이"};
  std::mt19937 rng(16);
  std::size_t written = 0;
  std::string line;
  for (int paragraph = 0; written < bytes; ++paragraph) {
    const int k = paragraph % 3;
    line.clear();
    const int sentences = 3 + static_cast<int>(rng() % 3);
    for (int s = 0; s < sentences; ++s) {
      if (!line.empty()) line += ' ';
      const int length = 8 + static_cast<int>(rng() % 10);
      const int name_at = static_cast<int>(rng() % length);
      for (int w = 0; w < length; ++w) {
        if (w > 0) line += ' ';
        if (w != name_at) {
          std::string word = words[k][rng() % words[k].size()];
          if (w == 0 && k == 0)
            word[0] = static_cast<char>(
                std::toupper(static_cast<unsigned char>(word[0])));
          line += word;
          continue;
        }
        const Forms& f = forms[k];
        const bool variant = !f.variant.empty() && rng() % 5 == 0;
        const std::vector<std::string>& pool =
            variant ? f.variant : f.preferred;
        if (pool.empty()) continue;
        line += pool[rng() % pool.size()];
        if (k == 1) line += kEndings[rng() % std::size(kEndings)];
        if (k == 2) line += kParticles[rng() % std::size(kParticles)];
      }
      line += '.';
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
    written += line.size();
  }
  return 0;
}
