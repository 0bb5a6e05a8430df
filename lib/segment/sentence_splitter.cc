#include "lib/segment/sentence_splitter.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

#include "lib/segment/break_engine_internal.h"

// Tested by tests/segment/sentence_splitter_test.cc.

namespace onoma::segment {
namespace {

bool IsLanguageCode(std::string_view lang) {
  if (lang.empty() || lang.size() > 35) return false;
  for (char c : lang) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string LangOnly(std::string_view lang) {
  std::size_t cut = lang.find_first_of("-_");
  std::string out(lang.substr(0, cut));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Moves [begin, end) inwards past white space at either end.
void Trim(std::string_view s, std::size_t& begin, std::size_t& end) {
  while (begin < end) {
    auto offset = static_cast<std::int32_t>(begin);
    UChar32 c = 0;
    U8_NEXT(s.data(), offset, static_cast<std::int32_t>(end), c);
    if (!u_isUWhiteSpace(c)) break;
    begin = static_cast<std::size_t>(offset);
  }
  while (end > begin) {
    auto offset = static_cast<std::int32_t>(end);
    UChar32 c = 0;
    U8_PREV(s.data(), static_cast<std::int32_t>(begin), offset, c);
    if (!u_isUWhiteSpace(c)) break;
    end = static_cast<std::size_t>(offset);
  }
}

}  // namespace

Result<SentenceSplitter> SentenceSplitter::Create(std::string_view lang) {
  if (!IsLanguageCode(lang)) {
    return Status::BadArgument("malformed language code '" + std::string(lang) +
                               "'");
  }
  auto rules = BuiltinSegmentRules(lang);
  if (rules.ok()) return Create(*rules);
  if (rules.status().code() != StatusCode::kNotFound) return rules.status();
  SegmentRules icu_only;
  icu_only.lang = LangOnly(lang);
  return Create(icu_only);
}

Result<SentenceSplitter> SentenceSplitter::Create(const SegmentRules& rules) {
  if (!IsLanguageCode(rules.lang)) {
    return Status::BadArgument("malformed language code '" + rules.lang + "'");
  }
  auto engine = internal::MakeTableEngine(rules);
  if (!engine.ok()) return engine.status();
  return SentenceSplitter(rules.lang, std::move(*engine));
}

Result<SentenceSplitter> SentenceSplitter::CreateFromSrx(
    const SrxRules& rules, std::string_view lang) {
  if (!IsLanguageCode(lang)) {
    return Status::BadArgument("malformed language code '" + std::string(lang) +
                               "'");
  }
  auto selected = SelectSrxRules(rules, lang);
  if (!selected.ok()) return selected.status();
  auto engine = internal::MakeSrxEngine(*selected, rules.path);
  if (!engine.ok()) return engine.status();
  return SentenceSplitter(std::string(lang), std::move(*engine));
}

SentenceSplitter::SentenceSplitter(
    std::string lang, std::unique_ptr<internal::BreakEngine> engine)
    : lang_(std::move(lang)), engine_(std::move(engine)) {}
SentenceSplitter::SentenceSplitter(SentenceSplitter&& other) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(
    SentenceSplitter&& other) noexcept = default;
SentenceSplitter::~SentenceSplitter() = default;

std::vector<SentenceSpan> SentenceSplitter::Split(std::string_view text) {
  std::vector<SentenceSpan> out;
  Split(text, out);
  return out;
}

void SentenceSplitter::Split(std::string_view text,
                             std::vector<SentenceSpan>& out) {
  std::size_t line_begin = 0;
  while (line_begin < text.size()) {
    std::size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_begin, line_end - line_begin);
    breaks_.clear();
    engine_->Breaks(line, breaks_);
    breaks_.push_back(line.size());
    std::size_t begin = 0;
    for (std::size_t end : breaks_) {
      std::size_t b = begin;
      std::size_t e = end;
      Trim(line, b, e);
      if (b < e) out.push_back({line_begin + b, line_begin + e});
      begin = end;
    }
    line_begin = line_end + 1;
  }
}

}  // namespace onoma::segment
