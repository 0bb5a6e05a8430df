// Matcher: the term store's forms compiled for finding names in text.
//
//   normalize::Input input = ...;                 // lib/normalize/input.h
//   onoma::Result<normalize::Matcher> matcher = normalize::Matcher::Compile(
//       input);
//   if (!matcher.ok()) return matcher.status();
//   // then one DocumentNormalizer per document (lib/normalize/document.h)
//
// Every form of every concept goes in, preferred ones too (so that a
// longer preferred name shields a variant inside it: "Dnipropetrovsk
// Oblast"), with the Ukrainian forms declined (lib/normalize/declension.h)
// and the negative contexts. All are case-folded NFC and compiled into one
// Aho–Corasick automaton, so that scanning costs the same whatever the
// number of terms.
//
// Failure: kBadInput when a form is not valid UTF-8, or a term names a
// declension class the table lacks; kInternal when a compiled-in table is
// broken or ICU's word rules are missing.
//
// Thread safety: a Matcher is immutable; copies share the compiled data,
// and any number of DocumentNormalizers on any threads may use it.

#ifndef ONOMA_LIB_NORMALIZE_MATCHER_H_
#define ONOMA_LIB_NORMALIZE_MATCHER_H_

#include <cstddef>
#include <memory>

#include "lib/normalize/input.h"
#include "lib/util/status.h"

namespace onoma::normalize {

namespace internal {
struct CompiledTerms;
}  // namespace internal

class Matcher {
 public:
  [[nodiscard]] static Result<Matcher> Compile(const Input& input);

  // Distinct folded forms in the automaton (inflected forms included).
  std::size_t pattern_count() const;
  // States of the automaton.
  std::size_t state_count() const;
  // Approximate bytes held by the compiled data.
  std::size_t MemoryBytes() const;

  const internal::CompiledTerms& compiled() const { return *compiled_; }

 private:
  explicit Matcher(std::shared_ptr<const internal::CompiledTerms> compiled)
      : compiled_(std::move(compiled)) {}
  std::shared_ptr<const internal::CompiledTerms> compiled_;
};

}  // namespace onoma::normalize

#endif  // ONOMA_LIB_NORMALIZE_MATCHER_H_
