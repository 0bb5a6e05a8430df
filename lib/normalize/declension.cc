#include "lib/normalize/declension.h"

#include <set>
#include <span>

#include "lib/normalize/tables_internal.h"
#include "lib/text/script.h"
#include "lib/text/unicode.h"
#include "lib/text/utf8.h"

namespace onoma::normalize {
namespace {

constexpr std::string_view kCaseNames[] = {"nom", "gen", "dat",
                                           "acc", "ins", "loc"};

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

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
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
    if (fields[2] != "~") c.ending = fields[2];
    c.endings.resize(6);
    for (std::size_t i = 3; i < fields.size(); ++i) {
      std::size_t colon = fields[i].find(':');
      if (colon == std::string_view::npos) return fail("expected CASE:ENDINGS");
      std::string_view name = fields[i].substr(0, colon);
      int index = -1;
      for (int k = 1; k < 6; ++k) {
        if (kCaseNames[k] == name) index = k;
      }
      if (index < 0) return fail("unknown case '" + std::string(name) + "'");
      for (std::string_view e : SplitChar(fields[i].substr(colon + 1), ',')) {
        c.endings[index].emplace_back(e);
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

bool Declension::HasClass(std::string_view klass) const {
  if (klass == "none") return true;
  for (const Class& c : classes_) {
    if (c.name == klass) return true;
  }
  return false;
}

const Declension::Class* Declension::ClassFor(std::string_view word,
                                              std::string_view klass) const {
  if (klass == "none") return nullptr;
  if (text::DominantScript(word) != text::Script::kCyrillic) return nullptr;
  std::string lower = text::ToLower(word);
  if (!klass.empty()) {
    for (const Class& c : classes_) {
      if (c.name == klass && EndsWith(lower, c.ending)) return &c;
    }
    return nullptr;
  }
  const Class* best = nullptr;
  for (const Class& c : classes_) {
    if (c.ending.empty()) {
      bool consonant = false;
      for (std::string_view k : kConsonants) consonant |= EndsWith(lower, k);
      if (consonant && best == nullptr) best = &c;
    } else if (EndsWith(lower, c.ending) &&
               (best == nullptr || c.ending.size() > best->ending.size())) {
      best = &c;
    }
  }
  return best;
}

std::vector<InflectedForm> Declension::Forms(std::string_view form,
                                             std::string_view klass) const {
  std::vector<std::string_view> words = SplitChar(form, ' ');
  std::vector<const Class*> classes;
  bool any = false;
  for (std::string_view w : words) {
    classes.push_back(ClassFor(w, klass));
    any |= classes.back() != nullptr;
  }
  std::vector<InflectedForm> out;
  if (!any) return out;
  // A form may be several cases at once (Курську: dat and loc); each is
  // listed, so that the normalizer can choose by the preposition before it.
  std::set<std::pair<std::string, int>> seen;
  // Pass 0: standard endings only; pass 1: every combination of endings.
  for (int pass = 0; pass < 2; ++pass) {
    for (int k = 1; k < 6; ++k) {
      std::vector<std::string> partial = {""};
      for (std::size_t w = 0; w < words.size(); ++w) {
        std::vector<std::string> next;
        const Class* c = classes[w];
        std::string_view stem = words[w];
        std::vector<std::string> endings = {""};
        if (c != nullptr) {
          stem = stem.substr(0, stem.size() - c->ending.size());
          endings = c->endings[k];
          if (pass == 0) endings.resize(1);
        }
        for (const std::string& p : partial) {
          for (const std::string& e : endings) {
            std::string s = p;
            if (w > 0) s += ' ';
            s.append(stem);
            s += e;
            next.push_back(std::move(s));
          }
        }
        partial = std::move(next);
      }
      for (std::string& s : partial) {
        if (s != form && seen.insert({s, k}).second) {
          out.push_back({std::move(s), static_cast<Case>(k)});
        }
      }
    }
  }
  return out;
}

std::optional<std::string> Declension::Decline(std::string_view form,
                                               std::string_view klass,
                                               Case c) const {
  if (c == Case::kNom) return std::string(form);
  std::string out;
  bool any = false;
  for (std::string_view w : SplitChar(form, ' ')) {
    if (!out.empty()) out += ' ';
    const Class* k = ClassFor(w, klass);
    if (k == nullptr) {
      out.append(w);
      continue;
    }
    any = true;
    out.append(w.substr(0, w.size() - k->ending.size()));
    out += k->endings[static_cast<int>(c)][0];
  }
  if (!any) return std::nullopt;
  return out;
}

}  // namespace onoma::normalize
