#include "lib/segment/anchors.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>

#include "lib/segment/rules.h"
#include "lib/text/unicode.h"
#include "lib/text/utf8.h"
#include "lib/util/text_lines.h"

// Tested by tests/segment/anchors_test.cc.

namespace onoma::segment {
namespace {

std::string LangOnly(std::string_view lang) {
  return std::string(lang.substr(0, lang.find_first_of("-_")));
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The number of ASCII digits at `s[i]`.
std::size_t DigitsAt(std::string_view s, std::size_t i) {
  std::size_t n = 0;
  while (i + n < s.size() && IsDigit(s[i + n])) ++n;
  return n;
}

// Whether `s[i..]` starts a group separator of the language's thousands:
// "," (en, ko) or a space, no-break space or narrow no-break space
// (uk, ru); sets `width` to its bytes.
bool ThousandsSeparatorAt(std::string_view s, std::size_t i, bool comma,
                          std::size_t& width) {
  if (comma && s[i] == ',') return width = 1, true;
  if (comma) return false;
  if (s[i] == ' ') return width = 1, true;
  if (s.substr(i, 2) == "\xC2\xA0") return width = 2, true;      // U+00A0
  if (s.substr(i, 3) == "\xE2\x80\xAF") return width = 3, true;  // U+202F
  return false;
}

// Multipliers written after a number: "1.2 million", "1,2 млн". The keys
// hold the value, so that every language's way of writing 1.2 million
// gives "num:1200000". Korean units are read by KoreanNumber.
struct Multiplier {
  std::string_view word;
  double factor;
};
constexpr Multiplier kMultipliers[] = {
    {"thousand", 1e3},
    {"million", 1e6},
    {"billion", 1e9},
    {"trillion", 1e12},
    {"тис", 1e3},
    {"тыс", 1e3},
    {"млн", 1e6},
    {"млрд", 1e9},
    {"трлн", 1e12},
    // The words in full, in the cases a number takes.
    {"тисяча", 1e3},
    {"тисячі", 1e3},
    {"тисяч", 1e3},
    {"мільйон", 1e6},
    {"мільйона", 1e6},
    {"мільйони", 1e6},
    {"мільйонів", 1e6},
    {"мільярд", 1e9},
    {"мільярда", 1e9},
    {"мільярди", 1e9},
    {"мільярдів", 1e9},
    {"тысяча", 1e3},
    {"тысячи", 1e3},
    {"тысяч", 1e3},
    {"миллион", 1e6},
    {"миллиона", 1e6},
    {"миллионов", 1e6},
    {"миллиард", 1e9},
    {"миллиарда", 1e9},
    {"миллиардов", 1e9},
};

// The Latin or Cyrillic multiplier word at s[i..], after at most one
// space, moving `i` past it; 1 when there is none.
double MultiplierAt(std::string_view s, std::size_t& i) {
  for (const Multiplier& m : kMultipliers) {
    std::size_t from = i;
    if (from < s.size() && s[from] == ' ') ++from;
    if (s.substr(from, m.word.size()) != m.word) continue;
    const std::size_t end = from + m.word.size();
    // The word must end there ("millions" is not one).
    if (end < s.size() && (std::isalpha(static_cast<unsigned char>(s[end])) ||
                           static_cast<unsigned char>(s[end]) >= 0xD0)) {
      continue;
    }
    i = end;
    return m.factor;
  }
  return 1;
}

// The value in digits: whole numbers without exponent or fraction (the
// products of "12.2" and 1e12 may miss the integer by a rounding error),
// others to ten significant digits.
std::string Canonical(double value) {
  char buffer[64];
  const double whole = std::round(value);
  if (std::fabs(value - whole) <= 1e-9 * std::max(1.0, std::fabs(value)) &&
      whole < 1e18) {
    std::snprintf(buffer, sizeof buffer, "%.0f", whole);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
  }
  return buffer;
}

// Reads the digits, group separators and decimal part at s[i..] as `lang`
// writes them; moves `i` past them.
double ReadNumber(std::string_view s, std::size_t& i, bool comma_groups) {
  const char decimal = comma_groups ? '.' : ',';
  std::string digits(s.substr(i, DigitsAt(s, i)));
  i += digits.size();
  // Groups of exactly three digits after a separator continue the number.
  for (std::size_t width = 0;
       i < s.size() && ThousandsSeparatorAt(s, i, comma_groups, width) &&
       DigitsAt(s, i + width) == 3 &&
       (i + width + 3 == s.size() || !IsDigit(s[i + width + 3]));) {
    digits += s.substr(i + width, 3);
    i += width + 3;
  }
  if (i + 1 < s.size() && (s[i] == decimal || s[i] == '.') &&
      IsDigit(s[i + 1])) {
    std::size_t n = DigitsAt(s, i + 1);
    digits += '.';
    digits += s.substr(i + 1, n);
    i += 1 + n;
  }
  return std::strtod(digits.c_str(), nullptr);
}

// Korean numbers group digits by ten thousands: 만 (1e4), 억 (1e8) and 조
// (1e12) close a group, and within one 천 (1e3) and 백 (1e2) may stand for
// places: "10조4천400억" is 10e12 + 4,400e8, "3억5천만" 3e8 + 5,000e4,
// "1천200" 1,200, "2천억" 2,000e8. Units must fall, in each level; the
// first that does not ends the number.
constexpr Multiplier kKoreanUnits[] = {
    {"조", 1e12}, {"억", 1e8}, {"만", 1e4}, {"천", 1e3}, {"백", 1e2},
};

double KoreanUnitAt(std::string_view s, std::size_t i) {
  for (const Multiplier& m : kKoreanUnits) {
    if (s.substr(i, m.word.size()) == m.word) return m.factor;
  }
  return 0;
}

// Reads the units and digits after `first` (already read, with `i` just
// after it) as a Korean number; moves `i` past what it reads.
double KoreanNumber(double first, std::string_view s, std::size_t& i) {
  double total = 0;
  double group = 0;
  double pending = first;  // digits not yet given a place
  double small_limit = 1e4;
  double big_limit = 1e13;
  for (double unit; (unit = KoreanUnitAt(s, i)) != 0;) {
    if (unit < 1e4) {
      if (unit >= small_limit || pending == 0) break;
      group += pending * unit;
      small_limit = unit;
    } else {
      if (unit >= big_limit) break;
      group += pending;
      total += group * unit;
      group = 0;
      big_limit = unit;
      small_limit = 1e4;
    }
    pending = 0;
    i += 3;  // every unit is one Hangul syllable
    if (i < s.size() && IsDigit(s[i])) pending = ReadNumber(s, i, true);
  }
  return total + group + pending;
}

// English units that translations into metric languages convert: the
// unit after a number ("262 pounds", "a 19-mile front"), and what one
// of it is in the metric unit a translation writes instead (118.8 kg).
struct Conversion {
  std::string_view unit;
  double factor;
  double offset = 0;  // added before the factor: Fahrenheit to Celsius
};
constexpr Conversion kConversions[] = {
    {"square miles", 2.589988},
    {"square mile", 2.589988},
    {"pounds", 0.45359237},
    {"pound", 0.45359237},
    {"lbs", 0.45359237},
    {"lb", 0.45359237},
    {"miles", 1.609344},
    {"mile", 1.609344},
    {"feet", 0.3048},
    {"foot", 0.3048},
    {"ft", 0.3048},
    {"inches", 2.54},
    {"inch", 2.54},
    {"yards", 0.9144},
    {"yard", 0.9144},
    {"acres", 0.4046856},
    {"acre", 0.4046856},
    {"gallons", 3.785412},
    {"gallon", 3.785412},
    {"ounces", 28.349523},
    {"ounce", 28.349523},
    {"mph", 1.609344},
    {"degrees Fahrenheit", 5.0 / 9, -32},
    {"degrees F", 5.0 / 9, -32},
};

// After a number of `value` read up to s[i], a US unit: the value in the
// metric unit, whole and to one decimal, as "num:" keys ("262 pounds":
// num:119 and num:118.8). Nothing for anything else.
void AddConverted(std::string_view s, std::size_t i, double value,
                  std::vector<std::string>& out) {
  if (i < s.size() && (s[i] == ' ' || s[i] == '-')) ++i;
  const std::string_view rest = s.substr(i);
  for (const Conversion& c : kConversions) {
    if (!rest.starts_with(c.unit)) continue;
    const std::size_t end = c.unit.size();
    if (end < rest.size() &&
        std::isalpha(static_cast<unsigned char>(rest[end]))) {
      continue;  // "feet" is no "f", "pounded" no "pound"
    }
    const double metric = (value + c.offset) * c.factor;
    const std::string whole = "num:" + Canonical(std::round(metric));
    const std::string tenths = "num:" + Canonical(std::round(metric * 10) / 10);
    out.push_back(whole);
    if (tenths != whole) out.push_back(tenths);
    return;
  }
}

// Whether `s` has `word` just before byte `at`, after at most one space.
bool WordBefore(std::string_view s, std::size_t at, std::string_view word) {
  if (at > 0 && s[at - 1] == ' ') --at;
  return at >= word.size() && s.substr(at - word.size(), word.size()) == word;
}

// A time of day at s[i..], read into its hour on the 24-hour clock and its
// minutes: "5 p.m.", "1:13 a.m." and "1645 GMT" (en), "17:00" (any
// language), "오후 5시" and "오전 1시" (ko: 오후, 밤 and 저녁 after noon;
// a bare "17시" as written). Moves `i` past the hour (and minutes, and
// a.m. or p.m.) and returns true; false, with `i` unchanged, for anything
// else ("5시간" is five hours).
bool TimeAt(std::string_view s, std::size_t& i, std::string_view lang,
            int& hour, int& minutes) {
  const std::size_t h_digits = DigitsAt(s, i);
  // Wire copy's time in four digits before its zone: "1645 GMT".
  if (h_digits == 4 && lang == "en" &&
      (s.substr(i + 4, 4) == " GMT" || s.substr(i + 4, 4) == " UTC") &&
      (i == 0 || !IsDigit(s[i - 1]))) {
    const int hh = std::atoi(std::string(s.substr(i, 2)).c_str());
    const int mm = std::atoi(std::string(s.substr(i + 2, 2)).c_str());
    if (hh < 24 && mm < 60) {
      hour = hh;
      minutes = mm;
      i += 8;
      return true;
    }
  }
  if (h_digits == 0 || h_digits > 2) return false;
  if (i > 0 && (IsDigit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ',' ||
                s[i - 1] == ':')) {
    return false;
  }
  int h = std::atoi(std::string(s.substr(i, h_digits)).c_str());
  std::size_t end = i + h_digits;
  int m = 0;
  bool clock = false;  // written h:mm
  if (end + 2 < s.size() && s[end] == ':' && DigitsAt(s, end + 1) == 2) {
    m = std::atoi(std::string(s.substr(end + 1, 2)).c_str());
    end += 3;
    clock = m < 60;
  }
  if (lang == "ko") {
    if (s.substr(end, 3) == "시" && s.substr(end + 3, 3) != "간" && h <= 24) {
      const bool after_noon = WordBefore(s, i, "오후") ||
                              WordBefore(s, i, "밤") ||
                              WordBefore(s, i, "저녁");
      if (after_noon && h < 12) h += 12;
      if (WordBefore(s, i, "오전") && h == 12) h = 0;
      hour = h;
      minutes = 0;
      i = end + 3;
      return true;
    }
  } else if (lang == "en") {
    std::size_t at = end;
    if (at < s.size() && s[at] == ' ') ++at;
    const std::string_view rest = s.substr(at);
    int shift = -1;
    for (std::string_view am : {"a.m.", "am", "AM", "A.M."}) {
      if (rest.starts_with(am)) shift = 0, at += am.size();
    }
    for (std::string_view pm : {"p.m.", "pm", "PM", "P.M."}) {
      if (shift < 0 && rest.starts_with(pm)) shift = 12, at += pm.size();
    }
    if (shift >= 0 && h >= 1 && h <= 12 &&
        (at >= s.size() || !std::isalpha(static_cast<unsigned char>(s[at])))) {
      hour = h % 12 + shift;
      minutes = clock ? m : 0;
      i = at;
      return true;
    }
  }
  if (clock && h <= 24) {
    hour = h % 24;
    minutes = m;
    i = end;
    return true;
  }
  return false;
}

// Appends "num:N" for each number in `s`, read as `lang` writes numbers.
void AddNumbers(std::string_view s, std::string_view lang,
                std::vector<std::string>& out) {
  const bool comma_groups = !(lang == "uk" || lang == "ru");
  std::size_t i = 0;
  while (i < s.size()) {
    if (!IsDigit(s[i])) {
      ++i;
      continue;
    }
    // A time of day gives its hour on the 24-hour clock, so that "10 p.m.",
    // "22:00" and "오후 10시" meet, and its minutes as a number ("13분").
    int hour = 0;
    int minutes = 0;
    if (TimeAt(s, i, lang, hour, minutes)) {
      out.push_back("hour:" + std::to_string(hour));
      if (minutes > 0) out.push_back("num:" + std::to_string(minutes));
      continue;
    }
    double value = ReadNumber(s, i, comma_groups);
    if (KoreanUnitAt(s, i) != 0) {
      value = KoreanNumber(value, s, i);
    } else if (s.substr(i, 3) == "초" && i + 3 < s.size() &&
               IsDigit(s[i + 3]) && DigitsAt(s, i + 3) <= 3) {
      // Korean records write the fraction of a second after 초:
      // "2분15초302" is 2 minutes 15.302 seconds.
      const std::size_t n = DigitsAt(s, i + 3);
      value += std::strtod(std::string(s.substr(i + 3, n)).c_str(), nullptr) /
               std::pow(10.0, static_cast<double>(n));
      i += 3 + n;
    } else {
      value *= MultiplierAt(s, i);
    }
    out.push_back("num:" + Canonical(value));
    if (lang == "en") AddConverted(s, i, value, out);
  }
}

// Calls `f(begin, end)` for each run of letters (and inner apostrophes)
// in `s`.
template <typename F>
void ForEachWord(std::string_view s, F f) {
  std::size_t i = 0;
  std::size_t begin = std::string_view::npos;
  while (i < s.size()) {
    std::size_t at = i;
    char32_t c = 0;
    text::DecodeNext(s, i, c);
    bool letter =
        u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC) ||
        (begin != std::string_view::npos && (c == U'\'' || c == U'’'));
    if (letter && begin == std::string_view::npos) begin = at;
    if (!letter && begin != std::string_view::npos) {
      f(begin, at);
      begin = std::string_view::npos;
    }
  }
  if (begin != std::string_view::npos) f(begin, s.size());
}

}  // namespace

NumberAnchors::NumberAnchors() {
  for (const std::string& lang : BuiltinSegmentLanguages()) {
    auto rules = BuiltinSegmentRules(lang);
    if (!rules.ok()) continue;  // a test loads every table; see rules_test
    auto& words = words_[lang];
    auto& abbreviations = abbreviations_[lang];
    auto& phrases = phrases_[lang];
    for (const SegmentRules::Anchor& anchor : rules->anchors) {
      for (const std::string& word : anchor.words) {
        if (const std::size_t space = word.find(' ');
            space != std::string::npos) {
          phrases[word.substr(0, space)].emplace_back(word.substr(space),
                                                      anchor.key);
        } else if (word.size() > 1 && word.back() == '.') {
          abbreviations[word.substr(0, word.size() - 1)] = anchor.key;
        } else {
          words[word] = anchor.key;
        }
      }
    }
  }
}

std::vector<std::string> NumberAnchors::ConceptKeys(
    std::string_view sentence, std::string_view lang) const {
  std::vector<std::string> keys;
  const std::string base = LangOnly(lang);
  AddNumbers(sentence, base, keys);
  auto words = words_.find(base);
  if (words == words_.end()) return keys;
  const bool prefix = base == "ko";  // particles attach: "월요일에"
  const auto& abbreviations = abbreviations_.find(base)->second;
  const auto& phrases = phrases_.find(base)->second;
  ForEachWord(sentence, [&](std::size_t begin, std::size_t end) {
    std::string_view word = sentence.substr(begin, end - begin);
    // Phrases: the first word as written, the rest up to a word's end
    // (in Korean, where particles attach, up to anything).
    if (auto it = phrases.find(word); it != phrases.end()) {
      std::string_view after = sentence.substr(end);
      for (const auto& [rest, key] : it->second) {
        if (!after.starts_with(rest)) continue;
        std::size_t next = rest.size();
        char32_t c = 0;
        if (next < after.size()) text::DecodeNext(after, next, c);
        if (prefix ||
            !u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC)) {
          keys.push_back(key);
        }
      }
    }
    auto it = words->second.find(word);
    if (it != words->second.end()) {
      keys.push_back(it->second);
      return;
    }
    it = abbreviations.find(word);
    if (it != abbreviations.end()) {
      std::string_view after = sentence.substr(end);
      if (after.starts_with('.') ||
          (after.size() > 1 && after[0] == ' ' && IsDigit(after[1]))) {
        keys.push_back(it->second);
      }
      return;
    }
    if (!prefix) return;
    // A particle may follow a word of two syllables or more; one syllable
    // ("두" two) is a word only alone ("두고" is no number). The longest
    // form decides ("수백만명" is millions, not hundreds).
    const std::string* longest = nullptr;
    std::size_t longest_size = 0;
    for (const auto& [form, key] : words->second) {
      if (form.size() > 3 && form.size() > longest_size &&
          word.substr(0, form.size()) == form) {
        longest = &key;
        longest_size = form.size();
      }
    }
    if (longest != nullptr) keys.push_back(*longest);
  });
  return keys;
}

void ListAnchors::Add(std::string key, std::string lang, std::string form) {
  forms_[LangOnly(lang)].emplace_back(text::FoldCase(form), std::move(key));
}

Result<ListAnchors> ListAnchors::Parse(std::string_view text,
                                       std::string_view path) {
  ListAnchors list;
  for (TextLines lines(text); lines.Next();) {
    std::string_view line = lines.line();
    const std::size_t number = lines.number();
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab1 = line.find('\t');
    std::size_t tab2 =
        tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos || tab1 == 0 || tab2 == tab1 + 1 ||
        tab2 + 1 >= line.size() ||
        line.find('\t', tab2 + 1) != std::string_view::npos) {
      std::size_t column =
          tab1 == std::string_view::npos
              ? text::CountCodePoints(line) + 1
              : text::CountCodePoints(line.substr(0, tab1)) + 1;
      return Status::BadInput("expected key<TAB>lang<TAB>form")
          .At({std::string(path), number, column, 0});
    }
    list.Add(std::string(line.substr(0, tab1)),
             std::string(line.substr(tab1 + 1, tab2 - tab1 - 1)),
             std::string(line.substr(tab2 + 1)));
  }
  return list;
}

std::vector<std::string> ListAnchors::ConceptKeys(std::string_view sentence,
                                                  std::string_view lang) const {
  std::vector<std::string> keys;
  if (with_numbers_) keys = numbers_.ConceptKeys(sentence, lang);
  auto forms = forms_.find(LangOnly(lang));
  if (forms == forms_.end()) return keys;
  const std::string folded = text::FoldCase(sentence);
  ForEachWord(folded, [&](std::size_t begin, std::size_t /*end*/) {
    std::string_view rest = std::string_view(folded).substr(begin);
    for (const auto& [form, key] : forms->second) {
      // A form may span words ("kim jong un") but must start this one.
      if (rest.substr(0, form.size()) == form) keys.push_back(key);
    }
  });
  return keys;
}

std::vector<std::string> AnchorSet::ConceptKeys(std::string_view sentence,
                                                std::string_view lang) const {
  std::vector<std::string> keys = numbers_.ConceptKeys(sentence, lang);
  for (const AnchorSource* names : names_) {
    std::vector<std::string> more = names->ConceptKeys(sentence, lang);
    keys.insert(keys.end(), std::make_move_iterator(more.begin()),
                std::make_move_iterator(more.end()));
  }
  return keys;
}

}  // namespace onoma::segment
