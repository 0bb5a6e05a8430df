// Scanner: finds where the compiled forms occur in a line as names — the
// step that DocumentNormalizer (document.cc) and NameFinder (names.cc)
// share, so that both see the same names in the same text.
//
// A line is case-folded (folder_internal.h) and the trie of forms
// (automaton_internal.h) walked from every place where a word may start;
// each form found is kept when it starts a word and ends one, or ends
// inside one where only a Korean particle or an English possessive follows
// (UAX #29 keeps both in the word), and when its whitespace-delimited
// stretch holds no URL, e-mail address or path. The candidates come out
// leftmost first and, at one position, longest first, so that a caller
// walking them and skipping what overlaps the last one taken lets a
// longer term shield what it contains.
//
// Thread safety: a Scanner keeps scratch state and is used by one thread.
// It points into the Matcher's compiled data, which must outlive it (hold
// a copy of the Matcher beside it).

#ifndef ONOMA_LIB_NORMALIZE_SCANNER_INTERNAL_H_
#define ONOMA_LIB_NORMALIZE_SCANNER_INTERNAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lib/normalize/compiled_terms_internal.h"
#include "lib/normalize/folder_internal.h"
#include "lib/normalize/korean_particles.h"
#include "lib/text/word_break.h"
#include "lib/util/status.h"

namespace onoma::normalize::internal {

// A pattern found at whole-word (or word-plus-suffix) position.
struct Candidate {
  std::uint32_t begin = 0;  // original bytes of the name
  std::uint32_t end = 0;
  std::uint32_t word_end = 0;      // end of the suffix (particle, 's) or `end`
  std::uint32_t pattern = 0;       // the state where the form ends
  std::uint32_t folded_begin = 0;  // where the name starts in folded text
  std::uint32_t folded_end = 0;    // where it ends in folded text
  std::uint32_t folded_word_end = 0;    // where word_end is in folded text
  std::optional<ParticleHit> particle;  // length in original bytes
};

// The word segments of `stretch` (valid UTF-8 without spaces), as
// text::WordBreaker gives them, when it is ASCII punctuation around one run
// of letters and digits that UAX #29 keeps together ("Kiev,", "(Києві)",
// "키예프는"); false, with `out` unspecified, for any other stretch, which
// the word breaker must cut. Only the spans' bounds are set as the word
// breaker's are.
bool PlainWords(std::string_view stretch, std::vector<text::WordSpan>& out);

// What Scan finds in one line. Kept apart from the Scanner's scratch so
// that lines can be scanned on one thread and used on another
// (normalize::LineScanner); it refers to nothing of the Scanner's.
struct ScannedLine {
  std::string folded;              // the folded line
  std::vector<std::uint32_t> map;  // folded offset -> original, or kMid
  std::vector<Candidate> found;    // leftmost, then longest first
  // The negative contexts ("Chicken Kiev") of the line, by start, and the
  // furthest end so far.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> negatives;
  std::vector<std::uint32_t> negative_reach;

  // Whether candidate `c` overlaps a negative context.
  bool InNegative(const Candidate& c) const;
  // Whether the word before folded offset `folded_begin` is a Ukrainian
  // preposition that governs the locative ("у", "в", "на", ...).
  bool AfterLocativePreposition(std::size_t folded_begin) const;
};

class Scanner {
 public:
  // Fails with kInternal when the particle table or ICU's word rules are
  // missing. REQUIRES: `terms` outlives the Scanner.
  [[nodiscard]] static Result<Scanner> Create(const CompiledTerms& terms);

  // Finds the candidates of `line` (valid UTF-8), replacing the previous
  // line's.
  void Scan(std::string_view line);
  // The same, into `out` (whose buffers are reused) instead of the
  // Scanner's own line, which the accessors below then do not show.
  void Scan(std::string_view line, ScannedLine& out);

  // Of the last Scan: the candidates, leftmost then longest first.
  const std::vector<Candidate>& candidates() const { return current_.found; }
  // The folded line.
  const std::string& folded() const { return current_.folded; }
  // Whether candidate `c` overlaps a negative context ("Chicken Kiev")
  // found in the line.
  bool InNegative(const Candidate& c) const { return current_.InNegative(c); }
  // Whether the word before folded offset `folded_begin` is a Ukrainian
  // preposition that governs the locative ("у", "в", "на", ...).
  bool AfterLocativePreposition(std::size_t folded_begin) const {
    return current_.AfterLocativePreposition(folded_begin);
  }

  // Whether `pattern` is (also) a negative context.
  bool IsNegative(std::uint32_t pattern) const;

  const Particles& particles() const { return *particles_; }

 private:
  Scanner(const CompiledTerms& terms, const Particles* particles,
          text::WordBreaker breaker)
      : terms_(&terms), particles_(particles), breaker_(std::move(breaker)) {}

  const std::vector<text::WordSpan>& Window(std::string_view line,
                                            std::size_t begin, std::size_t end);
  std::optional<Candidate> Check(std::string_view line, std::size_t fbegin,
                                 std::size_t fend, std::uint32_t pattern);
  // The whitespace-delimited stretch around a name: where the one holding
  // `begin` starts, where the one holding `end` ends.
  std::size_t StretchLeft(std::string_view line, std::size_t begin);
  std::size_t StretchRight(std::string_view line, std::size_t end);
  // Whether [left, right) holds a URL, an e-mail address or a path.
  bool NonProse(std::string_view line, std::size_t left, std::size_t right);

  const CompiledTerms* terms_;
  const Particles* particles_;
  text::WordBreaker breaker_;
  Folder folder_;

  // The line being scanned, and scratch reused across lines.
  ScannedLine current_;
  std::vector<text::WordSpan> spans_;
  std::size_t window_begin_ = 1, window_end_ = 0;
  // What Check last found, so that the names of one long stretch do not
  // each read it again (see scanner.cc).
  std::size_t left_ = 1, left_from_ = 0;
  std::size_t right_from_ = 1, right_ = 0;
  std::size_t prose_begin_ = 1, prose_end_ = 0;
  bool non_prose_ = false;
};

}  // namespace onoma::normalize::internal

#endif  // ONOMA_LIB_NORMALIZE_SCANNER_INTERNAL_H_
