#include "lib/normalize/declension.h"

#include <algorithm>
#include <set>
#include <span>
#include <tuple>
#include <utility>

#include "lib/normalize/tables_internal.h"
#include "lib/text/script.h"
#include "lib/text/unicode.h"
#include "lib/text/utf8.h"

namespace onoma::normalize {
namespace {

constexpr std::string_view kCaseNames[] = {"nom", "gen", "dat", "acc",
                                           "ins", "loc", "voc"};
constexpr int kCaseCount = 7;

// Cyrillic consonants that end a hard- or soft-stem masculine noun; "й"
// is left out because -ий/-ій words are adjectives with classes of their
// own.
constexpr std::string_view kConsonants[] = {"б", "в", "г", "ґ", "д", "ж", "з",
                                            "к", "л", "м", "н", "п", "р", "с",
                                            "т", "ф", "х", "ц", "ч", "ш", "щ"};

std::vector<std::string_view> SplitWs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

std::vector<std::string_view> SplitChar(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// The style of a dative or locative ending: -ові/-еві/-єві long, -у/-ю
// short.
EndingStyle StyleOf(std::string_view ending) {
  if (ending.ends_with("ві")) return EndingStyle::kLong;
  if (ending.ends_with("у") || ending.ends_with("ю"))
    return EndingStyle::kShort;
  return EndingStyle::kStandard;
}

// Whether `endings` offer both a long and a short dative or locative
// (Макронові, Макрону); only then does a form have a style.
bool HasBothStyles(const std::vector<std::string>& endings) {
  bool long_one = false, short_one = false;
  for (const std::string& e : endings) {
    long_one |= StyleOf(e) == EndingStyle::kLong;
    short_one |= StyleOf(e) == EndingStyle::kShort;
  }
  return long_one && short_one;
}

}  // namespace

std::string_view CaseName(Case c) { return kCaseNames[static_cast<int>(c)]; }

Result<Declension> Declension::Parse(std::string_view text,
                                     std::string_view path) {
  Declension table;
  std::uint64_t number = 0;
  for (std::string_view line : SplitChar(text, '\n')) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> fields = SplitWs(line);
    if (fields.empty()) continue;
    auto fail = [&](std::string message) {
      return Status::BadInput(std::move(message))
          .At({std::string(path), number, 1, 0})
          .WithSnippet(std::string(line));
    };
    if (fields.size() < 4) return fail("a class needs a name, gender, ending");
    Class c;
    c.name = fields[0];
    c.named_only = c.name.starts_with("p-") || c.name.starts_with("pl-");
    if (fields[2] != "~") c.ending = fields[2];
    c.endings.resize(kCaseCount);
    c.plural.resize(kCaseCount);
    for (std::size_t i = 3; i < fields.size(); ++i) {
      std::size_t colon = fields[i].find(':');
      if (colon == std::string_view::npos) return fail("expected CASE:ENDINGS");
      std::string_view name = fields[i].substr(0, colon);
      bool plural = name.starts_with("pl-");
      if (plural) name.remove_prefix(3);
      int index = -1;
      for (int k = plural ? 0 : 1; k < kCaseCount; ++k) {
        if (kCaseNames[k] == name) index = k;
      }
      if (index < 0) {
        return fail("unknown case '" + std::string(fields[i].substr(0, colon)) +
                    "'");
      }
      auto& slot = plural ? c.plural[index] : c.endings[index];
      for (std::string_view e : SplitChar(fields[i].substr(colon + 1), ',')) {
        slot.emplace_back(e);
      }
    }
    for (int k = 1; k < 6; ++k) {
      if (c.endings[k].empty()) {
        return fail("class '" + c.name + "' lacks case " +
                    std::string(kCaseNames[k]));
      }
    }
    table.classes_.push_back(std::move(c));
  }
  return table;
}

Result<const Declension*> Declension::Builtin() {
  return internal::ParsedBuiltin<Declension>("uk-declension.txt");
}

Result<const Declension*> Declension::Builtin(std::string_view lang) {
  if (lang == "uk") return Builtin();
  if (lang != "ru") {
    return Status::NotFound("no declension table for '" + std::string(lang) +
                            "'");
  }
  // ParsedBuiltin keeps one table per type; the Russian one is its own.
  static const Result<Declension>* const table = [] {
    for (const EmbeddedFile& file : internal::NormalizeTables()) {
      if (file.name == "ru-declension.txt") {
        return new Result<Declension>(
            Parse(file.contents, "tables/normalize/ru-declension.txt"));
      }
    }
    return new Result<Declension>(
        Status::Internal("ru-declension.txt is not compiled in"));
  }();
  if (!table->ok()) return table->status();
  return &table->value();
}

bool Declension::HasClass(std::string_view klass, std::string_view form) const {
  std::vector<std::string_view> names = SplitWs(klass);
  if (names.empty()) return false;
  if (names.size() > 1 && !form.empty() &&
      SplitChar(form, ' ').size() != names.size()) {
    return false;
  }
  for (std::string_view name : names) {
    if (name == "none") continue;
    bool found = false;
    for (const Class& c : classes_) found |= c.name == name;
    if (!found) return false;
  }
  return true;
}

std::string Declension::ClassByEnding(std::string_view word) const {
  const Class* c = ClassFor(word, "");
  return c != nullptr ? c->name : "none";
}

bool Declension::Fits(std::string_view word, std::string_view klass) const {
  return ClassFor(word, klass) != nullptr;
}

const Declension::Class* Declension::ClassFor(std::string_view word,
                                              std::string_view klass) const {
  if (klass == "none") return nullptr;
  if (text::DominantScript(word) != text::Script::kCyrillic) return nullptr;
  std::string lower = text::ToLower(word);
  auto consonant = [&] {
    bool any = false;
    for (std::string_view k : kConsonants) any |= lower.ends_with(k);
    return any;
  };
  if (!klass.empty()) {
    for (const Class& c : classes_) {
      if (c.name != klass) continue;
      if (c.ending.empty() ? consonant() : lower.ends_with(c.ending)) return &c;
    }
    return nullptr;
  }
  const Class* best = nullptr;
  for (const Class& c : classes_) {
    if (c.named_only) continue;
    if (c.ending.empty()) {
      if (consonant() && best == nullptr) best = &c;
    } else if (lower.ends_with(c.ending) &&
               (best == nullptr || c.ending.size() > best->ending.size())) {
      best = &c;
    }
  }
  return best;
}

std::vector<const Declension::Class*> Declension::ClassesFor(
    const std::vector<std::string_view>& words, std::string_view klass) const {
  std::vector<std::string_view> names = SplitWs(klass);
  std::vector<const Class*> out;
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::string_view name = names.size() > 1
                                ? (w < names.size() ? names[w] : "none")
                            : names.empty() ? std::string_view()
                                            : names[0];
    out.push_back(ClassFor(words[w], name));
  }
  return out;
}

std::vector<InflectedForm> Declension::Forms(std::string_view form,
                                             std::string_view klass) const {
  std::vector<std::string_view> words = SplitChar(form, ' ');
  std::vector<const Class*> classes = ClassesFor(words, klass);
  bool any = false;
  for (const Class* c : classes) any |= c != nullptr;
  std::vector<InflectedForm> out;
  if (!any) return out;
  // A form may be several cases at once (Курську: dat and loc); each is
  // listed, so that the normalizer can choose by the preposition before it.
  std::set<std::tuple<std::string, int, bool>> seen;
  // Pass 0: standard endings only; pass 1: every combination of endings.
  // Singular before plural, so that a form of both is taken as singular.
  for (int pass = 0; pass < 2; ++pass) {
    for (int number = 0; number < 2; ++number) {
      for (int k = number == 0 ? 1 : 0; k < kCaseCount; ++k) {
        // Each partial form with the style of its dative or locative
        // endings (the last word's that has a choice says).
        std::vector<std::pair<std::string, EndingStyle>> partial = {
            {"", EndingStyle::kStandard}};
        bool styled = k == static_cast<int>(Case::kDat) ||
                      k == static_cast<int>(Case::kLoc);
        for (std::size_t w = 0; w < words.size() && !partial.empty(); ++w) {
          std::vector<std::pair<std::string, EndingStyle>> next;
          const Class* c = classes[w];
          std::string_view stem = words[w];
          std::vector<std::string> endings = {""};
          if (c != nullptr) {
            stem = stem.substr(0, stem.size() - c->ending.size());
            endings = number == 0 ? c->endings[k] : c->plural[k];
            if (pass == 0 && !endings.empty()) endings.resize(1);
          }
          bool choice =
              c != nullptr && styled &&
              HasBothStyles(number == 0 ? c->endings[k] : c->plural[k]);
          for (const auto& [p, style] : partial) {
            for (const std::string& e : endings) {
              std::string s = p;
              if (w > 0) s += ' ';
              s.append(stem);
              s += e;
              next.emplace_back(std::move(s), choice ? StyleOf(e) : style);
            }
          }
          partial = std::move(next);
        }
        for (auto& [s, style] : partial) {
          if (s == form || !seen.insert({s, k, number == 1}).second) continue;
          out.push_back(
              {std::move(s), static_cast<Case>(k), number == 1, style});
        }
      }
    }
  }
  // A vocative spelled as another case of the same number (Киеве: a
  // Russian locative too) is listed once, under that case, marked.
  std::vector<InflectedForm> merged;
  merged.reserve(out.size());
  for (InflectedForm& f : out) {
    if (f.grammatical_case == Case::kVoc) {
      auto same = std::find_if(out.begin(), out.end(), [&](const auto& g) {
        return g.form == f.form && g.plural == f.plural &&
               g.grammatical_case != Case::kVoc;
      });
      if (same != out.end()) continue;
    }
    merged.push_back(f);
  }
  for (InflectedForm& f : merged) {
    if (f.grammatical_case == Case::kVoc) continue;
    for (const InflectedForm& g : out) {
      if (g.grammatical_case == Case::kVoc && g.form == f.form &&
          g.plural == f.plural) {
        f.also_vocative = true;
      }
    }
  }
  return merged;
}

std::optional<std::string> Declension::Decline(std::string_view form,
                                               std::string_view klass, Case c,
                                               bool plural,
                                               EndingStyle style) const {
  if (c == Case::kNom && !plural) return std::string(form);
  std::vector<std::string_view> words = SplitChar(form, ' ');
  std::vector<const Class*> classes = ClassesFor(words, klass);
  std::string out;
  bool any = false;
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (w > 0) out += ' ';
    const Class* k = classes[w];
    if (k == nullptr) {
      out.append(words[w]);
      continue;
    }
    const auto& endings =
        (plural ? k->plural : k->endings)[static_cast<int>(c)];
    if (endings.empty()) return std::nullopt;
    any = true;
    out.append(words[w].substr(0, words[w].size() - k->ending.size()));
    const std::string* ending = &endings[0];
    if (style != EndingStyle::kStandard &&
        (c == Case::kDat || c == Case::kLoc) && HasBothStyles(endings)) {
      for (const std::string& e : endings) {
        if (StyleOf(e) == style) {
          ending = &e;
          break;
        }
      }
    }
    out += *ending;
  }
  if (!any) return std::nullopt;
  return out;
}

}  // namespace onoma::normalize
