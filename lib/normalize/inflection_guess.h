// How a Ukrainian or Russian form declines when its term names no class:
// the class a Ukrainian (Russian) editor would pick, from the form's
// ending, the concept's type and its other renderings.
//
//   normalize::ConceptInput c = ...;             // lib/normalize/input.h
//   std::string klass = normalize::GuessInflection(c, c.terms[i]);
//   // "Кім Чен Ин" (a person with a Korean rendering 김정은):
//   //   "none none p-masc-hard"
//   // "Пєсков": "p-ov"; "Марк Рютте": "p-masc-k none";
//   // "Харків" (a place): "masc-iv"; "НАТО" (an acronym): "none"
//
// Places decline by ending (tables/normalize/uk-declension.txt lists the
// endings); people by the rules for personal names: only the last element
// of a Korean, Chinese or Vietnamese name; Slavic possessive (-ов, -ін)
// and adjectival (-ський) surnames by their paradigms; a foreign surname
// ending in a consonant as a masculine noun unless the given name is
// feminine; one ending in a vowel other than -а/-я not at all; a given
// name before the surname as Ukrainian declines it. Organizations and
// other concepts decline their head: the first noun and the adjectives
// before it ("Служба безпеки України": only "Служба"). A concept typed
// other is taken as a place when an English rendering says Oblast,
// region, city or province, or a Korean one ends in 주, 도 or 시.
// Acronyms and abbreviations do not decline.
//
// Limits: stress is unknown (Russian ins -ем/-ом after a sibilant), the
// genitive -а/-у of masculine place names is not chosen (both are found;
// -а is written), consonant alternations (Ріг -> Рогу) are not made, and
// the sex of a person is read off the name's endings only.
//
// Thread safety: a pure function of its arguments.

#ifndef ONOMA_LIB_NORMALIZE_INFLECTION_GUESS_H_
#define ONOMA_LIB_NORMALIZE_INFLECTION_GUESS_H_

#include <string>

#include "lib/normalize/input.h"

namespace onoma::normalize {

// The class for `term` (a term of `entry`) in the format of
// FormInput::inflection: "none" when it does not decline, or empty when
// its language has no declension table (anything but "uk" and "ru").
// Ignores term.inflection.
std::string GuessInflection(const ConceptInput& entry, const FormInput& term);

}  // namespace onoma::normalize

#endif  // ONOMA_LIB_NORMALIZE_INFLECTION_GUESS_H_
