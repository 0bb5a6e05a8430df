// The engines behind SentenceSplitter: where sentences end in a paragraph.
// Internal to lib/segment; SentenceSplitter (sentence_splitter.h) is the
// public face.

#ifndef ONOMA_LIB_SEGMENT_BREAK_ENGINE_INTERNAL_H_
#define ONOMA_LIB_SEGMENT_BREAK_ENGINE_INTERNAL_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "lib/segment/rules.h"
#include "lib/segment/srx.h"
#include "lib/util/status.h"

namespace onoma::segment::internal {

// Finds sentence ends in one paragraph. Not thread-safe (ICU iterators and
// matchers keep state): one engine per SentenceSplitter.
class BreakEngine {
 public:
  virtual ~BreakEngine() = default;

  // Appends to `out`, in increasing order, the byte offsets inside
  // `paragraph` (0 < offset < size) after which a sentence ends.
  // REQUIRES: `paragraph` is valid UTF-8 without '\n', shorter than 2 GiB.
  virtual void Breaks(std::string_view paragraph,
                      std::vector<std::size_t>& out) = 0;
};

// ICU's sentence rules for rules.lang, corrected by the exception lists.
// kBadInput when a dateline pattern does not compile; kInternal when ICU
// lacks its data.
[[nodiscard]] Result<std::unique_ptr<BreakEngine>> MakeTableEngine(
    const SegmentRules& rules);

// SRX rules, as SelectSrxRules() chose them. kBadInput when a pattern does
// not compile (the message names the rule's line in `path`).
[[nodiscard]] Result<std::unique_ptr<BreakEngine>> MakeSrxEngine(
    const std::vector<SrxRule>& rules, std::string_view path);

}  // namespace onoma::segment::internal

#endif  // ONOMA_LIB_SEGMENT_BREAK_ENGINE_INTERNAL_H_
