// The tokens that fuzzy matching counts (docs/tm-lookup.md): a segment cut
// at ICU word boundaries into words, numbers and punctuation, whitespace
// dropped, each with its matching key (the token case-folded). The index
// (memory/tm/tm_index.h) and the scorer (memory/tm/match_score.h) both
// take their tokens from here, so that the index can never disagree with
// the score about what two tokens share.
//
//   auto tokenizer = tm::MatchTokenizer::Create();
//   std::vector<tm::MatchToken> tokens;
//   tokenizer->Tokenize("Kyiv, 5 May", tokens);
//   // "Kyiv" (word, key "kyiv"), "," (punctuation), "5" (number), "May"
//
// Thread safety: a MatchTokenizer keeps iteration state; one per thread.

#ifndef ONOMA_MEMORY_TM_MATCH_TOKENS_H_
#define ONOMA_MEMORY_TM_MATCH_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lib/text/word_break.h"
#include "lib/util/status.h"

namespace onoma::tm {

enum class TokenKind : std::uint8_t { kWord, kNumber, kPunctuation };

struct MatchToken {
  std::uint32_t begin = 0;  // bytes of the segment
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  // The token case-folded (full Unicode folding, then NFC): two tokens are
  // the same for the distance when their keys are equal.
  std::string key;
};

// The key a token is indexed under: its key, but "#" for every number, so
// that a number the lookup may substitute is shared with any other number.
inline std::string_view IndexKey(const MatchToken& token) {
  return token.kind == TokenKind::kNumber ? std::string_view("#")
                                          : std::string_view(token.key);
}

class MatchTokenizer {
 public:
  // kInternal when ICU's word rules are missing.
  [[nodiscard]] static Result<MatchTokenizer> Create();

  // The tokens of `text` (valid UTF-8, shorter than 2 GiB) into `out`,
  // cleared first. The private-use characters U+E101-U+E108 that stand for
  // inline codes in a stored skeleton are not tokens.
  //
  // With `max_tokens`, stops after max_tokens + 1 tokens, so that a caller
  // that has no use for a text longer than that learns it is without
  // holding all of its tokens (a megabyte segment has hundreds of
  // thousands).
  void Tokenize(std::string_view text, std::vector<MatchToken>& out,
                std::size_t max_tokens = SIZE_MAX);

 private:
  explicit MatchTokenizer(text::WordBreaker breaker)
      : breaker_(std::move(breaker)) {}
  text::WordBreaker breaker_;
};

// How many inline codes a stored skeleton holds (its U+E101-U+E108).
int CountInlineCodes(std::string_view skeleton);

}  // namespace onoma::tm

#endif  // ONOMA_MEMORY_TM_MATCH_TOKENS_H_
