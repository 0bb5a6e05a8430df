#include "memory/terms/term.h"

#include <array>
#include <utility>

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

}  // namespace onoma::terms
