#include "lib/romanize/table_scheme.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lib/romanize/table_matcher_internal.h"
#include "lib/text/code_points.h"
#include "lib/text/utf8.h"

namespace onoma::romanize {
namespace {

using internal::FastLower;
using internal::IsLetterOrMark;
using internal::MatcherRule;
using internal::TableMatcher;

enum Form { kLower = 0, kTitle = 1, kUpper = 2 };

// The three case forms of a rule's output.
std::array<std::string, 3> CaseForms(std::string_view target) {
  std::u32string lower = text::DecodeUtf8(target);
  std::u32string title = lower;
  std::u32string upper = lower;
  if (!title.empty()) title[0] = static_cast<char32_t>(u_totitle(title[0]));
  for (char32_t& c : upper) c = static_cast<char32_t>(u_toupper(c));
  return {text::EncodeUtf8(lower), text::EncodeUtf8(title),
          text::EncodeUtf8(upper)};
}

// The target without combining marks: ALA-LC's ties and diacritics dropped.
std::string StripMarks(std::string_view target) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::string(target);
  icu::UnicodeString decomposed = nfd->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(
          target.data(), static_cast<std::int32_t>(target.size()))),
      status);
  if (U_FAILURE(status)) return std::string(target);
  icu::UnicodeString kept;
  for (std::int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if ((U_GET_GC_MASK(c) & U_GC_M_MASK) == 0) kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

}  // namespace

TableScheme::TableScheme(TableSpec spec) : spec_(std::move(spec)) {}
TableScheme::~TableScheme() = default;

Result<std::unique_ptr<TableScheme>> TableScheme::Create(TableSpec spec) {
  auto fault = [&](std::uint32_t line, std::string message) {
    return Status::BadInput(std::move(message)).At({spec.path, line, 0, 0});
  };

  std::vector<MatcherRule> forward;
  std::vector<MatcherRule> reverse;
  std::u32string reverse_word_chars;
  for (const TableRule& r : spec.rules) {
    if (r.reverse_only) continue;
    for (char32_t c : r.source) {
      if (!IsLetterOrMark(c) &&
          spec.word_chars.find(c) == std::u32string::npos) {
        return fault(r.line, "rule can never apply: '" +
                                 text::EncodeUtf8(std::u32string(1, c)) +
                                 "' is neither a letter nor in word-chars");
      }
    }
    MatcherRule rule;
    rule.source = r.source;
    rule.forms = CaseForms(r.target);
    if (r.has_title) rule.forms[kTitle] = r.title;
    rule.ascii = CaseForms(r.has_ascii ? r.ascii : StripMarks(r.target));
    rule.conditions = r.conditions;
    forward.push_back(std::move(rule));
  }

  if (spec.reversible) {
    auto add_reverse = [&](std::u32string source, std::string target,
                           std::vector<TableCondition> conditions) {
      for (char32_t c : source) {
        if (!IsLetterOrMark(c) &&
            reverse_word_chars.find(c) == std::u32string::npos) {
          reverse_word_chars.push_back(c);
        }
      }
      MatcherRule rule;
      rule.source = std::move(source);
      rule.forms = CaseForms(target);
      rule.ascii = rule.forms;
      rule.conditions = std::move(conditions);
      reverse.push_back(std::move(rule));
    };
    // Explicit ← rules first: they carry the conditions of the Latin side.
    for (const TableRule& r : spec.rules) {
      if (r.reverse_only) add_reverse(r.source, r.target, r.conditions);
    }
    for (const TableRule& r : spec.rules) {
      if (r.reverse_only || r.noreverse || r.target.empty()) continue;
      std::u32string source = text::DecodeUtf8(r.target);
      for (char32_t& c : source) c = FastLower(c);
      bool seen = std::any_of(reverse.begin(), reverse.end(), [&](auto& x) {
        return x.source == source && x.conditions.empty();
      });
      if (!seen) add_reverse(std::move(source), text::EncodeUtf8(r.source), {});
    }
  }

  std::unique_ptr<TableScheme> scheme(new TableScheme(std::move(spec)));
  scheme->forward_ = std::make_unique<TableMatcher>(
      std::move(forward), scheme->spec_.word_chars, false);
  if (scheme->spec_.reversible) {
    scheme->reverse_ = std::make_unique<TableMatcher>(
        std::move(reverse), std::move(reverse_word_chars), true);
  }
  return scheme;
}

void TableScheme::RomanizeTo(std::string_view text,
                             const RomanizeOptions& options,
                             std::string& out) const {
  forward_->Apply(text, options.ascii, out);
}

bool TableScheme::RomanizeCheckedTo(std::string_view text,
                                    const RomanizeOptions& options,
                                    std::string& out) const {
  bool valid = true;
  forward_->Apply(text, options.ascii, out, &valid);
  return valid;
}

std::string TableScheme::Romanize(std::string_view text,
                                  const RomanizeOptions& options) const {
  std::string out;
  RomanizeTo(text, options, out);
  return out;
}

Result<std::string> TableScheme::Deromanize(std::string_view text) const {
  if (!reverse_) return Scheme::Deromanize(text);
  std::string out;
  reverse_->Apply(text, false, out);
  return out;
}

}  // namespace onoma::romanize
