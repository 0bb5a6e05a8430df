#include <algorithm>

#include "lib/normalize/scanner_internal.h"
#include "lib/normalize/surface.h"
#include "lib/text/script.h"

namespace onoma::normalize::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// Whether UAX #29 keeps code point `c` in one word with a letter or digit
// of this set on either side (ALetter and Numeric: WB5, WB8-WB10): ASCII
// letters and digits, the Latin letters of U+00C0..U+024F, the Cyrillic
// letters and Hangul syllables (which ICU's rules keep together too). No
// name starts between two of them, so the scanner does not walk the trie
// there. A set smaller than UAX #29's only costs walks that find nothing.
bool JoinsWord(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  if (c < 0x250) return c >= 0xC0 && c != 0xD7 && c != 0xF7;
  if (c >= 0x400 && c < 0x530) return c < 0x482 || c >= 0x48A;
  return c >= 0xAC00 && c <= 0xD7A3;
}

}  // namespace

Result<Scanner> Scanner::Create(const CompiledTerms& terms) {
  auto particles = Particles::Builtin();
  if (!particles.ok()) return particles.status();
  auto breaker = text::WordBreaker::Create();
  if (!breaker.ok()) return breaker.status();
  return Scanner(terms, *particles, std::move(*breaker));
}

// Word segments of the whitespace-delimited stretch [begin, end) of
// `line`, offsets into `line`. Whitespace is always a word boundary
// (UAX #29 WB3a/b), so breaking the stretch alone gives the boundaries
// the whole line would.
const std::vector<text::WordSpan>& Scanner::Window(std::string_view line,
                                                   std::size_t begin,
                                                   std::size_t end) {
  if (begin != window_begin_ || end != window_end_) {
    breaker_.Words(line.substr(begin, end - begin), spans_);
    for (text::WordSpan& s : spans_) {
      s.begin += begin;
      s.end += begin;
    }
    window_begin_ = begin;
    window_end_ = end;
  }
  return spans_;
}

bool Scanner::AfterLocativePreposition(std::size_t folded_begin) const {
  std::string_view before = std::string_view(folded_).substr(0, folded_begin);
  while (!before.empty() && IsSpace(before.back())) before.remove_suffix(1);
  // Not "по": удар по Дніпропетровську is dative.
  constexpr std::string_view kPrepositions[] = {"у", "в", "уві", "на", "при"};
  constexpr std::size_t kLongest = std::string_view("уві").size();
  // Only a word no longer than the longest preposition can be one, so the
  // search for its start looks no further back than that: a long stretch
  // without spaces is not read again for every name in it.
  std::size_t look = std::min(before.size(), kLongest + 1);
  std::string_view tail = before.substr(before.size() - look);
  std::size_t start = tail.find_last_of(" \t(");
  if (start == std::string_view::npos && look < before.size()) return false;
  std::string_view word =
      tail.substr(start == std::string_view::npos ? 0 : start + 1);
  for (std::string_view p : kPrepositions) {
    if (word == p) return true;
  }
  return false;
}

bool Scanner::IsNegative(std::uint32_t pattern) const {
  for (const Entry& e : terms_->EntriesOf(pattern)) {
    if (e.negative) return true;
  }
  return false;
}

bool Scanner::InNegative(const Candidate& c) const {
  // The negatives are ordered by start; of those starting before the
  // candidate ends, one overlaps it when the furthest end reaches past its
  // start. A binary search and a running maximum, not a walk over every
  // negative of the line for every candidate.
  auto before_end = std::partition_point(
      negatives_.begin(), negatives_.end(),
      [&](const std::pair<std::uint32_t, std::uint32_t>& n) {
        return n.first < c.word_end;
      });
  if (before_end == negatives_.begin()) return false;
  return negative_reach_[before_end - negatives_.begin() - 1] > c.begin;
}

std::size_t Scanner::StretchLeft(std::string_view line, std::size_t begin) {
  // [left_, left_from_) holds no space and line[left_ - 1] is one (or
  // left_ is 0); names are checked in order of their ends, so the starts
  // move right but for a pattern's length, and each stretch is walked
  // about once.
  if (left_ <= begin && begin <= left_from_) return left_;
  std::size_t left = begin;
  while (left > 0 && !IsSpace(line[left - 1])) {
    if (left == left_from_ && left_ < left_from_) {
      left = left_;
      break;
    }
    --left;
  }
  left_ = left;
  left_from_ = begin;
  return left;
}

std::size_t Scanner::StretchRight(std::string_view line, std::size_t end) {
  // [right_from_, right_) holds no space and line[right_] is one (or the
  // line's end); the ends of names only grow.
  if (right_from_ <= end && end <= right_) return right_;
  std::size_t right = end;
  while (right < line.size() && !IsSpace(line[right])) ++right;
  right_from_ = end;
  right_ = right;
  return right;
}

bool Scanner::NonProse(std::string_view line, std::size_t left,
                       std::size_t right) {
  if (left != prose_begin_ || right != prose_end_) {
    non_prose_ = false;
    for (std::size_t t = left; t < right && !non_prose_;) {
      std::size_t e = t;
      while (e < right && !IsSpace(line[e])) ++e;
      non_prose_ = IsNonProseToken(line.substr(t, e - t));
      t = e;
      while (t < right && IsSpace(line[t])) ++t;
    }
    prose_begin_ = left;
    prose_end_ = right;
  }
  return non_prose_;
}

std::optional<Candidate> Scanner::Check(std::string_view line,
                                        std::size_t fbegin, std::size_t fend,
                                        std::uint32_t pattern) {
  if (map_[fbegin] == Folder::kMid || map_[fend] == Folder::kMid) {
    return std::nullopt;
  }
  Candidate c;
  c.begin = map_[fbegin];
  c.end = map_[fend];
  c.pattern = pattern;
  c.folded_begin = static_cast<std::uint32_t>(fbegin);
  c.folded_end = static_cast<std::uint32_t>(fend);
  std::size_t left = StretchLeft(line, c.begin);
  std::size_t right = StretchRight(line, c.end);
  // Nothing inside a URL, an e-mail address or a path.
  if (NonProse(line, left, right)) return std::nullopt;
  // The word segments tile [left, right) in order, so the ones at the
  // name's two ends are found by binary search: a stretch without spaces
  // may hold any number of names.
  const std::vector<text::WordSpan>& words = Window(line, left, right);
  auto ending = [&](std::size_t at) {
    return std::partition_point(
        words.begin(), words.end(),
        [&](const text::WordSpan& w) { return w.end < at; });
  };
  auto first = ending(c.begin + 1);
  auto last = ending(c.end);
  if (first == words.end() || first->begin != c.begin || last == words.end()) {
    return std::nullopt;
  }
  const text::WordSpan& w = *last;
  c.folded_word_end = static_cast<std::uint32_t>(fend);
  if (w.end == c.end) {
    c.word_end = c.end;
    return c;
  }
  // The name ends inside a word: only a particle or a possessive may
  // follow it there.
  std::string_view rest = line.substr(c.end, w.end - c.end);
  std::string_view name = line.substr(c.begin, c.end - c.begin);
  // A Korean particle may follow a name in any script ("Kiev의" in
  // Korean copy); a possessive only a name that is not Hangul.
  bool hangul = text::ScriptOf(LastCodePointOf(name)) == text::Script::kHangul;
  c.word_end = static_cast<std::uint32_t>(w.end);
  while (c.folded_word_end < map_.size() && map_[c.folded_word_end] != w.end) {
    ++c.folded_word_end;
  }
  if (hangul || !IsPossessiveSuffix(rest, name)) {
    // Particles are matched on the folded (NFC) text, so that one typed in
    // conjoining jamo is found; its length is taken back to the original
    // bytes.
    std::string_view folded_rest =
        std::string_view(folded_).substr(fend, c.folded_word_end - fend);
    c.particle = particles_->MatchPrefix(folded_rest);
    if (!c.particle) return std::nullopt;
    std::uint32_t particle_end = map_[fend + c.particle->length];
    if (particle_end == Folder::kMid) return std::nullopt;
    c.particle->length = particle_end - c.end;
  }
  return c;
}

void Scanner::Scan(std::string_view line) {
  folder_.Fold(line, folded_, map_);
  found_.clear();
  negatives_.clear();
  negative_reach_.clear();
  window_begin_ = 1;
  window_end_ = 0;
  left_ = 1;
  left_from_ = 0;
  right_from_ = 1;
  right_ = 0;
  prose_begin_ = 1;
  prose_end_ = 0;
  // Each form is checked as the walk from where it starts reports it, not
  // gathered first: a line's memory grows with the names it holds, not
  // with every occurrence too. A walk starts where the line's word segments
  // may (see JoinsWord), at the start of an NFC segment of the folded text.
  const std::string_view f = folded_;
  bool joins_before = false;
  for (std::size_t i = 0; i < f.size();) {
    const auto lead = static_cast<unsigned char>(f[i]);
    std::size_t next = i + 1;
    char32_t c = lead;
    if (lead >= 0xC0) {
      // Folded text is valid UTF-8: the lead byte gives the length.
      const std::size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      next = std::min(f.size(), i + length);
      c = lead & (0x7F >> length);
      for (std::size_t k = i + 1; k < next; ++k) {
        c = (c << 6) | (static_cast<unsigned char>(f[k]) & 0x3F);
      }
    }
    const bool joins = JoinsWord(c);
    if (!(joins_before && joins) && map_[i] != Folder::kMid) {
      terms_->automaton.Walk(f, i, [&](std::size_t fend, std::uint32_t state) {
        if (auto found = Check(line, i, fend, state)) found_.push_back(*found);
      });
    }
    joins_before = joins;
    i = next;
  }
  // Leftmost, then longest: a longer term shields the names inside it.
  std::sort(found_.begin(), found_.end(),
            [](const Candidate& a, const Candidate& b) {
              if (a.begin != b.begin) return a.begin < b.begin;
              return a.end > b.end;
            });
  for (const Candidate& c : found_) {
    if (!IsNegative(c.pattern)) continue;
    negatives_.emplace_back(c.begin, c.word_end);
    negative_reach_.push_back(std::max(
        c.word_end, negative_reach_.empty() ? 0 : negative_reach_.back()));
  }
}

}  // namespace onoma::normalize::internal
