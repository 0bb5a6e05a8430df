#include "cli/json_answers.h"

#include <nlohmann/json.hpp>
#include <string>

#include "lib/normalize/document.h"
#include "lib/text/utf8.h"
#include "memory/terms/term.h"
#include "memory/tm/concordance.h"
#include "memory/tm/lookup.h"

namespace onoma::cli {
namespace {

Json TermsJson(const terms::Concept& c) {
  Json out = Json::array();
  for (const terms::Term& t : c.terms) {
    Json term;
    term["lang"] = t.lang;
    term["form"] = t.form;
    term["status"] = terms::Name(t.status);
    term["term_type"] = terms::Name(t.type);
    // The declension class the normalizer uses: stated or inferred.
    if (!terms::EffectiveInflection(t).empty()) {
      term["inflection"] = terms::EffectiveInflection(t);
      term["inflection_inferred"] = t.inflection.empty();
    }
    if (!t.note.empty()) term["note"] = t.note;
    out.push_back(std::move(term));
  }
  return out;
}

Json SpanJson(const tm::Span& span) {
  return Json::array({span.begin, span.end});
}

Json SpansJson(const std::vector<tm::Span>& spans) {
  Json out = Json::array();
  for (const tm::Span& s : spans) out.push_back(SpanJson(s));
  return out;
}

}  // namespace

Json TermLookupJson(std::string_view query,
                    const std::vector<terms::LookupHit>& hits) {
  Json out;
  out["query"] = query;
  out["concepts"] = Json::array();
  for (const terms::LookupHit& h : hits) {
    Json hit;
    hit["id"] = h.entry.id;
    hit["slug"] = h.entry.slug;
    hit["type"] = terms::Name(h.entry.type);
    if (!h.entry.subject.empty()) hit["subject"] = h.entry.subject;
    hit["match"] = terms::Name(h.match);
    hit["score"] = h.score;
    hit["matched"] = h.matched_form;
    hit["terms"] = TermsJson(h.entry);
    out["concepts"].push_back(std::move(hit));
  }
  return out;
}

Json ConceptJson(const terms::Concept& c) {
  Json out;
  out["id"] = c.id;
  out["slug"] = c.slug;
  out["type"] = terms::Name(c.type);
  if (!c.subject.empty()) out["subject"] = c.subject;
  out["terms"] = TermsJson(c);
  return out;
}

Json TmLookupJson(std::string_view query,
                  const std::vector<tm::Match>& matches) {
  Json out;
  out["query"] = query;
  out["matches"] = Json::array();
  for (const tm::Match& m : matches) {
    Json match;
    match["score"] = m.score;
    match["source"] = m.source;
    match["target"] = m.proposed;
    match["stored_target"] = m.target;
    match["tuid"] = m.tuid;
    match["unit"] = m.unit_id;
    match["changed"] = m.changed;
    match["edits"] = m.edits;
    match["differences"] = SpansJson(m.differences);
    match["query_differences"] = SpansJson(m.query_differences);
    match["substitutions"] = Json::array();
    for (const tm::Substitution& s : m.substitutions) {
      Json sub;
      sub["kind"] =
          s.kind == tm::Substitution::Kind::kNumber ? "number" : "name";
      sub["from"] = s.from;
      sub["to"] = s.to;
      sub["in_source"] = Json::array({SpanJson(s.in_source)});
      sub["in_target"] = Json::array({SpanJson(s.in_proposed)});
      match["substitutions"].push_back(std::move(sub));
    }
    out["matches"].push_back(std::move(match));
  }
  return out;
}

Json ConcordanceJson(std::string_view query,
                     const std::vector<tm::ConcordanceHit>& hits) {
  Json out;
  out["query"] = query;
  out["hits"] = Json::array();
  for (const tm::ConcordanceHit& h : hits) {
    Json hit;
    hit["source"] = h.hit.text;
    hit["target"] = h.others.empty() ? std::string() : h.others[0].text;
    hit["lang"] = h.hit.lang;
    hit["target_lang"] = h.others.empty() ? std::string() : h.others[0].lang;
    hit["tuid"] = h.tuid;
    hit["unit"] = h.unit_id;
    hit["unit_source"] = h.hit.is_source;
    // Bytes for slicing, code points for what a reader counts. Ranges come
    // in order: each one's column is counted on from the last one's end,
    // so that a long segment with many hits is read once.
    Json bytes = Json::array();
    Json chars = Json::array();
    std::size_t counted = 0;
    std::size_t column = 0;
    const std::string_view text = h.hit.text;
    for (const tm::ByteRange& r : h.ranges) {
      bytes.push_back(Json::array({r.begin, r.end}));
      const std::size_t begin = column + text::CountCodePoints(text.substr(
                                             counted, r.begin - counted));
      column =
          begin + text::CountCodePoints(text.substr(r.begin, r.end - r.begin));
      counted = r.end;
      chars.push_back(Json::array({begin, column}));
    }
    hit["match_bytes"] = std::move(bytes);
    hit["match_chars"] = std::move(chars);
    hit["targets"] = Json::array();
    for (const tm::ConcordanceSegment& other : h.others) {
      Json target;
      target["lang"] = other.lang;
      target["text"] = other.text;
      hit["targets"].push_back(std::move(target));
    }
    out["hits"].push_back(std::move(hit));
  }
  return out;
}

Json ChangeRecord(std::string_view file, const normalize::Change& c) {
  Json out;
  out["file"] = file;
  out["line"] = c.line;
  out["column"] = c.column;
  out["byte_offset"] = c.byte_offset;
  out["found"] = c.found;
  out["replacement"] = c.replacement;
  out["concept"] = c.concept_slug;
  out["reason"] = c.reason;
  out["applied"] = c.applied;
  return out;
}

}  // namespace onoma::cli
