// Helpers shared by the Korean romanization tests: the schemes, built once,
// and the golden files of tests/data/romanize/ko-*.tsv.

#ifndef ONOMA_TESTS_ROMANIZE_KOREAN_TEST_UTIL_H_
#define ONOMA_TESTS_ROMANIZE_KOREAN_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lib/romanize/korean.h"
#include "lib/romanize/scheme.h"
#include "tests/support/shared_corpora.h"

namespace onoma::romanize::korean_test {

inline const std::vector<std::unique_ptr<Scheme>>& Schemes() {
  static const auto* const kSchemes =
      new std::vector<std::unique_ptr<Scheme>>(MakeKoreanSchemes());
  return *kSchemes;
}

inline const Scheme& SchemeById(std::string_view id) {
  for (const auto& s : Schemes()) {
    if (s->id() == id) return *s;
  }
  ADD_FAILURE() << "no scheme " << id;
  return *Schemes().front();
}

inline const Scheme& Rr() { return SchemeById("ko-rr"); }
inline const Scheme& Translit() { return SchemeById("ko-rr-translit"); }
inline const Scheme& Mr() { return SchemeById("ko-mr"); }

// One line of a golden file: its tab-separated fields.
struct Row {
  int line = 0;
  std::vector<std::string> fields;
};

inline std::vector<Row> LoadRows(const std::string& file, std::size_t columns) {
  std::vector<Row> rows;
  std::ifstream in(testing::TestDataDir() / "romanize" / file);
  EXPECT_TRUE(in.good()) << "missing tests/data/romanize/" << file;
  std::string text;
  int number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty() || text[0] == '#') continue;
    Row row{number, {}};
    std::size_t start = 0;
    while (true) {
      std::size_t tab = text.find('\t', start);
      row.fields.push_back(text.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    EXPECT_EQ(row.fields.size(), columns) << file << ":" << number;
    if (row.fields.size() == columns) rows.push_back(std::move(row));
  }
  return rows;
}

// The options a mode column names (see the headers of the .tsv files).
inline RomanizeOptions OptionsFor(std::string_view mode) {
  RomanizeOptions o;
  if (mode == "plain") return o;
  if (mode == "cap") {
    o.capitalize = true;
  } else if (mode == "place") {
    o.place = true;
  } else if (mode == "place-omit") {
    o.place = true;
    o.omit_unit_suffix = true;
  } else if (mode == "name") {
    o.name = true;
  } else if (mode == "name-joined") {
    o.name = true;
    o.name_hyphen = false;
  } else if (mode == "name-common") {
    o.name = true;
    o.name_style = RomanizeOptions::NameStyle::kCommon;
  } else if (mode == "misread") {
    o.capitalize = true;
    o.misreading_hyphen = true;
  } else if (mode == "misread-plain") {
    o.misreading_hyphen = true;
  } else if (mode == "ascii") {
    o.ascii = true;
  } else if (mode == "cap-ascii") {
    o.capitalize = true;
    o.ascii = true;
  } else if (mode == "name-ascii") {
    o.name = true;
    o.ascii = true;
  } else if (mode == "place-ascii") {
    o.place = true;
    o.ascii = true;
  } else {
    ADD_FAILURE() << "unknown mode " << mode;
  }
  return o;
}

}  // namespace onoma::romanize::korean_test

#endif  // ONOMA_TESTS_ROMANIZE_KOREAN_TEST_UTIL_H_
