// What each TMX element does as TmxReader meets it: the state machine over
// <tmx>, <header>, <body>, <tu>, <tuv>, <seg> and their children, and the
// canonical markup of segments and header children (docs/tm.md, "What is
// kept").

#include <libxml/tree.h>
#include <libxml/uri.h>

#include <cstring>

#include "lib/text/utf8.h"
#include "lib/util/limits.h"
#include "memory/formats/tmx_reader_internal.h"

namespace onoma::formats {
namespace {

using Impl = TmxReader::Impl;

std::string_view View(const xmlChar* text) {
  if (text == nullptr) return {};
  return reinterpret_cast<const char*>(text);
}

bool IsXmlNamespace(const xmlChar* uri) {
  return uri != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(uri),
                     reinterpret_cast<const char*>(XML_XML_NAMESPACE)) == 0;
}

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

void AppendQName(const xmlChar* prefix, const xmlChar* localname,
                 std::string& out) {
  if (prefix != nullptr) {
    out += View(prefix);
    out += ':';
  }
  out += View(localname);
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
  const TmxName name = Classify(localname, uri);
  Frame frame{TmxContext::kSkip, name};
  switch (parent) {
    case TmxContext::kTmx:
      if (name == TmxName::kHeader && !header_.present) {
        StartHeader();
        frame.context = TmxContext::kHeader;
      } else if (name == TmxName::kBody) {
        if (!header_.present) {
          Warn(Status::BadInput("<tmx> has no <header>; onoma fills one in "
                                "on export")
                   .At(Where(TagPosition())));
        }
        header_done_ = true;
        frame.context = TmxContext::kBody;
      } else {
        SkipUnknown(localname, prefix, "<tmx>");
      }
      break;
    case TmxContext::kHeader:
      if (name == TmxName::kNote || name == TmxName::kProp) {
        header_meta_.Clear();
        StartMeta(header_meta_, name, "header");
        frame.context = TmxContext::kHeaderMeta;
      } else if (name == TmxName::kUde) {
        StartUde();
        frame.context = TmxContext::kUde;
      } else {
        SkipUnknown(localname, prefix, "<header>");
      }
      break;
    case TmxContext::kUde:
      if (name == TmxName::kMap) {
        StartMap();
        frame.context = TmxContext::kMap;
      } else {
        SkipUnknown(localname, prefix, "<ude>");
      }
      break;
    case TmxContext::kBody:
      if (name == TmxName::kTu) {
        StartUnit();
        frame.context = TmxContext::kUnit;
      } else {
        SkipUnknown(localname, prefix, "<body>");
      }
      break;
    case TmxContext::kUnit:
      if (name == TmxName::kTuv) {
        StartVariant();
        frame.context = TmxContext::kVariant;
      } else if (name == TmxName::kNote || name == TmxName::kProp) {
        meta_ = &unit_->meta.emplace_back();
        StartMeta(*meta_, name, "tu");
        frame.context = TmxContext::kMeta;
      } else {
        SkipUnknown(localname, prefix, "<tu>");
      }
      break;
    case TmxContext::kVariant:
      if (name == TmxName::kSeg) {
        StartSeg();
        frame.context = TmxContext::kSeg;
      } else if (name == TmxName::kNote || name == TmxName::kProp) {
        meta_ = &variant_->meta.emplace_back();
        StartMeta(*meta_, name, "tuv");
        frame.context = TmxContext::kMeta;
      } else {
        SkipUnknown(localname, prefix, "<tuv>");
      }
      break;
    case TmxContext::kSeg:
    case TmxContext::kInline:
      StartInline(name, localname, prefix, uri);
      return;  // StartInline pushes its own frame
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
      frame.context = TmxContext::kMetaChild;
      break;
    case TmxContext::kMap:
      SkipUnknown(localname, prefix, "<map>");
      break;
    case TmxContext::kTop:
    case TmxContext::kSkip:
      break;
  }
  stack_.push_back(frame);
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
      EndUnit();
      break;
    case TmxContext::kVariant:
      EndVariant();
      break;
    case TmxContext::kSeg:
      EndSeg();
      break;
    case TmxContext::kInline:
      EndInline(frame);
      break;
    case TmxContext::kMeta:
      meta_ = nullptr;
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
      if (variant_->has_markup) AppendEscapedText(text, variant_->markup);
      if (code_depth_ == 0) {
        variant_->text.append(text);
        if (variant_->has_codes) variant_->skeleton.append(text);
      }
      CheckSegmentSize(variant_->has_markup ? variant_->markup.size()
                                            : variant_->text.size(),
                       "<seg>");
      return;
    case TmxContext::kMeta:
      meta_->value.append(text);
      CheckSegmentSize(meta_->value.size(), "<note> or <prop>");
      return;
    case TmxContext::kHeaderMeta:
      header_meta_.value.append(text);
      CheckSegmentSize(header_meta_.value.size(), "<note> or <prop>");
      return;
    case TmxContext::kMetaChild: {
      // The text of an element inside a note or prop belongs to the
      // nearest note or prop.
      for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
        if (it->context == TmxContext::kMeta) {
          meta_->value.append(text);
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

bool Impl::CheckSegmentSize(std::size_t bytes, const char* element) {
  const bool seg = std::string_view(element) == "<seg>";
  return CheckSize(bytes, element, seg ? seg_position_ : ParserPosition());
}

void Impl::OnComment(std::string_view text) {
  if (stack_.empty()) return;
  const TmxContext context = stack_.back().context;
  if (context != TmxContext::kSeg && context != TmxContext::kInline) return;
  // Comments are kept only inside segments, where they are part of what a
  // translator sees; elsewhere they are not TMX data.
  BeginMarkup();
  variant_->markup += "<!--";
  variant_->markup += text;
  variant_->markup += "-->";
  CheckSegmentSize(variant_->markup.size(), "<seg>");
}

void Impl::OnProcessingInstruction(std::string_view target,
                                   std::string_view data) {
  if (stack_.empty()) return;
  const TmxContext context = stack_.back().context;
  if (context == TmxContext::kSeg || context == TmxContext::kInline) {
    BeginMarkup();
    variant_->markup += "<?";
    variant_->markup += target;
    if (!data.empty()) {
      variant_->markup += ' ';
      variant_->markup += data;
    }
    variant_->markup += "?>";
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
      extra = &unit_->extra;
      break;
    case TmxContext::kVariant:
      extra = &variant_->extra;
      break;
    case TmxContext::kMeta:
      extra = &meta_->extra;
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
    has_tmx_namespace_ = true;
    tmx_namespace_ = View(uri);
  }
  namespaced_.clear();
  for (const Attribute& a : attributes_) {
    if (a.prefix == nullptr && a.localname == name_version_) {
      header_.version.assign(a.value);
    } else {
      AppendExtra(a, header_.root_extra, namespaced_);
    }
  }
  FinishExtra(header_.root_extra, namespaced_);
  stack_.push_back(Frame{TmxContext::kTmx, TmxName::kTmx});
}

void Impl::StartHeader() {
  header_.present = true;
  header_.position = TagPosition();
  ReadOwnerAttributes(TmxOwner::kHeader, header_.attrs, header_.extra, nullptr,
                      "header");
}

void Impl::StartUde() {
  std::string& out = header_.body;
  out += "<ude";
  namespaced_.clear();
  std::string extra;
  for (const Attribute& a : attributes_) {
    std::string_view name = View(a.localname);
    if (a.prefix == nullptr && (name == "name" || name == "base")) {
      out += ' ';
      out += name;
      out += "=\"";
      AppendEscapedAttribute(a.value, out);
      out += '"';
    } else {
      AppendExtra(a, extra, namespaced_);
    }
  }
  FinishExtra(extra, namespaced_);
  out += '>';
  if (!extra.empty()) {
    out += "<?onoma-attrs " + extra + "?>";
  }
}

void Impl::StartMap() {
  std::string& out = header_.body;
  out += "<map";
  namespaced_.clear();
  std::string extra;
  for (const Attribute& a : attributes_) {
    std::string_view name = View(a.localname);
    if (a.prefix == nullptr && (name == "unicode" || name == "code" ||
                                name == "ent" || name == "subst")) {
      out += ' ';
      out += name;
      out += "=\"";
      AppendEscapedAttribute(a.value, out);
      out += '"';
    } else {
      AppendExtra(a, extra, namespaced_);
    }
  }
  FinishExtra(extra, namespaced_);
  // <map> is EMPTY in the DTD: its other attributes follow it.
  out += "/>";
  if (!extra.empty()) out += "<?onoma-attrs " + extra + "?>";
}

void Impl::StartMeta(TmxMeta& meta, TmxName name, const char* owner) {
  meta.kind =
      name == TmxName::kProp ? TmxMeta::Kind::kProp : TmxMeta::Kind::kNote;
  const char* element = name == TmxName::kProp ? "prop" : "note";
  namespaced_.clear();
  bool has_xml_lang = false;
  bool has_type = false;
  std::string tmx11_lang;
  bool has_tmx11_lang = false;
  for (const Attribute& a : attributes_) {
    std::string_view local = View(a.localname);
    if (a.prefix != nullptr && IsXmlNamespace(a.uri) && local == "lang") {
      meta.lang.assign(a.value);
      meta.has_lang = has_xml_lang = true;
    } else if (a.prefix == nullptr && local == "lang") {
      tmx11_lang.assign(a.value);
      has_tmx11_lang = true;
    } else if (a.prefix == nullptr && local == "o-encoding") {
      meta.o_encoding.assign(a.value);
      meta.has_o_encoding = true;
    } else if (a.prefix == nullptr && local == "type" &&
               name == TmxName::kProp) {
      meta.type.assign(a.value);
      has_type = true;
    } else {
      WarnOnce(
          std::string(element) + "@" + std::string(local),
          Status::BadInput(
              std::string("attribute ") +
              (a.prefix ? std::string(View(a.prefix)) + ":" : std::string()) +
              std::string(local) + " on <" + element + "> is not TMX's; kept")
              .At(Where(TagPosition())));
      AppendExtra(a, meta.extra, namespaced_);
    }
  }
  if (has_tmx11_lang) {
    if (!has_xml_lang) {
      meta.lang = tmx11_lang;
      meta.has_lang = true;
    } else {
      // Both: xml:lang is the language; TMX 1.1's lang is kept aside.
      Attribute a{name_lang_, nullptr, nullptr, tmx11_lang};
      AppendExtra(a, meta.extra, namespaced_);
    }
  }
  FinishExtra(meta.extra, namespaced_);
  if (name == TmxName::kProp && !has_type) {
    WarnOnce(std::string("prop-without-type:") + owner,
             Status::BadInput(std::string("<prop> in <") + owner +
                              "> has no type; kept with type \"\"")
                 .At(Where(TagPosition())));
  }
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

// --- Attributes -------------------------------------------------------------

void Impl::AppendExtra(const Attribute& a, std::string& extra,
                       std::vector<const Attribute*>& namespaced) {
  if (!extra.empty()) extra += ' ';
  AppendQName(a.prefix, a.localname, extra);
  extra += "=\"";
  AppendEscapedAttribute(a.value, extra);
  extra += '"';
  if (a.prefix != nullptr && !IsXmlNamespace(a.uri) && a.uri != nullptr) {
    for (const Attribute* seen : namespaced) {
      if (View(seen->prefix) == View(a.prefix)) return;
    }
    namespaced.push_back(&a);
  }
}

void Impl::FinishExtra(std::string& extra,
                       const std::vector<const Attribute*>& namespaced) {
  for (const Attribute* a : namespaced) {
    extra += " xmlns:";
    extra += View(a->prefix);
    extra += "=\"";
    AppendEscapedAttribute(View(a->uri), extra);
    extra += '"';
  }
}

void Impl::UnitFault(Status status) {
  // Strict: the first fault ends the read where it is, so that it is the
  // one reported. Lenient: the unit is skipped at its end.
  if (!options_.lenient) {
    Fault(std::move(status));
    return;
  }
  if (unit_fault_.ok()) unit_fault_ = std::move(status);
}

bool Impl::CheckValue(TmxAttr attr, std::string_view value, std::string& out,
                      const char* element) {
  if (IsDateAttribute(attr)) {
    bool tmx_form = true;
    if (!ParseTmxDate(value, out, tmx_form)) return false;
    if (!tmx_form) {
      WarnOnce(std::string("iso-date:") + element,
               Status::BadInput(std::string("<") + element + "> " +
                                std::string(AttributeName(attr)) + " \"" +
                                std::string(value) +
                                "\" is ISO 8601 but not TMX's form "
                                "(YYYYMMDDThhmmssZ); stored as " +
                                out + " (further such dates are not reported)")
                   .At(Where(TagPosition())));
    }
    return true;
  }
  if (attr == TmxAttr::kUsagecount) {
    if (value.empty() || value.size() > 18) return false;
    for (char c : value) {
      if (c < '0' || c > '9') return false;
    }
    out.assign(value);
    return true;
  }
  if (attr == TmxAttr::kSegtype) {
    for (const char* kind : {"block", "paragraph", "sentence", "phrase"}) {
      if (value == kind) {
        out.assign(value);
        return true;
      }
      if (SameLanguage(value, kind)) {  // ASCII case folding
        out.assign(kind);
        WarnOnce(std::string("segtype-case:") + std::string(value),
                 Status::BadInput("segtype \"" + std::string(value) +
                                  "\" stored as \"" + kind + "\"")
                     .At(Where(TagPosition())));
        return true;
      }
    }
    return false;
  }
  out.assign(value);
  return true;
}

void Impl::CheckLanguage(std::string_view tag, const char* element,
                         bool allow_all) {
  if (allow_all && tag == "*all*") return;
  // A file holds few languages: ICU parses each once in a row of them.
  if (tag == last_good_lang_) return;
  if (LooksLikeLanguageTag(tag)) {
    last_good_lang_.assign(tag);
    return;
  }
  WarnOnce("lang:" + std::string(tag),
           Status::BadInput(std::string("language \"") + std::string(tag) +
                            "\" on <" + element +
                            "> is not a BCP 47 tag; kept as written "
                            "(reported once)")
               .At(Where(TagPosition())));
}

bool Impl::ReadOwnerAttributes(TmxOwner owner, TmxAttributes& attrs,
                               std::string& extra, std::string* lang,
                               const char* element) {
  namespaced_.clear();
  bool has_xml_lang = false;
  std::string_view tmx11_lang;
  bool has_tmx11_lang = false;
  std::string value;
  for (const Attribute& a : attributes_) {
    if (a.prefix == nullptr) {
      // Fast path: the dictionary pointers of TMX's attribute names.
      int found = -1;
      for (std::size_t i = 0; i < kTmxAttrCount; ++i) {
        if (a.localname == attr_names_[i]) {
          found = static_cast<int>(i);
          break;
        }
      }
      TmxAttr attr;
      if (found < 0 && LookUpAttribute(owner, View(a.localname), attr)) {
        found = static_cast<int>(attr);
      }
      if (found >= 0 && AttributeAllowed(owner, static_cast<TmxAttr>(found))) {
        attr = static_cast<TmxAttr>(found);
        if (!CheckValue(attr, a.value, value, element)) {
          Status bad = Status::BadInput(
              std::string("<") + element + "> " +
              std::string(AttributeName(attr)) + " \"" + std::string(a.value) +
              "\" is not " +
              (IsDateAttribute(attr) ? "a date (TMX form: YYYYMMDDThhmmssZ)"
               : attr == TmxAttr::kUsagecount
                   ? "a whole number"
                   : "one of block, paragraph, sentence, phrase"));
          bad = std::move(bad).At(Where(TagPosition()));
          if (owner == TmxOwner::kHeader) {
            if (!options_.lenient) {
              Fault(std::move(bad));
              return false;
            }
            Warn(Status::BadInput(bad.message() + "; kept aside")
                     .At(*bad.location()));
            AppendExtra(a, extra, namespaced_);
          } else {
            UnitFault(std::move(bad));
          }
          continue;
        }
        attrs.set(attr, value);
        if (attr == TmxAttr::kSrclang || attr == TmxAttr::kAdminlang) {
          CheckLanguage(value, element, attr == TmxAttr::kSrclang);
        }
        continue;
      }
      if (lang != nullptr && a.localname == name_lang_) {
        tmx11_lang = a.value;
        has_tmx11_lang = true;
        continue;
      }
    } else if (lang != nullptr && IsXmlNamespace(a.uri) &&
               View(a.localname) == "lang") {
      lang->assign(a.value);
      has_xml_lang = true;
      continue;
    }
    std::string qname;
    AppendQName(a.prefix, a.localname, qname);
    WarnOnce(std::string(element) + "@" + qname,
             Status::BadInput("attribute " + qname + " on <" + element +
                              "> is not TMX's; kept")
                 .At(Where(TagPosition())));
    AppendExtra(a, extra, namespaced_);
  }
  if (has_tmx11_lang) {
    if (!has_xml_lang) {
      lang->assign(tmx11_lang);
      has_xml_lang = true;
    } else {
      // Both: xml:lang is the language; TMX 1.1's lang is kept aside.
      Attribute a{name_lang_, nullptr, nullptr, tmx11_lang};
      AppendExtra(a, extra, namespaced_);
    }
  }
  FinishExtra(extra, namespaced_);
  if (lang != nullptr && !has_xml_lang) lang->clear();
  return has_xml_lang;
}

// --- Units and variants -----------------------------------------------------

void Impl::StartUnit() {
  ++units_read_;
  in_unit_ = true;
  unit_ = &current_;
  unit_->Clear();
  unit_->position = TagPosition();
  variant_count_ = 0;
  variant_ = nullptr;
  meta_ = nullptr;
  unit_fault_ = Status::Ok();
  ReadOwnerAttributes(TmxOwner::kUnit, unit_->attrs, unit_->extra, nullptr,
                      "tu");
}

void Impl::EndUnit() {
  in_unit_ = false;
  if (variant_count_ == 0) {
    UnitFault(Status::BadInput("<tu> has no <tuv>").At(Where(unit_->position)));
  }
  if (!fault().ok()) return;  // strict: the read ends here
  unit_->variants.resize(variant_count_);
  if (!unit_fault_.ok()) {
    if (!options_.lenient) {
      Fault(std::move(unit_fault_));
      return;
    }
    ++units_skipped_;
    Warn(Status::BadInput(unit_fault_.message() + "; unit skipped (--lenient)")
             .At(*unit_fault_.location()));
    unit_fault_ = Status::Ok();
    return;
  }
  if (queue_size_ == queue_.size()) queue_.emplace_back();
  std::swap(queue_[queue_size_++], current_);
}

void Impl::StartVariant() {
  if (variant_count_ < unit_->variants.size()) {
    variant_ = &unit_->variants[variant_count_];
    variant_->Clear();
  } else {
    variant_ = &unit_->variants.emplace_back();
  }
  ++variant_count_;
  variant_->position = TagPosition();
  segs_ = 0;
  const bool has_lang =
      ReadOwnerAttributes(TmxOwner::kVariant, variant_->attrs, variant_->extra,
                          &variant_->lang, "tuv");
  if (!fault().ok()) return;
  if (!has_lang) {
    UnitFault(Status::BadInput("<tuv> has no xml:lang (nor TMX 1.1's lang)")
                  .At(Where(variant_->position)));
  } else if (variant_->lang.empty()) {
    UnitFault(Status::BadInput("<tuv> has an empty xml:lang")
                  .At(Where(variant_->position)));
  } else {
    CheckLanguage(variant_->lang, "tuv", false);
  }
}

void Impl::EndVariant() {
  if (segs_ == 0) {
    UnitFault(
        Status::BadInput("<tuv> has no <seg>").At(Where(variant_->position)));
  }
  meta_ = nullptr;
}

// --- Segments ---------------------------------------------------------------

void Impl::StartSeg() {
  ++segs_;
  seg_position_ = TagPosition();
  if (segs_ > 1) {
    UnitFault(
        Status::BadInput("<tuv> has a second <seg>").At(Where(TagPosition())));
  }
  variant_->markup.clear();
  variant_->text.clear();
  variant_->skeleton.clear();
  variant_->has_codes = false;
  variant_->has_markup = false;
  code_depth_ = 0;
  open_bpts_.clear();
  if (!attributes_.empty()) {
    // <seg> has no attributes in TMX; any it has ride in the markup.
    std::string extra;
    namespaced_.clear();
    for (const Attribute& a : attributes_) AppendExtra(a, extra, namespaced_);
    FinishExtra(extra, namespaced_);
    WarnOnce("seg-attributes",
             Status::BadInput("<seg> has attributes, which TMX does not "
                              "define; kept")
                 .At(Where(TagPosition())));
    BeginMarkup();
    variant_->markup += "<?onoma-attrs " + extra + "?>";
  }
}

void Impl::EndSeg() {
  // Tags and instructions add to the markup outside OnText.
  if (!CheckSegmentSize(variant_->markup.size(), "<seg>")) return;
  for (const std::string& i : open_bpts_) {
    WarnOnce("unpaired-bpt",
             Status::BadInput("<bpt i=\"" + i +
                              "\"> has no matching <ept> in its segment "
                              "(such faults are reported once)")
                 .At(Where(variant_->position)));
  }
  open_bpts_.clear();
}

// Most segments are plain text, whose markup is just the escaped text:
// markup is built only from the first element, comment or processing
// instruction on, starting from the text read so far (all of it plain,
// since no code has opened yet).
void Impl::BeginMarkup() {
  if (variant_->has_markup) return;
  variant_->has_markup = true;
  variant_->markup.clear();
  AppendEscapedText(variant_->text, variant_->markup);
}

void Impl::AppendSkeleton(char32_t placeholder) {
  if (!variant_->has_codes) {
    variant_->has_codes = true;
    variant_->skeleton.assign(variant_->text);
  }
  text::AppendUtf8(variant_->skeleton, placeholder);
}

void Impl::StartInline(TmxName name, const xmlChar* localname,
                       const xmlChar* prefix, const xmlChar* uri) {
  BeginMarkup();
  std::string& markup = variant_->markup;
  Frame frame{TmxContext::kInline, name};
  const bool known = IsInline(name);
  std::string extra;
  namespaced_.clear();
  std::string_view i_value;
  std::string_view pos_value;
  markup += '<';
  if (known) {
    markup += View(localname);
  } else {
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
  for (const Attribute& a : attributes_) {
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
      AppendExtra(a, extra, namespaced_);
    }
  }
  markup += '>';
  if (!extra.empty()) {
    FinishExtra(extra, namespaced_);
    markup += "<?onoma-attrs " + extra + "?>";
  }
  frame.markup_mark = markup.size();
  // With an instruction after it, the start tag no longer ends the markup.
  frame.empty_tag_ok = extra.empty();
  frame.localname = localname;
  frame.prefix = prefix;
  if (IsCode(name)) {
    if (code_depth_ == 0) {
      switch (name) {
        case TmxName::kBpt:
          AppendSkeleton(kSkeletonBpt);
          if (!i_value.empty()) {
            for (const std::string& open : open_bpts_) {
              if (open == i_value) {
                WarnOnce(
                    "duplicate-bpt",
                    Status::BadInput("<bpt i=\"" + std::string(i_value) +
                                     "\"> while another with that i is open "
                                     "(such faults are reported once)")
                        .At(Where(TagPosition())));
              }
            }
            open_bpts_.emplace_back(i_value);
          }
          break;
        case TmxName::kEpt: {
          AppendSkeleton(kSkeletonEpt);
          bool matched = false;
          for (auto it = open_bpts_.begin(); it != open_bpts_.end(); ++it) {
            if (*it == i_value) {
              open_bpts_.erase(it);
              matched = true;
              break;
            }
          }
          if (!matched) {
            WarnOnce("unpaired-ept",
                     Status::BadInput("<ept i=\"" + std::string(i_value) +
                                      "\"> has no <bpt> before it in its "
                                      "segment (such faults are reported "
                                      "once)")
                         .At(Where(TagPosition())));
          }
          break;
        }
        case TmxName::kIt:
          AppendSkeleton(pos_value == "end" ? kSkeletonItEnd
                                            : kSkeletonItBegin);
          break;
        case TmxName::kPh:
          AppendSkeleton(kSkeletonPh);
          break;
        default:
          AppendSkeleton(kSkeletonUt);
          break;
      }
    }
    frame.code = true;
    ++code_depth_;
  } else if (name == TmxName::kHi && code_depth_ == 0) {
    AppendSkeleton(kSkeletonHiStart);
    frame.skeleton_hi = true;
  }
  stack_.push_back(frame);
}

void Impl::EndInline(const Frame& frame) {
  std::string& markup = variant_->markup;
  if (frame.code) --code_depth_;
  if (frame.skeleton_hi) AppendSkeleton(kSkeletonHiEnd);
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
