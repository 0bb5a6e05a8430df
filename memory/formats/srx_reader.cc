#include "memory/formats/srx_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <optional>

#include "lib/util/input_file.h"

// Tested by tests/segment/srx_test.cc.

namespace onoma::formats {
namespace {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

std::string_view Name(const xmlNode* node) {
  return reinterpret_cast<const char*>(node->name);
}

bool Is(const xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE && Name(node) == name;
}

// The attribute's value, or nothing when absent.
std::optional<std::string> Attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return std::nullopt;
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string Content(const xmlNode* node) {
  xmlChar* value = xmlNodeGetContent(node);
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

Status FaultAt(std::string_view path, const xmlNode* node,
               std::string message) {
  auto line = static_cast<std::uint64_t>(std::max(0L, xmlGetLineNo(node)));
  return Status::BadInput(std::move(message))
      .At({std::string(path), line, 0, 0});
}

Result<segment::SrxLanguageRule> ReadLanguageRule(const xmlNode* node,
                                                  std::string_view path) {
  segment::SrxLanguageRule language_rule;
  auto name = Attribute(node, "languagerulename");
  if (!name || name->empty()) {
    return FaultAt(path, node, "<languagerule> has no languagerulename");
  }
  language_rule.name = *name;
  for (const xmlNode* rule = node->children; rule; rule = rule->next) {
    if (!Is(rule, "rule")) continue;
    segment::SrxRule out;
    out.line = static_cast<std::uint64_t>(std::max(0L, xmlGetLineNo(rule)));
    auto verdict = Attribute(rule, "break");
    if (verdict && *verdict != "yes" && *verdict != "no") {
      return FaultAt(path, rule,
                     "<rule break> must be yes or no, not '" + *verdict + "'");
    }
    out.is_break = !verdict || *verdict == "yes";
    for (const xmlNode* part = rule->children; part; part = part->next) {
      if (Is(part, "beforebreak")) out.before = Content(part);
      if (Is(part, "afterbreak")) out.after = Content(part);
    }
    language_rule.rules.push_back(std::move(out));
  }
  return language_rule;
}

// Collects <languagemap> elements under `node`, at any depth (SRX 1.0
// nests them in <maprule>).
Status ReadMaps(const xmlNode* node, std::string_view path,
                segment::SrxRules& rules) {
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (Is(child, "languagemap")) {
      auto pattern = Attribute(child, "languagepattern");
      auto name = Attribute(child, "languagerulename");
      if (!pattern || !name) {
        return FaultAt(path, child,
                       "<languagemap> needs languagepattern and "
                       "languagerulename");
      }
      rules.maps.push_back({*pattern, *name});
      continue;
    }
    ONOMA_RETURN_IF_ERROR(ReadMaps(child, path, rules));
  }
  return Status::Ok();
}

}  // namespace

Result<segment::SrxRules> ParseSrx(std::string_view xml,
                                   std::string_view path) {
  if (xml.size() > static_cast<std::size_t>(INT32_MAX)) {
    return Status::BadInput("SRX file too large")
        .At({std::string(path), 0, 0, 0});
  }
  xmlResetLastError();
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (doc == nullptr) {
    const xmlError* error = xmlGetLastError();
    std::string message = "not well-formed XML";
    std::uint64_t line = 0;
    std::uint64_t column = 0;
    if (error != nullptr && error->message != nullptr) {
      message += ": ";
      message += error->message;
      while (!message.empty() && message.back() == '\n') message.pop_back();
      line = static_cast<std::uint64_t>(std::max(0, error->line));
      column = static_cast<std::uint64_t>(std::max(0, error->int2));
    }
    return Status::BadInput(message).At({std::string(path), line, column, 0});
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr || !Is(root, "srx")) {
    return Status::BadInput("the root element is not <srx>")
        .At({std::string(path), 1, 1, 0});
  }
  segment::SrxRules rules;
  rules.path = std::string(path);
  rules.cascade = false;
  for (const xmlNode* part = root->children; part; part = part->next) {
    if (Is(part, "header")) {
      auto cascade = Attribute(part, "cascade");
      rules.cascade = cascade && *cascade == "yes";
    }
    if (!Is(part, "body")) continue;
    for (const xmlNode* section = part->children; section;
         section = section->next) {
      if (Is(section, "languagerules")) {
        for (const xmlNode* lr = section->children; lr; lr = lr->next) {
          if (!Is(lr, "languagerule")) continue;
          auto language_rule = ReadLanguageRule(lr, path);
          if (!language_rule.ok()) return language_rule.status();
          rules.language_rules.push_back(std::move(*language_rule));
        }
      }
      if (Is(section, "maprules")) {
        ONOMA_RETURN_IF_ERROR(ReadMaps(section, path, rules));
      }
    }
  }
  return rules;
}

Result<segment::SrxRules> ReadSrxFile(const std::string& path) {
  auto xml = ReadInputFile(path);
  if (!xml.ok()) return xml.status();
  return ParseSrx(*xml, path);
}

}  // namespace onoma::formats
