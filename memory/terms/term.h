// The term store's values: concepts, their terms, and what a lookup finds.
//
// Plain structs with no behaviour beyond naming their enums and checking
// their text (CheckTermText); see
// memory/terms/term_store.h for the store itself. Every string is UTF-8;
// forms are NFC once the store has seen them.
//
// Thread safety: values, as std::string.

#ifndef ONOMA_MEMORY_TERMS_TERM_H_
#define ONOMA_MEMORY_TERMS_TERM_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"

namespace onoma::terms {

enum class ConceptType { kPerson, kPlace, kOrganization, kOther };
enum class TermStatus { kPreferred, kAdmitted, kDeprecated };
// TBX-Basic termType.
enum class TermType {
  kFullForm,
  kShortForm,  // a bare surname: "Zelensky"
  kAcronym,
  kAbbreviation,
  kVariant,  // a spelling variant
  kPhrase,
};
// How a lookup found a concept, best first.
enum class MatchKind { kExact, kFolded, kInflected, kRomanized, kFuzzy };

// The names used in the database, files and JSON ("place", "preferred",
// "shortForm", "inflected").
std::string_view Name(ConceptType type);
std::string_view Name(TermStatus status);
std::string_view Name(TermType type);
std::string_view Name(MatchKind kind);
// The inverse; nullopt for an unknown name. ParseTermType("") is kFullForm,
// as the TSV format says.
std::optional<ConceptType> ParseConceptType(std::string_view name);
std::optional<TermStatus> ParseTermStatus(std::string_view name);
std::optional<TermType> ParseTermType(std::string_view name);
// The concept type that a value of another tool's conceptType or
// subjectField (or a TSV `type` column) stands for, case-insensitively:
// place, location, geography, toponym, city, region, country, GPE ->
// place; person, people, name, PER, anthroponym -> person; organization,
// organisation, agency, company, ORG -> organization; other -> other.
// nullopt for any other value (kept as the concept's subject).
std::optional<ConceptType> MapConceptType(std::string_view value);

struct Term {
  std::int64_t id = 0;  // 0 until stored
  std::string lang;     // BCP 47
  std::string form;
  TermStatus status = TermStatus::kPreferred;
  TermType type = TermType::kFullForm;
  // The declension class the term names (tables/normalize/
  // uk-declension.txt or ru-declension.txt; "none": it does not decline),
  // or empty: then `inferred_inflection` holds the class the store infers
  // (InferInflections), for a Ukrainian or Russian form.
  std::string inflection;
  std::string inferred_inflection;  // not stored: made on every read
  std::string note;
  std::string source;
  // For a term read from a file: false when the file does not say (an
  // OmegaT glossary has no status or term type; a TSV may leave the column
  // out or the cell empty). The value above is then only a default for a
  // new term; an import never lets it overwrite a stored one
  // (TermStore::Import).
  bool status_known = true;
  bool type_known = true;
};

struct Concept {
  std::int64_t id = 0;  // 0 until stored
  std::string slug;     // stable external id: "kyiv"
  ConceptType type = ConceptType::kOther;
  // For a concept read from a file: false when the file does not state its
  // type (an OmegaT glossary, a TSV without a type, a TBX entry without
  // conceptType). `type` is then only the default of a new concept; an
  // import never lets it overwrite a stored type.
  bool type_known = true;
  std::string note;
  std::string source;
  std::string definition;
  std::string subject;
  // Ordered by language, then preferred before admitted before deprecated,
  // then by form.
  std::vector<Term> terms;
  std::vector<std::string> negative_contexts;
};

// One concept found by Lookup, with the best way it matched.
struct LookupHit {
  Concept entry;
  MatchKind match = MatchKind::kExact;
  int score = 0;             // 100 exact ... lower for weaker matches
  std::string matched_form;  // the stored form that matched
  int distance = 0;          // edit distance, for kFuzzy
};

// Sets inferred_inflection of every Ukrainian and Russian term of `c`
// that names no class, from its form, the concept's type and its other
// renderings (lib/normalize/inflection_guess.h); clears it elsewhere.
void InferInflections(Concept& c);

// The class a term declines by: the one it names, else the inferred one.
inline const std::string& EffectiveInflection(const Term& t) {
  return t.inflection.empty() ? t.inferred_inflection : t.inflection;
}

// OK when `value` may be kept as a text of the store: at most `max_bytes`
// (lib/util/limits.h: kMaxTermBytes for a form, kMaxTermNoteBytes for a
// note), valid UTF-8, and no character that XML 1.0 cannot carry (a
// control character but tab, line feed and carriage return; U+FFFE,
// U+FFFF), since `term export` writes TBX. Else kBadInput whose message
// starts with `what` ("the form"); for a character, located at its column
// within `value` (path and line empty, for a reader to add its own). The
// store calls it on every write; the file readers call it per field, to
// name the field's column.
[[nodiscard]] Status CheckTermText(std::string_view value,
                                   std::string_view what,
                                   std::size_t max_bytes);

}  // namespace onoma::terms

#endif  // ONOMA_MEMORY_TERMS_TERM_H_
