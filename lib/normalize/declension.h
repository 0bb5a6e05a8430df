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

// Grammatical case; kNom is also "not inflected" (English, Korean).
enum class Case : std::uint8_t { kNom, kGen, kDat, kAcc, kIns, kLoc };

std::string_view CaseName(Case c);

struct InflectedForm {
  std::string form;
  Case grammatical_case = Case::kNom;
};

class Declension {
 public:
  // Parses a table in the format of tables/normalize/uk-declension.txt;
  // kBadInput with path:line:column on a malformed line.
  [[nodiscard]] static Result<Declension> Parse(std::string_view text,
                                                std::string_view path);
  // The compiled-in table, parsed on first use.
  [[nodiscard]] static Result<const Declension*> Builtin();

  // Every inflected form of `form` but the nominative, standard endings of
  // every case first, then the parallel ones; a form reached by two cases
  // is listed under each, in case order. `klass` as FormInput::inflection.
  // Empty when no word declines.
  std::vector<InflectedForm> Forms(std::string_view form,
                                   std::string_view klass) const;

  // `form` in case `c` with the standard endings; nullopt when `form`
  // does not decline (or `klass` is unknown) and c is not kNom.
  std::optional<std::string> Decline(std::string_view form,
                                     std::string_view klass, Case c) const;

  // Whether `klass` names a class of the table (or is "none").
  bool HasClass(std::string_view klass) const;

 private:
  struct Class {
    std::string name;
    std::string ending;  // lower case; empty for "~" (a consonant)
    // endings[case] for kGen..kLoc; endings[c][0] is the standard one.
    std::vector<std::vector<std::string>> endings;
  };
  const Class* ClassFor(std::string_view word, std::string_view klass) const;

  std::vector<Class> classes_;
};

}  // namespace onoma::normalize

#endif  // ONOMA_LIB_NORMALIZE_DECLENSION_H_
