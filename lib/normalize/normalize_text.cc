// NormalizeText: a whole document through one DocumentNormalizer, for
// callers (tests, tools) that hold the text in memory.

#include "lib/normalize/document.h"
#include "lib/text/utf8.h"

namespace onoma::normalize {

Result<NormalizedText> NormalizeText(const Matcher& matcher,
                                     std::string_view text,
                                     const DocumentOptions& options) {
  ONOMA_RETURN_IF_ERROR(text::ValidateUtf8(text));
  auto doc = DocumentNormalizer::Create(matcher, options);
  if (!doc.ok()) return doc.status();
  NormalizedText result;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    bool last = end == std::string_view::npos;
    if (last) end = text.size();
    doc->NormalizeLine(text.substr(start, end - start), result.text,
                       result.changes);
    if (last) break;
    result.text += '\n';
    start = end + 1;
  }
  return result;
}

}  // namespace onoma::normalize
