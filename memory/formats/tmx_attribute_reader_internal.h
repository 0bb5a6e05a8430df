// TmxAttributeReader: the part of TmxReader that reads and checks the
// attributes of a start tag: TMX's own on <header>, <tu> and <tuv> (dates,
// usage counts, segment types, languages), those of notes and props, and
// the attributes TMX does not define, kept as the text of an
// <?onoma-attrs?> instruction with the namespaces they need (docs/tm.md,
// "What is kept"). Not thread-safe; one per reader.

#ifndef ONOMA_MEMORY_FORMATS_TMX_ATTRIBUTE_READER_INTERNAL_H_
#define ONOMA_MEMORY_FORMATS_TMX_ATTRIBUTE_READER_INTERNAL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "memory/formats/tmx_model.h"
#include "memory/formats/tmx_names_internal.h"
#include "memory/formats/tmx_unit_builder_internal.h"
#include "memory/formats/xml_sax_reader_internal.h"

namespace onoma::formats {

class TmxAttributeReader {
 public:
  using Attribute = XmlSaxReader::Attribute;

  // `input` gives the start tag's attributes and positions and reports;
  // `names` are its dictionary's names; `units` takes a unit's faults.
  // All three must outlive the reader.
  TmxAttributeReader(XmlSaxReader& input, const TmxNames& names,
                     TmxUnitBuilder& units)
      : input_(input), names_(names), units_(units) {}

  // Reads TMX attributes of header, tu or tuv; the rest into `extra`.
  // Returns whether a language (xml:lang or lang) was found, for tuv.
  bool ReadOwner(TmxOwner owner, TmxAttributes& attrs, std::string& extra,
                 std::string* lang, const char* element);
  // A <tuv>'s attributes, its language required and checked.
  void ReadVariant(TmxVariant& variant);
  // A <note> or <prop>'s attributes (`name`), in `owner` ("tu", "header").
  void ReadMeta(TmxMeta& meta, TmxName name, const char* owner);

  // Attributes TMX does not define, as name="value" pairs: StartExtra,
  // then AppendExtra for each, then FinishExtra declares the namespaces
  // they use.
  void StartExtra() { namespaced_.clear(); }
  void AppendExtra(const Attribute& a, std::string& extra);
  void FinishExtra(std::string& extra);

 private:
  // Checks a date, usagecount or segtype; normalises dates.
  bool CheckValue(TmxAttr attr, std::string_view value, std::string& out,
                  const char* element);
  void CheckLanguage(std::string_view tag, const char* element, bool allow_all);
  // ReadOwner's stages: the TMX attribute `a` is, when `owner` may have it;
  // reads its value into `attrs` (false when a bad one on <header> ends
  // the reading); keeps an attribute TMX does not define in `extra`.
  std::optional<TmxAttr> KnownAttribute(TmxOwner owner,
                                        const Attribute& a) const;
  bool ReadTmxAttribute(TmxOwner owner, TmxAttr attr, const Attribute& a,
                        TmxAttributes& attrs, std::string& extra,
                        std::string& value, const char* element);
  void KeepForeign(const Attribute& a, std::string& extra, const char* element);

  XmlSaxReader& input_;
  const TmxNames& names_;
  TmxUnitBuilder& units_;
  std::vector<const Attribute*> namespaced_;
  std::string last_good_lang_;  // the last tag CheckLanguage accepted
};

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_TMX_ATTRIBUTE_READER_INTERNAL_H_
