// The insides of TmxReader, shared by tmx_reader.cc (names, header, the
// queue of units) and tmx_reader_elements.cc (what each TMX element does),
// on top of XmlSaxReader (input, libxml2's SAX2 glue, faults, entities,
// positions). Includes libxml2: never include it from a public header.

#ifndef ONOMA_MEMORY_FORMATS_TMX_READER_INTERNAL_H_
#define ONOMA_MEMORY_FORMATS_TMX_READER_INTERNAL_H_

#include <libxml/parser.h>

#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "lib/util/status.h"
#include "memory/formats/tmx_model.h"
#include "memory/formats/tmx_reader.h"
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

// The TMX element names, looked up once in the parser's dictionary so that
// a name is recognised by comparing pointers.
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

class TmxReader::Impl : public XmlSaxReader {
 public:
  Impl(std::string path, TmxReaderOptions options);
  ~Impl() override;

  // Feeds chunks until the header is complete (or a fault).
  Status ReadHeader();
  Result<bool> Next(TmxUnit& unit);

  const TmxHeader& header() const { return header_; }
  std::uint64_t units_read() const { return units_read_; }
  std::uint64_t units_skipped() const { return units_skipped_; }

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

  // Faults when the segment being read, or the note or prop, has grown
  // past kMaxSegmentBytes; false then.
  bool CheckSegmentSize(std::size_t bytes, const char* element);
  TmxName Classify(const xmlChar* localname, const xmlChar* uri) const;

  // --- tmx_reader_elements.cc
  void StartRoot(const xmlChar* localname, const xmlChar* uri);
  void StartHeader();
  void StartUnit();
  void EndUnit();
  void StartVariant();
  void EndVariant();
  void StartMeta(TmxMeta& meta, TmxName name, const char* owner);
  void StartSeg();
  void EndSeg();
  void StartInline(TmxName name, const xmlChar* localname,
                   const xmlChar* prefix, const xmlChar* uri);
  void EndInline(const Frame& frame);
  void StartUde();
  void StartMap();
  void SkipUnknown(const xmlChar* localname, const xmlChar* prefix,
                   std::string_view where);
  // Reads TMX attributes of header, tu or tuv; the rest into `extra`.
  // Returns whether a language (xml:lang or lang) was found, for tuv.
  bool ReadOwnerAttributes(TmxOwner owner, TmxAttributes& attrs,
                           std::string& extra, std::string* lang,
                           const char* element);
  // Checks a date, usagecount or segtype; normalises dates.
  bool CheckValue(TmxAttr attr, std::string_view value, std::string& out,
                  const char* element);
  void CheckLanguage(std::string_view tag, const char* element, bool allow_all);
  // Appends an attribute that TMX does not define to `extra`.
  void AppendExtra(const Attribute& a, std::string& extra,
                   std::vector<const Attribute*>& namespaced);
  void FinishExtra(std::string& extra,
                   const std::vector<const Attribute*>& namespaced);
  void UnitFault(Status status);
  void SerializeMeta(const TmxMeta& meta, std::string& out) const;
  void AppendSkeleton(char32_t placeholder);
  void BeginMarkup();

  TmxReaderOptions options_;

  // Names in the parser's dictionary.
  std::array<const xmlChar*, static_cast<std::size_t>(TmxName::kCount)>
      names_{};
  std::array<const xmlChar*, kTmxAttrCount> attr_names_{};
  const xmlChar* name_lang_ = nullptr;
  const xmlChar* name_type_ = nullptr;
  const xmlChar* name_version_ = nullptr;
  std::string tmx_namespace_;
  bool has_tmx_namespace_ = false;

  // State of the read.
  bool header_done_ = false;
  std::vector<Frame> stack_;
  std::vector<const Attribute*> namespaced_;

  // Output.
  TmxHeader header_;
  TmxMeta header_meta_;
  std::vector<TmxUnit> queue_;
  std::size_t queue_head_ = 0;
  std::size_t queue_size_ = 0;

  // The unit being read, swapped into the queue when complete.
  TmxUnit current_;
  TmxUnit* unit_ = nullptr;
  bool in_unit_ = false;  // between <tu> and </tu>
  std::size_t variant_count_ = 0;
  TmxVariant* variant_ = nullptr;
  TmxMeta* meta_ = nullptr;
  Status unit_fault_;
  int segs_ = 0;
  TmxPosition seg_position_;  // of the <seg> start tag
  int code_depth_ = 0;
  std::vector<std::string> open_bpts_;

  std::uint64_t units_read_ = 0;
  std::uint64_t units_skipped_ = 0;
  std::string last_good_lang_;  // the last tag CheckLanguage accepted
};

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_TMX_READER_INTERNAL_H_
