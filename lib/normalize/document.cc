#include "lib/normalize/document.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

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

struct DocumentNormalizer::Impl {
  Matcher matcher;
  const CompiledTerms& terms;
  DocumentOptions options;
  std::uint16_t lang;
  const FormerCues* cues;
  internal::Scanner scanner;
  internal::LanguageRuns runs;
  // Folded forms, by (concept, language), that the language's preferred
  // form takes when declined (see DeclinesPreferred).
  std::map<std::pair<std::uint32_t, std::uint16_t>, std::vector<std::string>>
      declined_preferred;

  std::set<std::uint32_t> mentioned;  // concept indexes named in full
  std::uint64_t line_number = 0;
  std::uint64_t offset = 0;  // of the current line in the document

  Impl(const Matcher& m, const DocumentOptions& o, const FormerCues* c,
       internal::Scanner s)
      : matcher(m),
        terms(matcher.compiled()),
        options(o),
        lang(terms.LangIndex(o.lang)),
        cues(c),
        scanner(std::move(s)) {}

  void Process(std::string_view line, std::string& out, ChangeSink& sink);
  // What `c` comes to when judged by the entries of `judge` (a language
  // index, or kNoLang): `change` set, applied or kept, or left empty.
  void Resolve(std::string_view line, const Candidate& c, bool in_negative,
               std::uint16_t judge, std::optional<Change>& change);
  // Whether the folded name of `c` is a declined form of the preferred
  // form in `judge` of a concept among `entries`.
  bool DeclinesPreferred(const Candidate& c, const Entry* first,
                         const Entry* last, std::uint16_t judge);

  // Whether --admitted rewrites the admitted form `e`: an acronym or
  // abbreviation only into a preferred form of that kind (NATO stays NATO
  // while the preferred form is North Atlantic Treaty Organization), any
  // other form always.
  bool AdmittedExpands(const Entry& e) const {
    if (!internal::IsAbbreviated(e.kind)) return true;
    const internal::Preferred* p = terms.PreferredIn(e.concept_index, e.lang);
    return p != nullptr && internal::IsAbbreviated(p->full_kind);
  }

  // Whether an acronym found in Ukrainian copy (`e`, indeclinable, so its
  // case unknown) would become a form that declines: what it stands in
  // for cannot be chosen, and the rewrite is left to an editor.
  bool CaseUnknown(const Entry& e, const std::string& base,
                   const std::string& klass, FormKind base_kind) const {
    if (e.kind != FormKind::kAcronym || e.declines ||
        terms.langs[e.lang] != "uk" || internal::IsAbbreviated(base_kind)) {
      return false;
    }
    std::optional<std::string> genitive =
        terms.Decline(e.lang, base, klass, Case::kGen, false);
    return genitive && *genitive != base;
  }
};

bool DocumentNormalizer::Impl::DeclinesPreferred(const Candidate& c,
                                                 const Entry* first,
                                                 const Entry* last,
                                                 std::uint16_t judge) {
  if (judge == CompiledTerms::kNoLang) return false;
  std::string_view folded =
      std::string_view(scanner.folded())
          .substr(c.folded_begin, terms.patterns[c.pattern].length);
  for (const Entry* e = first; e != last; ++e) {
    auto key = std::make_pair(e->concept_index, judge);
    auto it = declined_preferred.find(key);
    if (it == declined_preferred.end()) {
      // Declined as the matcher declines the language's forms.
      std::vector<std::string> forms;
      const internal::Preferred* p = terms.PreferredIn(e->concept_index, judge);
      const Declension* table = terms.DeclensionFor(judge);
      if (p != nullptr && !p->full.empty() && table != nullptr &&
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
  const internal::Pattern& p = terms.patterns[c.pattern];
  const Entry* first = terms.entries.data() + p.first_entry;
  const Entry* last = first + p.entry_count;
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
  const Entry* chosen = nullptr;
  std::string reason;
  std::string_view name = line.substr(c.begin, c.end - c.begin);
  auto report = [&](std::string slug, std::string why) {
    change.emplace();
    change->found = std::string(line.substr(c.begin, c.word_end - c.begin));
    change->concept_slug = std::move(slug);
    change->reason = std::move(why);
  };
  if (!full.empty()) {
    std::set<std::uint32_t> concepts;
    bool keep = false;
    for (const Entry* e : full) {
      mentioned.insert(e->concept_index);
      concepts.insert(e->concept_index);
      bool rewritable = e->kind != FormKind::kPhrase &&
                        (e->status == FormStatus::kDeprecated ||
                         (e->status == FormStatus::kAdmitted &&
                          (e->kind == FormKind::kVariant ||
                           (options.admitted && AdmittedExpands(*e)))));
      keep |= !rewritable;
    }
    if (keep) return;
    if (concepts.size() > 1) {
      std::string slugs;
      for (std::uint32_t k : concepts) {
        slugs += (slugs.empty() ? "" : ",") + terms.concepts[k].slug;
      }
      report(slugs, "ambiguous");
      return;
    }
    chosen = full.front();
    // Dative and locative often share a form (Курську); after a locative
    // preposition it is the locative (у Дніпропетровську -> у Дніпрі).
    if (scanner.AfterLocativePreposition(c.folded_begin)) {
      for (const Entry* e : full) {
        if (e->grammatical_case == Case::kLoc) {
          chosen = e;
          break;
        }
      }
    }
    reason = chosen->status == FormStatus::kDeprecated ? "deprecated"
             : chosen->kind == FormKind::kVariant      ? "variant"
                                                       : "admitted";
  } else {
    std::set<std::uint32_t> named;
    bool rewritable = false;
    for (const Entry* e : brief) {
      if (mentioned.count(e->concept_index) == 0) continue;
      named.insert(e->concept_index);
      rewritable |= e->status != FormStatus::kPreferred;
      if (chosen == nullptr) chosen = e;
    }
    if (named.empty() || !rewritable) return;
    if (named.size() > 1) {
      std::string slugs;
      for (std::uint32_t k : named) {
        slugs += (slugs.empty() ? "" : ",") + terms.concepts[k].slug;
      }
      report(slugs, "ambiguous");
      return;
    }
    if (chosen->status == FormStatus::kPreferred) return;
    reason = "shortForm";
  }
  const std::string& slug = terms.concepts[chosen->concept_index].slug;
  const internal::Preferred* preferred =
      terms.PreferredIn(chosen->concept_index, chosen->lang);
  if (preferred == nullptr) return;
  bool short_form =
      chosen->kind == FormKind::kShortForm && !preferred->short_form.empty();
  const std::string& base =
      short_form ? preferred->short_form : preferred->full;
  const std::string& klass =
      short_form ? preferred->short_inflection : preferred->full_inflection;
  if (base.empty()) return;
  // A Latin name stays Latin: the gloss of 나토(NATO) is no place for
  // Hangul.
  if (!KeepsLatinScript(name, base)) return;
  const std::string& lang_name = terms.langs[chosen->lang];
  std::optional<std::string> declined = terms.Decline(
      chosen->lang, base, klass, chosen->grammatical_case, chosen->plural);
  std::string replacement;
  if (declined) {
    replacement = ApplyCasePattern(
        *declined, CarriedCasePattern(name, chosen->stored_case), lang_name);
  }
  bool case_unknown =
      CaseUnknown(*chosen, base, klass,
                  short_form ? FormKind::kShortForm : preferred->full_kind);
  // The suffix: a Korean particle agrees with the new final consonant;
  // anything else after it ('s, 에서는's tail) stays as written.
  std::string_view rest = line.substr(c.end, c.word_end - c.end);
  std::string suffix(rest);
  if (c.particle && !replacement.empty()) {
    suffix = scanner.particles().Adjust(
        *c.particle, rest.substr(0, c.particle->length), replacement);
    suffix.append(rest.substr(c.particle->length));
  }
  report(slug, reason);
  if (!replacement.empty()) change->replacement = replacement + suffix;
  std::string_view folded = scanner.folded();
  if (!declined) {
    change->reason = "no-inflection";
  } else if (in_negative) {
    change.reset();  // inside a negative context: not a finding at all
  } else if (reason != "shortForm" &&
             (cues->CitesFormer(folded.substr(0, c.folded_begin)) ||
              cues->CitesFormerAfter(folded.substr(c.folded_word_end)))) {
    change->reason = "former-name";
  } else if (change->replacement == change->found) {
    change.reset();
  } else if (case_unknown) {
    change->reason = "case-unknown";
  } else {
    change->applied = true;
  }
}

void DocumentNormalizer::Impl::Process(std::string_view line, std::string& out,
                                       ChangeSink& sink) {
  ++line_number;
  std::uint64_t line_offset = offset;
  offset += line.size() + 1;
  scanner.Scan(line);
  std::size_t copied = 0;
  std::size_t reach = 0;
  // Candidates come leftmost first, so the column of each is counted on
  // from the previous one's: a line is read once however many names it
  // holds (a recount from the line's start made one long line quadratic).
  std::size_t counted = 0;
  std::uint64_t column = 1;
  bool runs_found = false;
  for (const Candidate& c : scanner.candidates()) {
    if (c.begin < reach) continue;
    reach = c.word_end;
    if (!runs_found) {
      runs.Find(line, options.lang);
      runs_found = true;
    }
    // A run in a language the store lacks is judged as the document.
    std::uint16_t judge = lang;
    std::string_view run = runs.LanguageOf(c.begin, c.word_end);
    if (run != options.lang && terms.LangIndex(run) != CompiledTerms::kNoLang) {
      judge = terms.LangIndex(run);
    }
    std::optional<Change> change;
    bool in_negative = scanner.InNegative(c);
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
  impl_->Process(line, out, sink);
}

void DocumentNormalizer::NormalizeLine(std::string_view line, std::string& out,
                                       std::vector<Change>& changes) {
  struct Collect final : ChangeSink {
    std::vector<Change>& changes;
    explicit Collect(std::vector<Change>& c) : changes(c) {}
    void OnChange(const Change& change) override { changes.push_back(change); }
  } collect(changes);
  impl_->Process(line, out, collect);
}

}  // namespace onoma::normalize
