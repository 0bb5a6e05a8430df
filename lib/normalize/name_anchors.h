// NameAnchors: the term store's names as alignment anchors
// (lib/segment/anchors.h), found where the normalizer finds them.
//
//   auto matcher = normalize::Matcher::Compile(input);  // the store's forms
//   auto names = normalize::NameAnchors::Create(*matcher);
//   if (!names.ok()) return names.status();
//   names->ConceptKeys("Ракета влучила в Харкові.", "uk");   // {"kharkiv"}
//   names->ConceptKeys("하르키우에서 폭발이 있었다.", "ko");  // {"kharkiv"}
//   names->ConceptKeys("A strike on Kharkiv.", "en");         // {"kharkiv"}
//
// A sentence names a concept where NameFinder (names.h) finds one of its
// forms: declined Ukrainian forms, Korean forms with particles, English
// possessives, in any status; never a short form or a form two concepts
// share. The key is the concept's slug, once per mention. Numbers and
// dates are not here: combine with segment::NumberAnchors
// (segment::AnchorSet) for those.
//
// Thread safety: ConceptKeys uses the NameFinder's scratch state, so a
// NameAnchors serves one thread at a time (segment::Align calls it from
// the calling thread only). It holds a copy of the Matcher: nothing else
// must outlive it.

#ifndef ONOMA_LIB_NORMALIZE_NAME_ANCHORS_H_
#define ONOMA_LIB_NORMALIZE_NAME_ANCHORS_H_

#include <string>
#include <string_view>
#include <vector>

#include "lib/normalize/matcher.h"
#include "lib/normalize/names.h"
#include "lib/segment/anchors.h"
#include "lib/util/status.h"

namespace onoma::normalize {

class NameAnchors : public segment::AnchorSource {
 public:
  // Fails as NameFinder::Create does (kInternal: a compiled-in table or
  // ICU's word rules missing).
  [[nodiscard]] static Result<NameAnchors> Create(const Matcher& matcher);

  std::vector<std::string> ConceptKeys(std::string_view sentence,
                                       std::string_view lang) const override;

 private:
  explicit NameAnchors(NameFinder finder) : finder_(std::move(finder)) {}
  mutable NameFinder finder_;
  mutable std::vector<NameHit> hits_;
};

}  // namespace onoma::normalize

#endif  // ONOMA_LIB_NORMALIZE_NAME_ANCHORS_H_
