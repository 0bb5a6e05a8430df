// The insides of TmxReader, in parts:
//
//   XmlSaxReader        the input (a file or buffer fed to libxml2's SAX2
//                       push parser), positions, faults and warnings
//                       (xml_sax_reader_internal.h, shared with XLIFF)
//   TmxReader::Impl     the SAX adapter: each event dispatched by where the
//                       parser is (tmx_reader.cc, tmx_reader_elements.cc),
//                       the header and its children
//   TmxUnitBuilder      a unit assembled from its elements, and the queue
//                       of units (tmx_unit_builder_internal.h)
//   TmxAttributeReader  attributes read and checked
//                       (tmx_attribute_reader_internal.h)
//   TmxNames            the names, looked up once (tmx_names_internal.h)
//
// Includes libxml2: never include it from a public header.

#ifndef ONOMA_MEMORY_FORMATS_TMX_READER_INTERNAL_H_
#define ONOMA_MEMORY_FORMATS_TMX_READER_INTERNAL_H_

#include <libxml/parser.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"
#include "memory/formats/tmx_attribute_reader_internal.h"
#include "memory/formats/tmx_model.h"
#include "memory/formats/tmx_names_internal.h"
#include "memory/formats/tmx_reader.h"
#include "memory/formats/tmx_unit_builder_internal.h"
#include "memory/formats/xml_sax_reader_internal.h"

namespace onoma::formats {

// Where the parser is, one entry per open element.
enum class TmxContext : std::uint8_t {
  kTop,         // before the root
  kTmx,         // in <tmx>
  kHeader,      // in <header>
  kHeaderMeta,  // in a <note> or <prop> of the header
  kUde,         // in <ude>
  kMap,         // in <map>
  kBody,        // in <body>
  kUnit,        // in <tu>
  kVariant,     // in <tuv>
  kMeta,        // in a <note> or <prop> of a unit or variant
  kMetaChild,   // in an element inside a note or prop (its text is kept)
  kSeg,         // in <seg>
  kInline,      // in an element inside <seg>
  kSkip,        // in an element that is not TMX's, outside any segment
};

class TmxReader::Impl : public XmlSaxReader {
 public:
  Impl(std::string path, TmxReaderOptions options);
  ~Impl() override;

  // Feeds chunks until the header is complete (or a fault).
  Status ReadHeader();
  Result<bool> Next(TmxUnit& unit);

  const TmxHeader& header() const { return header_; }
  std::uint64_t units_read() const { return units_.units_read(); }
  std::uint64_t units_skipped() const { return units_.units_skipped(); }

  // --- XmlSaxReader's events.
  void OnStart(const xmlChar* localname, const xmlChar* prefix,
               const xmlChar* uri, int nb_attributes,
               const xmlChar** attributes) override;
  void OnEnd() override;
  void OnText(std::string_view text) override;
  void OnComment(std::string_view text) override;
  void OnProcessingInstruction(std::string_view target,
                               std::string_view data) override;
  void OnRecoverableError(Status status) override;
  void OnParserCreated() override;

 private:
  struct Frame {
    TmxContext context;
    TmxName name;
    // Inline elements: the markup size just after the start tag (an
    // element that adds nothing is closed as <x/>) and what to close.
    std::size_t markup_mark = 0;
    // Unknown inline elements: the name to close them with (strings of
    // the parser's dictionary, alive as long as the parser).
    const xmlChar* localname = nullptr;
    const xmlChar* prefix = nullptr;
    bool empty_tag_ok = true;  // may close as <x/> if nothing follows
    bool code = false;         // bpt, ept, it, ph, ut: native code
    bool skeleton_hi = false;
  };

  // --- tmx_reader_elements.cc
  // OnStart's stages: the context of a child `name` of `parent` (outside
  // a segment) once it has started, kSkip for one skipped; and the same
  // for the children of <tmx>, of <header>, and of <tu> or <tuv>.
  TmxContext StartChild(TmxContext parent, TmxName name,
                        const xmlChar* localname, const xmlChar* prefix);
  TmxContext StartTmxChild(TmxName name, const xmlChar* localname,
                           const xmlChar* prefix);
  TmxContext StartHeaderChild(TmxName name, const xmlChar* localname,
                              const xmlChar* prefix);
  TmxContext StartUnitChild(TmxContext parent, TmxName name,
                            const xmlChar* localname, const xmlChar* prefix);
  void StartRoot(const xmlChar* localname, const xmlChar* uri);
  void StartHeader();
  void StartVariant();
  void StartSeg();
  void StartInline(TmxName name, const xmlChar* localname,
                   const xmlChar* prefix, const xmlChar* uri);
  // Of StartInline: an element that is not TMX's, its name written with
  // its namespace; `prefix` cleared when it is dropped.
  void AppendForeignName(const xmlChar* localname, const xmlChar*& prefix,
                         const xmlChar* uri, std::string& markup);
  void EndInline(const Frame& frame);
  void StartUde();
  void StartMap();
  void SkipUnknown(const xmlChar* localname, const xmlChar* prefix,
                   std::string_view where);
  void SerializeMeta(const TmxMeta& meta, std::string& out) const;
  // Faults when a note or prop has grown past kMaxSegmentBytes.
  void CheckMetaSize(std::size_t bytes);

  TmxReaderOptions options_;
  TmxNames names_;
  TmxUnitBuilder units_;
  TmxAttributeReader attrs_;

  bool header_done_ = false;
  std::vector<Frame> stack_;
  TmxHeader header_;
  TmxMeta header_meta_;
};

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_TMX_READER_INTERNAL_H_
