// TmxAttributeReader: the attributes of TMX's start tags read and checked
// (tmx_attribute_reader_internal.h).
//
// Tested by tests/formats/tmx_reader_test.cc, tmx_corpus_test.cc and
// tmx_mutation_test.cc.

#include "memory/formats/tmx_attribute_reader_internal.h"

namespace onoma::formats {

void TmxAttributeReader::ReadMeta(TmxMeta& meta, TmxName name,
                                  const char* owner) {
  meta.kind =
      name == TmxName::kProp ? TmxMeta::Kind::kProp : TmxMeta::Kind::kNote;
  const char* element = name == TmxName::kProp ? "prop" : "note";
  namespaced_.clear();
  bool has_xml_lang = false;
  bool has_type = false;
  std::string tmx11_lang;
  bool has_tmx11_lang = false;
  for (const Attribute& a : input_.attributes()) {
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
      input_.WarnOnce(
          std::string(element) + "@" + std::string(local),
          Status::BadInput(
              std::string("attribute ") +
              (a.prefix ? std::string(View(a.prefix)) + ":" : std::string()) +
              std::string(local) + " on <" + element + "> is not TMX's; kept")
              .At(input_.Where(input_.TagPosition())));
      AppendExtra(a, meta.extra);
    }
  }
  if (has_tmx11_lang) {
    if (!has_xml_lang) {
      meta.lang = tmx11_lang;
      meta.has_lang = true;
    } else {
      // Both: xml:lang is the language; TMX 1.1's lang is kept aside.
      Attribute a{names_.lang, nullptr, nullptr, tmx11_lang};
      AppendExtra(a, meta.extra);
    }
  }
  FinishExtra(meta.extra);
  if (name == TmxName::kProp && !has_type) {
    input_.WarnOnce(std::string("prop-without-type:") + owner,
                    Status::BadInput(std::string("<prop> in <") + owner +
                                     "> has no type; kept with type \"\"")
                        .At(input_.Where(input_.TagPosition())));
  }
}

void TmxAttributeReader::AppendExtra(const Attribute& a, std::string& extra) {
  if (!extra.empty()) extra += ' ';
  AppendQName(a.prefix, a.localname, extra);
  extra += "=\"";
  AppendEscapedAttribute(a.value, extra);
  extra += '"';
  if (a.prefix != nullptr && !IsXmlNamespace(a.uri) && a.uri != nullptr) {
    for (const Attribute* seen : namespaced_) {
      if (View(seen->prefix) == View(a.prefix)) return;
    }
    namespaced_.push_back(&a);
  }
}

void TmxAttributeReader::FinishExtra(std::string& extra) {
  for (const Attribute* a : namespaced_) {
    extra += " xmlns:";
    extra += View(a->prefix);
    extra += "=\"";
    AppendEscapedAttribute(View(a->uri), extra);
    extra += '"';
  }
}

void TmxAttributeReader::ReadVariant(TmxVariant& variant) {
  const bool has_lang = ReadOwner(TmxOwner::kVariant, variant.attrs,
                                  variant.extra, &variant.lang, "tuv");
  if (!input_.fault().ok()) return;
  if (!has_lang) {
    units_.UnitFault(
        Status::BadInput("<tuv> has no xml:lang (nor TMX 1.1's lang)")
            .At(input_.Where(variant.position)));
  } else if (variant.lang.empty()) {
    units_.UnitFault(Status::BadInput("<tuv> has an empty xml:lang")
                         .At(input_.Where(variant.position)));
  } else {
    CheckLanguage(variant.lang, "tuv", false);
  }
}

bool TmxAttributeReader::CheckValue(TmxAttr attr, std::string_view value,
                                    std::string& out, const char* element) {
  if (IsDateAttribute(attr)) {
    bool tmx_form = true;
    if (!ParseTmxDate(value, out, tmx_form)) return false;
    if (!tmx_form) {
      input_.WarnOnce(
          std::string("iso-date:") + element,
          Status::BadInput(std::string("<") + element + "> " +
                           std::string(AttributeName(attr)) + " \"" +
                           std::string(value) +
                           "\" is ISO 8601 but not TMX's form "
                           "(YYYYMMDDThhmmssZ); stored as " +
                           out + " (further such dates are not reported)")
              .At(input_.Where(input_.TagPosition())));
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
        input_.WarnOnce(std::string("segtype-case:") + std::string(value),
                        Status::BadInput("segtype \"" + std::string(value) +
                                         "\" stored as \"" + kind + "\"")
                            .At(input_.Where(input_.TagPosition())));
        return true;
      }
    }
    return false;
  }
  out.assign(value);
  return true;
}

void TmxAttributeReader::CheckLanguage(std::string_view tag,
                                       const char* element, bool allow_all) {
  if (allow_all && tag == "*all*") return;
  // A file holds few languages: ICU parses each once in a row of them.
  if (tag == last_good_lang_) return;
  if (LooksLikeLanguageTag(tag)) {
    last_good_lang_.assign(tag);
    return;
  }
  input_.WarnOnce("lang:" + std::string(tag),
                  Status::BadInput(std::string("language \"") +
                                   std::string(tag) + "\" on <" + element +
                                   "> is not a BCP 47 tag; kept as written "
                                   "(reported once)")
                      .At(input_.Where(input_.TagPosition())));
}

std::optional<TmxAttr> TmxAttributeReader::KnownAttribute(
    TmxOwner owner, const Attribute& a) const {
  // Fast path: the dictionary pointers of TMX's attribute names.
  int found = -1;
  for (std::size_t i = 0; i < kTmxAttrCount; ++i) {
    if (a.localname == names_.attributes[i]) {
      found = static_cast<int>(i);
      break;
    }
  }
  TmxAttr attr;
  if (found < 0 && LookUpAttribute(owner, View(a.localname), attr)) {
    found = static_cast<int>(attr);
  }
  if (found < 0 || !AttributeAllowed(owner, static_cast<TmxAttr>(found))) {
    return std::nullopt;
  }
  return static_cast<TmxAttr>(found);
}

bool TmxAttributeReader::ReadTmxAttribute(
    TmxOwner owner, TmxAttr attr, const Attribute& a, TmxAttributes& attrs,
    std::string& extra, std::string& value, const char* element) {
  if (!CheckValue(attr, a.value, value, element)) {
    Status bad = Status::BadInput(
        std::string("<") + element + "> " + std::string(AttributeName(attr)) +
        " \"" + std::string(a.value) + "\" is not " +
        (IsDateAttribute(attr) ? "a date (TMX form: YYYYMMDDThhmmssZ)"
         : attr == TmxAttr::kUsagecount
             ? "a whole number"
             : "one of block, paragraph, sentence, phrase"));
    bad = std::move(bad).At(input_.Where(input_.TagPosition()));
    if (owner != TmxOwner::kHeader) {
      units_.UnitFault(std::move(bad));
      return true;
    }
    if (!input_.lenient()) {
      input_.Fault(std::move(bad));
      return false;
    }
    input_.Warn(
        Status::BadInput(bad.message() + "; kept aside").At(*bad.location()));
    AppendExtra(a, extra);
    return true;
  }
  attrs.set(attr, value);
  if (attr == TmxAttr::kSrclang || attr == TmxAttr::kAdminlang) {
    CheckLanguage(value, element, attr == TmxAttr::kSrclang);
  }
  return true;
}

void TmxAttributeReader::KeepForeign(const Attribute& a, std::string& extra,
                                     const char* element) {
  std::string qname;
  AppendQName(a.prefix, a.localname, qname);
  input_.WarnOnce(std::string(element) + "@" + qname,
                  Status::BadInput("attribute " + qname + " on <" + element +
                                   "> is not TMX's; kept")
                      .At(input_.Where(input_.TagPosition())));
  AppendExtra(a, extra);
}

bool TmxAttributeReader::ReadOwner(TmxOwner owner, TmxAttributes& attrs,
                                   std::string& extra, std::string* lang,
                                   const char* element) {
  namespaced_.clear();
  bool has_xml_lang = false;
  std::string_view tmx11_lang;
  bool has_tmx11_lang = false;
  std::string value;
  for (const Attribute& a : input_.attributes()) {
    if (a.prefix == nullptr) {
      if (std::optional<TmxAttr> attr = KnownAttribute(owner, a)) {
        if (!ReadTmxAttribute(owner, *attr, a, attrs, extra, value, element)) {
          return false;
        }
        continue;
      }
      if (lang != nullptr && a.localname == names_.lang) {
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
    KeepForeign(a, extra, element);
  }
  if (has_tmx11_lang) {
    if (!has_xml_lang) {
      lang->assign(tmx11_lang);
      has_xml_lang = true;
    } else {
      // Both: xml:lang is the language; TMX 1.1's lang is kept aside.
      Attribute a{names_.lang, nullptr, nullptr, tmx11_lang};
      AppendExtra(a, extra);
    }
  }
  FinishExtra(extra);
  if (lang != nullptr && !has_xml_lang) lang->clear();
  return has_xml_lang;
}

}  // namespace onoma::formats
