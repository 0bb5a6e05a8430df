#include "memory/tm/match_tokens.h"

#include "lib/text/unicode.h"
#include "lib/text/utf8.h"

namespace onoma::tm {
namespace {

// Unicode White_Space, which UAX #29 keeps in segments of their own.
bool IsWhiteSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool IsInlineCodeMark(char32_t c) { return c >= 0xE101 && c <= 0xE108; }

// A segment that is nothing but spaces and inline-code marks.
bool IsBlank(std::string_view segment) {
  std::size_t i = 0;
  char32_t c = 0;
  while (i < segment.size()) {
    if (!text::DecodeNext(segment, i, c)) return false;
    if (!IsWhiteSpace(c) && !IsInlineCodeMark(c)) return false;
  }
  return true;
}

// Case folding through ICU costs microseconds; most tokens of en, uk and ko
// copy are ASCII or need no folding, and ASCII folds by a table lookup.
void FoldInto(std::string_view token, std::string& key) {
  bool ascii = true;
  for (char ch : token) ascii &= static_cast<unsigned char>(ch) < 0x80;
  if (ascii) {
    key.assign(token);
    for (char& ch : key) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return;
  }
  key = text::FoldCase(token);
}

}  // namespace

Result<MatchTokenizer> MatchTokenizer::Create() {
  auto breaker = text::WordBreaker::Create();
  if (!breaker.ok()) return breaker.status();
  return MatchTokenizer(std::move(*breaker));
}

void MatchTokenizer::Tokenize(std::string_view text,
                              std::vector<MatchToken>& out,
                              std::size_t max_tokens) {
  out.clear();
  // Segments one at a time: a long text's whitespace and tokens are never
  // all held as spans besides the tokens themselves.
  breaker_.Start(text);
  for (text::WordSpan span; out.size() <= max_tokens && breaker_.Next(span);) {
    std::string_view segment = span.In(text);
    TokenKind kind = TokenKind::kWord;
    if (span.kind == text::WordKind::kNumber) {
      kind = TokenKind::kNumber;
    } else if (span.kind == text::WordKind::kNone) {
      if (IsBlank(segment)) continue;
      kind = TokenKind::kPunctuation;
    }
    MatchToken& token = out.emplace_back();
    token.begin = static_cast<std::uint32_t>(span.begin);
    token.end = static_cast<std::uint32_t>(span.end);
    token.kind = kind;
    FoldInto(segment, token.key);
  }
}

int CountInlineCodes(std::string_view skeleton) {
  int codes = 0;
  std::size_t i = 0;
  char32_t c = 0;
  while (i < skeleton.size()) {
    if (!text::DecodeNext(skeleton, i, c)) break;
    codes += IsInlineCodeMark(c) ? 1 : 0;
  }
  return codes;
}

}  // namespace onoma::tm
