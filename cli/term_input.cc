#include "cli/term_input.h"

#include <cstdio>
#include <utility>

#include "cli/i18n.h"

namespace onoma::cli {
namespace {

normalize::FormKind KindOf(terms::TermType type) {
  switch (type) {
    case terms::TermType::kShortForm:
      return normalize::FormKind::kShortForm;
    case terms::TermType::kAcronym:
      return normalize::FormKind::kAcronym;
    case terms::TermType::kAbbreviation:
      return normalize::FormKind::kAbbreviation;
    case terms::TermType::kVariant:
      return normalize::FormKind::kVariant;
    case terms::TermType::kPhrase:
      return normalize::FormKind::kPhrase;
    case terms::TermType::kFullForm:
      break;
  }
  return normalize::FormKind::kFullForm;
}

normalize::FormStatus StatusOf(terms::TermStatus status) {
  switch (status) {
    case terms::TermStatus::kAdmitted:
      return normalize::FormStatus::kAdmitted;
    case terms::TermStatus::kDeprecated:
      return normalize::FormStatus::kDeprecated;
    case terms::TermStatus::kPreferred:
      break;
  }
  return normalize::FormStatus::kPreferred;
}

}  // namespace

Result<normalize::Input> ReadStore(terms::TermStore& store) {
  normalize::Input input;
  Status s = store.List([&](const terms::Concept& c) {
    normalize::ConceptInput& out = input.concepts.emplace_back();
    out.slug = c.slug;
    out.is_place = c.type == terms::ConceptType::kPlace;
    out.is_person = c.type == terms::ConceptType::kPerson;
    out.is_organization = c.type == terms::ConceptType::kOrganization;
    out.negative_contexts = c.negative_contexts;
    for (const terms::Term& t : c.terms) {
      out.terms.push_back(normalize::FormInput{
          t.lang, t.form, StatusOf(t.status), KindOf(t.type), t.inflection});
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return input;
}

Result<terms::NameIndex> OpenNames(sqlite::Database& db,
                                   const std::string& what,
                                   const terms::NameIndexOptions& options) {
  auto index = terms::OpenNameIndex(
      db,
      [&db]() -> Result<normalize::Input> {
        terms::TermStore store(db);
        return ReadStore(store);
      },
      options);
  if (index.ok() && !index->not_kept.empty()) {
    const std::string line =
        "onoma: " + what + ": " +
        Format(Tr("the term store's names are compiled in memory for this "
                  "run, not kept in a name index ({0})"),
               {index->not_kept}) +
        '\n';
    std::fputs(line.c_str(), stderr);
  }
  return index;
}

Result<terms::NameIndex> OpenNames(store::Connection& db,
                                   const std::string& what,
                                   const terms::NameIndexOptions& options) {
  if (sqlite::Database* file = db.sqlite()) {
    return OpenNames(*file, what, options);
  }
  terms::TermStore store(db);
  auto input = ReadStore(store);
  if (!input.ok()) return input.status();
  auto matcher = normalize::Matcher::Compile(*input);
  if (!matcher.ok()) return matcher.status();
  terms::NameIndex index{std::move(*matcher), {}, false, {}, {}, 0};
  index.size = index.matcher.image_size();
  return index;
}

}  // namespace onoma::cli
