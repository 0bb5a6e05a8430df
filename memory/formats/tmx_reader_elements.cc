// What each TMX element does as TmxReader meets it: the state machine over
// <tmx>, <header>, <body>, <tu>, <tuv>, <seg> and their children, and the
// canonical markup of inline elements and header children (docs/tm.md,
// "What is kept"). A unit is assembled by TmxUnitBuilder and attributes
// are read by TmxAttributeReader.

#include <libxml/uri.h>

#include <string>

#include "memory/formats/tmx_reader_internal.h"

namespace onoma::formats {
namespace {

using Impl = TmxReader::Impl;

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

bool IsCode(TmxName name) {
  return name == TmxName::kBpt || name == TmxName::kEpt ||
         name == TmxName::kIt || name == TmxName::kPh || name == TmxName::kUt;
}

bool IsInline(TmxName name) {
  return IsCode(name) || name == TmxName::kHi || name == TmxName::kSub;
}

// The attributes TMX declares on inline elements (tmx14.dtd).
bool InlineAttributeKnown(TmxName element, std::string_view name) {
  switch (element) {
    case TmxName::kBpt:
      return name == "i" || name == "x" || name == "type";
    case TmxName::kEpt:
      return name == "i";
    case TmxName::kIt:
      return name == "pos" || name == "x" || name == "type";
    case TmxName::kPh:
      return name == "x" || name == "assoc" || name == "type";
    case TmxName::kHi:
      return name == "x" || name == "type";
    case TmxName::kUt:
      return name == "x";
    case TmxName::kSub:
      return name == "datatype" || name == "type";
    default:
      return false;
  }
}

constexpr std::string_view kAttrsPi = "onoma-attrs";

}  // namespace

// --- Dispatch ---------------------------------------------------------------

void Impl::OnStart(const xmlChar* localname, const xmlChar* prefix,
                   const xmlChar* uri, int nb_attributes,
                   const xmlChar** attributes) {
  if (!DecodeAttributes(nb_attributes, attributes)) return;
  const TmxContext parent =
      stack_.empty() ? TmxContext::kTop : stack_.back().context;
  if (parent == TmxContext::kTop) {
    StartRoot(localname, uri);
    return;
  }
  const TmxName name = names_.Classify(localname, uri);
  if (parent == TmxContext::kSeg || parent == TmxContext::kInline) {
    StartInline(name, localname, prefix, uri);
    return;  // StartInline pushes its own frame
  }
  stack_.push_back(Frame{StartChild(parent, name, localname, prefix), name});
}

TmxContext Impl::StartChild(TmxContext parent, TmxName name,
                            const xmlChar* localname, const xmlChar* prefix) {
  switch (parent) {
    case TmxContext::kTmx:
      return StartTmxChild(name, localname, prefix);
    case TmxContext::kHeader:
      return StartHeaderChild(name, localname, prefix);
    case TmxContext::kUde:
      if (name == TmxName::kMap) {
        StartMap();
        return TmxContext::kMap;
      }
      SkipUnknown(localname, prefix, "<ude>");
      return TmxContext::kSkip;
    case TmxContext::kBody:
      if (name == TmxName::kTu) {
        TmxUnit& unit = units_.StartUnit();
        attrs_.ReadOwner(TmxOwner::kUnit, unit.attrs, unit.extra, nullptr,
                         "tu");
        return TmxContext::kUnit;
      }
      SkipUnknown(localname, prefix, "<body>");
      return TmxContext::kSkip;
    case TmxContext::kUnit:
    case TmxContext::kVariant:
      return StartUnitChild(parent, name, localname, prefix);
    case TmxContext::kMeta:
    case TmxContext::kHeaderMeta:
    case TmxContext::kMetaChild:
      WarnOnce(
          std::string("child of note/prop:") + std::string(View(localname)),
          Status::BadInput("<" + std::string(View(localname)) +
                           "> inside a <note> or <prop>: TMX allows "
                           "only text there; its text is kept, the "
                           "element is not")
              .At(Where(TagPosition())));
      return TmxContext::kMetaChild;
    case TmxContext::kMap:
      SkipUnknown(localname, prefix, "<map>");
      return TmxContext::kSkip;
    case TmxContext::kSeg:
    case TmxContext::kInline:
    case TmxContext::kTop:
    case TmxContext::kSkip:
      break;
  }
  return TmxContext::kSkip;
}

TmxContext Impl::StartTmxChild(TmxName name, const xmlChar* localname,
                               const xmlChar* prefix) {
  if (name == TmxName::kHeader && !header_.present) {
    StartHeader();
    return TmxContext::kHeader;
  }
  if (name == TmxName::kBody) {
    if (!header_.present) {
      Warn(Status::BadInput("<tmx> has no <header>; onoma fills one in "
                            "on export")
               .At(Where(TagPosition())));
    }
    header_done_ = true;
    return TmxContext::kBody;
  }
  SkipUnknown(localname, prefix, "<tmx>");
  return TmxContext::kSkip;
}

TmxContext Impl::StartHeaderChild(TmxName name, const xmlChar* localname,
                                  const xmlChar* prefix) {
  if (name == TmxName::kNote || name == TmxName::kProp) {
    header_meta_.Clear();
    attrs_.ReadMeta(header_meta_, name, "header");
    return TmxContext::kHeaderMeta;
  }
  if (name == TmxName::kUde) {
    StartUde();
    return TmxContext::kUde;
  }
  SkipUnknown(localname, prefix, "<header>");
  return TmxContext::kSkip;
}

TmxContext Impl::StartUnitChild(TmxContext parent, TmxName name,
                                const xmlChar* localname,
                                const xmlChar* prefix) {
  const bool in_variant = parent == TmxContext::kVariant;
  if (!in_variant && name == TmxName::kTuv) {
    StartVariant();
    return TmxContext::kVariant;
  }
  if (in_variant && name == TmxName::kSeg) {
    StartSeg();
    return TmxContext::kSeg;
  }
  if (name == TmxName::kNote || name == TmxName::kProp) {
    attrs_.ReadMeta(units_.StartMeta(in_variant), name,
                    in_variant ? "tuv" : "tu");
    return TmxContext::kMeta;
  }
  SkipUnknown(localname, prefix, in_variant ? "<tuv>" : "<tu>");
  return TmxContext::kSkip;
}

void Impl::OnEnd() {
  if (stack_.empty()) return;
  const Frame frame = stack_.back();
  stack_.pop_back();
  switch (frame.context) {
    case TmxContext::kTmx:
      root_closed_ = true;
      header_done_ = true;
      break;
    case TmxContext::kHeader:
      header_done_ = true;
      break;
    case TmxContext::kHeaderMeta:
      SerializeMeta(header_meta_, header_.body);
      break;
    case TmxContext::kUde:
      header_.body += "</ude>";
      break;
    case TmxContext::kUnit:
      units_.EndUnit();
      break;
    case TmxContext::kVariant:
      units_.EndVariant();
      break;
    case TmxContext::kSeg:
      units_.EndSeg();
      break;
    case TmxContext::kInline:
      EndInline(frame);
      break;
    case TmxContext::kMeta:
      units_.EndMeta();
      break;
    default:
      break;
  }
}

void Impl::OnText(std::string_view text) {
  const TmxContext context =
      stack_.empty() ? TmxContext::kTop : stack_.back().context;
  switch (context) {
    case TmxContext::kSeg:
    case TmxContext::kInline:
      units_.AppendText(text);
      return;
    case TmxContext::kMeta:
      units_.meta()->value.append(text);
      CheckMetaSize(units_.meta()->value.size());
      return;
    case TmxContext::kHeaderMeta:
      header_meta_.value.append(text);
      CheckMetaSize(header_meta_.value.size());
      return;
    case TmxContext::kMetaChild: {
      // The text of an element inside a note or prop belongs to the
      // nearest note or prop.
      for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
        if (it->context == TmxContext::kMeta) {
          units_.meta()->value.append(text);
          return;
        }
        if (it->context == TmxContext::kHeaderMeta) {
          header_meta_.value.append(text);
          return;
        }
      }
      return;
    }
    case TmxContext::kSkip:
      return;  // the element was reported
    default:
      if (!IsBlank(text)) {
        WarnOnce("text-outside-seg",
                 Status::BadInput("text outside <seg>, <note> and <prop> is "
                                  "not TMX content and is not kept")
                     .At(Where(ParserPosition())));
      }
      return;
  }
}

void Impl::CheckMetaSize(std::size_t bytes) {
  CheckSize(bytes, "<note> or <prop>", ParserPosition());
}

void Impl::OnComment(std::string_view text) {
  if (stack_.empty()) return;
  const TmxContext context = stack_.back().context;
  if (context != TmxContext::kSeg && context != TmxContext::kInline) return;
  // Comments are kept only inside segments, where they are part of what a
  // translator sees; elsewhere they are not TMX data.
  units_.BeginMarkup();
  std::string& markup = units_.variant().markup;
  markup += "<!--";
  markup += text;
  markup += "-->";
  units_.CheckSegSize(markup.size());
}

void Impl::OnProcessingInstruction(std::string_view target,
                                   std::string_view data) {
  if (stack_.empty()) return;
  const TmxContext context = stack_.back().context;
  if (context == TmxContext::kSeg || context == TmxContext::kInline) {
    units_.BeginMarkup();
    std::string& markup = units_.variant().markup;
    markup += "<?";
    markup += target;
    if (!data.empty()) {
      markup += ' ';
      markup += data;
    }
    markup += "?>";
    return;
  }
  if (target != kAttrsPi) return;
  // <?onoma-attrs name="value" ...?> carries, through a DTD-valid export,
  // the attributes TMX does not define on its parent element.
  std::string* extra = nullptr;
  switch (context) {
    case TmxContext::kTmx:
      extra = &header_.root_extra;
      break;
    case TmxContext::kHeader:
      extra = &header_.extra;
      break;
    case TmxContext::kHeaderMeta:
      extra = &header_meta_.extra;
      break;
    case TmxContext::kUnit:
      extra = &units_.unit().extra;
      break;
    case TmxContext::kVariant:
      extra = &units_.variant().extra;
      break;
    case TmxContext::kMeta:
      extra = &units_.meta()->extra;
      break;
    case TmxContext::kUde:
    case TmxContext::kMap:
      header_.body += "<?onoma-attrs ";
      header_.body += data;
      header_.body += "?>";
      return;
    default:
      return;
  }
  if (!extra->empty()) *extra += ' ';
  *extra += data;
}

// --- Root, header, header children ------------------------------------------

void Impl::StartRoot(const xmlChar* localname, const xmlChar* uri) {
  if (View(localname) != "tmx") {
    Fault(Status::BadInput("not a TMX document: the root element is <" +
                           std::string(View(localname)) + ">, not <tmx>")
              .At(Where(TagPosition())));
    return;
  }
  if (uri != nullptr) {
    // <tmx xmlns="http://www.lisa.org/tmx14">: its elements are TMX's.
    names_.has_tmx_namespace = true;
    names_.tmx_namespace = View(uri);
  }
  attrs_.StartExtra();
  for (const Attribute& a : attributes()) {
    if (a.prefix == nullptr && a.localname == names_.version) {
      header_.version.assign(a.value);
    } else {
      attrs_.AppendExtra(a, header_.root_extra);
    }
  }
  attrs_.FinishExtra(header_.root_extra);
  stack_.push_back(Frame{TmxContext::kTmx, TmxName::kTmx});
}

void Impl::StartHeader() {
  header_.present = true;
  header_.position = TagPosition();
  attrs_.ReadOwner(TmxOwner::kHeader, header_.attrs, header_.extra, nullptr,
                   "header");
}

void Impl::StartUde() {
  std::string& out = header_.body;
  out += "<ude";
  attrs_.StartExtra();
  std::string extra;
  for (const Attribute& a : attributes()) {
    std::string_view name = View(a.localname);
    if (a.prefix == nullptr && (name == "name" || name == "base")) {
      out += ' ';
      out += name;
      out += "=\"";
      AppendEscapedAttribute(a.value, out);
      out += '"';
    } else {
      attrs_.AppendExtra(a, extra);
    }
  }
  attrs_.FinishExtra(extra);
  out += '>';
  if (!extra.empty()) {
    out += "<?onoma-attrs " + extra + "?>";
  }
}

void Impl::StartMap() {
  std::string& out = header_.body;
  out += "<map";
  attrs_.StartExtra();
  std::string extra;
  for (const Attribute& a : attributes()) {
    std::string_view name = View(a.localname);
    if (a.prefix == nullptr && (name == "unicode" || name == "code" ||
                                name == "ent" || name == "subst")) {
      out += ' ';
      out += name;
      out += "=\"";
      AppendEscapedAttribute(a.value, out);
      out += '"';
    } else {
      attrs_.AppendExtra(a, extra);
    }
  }
  attrs_.FinishExtra(extra);
  // <map> is EMPTY in the DTD: its other attributes follow it.
  out += "/>";
  if (!extra.empty()) out += "<?onoma-attrs " + extra + "?>";
}

void Impl::SerializeMeta(const TmxMeta& meta, std::string& out) const {
  const bool prop = meta.kind == TmxMeta::Kind::kProp;
  out += prop ? "<prop" : "<note";
  if (prop) {
    out += " type=\"";
    AppendEscapedAttribute(meta.type, out);
    out += '"';
  }
  if (meta.has_lang) {
    out += " xml:lang=\"";
    AppendEscapedAttribute(meta.lang, out);
    out += '"';
  }
  if (meta.has_o_encoding) {
    out += " o-encoding=\"";
    AppendEscapedAttribute(meta.o_encoding, out);
    out += '"';
  }
  out += '>';
  if (!meta.extra.empty()) out += "<?onoma-attrs " + meta.extra + "?>";
  AppendEscapedText(meta.value, out);
  out += prop ? "</prop>" : "</note>";
}

void Impl::SkipUnknown(const xmlChar* localname, const xmlChar* prefix,
                       std::string_view where) {
  std::string qname;
  AppendQName(prefix, localname, qname);
  WarnOnce("element:" + std::string(where) + qname,
           Status::BadInput("<" + qname + "> in " + std::string(where) +
                            " is not a TMX element; skipped with its "
                            "content")
               .At(Where(TagPosition())));
}

// --- Variants, segments and inline elements --------------------------------

void Impl::StartVariant() { attrs_.ReadVariant(units_.StartVariant()); }

void Impl::StartSeg() {
  units_.StartSeg();
  if (!attributes().empty()) {
    // <seg> has no attributes in TMX; any it has ride in the markup.
    std::string extra;
    attrs_.StartExtra();
    for (const Attribute& a : attributes()) attrs_.AppendExtra(a, extra);
    attrs_.FinishExtra(extra);
    WarnOnce("seg-attributes",
             Status::BadInput("<seg> has attributes, which TMX does not "
                              "define; kept")
                 .At(Where(TagPosition())));
    units_.BeginMarkup();
    units_.variant().markup += "<?onoma-attrs " + extra + "?>";
  }
}

void Impl::StartInline(TmxName name, const xmlChar* localname,
                       const xmlChar* prefix, const xmlChar* uri) {
  units_.BeginMarkup();
  std::string& markup = units_.variant().markup;
  Frame frame{TmxContext::kInline, name};
  const bool known = IsInline(name);
  std::string extra;
  attrs_.StartExtra();
  std::string_view i_value;
  std::string_view pos_value;
  markup += '<';
  if (known) {
    markup += View(localname);
  } else {
    AppendForeignName(localname, prefix, uri, markup);
  }
  for (const Attribute& a : attributes()) {
    std::string_view local = View(a.localname);
    // Real attributes: TMX's own on TMX's elements; on others, those
    // without a prefix or with xml:'s. Any other goes into the
    // instruction, which declares the namespaces it needs.
    const bool plain = a.prefix == nullptr;
    const bool real = known ? plain && InlineAttributeKnown(name, local)
                            : plain || IsXmlNamespace(a.uri);
    if (real) {
      markup += ' ';
      AppendQName(a.prefix, a.localname, markup);
      markup += "=\"";
      AppendEscapedAttribute(a.value, markup);
      markup += '"';
      if (plain && local == "i") i_value = a.value;
      if (plain && local == "pos") pos_value = a.value;
    } else {
      std::string qname;
      AppendQName(a.prefix, a.localname, qname);
      WarnOnce("inline@" + std::string(View(localname)) + qname,
               Status::BadInput("attribute " + qname + " on <" +
                                std::string(View(localname)) +
                                "> is not TMX's; kept")
                   .At(Where(TagPosition())));
      attrs_.AppendExtra(a, extra);
    }
  }
  markup += '>';
  if (!extra.empty()) {
    attrs_.FinishExtra(extra);
    markup += "<?onoma-attrs " + extra + "?>";
  }
  frame.markup_mark = markup.size();
  // With an instruction after it, the start tag no longer ends the markup.
  frame.empty_tag_ok = extra.empty();
  frame.localname = localname;
  frame.prefix = prefix;
  if (IsCode(name)) {
    units_.OpenCode(name, i_value, pos_value);
    frame.code = true;
  } else if (name == TmxName::kHi) {
    frame.skeleton_hi = units_.OpenHi();
  }
  stack_.push_back(frame);
}

void Impl::AppendForeignName(const xmlChar* localname, const xmlChar*& prefix,
                             const xmlChar* uri, std::string& markup) {
  // An element that is not TMX's stays where it is, with its namespace
  // declared on itself so that the markup stands alone. A prefix that
  // was never declared, or bound to a URI that libxml2 cannot parse (a
  // lenient read goes on past both), is dropped with its namespace, or
  // the markup would be refused when read again.
  if (uri != nullptr) {
    xmlURIPtr parsed = xmlParseURI(reinterpret_cast<const char*>(uri));
    if (parsed == nullptr) uri = nullptr;
    xmlFreeURI(parsed);
  }
  if (uri == nullptr) prefix = nullptr;
  std::string qname;
  AppendQName(prefix, localname, qname);
  WarnOnce("inline:" + qname,
           Status::BadInput("<" + qname +
                            "> in <seg> is not a TMX inline element; kept, "
                            "but an export with it will not be valid "
                            "TMX")
               .At(Where(TagPosition())));
  markup += qname;
  if (uri != nullptr) {
    markup += prefix != nullptr ? " xmlns:" : " xmlns";
    if (prefix != nullptr) markup += View(prefix);
    markup += "=\"";
    AppendEscapedAttribute(View(uri), markup);
    markup += '"';
  }
}

void Impl::EndInline(const Frame& frame) {
  units_.CloseInline(frame.code, frame.skeleton_hi);
  std::string& markup = units_.variant().markup;
  if (markup.size() == frame.markup_mark && frame.empty_tag_ok) {
    // Nothing inside: <ph x="1"/>.
    markup.back() = '/';
    markup += '>';
    return;
  }
  markup += "</";
  if (IsInline(frame.name)) {
    markup += View(frame.localname);
  } else {
    AppendQName(frame.prefix, frame.localname, markup);
  }
  markup += '>';
}

}  // namespace onoma::formats
