#include "cli/term_input.h"

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

}  // namespace onoma::cli
