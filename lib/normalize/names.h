// NameFinder: the names of the term store in a line, each with its
// concept, and another concept's preferred form rendered in place of one —
// what translation-memory lookup needs to carry a name substitution from
// the source over to the target.
//
//   auto matcher = normalize::Matcher::Compile(input);   // once, shared
//   auto names = normalize::NameFinder::Create(*matcher);  // one per thread
//   if (!names.ok()) return names.status();
//   std::vector<normalize::NameHit> hits;
//   std::string_view target = "Обстріл у Харкові в понеділок";
//   names->Find(target, "uk", hits);
//   // hits[0]: bytes of "Харкові", concept kharkiv, locative
//   std::optional<std::string> text =
//       names->Render(kyiv_index, "uk", target, hits[0]);   // "Києві"
//   // Korean: "하르키우에서" -> "키이우에서"; "서울은" for kyiv -> "키이우는";
//   // English: "Kharkiv's" -> "Kyiv's"; "KHARKIV" -> "KYIV".
//
// Names are found where DocumentNormalizer finds them (lib/normalize/
// document.h): whole words, or words ending in a Korean particle or an
// English possessive; not inside a longer word, a longer term, a negative
// context, a URL, e-mail address or path. Unlike the normalizer, every
// status counts (preferred forms too), and only a full form, variant,
// acronym or abbreviation that belongs to one concept is a hit: a short
// form or a form two concepts share says too little to substitute.
//
// Thread safety: a NameFinder keeps scratch state for Find and is used by
// one thread; create one per thread (cheap: the Matcher's compiled data is
// shared, not copied). It holds a copy of the Matcher, so nothing must
// outlive it.

#ifndef ONOMA_LIB_NORMALIZE_NAMES_H_
#define ONOMA_LIB_NORMALIZE_NAMES_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/normalize/declension.h"
#include "lib/normalize/input.h"
#include "lib/normalize/matcher.h"
#include "lib/normalize/surface.h"
#include "lib/util/status.h"

namespace onoma::normalize {

// One name in a line. Offsets are bytes into the line given to Find.
struct NameHit {
  std::size_t begin = 0;  // the name
  std::size_t end = 0;
  // End of the particle or possessive attached to the name, and of
  // whatever else follows it inside its word ("에서는"); == end when none.
  std::size_t word_end = 0;
  std::uint32_t concept_index = 0;  // 0..concept_count()-1
  // The Korean particle right after the name: its index in the particle
  // table (tables/normalize/ko-particles.txt) and where it ends.
  std::optional<std::size_t> particle;
  std::size_t particle_end = 0;  // == end when no particle
  bool possessive = false;       // 's, ’s, or a bare ' after -s
  // The form matched: its grammatical case (kNom outside Ukrainian), its
  // standing in the term store and its term type.
  Case grammatical_case = Case::kNom;
  bool plural = false;
  FormStatus status = FormStatus::kPreferred;
  FormKind kind = FormKind::kFullForm;
  // The case pattern of the form as stored: a name written that way (an
  // acronym in its capitals) passes no case pattern to a substitute.
  CasePattern stored_case = CasePattern::kAsStored;
};

class NameFinder {
 public:
  // Fails with kInternal when a compiled-in table or ICU's word rules are
  // missing.
  [[nodiscard]] static Result<NameFinder> Create(const Matcher& matcher);

  NameFinder(NameFinder&&) noexcept;
  NameFinder& operator=(NameFinder&&) noexcept;
  ~NameFinder();

  // Clears `out` and appends every name in `line` (valid UTF-8), leftmost
  // first, the longest at each position. `lang` is the line's language
  // ("en", "uk", "ko"): a form it has is judged by its entries, any other
  // by the languages that have it. A Ukrainian form that is both dative and
  // locative is taken as locative after "у", "в", "на", "при".
  void Find(std::string_view line, std::string_view lang,
            std::vector<NameHit>& out);

  // What to put in place of line[like.begin, like.word_end): the preferred
  // full form of `concept_index` in `lang`, declined to like's grammatical
  // case, in the case pattern of the name as written (KHARKIV -> KYIV),
  // followed by like's Korean particle in the form the new final consonant
  // takes and the rest of the word (a possessive) as written. nullopt when
  // the concept has no preferred full form in `lang`, or it does not
  // decline to that case (its class, given or inferred, is "none", or it
  // is not Cyrillic). REQUIRES: `like` came from Find on
  // `line`. Reads only shared data.
  std::optional<std::string> Render(std::uint32_t concept_index,
                                    std::string_view lang,
                                    std::string_view line,
                                    const NameHit& like) const;

  // The concept's slug ("kyiv"); empty when out of range.
  std::string_view Slug(std::uint32_t concept_index) const;
  std::size_t concept_count() const;

  // The most word segments (lib/text/word_break.h, whitespace not
  // counted) that any form of any concept spans ("Verkhovna Rada of
  // Ukraine" = 4): an upper bound for callers that reason about tokens.
  std::size_t max_form_words() const;

 private:
  struct Impl;
  explicit NameFinder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace onoma::normalize

#endif  // ONOMA_LIB_NORMALIZE_NAMES_H_
