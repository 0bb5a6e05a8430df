#include "lib/normalize/document.h"

#include <algorithm>
#include <optional>
#include <set>

#include "lib/normalize/compiled_terms_internal.h"
#include "lib/normalize/folder_internal.h"
#include "lib/normalize/former_cues.h"
#include "lib/normalize/korean_particles.h"
#include "lib/normalize/surface.h"
#include "lib/text/script.h"
#include "lib/text/utf8.h"
#include "lib/text/word_break.h"

namespace onoma::normalize {
namespace {

using internal::CompiledTerms;
using internal::Entry;

// A pattern found at whole-word (or word-plus-suffix) position.
struct Candidate {
  std::uint32_t begin = 0;  // original bytes of the name
  std::uint32_t end = 0;
  std::uint32_t word_end = 0;  // end of the suffix (particle, 's) or `end`
  std::uint32_t pattern = 0;
  std::uint32_t folded_begin = 0;     // where the name starts in folded text
  std::uint32_t folded_word_end = 0;  // where word_end is in folded text
  std::optional<ParticleHit> particle;
};

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

}  // namespace

struct DocumentNormalizer::Impl {
  Matcher matcher;
  const CompiledTerms& terms;
  DocumentOptions options;
  std::uint16_t lang;
  const Particles* particles;
  const FormerCues* cues;
  text::WordBreaker breaker;
  internal::Folder folder;

  std::set<std::uint32_t> mentioned;  // concept indexes named in full
  std::uint64_t line_number = 0;
  std::uint64_t offset = 0;  // of the current line in the document

  // Scratch, reused across lines.
  std::string folded;
  std::vector<std::uint32_t> map;
  std::vector<Candidate> found;
  std::vector<std::pair<std::size_t, std::uint32_t>> hits;
  std::vector<text::WordSpan> spans;
  std::size_t window_begin = 1, window_end = 0;

  Impl(const Matcher& m, const DocumentOptions& o, const Particles* p,
       const FormerCues* c, text::WordBreaker b)
      : matcher(m),
        terms(matcher.compiled()),
        options(o),
        lang(terms.LangIndex(o.lang)),
        particles(p),
        cues(c),
        breaker(std::move(b)) {}

  // Word segments of the whitespace-delimited stretch [begin, end) of
  // `line`, offsets into `line`. Whitespace is always a word boundary
  // (UAX #29 WB3a/b), so breaking the stretch alone gives the boundaries
  // the whole line would.
  const std::vector<text::WordSpan>& Window(std::string_view line,
                                            std::size_t begin,
                                            std::size_t end) {
    if (begin != window_begin || end != window_end) {
      breaker.Words(line.substr(begin, end - begin), spans);
      for (text::WordSpan& s : spans) {
        s.begin += begin;
        s.end += begin;
      }
      window_begin = begin;
      window_end = end;
    }
    return spans;
  }

  bool AfterLocativePreposition(std::size_t folded_begin) const {
    std::string_view before = std::string_view(folded).substr(0, folded_begin);
    while (!before.empty() && IsSpace(before.back())) before.remove_suffix(1);
    std::size_t start = before.find_last_of(" \t(");
    std::string_view word =
        before.substr(start == std::string_view::npos ? 0 : start + 1);
    // Not "по": удар по Дніпропетровську is dative.
    for (std::string_view p : {"у", "в", "уві", "на", "при"}) {
      if (word == p) return true;
    }
    return false;
  }

  std::optional<Candidate> Check(std::string_view line, std::size_t fbegin,
                                 std::size_t fend, std::uint32_t pattern);
  void Process(std::string_view line, std::string& out,
               std::vector<Change>& changes);
  void Resolve(std::string_view line, const Candidate& c, bool in_negative,
               std::optional<Change>& change);
};

std::optional<Candidate> DocumentNormalizer::Impl::Check(
    std::string_view line, std::size_t fbegin, std::size_t fend,
    std::uint32_t pattern) {
  if (map[fbegin] == internal::Folder::kMid ||
      map[fend] == internal::Folder::kMid) {
    return std::nullopt;
  }
  Candidate c;
  c.begin = map[fbegin];
  c.end = map[fend];
  c.pattern = pattern;
  c.folded_begin = static_cast<std::uint32_t>(fbegin);
  std::size_t left = c.begin;
  while (left > 0 && !IsSpace(line[left - 1])) --left;
  std::size_t right = c.end;
  while (right < line.size() && !IsSpace(line[right])) ++right;
  // No rewrite inside a URL, an e-mail address or a path.
  for (std::size_t t = left; t < right;) {
    std::size_t e = t;
    while (e < right && !IsSpace(line[e])) ++e;
    if (IsNonProseToken(line.substr(t, e - t))) return std::nullopt;
    t = e;
    while (t < right && IsSpace(line[t])) ++t;
  }
  const std::vector<text::WordSpan>& words = Window(line, left, right);
  bool begins = false;
  for (const text::WordSpan& w : words) {
    if (w.begin == c.begin) begins = true;
    if (w.end == c.end) {
      c.word_end = c.end;
      c.folded_word_end = static_cast<std::uint32_t>(fend);
      return begins ? std::optional<Candidate>(c) : std::nullopt;
    }
    if (w.begin < c.end && c.end < w.end) {
      if (!begins) return std::nullopt;
      // The name ends inside a word: only a particle or a possessive may
      // follow it there.
      std::string_view rest = line.substr(c.end, w.end - c.end);
      std::string_view name = line.substr(c.begin, c.end - c.begin);
      // A Korean particle may follow a name in any script ("Kiev의" in
      // Korean copy); a possessive only a name that is not Hangul.
      bool hangul =
          text::ScriptOf(LastCodePointOf(name)) == text::Script::kHangul;
      c.word_end = static_cast<std::uint32_t>(w.end);
      c.folded_word_end = static_cast<std::uint32_t>(fend);
      while (c.folded_word_end < map.size() &&
             map[c.folded_word_end] != w.end) {
        ++c.folded_word_end;
      }
      if (hangul || !IsPossessiveSuffix(rest, name)) {
        // Particles are matched on the folded (NFC) text, so that one
        // typed in conjoining jamo is found; its length is taken back to
        // the original bytes.
        std::string_view folded_rest =
            std::string_view(folded).substr(fend, c.folded_word_end - fend);
        c.particle = particles->MatchPrefix(folded_rest);
        if (!c.particle) return std::nullopt;
        std::uint32_t particle_end = map[fend + c.particle->length];
        if (particle_end == internal::Folder::kMid) return std::nullopt;
        c.particle->length = particle_end - c.end;
      }
      return c;
    }
  }
  return std::nullopt;
}

void DocumentNormalizer::Impl::Resolve(std::string_view line,
                                       const Candidate& c, bool in_negative,
                                       std::optional<Change>& change) {
  const internal::Pattern& p = terms.patterns[c.pattern];
  const Entry* first = terms.entries.data() + p.first_entry;
  const Entry* last = first + p.entry_count;
  for (const Entry* e = first; e != last; ++e) {
    if (e->negative) return;  // a negative context shields what it holds
  }
  // The document's language judges the forms it has; others are judged by
  // the languages that have them.
  bool own =
      std::any_of(first, last, [&](const Entry& e) { return e.lang == lang; });
  std::vector<const Entry*> full, brief;
  for (const Entry* e = first; e != last; ++e) {
    if (own && e->lang != lang) continue;
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
                          (e->kind == FormKind::kVariant || options.admitted)));
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
    if (AfterLocativePreposition(c.folded_begin)) {
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
  const std::string& lang_name = terms.langs[chosen->lang];
  std::optional<std::string> declined =
      terms.declension->Decline(base, klass, chosen->grammatical_case);
  std::string replacement;
  if (declined) {
    replacement = ApplyCasePattern(*declined, CasePatternOf(name), lang_name);
  }
  // The suffix: a Korean particle agrees with the new final consonant;
  // anything else after it ('s, 에서는's tail) stays as written.
  std::string_view rest = line.substr(c.end, c.word_end - c.end);
  std::string suffix(rest);
  if (c.particle && !replacement.empty()) {
    suffix = particles->Adjust(*c.particle, rest.substr(0, c.particle->length),
                               replacement);
    suffix.append(rest.substr(c.particle->length));
  }
  report(slug, reason);
  if (!replacement.empty()) change->replacement = replacement + suffix;
  if (!declined) {
    change->reason = "no-inflection";
  } else if (in_negative) {
    change.reset();  // inside a negative context: not a finding at all
  } else if (reason != "shortForm" &&
             (cues->CitesFormer(
                  std::string_view(folded).substr(0, c.folded_begin)) ||
              cues->CitesFormerAfter(
                  std::string_view(folded).substr(c.folded_word_end)))) {
    change->reason = "former-name";
  } else if (change->replacement == change->found) {
    change.reset();
  } else {
    change->applied = true;
  }
}

void DocumentNormalizer::Impl::Process(std::string_view line, std::string& out,
                                       std::vector<Change>& changes) {
  ++line_number;
  std::uint64_t line_offset = offset;
  offset += line.size() + 1;
  folder.Fold(line, folded, map);
  found.clear();
  window_begin = 1;
  window_end = 0;
  hits.clear();
  terms.automaton.Scan(folded, [&](std::size_t end, std::uint32_t pattern) {
    hits.emplace_back(end, pattern);
  });
  if (hits.empty()) {
    out.append(line);
    return;
  }
  for (const auto& [fend, pattern] : hits) {
    std::size_t fbegin = fend - terms.patterns[pattern].length;
    if (auto c = Check(line, fbegin, fend, pattern)) found.push_back(*c);
  }
  // Leftmost, then longest: a longer term shields the names inside it.
  std::sort(found.begin(), found.end(),
            [](const Candidate& a, const Candidate& b) {
              if (a.begin != b.begin) return a.begin < b.begin;
              return a.end > b.end;
            });
  std::vector<std::pair<std::uint32_t, std::uint32_t>> negatives;
  for (const Candidate& c : found) {
    const internal::Pattern& p = terms.patterns[c.pattern];
    for (std::uint32_t i = 0; i < p.entry_count; ++i) {
      if (terms.entries[p.first_entry + i].negative) {
        negatives.emplace_back(c.begin, c.word_end);
        break;
      }
    }
  }
  std::size_t copied = 0;
  std::size_t reach = 0;
  for (const Candidate& c : found) {
    if (c.begin < reach) continue;
    reach = c.word_end;
    bool in_negative = false;
    for (const auto& [b, e] : negatives) {
      in_negative |= b < c.word_end && c.begin < e;
    }
    std::optional<Change> change;
    Resolve(line, c, in_negative, change);
    if (!change) continue;
    change->line = line_number;
    change->column = text::CountCodePoints(line.substr(0, c.begin)) + 1;
    change->byte_offset = line_offset + c.begin;
    if (change->applied) {
      out.append(line.substr(copied, c.begin - copied));
      out.append(change->replacement);
      copied = c.word_end;
    }
    changes.push_back(std::move(*change));
  }
  out.append(line.substr(copied));
}

Result<DocumentNormalizer> DocumentNormalizer::Create(
    const Matcher& matcher, const DocumentOptions& options) {
  auto particles = Particles::Builtin();
  if (!particles.ok()) return particles.status();
  auto cues = FormerCues::Builtin();
  if (!cues.ok()) return cues.status();
  auto breaker = text::WordBreaker::Create();
  if (!breaker.ok()) return breaker.status();
  return DocumentNormalizer(std::make_unique<Impl>(matcher, options, *particles,
                                                   *cues, std::move(*breaker)));
}

DocumentNormalizer::DocumentNormalizer(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
DocumentNormalizer::DocumentNormalizer(DocumentNormalizer&&) noexcept = default;
DocumentNormalizer& DocumentNormalizer::operator=(
    DocumentNormalizer&&) noexcept = default;
DocumentNormalizer::~DocumentNormalizer() = default;

void DocumentNormalizer::NormalizeLine(std::string_view line, std::string& out,
                                       std::vector<Change>& changes) {
  impl_->Process(line, out, changes);
}

}  // namespace onoma::normalize
