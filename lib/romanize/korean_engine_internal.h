// The Korean engine behind ko-rr, ko-rr-translit and ko-mr: the pipeline
// of stages, and the data (exceptions, surnames, administrative units)
// they share.
//
//   text --ScanHangul--> runs of syllables (hangul.h)
//        --ExceptionList::Apply--> pronunciation where spelling misleads
//        --ApplySoundChanges--> standard pronunciation
//                               (hangul_sound_internal.h)
//        --LetterWriter--> Latin letters (korean_writer_internal.h)
//   with the modes on top: names (korean_names.cc), places
//   (korean_places.cc), transliteration and its reverse
//   (korean_translit.cc).
//
// Internal to lib/romanize; the public door is lib/romanize/korean.h. An
// engine is immutable once built and safe to use from many threads.

#ifndef ONOMA_LIB_ROMANIZE_KOREAN_ENGINE_INTERNAL_H_
#define ONOMA_LIB_ROMANIZE_KOREAN_ENGINE_INTERNAL_H_

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lib/romanize/hangul.h"
#include "lib/romanize/korean_exceptions_internal.h"
#include "lib/romanize/korean_writer_internal.h"
#include "lib/romanize/scheme.h"
#include "lib/util/status.h"

namespace onoma::romanize::internal {

// A family name of tables/korean/ko-surnames.txt.
struct Surname {
  std::vector<hangul::Syllable> hangul;
  std::string rr;                   // the RR form as the table gives it
  std::vector<std::string> common;  // spellings in common use, most used first
  // Forms a scheme writes instead of its letters ("ko-mr" -> "Yi").
  std::vector<std::pair<std::string, std::string>> by_scheme;
};

// An administrative unit of tables/korean/ko-units.txt (RR 3.5).
struct Unit {
  std::vector<hangul::Syllable> hangul;
  bool omissible = false;      // -si -gun -eup may be left out (3.5 [붙임])
  bool numbered_only = false;  // only after a number (종로 2가)
  bool province_only = false;  // only after a province's name (도)
  std::size_t min_stem = 2;    // syllables the name before it needs
  // With min_stem 1: the one-syllable names it follows (short-stems=),
  // and whether any closed syllable (one with a final) also may
  // (short-stems=closed,...). Empty and false: any syllable.
  std::vector<hangul::Syllable> short_stems;
  bool short_closed = false;
};

// A place name made of two names, written as two words joined by a hyphen
// ([joined] of ko-units.txt: 천안아산 Cheonan-Asan) or apart ([spaced]:
// 성산일출봉 Seongsan Ilchulbong); `split` is the syllables of the first.
struct JoinedName {
  std::vector<hangul::Syllable> hangul;
  std::size_t split = 0;
  char separator = '-';
};

// A road class of tables/korean/ko-generics.txt (대로, 로, 길): written
// after a hyphen, as the road-name address writes it.
struct RoadClass {
  std::vector<hangul::Syllable> hangul;
  std::size_t min_stem = 2;   // syllables the name before it needs
  bool needs_option = false;  // road-option: only with RomanizeOptions::road
                              // or before a numbered side street (로)
  bool numbered = false;      // takes a number: 테헤란로4길
};

// A road whose name ends in the syllables of a longer class ([road-names]:
// 해운대로 is 해운대 + 로): how many syllables its class has.
struct RoadName {
  std::vector<hangul::Syllable> hangul;
  std::size_t class_size = 0;
  bool needs_option = false;  // its class's
};

// A generic written in English after the name ([stations]: 역 Station).
struct TranslatedGeneric {
  std::vector<hangul::Syllable> hangul;
  std::string english;
  std::size_t min_stem = 2;
};

struct KoreanData {
  ExceptionList exceptions;
  std::vector<Surname> surnames;  // two-syllable names first
  std::vector<Unit> units;        // longest first
  std::vector<std::vector<hangul::Syllable>> provinces;
  // [names]: place names written whole though they end in a unit's syllable.
  std::vector<std::vector<hangul::Syllable>> whole_names;
  // [endings]: words that end a place name without being a unit (거리 in
  // 사거리, a crossroads): a name that ends in one is written whole.
  std::vector<std::vector<hangul::Syllable>> whole_endings;
  // [joined] and [spaced]: names of two names, Cheonan-Asan, Seongsan
  // Ilchulbong.
  std::vector<JoinedName> joined_names;
  // tables/korean/ko-generics.txt: road classes (longest first), the
  // syllables between a number and its class (번 in 123번길), the roads
  // listed by name, and the generics written in English (역).
  std::vector<RoadClass> road_classes;
  std::vector<std::vector<hangul::Syllable>> road_numbers;
  std::vector<RoadName> road_names;
  std::vector<TranslatedGeneric> translated;

  // The surname that `name` begins with, preferring two syllables when the
  // name is long enough to keep a given name; nullptr if none is listed.
  const Surname* FindSurname(std::span<const hangul::Syllable> name) const;
};

// Parsers for the data files; each reports path:line:column.
Status ParseSurnames(std::string_view contents, std::string_view path,
                     KoreanData* data);
Status ParseUnits(std::string_view contents, std::string_view path,
                  KoreanData* data);
Status ParseGenerics(std::string_view contents, std::string_view path,
                     KoreanData* data);

// One piece of input text, for the modes that look beyond one run.
struct TextItem {
  enum Kind { kRun, kLetter, kOther } kind;
  std::size_t begin;
  std::size_t end;
  std::vector<hangul::Syllable> run;  // kRun
  hangul::Letter letter;              // kLetter
};
std::vector<TextItem> SplitText(std::string_view text);

// Whether a word starts at byte `pos` of `text`: nothing before it, or not
// a letter or digit.
bool StartsWord(std::string_view text, std::size_t pos);

class Transliterator;  // below

class KoreanEngine {
 public:
  KoreanEngine(LetterWriter writer, std::optional<LetterWriter> ascii_writer,
               std::shared_ptr<const KoreanData> data);

  std::string_view id() const { return writer_.table().id; }
  std::string_view title() const { return writer_.table().title; }
  bool transliterates() const { return !writer_.table().sound_changes; }
  const KoreanData& data() const { return *data_; }
  // The writer for these options (the ASCII one when asked and present).
  const LetterWriter& writer(const RomanizeOptions& options) const {
    return options.ascii && ascii_writer_ ? *ascii_writer_ : writer_;
  }

  // The reverse of a transliterating scheme; null for the others.
  const Transliterator* transliterator() const { return transliterator_.get(); }

  // Appends the romanization of `text` in the mode the options ask for.
  void Romanize(std::string_view text, const RomanizeOptions& options,
                std::string* out) const;
  // As Romanize, for text not yet validated: false when `text` is not
  // valid UTF-8, and then what was appended to `out` is to be dropped.
  // Plain text is checked in the pass that decodes it.
  bool RomanizeChecked(std::string_view text, const RomanizeOptions& options,
                       std::string* out) const;

  // Appends one word: exceptions, sound changes, letters. `run` is the
  // spelling and is rewritten. `before` is what stands before it
  // (LetterWriter::kAtStart, or the final sound of a word joined by a
  // hyphen, for voicing).
  void AppendWord(std::span<hangul::Syllable> run,
                  const RomanizeOptions& options, std::string* out,
                  int before = LetterWriter::kAtStart) const;

  // Appends syllables one by one with no sound change between them (given
  // names, RR 3.4). `separator` goes between them: 0 for none, '-', or ' '
  // (each syllable then a capitalized word, as DPRK names are written).
  void AppendSyllables(std::span<const hangul::Syllable> syllables,
                       char separator, const RomanizeOptions& options,
                       std::string* out) const;

  // Appends a letter written on its own (ㅋ, ㅏ), letter by letter.
  void AppendLetter(hangul::Letter letter, const RomanizeOptions& options,
                    std::string* out) const;

 private:
  template <bool kCheck>
  bool RomanizePlain(std::string_view text, const RomanizeOptions& options,
                     std::string* out) const;

  LetterWriter writer_;
  std::optional<LetterWriter> ascii_writer_;
  std::shared_ptr<const KoreanData> data_;
  std::shared_ptr<const Transliterator> transliterator_;  // translit only
};

// Modes, one file each.
void RomanizeName(const KoreanEngine& engine, std::string_view text,
                  const RomanizeOptions& options, std::string* out);
void RomanizePlace(const KoreanEngine& engine, std::string_view text,
                   const RomanizeOptions& options, std::string* out);

// Roads and stations of ko-generics.txt (korean_roads.cc), for the places
// mode. WriteRoad: appends `run` as a road (세종대로 Sejong-daero; 종로
// Jong-ro only when `road_option`) and returns true, or returns false and
// appends nothing when `run` is not a road's name. WriteSideStreet: the
// same for a word that is a numbered side street, with its road or not
// (테헤란로4길 Teheran-ro 4-gil, 4길 4-gil). SideStreetPrefix: for the
// part of a numbered side street after its number (길, 번길, 가길), the
// syllables before the class (0 or 1), or kNotSideStreet. FindTranslated:
// the generic written in English that ends `run` (역), the last run of a
// word of `word_syllables` in all, or nullptr.
bool WriteRoad(const KoreanEngine& engine, std::span<hangul::Syllable> run,
               bool road_option, const RomanizeOptions& options,
               std::string* out);
bool WriteSideStreet(const KoreanEngine& engine, std::string_view word,
                     std::vector<TextItem>& items,
                     const RomanizeOptions& options, std::string* out);
inline constexpr std::size_t kNotSideStreet = static_cast<std::size_t>(-1);
std::size_t SideStreetPrefix(const KoreanData& data,
                             std::span<const hangul::Syllable> run);
const TranslatedGeneric* FindTranslated(const KoreanData& data,
                                        std::span<const hangul::Syllable> run,
                                        std::size_t word_syllables);

// Shared by places and roads (korean_places.cc): what stands before a
// word written after a hyphen, for the letters' contexts (LetterWriter's
// `before`), given the pronounced word before the hyphen; and whether
// items[i] of `word` is a number followed by the run items[i + 1].
int HyphenContext(const LetterWriter& w,
                  std::span<const hangul::Syllable> pronounced);
bool NumberBefore(std::string_view word, const std::vector<TextItem>& items,
                  std::size_t i);

// RR 3.8 transliteration and its reverse (korean_translit.cc), compiled
// once from a letter table with `sound-changes: none`.
class Transliterator {
 public:
  explicit Transliterator(const LetterWriter& writer);
  void Write(std::string_view text, bool capitalize, std::string* out) const;
  // Never fails: Latin that does not read as syllables is copied.
  Result<std::string> Read(std::string_view text) const;

  // The letters of each jamo, and whether a hyphen must separate a final
  // from the initial after it (see korean_translit.cc).
  std::array<std::string, 19> leads;  // ㅇ is ""
  std::array<std::string, 21> vowels;
  std::array<std::string, 28> tails;  // no final is ""
  std::array<std::array<bool, 19>, 28> hyphen{};
};

}  // namespace onoma::romanize::internal

#endif  // ONOMA_LIB_ROMANIZE_KOREAN_ENGINE_INTERNAL_H_
