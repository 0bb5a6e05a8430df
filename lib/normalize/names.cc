#include "lib/normalize/names.h"

#include "lib/normalize/compiled_terms_internal.h"
#include "lib/normalize/korean_particles.h"
#include "lib/normalize/scanner_internal.h"
#include "lib/normalize/surface.h"

namespace onoma::normalize {

using internal::Candidate;
using internal::CompiledTerms;
using internal::Entry;

struct NameFinder::Impl {
  Matcher matcher;
  const CompiledTerms& terms;
  internal::Scanner scanner;

  Impl(const Matcher& m, internal::Scanner s)
      : matcher(m), terms(matcher.compiled()), scanner(std::move(s)) {}

  // The entry that names candidate `c` in a line of language `lang`, or
  // nullptr when it is no name for substitution.
  const Entry* Judge(const Candidate& c, std::uint16_t lang) const;
};

const Entry* NameFinder::Impl::Judge(const Candidate& c,
                                     std::uint16_t lang) const {
  const std::span<const Entry> read = terms.EntriesOf(c.pattern);
  const Entry* first = read.data();
  const Entry* last = first + read.size();
  // As DocumentNormalizer judges: the line's language for the forms it
  // has, the languages that have it for the rest.
  bool own = false;
  for (const Entry* e = first; e != last; ++e) own |= e->lang == lang;
  const Entry* chosen = nullptr;
  const Entry* locative = nullptr;
  std::optional<std::uint32_t> concept_index;
  for (const Entry* e = first; e != last; ++e) {
    if (e->negative) return nullptr;
    if (own && e->lang != lang) continue;
    // A form that two concepts share (even as a short form of one) cannot
    // say which name to put in its place.
    if (concept_index && *concept_index != e->concept_index) return nullptr;
    concept_index = e->concept_index;
    if (e->kind == FormKind::kShortForm || e->kind == FormKind::kPhrase) {
      continue;
    }
    if (chosen == nullptr) chosen = e;
    if (locative == nullptr && e->grammatical_case == Case::kLoc) {
      locative = e;
    }
  }
  if (chosen == nullptr) return nullptr;
  // Dative and locative often share a form (Харкову); after a locative
  // preposition it is the locative, as the normalizer takes it.
  if (locative != nullptr && scanner.AfterLocativePreposition(c.folded_begin)) {
    return locative;
  }
  return chosen;
}

Result<NameFinder> NameFinder::Create(const Matcher& matcher) {
  auto scanner = internal::Scanner::Create(matcher.compiled());
  if (!scanner.ok()) return scanner.status();
  return NameFinder(std::make_unique<Impl>(matcher, std::move(*scanner)));
}

NameFinder::NameFinder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NameFinder::NameFinder(NameFinder&&) noexcept = default;
NameFinder& NameFinder::operator=(NameFinder&&) noexcept = default;
NameFinder::~NameFinder() = default;

void NameFinder::Find(std::string_view line, std::string_view lang,
                      std::vector<NameHit>& out) {
  out.clear();
  internal::Scanner& scanner = impl_->scanner;
  std::uint16_t lang_index = impl_->terms.LangIndex(lang);
  scanner.Scan(line);
  std::size_t reach = 0;
  for (const Candidate& c : scanner.candidates()) {
    // The longest candidate at a position shields what it contains, even
    // when it is no hit itself (a short form, a shared form).
    if (c.begin < reach) continue;
    reach = c.word_end;
    if (scanner.InNegative(c)) continue;
    const Entry* e = impl_->Judge(c, lang_index);
    if (e == nullptr) continue;
    NameHit& hit = out.emplace_back();
    hit.begin = c.begin;
    hit.end = c.end;
    hit.word_end = c.word_end;
    hit.concept_index = e->concept_index;
    hit.particle_end = c.end;
    if (c.particle) {
      hit.particle = c.particle->index;
      hit.particle_end = c.end + c.particle->length;
    }
    hit.possessive = !c.particle && c.word_end > c.end;
    hit.grammatical_case = e->grammatical_case;
    hit.plural = e->plural;
    hit.status = e->status;
    hit.kind = e->kind;
    hit.stored_case = e->stored_case;
  }
}

std::optional<std::string> NameFinder::Render(std::uint32_t concept_index,
                                              std::string_view lang,
                                              std::string_view line,
                                              const NameHit& like) const {
  const CompiledTerms& terms = impl_->terms;
  if (concept_index >= terms.concept_count()) return std::nullopt;
  std::uint16_t lang_index = terms.LangIndex(lang);
  if (lang_index == CompiledTerms::kNoLang) return std::nullopt;
  std::optional<internal::Preferred> preferred =
      terms.PreferredIn(concept_index, lang_index);
  if (!preferred || preferred->full.empty()) return std::nullopt;
  // Declined by the class the matcher took for the preferred form (given
  // or inferred); a form that does not decline is no substitute for a
  // name in a case.
  std::optional<std::string> declined =
      terms.Decline(lang_index, preferred->full, preferred->full_inflection,
                    like.grammatical_case, like.plural);
  if (!declined) return std::nullopt;
  std::string_view name = line.substr(like.begin, like.end - like.begin);
  std::string text = ApplyCasePattern(
      *declined, CarriedCasePattern(name, like.stored_case), lang);
  std::string_view rest = line.substr(like.end, like.word_end - like.end);
  if (like.particle) {
    std::size_t length = like.particle_end - like.end;
    std::string particle = impl_->scanner.particles().Adjust(
        ParticleHit{*like.particle, length}, rest.substr(0, length), text);
    text += particle;
    rest.remove_prefix(length);
  }
  text.append(rest);
  return text;
}

std::string_view NameFinder::Slug(std::uint32_t concept_index) const {
  const CompiledTerms& terms = impl_->terms;
  if (concept_index >= terms.concept_count()) return {};
  return terms.Slug(concept_index);
}

std::size_t NameFinder::concept_count() const {
  return impl_->terms.concept_count();
}

std::size_t NameFinder::max_form_words() const {
  return impl_->terms.max_form_words;
}

}  // namespace onoma::normalize
