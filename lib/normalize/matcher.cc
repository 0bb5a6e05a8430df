#include "lib/normalize/matcher.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lib/normalize/compiled_image_internal.h"
#include "lib/normalize/compiled_terms_internal.h"
#include "lib/normalize/inflection_guess.h"
#include "lib/normalize/surface.h"
#include "lib/text/unicode.h"
#include "lib/text/utf8.h"
#include "lib/text/word_break.h"

namespace onoma::normalize {
namespace {

using internal::CompiledTerms;
using internal::Entry;

// The records and the string pool of the image, as they are gathered.
struct Records {
  std::vector<internal::ConceptRecord> concepts;
  std::vector<internal::PreferredRecord> preferred;
  std::vector<internal::StringRef> langs;
  // Declension classes, each once; the first is "" (none).
  std::vector<internal::StringRef> classes = {internal::StringRef{}};
  std::unordered_map<std::string, std::uint16_t> class_index;
  std::string strings;

  internal::StringRef Add(std::string_view s) {
    if (s.empty()) return {};
    internal::StringRef ref{static_cast<std::uint32_t>(strings.size()),
                            static_cast<std::uint32_t>(s.size())};
    strings.append(s);
    return ref;
  }

  // The index of class `klass` in `classes`, added if new; nullopt when
  // there are too many to number in 16 bits.
  std::optional<std::uint16_t> AddClass(const std::string& klass) {
    if (klass.empty()) return 0;
    auto it = class_index.find(klass);
    if (it != class_index.end()) return it->second;
    if (classes.size() > 0xFFFF) return std::nullopt;
    auto index = static_cast<std::uint16_t>(classes.size());
    classes.push_back(Add(klass));
    class_index.emplace(klass, index);
    return index;
  }
};

// Collects entries per folded form before they are laid out flat.
class PatternSet {
 public:
  void Add(const std::string& folded, const Entry& entry, std::string surface) {
    auto [it, fresh] =
        index_.try_emplace(folded, static_cast<std::uint32_t>(forms_.size()));
    if (fresh) {
      forms_.push_back(folded);
      entries_.emplace_back();
      surfaces_.emplace_back();
    }
    entries_[it->second].push_back(entry);
    surfaces_[it->second].push_back(std::move(surface));
  }

  // Builds the automaton over the forms and lays their entries out in the
  // order of the states where the forms end (with the surfaces of the
  // entries that need one, their strings added to `records`).
  void MoveInto(std::vector<Entry>& entries,
                std::vector<internal::SurfaceRecord>& surfaces,
                Records& records, internal::Automaton::Arrays& automaton) {
    index_.clear();
    std::vector<std::uint32_t> counts(forms_.size());
    for (std::size_t i = 0; i < forms_.size(); ++i) {
      counts[i] = static_cast<std::uint32_t>(entries_[i].size());
    }
    automaton = internal::Automaton::Build(forms_, counts);
    forms_.clear();
    forms_.shrink_to_fit();
    for (std::uint32_t i : automaton.pattern_order) {
      // Surfaces only where the pattern's forms differ in letter case.
      const std::vector<std::string>& forms = surfaces_[i];
      bool differ = false;
      for (const std::string& f : forms) {
        differ |= !f.empty() && !forms.front().empty() && f != forms.front();
      }
      if (differ) {
        for (std::size_t k = 0; k < forms.size(); ++k) {
          surfaces.push_back({static_cast<std::uint32_t>(entries.size() + k),
                              records.Add(forms[k])});
        }
      }
      entries.insert(entries.end(), entries_[i].begin(), entries_[i].end());
    }
    entries_.clear();
    surfaces_.clear();
    automaton.pattern_order.clear();
    automaton.state_of.clear();
  }

 private:
  std::unordered_map<std::string, std::uint32_t> index_;
  std::vector<std::string> forms_;
  std::vector<std::vector<Entry>> entries_;
  std::vector<std::vector<std::string>> surfaces_;
};

std::uint16_t InternLang(std::vector<std::string>& langs,
                         std::string_view lang) {
  for (std::size_t i = 0; i < langs.size(); ++i) {
    if (langs[i] == lang) return static_cast<std::uint16_t>(i);
  }
  langs.emplace_back(lang);
  return static_cast<std::uint16_t>(langs.size() - 1);
}

// A concept's preferred forms in one language while they are gathered.
struct PreferredForms {
  std::uint16_t lang = 0;
  std::string full;
  std::string full_inflection;
  FormKind full_kind = FormKind::kFullForm;
  std::string short_form;
  std::string short_inflection;
  std::string admitted_short;
  std::string admitted_short_inflection;
};

bool IsWhitespace(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = 0;
    text::DecodeNext(s, i, c);
    if (!u_isUWhiteSpace(static_cast<UChar32>(c))) return false;
  }
  return true;
}

// The word segments of `form`, whitespace not counted. Most forms are one
// word of ASCII letters, which UAX #29 never breaks; the rest ask ICU.
std::size_t CountWords(text::WordBreaker& breaker, std::string_view form,
                       std::vector<text::WordSpan>& spans) {
  bool plain = std::all_of(form.begin(), form.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
  });
  if (plain) return 1;
  breaker.Words(form, spans);
  std::size_t words = 0;
  for (const text::WordSpan& s : spans) {
    std::string_view segment = s.In(form);
    if (!IsWhitespace(segment)) ++words;
  }
  return words;
}

std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ' ') {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// The class of word `w` of a form in a class argument (one for every
// word, or one per word).
std::string ClassOfWord(std::string_view klass, std::size_t w) {
  std::vector<std::string_view> names = SplitSpaces(klass);
  if (names.size() == 1) return std::string(names[0]);
  return w < names.size() ? std::string(names[w]) : "none";
}

// Appends the forms of `form` in which each word takes either table's
// standard ending of one case (a Ukrainian given name before a Russian
// surname: Олени Зеленской). Singular; at most four words.
void MixedForms(const Declension& uk, std::string_view uk_class,
                const Declension& ru, std::string_view ru_class,
                const std::string& form, std::vector<InflectedForm>& out) {
  std::vector<std::string_view> words = SplitSpaces(form);
  if (words.size() < 2 || words.size() > 4) return;
  for (int k = 1; k <= static_cast<int>(Case::kLoc); ++k) {
    auto c = static_cast<Case>(k);
    std::vector<std::string> partial = {""};
    for (std::size_t w = 0; w < words.size(); ++w) {
      std::vector<std::string> options;
      for (auto [table, klass] : {std::pair{&uk, ClassOfWord(uk_class, w)},
                                  std::pair{&ru, ClassOfWord(ru_class, w)}}) {
        auto d = table->Decline(words[w], klass, c);
        std::string option = d ? *d : std::string(words[w]);
        if (std::find(options.begin(), options.end(), option) ==
            options.end()) {
          options.push_back(std::move(option));
        }
      }
      std::vector<std::string> next;
      for (const std::string& p : partial) {
        for (const std::string& o : options) {
          next.push_back(p.empty() ? o : p + " " + o);
        }
      }
      partial = std::move(next);
    }
    for (std::string& s : partial) {
      if (s == form) continue;
      bool seen = false;
      for (const InflectedForm& f : out) {
        seen |= f.form == s && f.grammatical_case == c && !f.plural;
      }
      if (!seen) out.push_back({std::move(s), c});
    }
  }
}

}  // namespace

Result<Matcher> Matcher::Compile(const Input& input) {
  auto declension = Declension::Builtin();
  if (!declension.ok()) return declension.status();
  auto declension_ru = Declension::Builtin("ru");
  if (!declension_ru.ok()) return declension_ru.status();
  auto breaker = text::WordBreaker::Create();
  if (!breaker.ok()) return breaker.status();
  std::vector<text::WordSpan> spans;
  std::vector<std::string> langs;
  Records records;
  std::size_t max_form_words = 0;
  std::vector<PreferredForms> preferred;
  PatternSet set;
  for (const ConceptInput& c : input.concepts) {
    auto concept_index = static_cast<std::uint32_t>(records.concepts.size());
    preferred.clear();
    for (const FormInput& t : c.terms) {
      if (t.form.empty()) continue;
      ONOMA_RETURN_IF_ERROR(text::ValidateUtf8(t.form).WithContext(
          "concept '" + c.slug + "' form"));
      const Declension* table = t.lang == "uk"   ? *declension
                                : t.lang == "ru" ? *declension_ru
                                                 : nullptr;
      std::string nfc = text::ToNfc(t.form);
      if (table != nullptr && !t.inflection.empty() &&
          !table->HasClass(t.inflection, nfc)) {
        return Status::BadInput("concept '" + c.slug + "': form '" + t.form +
                                "' names unknown declension class '" +
                                t.inflection + "'");
      }
      // A form without a class takes the one inferred from its ending, the
      // concept's type and its other renderings.
      std::string klass = t.inflection;
      if (table != nullptr && klass.empty()) {
        FormInput nfc_term = t;
        nfc_term.form = nfc;
        klass = GuessInflection(c, nfc_term);
      }
      max_form_words =
          std::max(max_form_words, CountWords(*breaker, nfc, spans));
      Entry e;
      e.concept_index = concept_index;
      e.lang = InternLang(langs, t.lang);
      e.status = t.status;
      e.kind = t.kind;
      e.stored_case = CasePatternOf(nfc);
      bool admitted_short =
          t.status == FormStatus::kAdmitted && t.kind == FormKind::kShortForm;
      if (t.preferred() || admitted_short) {
        PreferredForms* p = nullptr;
        for (PreferredForms& q : preferred) {
          if (q.lang == e.lang) p = &q;
        }
        if (p == nullptr) {
          p = &preferred.emplace_back();
          p->lang = e.lang;
        }
        if (admitted_short) {
          if (p->admitted_short.empty()) {
            p->admitted_short = nfc;
            p->admitted_short_inflection = klass;
          }
        } else if (t.kind == FormKind::kShortForm) {
          if (p->short_form.empty()) {
            p->short_form = nfc;
            p->short_inflection = klass;
          }
        } else if (p->full.empty()) {
          p->full = nfc;
          p->full_inflection = klass;
          p->full_kind = t.kind;
        }
      }
      // Ukrainian and Russian forms decline by their class, given or
      // inferred; acronyms do not (у НАТО, США, РФ) unless their term
      // names one.
      std::vector<InflectedForm> inflected;
      if (table != nullptr && klass != "none") {
        inflected = table->Forms(nfc, klass);
      }
      // A Ukrainian form that is not the preferred one is often a Russian
      // spelling, and copy gives it Russian endings too (Юлии Навальной,
      // Нижнего Новгорода, Черкассах): those are found as well, in their
      // cases, where a term names no class.
      if (t.lang == "uk" && !t.preferred() && t.inflection.empty() &&
          t.kind != FormKind::kAcronym && t.kind != FormKind::kAbbreviation) {
        FormInput russian = t;
        russian.lang = "ru";
        russian.form = nfc;
        std::string ru_class = GuessInflection(c, russian);
        if (ru_class != "none") {
          for (InflectedForm& f : (*declension_ru)->Forms(nfc, ru_class)) {
            f.style = EndingStyle::kStandard;
            inflected.push_back(std::move(f));
          }
          // And the two mixed, word by word (Олени Зеленской).
          MixedForms(**declension, klass, **declension_ru, ru_class, nfc,
                     inflected);
        }
      }
      e.declines = !inflected.empty();
      set.Add(text::FoldCase(nfc), e, nfc);
      for (const InflectedForm& f : inflected) {
        Entry declined = e;
        declined.grammatical_case = f.grammatical_case;
        declined.plural = f.plural;
        declined.style = f.style;
        declined.also_vocative = f.also_vocative;
        declined.declines = true;
        set.Add(text::FoldCase(f.form), declined, f.form);
      }
    }
    for (const std::string& phrase : c.negative_contexts) {
      if (phrase.empty()) continue;
      ONOMA_RETURN_IF_ERROR(text::ValidateUtf8(phrase).WithContext(
          "concept '" + c.slug + "' negative context"));
      Entry e;
      e.concept_index = concept_index;
      e.kind = FormKind::kPhrase;
      e.negative = true;
      set.Add(text::FoldCase(phrase), e, std::string());
    }
    internal::ConceptRecord& record = records.concepts.emplace_back();
    record.slug = records.Add(c.slug);
    record.is_place = c.is_place ? 1 : 0;
    record.is_person = c.is_person ? 1 : 0;
    record.first_preferred =
        static_cast<std::uint32_t>(records.preferred.size());
    record.preferred_count = static_cast<std::uint16_t>(preferred.size());
    for (const PreferredForms& p : preferred) {
      // The record numbers forms in 16 bits: 64 kB, where the store keeps
      // forms of at most kMaxTermBytes (lib/util/limits.h).
      for (const std::string* form :
           {&p.full, &p.short_form, &p.admitted_short}) {
        if (form->size() > 0xFFFF) {
          return Status::BadInput("concept '" + c.slug + "': form of " +
                                  std::to_string(form->size()) +
                                  " bytes is too long to compile");
        }
      }
      auto full_class = records.AddClass(p.full_inflection);
      auto short_class = records.AddClass(p.short_inflection);
      auto admitted_class = records.AddClass(p.admitted_short_inflection);
      if (!full_class || !short_class || !admitted_class) {
        return Status::BadInput(
            "the term store names too many declension classes to compile");
      }
      internal::PreferredRecord& r = records.preferred.emplace_back();
      r.lang = p.lang;
      r.full_kind = p.full_kind;
      r.forms = static_cast<std::uint32_t>(records.strings.size());
      r.full_size = static_cast<std::uint16_t>(p.full.size());
      r.short_size = static_cast<std::uint16_t>(p.short_form.size());
      r.admitted_short_size =
          static_cast<std::uint16_t>(p.admitted_short.size());
      records.strings += p.full;
      records.strings += p.short_form;
      records.strings += p.admitted_short;
      r.full_inflection = *full_class;
      r.short_inflection = *short_class;
      r.admitted_short_inflection = *admitted_class;
    }
  }
  for (const std::string& lang : langs) {
    records.langs.push_back(records.Add(lang));
  }
  std::vector<Entry> entries;
  std::vector<internal::SurfaceRecord> surfaces;
  internal::Automaton::Arrays automaton;
  set.MoveInto(entries, surfaces, records, automaton);
  // The image addresses its strings, records and states with 32-bit
  // numbers, and an entry its concept and language with 24 and 8 bits.
  if (records.strings.size() > 0xFFFFFFFFu || entries.size() > 0xFFFFFFFFu ||
      automaton.states.size() >= internal::Automaton::kNone) {
    return Status::BadInput("the term store is too large to compile (" +
                            std::to_string(records.strings.size()) +
                            " bytes of names)");
  }
  if (records.concepts.size() > Entry::kMaxConcepts ||
      langs.size() > Entry::kMaxLangs) {
    return Status::BadInput("the term store is too large to compile (" +
                            std::to_string(records.concepts.size()) +
                            " concepts in " + std::to_string(langs.size()) +
                            " languages; at most " +
                            std::to_string(Entry::kMaxConcepts) + " in " +
                            std::to_string(Entry::kMaxLangs) + ")");
  }

  internal::ImageParts parts;
  parts.automaton = &automaton;
  parts.entries = &entries;
  parts.concepts = &records.concepts;
  parts.preferred = &records.preferred;
  parts.langs = &records.langs;
  parts.classes = &records.classes;
  parts.surfaces = &surfaces;
  parts.strings = &records.strings;
  parts.max_form_words = max_form_words;
  auto image =
      std::make_shared<const std::string>(internal::BuildImage(parts, {}));
  return FromBytes(*image, image, nullptr, nullptr);
}

Result<Matcher> Matcher::FromImage(std::string_view image,
                                   std::shared_ptr<const void> owner,
                                   const ImageKey& expected, ImageChecks checks,
                                   const ImageReadProgress& progress) {
  return FromBytes(image, std::move(owner), &checks, &expected, progress);
}

Result<Matcher> Matcher::FromBytes(std::string_view image,
                                   std::shared_ptr<const void> owner,
                                   const ImageChecks* checks,
                                   const ImageKey* expected,
                                   const ImageReadProgress& progress) {
  auto declension = Declension::Builtin();
  if (!declension.ok()) return declension.status();
  auto declension_ru = Declension::Builtin("ru");
  if (!declension_ru.ok()) return declension_ru.status();
  auto compiled = std::make_shared<CompiledTerms>();
  const internal::ImageTrust trust =
      checks == nullptr ? internal::ImageTrust::kBuiltHere
      : *checks == ImageChecks::kEveryRecord
          ? internal::ImageTrust::kCheckEveryRecord
      : *checks == ImageChecks::kHeader ? internal::ImageTrust::kCheckHeader
                                        : internal::ImageTrust::kCheckChecksum;
  auto key = internal::ViewImage(image, trust, *compiled, progress);
  if (!key.ok()) return key.status();
  if (expected != nullptr && !(*key == *expected)) {
    return Status::NotFound(
        "compiled name index: made at version " + std::to_string(key->version) +
        " of the term store, which is now at " +
        std::to_string(expected->version) + " (or made from another store)");
  }
  compiled->declension = *declension;
  compiled->declension_ru = *declension_ru;
  compiled->storage = std::move(owner);
  return Matcher(std::move(compiled), image);
}

std::string Matcher::Image(const ImageKey& key) const {
  std::string image(image_);
  internal::StampImage(image, key);
  return image;
}

std::size_t Matcher::image_size() const { return image_.size(); }

std::size_t Matcher::concept_count() const {
  return compiled_->concept_count();
}

std::size_t Matcher::pattern_count() const {
  return compiled_->automaton.CountForms();
}

std::size_t Matcher::state_count() const {
  return compiled_->automaton.states();
}

std::size_t Matcher::MemoryBytes() const {
  return image_.size() + sizeof(CompiledTerms);
}

}  // namespace onoma::normalize
