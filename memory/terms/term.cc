#include "memory/terms/term.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <string>
#include <utility>

#include "lib/normalize/inflection_guess.h"
#include "lib/text/utf8.h"

namespace onoma::terms {
namespace {

template <typename E, std::size_t N>
std::optional<E> Parse(
    const std::array<std::pair<std::string_view, E>, N>& table,
    std::string_view name) {
  for (const auto& [n, e] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view NameOf(
    const std::array<std::pair<std::string_view, E>, N>& table, E value) {
  for (const auto& [n, e] : table) {
    if (e == value) return n;
  }
  return "?";
}

constexpr std::array<std::pair<std::string_view, ConceptType>, 4> kTypes = {{
    {"person", ConceptType::kPerson},
    {"place", ConceptType::kPlace},
    {"organization", ConceptType::kOrganization},
    {"other", ConceptType::kOther},
}};
constexpr std::array<std::pair<std::string_view, TermStatus>, 3> kStatuses = {{
    {"preferred", TermStatus::kPreferred},
    {"admitted", TermStatus::kAdmitted},
    {"deprecated", TermStatus::kDeprecated},
}};
constexpr std::array<std::pair<std::string_view, TermType>, 6> kTermTypes = {{
    {"fullForm", TermType::kFullForm},
    {"shortForm", TermType::kShortForm},
    {"acronym", TermType::kAcronym},
    {"abbreviation", TermType::kAbbreviation},
    {"variant", TermType::kVariant},
    {"phrase", TermType::kPhrase},
}};
constexpr std::array<std::pair<std::string_view, MatchKind>, 5> kKinds = {{
    {"exact", MatchKind::kExact},
    {"folded", MatchKind::kFolded},
    {"inflected", MatchKind::kInflected},
    {"romanized", MatchKind::kRomanized},
    {"fuzzy", MatchKind::kFuzzy},
}};

}  // namespace

std::string_view Name(ConceptType type) { return NameOf(kTypes, type); }
std::string_view Name(TermStatus status) { return NameOf(kStatuses, status); }
std::string_view Name(TermType type) { return NameOf(kTermTypes, type); }
std::string_view Name(MatchKind kind) { return NameOf(kKinds, kind); }

std::optional<ConceptType> ParseConceptType(std::string_view name) {
  return Parse(kTypes, name);
}
std::optional<TermStatus> ParseTermStatus(std::string_view name) {
  return Parse(kStatuses, name);
}
std::optional<TermType> ParseTermType(std::string_view name) {
  if (name.empty()) return TermType::kFullForm;
  return Parse(kTermTypes, name);
}

std::optional<ConceptType> MapConceptType(std::string_view value) {
  std::string v;
  for (char c : value) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!v.empty() && v.back() != ' ') v += ' ';
      continue;
    }
    v += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!v.empty() && v.back() == ' ') v.pop_back();
  struct Synonym {
    std::string_view name;
    ConceptType type;
  };
  static constexpr Synonym kSynonyms[] = {
      {"place", ConceptType::kPlace},
      {"location", ConceptType::kPlace},
      {"geography", ConceptType::kPlace},
      {"toponym", ConceptType::kPlace},
      {"city", ConceptType::kPlace},
      {"region", ConceptType::kPlace},
      {"country", ConceptType::kPlace},
      {"gpe", ConceptType::kPlace},
      {"loc", ConceptType::kPlace},
      {"person", ConceptType::kPerson},
      {"people", ConceptType::kPerson},
      {"name", ConceptType::kPerson},
      {"per", ConceptType::kPerson},
      {"anthroponym", ConceptType::kPerson},
      {"organization", ConceptType::kOrganization},
      {"organisation", ConceptType::kOrganization},
      {"agency", ConceptType::kOrganization},
      {"company", ConceptType::kOrganization},
      {"org", ConceptType::kOrganization},
      {"other", ConceptType::kOther},
  };
  for (const Synonym& s : kSynonyms) {
    if (v == s.name) return s.type;
  }
  return std::nullopt;
}

void InferInflections(Concept& c) {
  normalize::ConceptInput input;
  input.slug = c.slug;
  input.is_place = c.type == ConceptType::kPlace;
  input.is_person = c.type == ConceptType::kPerson;
  input.is_organization = c.type == ConceptType::kOrganization;
  for (const Term& t : c.terms) {
    normalize::FormInput& f = input.terms.emplace_back();
    f.lang = t.lang;
    f.form = t.form;
    f.kind = t.type == TermType::kShortForm ? normalize::FormKind::kShortForm
             : t.type == TermType::kAcronym ? normalize::FormKind::kAcronym
             : t.type == TermType::kAbbreviation
                 ? normalize::FormKind::kAbbreviation
             : t.type == TermType::kVariant ? normalize::FormKind::kVariant
             : t.type == TermType::kPhrase  ? normalize::FormKind::kPhrase
                                            : normalize::FormKind::kFullForm;
  }
  for (std::size_t i = 0; i < c.terms.size(); ++i) {
    Term& t = c.terms[i];
    t.inferred_inflection.clear();
    if (!t.inflection.empty()) continue;
    t.inferred_inflection = normalize::GuessInflection(input, input.terms[i]);
  }
}

// Every text the store keeps passes here: at most `max_bytes`
// (lib/util/limits.h), valid UTF-8, and nothing XML cannot carry, since
// `term export` writes TBX and a file onoma cannot read back is no export.
// Refused rather than escaped or dropped: a control character in a name is
// a fault of the file it came from (a stray ESC, a NUL from a broken CSV),
// and the reader names its line.
Status CheckTermText(std::string_view value, std::string_view what,
                     std::size_t max_bytes) {
  if (value.size() > max_bytes) {
    return Status::BadInput(
        std::string(what) + " is " + std::to_string(value.size()) +
        " bytes long; the limit is " + std::to_string(max_bytes) +
        " (docs/terms.md, \"Limits\")");
  }
  Status s = text::ValidateUtf8(value);
  if (!s.ok()) return s.WithContext(what);
  std::size_t at = text::FindNonXmlChar(value);
  if (at != std::string_view::npos) {
    std::size_t i = at;
    char32_t c = 0;
    text::DecodeNext(value, i, c);
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    const std::uint64_t column = text::CountCodePoints(value.substr(0, at)) + 1;
    return Status::BadInput(std::string(what) + " holds " + code +
                            " at character " + std::to_string(column) +
                            (c < 0x20 ? ", a control character" : "") +
                            ", which XML (and so a TBX export) cannot carry")
        .At(Location{"", 0, column, at});
  }
  return Status::Ok();
}

}  // namespace onoma::terms
