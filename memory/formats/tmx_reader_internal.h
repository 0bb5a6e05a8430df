// The insides of TmxReader, shared by tmx_reader.cc (input, libxml2's SAX2
// glue, faults, entities, positions) and tmx_reader_elements.cc (what each
// TMX element does). Includes libxml2: never include it from a public
// header.

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

class TmxReader::Impl {
 public:
  Impl(std::string path, TmxReaderOptions options);
  ~Impl();

  // Input: a file or a buffer.
  Status OpenFile(const std::filesystem::path& path);
  void UseBuffer(std::string_view data);

  // Feeds chunks until the header is complete (or a fault).
  Status ReadHeader();
  Result<bool> Next(TmxUnit& unit);

  const TmxHeader& header() const { return header_; }
  std::uint64_t units_read() const { return units_read_; }
  std::uint64_t units_skipped() const { return units_skipped_; }
  std::uint64_t warnings() const { return warnings_; }
  std::uint64_t bytes_read() const { return bytes_read_; }
  std::uint64_t bytes_total() const { return bytes_total_; }

  // --- SAX2 callbacks (tmx_reader.cc), which forward here when the event
  // comes from the document itself (not from libxml2's check of an
  // entity's content) and no fault has stopped the read.
  void OnStart(const xmlChar* localname, const xmlChar* prefix,
               const xmlChar* uri, int nb_attributes,
               const xmlChar** attributes);
  void OnEnd();
  void OnText(std::string_view text);
  void OnComment(std::string_view text);
  void OnProcessingInstruction(std::string_view target, std::string_view data);
  void OnReference(const xmlChar* name);
  xmlEntityPtr OnGetEntity(xmlParserCtxtPtr ctxt, const xmlChar* name);
  void OnError(const xmlError& error);

  // After a callback: stops the parser when the event faulted.
  void StopOnFault();

  // Whether events of `ctxt` are the document's own.
  bool Accepts(void* ctxt) const { return ctxt == ctxt_ && fault_.ok(); }

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

  // One attribute of a start tag, its value decoded.
  struct Attribute {
    const xmlChar* localname;
    const xmlChar* prefix;
    const xmlChar* uri;
    std::string_view value;
  };

  // --- tmx_reader.cc
  Status Feed();
  Status FeedChunk();
  void Fault(Status status);
  void Warn(Status status);
  // Warns once per `key` (an unknown attribute on an element, a bad tag).
  void WarnOnce(std::string_view key, Status status);
  TmxPosition TagPosition() const;
  Location Where(TmxPosition position) const;
  // Decodes the attributes of the current start tag into attributes_.
  bool DecodeAttributes(int nb_attributes, const xmlChar** attributes);
  // Replaces character and entity references in `raw` (libxml2 leaves
  // them in attribute values when it does not substitute entities).
  bool DecodeReferences(std::string_view raw, std::string& out);
  // An internal entity's replacement text if it is plain text.
  const xmlChar* PlainEntityText(const xmlChar* name, bool& external) const;
  // Counts `bytes` of entity replacement text against the budget of
  // lib/util/limits.h (kMaxEntityExpansionBytes plus kEntityAmplification
  // times the input's size); false, with a fault, once it is spent.
  bool ChargeEntity(std::size_t bytes, std::string_view name);
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

  // Input.
  std::string path_;
  TmxReaderOptions options_;
  std::FILE* file_ = nullptr;
  std::string_view buffer_;
  std::size_t buffer_pos_ = 0;
  bool from_buffer_ = false;
  std::vector<char> chunk_;
  std::uint64_t bytes_read_ = 0;
  std::uint64_t bytes_total_ = 0;
  std::uint64_t entity_bytes_ = 0;  // replacement text substituted so far

  // Parser.
  xmlSAXHandler sax_{};
  xmlParserCtxtPtr ctxt_ = nullptr;
  std::array<const xmlChar*, static_cast<std::size_t>(TmxName::kCount)>
      names_{};
  std::array<const xmlChar*, kTmxAttrCount> attr_names_{};
  const xmlChar* name_lang_ = nullptr;
  const xmlChar* name_type_ = nullptr;
  const xmlChar* name_version_ = nullptr;
  std::string tmx_namespace_;
  bool has_tmx_namespace_ = false;

  // State of the read.
  Status fault_;
  bool stopped_ = false;   // xmlStopParser has run
  bool finished_ = false;  // the parser has seen the end of the input
  bool root_closed_ = false;
  bool header_done_ = false;
  std::vector<Frame> stack_;
  std::vector<Attribute> attributes_;
  std::vector<std::string> decoded_;  // backing store for decoded values
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
  std::uint64_t warnings_ = 0;
  std::string last_good_lang_;  // the last tag CheckLanguage accepted
  std::unordered_set<std::string> warned_;
};

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_TMX_READER_INTERNAL_H_
