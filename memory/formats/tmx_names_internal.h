// The TMX element and attribute names as TmxReader recognises them: looked
// up once in the parser's dictionary, so that a name the parser reports is
// recognised by comparing pointers. Shared by the reader's SAX adapter
// (tmx_reader_internal.h), unit builder and attribute checks.

#ifndef ONOMA_MEMORY_FORMATS_TMX_NAMES_INTERNAL_H_
#define ONOMA_MEMORY_FORMATS_TMX_NAMES_INTERNAL_H_

#include <libxml/parser.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "memory/formats/tmx_model.h"

namespace onoma::formats {

class XmlSaxReader;

enum class TmxName : std::uint8_t {
  kTmx,
  kHeader,
  kBody,
  kTu,
  kTuv,
  kSeg,
  kNote,
  kProp,
  kUde,
  kMap,
  kBpt,
  kEpt,
  kIt,
  kPh,
  kHi,
  kUt,
  kSub,
  kCount,
  kOther = kCount,
};

// A name or value the parser gives, as a view ("" for nullptr).
inline std::string_view View(const xmlChar* text) {
  if (text == nullptr) return {};
  return reinterpret_cast<const char*>(text);
}

// Whether `uri` is the xml: prefix's namespace.
bool IsXmlNamespace(const xmlChar* uri);

// Appends prefix:localname (localname without a prefix).
void AppendQName(const xmlChar* prefix, const xmlChar* localname,
                 std::string& out);

struct TmxNames {
  // Looks every name up in `input`'s dictionary. REQUIRES: its parser
  // exists (XmlSaxReader::OnParserCreated).
  void Load(const XmlSaxReader& input);
  // The TMX element `localname` in `uri` names; kOther when not TMX's.
  TmxName Classify(const xmlChar* localname, const xmlChar* uri) const;

  std::array<const xmlChar*, static_cast<std::size_t>(TmxName::kCount)>
      elements{};
  std::array<const xmlChar*, kTmxAttrCount> attributes{};
  const xmlChar* lang = nullptr;
  const xmlChar* version = nullptr;
  // <tmx xmlns="http://www.lisa.org/tmx14">: its elements are TMX's.
  std::string tmx_namespace;
  bool has_tmx_namespace = false;
};

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_TMX_NAMES_INTERNAL_H_
