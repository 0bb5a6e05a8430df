// Word boundaries in UTF-8 text (Unicode UAX #29, as ICU implements it).
//
//   #include "lib/text/word_break.h"
//
//   auto breaker = onoma::text::WordBreaker::Create("uk");
//   if (!breaker.ok()) return breaker.status();
//   std::string_view text = "Київ, 키이우에서 Kyiv's 2024";
//   for (const onoma::text::WordSpan& span : breaker->Words(text)) {
//     if (span.is_word()) Use(span.In(text));
//   }
//   // Segments: "Київ" (letter) "," " " "키이우에서" (letter) " "
//   //           "Kyiv's" (letter) " " "2024" (number)
//
// The segments tile the text: each begins where the previous one ends, the
// first at 0 and the last at text.size(). Offsets are byte offsets into the
// UTF-8 text, always on code point boundaries, so a span can be cut out with
// substr() and its column found with CountCodePoints() on what precedes it.
// Korean particles stay attached to their word ("키이우에서" is one word:
// UAX #29 does not split Hangul syllables); the English possessive stays
// attached ("Kyiv's"); the matcher splits them off, not this class.
//
// Thread safety: a WordBreaker keeps iteration state and is not thread-safe;
// create one per thread. The first breaker for a locale loads ICU's rules;
// later ones clone a cached prototype, which is cheap, so a breaker per
// thread or per task costs little. Create() itself is thread-safe.

#ifndef ONOMA_LIB_TEXT_WORD_BREAK_H_
#define ONOMA_LIB_TEXT_WORD_BREAK_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "lib/util/status.h"

namespace onoma::text {

// What a segment holds, from ICU's rule status (UBRK_WORD_*).
enum class WordKind {
  kNone,         // spaces, punctuation, symbols: not a word
  kNumber,       // "2024", "3.5"
  kLetter,       // letters, with the marks, apostrophes and inner periods
                 // that UAX #29 keeps inside a word ("пам'ять", "U.S.")
  kKana,         // Japanese kana
  kIdeographic,  // Han characters (Hanja in Korean text)
};

// One segment of a text, as byte offsets [begin, end) into it.
struct WordSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  WordKind kind = WordKind::kNone;

  // Whether the segment is a word (letters, numbers or ideographs) rather
  // than spaces or punctuation.
  bool is_word() const { return kind != WordKind::kNone; }
  // The segment's text. REQUIRES: `text` is the text the span came from.
  std::string_view In(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  bool operator==(const WordSpan&) const = default;
};

class WordBreaker {
 public:
  // A breaker with the word rules of `locale` (BCP 47 "uk-UA" or ICU
  // "uk_UA"); empty for the root rules, which serve en, uk, ru and ko
  // alike. Fails with kBadArgument for a malformed locale id and kInternal
  // when ICU cannot build the iterator (missing data).
  [[nodiscard]] static Result<WordBreaker> Create(std::string_view locale = {});

  WordBreaker(WordBreaker&& other) noexcept;
  WordBreaker& operator=(WordBreaker&& other) noexcept;
  ~WordBreaker();

  // The segments of `text`, in order. Empty for empty text.
  // REQUIRES: `text` is valid UTF-8 and shorter than 2 GiB (ICU's
  // iterators count in int32_t); longer text comes back as one kNone span.
  // `text` need only live for the call: the breaker keeps no pointer to it
  // that it will read later.
  std::vector<WordSpan> Words(std::string_view text);

  // As above, but into `out` (cleared first), so that a caller breaking
  // many lines reuses one vector's capacity.
  void Words(std::string_view text, std::vector<WordSpan>& out);

  // The same segments one at a time, for text whose segments need not all
  // be held at once (a megabyte segment has hundreds of thousands):
  //
  //   breaker.Start(text);
  //   for (WordSpan span; breaker.Next(span);) Use(span);
  //
  // Next gives the segments of the last Start in order, then false.
  // REQUIRES: as Words(); `text` outlives the iteration (it is read by
  // Next until it returns false or the next Start or Words).
  void Start(std::string_view text);
  bool Next(WordSpan& span);

 private:
  struct Impl;
  explicit WordBreaker(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace onoma::text

#endif  // ONOMA_LIB_TEXT_WORD_BREAK_H_
