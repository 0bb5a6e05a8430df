// Korean particles attached to a name, from tables/normalize/ko-particles.txt.
//
//   auto particles = normalize::Particles::Builtin();
//   if (!particles.ok()) return particles.status();
//   auto hit = (*particles)->MatchPrefix("는 말했다");  // 는, of 은/는
//   (*particles)->Adjust(*hit, "키이우");    // "는": 우 has no final consonant
//   (*particles)->Adjust(*hit, "서울");      // "은"
//
// Thread safety: immutable after Parse; Builtin() lives for the program.

#ifndef ONOMA_LIB_NORMALIZE_KOREAN_PARTICLES_H_
#define ONOMA_LIB_NORMALIZE_KOREAN_PARTICLES_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"

namespace onoma::normalize {

// A particle found at the start of the rest of a word.
struct ParticleHit {
  std::size_t index = 0;   // which particle of the table
  std::size_t length = 0;  // bytes of the particle as written
};

class Particles {
 public:
  // kBadInput with path:line on a malformed line.
  [[nodiscard]] static Result<Particles> Parse(std::string_view text,
                                               std::string_view path);
  [[nodiscard]] static Result<const Particles*> Builtin();

  // The longest particle that `rest` begins with; nullopt when none does.
  std::optional<ParticleHit> MatchPrefix(std::string_view rest) const;

  // The particle of `hit` in the form that follows `noun` (valid UTF-8):
  // the consonant form after a final consonant (but the vowel form of
  // 으로/로 after ㄹ), the vowel form after a vowel or a non-Hangul letter
  // ending in a vowel sound is not guessed: non-Hangul keeps `written`.
  std::string Adjust(const ParticleHit& hit, std::string_view written,
                     std::string_view noun) const;

 private:
  struct Entry {
    std::string after_consonant;
    std::string after_vowel;  // equal to after_consonant when invariant
    bool rieul_takes_vowel = false;
  };
  std::vector<Entry> entries_;
  // The bytes that some particle starts with.
  std::array<bool, 256> first_bytes_{};
};

}  // namespace onoma::normalize

#endif  // ONOMA_LIB_NORMALIZE_KOREAN_PARTICLES_H_
