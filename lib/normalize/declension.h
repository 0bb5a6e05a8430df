// Ukrainian declension of names, from the classes in
// tables/normalize/uk-declension.txt (compiled in).
//
//   auto table = normalize::Declension::Builtin();   // parsed once
//   if (!table.ok()) return table.status();
//   for (const auto& f : (*table)->Forms("Київ", ""))  // Києва gen, Києву ...
//     Use(f.form, f.grammatical_case);
//   (*table)->Decline("Курська область", "", Case::kGen);
//   // "Курської області"
//
// Each word of a form declines by its own class (the adjective and the noun
// of "Курська область" agree because both classes list the same cases);
// words that are not Cyrillic or match no class stay as they are.
//
// A class argument names one class for every word ("masc-iv"), one class
// per word separated by spaces ("none none p-masc-hard": only the last
// word of "Кім Чен Ин" declines), "none", or is empty: each word then
// takes the class its ending selects, among the classes the table does not
// reserve for naming (lib/normalize/inflection_guess.h picks those).
// Builtin("ru") is the Russian table (tables/normalize/ru-declension.txt).
//
// Thread safety: a Declension is immutable after Parse; share it freely.
// Builtin() returns a pointer to a static that lives for the program.

#ifndef ONOMA_LIB_NORMALIZE_DECLENSION_H_
#define ONOMA_LIB_NORMALIZE_DECLENSION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"

namespace onoma::normalize {

// Grammatical case; kNom is also "not inflected" (English, Korean). The
// vocative is Ukrainian only.
enum class Case : std::uint8_t { kNom, kGen, kDat, kAcc, kIns, kLoc, kVoc };

std::string_view CaseName(Case c);

// Which of the parallel Ukrainian dative and locative endings a form has:
// the long -ові/-еві/-єві (Макронові) or the short -у/-ю (Макрону), so
// that a replacement keeps the style of what it replaces.
enum class EndingStyle : std::uint8_t { kStandard, kShort, kLong };

struct InflectedForm {
  std::string form;
  Case grammatical_case = Case::kNom;
  bool plural = false;
  EndingStyle style = EndingStyle::kStandard;
  // The same spelling is also the vocative (listed once, under the
  // earlier case).
  bool also_vocative = false;
};

class Declension {
 public:
  // Parses a table in the format of tables/normalize/uk-declension.txt;
  // kBadInput with path:line:column on a malformed line.
  [[nodiscard]] static Result<Declension> Parse(std::string_view text,
                                                std::string_view path);
  // The compiled-in Ukrainian table, parsed on first use.
  [[nodiscard]] static Result<const Declension*> Builtin();
  // The compiled-in table of `lang` ("uk" or "ru"); kNotFound for another
  // language.
  [[nodiscard]] static Result<const Declension*> Builtin(std::string_view lang);

  // Every inflected form of `form` but the nominative, standard endings of
  // every case first, then the parallel ones; a form reached by two cases
  // is listed under each, in case order. `klass` as FormInput::inflection.
  // Empty when no word declines.
  std::vector<InflectedForm> Forms(std::string_view form,
                                   std::string_view klass) const;

  // `form` in case `c` (and number) with the standard endings; nullopt
  // when `form` does not decline (or `klass` is unknown) and c is not kNom
  // (or the plural is asked for), or a declining word's class lacks the
  // plural.
  // With `style` kShort or kLong, a dative or locative takes the parallel
  // ending of that style where the class has one.
  std::optional<std::string> Decline(
      std::string_view form, std::string_view klass, Case c,
      bool plural = false, EndingStyle style = EndingStyle::kStandard) const;

  // Whether every class that `klass` names is one of the table's (or
  // "none"), and a per-word list has one class per word of `form` (any
  // count when `form` is empty).
  bool HasClass(std::string_view klass, std::string_view form = {}) const;

  // The class that `word` takes by its ending alone (as with an empty
  // class), or "none".
  std::string ClassByEnding(std::string_view word) const;

  // Whether `klass` is a class of the table whose nominative ending
  // `word` has ("~": a consonant).
  bool Fits(std::string_view word, std::string_view klass) const;

 private:
  struct Class {
    std::string name;
    std::string ending;  // lower case; empty for "~" (a consonant)
    // endings[case] for kGen..kVoc, then plural[case] for kNom..kVoc;
    // [c][0] is the standard one; empty when the table gives none.
    std::vector<std::vector<std::string>> endings;
    std::vector<std::vector<std::string>> plural;
    bool named_only = false;  // p-* and pl-*: never chosen by ending
  };
  const Class* ClassFor(std::string_view word, std::string_view klass) const;
  // The class of each word of `form` (nullptr: it does not decline).
  std::vector<const Class*> ClassesFor(
      const std::vector<std::string_view>& words, std::string_view klass) const;

  std::vector<Class> classes_;
};

}  // namespace onoma::normalize

#endif  // ONOMA_LIB_NORMALIZE_DECLENSION_H_
