// A generated en→uk TMX file shaped like a wire service's memory: sentences
// of wire-copy length (18-34 words, about 150-250 bytes a side), numbers and
// capitalised names, one unit in ten with inline codes (<bpt>/<ept> pairs
// and a <ph>), tuid and dates on every unit. Fixed seed: every run and every
// rival reads the same bytes. No third-party text.

#ifndef ONOMA_BENCH_TMX_CORPUS_H_
#define ONOMA_BENCH_TMX_CORPUS_H_

#include <array>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

namespace onoma::bench {

inline constexpr std::array<const char*, 48> kEnglishWords = {
    "the",       "said",      "on",      "Monday",    "government", "officials",
    "minister",  "of",        "in",      "talks",     "with",       "reported",
    "forces",    "border",    "region",  "city",      "after",      "a",
    "statement", "president", "would",   "not",       "comment",    "further",
    "week",      "percent",   "economy", "growth",    "exports",    "agreement",
    "security",  "council",   "meeting", "spokesman", "told",       "reporters",
    "earlier",   "this",      "year",    "people",    "killed",     "attack",
    "villages",  "and",       "to",      "from",      "national",   "election"};

inline constexpr std::array<const char*, 48> kUkrainianWords = {
    "уряд",      "заявив",     "у",          "понеділок",   "посадовці",
    "міністр",   "переговори", "з",          "повідомили",  "сили",
    "кордон",    "область",    "місто",      "після",       "заява",
    "президент", "не",         "коментував", "тиждень",     "відсотків",
    "економіка", "зростання",  "експорт",    "угода",       "безпеки",
    "рада",      "засідання",  "речник",     "журналістам", "раніше",
    "цього",     "року",       "людей",      "загинули",    "атака",
    "села",      "і",          "до",         "від",         "національний",
    "вибори",    "Київ",       "Харків",     "Одеса",       "Львів",
    "Сеул",      "Пхеньян",    "Вашингтон"};

inline constexpr std::array<const char*, 8> kEnglishNames = {
    "Kyiv",  "Kharkiv",   "Odesa",      "Lviv",
    "Seoul", "Pyongyang", "Washington", "Brussels"};

// Appends one sentence of `words` (18-34 of them) to `out`, escaped for
// XML; with `tags`, one word is bold (<bpt>/<ept>) and a <ph> follows.
template <typename Words>
void AppendSentence(std::mt19937& rng, const Words& words, bool tags,
                    std::uint64_t number, std::string& out) {
  const int n = 18 + static_cast<int>(rng() % 17);
  const int bold = tags ? 1 + static_cast<int>(rng() % (n - 1)) : -1;
  for (int i = 0; i < n; ++i) {
    if (i > 0) out += ' ';
    std::string word = words[rng() % words.size()];
    if (i == 0 && word[0] >= 'a' && word[0] <= 'z') word[0] -= 'a' - 'A';
    if (i == bold) {
      out += "<bpt i=\"1\" x=\"1\" type=\"bold\">&lt;b&gt;</bpt>";
      out += word;
      out += "<ept i=\"1\">&lt;/b&gt;</ept>";
    } else {
      out += word;
    }
    if (i == n / 2) {
      out += ' ';
      out += std::to_string(number);
    } else if (rng() % 9 == 0) {
      out += ',';
    }
  }
  out += '.';
  if (tags) out += "<ph x=\"2\">&lt;br/&gt;</ph>";
}

// Writes a TMX 1.4 file of `units` en→uk units to `out`.
inline void WriteTmx(std::FILE* out, std::uint64_t units,
                     unsigned seed = 2026) {
  std::mt19937 rng(seed);
  std::string buffer =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<tmx version=\"1.4\">\n"
      "  <header creationtool=\"onoma-bench\" creationtoolversion=\"1\" "
      "segtype=\"sentence\" o-tmf=\"onoma\" adminlang=\"en\" srclang=\"en\" "
      "datatype=\"plaintext\"/>\n"
      "  <body>\n";
  for (std::uint64_t u = 1; u <= units; ++u) {
    const bool tags = rng() % 10 == 0;
    // Dates spread over 2020-2025, in TMX form.
    char date[20];
    std::snprintf(date, sizeof date, "20%02u%02u%02uT%02u%02u%02uZ",
                  20 + static_cast<unsigned>(rng() % 6),
                  1 + static_cast<unsigned>(rng() % 12),
                  1 + static_cast<unsigned>(rng() % 28),
                  static_cast<unsigned>(rng() % 24),
                  static_cast<unsigned>(rng() % 60),
                  static_cast<unsigned>(rng() % 60));
    buffer += "    <tu tuid=\"";
    buffer += std::to_string(u);
    buffer += "\" creationdate=\"";
    buffer += date;
    buffer += "\" changedate=\"";
    buffer += date;
    buffer += "\">\n      <tuv xml:lang=\"en\"><seg>";
    std::mt19937 twin(static_cast<unsigned>(rng()));
    std::mt19937 twin_uk = twin;
    AppendSentence(twin, kEnglishWords, tags, u, buffer);
    if (rng() % 4 == 0) {
      buffer += ' ';
      buffer += kEnglishNames[rng() % kEnglishNames.size()];
      buffer += '.';
    }
    buffer +=
        "</seg></tuv>\n      <tuv xml:lang=\"uk\" creationid=\"desk\">"
        "<seg>";
    AppendSentence(twin_uk, kUkrainianWords, tags, u, buffer);
    buffer += "</seg></tuv>\n    </tu>\n";
    if (buffer.size() > (1u << 20)) {
      std::fwrite(buffer.data(), 1, buffer.size(), out);
      buffer.clear();
    }
  }
  buffer += "  </body>\n</tmx>\n";
  std::fwrite(buffer.data(), 1, buffer.size(), out);
}

}  // namespace onoma::bench

#endif  // ONOMA_BENCH_TMX_CORPUS_H_
