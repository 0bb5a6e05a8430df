// SRX 2.0 rules applied to a paragraph (srx.h gives the semantics).
//
// Rather than trying every rule at every position (rules x positions regex
// runs), each rule's `beforebreak` pattern is searched once through the
// paragraph, as Okapi's SRX segmenter does; each match end is a candidate
// position, decided by the first rule (in SRX order) whose `afterbreak`
// also matches there. Positions no rule decides do not break.
//
// Tested by tests/segment/srx_test.cc.

#include <unicode/regex.h>
#include <unicode/utext.h>

#include <cstdint>
#include <string>

#include "lib/segment/break_engine_internal.h"
#include "lib/text/icu_internal.h"

namespace onoma::segment::internal {
namespace {

struct CompiledRule {
  bool is_break = true;
  std::unique_ptr<icu::RegexPattern> before_pattern;  // null: matches anywhere
  std::unique_ptr<icu::RegexPattern> after_pattern;
  std::unique_ptr<icu::RegexMatcher> before;
  std::unique_ptr<icu::RegexMatcher> after;
};

Status Compile(const std::string& source, std::uint64_t line,
               std::string_view path,
               std::unique_ptr<icu::RegexPattern>& pattern,
               std::unique_ptr<icu::RegexMatcher>& matcher) {
  if (source.empty()) return Status::Ok();
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error{};
  pattern.reset(icu::RegexPattern::compile(text::ToUnicodeString(source), 0,
                                           parse_error, status));
  if (U_SUCCESS(status)) matcher.reset(pattern->matcher(status));
  if (U_FAILURE(status)) {
    return Status::BadInput(std::string("SRX rule pattern does not compile: ") +
                            u_errorName(status))
        .At({std::string(path), line, 0, 0})
        .WithSnippet(source);
  }
  return Status::Ok();
}

class SrxEngine : public BreakEngine {
 public:
  Status Add(const SrxRule& rule, std::string_view path) {
    CompiledRule compiled;
    compiled.is_break = rule.is_break;
    ONOMA_RETURN_IF_ERROR(Compile(rule.before, rule.line, path,
                                  compiled.before_pattern, compiled.before));
    ONOMA_RETURN_IF_ERROR(Compile(rule.after, rule.line, path,
                                  compiled.after_pattern, compiled.after));
    rules_.push_back(std::move(compiled));
    return Status::Ok();
  }

  void Breaks(std::string_view paragraph,
              std::vector<std::size_t>& out) override {
    if (paragraph.empty()) return;
    const text::Utf8Text opened(paragraph);
    UText* utext = opened.get();
    if (utext == nullptr) return;
    const auto size = static_cast<std::int64_t>(paragraph.size());

    // decided[i]: 0 undecided, 1 break, 2 no break.
    decided_.assign(paragraph.size() + 1, 0);
    for (CompiledRule& rule : rules_) {
      const std::uint8_t verdict = rule.is_break ? 1 : 2;
      auto decide = [&](std::int64_t at) {
        if (at <= 0 || at >= size || decided_[at] != 0) return;
        if (!IsCodePointStart(paragraph, at)) return;
        if (rule.after != nullptr) {
          UErrorCode s = U_ZERO_ERROR;
          rule.after->reset(utext);
          rule.after->region(at, size, s);
          rule.after->useTransparentBounds(true);
          rule.after->useAnchoringBounds(false);
          if (!rule.after->lookingAt(s) || U_FAILURE(s)) return;
        }
        decided_[at] = verdict;
      };
      if (rule.before == nullptr) {
        for (std::int64_t at = 1; at < size; ++at) decide(at);
        continue;
      }
      rule.before->reset(utext);
      UErrorCode s = U_ZERO_ERROR;
      while (rule.before->find(s) && U_SUCCESS(s)) {
        decide(rule.before->end64(s));
      }
    }
    for (std::size_t at = 1; at < paragraph.size(); ++at) {
      if (decided_[at] == 1) out.push_back(at);
    }
  }

 private:
  static bool IsCodePointStart(std::string_view s, std::int64_t at) {
    return (static_cast<unsigned char>(s[static_cast<std::size_t>(at)]) &
            0xC0) != 0x80;
  }

  std::vector<CompiledRule> rules_;
  std::vector<std::uint8_t> decided_;
};

}  // namespace

Result<std::unique_ptr<BreakEngine>> MakeSrxEngine(
    const std::vector<SrxRule>& rules, std::string_view path) {
  auto engine = std::make_unique<SrxEngine>();
  for (const SrxRule& rule : rules)
    ONOMA_RETURN_IF_ERROR(engine->Add(rule, path));
  return std::unique_ptr<BreakEngine>(std::move(engine));
}

}  // namespace onoma::segment::internal
