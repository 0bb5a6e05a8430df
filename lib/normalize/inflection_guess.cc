#include "lib/normalize/inflection_guess.h"

#include <initializer_list>
#include <string_view>
#include <vector>

#include "lib/normalize/declension.h"
#include "lib/text/script.h"
#include "lib/text/unicode.h"
#include "lib/text/utf8.h"

namespace onoma::normalize {
namespace {

bool EndsWithAny(std::string_view s,
                 std::initializer_list<std::string_view> suffixes) {
  for (std::string_view x : suffixes) {
    if (s.ends_with(x)) return true;
  }
  return false;
}

std::vector<std::string_view> Words(std::string_view form) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= form.size(); ++i) {
    if (i == form.size() || form[i] == ' ') {
      if (i > start) out.push_back(form.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// The last code point of `s` as UTF-8, and the one before it.
std::string_view LastLetter(std::string_view s, std::size_t back = 0) {
  std::size_t end = s.size();
  for (std::size_t k = 0; k <= back; ++k) {
    if (end == 0) return {};
    std::size_t begin = end - 1;
    while (begin > 0 && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80)
      --begin;
    if (k == back) return s.substr(begin, end - begin);
    end = begin;
  }
  return {};
}

bool IsVowel(std::string_view letter) {
  for (std::string_view v :
       {"а", "е", "є", "и", "і", "ї", "о", "у", "ю", "я", "ы", "э", "ё", "ь"}) {
    if (letter == v) return true;
  }
  return false;
}

bool IsConsonant(std::string_view letter) {
  if (letter.empty() || letter == "й" || letter == "ь" || letter == "'" ||
      letter == "’" || letter == "ъ") {
    return false;
  }
  if (text::DominantScript(letter) != text::Script::kCyrillic) return false;
  return !IsVowel(letter);
}

std::size_t Letters(std::string_view s) { return text::CountCodePoints(s); }

// Family names that begin an East Asian name in English ("Kim Jong Un",
// "Xi Jinping", "Nguyen Phu Trong").
bool EastAsianSurname(std::string_view word) {
  for (std::string_view s :
       {"kim",  "lee",  "li",    "park",  "pak",    "yoon",  "yun",  "moon",
        "choi", "choe", "jung",  "jeong", "chung",  "han",   "kang", "cho",
        "shin", "ahn",  "hwang", "oh",    "jang",   "lim",   "song", "yoo",
        "kwon", "hong", "ri",    "xi",    "wang",   "zhang", "liu",  "chen",
        "hu",   "mao",  "deng",  "zhou",  "nguyen", "pham",  "tran", "le",
        "vo",   "ho",   "ban",   "roh",   "chun",   "yang",  "wen",  "jiang"}) {
    if (word == s) return true;
  }
  return false;
}

bool IsEastAsian(const ConceptInput& c,
                 const std::vector<std::string_view>& w) {
  for (const FormInput& t : c.terms) {
    if (t.lang == "ko" && t.kind == FormKind::kFullForm &&
        t.form.find(' ') == std::string::npos) {
      std::size_t n = Letters(t.form);
      if (n >= 2 && n <= 4 &&
          text::DominantScript(t.form) == text::Script::kHangul) {
        return true;
      }
    }
    if ((t.lang == "en" || t.lang == "zh" || t.lang == "vi") &&
        t.kind == FormKind::kFullForm) {
      std::vector<std::string_view> en = Words(t.form);
      if (en.size() >= 2 && EastAsianSurname(text::ToLower(en[0]))) {
        return true;
      }
    }
  }
  // Three short parts: Кім Чен Ин, Нгуєн Фу Чонг.
  if (w.size() == 3) {
    bool short_parts = true;
    for (std::string_view x : w) short_parts &= Letters(x) <= 5;
    return short_parts;
  }
  return false;
}

// Whether the concept's other renderings name a region or a city.
bool NamesAPlace(const ConceptInput& c) {
  for (const FormInput& t : c.terms) {
    if (t.lang == "en") {
      std::string lower = text::ToLower(t.form);
      for (std::string_view k : {" oblast", " region", " city", " province",
                                 " krai", " raion", " district"}) {
        if (lower.ends_with(k)) return true;
      }
    } else if (t.lang == "ko" && t.form.find(' ') == std::string::npos &&
               EndsWithAny(t.form, {"주", "도", "시"}) &&
               Letters(t.form) >= 3) {
      return true;
    }
  }
  return false;
}

bool FemaleGivenName(std::string_view lower) {
  // Men's given names in -а/-я.
  for (std::string_view m : {"микола", "ілля", "лука", "кузьма", "сава", "фома",
                             "никита", "илья", "фома", "савва"}) {
    if (lower == m) return false;
  }
  return EndsWithAny(lower, {"а", "я"});
}

// One word of a person's name in Ukrainian.
std::string PersonWordUk(std::string_view word, bool last, bool female) {
  std::string w = text::ToLower(word);
  if (text::DominantScript(w) != text::Script::kCyrillic) return "none";
  if (w == word) return "none";  // фон, дер, ван, де: particles
  std::string_view end = LastLetter(w);
  if (w.ends_with("ський")) return "p-adj-skyi";
  if (w.ends_with("цький")) return "p-adj-tskyi";
  if (w.ends_with("ська")) return "p-fem-ska";
  if (w.ends_with("цька")) return "p-fem-tska";
  if (last) {
    if (w.ends_with("ова")) return "p-fem-ova";
    if (w.ends_with("єва")) return "p-fem-yeva";
    if (w.ends_with("ева")) return "p-fem-eva";
    if (w.ends_with("іна")) return "p-fem-ina";
    if (w.ends_with("їна")) return "p-fem-yina";
    if (w.ends_with("ов")) return "p-ov";
    if (w.ends_with("єв")) return "p-yev";
    if (w.ends_with("ев")) return "p-ev";
    if (w.ends_with("їн")) return "p-yin";
    if (w.ends_with("ін")) return "p-in";
    if (w.ends_with("ин") && Letters(w) > 4) return "p-yn";
    if (w.ends_with("ий")) return "p-adj-yi";
    // Навальна: a woman's adjectival surname.
    if (female && w.ends_with("на")) {
      return "p-fem-na";
    }
  }
  if (last && female && (IsConsonant(end) || end == "ь" || end == "й")) {
    return "none";  // Кая Каллас: a woman's consonant-final surname
  }
  if (end == "й") {
    return IsVowel(LastLetter(w, 1)) ? "p-masc-j" : "none";
  }
  if (end == "ь") return "p-masc-soft";
  if (end == "ж" || end == "ч" || end == "ш" || end == "щ") {
    return "p-masc-mixed";
  }
  if (end == "к") return "p-masc-k";
  if (end == "г") return "p-masc-g";
  if (end == "х") return "p-masc-kh";
  if (IsConsonant(end)) return "p-masc-hard";
  if (w.ends_with("ія")) return "p-fem-iia";
  if (end == "я") {
    std::string_view before = LastLetter(w, 1);
    return IsVowel(before) || before == "й" ? "p-fem-ja" : "p-fem-ia";
  }
  if (end == "а") {
    if (w.ends_with("га")) return "p-fem-ga";
    if (w.ends_with("ка")) return "p-fem-ka";
    if (w.ends_with("ха")) return "p-fem-kha";
    return "p-fem-a";
  }
  if (end == "о") {
    // A given name (Дмитро, Петро) and a Ukrainian surname in -ко
    // (Кличко) decline; a woman's -ко and a foreign -о do not.
    if (w.ends_with("ко") && !female) return "p-masc-ko";
    // Дмитро, Петро, Павло; not Антоніо, Маріо.
    if (!last && EndsWithAny(w, {"ро", "ло"})) return "p-masc-o";
  }
  return "none";  // -е, -і, -у, -ю, -и: Рютте, Сі, Антоніу
}

// One word of a person's name in Russian.
std::string PersonWordRu(std::string_view word, bool last, bool female) {
  std::string w = text::ToLower(word);
  if (text::DominantScript(w) != text::Script::kCyrillic) return "none";
  if (w == word) return "none";  // фон, дер, ван, де: particles
  std::string_view end = LastLetter(w);
  if (w.ends_with("ский")) return "p-adj-skii";
  if (w.ends_with("цкий")) return "p-adj-tskii";
  if (w.ends_with("ская")) return "p-fem-skaya";
  if (w.ends_with("цкая")) return "p-fem-tskaya";
  if (last) {
    if (w.ends_with("ова")) return "p-fem-ova";
    if (w.ends_with("ева")) return "p-fem-eva";
    if (w.ends_with("ина")) return "p-fem-ina";
    if (w.ends_with("ына")) return "p-fem-yna";
    if (w.ends_with("ов")) return "p-ov";
    if (w.ends_with("ёв")) return "p-yov";
    if (w.ends_with("ев")) return "p-ev";
    if (w.ends_with("ин") && Letters(w) > 4) return "p-in";
    if (w.ends_with("ын") && Letters(w) > 4) return "p-yn";
    if (w.ends_with("ый")) return "p-adj-yi";
    if (w.ends_with("ой")) return "p-adj-oi";
    if (w.ends_with("ая")) return "p-fem-aya";  // Навальная
  }
  if (last && female && (IsConsonant(end) || end == "ь" || end == "й")) {
    return "none";
  }
  if (w.ends_with("ий")) return last ? "none" : "p-masc-iy";
  if (end == "й") {
    return IsVowel(LastLetter(w, 1)) ? "p-masc-j" : "none";
  }
  if (end == "ь") return "p-masc-soft";
  if (end == "ж" || end == "ч" || end == "ш" || end == "щ" || end == "ц") {
    return "p-masc-mixed";
  }
  if (IsConsonant(end)) return "p-masc-hard";
  if (w.ends_with("ия")) return "p-fem-iia";
  if (end == "я") return "p-fem-ja";
  if (end == "а") {
    if (w.ends_with("га")) return "p-fem-ga";
    if (w.ends_with("ка")) return "p-fem-ka";
    if (w.ends_with("ха")) return "p-fem-kha";
    if (w.ends_with("жа")) return "p-fem-zha";
    if (w.ends_with("ша")) return "p-fem-sha";
    if (w.ends_with("ча") || w.ends_with("ща")) return "p-fem-cha";
    return "p-fem-a";
  }
  return "none";  // -о, -е, -и, -у, -ю: Кличко, Рютте, Си
}

std::string PersonClasses(const ConceptInput& c, const FormInput& t,
                          const std::vector<std::string_view>& words) {
  std::vector<std::string> out;
  if (words.size() > 1 && IsEastAsian(c, words)) {
    // Only the last element declines: Кім Чен Ин -> Кім Чен Ина.
    for (std::size_t i = 0; i + 1 < words.size(); ++i) out.push_back("none");
    out.push_back(t.lang == "ru" ? PersonWordRu(words.back(), false, false)
                                 : PersonWordUk(words.back(), false, false));
  } else {
    bool female = false;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      female |= FemaleGivenName(text::ToLower(words[i]));
    }
    std::string last = words.empty() ? "" : text::ToLower(words.back());
    female |= EndsWithAny(last, {"ова", "єва", "ева", "іна", "їна", "ська",
                                 "цька", "ская", "цкая", "ина", "ына", "ая"});
    for (std::size_t i = 0; i < words.size(); ++i) {
      bool is_last = i + 1 == words.size();
      out.push_back(t.lang == "ru" ? PersonWordRu(words[i], is_last, female)
                                   : PersonWordUk(words[i], is_last, female));
    }
  }
  bool all_none = true;
  std::string joined;
  for (const std::string& k : out) {
    all_none &= k == "none";
    if (!joined.empty()) joined += ' ';
    joined += k;
  }
  if (all_none) return "none";
  if (out.size() == 1) return out[0];
  return joined;
}

std::string Join(const std::vector<std::string>& classes) {
  bool all_none = true;
  bool all_same = true;
  std::string joined;
  for (const std::string& k : classes) {
    all_none &= k == "none";
    all_same &= k == classes.front();
    if (!joined.empty()) joined += ' ';
    joined += k;
  }
  if (classes.empty() || all_none) return "none";
  if (all_same) return classes.front();
  return joined;
}

// The Russian rendering's final vowel, when it ends in one: a place that
// keeps its final -о/-е/-и/-у in Russian too (Осло, Тбилиси) is foreign
// and does not decline.
bool ForeignVowelFinal(const ConceptInput& c, std::string_view lower) {
  std::string_view end = LastLetter(lower);
  if (end != "о" && end != "і" && end != "у" && end != "ю") return false;
  if (end != "о") return true;  // -і, -у, -ю: Тбілісі, Сочі, Баку
  for (const FormInput& t : c.terms) {
    if (t.lang != "ru" && t.lang != "uk") continue;
    std::string f = text::ToLower(t.form);
    if (t.lang == "ru" && t.kind == FormKind::kFullForm &&
        f.find(' ') == std::string::npos) {
      return EndsWithAny(f, {"о", "е", "и", "у", "ю"});
    }
  }
  return false;
}

// Whether the concept's Russian name is a feminine noun in -ь (Тверь,
// Керчь, Беларусь, Казань), which its Ukrainian name follows (Твер,
// Керч, Білорусь).
// Only a form that is that name (the same last two letters but -ь:
// Твер, Тверь) follows it, not a former name of the place (Калінін).
bool FeminineSoft(const ConceptInput& c, std::string_view lower) {
  auto stem = [](std::string_view w) {
    if (w.ends_with("ь")) w.remove_suffix(std::string_view("ь").size());
    return std::string(LastLetter(w, 1)) + std::string(LastLetter(w));
  };
  for (const FormInput& t : c.terms) {
    if (t.lang != "ru" || t.kind != FormKind::kFullForm ||
        t.form.find(' ') != std::string::npos) {
      continue;
    }
    std::string f = text::ToLower(t.form);
    if (!EndsWithAny(f, {"чь", "шь", "щь", "жь", "рь", "мь", "сь", "вь", "пь",
                         "бь", "ань", "ынь"})) {
      continue;
    }
    if (stem(f) == stem(lower)) return true;
  }
  return false;
}

// Masculine names whose genitive is -у: regions and countries.
bool GenitiveInU(std::string_view lower) {
  if (lower.ends_with("стан")) return true;  // Киргизстан, Казахстан
  for (std::string_view w : {"крим", "донбас", "кавказ", "сибір", "кузбас",
                             "ірак", "іран", "кіпр", "крым", "донбасс"}) {
    if (lower == w) return true;
  }
  return false;
}

std::string PlaceClasses(const Declension& table, const ConceptInput& c,
                         const FormInput& t,
                         const std::vector<std::string_view>& words) {
  std::vector<std::string> out;
  if (words.size() == 1 && FeminineSoft(c, text::ToLower(words[0]))) {
    std::string lower = text::ToLower(words[0]);
    if (t.lang == "ru") return "fem-3";
    if (lower.ends_with("сь")) return "fem-3-s";
    if (lower.ends_with("ь")) return "fem-3-soft";
    if (IsConsonant(LastLetter(lower))) return "fem-3-cons";
  }
  if (words.size() == 1 && t.lang == "uk" &&
      GenitiveInU(text::ToLower(words[0]))) {
    return text::ToLower(words[0]).ends_with("к") ? "masc-u-k" : "masc-u";
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view word = words[i];
    std::string lower = text::ToLower(word);
    if (text::DominantScript(word) != text::Script::kCyrillic) {
      out.push_back("none");
      continue;
    }
    // A word after the head in the genitive stays: "Автономна Республіка
    // Крим" declines all, but "... України", "... області" do not.
    if (i > 0 &&
        EndsWithAny(lower, {"ії", "ої", "ої", "ки", "ини", "ської", "цької",
                            "ого", "ів", "ах"}) &&
        table.ClassByEnding(word) == "none") {
      out.push_back("none");
      continue;
    }
    bool single = words.size() == 1;
    bool last = i + 1 == words.size();
    if (t.lang == "uk") {
      // A plural name: Суми, Бровари, Чернівці, Горішні Плавні.
      std::string final_word = text::ToLower(words.back());
      bool plural =
          (final_word.ends_with("и") && !final_word.ends_with("ії")) ||
          (final_word.ends_with("і") && !final_word.ends_with("ії") &&
           (!single || final_word.ends_with("ці")));
      if (plural && last) {
        out.push_back(lower.ends_with("ри")  ? "pl-ry"
                      : lower.ends_with("и") ? "pl-y"
                                             : "pl-i");
        continue;
      }
      if (plural && lower.ends_with("і")) {
        // Горішні, Верхні (soft: -ніх) against Сполучені (hard: -их).
        bool soft = EndsWithAny(
            lower, {"шні", "хні", "жні", "дні", "тні", "зні", "сні"});
        out.push_back(soft ? "pl-adj-soft" : "pl-adj-i");
        continue;
      }
    } else {
      // A plural name: Сумы, Черновцы, Горишние Плавни.
      std::string final_word = text::ToLower(words.back());
      bool plural = final_word.ends_with("ы") ||
                    (final_word.ends_with("и") && !final_word.ends_with("ии"));
      if (plural && last) {
        out.push_back(single && lower.ends_with("цы") ? "pl-tsy"
                      : lower.ends_with("ни")         ? "pl-ni"
                      : lower.ends_with("ы")          ? "pl-y"
                                                      : "pl-i");
        continue;
      }
      if (plural && (lower.ends_with("ие") || lower.ends_with("ые"))) {
        out.push_back(lower.ends_with("ие") ? "pl-adj-ie" : "pl-adj-ye");
        continue;
      }
    }
    if (single && ForeignVowelFinal(c, lower)) {
      out.push_back("none");
      continue;
    }
    out.push_back(table.ClassByEnding(word));
  }
  return Join(out);
}

// An organization or anything else: the adjectives and the first noun.
std::string HeadClasses(const Declension& table, const ConceptInput& c,
                        const FormInput& t,
                        const std::vector<std::string_view>& words) {
  std::vector<std::string> out;
  bool head_done = false;
  for (std::string_view word : words) {
    if (head_done || text::DominantScript(word) != text::Script::kCyrillic) {
      out.push_back("none");
      continue;
    }
    std::string lower = text::ToLower(word);
    if (words.size() == 1 && t.lang == "uk" && GenitiveInU(lower)) {
      out.push_back(lower.ends_with("к") ? "masc-u-k" : "masc-u");
      continue;
    }
    bool adjective =
        t.lang == "uk"
            ? EndsWithAny(lower, {"ий", "ій", "ська", "цька", "на", "ська",
                                  "ове", "ова", "не", "ське", "цьке", "ні"})
            : EndsWithAny(lower, {"ый", "ий", "ой", "ая", "яя", "ое", "ее"});
    // A noun in -о/-е of a concept that says nothing more (a surname:
    // Шевченко; a foreign name: Монако) is left alone.
    std::string k = table.ClassByEnding(word);
    if (!adjective && EndsWithAny(lower, {"о", "е"})) k = "none";
    // An institution's masculine noun has genitive -у: банку, комітету.
    if (c.is_organization && t.lang == "uk" && !adjective &&
        (k == "masc-hard" || k == "masc-k")) {
      k = k == "masc-k" ? "masc-u-k" : "masc-u";
    }
    out.push_back(k);
    if (!adjective || words.size() == 1) head_done = true;
  }
  return Join(out);
}

}  // namespace

std::string GuessInflection(const ConceptInput& entry, const FormInput& term) {
  if (term.lang != "uk" && term.lang != "ru") return "";
  auto table = Declension::Builtin(term.lang);
  if (!table.ok()) return "";
  if (term.kind == FormKind::kAcronym || term.kind == FormKind::kAbbreviation ||
      term.kind == FormKind::kPhrase) {
    return "none";
  }
  std::vector<std::string_view> words = Words(term.form);
  if (words.empty()) return "none";
  if (entry.is_person) return PersonClasses(entry, term, words);
  if (entry.is_place || NamesAPlace(entry)) {
    return PlaceClasses(**table, entry, term, words);
  }
  return HeadClasses(**table, entry, term, words);
}

}  // namespace onoma::normalize
