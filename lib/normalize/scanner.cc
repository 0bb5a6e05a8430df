#include <algorithm>

#include "lib/normalize/scanner_internal.h"
#include "lib/normalize/surface.h"
#include "lib/text/script.h"

namespace onoma::normalize::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

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
  std::size_t start = before.find_last_of(" \t(");
  std::string_view word =
      before.substr(start == std::string_view::npos ? 0 : start + 1);
  // Not "по": удар по Дніпропетровську is dative.
  for (std::string_view p : {"у", "в", "уві", "на", "при"}) {
    if (word == p) return true;
  }
  return false;
}

bool Scanner::IsNegative(std::uint32_t pattern) const {
  const Pattern& p = terms_->patterns[pattern];
  for (std::uint32_t i = 0; i < p.entry_count; ++i) {
    if (terms_->entries[p.first_entry + i].negative) return true;
  }
  return false;
}

bool Scanner::InNegative(const Candidate& c) const {
  for (const auto& [b, e] : negatives_) {
    if (b < c.word_end && c.begin < e) return true;
  }
  return false;
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
  std::size_t left = c.begin;
  while (left > 0 && !IsSpace(line[left - 1])) --left;
  std::size_t right = c.end;
  while (right < line.size() && !IsSpace(line[right])) ++right;
  // Nothing inside a URL, an e-mail address or a path.
  for (std::size_t t = left; t < right;) {
    std::size_t e = t;
    while (e < right && !IsSpace(line[e])) ++e;
    if (IsNonProseToken(line.substr(t, e - t))) return std::nullopt;
    t = e;
    while (t < right && IsSpace(line[t])) ++t;
  }
  const std::vector<text::WordSpan>& words = Window(line, left, right);
  bool begins = false;
  for (const text::WordSpan& w : words) {
    if (w.begin == c.begin) begins = true;
    if (w.end == c.end) {
      c.word_end = c.end;
      c.folded_word_end = static_cast<std::uint32_t>(fend);
      return begins ? std::optional<Candidate>(c) : std::nullopt;
    }
    if (w.begin < c.end && c.end < w.end) {
      if (!begins) return std::nullopt;
      // The name ends inside a word: only a particle or a possessive may
      // follow it there.
      std::string_view rest = line.substr(c.end, w.end - c.end);
      std::string_view name = line.substr(c.begin, c.end - c.begin);
      // A Korean particle may follow a name in any script ("Kiev의" in
      // Korean copy); a possessive only a name that is not Hangul.
      bool hangul =
          text::ScriptOf(LastCodePointOf(name)) == text::Script::kHangul;
      c.word_end = static_cast<std::uint32_t>(w.end);
      c.folded_word_end = static_cast<std::uint32_t>(fend);
      while (c.folded_word_end < map_.size() &&
             map_[c.folded_word_end] != w.end) {
        ++c.folded_word_end;
      }
      if (hangul || !IsPossessiveSuffix(rest, name)) {
        // Particles are matched on the folded (NFC) text, so that one
        // typed in conjoining jamo is found; its length is taken back to
        // the original bytes.
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
  }
  return std::nullopt;
}

void Scanner::Scan(std::string_view line) {
  folder_.Fold(line, folded_, map_);
  found_.clear();
  negatives_.clear();
  window_begin_ = 1;
  window_end_ = 0;
  hits_.clear();
  terms_->automaton.Scan(folded_, [&](std::size_t end, std::uint32_t pattern) {
    hits_.emplace_back(end, pattern);
  });
  for (const auto& [fend, pattern] : hits_) {
    std::size_t fbegin = fend - terms_->patterns[pattern].length;
    if (auto c = Check(line, fbegin, fend, pattern)) found_.push_back(*c);
  }
  // Leftmost, then longest: a longer term shields the names inside it.
  std::sort(found_.begin(), found_.end(),
            [](const Candidate& a, const Candidate& b) {
              if (a.begin != b.begin) return a.begin < b.begin;
              return a.end > b.end;
            });
  for (const Candidate& c : found_) {
    if (IsNegative(c.pattern)) negatives_.emplace_back(c.begin, c.word_end);
  }
}

}  // namespace onoma::normalize::internal
