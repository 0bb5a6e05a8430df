// The letter-output stage: syllables (already pronounced, or as spelled
// for transliteration) written in Latin letters from a letter table.
//
//   auto writer = LetterWriter::Create(std::move(table));
//   writer->AppendRun(run, /*misreading_hyphen=*/false, &out);
//
// Create() compiles every context of the table (what stands before an
// initial, which vowel follows it, which initial follows a final) into flat
// arrays, so that writing a syllable is three lookups and three appends,
// with no allocation beyond the growth of `out`.
//
// Internal to lib/romanize. A LetterWriter is immutable once created and
// safe to share between threads.

#ifndef ONOMA_LIB_ROMANIZE_KOREAN_WRITER_INTERNAL_H_
#define ONOMA_LIB_ROMANIZE_KOREAN_WRITER_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lib/romanize/hangul.h"
#include "lib/romanize/korean_table_internal.h"
#include "lib/util/status.h"

namespace onoma::romanize::internal {

// A short letter string stored inline.
struct Piece {
  char text[11] = {};
  std::uint8_t size = 0;
  std::string_view view() const { return {text, size}; }
};

class LetterWriter {
 public:
  // What stands before a syllable's initial.
  static constexpr int kAtStart = 0;    // the start of a word
  static constexpr int kAfterOpen = 1;  // a syllable with no final sound
  static constexpr int AfterTail(int tail) { return 1 + tail; }  // tail >= 1
  // What follows a final: an initial 0..18, or the end of the word (or a
  // hyphen, across which nothing changes).
  static constexpr int kAtEnd = 19;
  // The vowel before, when nothing stands between the two vowels.
  static constexpr int kNoVowel = 21;

  // Fails with kBadInput if a letter is too long to store (10 bytes).
  // `ascii` drops breves, the diaeresis and apostrophes from every letter
  // (McCune–Reischauer's ASCII form).
  static Result<LetterWriter> Create(LetterTable table, bool ascii = false);

  const LetterTable& table() const { return table_; }

  const Piece& Lead(int before, int lead, int vowel) const {
    return lead_[(before * 19 + lead) * 21 + vowel];
  }
  const Piece& Vowel(int vowel, int vowel_before) const {
    return vowel_[vowel * 22 + vowel_before];
  }
  const Piece& Tail(int tail, int next_lead) const {
    return tail_[tail * 20 + next_lead];
  }

  // Appends one word. `before` is what stands before the first syllable;
  // `after` the initial after the last one (kAtEnd if none). With
  // `misreading_hyphen`, writes a hyphen between syllables whose letters
  // could be split otherwise (RR 3.2: 중앙 Jung-ang, 반구대 Ban-gudae,
  // 해운대 Hae-undae).
  void AppendRun(std::span<const hangul::Syllable> run, bool misreading_hyphen,
                 std::string* out, int before = kAtStart,
                 int after = kAtEnd) const;

  // Whether a hyphen belongs between syllables `a` and `b` (letters
  // `tail` then `lead`) for RR 3.2: the letters at the junction could be
  // split into another final and initial, or two vowels could be read as
  // one.
  bool Misreadable(std::string_view vowel_a, std::string_view tail,
                   std::string_view lead, std::string_view vowel_b) const;

 private:
  LetterTable table_;
  std::vector<Piece> lead_;              // [before 29][lead 19][vowel 21]
  std::vector<Piece> vowel_;             // [vowel 21][vowel before 22]
  std::vector<Piece> tail_;              // [tail 28][next lead 20]
  std::vector<std::string> lead_texts_;  // every distinct initial, and ""
  std::vector<std::string> tail_texts_;  // every distinct final, and ""
};

// Upper-cases the letter at byte `pos` of `*out` (ASCII, or ŏ ŭ ë).
void CapitalizeAt(std::string* out, std::size_t pos);

}  // namespace onoma::romanize::internal

#endif  // ONOMA_LIB_ROMANIZE_KOREAN_WRITER_INTERNAL_H_
