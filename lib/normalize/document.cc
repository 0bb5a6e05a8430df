#include "lib/normalize/document.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lib/normalize/compiled_terms_internal.h"
#include "lib/normalize/former_cues.h"
#include "lib/normalize/language_runs_internal.h"
#include "lib/normalize/scanner_internal.h"
#include "lib/normalize/surface.h"
#include "lib/text/unicode.h"
#include "lib/text/utf8.h"

namespace onoma::normalize {

using internal::Candidate;
using internal::CompiledTerms;
using internal::Entry;

namespace {

bool IsSpaceByte(char c) { return c == ' ' || c == '\t'; }

// The whitespace-delimited token of `line` that ends before byte `pos`
// (spaces skipped), or empty; `start` gets where it begins.
std::string_view TokenBefore(std::string_view line, std::size_t pos,
                             std::size_t& start) {
  std::size_t end = pos;
  while (end > 0 && IsSpaceByte(line[end - 1])) --end;
  std::size_t begin = end;
  while (begin > 0 && !IsSpaceByte(line[begin - 1])) --begin;
  start = begin;
  return line.substr(begin, end - begin);
}

// The token that starts after byte `pos` (spaces skipped), or empty.
std::string_view TokenAfter(std::string_view line, std::size_t pos) {
  std::size_t begin = pos;
  while (begin < line.size() && IsSpaceByte(line[begin])) ++begin;
  std::size_t end = begin;
  while (end < line.size() && !IsSpaceByte(line[end])) ++end;
  return line.substr(begin, end - begin);
}

// Whether `token` is one word written with a capital and then small
// letters (Георгія, Асеев), in Cyrillic, with no punctuation after it.
bool CapitalizedCyrillicWord(std::string_view token) {
  if (token.empty()) return false;
  std::size_t i = 0;
  char32_t first = 0;
  text::DecodeNext(token, i, first);
  if (!u_isupper(static_cast<UChar32>(first))) return false;
  if (u_getIntPropertyValue(static_cast<UChar32>(first), UCHAR_SCRIPT) !=
      USCRIPT_CYRILLIC) {
    return false;
  }
  bool lower = false;
  while (i < token.size()) {
    char32_t c = 0;
    text::DecodeNext(token, i, c);
    if (u_islower(static_cast<UChar32>(c))) {
      lower = true;
    } else if (c != '-' && c != '\'' && c != U'\u2019' &&
               !u_isupper(static_cast<UChar32>(c))) {
      return false;  // a comma, a full stop, a quote: not one name
    }
  }
  return lower;
}

// Whether the token starting at `start` begins a sentence (nothing before
// it, or a token ending in . ! ? : or an opening quote or dash).
bool StartsSentence(std::string_view line, std::size_t start) {
  std::size_t before = 0;
  std::string_view prev = TokenBefore(line, start, before);
  if (prev.empty()) return true;
  char last = prev.back();
  return last == '.' || last == '!' || last == '?' || last == ':' ||
         prev == "\xE2\x80\x94" || prev == "-" ||
         prev.ends_with("\xC2\xAB");  // —, -, «
}

// The case a preposition before an indeclinable use of a name asks for
// (у Сватово: locative; до Сватово: genitive); kNom when `word` (lower
// case) is none.
Case CaseAfterPreposition(std::string_view word, std::string_view lang) {
  struct Rule {
    std::string_view word;
    Case c;
  };
  static constexpr Rule kUk[] = {
      {"у", Case::kLoc},       {"в", Case::kLoc},       {"на", Case::kLoc},
      {"при", Case::kLoc},     {"уві", Case::kLoc},     {"до", Case::kGen},
      {"з", Case::kGen},       {"із", Case::kGen},      {"зі", Case::kGen},
      {"від", Case::kGen},     {"біля", Case::kGen},    {"для", Case::kGen},
      {"без", Case::kGen},     {"після", Case::kGen},   {"поблизу", Case::kGen},
      {"серед", Case::kGen},   {"навколо", Case::kGen}, {"коло", Case::kGen},
      {"замість", Case::kGen}, {"щодо", Case::kGen},    {"проти", Case::kGen},
      {"крім", Case::kGen},    {"окрім", Case::kGen},   {"вздовж", Case::kGen},
      {"над", Case::kIns},     {"під", Case::kIns},     {"за", Case::kIns},
      {"перед", Case::kIns},   {"між", Case::kIns},     {"про", Case::kAcc},
      {"через", Case::kAcc},   {"по", Case::kLoc},      {"завдяки", Case::kDat},
  };
  static constexpr Rule kRu[] = {
      {"в", Case::kLoc},      {"во", Case::kLoc},    {"на", Case::kLoc},
      {"при", Case::kLoc},    {"о", Case::kLoc},     {"об", Case::kLoc},
      {"до", Case::kGen},     {"из", Case::kGen},    {"от", Case::kGen},
      {"у", Case::kGen},      {"около", Case::kGen}, {"для", Case::kGen},
      {"без", Case::kGen},    {"после", Case::kGen}, {"возле", Case::kGen},
      {"вблизи", Case::kGen}, {"среди", Case::kGen}, {"вокруг", Case::kGen},
      {"против", Case::kGen}, {"кроме", Case::kGen}, {"вдоль", Case::kGen},
      {"над", Case::kIns},    {"под", Case::kIns},   {"за", Case::kIns},
      {"перед", Case::kIns},  {"между", Case::kIns}, {"с", Case::kIns},
      {"со", Case::kIns},     {"к", Case::kDat},     {"ко", Case::kDat},
      {"по", Case::kDat},     {"про", Case::kAcc},   {"через", Case::kAcc},
  };
  std::span<const Rule> rules =
      lang == "ru" ? std::span<const Rule>(kRu) : std::span<const Rule>(kUk);
  for (const Rule& r : rules) {
    if (r.word == word) return r.c;
  }
  return Case::kNom;
}

}  // namespace

struct PreparedLine::Impl {
  internal::ScannedLine scanned;
  internal::LanguageRuns runs;
  bool runs_found = false;  // `runs` is of this line
};

struct DocumentNormalizer::Impl {
  Matcher matcher;
  const CompiledTerms& terms;
  DocumentOptions options;
  std::uint16_t lang;
  const FormerCues* cues;
  internal::Scanner scanner;
  // The line being normalized: `scanned_here`, or a line a
  // LineScanner prepared. Its runs are found when a name needs them.
  PreparedLine::Impl scanned_here;
  const PreparedLine::Impl* line_state = &scanned_here;
  internal::LanguageRuns runs;
  // Folded forms, by (concept, language), that the language's preferred
  // form takes when declined (see DeclinesPreferred).
  // Keyed by concept << 16 | language. Hashed: a dense copy at 100k
  // concepts meets tens of thousands of them.
  std::unordered_map<std::uint64_t, std::vector<std::string>>
      declined_preferred;

  // By concept index: named in full in the document. A bit each, so that
  // marking and asking cost the same whatever the size of the store.
  std::vector<bool> mentioned;
  std::uint64_t line_number = 0;
  std::uint64_t offset = 0;  // of the current line in the document

  Impl(const Matcher& m, const DocumentOptions& o, const FormerCues* c,
       internal::Scanner s)
      : matcher(m),
        terms(matcher.compiled()),
        options(o),
        lang(terms.LangIndex(o.lang)),
        cues(c),
        scanner(std::move(s)),
        mentioned(terms.concept_count(), false) {}

  // Normalizes `line`, scanned into `scanned_here` first unless `prepared`.
  void Process(std::string_view line, const PreparedLine::Impl* prepared,
               std::string& out, ChangeSink& sink);
  // What `c` comes to when judged by the entries of `judge` (a language
  // index, or kNoLang): `change` set, applied or kept, or left empty.
  void Resolve(std::string_view line, const Candidate& c, bool in_negative,
               std::uint16_t judge, std::optional<Change>& change);

  // Resolve's stages. What a name is read as: the entry chosen, and why it
  // would be rewritten.
  struct Reading {
    const Entry* chosen = nullptr;
    bool vocative = false;
    const char* reason = "";
  };
  // What the name becomes: the replacement with its suffix ("" when the
  // preferred form cannot be declined), and whether its case is unknown.
  struct Rewrite {
    std::string replacement;
    bool declined = false;
    bool case_unknown = false;
  };
  // Reads a name by its full forms `full` (not empty), marking their
  // concepts mentioned. Nothing when one of them is kept as it is, or when
  // they name several concepts: then `ambiguous` holds their slugs.
  std::optional<Reading> ReadFull(std::string_view line, const Candidate& c,
                                  const std::vector<const Entry*>& full,
                                  std::string& ambiguous);
  // Reads a name by its short forms `brief`, of concepts already named in
  // full; likewise.
  std::optional<Reading> ReadShort(const std::vector<const Entry*>& brief,
                                   std::string& ambiguous) const;
  // The preferred form of what `r` reads, declined as the name is; nothing
  // when there is none to write.
  std::optional<Rewrite> RewriteAs(std::string_view line, const Candidate& c,
                                   const Reading& r) const;
  // Whether the change `change` (of `r`) is applied, and if not why.
  void Judge(const Candidate& c, bool in_negative, const Reading& r,
             const Rewrite& w, std::optional<Change>& change) const;
  // Whether the folded name of `c` is a declined form of the preferred
  // form in `judge` of a concept among `entries`.
  bool DeclinesPreferred(const Candidate& c, const Entry* first,
                         const Entry* last, std::uint16_t judge);

  // Whether the found `c`, a name in Ukrainian or Russian copy (entries
  // [first, last)), is rather a common word written in small letters
  // (горький опыт, лиман), or, for a place, part of another name: a
  // person's (Георгія Димитрова, Станіслав Асеев), a title or an adjective
  // (Комсомольська правда, Свердловська обласна дума), a longer
  // hyphenated name (Комсомольськ-на-Амурі).
  bool NotAName(std::string_view line, const Candidate& c, const Entry* first,
                const Entry* last) const;

  // Whether the concept of `e` has a preferred short form in e's language.
  bool HasPreferredShort(const Entry& e) const {
    std::optional<internal::Preferred> p =
        terms.PreferredIn(e.concept_index, e.lang);
    return p && !p->short_form.empty();
  }

  // Whether --admitted rewrites the admitted form `e`: an acronym or
  // abbreviation only into a preferred form of that kind (NATO stays NATO
  // while the preferred form is North Atlantic Treaty Organization), any
  // other form always.
  bool AdmittedExpands(const Entry& e) const {
    if (!internal::IsAbbreviated(e.kind)) return true;
    std::optional<internal::Preferred> p =
        terms.PreferredIn(e.concept_index, e.lang);
    return p && internal::IsAbbreviated(p->full_kind);
  }

  // Whether an acronym found in Ukrainian copy (`e`, indeclinable, so its
  // case unknown) would become a form that declines: what it stands in
  // for cannot be chosen, and the rewrite is left to an editor.
  bool CaseUnknown(const Entry& e, std::string_view base,
                   std::string_view klass, FormKind base_kind) const {
    if (e.kind != FormKind::kAcronym || e.declines ||
        terms.langs[e.lang] != "uk" || internal::IsAbbreviated(base_kind)) {
      return false;
    }
    std::optional<std::string> genitive =
        terms.Decline(e.lang, base, klass, Case::kGen, false);
    return genitive && *genitive != base;
  }
};

bool DocumentNormalizer::Impl::NotAName(std::string_view line,
                                        const Candidate& c, const Entry* first,
                                        const Entry* last) const {
  bool cyrillic = false, place = false, located = false, genitive = false;
  for (const Entry* e = first; e != last; ++e) {
    if (terms.DeclensionFor(e->lang) == nullptr) continue;
    cyrillic = true;
    place |= terms.IsPlace(e->concept_index);
    located |= e->grammatical_case == Case::kLoc;
    genitive |= e->grammatical_case == Case::kGen;
  }
  if (!cyrillic) return false;
  std::string_view name = line.substr(c.begin, c.end - c.begin);
  // A proper name written in small letters is a common word.
  if (CasePatternOf(name) == CasePattern::kLower) {
    bool stored_lower = false;
    for (const Entry* e = first; e != last; ++e) {
      stored_lower |= e->stored_case == CasePattern::kLower;
    }
    if (!stored_lower) return true;
  }
  if (!place) return false;
  // Inside a longer hyphenated name: Комсомольськ-на-Амурі.
  if (c.word_end + 1 < line.size() && line[c.word_end] == '-') {
    std::size_t i = c.word_end + 1;
    char32_t next = 0;
    text::DecodeNext(line, i, next);
    if (u_islower(static_cast<UChar32>(next))) return true;
  }
  // After a given name: Георгія Димитрова, Максима Горького.
  std::size_t start = 0;
  std::string_view before = TokenBefore(line, c.begin, start);
  if (CapitalizedCyrillicWord(before) && !StartsSentence(line, start)) {
    return true;
  }
  // Before a surname: Станіслав Асеев (but у Києві Зеленський заявив).
  std::string_view after = TokenAfter(line, c.word_end);
  if (!located && c.word_end < line.size() && IsSpaceByte(line[c.word_end]) &&
      CapitalizedCyrillicWord(after)) {
    return true;
  }
  // A genitive in -ська/-цька before a word in -а that agrees with it:
  // Комсомольська правда, Свердловська обласна дума.
  // The name as the scanner folded it: text::FoldCase of each NFC segment.
  const std::string_view folded_name =
      std::string_view(line_state->scanned.folded)
          .substr(c.folded_begin, c.folded_end - c.folded_begin);
  if (genitive &&
      (folded_name.ends_with("ська") || folded_name.ends_with("цька"))) {
    std::string next = text::FoldCase(after);
    while (!next.empty() && (next.back() == ',' || next.back() == '.')) {
      next.pop_back();
    }
    if (next.ends_with("\xC2\xBB")) next.resize(next.size() - 2);  // »
    if ((next.ends_with("а") || next.ends_with("я")) && !next.ends_with("ла") &&
        CasePatternOf(after) == CasePattern::kLower) {
      return true;
    }
  }
  return false;
}

bool DocumentNormalizer::Impl::DeclinesPreferred(const Candidate& c,
                                                 const Entry* first,
                                                 const Entry* last,
                                                 std::uint16_t judge) {
  // Only a language with a declension table declines its preferred forms.
  if (judge == CompiledTerms::kNoLang ||
      terms.DeclensionFor(judge) == nullptr) {
    return false;
  }
  std::string_view folded =
      std::string_view(line_state->scanned.folded)
          .substr(c.folded_begin, c.folded_end - c.folded_begin);
  for (const Entry* e = first; e != last; ++e) {
    // A concept's entries lie together: its forms were looked at once.
    if (e != first && e->concept_index == e[-1].concept_index) continue;
    const std::uint64_t key = (std::uint64_t{e->concept_index} << 16) | judge;
    auto it = declined_preferred.find(key);
    if (it == declined_preferred.end()) {
      // Declined as the matcher declines the language's forms.
      std::vector<std::string> forms;
      std::optional<internal::Preferred> p =
          terms.PreferredIn(e->concept_index, judge);
      const Declension* table = terms.DeclensionFor(judge);
      if (p && !p->full.empty() && table != nullptr &&
          p->full_inflection != "none") {
        for (const InflectedForm& f :
             table->Forms(p->full, p->full_inflection)) {
          forms.push_back(text::FoldCase(f.form));
        }
      }
      it = declined_preferred.emplace(key, std::move(forms)).first;
    }
    if (std::find(it->second.begin(), it->second.end(), folded) !=
        it->second.end()) {
      return true;
    }
  }
  return false;
}

void DocumentNormalizer::Impl::Resolve(std::string_view line,
                                       const Candidate& c, bool in_negative,
                                       std::uint16_t judge,
                                       std::optional<Change>& change) {
  const std::span<const Entry> read = terms.EntriesOf(c.pattern);
  const Entry* first = read.data();
  const Entry* last = first + read.size();
  for (const Entry* e = first; e != last; ++e) {
    if (e->negative) return;  // a negative context shields what it holds
  }
  // The judging language (the document's, or a run's) judges the forms it
  // has; others are judged by the languages that have them — unless the
  // form is one the judging language's preferred form takes when declined
  // (Киеву in Russian: the termbase holds Russian forms undeclined).
  bool own =
      std::any_of(first, last, [&](const Entry& e) { return e.lang == judge; });
  if (!own && DeclinesPreferred(c, first, last, judge)) return;
  std::vector<const Entry*> full, brief;
  for (const Entry* e = first; e != last; ++e) {
    if (own && e->lang != judge) continue;
    (e->kind == FormKind::kShortForm ? brief : full).push_back(e);
  }
  // Forms that differ only in letter case (Нато, НАТО): the one the text
  // writes exactly is the one meant; a casing the termbase does not list
  // (НАТО in a headline of Нато) is judged by all of them, and so kept
  // when one is preferred.
  {
    std::string_view name = line.substr(c.begin, c.end - c.begin);
    std::vector<const Entry*> exact;
    for (const Entry* e : full) {
      auto index = static_cast<std::uint32_t>(e - terms.entries.data());
      if (terms.Surface(index) == name) exact.push_back(e);
    }
    if (!exact.empty()) full = std::move(exact);
  }
  if (NotAName(line, c, first, last)) return;
  auto report = [&](std::string slug, std::string why) {
    change.emplace();
    change->found = std::string(line.substr(c.begin, c.word_end - c.begin));
    change->concept_slug = std::move(slug);
    change->reason = std::move(why);
  };
  std::string ambiguous;
  const std::optional<Reading> reading =
      !full.empty() ? ReadFull(line, c, full, ambiguous)
                    : ReadShort(brief, ambiguous);
  if (!ambiguous.empty()) {
    report(std::move(ambiguous), "ambiguous");
    return;
  }
  if (!reading) return;
  std::optional<Rewrite> rewrite = RewriteAs(line, c, *reading);
  if (!rewrite) return;
  report(std::string(terms.Slug(reading->chosen->concept_index)),
         reading->reason);
  if (!rewrite->replacement.empty()) {
    change->replacement = std::move(rewrite->replacement);
  }
  Judge(c, in_negative, *reading, *rewrite, change);
}

std::optional<DocumentNormalizer::Impl::Reading>
DocumentNormalizer::Impl::ReadFull(std::string_view line, const Candidate& c,
                                   const std::vector<const Entry*>& full,
                                   std::string& ambiguous) {
  // The concepts named, in index order (a form names one, mostly).
  std::vector<std::uint32_t> concepts;
  bool keep = false;
  for (const Entry* e : full) {
    mentioned[e->concept_index] = true;
    if (std::find(concepts.begin(), concepts.end(), e->concept_index) ==
        concepts.end()) {
      concepts.push_back(e->concept_index);
    }
    bool rewritable = e->kind != FormKind::kPhrase &&
                      (e->status == FormStatus::kDeprecated ||
                       (e->status == FormStatus::kAdmitted &&
                        (e->kind == FormKind::kVariant ||
                         (options.admitted && AdmittedExpands(*e)))));
    keep |= !rewritable;
  }
  if (keep) return std::nullopt;
  if (concepts.size() > 1) {
    std::sort(concepts.begin(), concepts.end());
    for (std::uint32_t k : concepts) {
      ambiguous += (ambiguous.empty() ? "" : ",") + std::string(terms.Slug(k));
    }
    return std::nullopt;
  }
  Reading r;
  r.chosen = full.front();
  // Dative and locative often share a form (Курську); after a locative
  // preposition it is the locative (у Дніпропетровську -> у Дніпрі).
  // A form that may be a vocative is one before "!" (Тримайся,
  // Миколаєве!) elsewhere.
  bool locative = line_state->scanned.AfterLocativePreposition(c.folded_begin);
  bool exclaimed = c.word_end < line.size() && line[c.word_end] == '!';
  for (const Entry* e : full) {
    if ((locative && e->grammatical_case == Case::kLoc) ||
        (!locative && exclaimed &&
         (e->grammatical_case == Case::kVoc || e->also_vocative))) {
      r.chosen = e;
      break;
    }
  }
  r.vocative =
      !locative && exclaimed &&
      (r.chosen->grammatical_case == Case::kVoc || r.chosen->also_vocative);
  r.reason = r.chosen->status == FormStatus::kDeprecated ? "deprecated"
             : r.chosen->kind == FormKind::kVariant      ? "variant"
                                                         : "admitted";
  return r;
}

std::optional<DocumentNormalizer::Impl::Reading>
DocumentNormalizer::Impl::ReadShort(const std::vector<const Entry*>& brief,
                                    std::string& ambiguous) const {
  Reading r;
  std::set<std::uint32_t> named;
  bool rewritable = false;
  for (const Entry* e : brief) {
    if (!mentioned[e->concept_index]) continue;
    named.insert(e->concept_index);
    // An admitted short form (Yoon, 윤) is never expanded into the full
    // form: it becomes only a preferred short form (Zelenskyy ->
    // Zelensky); a deprecated one is replaced.
    rewritable |= e->status == FormStatus::kDeprecated ||
                  (e->status == FormStatus::kAdmitted && HasPreferredShort(*e));
    if (r.chosen == nullptr) r.chosen = e;
  }
  if (named.empty() || !rewritable) return std::nullopt;
  if (named.size() > 1) {
    for (std::uint32_t k : named) {
      ambiguous += (ambiguous.empty() ? "" : ",") + std::string(terms.Slug(k));
    }
    return std::nullopt;
  }
  if (r.chosen->status == FormStatus::kPreferred ||
      (r.chosen->status == FormStatus::kAdmitted &&
       !HasPreferredShort(*r.chosen))) {
    return std::nullopt;
  }
  r.reason = "shortForm";
  return r;
}

std::optional<DocumentNormalizer::Impl::Rewrite>
DocumentNormalizer::Impl::RewriteAs(std::string_view line, const Candidate& c,
                                    const Reading& r) const {
  const Entry& chosen = *r.chosen;
  std::optional<internal::Preferred> preferred =
      terms.PreferredIn(chosen.concept_index, chosen.lang);
  if (!preferred) return std::nullopt;
  // A short form becomes the preferred short form, else an admitted one,
  // else the full form.
  bool short_form =
      chosen.kind == FormKind::kShortForm &&
      (!preferred->short_form.empty() || !preferred->admitted_short.empty());
  bool admitted_short = short_form && preferred->short_form.empty();
  const std::string_view base = !short_form      ? preferred->full
                                : admitted_short ? preferred->admitted_short
                                                 : preferred->short_form;
  const std::string_view klass = !short_form ? preferred->full_inflection
                                 : admitted_short
                                     ? preferred->admitted_short_inflection
                                     : preferred->short_inflection;
  if (base.empty()) return std::nullopt;
  // A Latin name stays Latin: the gloss of 나토(NATO) is no place for
  // Hangul.
  std::string_view name = line.substr(c.begin, c.end - c.begin);
  if (!KeepsLatinScript(name, base)) return std::nullopt;
  const std::string& lang_name = terms.langs[chosen.lang];
  // A form used without endings (у Сватово, в Днипро) stands in the case
  // its preposition asks for, which the replacement takes.
  Case grammatical_case = r.vocative ? Case::kVoc : chosen.grammatical_case;
  if (!chosen.declines && grammatical_case == Case::kNom &&
      !internal::IsAbbreviated(chosen.kind) &&
      terms.DeclensionFor(chosen.lang) != nullptr) {
    std::size_t start = 0;
    std::string before(TokenBefore(line, c.begin, start));
    grammatical_case = CaseAfterPreposition(text::FoldCase(before), lang_name);
  }
  std::optional<std::string> declined = terms.Decline(
      chosen.lang, base, klass, grammatical_case, chosen.plural, chosen.style);
  // A replacement whose class is "none" (Рютте, Ровно) is the same in
  // every case.
  if (!declined && klass == "none") declined = std::string(base);
  Rewrite w;
  w.declined = declined.has_value();
  w.case_unknown =
      CaseUnknown(chosen, base, klass,
                  short_form ? FormKind::kShortForm : preferred->full_kind);
  if (!declined) return w;
  w.replacement = ApplyCasePattern(
      *declined, CarriedCasePattern(name, chosen.stored_case), lang_name);
  if (w.replacement.empty()) return w;
  // The suffix: a Korean particle agrees with the new final consonant;
  // anything else after it ('s, 에서는's tail) stays as written.
  std::string_view rest = line.substr(c.end, c.word_end - c.end);
  std::string suffix(rest);
  if (c.particle) {
    suffix = scanner.particles().Adjust(
        *c.particle, rest.substr(0, c.particle->length), w.replacement);
    suffix.append(rest.substr(c.particle->length));
  }
  w.replacement += suffix;
  return w;
}

void DocumentNormalizer::Impl::Judge(const Candidate& c, bool in_negative,
                                     const Reading& r, const Rewrite& w,
                                     std::optional<Change>& change) const {
  std::string_view folded = line_state->scanned.folded;
  if (!w.declined) {
    change->reason = "no-inflection";
  } else if (in_negative) {
    change.reset();  // inside a negative context: not a finding at all
  } else if (std::string_view(r.reason) != "shortForm" &&
             (cues->CitesFormer(folded.substr(0, c.folded_begin)) ||
              cues->CitesFormerAfter(folded.substr(c.folded_word_end)))) {
    change->reason = "former-name";
  } else if (change->replacement == change->found) {
    change.reset();
  } else if (w.case_unknown) {
    change->reason = "case-unknown";
  } else {
    change->applied = true;
  }
}

void DocumentNormalizer::Impl::Process(std::string_view line,
                                       const PreparedLine::Impl* prepared,
                                       std::string& out, ChangeSink& sink) {
  ++line_number;
  std::uint64_t line_offset = offset;
  offset += line.size() + 1;
  if (prepared == nullptr) {
    scanner.Scan(line, scanned_here.scanned);
    scanned_here.runs_found = false;
    prepared = &scanned_here;
  }
  line_state = prepared;
  const internal::LanguageRuns& line_runs =
      prepared->runs_found ? prepared->runs : runs;
  std::size_t copied = 0;
  std::size_t reach = 0;
  // Candidates come leftmost first, so the column of each is counted on
  // from the previous one's: a line is read once however many names it
  // holds (a recount from the line's start made one long line quadratic).
  std::size_t counted = 0;
  std::uint64_t column = 1;
  bool runs_found = false;
  for (const Candidate& c : prepared->scanned.found) {
    if (c.begin < reach) continue;
    reach = c.word_end;
    if (!runs_found && !prepared->runs_found) {
      runs.Find(line, options.lang);
      runs_found = true;
    }
    // A run in a language the store lacks is judged as the document.
    std::uint16_t judge = lang;
    std::string_view run = line_runs.LanguageOf(c.begin, c.word_end);
    if (run != options.lang && terms.LangIndex(run) != CompiledTerms::kNoLang) {
      judge = terms.LangIndex(run);
    }
    std::optional<Change> change;
    bool in_negative = prepared->scanned.InNegative(c);
    Resolve(line, c, in_negative, judge, change);
    if (!change && judge != lang) {
      // Left alone in the run's language: said so where the document's
      // language would have rewritten it.
      std::optional<Change> own;
      Resolve(line, c, in_negative, lang, own);
      if (own && own->applied) {
        change = std::move(own);
        change->applied = false;
        change->reason = "other-language";
      }
    }
    if (!change) continue;
    change->line = line_number;
    column += text::CountCodePoints(line.substr(counted, c.begin - counted));
    counted = c.begin;
    change->column = column;
    change->byte_offset = line_offset + c.begin;
    if (change->applied) {
      out.append(line.substr(copied, c.begin - copied));
      out.append(change->replacement);
      copied = c.word_end;
    }
    sink.OnChange(*change);
  }
  out.append(line.substr(copied));
}

Result<DocumentNormalizer> DocumentNormalizer::Create(
    const Matcher& matcher, const DocumentOptions& options) {
  auto cues = FormerCues::Builtin();
  if (!cues.ok()) return cues.status();
  auto scanner = internal::Scanner::Create(matcher.compiled());
  if (!scanner.ok()) return scanner.status();
  return DocumentNormalizer(
      std::make_unique<Impl>(matcher, options, *cues, std::move(*scanner)));
}

DocumentNormalizer::DocumentNormalizer(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
DocumentNormalizer::DocumentNormalizer(DocumentNormalizer&&) noexcept = default;
DocumentNormalizer& DocumentNormalizer::operator=(
    DocumentNormalizer&&) noexcept = default;
DocumentNormalizer::~DocumentNormalizer() = default;

void DocumentNormalizer::NormalizeLine(std::string_view line, std::string& out,
                                       ChangeSink& sink) {
  impl_->Process(line, nullptr, out, sink);
}

void DocumentNormalizer::NormalizeLine(std::string_view line,
                                       const PreparedLine& prepared,
                                       std::string& out, ChangeSink& sink) {
  impl_->Process(line, prepared.impl_.get(), out, sink);
}

PreparedLine::PreparedLine() : impl_(std::make_unique<Impl>()) {}
PreparedLine::PreparedLine(PreparedLine&&) noexcept = default;
PreparedLine& PreparedLine::operator=(PreparedLine&&) noexcept = default;
PreparedLine::~PreparedLine() = default;

struct LineScanner::Impl {
  Matcher matcher;  // holds the compiled data the scanner points into
  std::string lang;
  internal::Scanner scanner;
};

Result<LineScanner> LineScanner::Create(const Matcher& matcher,
                                        const DocumentOptions& options) {
  auto scanner = internal::Scanner::Create(matcher.compiled());
  if (!scanner.ok()) return scanner.status();
  return LineScanner(std::unique_ptr<Impl>(
      new Impl{matcher, options.lang, std::move(*scanner)}));
}

LineScanner::LineScanner(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LineScanner::LineScanner(LineScanner&&) noexcept = default;
LineScanner& LineScanner::operator=(LineScanner&&) noexcept = default;
LineScanner::~LineScanner() = default;

void LineScanner::Prepare(std::string_view line, PreparedLine& out) {
  PreparedLine::Impl& p = *out.impl_;
  impl_->scanner.Scan(line, p.scanned);
  // The runs are wanted only where a name was found.
  p.runs_found = !p.scanned.found.empty();
  if (p.runs_found) p.runs.Find(line, impl_->lang);
}

void DocumentNormalizer::NormalizeLine(std::string_view line, std::string& out,
                                       std::vector<Change>& changes) {
  struct Collect final : ChangeSink {
    std::vector<Change>& changes;
    explicit Collect(std::vector<Change>& c) : changes(c) {}
    void OnChange(const Change& change) override { changes.push_back(change); }
  } collect(changes);
  impl_->Process(line, nullptr, out, collect);
}

}  // namespace onoma::normalize
