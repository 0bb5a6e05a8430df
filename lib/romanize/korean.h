// Korean romanization: the schemes ko-rr, ko-rr-translit, ko-mr, ko-dprk.
//
//   #include "lib/romanize/korean.h"
//
//   auto schemes = onoma::romanize::MakeKoreanSchemes();
//   const Scheme& rr = *schemes[0];                       // "ko-rr"
//   rr.Romanize("신라");                                    // "silla"
//   RomanizeOptions place;
//   place.place = true;
//   rr.Romanize("의정부시", place);                          // "Uijeongbu-si"
//   rr.Romanize("서울역 세종대로", place);   // "Seoul Station Sejong-daero"
//   place.road = true;                      // roads in 로 as addresses write
//   rr.Romanize("종로", place);                              // "Jong-ro"
//   RomanizeOptions name;
//   name.name = true;
//   rr.Romanize("한복남", name);                             // "Han Bok-nam"
//   name.name_style = RomanizeOptions::NameStyle::kCommon;
//   rr.Romanize("박정희", name);                             // "Park
//   Jeong-hui"
//
//   // A user's exception list (사이시옷, ㄴ insertion, ...), read at run time:
//   KoreanConfig config;
//   config.exception_files.push_back("my-exceptions.txt");
//   auto mine = MakeKoreanSchemes(config);   // fails with file:line:column
//
// The schemes:
//   ko-rr           Revised Romanization (Ministry of Culture and Tourism
//                   notice 2000-8), writing the standard pronunciation with
//                   every sound change RR writes; names (RR 3.4), places
//                   (3.5, 3.6; roads of the road-name address and
//                   stations as their signs write them), capitals (3.3),
//                   hyphens (3.2) by options.
//   ko-rr-translit  RR 3.8: the spelling letter by letter; reversible, so
//                   Deromanize() restores the Hangul exactly.
//   ko-mr           McCune–Reischauer (1939): breves, apostrophes, voicing;
//                   RomanizeOptions::ascii drops the marks (Pyongyang).
//   ko-dprk         the DPRK's system (1992, updated 2002): kh th ph, j,
//                   given names syllable by syllable (Pak Tong Gu).
// docs/korean.md lists the rules, the table formats and the options.
//
// Text that is not Hangul is copied unchanged. Precomposed syllables and
// conjoining jamo (NFD) give the same output; a letter standing alone
// (ㅋ, ㅏ, compatibility or conjoining jamo) is written letter by letter.
//
// Thread safety: the schemes are immutable once made; every method is
// const and may be called from many threads at once.

#ifndef ONOMA_LIB_ROMANIZE_KOREAN_H_
#define ONOMA_LIB_ROMANIZE_KOREAN_H_

#include <memory>
#include <string>
#include <vector>

#include "lib/romanize/scheme.h"
#include "lib/util/status.h"

namespace onoma::romanize {

// Where the Korean schemes find data beyond the built-in tables.
struct KoreanConfig {
  // Exception lists of the user's, in the format of
  // tables/korean/ko-exceptions.txt, read in order after the built-in list;
  // an entry for a spelling already listed replaces it. Default: none.
  std::vector<std::string> exception_files;
};

// The Korean schemes from the built-in tables (compiled in from
// tables/korean/): ko-rr, ko-rr-translit, ko-mr, ko-dprk, in that order
// (then any other letter table in the folder, as a scheme). Never
// fails: the built-in tables are checked by the test suite; a broken one
// aborts with its file and line. The caller owns the schemes.
std::vector<std::unique_ptr<Scheme>> MakeKoreanSchemes();

// The ids MakeKoreanSchemes() gives, in its order, known without building
// the schemes (from the names of the built-in tables).
std::vector<std::string> KoreanSchemeIds();

// The same, with the user's files of `config`. Fails with kIo naming a file
// that cannot be read, or kBadInput at file:line:column for a malformed
// entry.
Result<std::vector<std::unique_ptr<Scheme>>> MakeKoreanSchemes(
    const KoreanConfig& config);

// The config that the environment asks for: ONOMA_KO_EXCEPTIONS holds a
// list of exception files separated by ':' (empty or unset: none).
KoreanConfig KoreanConfigFromEnvironment();

}  // namespace onoma::romanize

#endif  // ONOMA_LIB_ROMANIZE_KOREAN_H_
