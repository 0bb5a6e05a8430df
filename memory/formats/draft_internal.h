// Helpers shared by the draft writers (memory/formats/draft.h).

#ifndef ONOMA_MEMORY_FORMATS_DRAFT_INTERNAL_H_
#define ONOMA_MEMORY_FORMATS_DRAFT_INTERNAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "memory/formats/draft.h"

namespace onoma::formats::internal {

// For each piece, whether it is a bpt or ept whose pair opens and closes
// at one nesting level (XLIFF 2.0 <pc>), or a <hi> bound; `partner[k]` is
// the other half of piece k's pair, pieces.size() when it has none.
std::vector<bool> WellNestedPairs(const std::vector<InlinePiece>& pieces,
                                  std::vector<std::size_t>& partner);

// How characters that XML 1.0 cannot hold (C0 controls other than TAB, LF
// and CR; U+FFFE, U+FFFF) are written.
enum class BadChars {
  kCp,           // XLIFF 2.0: <cp hex="000B"/>
  kReplacement,  // elsewhere: U+FFFD
};

// Appends `text` as character data: & < > escaped, CR as &#13;.
void AppendXmlText(std::string_view text, BadChars bad, std::string& out);
// `text` with each character XML 1.0 cannot hold replaced by U+FFFD.
std::string WithoutBadChars(std::string_view text);
// Appends `value` escaped for a double-quoted attribute.
void AppendXmlAttribute(std::string_view value, std::string& out);

}  // namespace onoma::formats::internal

#endif  // ONOMA_MEMORY_FORMATS_DRAFT_INTERNAL_H_
