// What Matcher::Compile produces and DocumentNormalizer reads: the
// automaton, each folded pattern's entries, and each concept's preferred
// forms per language. For lib/normalize/*.cc only.

#ifndef ONOMA_LIB_NORMALIZE_COMPILED_TERMS_INTERNAL_H_
#define ONOMA_LIB_NORMALIZE_COMPILED_TERMS_INTERNAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lib/normalize/automaton_internal.h"
#include "lib/normalize/declension.h"
#include "lib/normalize/input.h"
#include "lib/normalize/surface.h"

namespace onoma::normalize::internal {

// Whether `kind` is a shortening by letters (NATO, США, 충북).
inline bool IsAbbreviated(FormKind kind) {
  return kind == FormKind::kAcronym || kind == FormKind::kAbbreviation;
}

// One reading of a folded pattern: a form of a concept in a language,
// possibly declined, or a negative context of the concept.
struct Entry {
  std::uint32_t concept_index = 0;
  std::uint16_t lang = 0;  // index into CompiledTerms::langs
  FormStatus status = FormStatus::kPreferred;
  FormKind kind = FormKind::kFullForm;
  Case grammatical_case = Case::kNom;
  bool plural = false;  // with grammatical_case: the plural of that case
  EndingStyle style = EndingStyle::kStandard;  // of a dative or locative
  bool also_vocative = false;                  // the form is the vocative too
  // The case pattern of the form as stored (NATO: kUpper), which a found
  // form written the same way does not carry over.
  CasePattern stored_case = CasePattern::kAsStored;
  // Whether the form was compiled in its cases, so that grammatical_case
  // is the case it stands in; false for an indeclinable form (a Ukrainian
  // acronym: НАТО, США), which stands in every case.
  bool declines = false;
  bool negative = false;
};

struct Pattern {
  std::uint32_t length = 0;  // folded bytes
  std::uint32_t first_entry = 0;
  std::uint32_t entry_count = 0;
};

// A concept's preferred forms in one language.
struct Preferred {
  std::uint16_t lang = 0;
  std::string full;  // empty when the language has none
  std::string full_inflection;
  FormKind full_kind = FormKind::kFullForm;
  std::string short_form;
  std::string short_inflection;
  // An admitted short form, which stands in for a deprecated one when the
  // language has no preferred short form (Пєсков for Песков).
  std::string admitted_short;
  std::string admitted_short_inflection;
};

struct ConceptData {
  std::string slug;
  bool is_place = false;
  bool is_person = false;
  std::vector<Preferred> preferred;
};

struct CompiledTerms {
  Automaton automaton;
  std::vector<Pattern> patterns;
  std::vector<Entry> entries;
  // Entry index -> its form as stored (declined, NFC), kept only for the
  // entries of a pattern whose forms differ in letter case (Нато, НАТО),
  // to tell them apart by how the text writes the name.
  std::unordered_map<std::uint32_t, std::string> surfaces;
  std::vector<ConceptData> concepts;
  std::vector<std::string> langs;
  const Declension* declension = nullptr;     // Ukrainian; static storage
  const Declension* declension_ru = nullptr;  // Russian; static storage
  // The most word segments (UAX #29, whitespace not counted) of any form.
  std::size_t max_form_words = 0;

  // The preferred forms of `concept_index` in `lang`; nullptr when none.
  const Preferred* PreferredIn(std::uint32_t concept_index,
                               std::uint16_t lang) const {
    for (const Preferred& p : concepts[concept_index].preferred) {
      if (p.lang == lang) return &p;
    }
    return nullptr;
  }
  // The declension table of language index `lang`; nullptr when the
  // language has none.
  const Declension* DeclensionFor(std::uint16_t lang) const {
    if (lang >= langs.size()) return nullptr;
    if (langs[lang] == "uk") return declension;
    if (langs[lang] == "ru") return declension_ru;
    return nullptr;
  }
  // `form` (of class `klass`) declined by the table of language index
  // `lang`: as Declension::Decline, and `form` itself in the nominative
  // singular of a language without a table.
  std::optional<std::string> Decline(
      std::uint16_t lang, std::string_view form, std::string_view klass, Case c,
      bool plural, EndingStyle style = EndingStyle::kStandard) const {
    const Declension* table = DeclensionFor(lang);
    if (table == nullptr) {
      if (c == Case::kNom && !plural) return std::string(form);
      return std::nullopt;
    }
    return table->Decline(form, klass, c, plural, style);
  }
  // The surface of entry `i`, or empty when its pattern needs none.
  std::string_view Surface(std::uint32_t i) const {
    auto it = surfaces.find(i);
    return it == surfaces.end() ? std::string_view()
                                : std::string_view(it->second);
  }
  // The index of `lang`, or kNoLang.
  static constexpr std::uint16_t kNoLang = 0xFFFF;
  std::uint16_t LangIndex(std::string_view lang) const {
    for (std::size_t i = 0; i < langs.size(); ++i) {
      if (langs[i] == lang) return static_cast<std::uint16_t>(i);
    }
    return kNoLang;
  }
};

}  // namespace onoma::normalize::internal

#endif  // ONOMA_LIB_NORMALIZE_COMPILED_TERMS_INTERNAL_H_
