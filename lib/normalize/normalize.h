// onoma normalize: find variant names in articles and rewrite them to the
// house form (docs/normalize.md says what is rewritten to what).
//
//   #include "lib/normalize/normalize.h"
//   namespace normalize = onoma::normalize;
//
// 1. Describe the term store's concepts (cli/ copies them from
//    memory/terms; tests build them by hand) — lib/normalize/input.h:
//
//   normalize::Input input;
//   auto& kyiv = input.concepts.emplace_back();
//   kyiv.slug = "kyiv";
//   kyiv.is_place = true;                        // declines in Ukrainian
//   kyiv.terms = {{"en", "Kyiv", FormStatus::kPreferred, FormKind::kFullForm},
//                 {"en", "Kiev", FormStatus::kDeprecated, FormKind::kVariant},
//                 {"uk", "Київ", FormStatus::kPreferred, FormKind::kFullForm},
//                 {"uk", "Киев", FormStatus::kDeprecated, FormKind::kVariant}};
//   kyiv.negative_contexts = {"Chicken Kiev", "Kievan Rus'"};
//
// 2. Compile once (lib/normalize/matcher.h); share it between threads:
//
//   auto matcher = normalize::Matcher::Compile(input);
//   if (!matcher.ok()) return matcher.status();
//
// 3. Normalize each document with its own DocumentNormalizer
//    (lib/normalize/document.h), line by line, or whole:
//
//   auto out = normalize::NormalizeText(*matcher, "у Киеве", {"uk"});
//   out->text;                      // "у Києві"
//   out->changes[0].reason;         // "deprecated"
//
// 4. Or list a line's names with their concepts, and render another
//    concept like one of them (lib/normalize/names.h), as translation
//    memory does to substitute a name:
//
//   auto names = normalize::NameFinder::Create(*matcher);  // one per thread
//   names->Find("у Харкові", "uk", hits);      // Харкові: kharkiv, locative
//   names->Render(kyiv, "uk", "у Харкові", hits[0]);        // "Києві"
//
// The tables behind the language-aware forms are data in tables/normalize/
// (uk-declension.txt, ko-particles.txt, former-cues.txt), compiled in;
// lib/normalize/declension.h, korean_particles.h and former_cues.h read
// them. Failures are onoma::Status values; nothing here throws.

#ifndef ONOMA_LIB_NORMALIZE_NORMALIZE_H_
#define ONOMA_LIB_NORMALIZE_NORMALIZE_H_

#include "lib/normalize/document.h"
#include "lib/normalize/input.h"
#include "lib/normalize/matcher.h"
#include "lib/normalize/names.h"

#endif  // ONOMA_LIB_NORMALIZE_NORMALIZE_H_
