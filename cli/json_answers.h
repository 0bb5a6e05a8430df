// The JSON answers of the commands (docs/cli.md, "JSON output"), shared by
// their --json forms and `onoma serve`'s API so that both print the same
// shapes. Each function builds one answer; cli/json.h writes it.

#ifndef ONOMA_CLI_JSON_ANSWERS_H_
#define ONOMA_CLI_JSON_ANSWERS_H_

#include <string_view>
#include <vector>

#include "cli/json.h"

namespace onoma::terms {
struct Concept;
struct LookupHit;
}  // namespace onoma::terms
namespace onoma::tm {
struct Match;
struct ConcordanceHit;
}  // namespace onoma::tm
namespace onoma::normalize {
struct Change;
}  // namespace onoma::normalize

namespace onoma::cli {

// term lookup: {"query", "concepts": [{"id", "slug", "type", "match",
// "score", "matched", "terms": [...]}]}.
Json TermLookupJson(std::string_view query,
                    const std::vector<terms::LookupHit>& hits);

// term list: {"id", "slug", "type", "terms": [{"lang", "form", "status",
// "term_type", "note" when there is one}]}.
Json ConceptJson(const terms::Concept& c);

// tm lookup: {"query", "matches": [{"score", "source", "target",
// "stored_target", "tuid", "unit", "changed", "edits", "differences",
// "query_differences", "substitutions": [...]}]}; spans are [begin, end)
// byte offsets.
Json TmLookupJson(std::string_view query,
                  const std::vector<tm::Match>& matches);

// tm concordance: {"query", "hits": [{"source", "target", "lang",
// "target_lang", "tuid", "unit", "unit_source", "match_bytes",
// "match_chars", "targets": [{"lang", "text"}]}]}.
Json ConcordanceJson(std::string_view query,
                     const std::vector<tm::ConcordanceHit>& hits);

// One record of normalize --report: {"file", "line", "column",
// "byte_offset", "found", "replacement", "concept", "reason", "applied"}.
Json ChangeRecord(std::string_view file, const normalize::Change& c);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_JSON_ANSWERS_H_
