// Sentence segmentation of UTF-8 text for en, uk, ru and ko (and, with
// ICU's rules alone, any other language).
//
//   auto splitter = onoma::segment::SentenceSplitter::Create("uk");
//   if (!splitter.ok()) return splitter.status();
//   std::string_view text = "Про це повідомив ген. Сирський. Бої тривають.";
//   for (const onoma::segment::SentenceSpan& s : splitter->Split(text)) {
//     Use(s.In(text));  // "Про це повідомив ген. Сирський.", "Бої тривають."
//   }
//
// Rules: ICU's sentence break iterator (Unicode UAX #29) proposes where
// sentences may end; the language's exception table (tables/segment/,
// rules.h) takes back abbreviations, initials and quotations that go on
// after their closing mark, and cuts datelines off as segments of their
// own. A line break always ends a sentence: each line is a paragraph, and
// a headline on its own line is a segment. Alternatively the rules of an
// SRX 2.0 file (srx.h) replace ICU and the table.
//
// Spans are byte offsets into the text given, on code point boundaries,
// without the whitespace around each sentence (so they need not tile the
// text); empty lines give no span.
//
// Thread safety: a SentenceSplitter keeps ICU iteration state and is not
// thread-safe; create one per thread. Create() is thread-safe and cheap
// after the first call for a language (ICU's rules are cloned).

#ifndef ONOMA_LIB_SEGMENT_SENTENCE_SPLITTER_H_
#define ONOMA_LIB_SEGMENT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lib/segment/rules.h"
#include "lib/segment/srx.h"
#include "lib/util/status.h"

namespace onoma::segment {

namespace internal {
class BreakEngine;
}  // namespace internal

// One sentence, as byte offsets [begin, end) into the text it came from.
struct SentenceSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  // The sentence. REQUIRES: `text` is the text the span came from.
  std::string_view In(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  bool operator==(const SentenceSpan&) const = default;
};

class SentenceSplitter {
 public:
  // The built-in table for `lang` (BCP 47: "en", "uk-UA"), or ICU's rules
  // alone for a language without one. kBadArgument for an empty or
  // malformed code; kInternal when ICU lacks its data.
  [[nodiscard]] static Result<SentenceSplitter> Create(std::string_view lang);

  // A table the caller parsed (ParseSegmentRules), e.g. a user's own.
  // kBadInput when a dateline pattern does not compile.
  [[nodiscard]] static Result<SentenceSplitter> Create(
      const SegmentRules& rules);

  // The SRX rules that apply to `lang` (SelectSrxRules). kBadInput for a
  // pattern that does not compile.
  [[nodiscard]] static Result<SentenceSplitter> CreateFromSrx(
      const SrxRules& rules, std::string_view lang);

  SentenceSplitter(SentenceSplitter&& other) noexcept;
  SentenceSplitter& operator=(SentenceSplitter&& other) noexcept;
  ~SentenceSplitter();

  // The sentences of `text`, in order. REQUIRES: valid UTF-8; each line
  // shorter than 2 GiB. `text` need only live for the call.
  std::vector<SentenceSpan> Split(std::string_view text);
  // As above, appending to `out` (not cleared), so that a caller splitting
  // many paragraphs reuses one vector.
  void Split(std::string_view text, std::vector<SentenceSpan>& out);

  // The language the splitter was made for.
  const std::string& lang() const { return lang_; }

 private:
  SentenceSplitter(std::string lang,
                   std::unique_ptr<internal::BreakEngine> engine);

  std::string lang_;
  std::unique_ptr<internal::BreakEngine> engine_;
  std::vector<std::size_t> breaks_;  // scratch, reused between calls
};

}  // namespace onoma::segment

#endif  // ONOMA_LIB_SEGMENT_SENTENCE_SPLITTER_H_
