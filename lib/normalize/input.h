// What the normalizer is compiled from: a plain model of the term store's
// concepts, independent of memory/ (lib/ never includes from it; cli/
// copies memory/terms/term.h values into these).
//
//   normalize::Input input;
//   normalize::ConceptInput& kyiv = input.concepts.emplace_back();
//   kyiv.slug = "kyiv";
//   kyiv.is_place = true;
//   kyiv.terms.push_back({"en", "Kyiv", Status::kPreferred, Kind::kFullForm});
//   kyiv.terms.push_back({"en", "Kiev", Status::kDeprecated, Kind::kVariant});
//   kyiv.negative_contexts.push_back("Chicken Kiev");
//
// Values only; thread safety as std::string.

#ifndef ONOMA_LIB_NORMALIZE_INPUT_H_
#define ONOMA_LIB_NORMALIZE_INPUT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace onoma::normalize {

// A term's standing, as in the term store (TBX administrativeStatus).
enum class FormStatus : std::uint8_t { kPreferred, kAdmitted, kDeprecated };

// A term's TBX termType, as far as normalizing cares.
enum class FormKind : std::uint8_t {
  kFullForm,
  kShortForm,  // a bare surname or short name: matched only after a mention
  kAcronym,
  kAbbreviation,
  kVariant,  // a spelling variant: rewritten even when admitted
  kPhrase,
};

struct FormInput {
  std::string lang;  // BCP 47 primary tag: "en", "uk", "ru", "ko"
  std::string form;  // as written in copy; need not be NFC
  FormStatus status = FormStatus::kPreferred;
  FormKind kind = FormKind::kFullForm;
  // A declension class from tables/normalize/uk-declension.txt (Ukrainian)
  // or ru-declension.txt (Russian): one for every word ("masc-iv"), one
  // per word separated by spaces ("none none p-masc-hard"), "none" for a
  // form that does not decline, or empty to have it inferred
  // (lib/normalize/inflection_guess.h).
  std::string inflection;

  bool preferred() const { return status == FormStatus::kPreferred; }
};

struct ConceptInput {
  std::string slug;  // "kyiv"; named in reports
  // What the concept is, for inferring how its forms decline
  // (lib/normalize/inflection_guess.h): a place by ending, a person by the
  // rules for personal names, anything else by its head word.
  bool is_place = false;
  bool is_person = false;
  bool is_organization = false;
  std::vector<FormInput> terms;
  // Phrases in which the concept's variants are never rewritten ("Chicken
  // Kiev", "Kievan Rus'"), in any language.
  std::vector<std::string> negative_contexts;
};

struct Input {
  std::vector<ConceptInput> concepts;
};

}  // namespace onoma::normalize

#endif  // ONOMA_LIB_NORMALIZE_INPUT_H_
