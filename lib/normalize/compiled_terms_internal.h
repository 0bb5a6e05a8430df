// What Matcher::Compile produces and DocumentNormalizer reads: the
// automaton, each folded pattern's entries, and each concept's preferred
// forms per language, all fixed-size records over one pool of strings, so
// that the same views read an image built in memory and one mapped from a
// name index on disk. For lib/normalize/*.cc only.

#ifndef ONOMA_LIB_NORMALIZE_COMPILED_TERMS_INTERNAL_H_
#define ONOMA_LIB_NORMALIZE_COMPILED_TERMS_INTERNAL_H_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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
// possibly declined, or a negative context of the concept. 6 bytes, kept
// as they are in the image (compiled_image_internal.h), packed: the
// concept in 24 bits and the language in 8 (Matcher::Compile refuses a
// store of more), then the rest in bit fields of two bytes, each wide
// enough for every value of its type (a value past the last, read from a
// damaged image, is refused by the checks of every record).
#pragma pack(push, 1)
struct Entry {
  static constexpr std::uint32_t kMaxConcepts = 1u << 24;
  static constexpr std::uint32_t kMaxLangs = 1u << 8;
  std::uint32_t concept_index : 24 = 0;
  std::uint32_t lang : 8 = 0;  // index into CompiledTerms::langs
  FormStatus status : 2 = FormStatus::kPreferred;
  FormKind kind : 3 = FormKind::kFullForm;
  Case grammatical_case : 3 = Case::kNom;
  bool plural : 1 = false;  // with grammatical_case: the plural of that case
  EndingStyle style : 2 = EndingStyle::kStandard;  // of a dative or locative
  bool also_vocative : 1 = false;  // the form is the vocative too
  // The case pattern of the form as stored (NATO: kUpper), which a found
  // form written the same way does not carry over.
  CasePattern stored_case : 2 = CasePattern::kAsStored;
  // Whether the form was compiled in its cases, so that grammatical_case
  // is the case it stands in; false for an indeclinable form (a Ukrainian
  // acronym: НАТО, США), which stands in every case.
  bool declines : 1 = false;
  bool negative : 1 = false;
};
#pragma pack(pop)
static_assert(sizeof(Entry) == 6);

// Bytes of CompiledTerms::strings.
struct StringRef {
  std::uint32_t begin = 0;
  std::uint32_t size = 0;
};

// A concept's preferred forms in one language, as the image keeps them:
// 20 bytes. The full, short and admitted short forms lie back to back in
// the string pool from `forms`; each one's declension class is an index
// into CompiledTerms::classes (0: none), where every class is kept once.
struct PreferredRecord {
  std::uint16_t lang = 0;
  FormKind full_kind = FormKind::kFullForm;
  std::uint8_t unused = 0;
  std::uint32_t forms = 0;      // into CompiledTerms::strings
  std::uint16_t full_size = 0;  // empty when the language has none
  std::uint16_t short_size = 0;
  // An admitted short form, which stands in for a deprecated one when the
  // language has no preferred short form (Пєсков for Песков).
  std::uint16_t admitted_short_size = 0;
  std::uint16_t full_inflection = 0;
  std::uint16_t short_inflection = 0;
  std::uint16_t admitted_short_inflection = 0;
};
static_assert(sizeof(PreferredRecord) == 20);

struct ConceptRecord {
  StringRef slug;
  std::uint32_t first_preferred = 0;  // into CompiledTerms::preferred
  std::uint16_t preferred_count = 0;
  std::uint8_t is_place = 0;
  std::uint8_t is_person = 0;
};

// The form as stored (declined, NFC) of an entry of a pattern whose forms
// differ in letter case (Нато, НАТО), to tell them apart by how the text
// writes the name; sorted by entry.
struct SurfaceRecord {
  std::uint32_t entry = 0;
  StringRef form;
};

// A concept's preferred forms in one language, read from the records.
struct Preferred {
  std::uint16_t lang = 0;
  std::string_view full;  // empty when the language has none
  std::string_view full_inflection;
  FormKind full_kind = FormKind::kFullForm;
  std::string_view short_form;
  std::string_view short_inflection;
  std::string_view admitted_short;
  std::string_view admitted_short_inflection;
};

// Views of the compiled image (compiled_image_internal.h), wherever its
// bytes are: built in memory by Matcher::Compile or mapped from a name
// index file. `storage` keeps them alive.
struct CompiledTerms {
  Automaton automaton;
  // By the state where their form ends (automaton_internal.h).
  std::span<const Entry> entries;
  std::span<const ConceptRecord> concepts;
  std::span<const PreferredRecord> preferred;
  std::span<const StringRef> lang_refs;
  // The declension classes of the preferred forms; the first is empty.
  std::span<const StringRef> classes;
  std::span<const SurfaceRecord> surfaces;
  std::string_view strings;
  std::vector<std::string> langs;
  const Declension* declension = nullptr;     // Ukrainian; static storage
  const Declension* declension_ru = nullptr;  // Russian; static storage
  // The most word segments (UAX #29, whitespace not counted) of any form.
  std::size_t max_form_words = 0;
  std::shared_ptr<const void> storage;

  // The entries of the form that ends at state `pattern`.
  std::span<const Entry> EntriesOf(std::uint32_t pattern) const {
    const std::uint32_t first = automaton.FirstEntry(pattern);
    return entries.subspan(first, automaton.EndEntry(pattern) - first);
  }
  std::string_view String(StringRef s) const {
    return strings.substr(s.begin, s.size);
  }
  std::size_t concept_count() const { return concepts.size(); }
  std::string_view Slug(std::uint32_t concept_index) const {
    return String(concepts[concept_index].slug);
  }
  bool IsPlace(std::uint32_t concept_index) const {
    return concepts[concept_index].is_place != 0;
  }

  // The preferred forms of `concept_index` in `lang`; nullopt when none.
  std::optional<Preferred> PreferredIn(std::uint32_t concept_index,
                                       std::uint16_t lang) const {
    const ConceptRecord& c = concepts[concept_index];
    for (std::uint32_t i = 0; i < c.preferred_count; ++i) {
      const PreferredRecord& p = preferred[c.first_preferred + i];
      if (p.lang != lang) continue;
      const std::string_view forms =
          strings.substr(p.forms, std::size_t{p.full_size} + p.short_size +
                                      p.admitted_short_size);
      return Preferred{p.lang,
                       forms.substr(0, p.full_size),
                       Class(p.full_inflection),
                       p.full_kind,
                       forms.substr(p.full_size, p.short_size),
                       Class(p.short_inflection),
                       forms.substr(std::size_t{p.full_size} + p.short_size),
                       Class(p.admitted_short_inflection)};
    }
    return std::nullopt;
  }
  // Declension class `index` of the preferred forms ("" for 0 or one out
  // of range).
  std::string_view Class(std::uint16_t index) const {
    return index < classes.size() ? String(classes[index]) : std::string_view();
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
    auto it = std::lower_bound(
        surfaces.begin(), surfaces.end(), i,
        [](const SurfaceRecord& r, std::uint32_t e) { return r.entry < e; });
    return it == surfaces.end() || it->entry != i ? std::string_view()
                                                  : String(it->form);
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
