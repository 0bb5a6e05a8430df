// XLIFF's inline elements as XliffReader meets them, and a segment's
// pieces made into TMX markup (docs/tm.md, "XLIFF"):
//
//   XLIFF 2.x                     XLIFF 1.x                TMX
//   <pc> ... </pc>                <g> ... </g>             <bpt/> ... <ept/>
//   <sc/> ... <ec startRef/>      <bx/> ... <ex/>,         <bpt> ... <ept>
//                                 <bpt> ... <ept>
//   either end alone, or          <it pos>                 <it pos="begin|end">
//   isolated="yes"
//   <ph/>                         <ph>, <x/>               <ph>
//   <mrk> ... </mrk>              <mrk mtype> (not seg)    <hi type>
//   <cp hex/>                     -                        the character, or
//                                                          <ph> holding <cp/>
//   <sm/>, <em/>                  -                        (dropped)
//
// A code's content in TMX is its native code: 2.x's <originalData> that
// dataRef (dataRefStart, dataRefEnd) names; 1.x's element content; the
// equiv-text of 1.x's empty codes. TMX's x numbers the XLIFF ids of a unit
// in the order met, so that a code keeps its number from source to target;
// TMX's i pairs <bpt> with <ept> within the segment.

#include <libxml/parser.h>

#include <charconv>
#include <string>

#include "lib/text/utf8.h"
#include "memory/formats/xliff_reader_internal.h"

namespace onoma::formats {
namespace {

using Impl = XliffReader::Impl;
using Kind = XliffPiece::Kind;

constexpr std::size_t kMaxCodeNumbers = 4096;

std::string_view View(const xmlChar* text) {
  if (text == nullptr) return {};
  return reinterpret_cast<const char*>(text);
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void AppendAttribute(std::string_view name, std::string_view value,
                     std::string& out) {
  if (value.empty()) return;
  out += ' ';
  out += name;
  out += "=\"";
  AppendEscapedAttribute(value, out);
  out += '"';
}

// <name attrs>content</name>, or <name attrs/> when empty, as TmxReader
// writes an element that holds nothing.
void AppendCode(std::string_view name, std::string_view attrs,
                std::string_view content, std::string& out) {
  out += '<';
  out += name;
  out += attrs;
  if (content.empty()) {
    out += "/>";
    return;
  }
  out += '>';
  out += content;
  out += "</";
  out += name;
  out += '>';
}

}  // namespace

std::string XliffCodeNumbers::Number(std::string_view id) {
  if (id.empty()) return {};
  auto it = numbers_.find(std::string(id));
  if (it == numbers_.end()) {
    if (numbers_.size() >= kMaxCodeNumbers) return {};
    it =
        numbers_.emplace(std::string(id), static_cast<int>(numbers_.size()) + 1)
            .first;
  }
  return std::to_string(it->second);
}

bool CodePointText(std::string_view hex, std::string& utf8) {
  if (hex.empty() || hex.size() > 6) return false;
  std::uint32_t code = 0;
  auto [end, error] =
      std::from_chars(hex.data(), hex.data() + hex.size(), code, 16);
  if (error != std::errc() || end != hex.data() + hex.size()) return false;
  const bool xml_char = code == 0x9 || code == 0xA || code == 0xD ||
                        (code >= 0x20 && code <= 0xD7FF) ||
                        (code >= 0xE000 && code <= 0xFFFD) ||
                        (code >= 0x10000 && code <= 0x10FFFF);
  if (!xml_char) return false;
  utf8.clear();
  text::AppendUtf8(utf8, static_cast<char32_t>(code));
  return true;
}

bool IsBlankXliffContent(const std::vector<XliffPiece>& pieces) {
  for (const XliffPiece& p : pieces) {
    if (p.kind == Kind::kMarkStart || p.kind == Kind::kMarkEnd) continue;
    if (p.kind != Kind::kText) return false;
    for (char c : p.text) {
      if (!IsSpace(c)) return false;
    }
  }
  return true;
}

void BuildXliffVariant(const std::vector<XliffPiece>& pieces,
                       XliffCodeNumbers& numbers, TmxVariant& v) {
  v.markup.clear();
  v.text.clear();
  v.skeleton.clear();
  v.has_codes = false;
  v.has_markup = false;
  // Pair each close with the latest open of its key; the rest stand alone.
  std::vector<int> partner(pieces.size(), -1);
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (pieces[i].kind == Kind::kOpen) {
      open.push_back(i);
    } else if (pieces[i].kind == Kind::kClose) {
      for (std::size_t k = open.size(); k-- > 0;) {
        if (pieces[open[k]].key == pieces[i].key) {
          partner[i] = static_cast<int>(open[k]);
          partner[open[k]] = static_cast<int>(i);
          open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
          break;
        }
      }
    }
  }
  std::vector<int> pair_number(pieces.size(), 0);
  int next_pair = 0;
  std::vector<std::size_t> hi_marks;  // markup size after each open <hi>
  std::string attrs;
  auto placeholder = [&](char32_t c) {
    v.has_codes = true;
    text::AppendUtf8(v.skeleton, c);
  };
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const XliffPiece& p = pieces[i];
    attrs.clear();
    switch (p.kind) {
      case Kind::kText:
        AppendEscapedText(p.text, v.markup);
        v.text += p.text;
        v.skeleton += p.text;
        continue;
      case Kind::kOpen:
        if (partner[i] >= 0) {
          pair_number[i] = ++next_pair;
          AppendAttribute("i", std::to_string(next_pair), attrs);
          AppendAttribute("x", numbers.Number(p.id), attrs);
          AppendAttribute("type", p.type, attrs);
          AppendCode("bpt", attrs, p.text, v.markup);
          placeholder(kSkeletonBpt);
          break;
        }
        [[fallthrough]];
      case Kind::kBegin:
        AppendAttribute("pos", "begin", attrs);
        AppendAttribute("x", numbers.Number(p.id), attrs);
        AppendAttribute("type", p.type, attrs);
        AppendCode("it", attrs, p.text, v.markup);
        placeholder(kSkeletonItBegin);
        break;
      case Kind::kClose:
        if (partner[i] >= 0) {
          AppendAttribute("i", std::to_string(pair_number[partner[i]]), attrs);
          AppendCode("ept", attrs, p.text, v.markup);
          placeholder(kSkeletonEpt);
          break;
        }
        [[fallthrough]];
      case Kind::kEnd:
        AppendAttribute("pos", "end", attrs);
        AppendAttribute("x", numbers.Number(p.id), attrs);
        AppendAttribute("type", p.type, attrs);
        AppendCode("it", attrs, p.text, v.markup);
        placeholder(kSkeletonItEnd);
        break;
      case Kind::kPlaceholder:
        AppendAttribute("x", numbers.Number(p.id), attrs);
        AppendAttribute("type", p.type, attrs);
        AppendCode("ph", attrs, p.text, v.markup);
        placeholder(kSkeletonPh);
        break;
      case Kind::kMarkStart:
        AppendAttribute("type", p.type, attrs);
        v.markup += "<hi";
        v.markup += attrs;
        v.markup += '>';
        hi_marks.push_back(v.markup.size());
        placeholder(kSkeletonHiStart);
        break;
      case Kind::kMarkEnd:
        if (hi_marks.empty()) continue;
        if (v.markup.size() == hi_marks.back()) {
          v.markup.back() = '/';
          v.markup += '>';
        } else {
          v.markup += "</hi>";
        }
        hi_marks.pop_back();
        placeholder(kSkeletonHiEnd);
        break;
    }
    v.has_markup = true;
  }
  while (!hi_marks.empty()) {
    if (v.markup.size() == hi_marks.back()) {
      v.markup.back() = '/';
      v.markup += '>';
    } else {
      v.markup += "</hi>";
    }
    hi_marks.pop_back();
    placeholder(kSkeletonHiEnd);
  }
  if (!v.has_markup) v.markup.clear();
  if (!v.has_codes) v.skeleton.clear();
}

// --- Inline elements --------------------------------------------------------

bool Impl::CheckContentSize() {
  return CheckSize(content_bytes_, "<source> or <target>", content_position_);
}

void Impl::AppendText(std::string_view text) {
  content_bytes_ += text.size();
  if (!CheckContentSize()) return;
  auto add = [text](std::vector<XliffPiece>& pieces) {
    if (!pieces.empty() && pieces.back().kind == Kind::kText) {
      pieces.back().text += text;
      return;
    }
    XliffPiece& piece = pieces.emplace_back();
    piece.text.assign(text);
  };
  if (whole_ != nullptr) add(*whole_);
  if (seg_ != nullptr) add(seg_->pieces);
}

void Impl::Append(XliffPiece piece) {
  content_bytes_ += piece.text.size() + piece.key.size() + piece.id.size() +
                    piece.type.size() + 16;
  if (!CheckContentSize()) return;
  if (whole_ != nullptr && seg_ != nullptr) {
    whole_->push_back(piece);
    seg_->pieces.push_back(std::move(piece));
  } else if (whole_ != nullptr) {
    whole_->push_back(std::move(piece));
  } else if (seg_ != nullptr) {
    seg_->pieces.push_back(std::move(piece));
  }
}

std::string Impl::DataRef(std::string_view attribute) const {
  const std::string_view ref = AttributeValue(attribute);
  if (ref.empty()) return {};
  auto it = original_data_.find(std::string(ref));
  if (it == original_data_.end()) return {};
  return it->second;
}

void Impl::StartInline(const xmlChar* localname, const xmlChar* uri,
                       Frame& frame) {
  frame.context = XliffContext::kContent;
  const std::string_view name = View(localname);
  if (!IsXliff(uri)) {
    WarnOnce("foreign-inline:" + std::string(name),
             Status::BadInput("<" + std::string(name) +
                              "> inside a segment is not XLIFF's; its text "
                              "is kept, the element is not (reported once)")
                 .At(Where(TagPosition())));
    return;
  }
  XliffPiece piece;
  piece.id.assign(AttributeValue("id"));
  if (v2_) {
    piece.type.assign(AttributeValue("type"));
    if (name == "pc") {
      piece.kind = Kind::kOpen;
      piece.key = "\x01" + std::to_string(++pair_count_);
      piece.text = DataRef("dataRefStart");
      frame.end = XliffEnd::kPaired;
      frame.key = piece.key;
      frame.data = DataRef("dataRefEnd");
    } else if (name == "sc" || name == "ec") {
      const bool isolated = AttributeValue("isolated") == "yes";
      if (name == "sc") {
        piece.kind = isolated ? Kind::kBegin : Kind::kOpen;
        piece.key = piece.id;
      } else {
        piece.kind = isolated ? Kind::kEnd : Kind::kClose;
        piece.key.assign(AttributeValue("startRef"));
        if (!isolated && !piece.key.empty()) piece.id = piece.key;
      }
      piece.text = DataRef("dataRef");
      frame.context = XliffContext::kSkip;
    } else if (name == "ph") {
      piece.kind = Kind::kPlaceholder;
      piece.text = DataRef("dataRef");
      if (piece.text.empty())
        AppendEscapedText(AttributeValue("equiv"), piece.text);
      frame.context = XliffContext::kSkip;
    } else if (name == "mrk") {
      piece.kind = Kind::kMarkStart;
      piece.id.clear();
      frame.end = XliffEnd::kMark;
    } else if (name == "cp") {
      frame.context = XliffContext::kSkip;
      const std::string_view hex = AttributeValue("hex");
      std::string text;
      if (CodePointText(hex, text)) {
        AppendText(text);
        return;
      }
      piece.kind = Kind::kPlaceholder;
      piece.id.clear();
      piece.type = "x-cp";
      AppendEscapedText("<cp hex=\"" + std::string(hex) + "\"/>", piece.text);
    } else {
      // <sm>, <em>: annotations that need not nest, which TMX's <hi>
      // cannot hold; anything else is not 2.0's.
      frame.context = XliffContext::kSkip;
      if (name != "sm" && name != "em") {
        WarnOnce("unknown-inline:" + std::string(name),
                 Status::BadInput("<" + std::string(name) +
                                  "> is not an XLIFF 2 inline element; "
                                  "skipped (reported once)")
                     .At(Where(TagPosition())));
      }
      return;
    }
    Append(std::move(piece));
    return;
  }

  // XLIFF 1.x.
  piece.type.assign(AttributeValue("ctype"));
  std::string_view key = AttributeValue("rid");
  if (key.empty()) key = piece.id;
  if (name == "g") {
    piece.kind = Kind::kOpen;
    piece.key = "\x01" + std::to_string(++pair_count_);
    frame.end = XliffEnd::kPaired;
    frame.key = piece.key;
  } else if (name == "x" || name == "bx" || name == "ex") {
    piece.kind = name == "x"    ? Kind::kPlaceholder
                 : name == "bx" ? Kind::kOpen
                                : Kind::kClose;
    piece.key.assign(key);
    AppendEscapedText(AttributeValue("equiv-text"), piece.text);
    frame.context = XliffContext::kSkip;
  } else if (name == "bpt" || name == "ept" || name == "ph" || name == "it") {
    if (key.empty()) key = AttributeValue("i");  // as TMX writes it
    if (name == "bpt") {
      piece.kind = Kind::kOpen;
    } else if (name == "ept") {
      piece.kind = Kind::kClose;
    } else if (name == "ph") {
      piece.kind = Kind::kPlaceholder;
    } else {
      const std::string_view pos = AttributeValue("pos");
      piece.kind = pos == "close" || pos == "end" ? Kind::kEnd : Kind::kBegin;
      if (pos.empty()) {
        WarnOnce("it-without-pos",
                 Status::BadInput("<it> has no pos; taken as the start of a "
                                  "code (reported once)")
                     .At(Where(TagPosition())));
      }
    }
    piece.key.assign(key);
    code_ = std::move(piece);
    code_depth_ = 1;
    frame.context = XliffContext::kCode;
    frame.end = XliffEnd::kCode;
    return;
  } else if (name == "mrk") {
    const std::string_view mtype = AttributeValue("mtype");
    if (mtype == "seg") {
      if (segs_ != nullptr && seg_ == nullptr) {
        content_bytes_ += 64;  // a segment costs memory, however empty
        if (!CheckContentSize()) return;
        seg_ = &segs_->emplace_back();
        seg_->id.assign(AttributeValue("mid"));
        seg_->position = TagPosition();
        frame.end = XliffEnd::kSegMrk;
      }
      return;
    }
    piece.kind = Kind::kMarkStart;
    piece.id.clear();
    piece.type.assign(mtype);
    frame.end = XliffEnd::kMark;
  } else {
    WarnOnce("unknown-inline:" + std::string(name),
             Status::BadInput("<" + std::string(name) +
                              "> is not an XLIFF 1.2 inline element; its text "
                              "is kept, the element is not (reported once)")
                 .At(Where(TagPosition())));
    return;
  }
  Append(std::move(piece));
}

void Impl::StartCodeChild(const xmlChar* localname, Frame& frame) {
  frame.context = XliffContext::kCode;
  // Native code holds text and <sub>s (translatable text inside a code,
  // which TMX keeps as <sub> too); other elements give their text only.
  if (View(localname) == "sub") {
    code_.text += "<sub>";
    frame.end = XliffEnd::kSub;
  }
}

}  // namespace onoma::formats
