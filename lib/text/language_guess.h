// Guessing the language of a text from its letters: a document's, and a
// run's inside a document (a quotation, a sentence).
//
//   onoma::text::GuessLanguage("Київ заявив у понеділок.");   // "uk"
//   onoma::text::GuessRunLanguage("Мы не планируем удары", "uk");   // "ru"
//   onoma::text::GuessRunLanguage("Удар по Киеву", "uk");   // "uk": no sign
//
// Only the languages onoma's tables serve are told apart: "ko" by Hangul,
// "en" by Latin, and among Cyrillic texts "uk" and "ru" by the letters
// only one of them has (і ї є ґ against ы э ъ ё) and by a few short words
// only one of them uses (що, як, це against и, что, как, он). Thread-safe;
// no state.

#ifndef ONOMA_LIB_TEXT_LANGUAGE_GUESS_H_
#define ONOMA_LIB_TEXT_LANGUAGE_GUESS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace onoma::text {

// The letters of a text that tell its language.
struct LetterCounts {
  std::size_t hangul = 0;  // letters: two per syllable block
  std::size_t cyrillic = 0;
  std::size_t latin = 0;
  std::size_t ru = 0;  // ы э ъ ё, and words only Russian uses
  std::size_t uk = 0;  // і ї є ґ, and words only Ukrainian uses
};

// Adds the letters of `text` (valid UTF-8; decoding stops at the first
// invalid byte) to `counts`. Words are counted whole: split a text only
// where no letter is cut.
void CountLetters(std::string_view text, LetterCounts& counts);

// A document's language: "ko" when Hangul letters are at least as many as
// Cyrillic and Latin ones, else "uk" or "ru" when Cyrillic letters are at
// least as many as Latin ones ("ru" only when its signs outnumber
// Ukrainian ones), else "en" (also for a text without letters).
std::string GuessLanguage(const LetterCounts& counts);
std::string GuessLanguage(std::string_view text);

// How much of a document its language is guessed from: a command holds
// back this much of its input's start (or all of a shorter input) before
// it guesses, so that every command reads a file as the same language.
inline constexpr std::size_t kDocumentSampleBytes = 64 * 1024;

// A document's language from its start: GuessLanguage over at most the
// first kDocumentSampleBytes of `start`, cut after the last line break or
// space in them (else at a character boundary), so that no word is cut.
// `start` may be longer; what lies past the sample is not read.
std::string GuessDocumentLanguage(std::string_view start);

// The language of a run (a quotation, a sentence) inside text in
// `around`: another language only when the letters say so clearly, else
// `around`. Clearly: at least 6 letters, three quarters of them in one
// script; Hangul gives "ko", Latin "en"; Cyrillic gives "ru" with two or
// more Russian signs and no Ukrainian one, "uk" the other way round, and
// `around` otherwise (a Russian run without ы э ъ ё or a Russian-only word
// stays Ukrainian). The result is `around` itself or a static string.
std::string_view GuessRunLanguage(const LetterCounts& counts,
                                  std::string_view around);
std::string_view GuessRunLanguage(std::string_view run,
                                  std::string_view around);

}  // namespace onoma::text

#endif  // ONOMA_LIB_TEXT_LANGUAGE_GUESS_H_
