#include "lib/normalize/name_anchors.h"

// Tested by tests/normalize/name_anchors_test.cc and, for what it does to
// alignment, tests/segment/unseen_alignment_eval_test.cc.

namespace onoma::normalize {

Result<NameAnchors> NameAnchors::Create(const Matcher& matcher) {
  auto finder = NameFinder::Create(matcher);
  if (!finder.ok()) return finder.status();
  return NameAnchors(std::move(*finder));
}

std::vector<std::string> NameAnchors::ConceptKeys(std::string_view sentence,
                                                  std::string_view lang) const {
  std::vector<std::string> keys;
  std::string_view base = lang.substr(0, lang.find_first_of("-_"));
  finder_.Find(sentence, base, hits_);
  for (const NameHit& hit : hits_) {
    keys.emplace_back(finder_.Slug(hit.concept_index));
  }
  return keys;
}

}  // namespace onoma::normalize
