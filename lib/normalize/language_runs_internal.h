// LanguageRuns: the stretches of a line written in another language than
// the document's — a quotation, a sentence — so that a name inside one is
// judged by that language's entries (docs/normalize.md, "Runs in another
// language").
//
//   internal::LanguageRuns runs;
//   runs.Find("Песков: «Мы не планируем удары по Киеву».", "uk");
//   runs.LanguageOf(begin, end);   // "ru" for the bytes of Киеву
//
// Quotations are delimited by « », „ “ (or „ ”), “ ” and straight double
// quotes (those only when the line holds an even number of them); they
// nest (eight deep at most), and one left open is no quotation. Sentences end
// after . ! ? or … followed by a space or the line's end, outside quotations. A
// sentence's language is guessed from its letters outside its quotations, a
// quotation's from its own, each against the language around it
// (text::GuessRunLanguage: another language only when the letters show it
// clearly). A run does not go on past the line.
//
// Thread safety: keeps scratch state; one thread.

#ifndef ONOMA_LIB_NORMALIZE_LANGUAGE_RUNS_INTERNAL_H_
#define ONOMA_LIB_NORMALIZE_LANGUAGE_RUNS_INTERNAL_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace onoma::normalize::internal {

class LanguageRuns {
 public:
  // Finds the runs of `line` (valid UTF-8) in a document in `lang`,
  // replacing the previous line's. REQUIRES: `lang` outlives the results.
  void Find(std::string_view line, std::string_view lang);

  // The language of bytes [begin, end) of the line: that of the innermost
  // quotation holding them, else that of the sentence where they begin.
  std::string_view LanguageOf(std::size_t begin, std::size_t end) const;

 private:
  struct Span {
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t begin = 0;  // quotations: the text between the marks
    std::size_t end = 0;
    std::string_view lang;
    std::size_t parent = kNone;  // quotations: the one around it
  };
  // The language of the sentence holding byte `at`.
  std::string_view SentenceAt(std::size_t at) const;

  std::vector<Span> quotes_;     // by begin; an outer one before an inner
  std::vector<Span> sentences_;  // in order, tiling the line
  std::string_view lang_;
};

}  // namespace onoma::normalize::internal

#endif  // ONOMA_LIB_NORMALIZE_LANGUAGE_RUNS_INTERNAL_H_
