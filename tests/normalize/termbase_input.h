// The bundled termbase (tables/termbase/news.tsv) as a normalize::Input,
// read directly so that the library's tests need no term store.

#ifndef ONOMA_TESTS_NORMALIZE_TERMBASE_INPUT_H_
#define ONOMA_TESTS_NORMALIZE_TERMBASE_INPUT_H_

#include <fstream>
#include <string>
#include <vector>

#include "lib/normalize/input.h"
#include "tests/support/shared_corpora.h"

namespace onoma::normalize::testing {

inline std::vector<std::string> SplitTabs(const std::string& line) {
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

inline FormKind KindOf(const std::string& name) {
  if (name == "shortForm") return FormKind::kShortForm;
  if (name == "acronym") return FormKind::kAcronym;
  if (name == "abbreviation") return FormKind::kAbbreviation;
  if (name == "variant") return FormKind::kVariant;
  if (name == "phrase") return FormKind::kPhrase;
  return FormKind::kFullForm;
}

inline Input NewsTermbase() {
  std::ifstream in(onoma::testing::TestDataDir().parent_path().parent_path() /
                   "tables/termbase/news.tsv");
  Input input;
  bool header = false;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    std::vector<std::string> f = SplitTabs(line);
    if (f.size() < 6) continue;
    if (input.concepts.empty() || input.concepts.back().slug != f[0]) {
      input.concepts.emplace_back();
      input.concepts.back().slug = f[0];
      input.concepts.back().is_place = f[1] == "place";
      input.concepts.back().is_person = f[1] == "person";
      input.concepts.back().is_organization = f[1] == "organization";
    }
    ConceptInput& c = input.concepts.back();
    if (f[4] == "negative") {
      c.negative_contexts.push_back(f[3]);
      continue;
    }
    FormInput t;
    t.lang = f[2];
    t.form = f[3];
    t.status = f[4] == "preferred"  ? FormStatus::kPreferred
               : f[4] == "admitted" ? FormStatus::kAdmitted
                                    : FormStatus::kDeprecated;
    t.kind = KindOf(f[5]);
    c.terms.push_back(t);
  }
  return input;
}

}  // namespace onoma::normalize::testing

#endif  // ONOMA_TESTS_NORMALIZE_TERMBASE_INPUT_H_
