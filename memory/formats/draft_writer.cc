// The draft as TMX, TSV and plain text (memory/formats/draft.h). Tested by
// tests/formats/draft_writer_test.cc.

#include <string>
#include <string_view>

#include "lib/util/tab_field.h"
#include "memory/formats/draft.h"
#include "memory/formats/draft_internal.h"
#include "memory/formats/tmx_model.h"
#include "memory/formats/tmx_writer.h"

namespace onoma::formats {
namespace {}  // namespace

std::string WriteDraftTmx(const Draft& draft) {
  std::string out;
  auto writer = TmxWriter::ToString(&out);
  TmxHeader header;
  header.present = true;
  header.attrs.set(TmxAttr::kSrclang, draft.source_lang);
  header.attrs.set(TmxAttr::kSegtype, "sentence");
  header.attrs.set(TmxAttr::kDatatype, "plaintext");
  FillRequiredHeader(header, TmxHeaderDefaults{});
  // Writing to a string fails only on what the draft cannot hold, which
  // WithoutBadChars has removed.
  if (!writer->WriteHeader(header).ok()) return out;
  for (const DraftSegment& s : draft.segments) {
    if (!s.target) continue;
    TmxUnit unit;
    TmxMeta& score = unit.meta.emplace_back();
    score.kind = TmxMeta::Kind::kProp;
    score.type = "x-onoma-score";
    score.value = std::to_string(s.score);
    if (s.score < 100) {
      TmxMeta& note = unit.meta.emplace_back();
      note.kind = TmxMeta::Kind::kNote;
      note.value = "fuzzy match " + std::to_string(s.score) + "%";
    }
    TmxVariant& source = unit.variants.emplace_back();
    source.lang = draft.source_lang;
    source.text = internal::WithoutBadChars(s.source);
    source.skeleton = source.text;
    TmxVariant& target = unit.variants.emplace_back();
    target.lang = draft.target_lang;
    target.text = internal::WithoutBadChars(*s.target);
    target.skeleton = target.text;
    if (!writer->WriteUnit(unit).ok()) continue;
  }
  (void)writer->Finish();
  return out;
}

std::string WriteDraftTsv(const Draft& draft) {
  std::string out = "source\ttarget\tscore\torigin\n";
  for (const DraftSegment& s : draft.segments) {
    AppendTabField(out, s.source);
    out += '\t';
    if (s.target) AppendTabField(out, *s.target);
    out += '\t';
    if (s.score >= 0) out += std::to_string(s.score);
    out += '\t';
    if (s.target && !s.matches.empty()) {
      AppendTabField(out, s.matches.front().origin);
    }
    out += '\n';
  }
  return out;
}

std::string WriteDraftText(const Draft& draft) {
  std::string out;
  for (std::size_t i = 0; i < draft.segments.size(); ++i) {
    const DraftSegment& s = draft.segments[i];
    if (i > 0) {
      out += s.paragraph != draft.segments[i - 1].paragraph ? '\n' : ' ';
    }
    if (s.target) {
      out += *s.target;
    } else {
      out += kUntranslatedOpen;
      out += s.source;
      out += kUntranslatedClose;
    }
  }
  if (!draft.segments.empty()) out += '\n';
  return out;
}

}  // namespace onoma::formats
