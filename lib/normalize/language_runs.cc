#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "lib/normalize/language_runs_internal.h"
#include "lib/text/language_guess.h"

// Tested by tests/normalize/language_runs_test.cc.

namespace onoma::normalize::internal {
namespace {

// Whether the character at byte `i` of `line` ends a sentence (. ! ? …);
// moves `i` past it, or one byte on when it does not. UTF-8 never puts an
// ASCII byte or a lead byte inside another character, so the marks are
// found by their bytes, without decoding every character.
bool SentenceEndAt(std::string_view line, std::size_t& i) {
  const char b = line[i++];
  if (b == '.' || b == '!' || b == '?') return true;
  if (b == '\xE2' && line.substr(i, 2) == "\x80\xA6") {  // …
    i += 2;
    return true;
  }
  return false;
}

// The quotation mark at byte `i` of `line` (« » „ “ ” "), moving `i` past
// it; else 0, moving `i` one byte on.
char32_t QuoteMarkAt(std::string_view line, std::size_t& i) {
  struct Mark {
    std::string_view bytes;
    char32_t mark;
  };
  static constexpr Mark kMarks[] = {
      {"\"", U'"'},           {"\xC2\xAB", U'«'},     {"\xC2\xBB", U'»'},
      {"\xE2\x80\x9E", U'„'}, {"\xE2\x80\x9C", U'“'}, {"\xE2\x80\x9D", U'”'},
  };
  const char b = line[i];
  if (b == '"' || b == '\xC2' || b == '\xE2') {
    for (const Mark& m : kMarks) {
      if (line.substr(i, m.bytes.size()) == m.bytes) {
        i += m.bytes.size();
        return m.mark;
      }
    }
  }
  ++i;
  return 0;
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// The first byte of `s` at or after `i` that is one of `marks`, or
// s.size(). Eight bytes at a time (each compared with every mark in one
// word, SWAR): the marks are rare, and a line is read by this more than
// once.
template <std::size_t N>
std::size_t FindAny(std::string_view s, std::size_t i,
                    const unsigned char (&marks)[N]) {
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t kOnes = 0x0101010101010101u;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      // Per mark, the lowest set bit is its first match, exactly (higher
      // ones may be false): so is the lowest of them all.
      std::uint64_t hit = 0;
      for (unsigned char m : marks) {
        const std::uint64_t x = word ^ (kOnes * m);
        hit |= (x - kOnes) & ~x & (kOnes << 7);
      }
      if (hit != 0) {
        return i + static_cast<std::size_t>(std::countr_zero(hit)) / 8;
      }
    }
  }
  for (; i < s.size(); ++i) {
    for (unsigned char m : marks) {
      if (static_cast<unsigned char>(s[i]) == m) return i;
    }
  }
  return s.size();
}

struct Open {
  char32_t mark;
  std::size_t content_begin;
};

// Quotations nest no deeper than this; a mark opening a deeper one is
// taken for no quotation. It bounds the work per mark and per name
// whatever the line holds.
constexpr std::size_t kMaxDepth = 8;

}  // namespace

void LanguageRuns::Find(std::string_view line, std::string_view lang) {
  lang_ = lang;
  quotes_.clear();
  sentences_.clear();
  // Quotations: a stack of open marks; a closing mark closes the nearest
  // open one it pairs with, and whatever was opened inside it and left
  // open is dropped.
  bool straight = std::count(line.begin(), line.end(), '"') % 2 == 0;
  std::vector<Open> open;
  auto push = [&](char32_t mark, std::size_t content_begin) {
    if (open.size() < kMaxDepth) open.push_back({mark, content_begin});
  };
  auto close = [&](std::size_t at, auto pairs) {
    for (std::size_t k = open.size(); k-- > 0;) {
      if (!pairs(open[k].mark)) continue;
      Span& q = quotes_.emplace_back();
      q.begin = open[k].content_begin;
      q.end = at;
      open.resize(k);
      return true;
    }
    return false;
  };
  // The marks are found by their bytes (UTF-8 never puts an ASCII byte or
  // a lead byte inside another character), not by decoding every one.
  static constexpr unsigned char kQuoteStarts[] = {'"', 0xC2, 0xE2};
  for (std::size_t i = 0; i < line.size();) {
    i = FindAny(line, i, kQuoteStarts);
    if (i == line.size()) break;
    const std::size_t at = i;
    const char32_t c = QuoteMarkAt(line, i);
    switch (c) {
      case U'«':
      case U'„':
        push(c, i);
        break;
      case U'»':
        close(at, [](char32_t m) { return m == U'«'; });
        break;
      case U'“':  // closes „ (Ukrainian, German), else opens (English)
        if (!close(at, [](char32_t m) { return m == U'„'; })) {
          push(c, i);
        }
        break;
      case U'”':
        close(at, [](char32_t m) { return m == U'“' || m == U'„'; });
        break;
      case U'"':
        if (straight && !close(at, [](char32_t m) { return m == U'"'; })) {
          push(c, i);
        }
        break;
      default:
        break;
    }
  }
  std::sort(quotes_.begin(), quotes_.end(), [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  // Sentences, cut outside quotations; each one's letters are counted
  // outside its quotations.
  std::size_t next_quote = 0;  // the first outer quotation not yet passed
  std::size_t sentence_begin = 0;
  text::LetterCounts counts;
  std::size_t counted = 0;  // letters before this are counted
  auto count_to = [&](std::size_t to) {
    if (to > counted)
      text::CountLetters(line.substr(counted, to - counted), counts);
    counted = std::max(counted, to);
  };
  auto end_sentence = [&](std::size_t end) {
    count_to(end);
    Span& s = sentences_.emplace_back();
    s.begin = sentence_begin;
    s.end = end;
    s.lang = text::GuessRunLanguage(counts, lang);
    sentence_begin = end;
    counts = text::LetterCounts();
  };
  static constexpr unsigned char kSentenceEnds[] = {'.', '!', '?', 0xE2};
  for (std::size_t i = 0; i < line.size();) {
    if (next_quote < quotes_.size() && i >= quotes_[next_quote].begin) {
      // Skip the quotation (and the ones inside it).
      count_to(quotes_[next_quote].begin);
      std::size_t end = quotes_[next_quote].end;
      do {
        ++next_quote;  // an empty quotation ends where it begins
      } while (next_quote < quotes_.size() && quotes_[next_quote].begin < end);
      i = counted = std::max(i, end);
      continue;
    }
    // On to the next mark that may end a sentence, or the next quotation.
    const std::size_t limit =
        next_quote < quotes_.size() ? quotes_[next_quote].begin : line.size();
    i = FindAny(line.substr(0, limit), i, kSentenceEnds);
    if (i == limit) continue;
    if (SentenceEndAt(line, i) && i < line.size() && IsSpace(line[i])) {
      end_sentence(i);
    }
  }
  end_sentence(line.size());
  // Each quotation against the language around it: the quotation holding
  // it, else its sentence.
  std::vector<std::size_t> enclosing;
  for (std::size_t k = 0; k < quotes_.size(); ++k) {
    Span& q = quotes_[k];
    while (!enclosing.empty() && quotes_[enclosing.back()].end <= q.begin) {
      enclosing.pop_back();
    }
    std::string_view around;
    if (enclosing.empty()) {
      around = SentenceAt(q.begin);
    } else {
      q.parent = enclosing.back();
      around = quotes_[q.parent].lang;
    }
    q.lang =
        text::GuessRunLanguage(line.substr(q.begin, q.end - q.begin), around);
    enclosing.push_back(k);
  }
}

std::string_view LanguageRuns::SentenceAt(std::size_t at) const {
  auto s = std::partition_point(sentences_.begin(), sentences_.end(),
                                [&](const Span& x) { return x.end <= at; });
  return s == sentences_.end() ? lang_ : s->lang;
}

std::string_view LanguageRuns::LanguageOf(std::size_t begin,
                                          std::size_t end) const {
  // Quotations nest or are apart, so the innermost one holding [begin,
  // end), if any, is the last one to begin at or before `begin` or one of
  // the quotations around it (at most kMaxDepth).
  auto after =
      std::partition_point(quotes_.begin(), quotes_.end(),
                           [&](const Span& q) { return q.begin <= begin; });
  std::size_t k = static_cast<std::size_t>(after - quotes_.begin());
  if (k > 0) {
    for (k = k - 1; k != Span::kNone; k = quotes_[k].parent) {
      if (end <= quotes_[k].end) return quotes_[k].lang;
    }
  }
  return SentenceAt(begin);
}

}  // namespace onoma::normalize::internal
