// Anchors: what a sentence and its translation share whatever the
// language, to strengthen length-based alignment (aligner.h).
//
//   segment::NumberAnchors numbers;
//   numbers.ConceptKeys("Prices rose 3.5% in November.", "en");
//   // {"num:3.5", "num:11"}
//   numbers.ConceptKeys("Ціни зросли на 3,5% у листопаді.", "uk");
//   // {"num:3.5", "num:11"}
//
//   segment::ListAnchors names;             // numbers too, plus a list
//   names.Add("kursk", "en", "Kursk");
//   names.Add("kursk", "uk", "Курськ");
//   names.Add("kursk", "ko", "쿠르스크");
//   names.ConceptKeys("У Курській області ...", "uk");   // {"kursk"}
//
// The term store implements AnchorSource to link every name it knows
// across languages; the two here need no database.
//
// Thread safety: ConceptKeys() is const and the classes here keep no
// mutable state after construction, so one object may serve many threads;
// implementations elsewhere should promise the same.

#ifndef ONOMA_LIB_SEGMENT_ANCHORS_H_
#define ONOMA_LIB_SEGMENT_ANCHORS_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lib/util/status.h"

namespace onoma::segment {

class AnchorSource {
 public:
  virtual ~AnchorSource() = default;

  // The keys of the things `sentence` (in language `lang`, BCP 47) names,
  // each once per mention, in any order. Keys are opaque strings equal
  // across languages for the same thing ("num:2024", a concept id).
  // REQUIRES: `sentence` is valid UTF-8. Never fails: an unknown language
  // simply gives fewer keys.
  virtual std::vector<std::string> ConceptKeys(std::string_view sentence,
                                               std::string_view lang) const = 0;
};

// Numbers, as the language writes them: "1,200" (en, ko) and "1 200"
// (uk, ru) are "num:1200"; "3.5" (en) and "3,5" (uk) are "num:3.5"; and
// the month and weekday names that each table's `anchor:` lines list
// (tables/segment/<lang>.txt), so that "Nov. 27", "27 листопада" and
// "11월 27일" share "num:11" and "num:27"; a value of several words is a
// phrase ("last year", "다음 달": "rel:year-1", "rel:month+1"), its words
// in a row, the last ending a word except in Korean, where particles
// attach. An abbreviation listed with its period ("Jun.") counts only
// before a period or a number: "Jun 5" is a date, "Jun Young-hyun" a name.
class NumberAnchors : public AnchorSource {
 public:
  NumberAnchors();

  std::vector<std::string> ConceptKeys(std::string_view sentence,
                                       std::string_view lang) const override;

 private:
  using Words =
      std::map<std::string, std::map<std::string, std::string, std::less<>>,
               std::less<>>;
  // lang -> word -> key, from the built-in tables.
  Words words_;
  // lang -> abbreviation (without its period) -> key: words listed with a
  // final period, which count only before a period or a number.
  Words abbreviations_;
  // lang -> word -> (the words after it, key): anchors of several words
  // ("last year", "다음 달"), found where a word starts.
  std::map<
      std::string,
      std::map<std::string, std::vector<std::pair<std::string, std::string>>,
               std::less<>>,
      std::less<>>
      phrases_;
};

// Numbers (NumberAnchors) and the keys of any number of name sources, the
// sources' keys in turn: what `onoma tm align` uses, with the term store's
// names (normalize::NameAnchors) and a list given by --anchors
// (ListAnchors::WithoutNumbers).
class AnchorSet : public AnchorSource {
 public:
  // Adds a source of names. REQUIRES: `names` outlives the set and gives
  // no numbers (they would count twice).
  void Add(const AnchorSource* names) { names_.push_back(names); }

  std::vector<std::string> ConceptKeys(std::string_view sentence,
                                       std::string_view lang) const override;

 private:
  NumberAnchors numbers_;
  std::vector<const AnchorSource*> names_;
};

// NumberAnchors plus a list of names: a sentence names a concept when one
// of the concept's forms in its language starts a word of it, ignoring case
// ("Курськ" finds "Курській", "쿠르스크" finds "쿠르스크에서"). List the
// stem too where inflection changes the form ("Київ" and "Києв", which
// finds Києва and Києві).
class ListAnchors : public AnchorSource {
 public:
  // Adds `form` of concept `key` in `lang`. REQUIRES: valid UTF-8.
  void Add(std::string key, std::string lang, std::string form);

  // A list in the three-column TSV `key<TAB>lang<TAB>form`, `#` comments.
  // kBadInput naming path:line:column for a line with another shape.
  [[nodiscard]] static Result<ListAnchors> Parse(std::string_view text,
                                                 std::string_view path);

  std::vector<std::string> ConceptKeys(std::string_view sentence,
                                       std::string_view lang) const override;

  // The list's names alone, for an AnchorSet, which adds the numbers.
  void WithoutNumbers() { with_numbers_ = false; }

 private:
  NumberAnchors numbers_;
  bool with_numbers_ = true;
  // lang -> (folded form, key).
  std::map<std::string, std::vector<std::pair<std::string, std::string>>,
           std::less<>>
      forms_;
};

}  // namespace onoma::segment

#endif  // ONOMA_LIB_SEGMENT_ANCHORS_H_
