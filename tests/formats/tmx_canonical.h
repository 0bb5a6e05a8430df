// A canonical view of a TMX document, built with libxml2's tree API and
// nothing of onoma's reader, so that the corpus test can check an export
// against its original without trusting the code under test.
//
// Two documents carry "the same units, variants, attributes, props, notes
// and segment markup" when their CanonicalTmx compare equal, after the
// normalisations TMX 1.4b export asks for and docs/tm.md lists:
//   - TMX 1.1's lang is xml:lang;
//   - dates in ISO 8601's extended form are compared in TMX form
//     (2018-01-14T20:15:29.923807 = 20180114T201529Z);
//   - usagecount is a number ("007" = "7");
//   - a <prop> without type has type "";
//   - a processing instruction <?onoma-attrs a="v" xmlns:p="u"?> that
//     begins an element (or follows a <map/>) adds its attributes to that
//     element: the way a DTD-valid export carries attributes TMX does not
//     define;
//   - attribute order, quoting, escapes, entities and CDATA do not matter,
//     and neither does whitespace outside <seg>, <note> and <prop>,
//     comments outside <seg>, nor namespace prefixes (names compare as
//     {uri}local);
//   - header attributes are compared only where the original has them
//     (export fills in the required ones a file lacks), and <tmx version>
//     not at all (export writes 1.4, which the DTD fixes).

#ifndef ONOMA_TESTS_FORMATS_TMX_CANONICAL_H_
#define ONOMA_TESTS_FORMATS_TMX_CANONICAL_H_

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/valid.h>

#include <cstdarg>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace onoma::testing {

using Attributes = std::map<std::string, std::string>;

struct CanonicalVariant {
  Attributes attrs;
  std::vector<std::string> meta;
  std::string seg;
  bool operator==(const CanonicalVariant&) const = default;
};

struct CanonicalUnit {
  Attributes attrs;
  std::vector<std::string> meta;
  std::vector<CanonicalVariant> variants;
  bool operator==(const CanonicalUnit&) const = default;
};

struct CanonicalTmx {
  Attributes header;
  std::vector<std::string> header_children;
  std::vector<CanonicalUnit> units;
  std::string error;  // non-empty when the document could not be read
};

namespace canonical_internal {

inline std::string Str(const xmlChar* s) {
  return s == nullptr ? std::string() : reinterpret_cast<const char*>(s);
}

inline bool Is(xmlNodePtr node, const char* name) {
  return node->type == XML_ELEMENT_NODE && Str(node->name) == name;
}

inline std::string Escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// 2018-01-14T20:15:29.923807 (UTC assumed, as onoma does) to TMX form;
// anything else as it is. Zones other than Z are not in the corpus.
inline std::string NormalizeDate(const std::string& value) {
  if (value.size() >= 19 && value[4] == '-' && value[7] == '-' &&
      value[13] == ':') {
    return value.substr(0, 4) + value.substr(5, 2) + value.substr(8, 2) + "T" +
           value.substr(11, 2) + value.substr(14, 2) + value.substr(17, 2) +
           "Z";
  }
  return value;
}

inline std::string NormalizeValue(const std::string& name,
                                  const std::string& value) {
  if (name == "creationdate" || name == "changedate" ||
      name == "lastusagedate") {
    return NormalizeDate(value);
  }
  if (name == "usagecount") {
    std::size_t i = 0;
    while (i + 1 < value.size() && value[i] == '0') ++i;
    return value.substr(i);
  }
  return value;
}

// Decodes the five predefined entities and character references of a
// processing instruction's pseudo-attributes.
inline std::string Unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    std::size_t semi = text.find(';', i);
    std::string_view ref = text.substr(i + 1, semi - i - 1);
    i = semi;
    if (ref == "amp")
      out += '&';
    else if (ref == "lt")
      out += '<';
    else if (ref == "gt")
      out += '>';
    else if (ref == "quot")
      out += '"';
    else if (ref == "apos")
      out += '\'';
    else if (!ref.empty() && ref[0] == '#') {
      unsigned long code =
          ref.size() > 1 && ref[1] == 'x'
              ? std::stoul(std::string(ref.substr(2)), nullptr, 16)
              : std::stoul(std::string(ref.substr(1)));
      xmlChar buffer[8];
      int n = xmlCopyCharMultiByte(buffer, static_cast<int>(code));
      out.append(reinterpret_cast<const char*>(buffer), n);
    }
  }
  return out;
}

// Adds the attributes of <?onoma-attrs a="v" p:b="w" xmlns:p="u"?> to
// `attrs`, prefixed names resolved through the PI's own declarations.
inline void FoldPi(const std::string& data, Attributes& attrs) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::map<std::string, std::string> namespaces;
  std::size_t i = 0;
  while (i < data.size()) {
    while (i < data.size() && data[i] == ' ') ++i;
    std::size_t eq = data.find("=\"", i);
    if (eq == std::string::npos) break;
    std::string name = data.substr(i, eq - i);
    std::size_t end = data.find('"', eq + 2);
    std::string value = Unescape(data.substr(eq + 2, end - eq - 2));
    i = end + 1;
    if (name.rfind("xmlns:", 0) == 0) {
      namespaces[name.substr(6)] = value;
    } else {
      pairs.emplace_back(name, value);
    }
  }
  for (auto& [name, value] : pairs) {
    std::string key = name;
    std::size_t colon = name.find(':');
    if (colon != std::string::npos && name.compare(0, colon, "xml") != 0) {
      key = "{" + namespaces[name.substr(0, colon)] + "}" +
            name.substr(colon + 1);
    }
    attrs[key] = NormalizeValue(key, value);
  }
}

inline Attributes AttributesOf(xmlNodePtr node) {
  Attributes attrs;
  for (xmlAttrPtr a = node->properties; a != nullptr; a = a->next) {
    std::string name = Str(a->name);
    if (a->ns != nullptr) {
      if (Str(a->ns->prefix) == "xml") {
        name = "xml:" + name;
      } else {
        name = "{" + Str(a->ns->href) + "}" + name;
      }
    }
    xmlChar* value = xmlNodeListGetString(node->doc, a->children, 1);
    std::string v = Str(value);
    xmlFree(value);
    // TMX 1.1's lang is TMX 1.4's xml:lang (on tuv, note, prop).
    if (name == "lang" && a->ns == nullptr &&
        (Is(node, "tuv") || Is(node, "note") || Is(node, "prop"))) {
      if (attrs.count("xml:lang") == 0) {
        name = "xml:lang";
      } else {
        name = "lang";  // both present: onoma keeps the 1.1 one aside
      }
    } else if (name == "xml:lang" && attrs.count("xml:lang") != 0) {
      attrs["lang"] = attrs["xml:lang"];
    }
    attrs[name] = NormalizeValue(name, v);
  }
  // The PIs of a DTD-valid export: first among the children.
  for (xmlNodePtr child = node->children; child != nullptr;
       child = child->next) {
    if (child->type == XML_PI_NODE && Str(child->name) == "onoma-attrs") {
      FoldPi(Str(child->content), attrs);
      break;
    }
    if (child->type == XML_ELEMENT_NODE) break;
    if (child->type == XML_TEXT_NODE) {
      bool blank = true;
      for (const xmlChar* p = child->content; p && *p; ++p) {
        if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') blank = false;
      }
      if (!blank) break;
    }
  }
  if (Is(node, "prop") && attrs.count("type") == 0) attrs["type"] = "";
  return attrs;
}

inline std::string Serialize(const Attributes& attrs) {
  std::string out;
  for (const auto& [name, value] : attrs) {
    out += " " + name + "=\"" + Escape(value) + "\"";
  }
  return out;
}

inline std::string TextOf(xmlNodePtr node) {
  xmlChar* text = xmlNodeGetContent(node);
  std::string out = Str(text);
  xmlFree(text);
  return out;
}

// A note, prop or ude (with maps) as one string.
inline std::string MetaString(xmlNodePtr node) {
  std::string out = "<" + Str(node->name) + Serialize(AttributesOf(node)) + ">";
  if (Is(node, "ude")) {
    for (xmlNodePtr map = node->children; map != nullptr; map = map->next) {
      if (!Is(map, "map")) continue;
      Attributes attrs = AttributesOf(map);
      // A <map/>'s own PI follows it.
      for (xmlNodePtr next = map->next; next != nullptr; next = next->next) {
        if (next->type == XML_PI_NODE && Str(next->name) == "onoma-attrs") {
          FoldPi(Str(next->content), attrs);
          break;
        }
        if (next->type == XML_ELEMENT_NODE) break;
      }
      out += "<map" + Serialize(attrs) + "/>";
    }
  } else {
    out += Escape(TextOf(node));
  }
  return out;
}

// The content of a <seg> or inline element, canonically.
inline void SegContent(xmlNodePtr first, std::string& out) {
  bool leading = true;  // an onoma-attrs PI may only lead
  for (xmlNodePtr n = first; n != nullptr; n = n->next) {
    switch (n->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        out += Escape(Str(n->content));
        leading = false;
        break;
      case XML_COMMENT_NODE:
        out += "<!--" + Str(n->content) + "-->";
        break;
      case XML_PI_NODE:
        if (!(leading && Str(n->name) == "onoma-attrs")) {
          out += "<?" + Str(n->name) + " " + Str(n->content) + "?>";
        }
        leading = false;
        break;
      case XML_ELEMENT_NODE: {
        std::string name = Str(n->name);
        if (n->ns != nullptr && n->ns->prefix != nullptr) {
          name = "{" + Str(n->ns->href) + "}" + name;
        }
        out += "<" + name + Serialize(AttributesOf(n)) + ">";
        SegContent(n->children, out);
        out += "</" + name + ">";
        leading = false;
        break;
      }
      default:
        break;
    }
  }
}

inline std::vector<std::string> MetaOf(xmlNodePtr owner) {
  std::vector<std::string> meta;
  for (xmlNodePtr c = owner->children; c != nullptr; c = c->next) {
    if (Is(c, "note") || Is(c, "prop")) meta.push_back(MetaString(c));
  }
  return meta;
}

inline void CollectValidityError(void* data, const char* format, ...) {
  char buffer[1024];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  *static_cast<std::string*>(data) += buffer;
}

}  // namespace canonical_internal

inline CanonicalTmx Canonicalize(const std::string& path) {
  using namespace canonical_internal;
  CanonicalTmx out;
  xmlDocPtr doc = xmlReadFile(path.c_str(), nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOCDATA |
                                  XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) {
    out.error = "cannot parse " + path;
    return out;
  }
  xmlNodePtr root = xmlDocGetRootElement(doc);
  for (xmlNodePtr top = root->children; top != nullptr; top = top->next) {
    if (Is(top, "header")) {
      out.header = AttributesOf(top);
      for (xmlNodePtr c = top->children; c != nullptr; c = c->next) {
        if (Is(c, "note") || Is(c, "prop") || Is(c, "ude")) {
          out.header_children.push_back(MetaString(c));
        }
      }
    } else if (Is(top, "body")) {
      for (xmlNodePtr tu = top->children; tu != nullptr; tu = tu->next) {
        if (!Is(tu, "tu")) continue;
        CanonicalUnit unit;
        unit.attrs = AttributesOf(tu);
        unit.meta = MetaOf(tu);
        for (xmlNodePtr tuv = tu->children; tuv != nullptr; tuv = tuv->next) {
          if (!Is(tuv, "tuv")) continue;
          CanonicalVariant variant;
          variant.attrs = AttributesOf(tuv);
          variant.meta = MetaOf(tuv);
          for (xmlNodePtr seg = tuv->children; seg != nullptr;
               seg = seg->next) {
            if (Is(seg, "seg")) SegContent(seg->children, variant.seg);
          }
          unit.variants.push_back(std::move(variant));
        }
        out.units.push_back(std::move(unit));
      }
    }
  }
  xmlFreeDoc(doc);
  return out;
}

// Validates `path` against the DTD at `dtd_path`, as `xmllint --noout
// --dtdvalid` does. Returns "" when valid, else libxml2's messages.
inline std::string ValidateAgainstDtd(const std::string& path,
                                      const std::string& dtd_path) {
  std::string errors;
  xmlDtdPtr dtd =
      xmlParseDTD(nullptr, reinterpret_cast<const xmlChar*>(dtd_path.c_str()));
  if (dtd == nullptr) return "cannot read the DTD " + dtd_path;
  xmlDocPtr doc =
      xmlReadFile(path.c_str(), nullptr,
                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) {
    xmlFreeDtd(dtd);
    return "not well-formed: " + path;
  }
  xmlValidCtxtPtr ctxt = xmlNewValidCtxt();
  ctxt->userData = &errors;
  ctxt->error = canonical_internal::CollectValidityError;
  ctxt->warning = nullptr;
  int valid = xmlValidateDtd(ctxt, doc, dtd);
  xmlFreeValidCtxt(ctxt);
  xmlFreeDoc(doc);
  xmlFreeDtd(dtd);
  if (valid == 1) return "";
  return errors.empty() ? "invalid" : errors;
}

}  // namespace onoma::testing

#endif  // ONOMA_TESTS_FORMATS_TMX_CANONICAL_H_
