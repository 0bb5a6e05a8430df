#include <algorithm>
#include <cctype>

#include "lib/normalize/scanner_internal.h"
#include "lib/normalize/surface.h"
#include "lib/text/script.h"

namespace onoma::normalize::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// Code points that UAX #29 (as ICU applies it) keeps in one word with a
// neighbour of the same class: 1 for ASCII letters and digits, the Latin
// letters of U+00C0..U+024F and the Cyrillic letters (ALetter and Numeric:
// WB5, WB8-WB10), 2 for Hangul syllables (which ICU keeps together, but
// apart from letters of other scripts: "Kiev키예프" is two words); 0 for
// anything else. No name starts between two code points of one class, so
// the scanner does not walk the trie there. Classes smaller than UAX #29's
// only cost walks that find nothing.
int WordClass(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  if (c < 0x250) return c >= 0xC0 && c != 0xD7 && c != 0xF7;
  if (c >= 0x400 && c < 0x530) return c < 0x482 || c >= 0x48A;
  return c >= 0xAC00 && c <= 0xD7A3 ? 2 : 0;
}

// The code point at byte `i` of valid UTF-8 `s`, moving `i` past it.
char32_t DecodeAt(std::string_view s, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  std::size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  const std::size_t next = std::min(s.size(), i + length);
  char32_t c = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = i + 1; k < next; ++k) {
    c = (c << 6) | (static_cast<unsigned char>(s[k]) & 0x3F);
  }
  i = next;
  return c;
}

}  // namespace

// UAX #29 breaks around each ASCII punctuation mark of such a stretch
// (none joins two letters or digits: those rules need one on either side)
// and keeps the run whole, so the segments are known without ICU.
bool PlainWords(std::string_view stretch, std::vector<text::WordSpan>& out) {
  out.clear();
  auto punctuation = [](unsigned char b) {
    return b < 0x80 && b != '_' && !std::isalnum(b);
  };
  std::size_t i = 0;
  while (i < stretch.size() && punctuation(stretch[i])) {
    out.push_back({i, i + 1, text::WordKind::kNone});
    ++i;
  }
  const std::size_t run_begin = i;
  int run_class = 0;
  while (i < stretch.size() && !punctuation(stretch[i])) {
    std::size_t next = i;
    const int word_class = WordClass(DecodeAt(stretch, next));
    if (word_class == 0 || (run_class != 0 && word_class != run_class)) {
      return false;
    }
    run_class = word_class;
    i = next;
  }
  if (i > run_begin) {
    // Only begin and end are read (Check); the kind is not.
    out.push_back({run_begin, i, text::WordKind::kLetter});
  }
  while (i < stretch.size()) {
    if (!punctuation(stretch[i])) return false;
    out.push_back({i, i + 1, text::WordKind::kNone});
    ++i;
  }
  return true;
}

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
    const std::string_view stretch = line.substr(begin, end - begin);
    if (!PlainWords(stretch, spans_)) breaker_.Words(stretch, spans_);
    for (text::WordSpan& s : spans_) {
      s.begin += begin;
      s.end += begin;
    }
    window_begin_ = begin;
    window_end_ = end;
  }
  return spans_;
}

bool ScannedLine::AfterLocativePreposition(std::size_t folded_begin) const {
  std::string_view before = std::string_view(folded).substr(0, folded_begin);
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

bool ScannedLine::InNegative(const Candidate& c) const {
  // The negatives are ordered by start; of those starting before the
  // candidate ends, one overlaps it when the furthest end reaches past its
  // start. A binary search and a running maximum, not a walk over every
  // negative of the line for every candidate.
  auto before_end = std::partition_point(
      negatives.begin(), negatives.end(),
      [&](const std::pair<std::uint32_t, std::uint32_t>& n) {
        return n.first < c.word_end;
      });
  if (before_end == negatives.begin()) return false;
  return negative_reach[before_end - negatives.begin() - 1] > c.begin;
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
  if (current_.map[fbegin] == Folder::kMid ||
      current_.map[fend] == Folder::kMid) {
    return std::nullopt;
  }
  Candidate c;
  c.begin = current_.map[fbegin];
  c.end = current_.map[fend];
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
  while (c.folded_word_end < current_.map.size() &&
         current_.map[c.folded_word_end] != w.end) {
    ++c.folded_word_end;
  }
  if (hangul || !IsPossessiveSuffix(rest, name)) {
    // Particles are matched on the folded (NFC) text, so that one typed in
    // conjoining jamo is found; its length is taken back to the original
    // bytes.
    std::string_view folded_rest = std::string_view(current_.folded)
                                       .substr(fend, c.folded_word_end - fend);
    c.particle = particles_->MatchPrefix(folded_rest);
    if (!c.particle) return std::nullopt;
    std::uint32_t particle_end = current_.map[fend + c.particle->length];
    if (particle_end == Folder::kMid) return std::nullopt;
    c.particle->length = particle_end - c.end;
  }
  return c;
}

void Scanner::Scan(std::string_view line, ScannedLine& out) {
  std::swap(current_, out);  // the buffers change hands, nothing is copied
  Scan(line);
  std::swap(current_, out);
}

void Scanner::Scan(std::string_view line) {
  folder_.Fold(line, current_.folded, current_.map);
  current_.found.clear();
  current_.negatives.clear();
  current_.negative_reach.clear();
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
  // may (see WordClass), at the start of an NFC segment of the folded text.
  const std::string_view f = current_.folded;
  int class_before = 0;
  for (std::size_t i = 0; i < f.size();) {
    std::size_t next = i;
    const char32_t c = DecodeAt(f, next);
    const int word_class = WordClass(c);
    if ((word_class == 0 || word_class != class_before) &&
        current_.map[i] != Folder::kMid) {
      terms_->automaton.Walk(f, i, [&](std::size_t fend, std::uint32_t state) {
        if (auto found = Check(line, i, fend, state))
          current_.found.push_back(*found);
      });
    }
    class_before = word_class;
    i = next;
  }
  // Leftmost, then longest: a longer term shields the names inside it.
  std::sort(current_.found.begin(), current_.found.end(),
            [](const Candidate& a, const Candidate& b) {
              if (a.begin != b.begin) return a.begin < b.begin;
              return a.end > b.end;
            });
  for (const Candidate& c : current_.found) {
    if (!IsNegative(c.pattern)) continue;
    current_.negatives.emplace_back(c.begin, c.word_end);
    current_.negative_reach.push_back(std::max(
        c.word_end,
        current_.negative_reach.empty() ? 0 : current_.negative_reach.back()));
  }
}

}  // namespace onoma::normalize::internal
