// Names mode (RomanizeOptions::name): RR chapter 3 clause 4 (인명).
//
// "Personal names are written family name first, then a space, then the
// given name. The given name is written as one word in principle; a hyphen
// between its syllables is allowed" (민용하 Min Yongha (Min Yong-ha)), and
// "sound changes in a given name are not written" (한복남 [한봉남] Han
// Boknam (Han Bok-nam), 홍빛나 [홍빈나] Hong Bitna (Hong Bit-na)). The
// family name is found in tables/korean/ko-surnames.txt (two-syllable
// names such as 남궁 and 선우 first) or else taken as the first syllable;
// a family name written apart (윤 석열, 남궁 민수) takes the next run as
// its given name. Every other run is a name of its own, so that a list of
// names (윤석열 이재명 김정은) gives each name as it would alone.
//
// Tested by tests/romanize/korean_rr_test.cc (the notice's name examples,
// tests/data/romanize/ko-rr-notice.tsv) and tests/cli/romanize_cli_test.cc.

#include <algorithm>
#include <string>
#include <utility>

#include "lib/romanize/korean_engine_internal.h"
#include "lib/romanize/korean_table_internal.h"

namespace onoma::romanize::internal {
namespace {

using hangul::Syllable;

bool IsAsciiWord(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) {
      return false;
    }
  }
  return true;
}

const Surname* ExactSurname(const std::vector<Surname>& surnames,
                            std::span<const Syllable> family) {
  for (const Surname& s : surnames) {
    if (std::equal(s.hangul.begin(), s.hangul.end(), family.begin(),
                   family.end())) {
      return &s;
    }
  }
  return nullptr;
}

// A run that can only be a family name written apart from the given name:
// one syllable, or a two-syllable family name of ko-surnames.txt (남궁).
bool IsFamilyNameAlone(const KoreanEngine& engine,
                       std::span<const Syllable> run) {
  return run.size() == 1 ||
         (run.size() == 2 &&
          ExactSurname(engine.data().surnames, run) != nullptr);
}

void WriteName(const KoreanEngine& engine,
               std::span<const TextItem* const> words,
               const RomanizeOptions& options, std::string* out) {
  std::vector<Syllable> family;
  std::vector<Syllable> given;
  if (words.size() >= 2) {
    family = words[0]->run;
    for (std::size_t i = 1; i < words.size(); ++i) {
      given.insert(given.end(), words[i]->run.begin(), words[i]->run.end());
    }
  } else {
    const std::vector<Syllable>& run = words[0]->run;
    const Surname* surname = engine.data().FindSurname(run);
    std::size_t n = surname != nullptr ? surname->hangul.size() : 1;
    family.assign(run.begin(), run.begin() + n);
    given.assign(run.begin() + n, run.end());
  }
  const Surname* surname = ExactSurname(engine.data().surnames, family);
  std::string_view fixed;
  if (surname != nullptr) {
    if (options.name_style == RomanizeOptions::NameStyle::kCommon &&
        !surname->common.empty()) {
      fixed = surname->common.front();
    } else {
      for (const auto& [scheme, form] : surname->by_scheme) {
        if (scheme == engine.id()) fixed = form;
      }
    }
  }
  if (!fixed.empty()) {
    out->append(fixed);
  } else {
    std::size_t start = out->size();
    engine.AppendSyllables(family, /*separator=*/0, options, out);
    CapitalizeAt(out, start);
  }
  if (given.empty()) return;
  out->push_back(' ');
  std::size_t start = out->size();
  const char separator = engine.writer(options).table().given_name_apart
                             ? ' '
                             : (options.name_hyphen ? '-' : 0);
  engine.AppendSyllables(given, separator, options, out);
  CapitalizeAt(out, start);
}

}  // namespace

const Surname* KoreanData::FindSurname(std::span<const Syllable> name) const {
  const Surname* single = nullptr;
  for (const Surname& s : surnames) {
    const std::size_t n = s.hangul.size();
    // A two-syllable family name needs a given name after it.
    if (n >= name.size() || (n == 2 && name.size() < 3)) continue;
    if (!std::equal(s.hangul.begin(), s.hangul.end(), name.begin())) continue;
    if (n == 2) return &s;
    if (single == nullptr) single = &s;
  }
  return single;
}

Status ParseSurnames(std::string_view contents, std::string_view path,
                     KoreanData* data) {
  std::vector<Surname> parsed;
  for (const TableLine& line : SplitTableLines(contents)) {
    if (line.fields.size() < 3) {
      return TableError(path, line, line.fields[0],
                        "expected the family name, its RR form and its "
                        "common spellings");
    }
    Surname s;
    if (!hangul::ToSyllables(line.fields[0].text, &s.hangul) ||
        s.hangul.size() > 2) {
      return TableError(path, line, line.fields[0],
                        "a family name is one or two Hangul syllables");
    }
    if (!IsAsciiWord(line.fields[1].text)) {
      return TableError(path, line, line.fields[1],
                        "the RR form is written in ASCII letters");
    }
    s.rr = std::string(line.fields[1].text);
    std::string_view common = line.fields[2].text;
    while (!common.empty()) {
      std::size_t comma = common.find(',');
      std::string_view one = common.substr(0, comma);
      if (!IsAsciiWord(one)) {
        return TableError(path, line, line.fields[2],
                          "common spellings are ASCII words separated by "
                          "commas, without spaces");
      }
      s.common.emplace_back(one);
      common = comma == std::string_view::npos ? std::string_view()
                                               : common.substr(comma + 1);
    }
    for (std::size_t i = 3; i < line.fields.size(); ++i) {
      std::string_view f = line.fields[i].text;
      std::size_t eq = f.find('=');
      if (eq == std::string_view::npos || eq == 0 || eq + 1 == f.size()) {
        return TableError(path, line, line.fields[i],
                          "expected SCHEME=FORM, e.g. ko-mr=Yi");
      }
      s.by_scheme.emplace_back(std::string(f.substr(0, eq)),
                               std::string(f.substr(eq + 1)));
    }
    if (ExactSurname(parsed, s.hangul) != nullptr) {
      return TableError(path, line, line.fields[0], "family name given twice");
    }
    parsed.push_back(std::move(s));
  }
  std::stable_sort(parsed.begin(), parsed.end(),
                   [](const Surname& a, const Surname& b) {
                     return a.hangul.size() > b.hangul.size();
                   });
  data->surnames = std::move(parsed);
  return Status::Ok();
}

void RomanizeName(const KoreanEngine& engine, std::string_view text,
                  const RomanizeOptions& options, std::string* out) {
  std::vector<TextItem> items = SplitText(text);
  std::size_t i = 0;
  while (i < items.size()) {
    const TextItem& item = items[i];
    if (item.kind == TextItem::kRun) {
      // Each run is a name of its own (윤석열 이재명: two names), except a
      // family name written apart, which takes the run after a single
      // space as its given name (윤 석열, 남궁 민수: one name each).
      std::vector<const TextItem*> words{&item};
      std::size_t j = i + 1;
      if (IsFamilyNameAlone(engine, item.run) && j + 1 < items.size() &&
          items[j].kind == TextItem::kOther &&
          text.substr(items[j].begin, items[j].end - items[j].begin) == " " &&
          items[j + 1].kind == TextItem::kRun) {
        words.push_back(&items[j + 1]);
        j += 2;
      }
      WriteName(engine, words, options, out);
      i = j;
    } else if (item.kind == TextItem::kLetter) {
      std::size_t start = out->size();
      engine.AppendLetter(item.letter, options, out);
      CapitalizeAt(out, start);
      ++i;
    } else {
      out->append(text.substr(item.begin, item.end - item.begin));
      ++i;
    }
  }
}

}  // namespace onoma::romanize::internal
