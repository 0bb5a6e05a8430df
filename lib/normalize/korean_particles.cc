#include "lib/normalize/korean_particles.h"

#include "lib/normalize/tables_internal.h"
#include "lib/text/utf8.h"
#include "lib/util/text_lines.h"

namespace onoma::normalize {
namespace {

// The final consonant (jongseong index 1..27) of the last code point of
// `s`, 0 for a syllable without one, -1 when it is no Hangul syllable.
int FinalConsonant(std::string_view s) {
  char32_t last = 0;
  for (std::size_t i = 0; i < s.size();) text::DecodeNext(s, i, last);
  if (last < 0xAC00 || last > 0xD7A3) return -1;
  return static_cast<int>((last - 0xAC00) % 28);
}

constexpr int kRieul = 8;  // ㄹ as a jongseong

}  // namespace

Result<Particles> Particles::Parse(std::string_view text,
                                   std::string_view path) {
  Particles table;
  for (TextLines lines(text); lines.Next();) {
    const std::string_view line = lines.line();
    const std::uint64_t number = lines.number();
    if (line.empty() || line[0] == '#') continue;
    Entry e;
    std::size_t space = line.find(' ');
    std::string_view forms = line.substr(0, space);
    if (space != std::string_view::npos) {
      if (line.substr(space + 1) != "rieul=second") {
        return Status::BadInput("unknown option after the particle")
            .At({std::string(path), number, 1, 0})
            .WithSnippet(std::string(line));
      }
      e.rieul_takes_vowel = true;
    }
    std::size_t slash = forms.find('/');
    e.after_consonant = forms.substr(0, slash);
    e.after_vowel = slash == std::string_view::npos ? e.after_consonant
                                                    : forms.substr(slash + 1);
    if (e.after_consonant.empty() || e.after_vowel.empty()) {
      return Status::BadInput("empty particle")
          .At({std::string(path), number, 1, 0})
          .WithSnippet(std::string(line));
    }
    table.first_bytes_[static_cast<unsigned char>(e.after_consonant[0])] = true;
    table.first_bytes_[static_cast<unsigned char>(e.after_vowel[0])] = true;
    table.entries_.push_back(std::move(e));
  }
  return table;
}

Result<const Particles*> Particles::Builtin() {
  return internal::ParsedBuiltin<Particles>("ko-particles.txt");
}

std::optional<ParticleHit> Particles::MatchPrefix(std::string_view rest) const {
  std::optional<ParticleHit> best;
  // Most words go on with no particle at all (a Ukrainian ending after a
  // shorter form): one look at the first byte rules them out.
  if (rest.empty() || !first_bytes_[static_cast<unsigned char>(rest[0])]) {
    return best;
  }
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    for (const std::string* f :
         {&entries_[i].after_consonant, &entries_[i].after_vowel}) {
      // Its last byte first: the particles share their first bytes (the
      // lead bytes of Hangul), far less their last.
      if (f->size() <= rest.size() && (!best || f->size() > best->length) &&
          rest[f->size() - 1] == f->back() && rest.substr(0, f->size()) == *f) {
        best = ParticleHit{i, f->size()};
      }
    }
  }
  return best;
}

std::string Particles::Adjust(const ParticleHit& hit, std::string_view written,
                              std::string_view noun) const {
  const Entry& e = entries_[hit.index];
  int final = FinalConsonant(noun);
  if (final < 0 || e.after_consonant == e.after_vowel) {
    return std::string(written);
  }
  bool vowel = final == 0 || (final == kRieul && e.rieul_takes_vowel);
  return vowel ? e.after_vowel : e.after_consonant;
}

}  // namespace onoma::normalize
