#include "lib/segment/document.h"

// Tested by tests/segment/document_test.cc.

namespace onoma::segment {

Document SegmentDocument(std::string_view text, SentenceSplitter& splitter) {
  Document doc;
  std::vector<SentenceSpan> spans;
  std::uint32_t paragraph = 0;
  // A byte-order mark (Windows editors write one) is no part of the first
  // sentence.
  std::size_t begin = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    spans.clear();
    splitter.Split(line, spans);
    if (spans.empty()) continue;
    for (const SentenceSpan& span : spans) {
      doc.Add(std::string(span.In(line)), paragraph);
    }
    ++paragraph;
  }
  return doc;
}

}  // namespace onoma::segment
