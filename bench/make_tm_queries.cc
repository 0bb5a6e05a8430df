// Writes the fuzzy-lookup benchmark's queries for one generated
// memory: `make_tm_queries FILE.tmx UNITS [COUNT [SEED]]`, to stdout, one
// query a line as TSV: number, kind, the tuid it was made from (0: none),
// query text. bench/compare_tm_lookup.sh gives the same lines to onoma and
// to translate-toolkit.
//
// The queries are what a translator meets with a memory of this size: the
// English sources of COUNT (default 200) evenly spaced units of FILE.tmx,
// read back as plain text (inline codes dropped, as a sentence typed or
// pasted from a report has none), each left as it is or changed, by a
// fixed pattern over every 20 queries:
//   exact   3  unchanged
//   number  3  the number changed
//   edit13  5  1-3 words replaced, inserted or deleted
//   edit48  4  4-8 words replaced, inserted or deleted (about 70-85% alike)
//   case    2  the case of 1-2 words changed
//   fresh   3  a new sentence of the generator's words: no match expected
// Taking the units from the memory being searched, rather than from a fixed
// list, gives every size real near matches. Seeded (default 8): the same
// file gives the same queries on every run.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench/tmx_corpus.h"

namespace {

constexpr const char* kPattern[20] = {
    "exact",  "number", "edit13", "edit48", "case",   "fresh", "exact",
    "number", "edit13", "edit48", "edit13", "fresh",  "exact", "number",
    "edit13", "edit48", "case",   "edit13", "edit48", "fresh"};

// The text of a <seg>'s content without its inline codes (<bpt>, <ept>,
// <ph>, <it> with what they hold; any other tag, such as <hi>, alone),
// entities decoded.
std::string PlainText(std::string_view seg) {
  std::string out;
  std::size_t i = 0;
  while (i < seg.size()) {
    if (seg[i] == '<') {
      std::size_t close = seg.find('>', i);
      if (close == std::string_view::npos) break;
      std::string_view tag = seg.substr(i + 1, close - i - 1);
      std::size_t name_end = tag.find_first_of(" />");
      std::string_view name = tag.substr(0, name_end);
      i = close + 1;
      bool code =
          name == "bpt" || name == "ept" || name == "ph" || name == "it";
      if (code && !tag.ends_with("/")) {
        std::string end = "</" + std::string(name) + ">";
        std::size_t e = seg.find(end, i);
        i = e == std::string_view::npos ? seg.size() : e + end.size();
      }
      continue;
    }
    if (seg[i] == '&') {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&lt;", '<'},
          {"&gt;", '>'},
          {"&amp;", '&'},
          {"&quot;", '"'},
          {"&apos;", '\''}};
      bool done = false;
      for (auto [entity, c] : kEntities) {
        if (seg.substr(i).starts_with(entity)) {
          out += c;
          i += entity.size();
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += seg[i++];
  }
  return out;
}

// A word of the sentence and the punctuation after it ("said" ",").
struct Word {
  std::string core;
  std::string tail;
};

std::vector<Word> Split(const std::string& text) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find(' ', i);
    if (end == std::string::npos) end = text.size();
    std::string w = text.substr(i, end - i);
    std::size_t core_end = w.find_last_not_of(".,");
    Word word;
    word.core = w.substr(0, core_end == std::string::npos ? 0 : core_end + 1);
    word.tail = w.substr(word.core.size());
    if (!w.empty()) words.push_back(std::move(word));
    i = end + 1;
  }
  return words;
}

std::string Join(const std::vector<Word>& words) {
  std::string out;
  for (const Word& w : words) {
    if (!out.empty()) out += ' ';
    out += w.core + w.tail;
  }
  return out;
}

bool IsNumber(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

std::string RandomWord(std::mt19937& rng) {
  return onoma::bench::kEnglishWords[rng() %
                                     onoma::bench::kEnglishWords.size()];
}

// `edits` random replacements, insertions and deletions of words, never of
// the number (changing it is the "number" kind) nor of the last word with
// its full stop.
void Edit(std::mt19937& rng, int edits, std::vector<Word>& words) {
  for (int e = 0; e < edits; ++e) {
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::size_t p = rng() % (words.size() - 1);
      if (IsNumber(words[p].core)) continue;
      int op = static_cast<int>(rng() % 3);
      if (op == 0) {
        std::string w = RandomWord(rng);
        if (w == words[p].core) continue;
        if (IsUpper(words[p].core[0]) && IsLower(w[0])) w[0] -= 'a' - 'A';
        words[p].core = w;
      } else if (op == 1) {
        words.insert(words.begin() + static_cast<std::ptrdiff_t>(p) + 1,
                     Word{RandomWord(rng), ""});
      } else {
        if (p == 0 || words.size() < 8) continue;
        words.erase(words.begin() + static_cast<std::ptrdiff_t>(p));
      }
      break;
    }
  }
}

std::string Mutate(std::mt19937& rng, std::string_view kind,
                   const std::string& source) {
  std::vector<Word> words = Split(source);
  if (kind == "number") {
    for (Word& w : words) {
      if (!IsNumber(w.core)) continue;
      std::string n;
      do {
        n = std::to_string(1 + rng() % 99999);
      } while (n == w.core);
      w.core = n;
    }
  } else if (kind == "edit13") {
    Edit(rng, 1 + static_cast<int>(rng() % 3), words);
  } else if (kind == "edit48") {
    Edit(rng, 4 + static_cast<int>(rng() % 5), words);
  } else if (kind == "case") {
    int changes = 1 + static_cast<int>(rng() % 2);
    for (int c = 0; c < changes;) {
      Word& w = words[rng() % words.size()];
      if (w.core.empty() || IsNumber(w.core)) continue;
      char& first = w.core[0];
      if (IsUpper(first)) {
        first += 'a' - 'A';
      } else if (IsLower(first)) {
        first -= 'a' - 'A';
      } else {
        continue;
      }
      ++c;
    }
  }
  return Join(words);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 5) {
    std::fprintf(stderr,
                 "usage: make_tm_queries FILE.tmx UNITS [COUNT [SEED]]\n");
    return 2;
  }
  const char* path = argv[1];
  const std::uint64_t units = std::strtoull(argv[2], nullptr, 10);
  const std::uint64_t count =
      argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 200;
  const unsigned seed =
      argc > 4 ? static_cast<unsigned>(std::strtoul(argv[4], nullptr, 10)) : 8;
  if (units == 0 || count == 0 || count > units) {
    std::fprintf(stderr, "make_tm_queries: need 0 < COUNT <= UNITS\n");
    return 2;
  }

  // The tuid of query i's unit: the middle of the i-th of COUNT equal
  // slices of the memory (the generator numbers units 1..UNITS).
  std::vector<std::uint64_t> wanted(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    wanted[i] = 1 + (2 * i + 1) * units / (2 * count);
  }
  std::vector<std::string> sources(count);

  std::FILE* in = std::fopen(path, "rb");
  if (in == nullptr) {
    std::perror(path);
    return 3;
  }
  constexpr std::string_view kTu = "<tu tuid=\"";
  constexpr std::string_view kEnSeg = "<tuv xml:lang=\"en\"><seg>";
  std::string line;
  char buffer[1 << 16];
  std::uint64_t tuid = 0;
  std::size_t next = 0;
  while (next < count && std::fgets(buffer, sizeof buffer, in) != nullptr) {
    line.assign(buffer);
    while (!line.empty() && line.back() != '\n' &&
           std::fgets(buffer, sizeof buffer, in) != nullptr) {
      line += buffer;
    }
    if (std::size_t p = line.find(kTu); p != std::string::npos) {
      tuid = std::strtoull(line.c_str() + p + kTu.size(), nullptr, 10);
      continue;
    }
    std::size_t p = line.find(kEnSeg);
    if (p == std::string::npos || tuid != wanted[next]) continue;
    std::size_t begin = p + kEnSeg.size();
    std::size_t end = line.find("</seg>", begin);
    sources[next++] = PlainText(std::string_view(line).substr(
        begin, end == std::string::npos ? std::string::npos : end - begin));
  }
  std::fclose(in);
  if (next < count) {
    std::fprintf(stderr,
                 "make_tm_queries: %s: found %zu of the %llu units wanted; "
                 "is UNITS right?\n",
                 path, next, static_cast<unsigned long long>(count));
    return 3;
  }

  std::mt19937 rng(seed);
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string_view kind = kPattern[i % 20];
    std::string query;
    std::uint64_t from = wanted[i];
    if (kind == "fresh") {
      from = 0;
      onoma::bench::AppendSentence(rng, onoma::bench::kEnglishWords, false,
                                   1 + rng() % 9999999, query);
    } else {
      query = Mutate(rng, kind, sources[i]);
    }
    std::printf("%llu\t%.*s\t%llu\t%s\n", static_cast<unsigned long long>(i),
                static_cast<int>(kind.size()), kind.data(),
                static_cast<unsigned long long>(from), query.c_str());
  }
  return 0;
}
