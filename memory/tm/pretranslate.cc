// Pretranslation (memory/tm/pretranslate.h): the segmenter, the lookup and
// the normalizer as the `segment`, `tm lookup` and `normalize` commands use
// them, put together per segment. Tested by tests/tm/pretranslate_test.cc
// and tests/cli/pretranslate_cli_test.cc.

#include "memory/tm/pretranslate.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lib/normalize/document.h"
#include "lib/normalize/input.h"
#include "lib/normalize/matcher.h"
#include "lib/normalize/names.h"
#include "lib/segment/document.h"
#include "lib/segment/sentence_splitter.h"
#include "lib/text/word_break.h"
#include "memory/formats/tmx_model.h"
#include "memory/sqlite/database.h"
#include "memory/store/connection.h"
#include "memory/store/sqlite_connection.h"
#include "memory/tm/tm_format.h"

namespace onoma::tm {

std::size_t Analysis::BandOf(int score) {
  if (score >= 100) return 0;
  if (score >= 95) return 1;
  if (score >= 85) return 2;
  if (score >= 75) return 3;
  if (score >= kAnalysisFloor) return 4;
  return 5;
}

std::string_view Analysis::BandName(std::size_t band) {
  static constexpr std::string_view kNames[kBands] = {
      "100", "95-99", "85-94", "75-84", "50-74", "no match"};
  return band < kBands ? kNames[band] : std::string_view();
}

struct Pretranslator::Impl {
  // Over a sqlite::Database given to Open: the seam's face of it.
  std::unique_ptr<store::Connection> owned;
  store::Connection* db = nullptr;
  PretranslateOptions options;
  // Declared before the lookup, which borrows it.
  std::optional<normalize::NameFinder> names;
  // The lookup from min_score up; for the segments it leaves without a
  // match, it is asked again down to the analysis's floor: a lower least
  // score reads many more postings (docs/tm-lookup.md), so only the
  // segments that need it pay for it. Each report is one batch
  // (Lookup::StartBatch), so that what one segment's lookup decoded of
  // the index serves the next.
  std::optional<Lookup> lookup;
  std::optional<text::WordBreaker> words;
  std::vector<normalize::NameHit> hits;
  std::vector<text::WordSpan> spans;

  // The memory source's name and the stored markup of the match's unit.
  Status Describe(const Match& m, formats::DraftMatch& out);
  // The preferred form of concept `index` in the target language.
  std::string Translation(std::uint32_t index) const;
  std::uint64_t CountWords(std::string_view segment);
};

Status Pretranslator::Impl::Describe(const Match& m, formats::DraftMatch& out) {
  out.score = m.score;
  out.similarity = std::clamp(
      m.score + m.case_penalty + m.tag_penalty + m.substitution_penalty, 0,
      100);
  out.tuid = m.tuid;
  out.proposed = m.proposed;
  auto origin = db->Cached(format::sql::kUnitOrigin, "read a match's origin");
  if (!origin.ok()) return origin.status();
  ONOMA_RETURN_IF_ERROR((*origin)->Bind(1, m.unit_id));
  auto row = (*origin)->Step();
  if (!row.ok()) return row.status();
  std::int64_t source_seq = 0;
  if (*row) {
    out.origin = (*origin)->ColumnText(0);
    source_seq = (*origin)->ColumnInt64(2);
  }
  auto variants =
      db->Cached(format::sql::kUnitVariantMarkup, "read a match's segments");
  if (!variants.ok()) return variants.status();
  ONOMA_RETURN_IF_ERROR(
      (*variants)->Bind(1, format::FirstVariantId(m.unit_id)));
  ONOMA_RETURN_IF_ERROR((*variants)->Bind(2, format::LastVariantId(m.unit_id)));
  std::string source_markup;
  std::optional<std::string> target_markup;
  for (;;) {
    auto step = (*variants)->Step();
    if (!step.ok()) return step.status();
    if (!*step) break;
    store::Statement& v = **variants;
    const bool has_markup = !v.ColumnIsNull(3);
    std::string markup;
    if (has_markup) {
      markup = v.ColumnText(3);
    } else {
      formats::AppendEscapedText(v.ColumnTextView(2), markup);
    }
    if (v.ColumnInt64(0) == source_seq) {
      source_markup = std::move(markup);
    } else if (!target_markup &&
               formats::LanguageMatches(
                   std::string_view(options.to).substr(0, options.to.find('-')),
                   v.ColumnTextView(1)) &&
               v.ColumnTextView(2) == m.target) {
      target_markup = std::move(markup);
    }
  }
  // A unit read back without its variants (deleted meanwhile) keeps the
  // lookup's plain text.
  if (source_markup.empty())
    formats::AppendEscapedText(m.source, source_markup);
  if (!target_markup) {
    target_markup.emplace();
    formats::AppendEscapedText(m.target, *target_markup);
  }
  out.source_markup = std::move(source_markup);
  out.target_markup = std::move(*target_markup);
  return Status::Ok();
}

std::string Pretranslator::Impl::Translation(std::uint32_t index) const {
  if (options.terms == nullptr) return "";
  const std::vector<normalize::ConceptInput>& concepts =
      options.terms->concepts;
  const std::string_view slug = names->Slug(index);
  const normalize::ConceptInput* concept_input = nullptr;
  if (index < concepts.size() && concepts[index].slug == slug) {
    concept_input = &concepts[index];
  } else {
    for (const normalize::ConceptInput& c : concepts) {
      if (c.slug == slug) concept_input = &c;
    }
  }
  if (concept_input == nullptr) return "";
  const normalize::FormInput* best = nullptr;
  for (const normalize::FormInput& f : concept_input->terms) {
    if (!f.preferred() || !formats::LanguageMatches(f.lang, options.to)) {
      continue;
    }
    if (best == nullptr || (f.kind == normalize::FormKind::kFullForm &&
                            best->kind != normalize::FormKind::kFullForm)) {
      best = &f;
    }
  }
  return best != nullptr ? best->form : "";
}

std::uint64_t Pretranslator::Impl::CountWords(std::string_view segment) {
  words->Words(segment, spans);
  return static_cast<std::uint64_t>(
      std::count_if(spans.begin(), spans.end(),
                    [](const text::WordSpan& s) { return s.is_word(); }));
}

Pretranslator::Pretranslator(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
Pretranslator::Pretranslator(Pretranslator&&) noexcept = default;
Pretranslator& Pretranslator::operator=(Pretranslator&&) noexcept = default;
Pretranslator::~Pretranslator() = default;

Result<Pretranslator> Pretranslator::Open(sqlite::Database& db,
                                          const PretranslateOptions& options) {
  auto connection = std::make_unique<store::SqliteConnection>(db);
  auto opened = Open(*connection, options);
  if (!opened.ok()) return opened.status();
  opened->impl_->owned = std::move(connection);
  return opened;
}

Result<Pretranslator> Pretranslator::Open(store::Connection& db,
                                          const PretranslateOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->db = &db;
  impl->options = options;
  if (options.matcher != nullptr) {
    auto names = normalize::NameFinder::Create(*options.matcher);
    if (!names.ok()) return names.status();
    impl->names.emplace(std::move(*names));
  }
  auto words = text::WordBreaker::Create();
  if (!words.ok()) return words.status();
  impl->words.emplace(std::move(*words));
  LookupOptions lookup_options;
  lookup_options.from = options.from;
  lookup_options.to = options.to;
  lookup_options.min_score = options.min_score;
  lookup_options.max_matches = std::max(options.max_matches, 1);
  lookup_options.names = impl->names ? &*impl->names : nullptr;
  lookup_options.on_progress = options.on_progress;
  lookup_options.on_index_stale = options.on_index_stale;
  auto lookup = Lookup::Open(db, lookup_options);
  if (!lookup.ok()) return lookup.status();
  impl->lookup.emplace(std::move(*lookup));
  return Pretranslator(std::move(impl));
}

Result<formats::Draft> Pretranslator::Run(std::string_view text,
                                          std::string_view original,
                                          segment::SentenceSplitter& splitter,
                                          Analysis& analysis) {
  Impl& impl = *impl_;
  const PretranslateOptions& options = impl.options;
  formats::Draft draft;
  draft.original = std::string(original);
  draft.source_lang = options.from;
  draft.target_lang = options.to;
  const segment::Document doc = segment::SegmentDocument(text, splitter);

  // One normalizer per report: a short form is rewritten only once the
  // report has named its concept in full.
  std::optional<normalize::DocumentNormalizer> normalizer;
  if (options.matcher != nullptr) {
    normalize::DocumentOptions doc_options;
    doc_options.lang = options.to;
    auto created =
        normalize::DocumentNormalizer::Create(*options.matcher, doc_options);
    if (!created.ok()) return created.status();
    normalizer.emplace(std::move(*created));
  }
  std::vector<normalize::Change> changes;
  std::string normalized;

  draft.segments.reserve(doc.size());
  const Lookup::Batch batch = impl.lookup->StartBatch();
  for (std::size_t i = 0; i < doc.size(); ++i) {
    formats::DraftSegment& s = draft.segments.emplace_back();
    s.paragraph = doc.paragraph[i];
    s.source = doc.sentences[i];
    auto matches = impl.lookup->Find(s.source);
    if (!matches.ok()) {
      return matches.status().WithContext(std::string(original) + ":" +
                                          std::to_string(s.paragraph + 1));
    }
    if (!matches->empty()) {
      s.score = matches->front().score;
    } else if (options.min_score > kAnalysisFloor) {
      auto weak = impl.lookup->Find(s.source, kAnalysisFloor, 1);
      if (!weak.ok()) {
        return weak.status().WithContext(std::string(original) + ":" +
                                         std::to_string(s.paragraph + 1));
      }
      if (!weak->empty()) s.score = weak->front().score;
    }
    analysis.Add(s.score, impl.CountWords(s.source));

    for (const Match& m : *matches) {
      ONOMA_RETURN_IF_ERROR(impl.Describe(m, s.matches.emplace_back()));
    }
    if (!s.matches.empty()) {
      const Match& best = matches->front();
      std::string target = best.proposed;
      if (!best.substitutions.empty()) {
        s.substituted = true;
        std::string list;
        for (const Substitution& sub : best.substitutions) {
          if (!list.empty()) list += ", ";
          list += sub.from + " → " + sub.to;
        }
        s.notes.push_back("substituted: " + list);
      }
      if (normalizer) {
        changes.clear();
        normalized.clear();
        normalizer->NormalizeLine(target, normalized, changes);
        std::string list;
        for (const normalize::Change& c : changes) {
          if (!c.applied) continue;
          if (!list.empty()) list += ", ";
          list += c.found + " → " + c.replacement + " (" + c.reason + ")";
        }
        if (!list.empty()) s.notes.push_back("house style: " + list);
        target = std::move(normalized);
      }
      s.target = std::move(target);
    }

    if (impl.names) {
      impl.names->Find(s.source, options.from, impl.hits);
      for (const normalize::NameHit& hit : impl.hits) {
        const std::string term =
            s.source.substr(hit.begin, hit.end - hit.begin);
        const std::string slug(impl.names->Slug(hit.concept_index));
        const bool seen = std::any_of(
            s.terms.begin(), s.terms.end(), [&](const formats::DraftTerm& t) {
              return t.term == term && t.concept_id == slug;
            });
        if (seen) continue;
        s.terms.push_back({term, impl.Translation(hit.concept_index), slug});
      }
    }
  }
  return draft;
}

}  // namespace onoma::tm
