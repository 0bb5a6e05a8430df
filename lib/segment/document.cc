#include "lib/segment/document.h"

#include <algorithm>

#include "lib/text/script.h"
#include "lib/text/utf8.h"

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

std::string GuessLanguage(std::string_view text) {
  text = text.substr(0, std::min<std::size_t>(text.size(), 64 * 1024));
  std::size_t hangul = 0, cyrillic = 0, latin = 0, uk = 0, ru = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    if (!text::DecodeNext(text, i, c)) continue;
    switch (text::ScriptOf(c)) {
      case text::Script::kHangul:
        ++hangul;
        break;
      case text::Script::kCyrillic:
        ++cyrillic;
        if (c == U'і' || c == U'ї' || c == U'є' || c == U'ґ' || c == U'І' ||
            c == U'Ї' || c == U'Є' || c == U'Ґ') {
          ++uk;
        }
        if (c == U'ы' || c == U'э' || c == U'ё' || c == U'ъ' || c == U'Ы' ||
            c == U'Э' || c == U'Ё') {
          ++ru;
        }
        break;
      case text::Script::kLatin:
        ++latin;
        break;
      default:
        break;
    }
  }
  if (hangul > 0 && hangul >= cyrillic && hangul * 4 >= latin) return "ko";
  if (cyrillic > 0 && cyrillic * 2 >= latin) return ru > uk ? "ru" : "uk";
  return "en";
}

}  // namespace onoma::segment
