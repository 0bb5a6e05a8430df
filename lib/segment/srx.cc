#include "lib/segment/srx.h"

#include <unicode/regex.h>

#include <memory>

#include "lib/text/icu_internal.h"

// Tested by tests/segment/srx_test.cc.

namespace onoma::segment {

Result<std::vector<SrxRule>> SelectSrxRules(const SrxRules& rules,
                                            std::string_view lang) {
  std::vector<SrxRule> selected;
  const icu::UnicodeString code = text::ToUnicodeString(lang);
  for (const SrxLanguageMap& map : rules.maps) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    std::unique_ptr<icu::RegexPattern> pattern(icu::RegexPattern::compile(
        text::ToUnicodeString(map.pattern), UREGEX_CASE_INSENSITIVE,
        parse_error, status));
    if (U_FAILURE(status)) {
      return Status::BadInput("bad languagepattern '" + map.pattern +
                              "': " + u_errorName(status))
          .At({rules.path, 0, 0, 0});
    }
    std::unique_ptr<icu::RegexMatcher> matcher(pattern->matcher(code, status));
    if (U_FAILURE(status) || !matcher->matches(status)) continue;
    const SrxLanguageRule* found = nullptr;
    for (const SrxLanguageRule& candidate : rules.language_rules) {
      if (candidate.name == map.rule_name) found = &candidate;
    }
    if (found == nullptr) {
      return Status::BadInput("languagemap names no languagerule '" +
                              map.rule_name + "'")
          .At({rules.path, 0, 0, 0});
    }
    selected.insert(selected.end(), found->rules.begin(), found->rules.end());
    if (!rules.cascade) break;
  }
  return selected;
}

}  // namespace onoma::segment
