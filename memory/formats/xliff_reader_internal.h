// The insides of XliffReader, shared by xliff_reader.cc (files, units,
// segments, states, languages) and xliff_inline.cc (inline codes, and a
// segment's content made into TMX markup). On top of XmlSaxReader.
// Includes libxml2: never include it from a public header.

#ifndef ONOMA_MEMORY_FORMATS_XLIFF_READER_INTERNAL_H_
#define ONOMA_MEMORY_FORMATS_XLIFF_READER_INTERNAL_H_

#include <libxml/parser.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lib/util/status.h"
#include "memory/formats/tmx_model.h"
#include "memory/formats/xliff_reader.h"
#include "memory/formats/xml_sax_reader_internal.h"

namespace onoma::formats {

// One piece of a segment's content as read, before it becomes TMX markup.
struct XliffPiece {
  enum class Kind : std::uint8_t {
    kText,         // text: the characters
    kOpen,         // the start of a paired code (becomes <bpt> or <it>)
    kClose,        // its end (becomes <ept> or <it pos="end">)
    kBegin,        // a code whose end is elsewhere (<it pos="begin">)
    kEnd,          // a code whose start is elsewhere (<it pos="end">)
    kPlaceholder,  // a standalone code (<ph>)
    kMarkStart,    // an annotation's start (<hi>)
    kMarkEnd,      // its end
  };
  Kind kind = Kind::kText;
  // kText: the text. Codes: their native code as TMX markup (escaped).
  std::string text;
  std::string key;   // pairs kOpen with kClose within a segment
  std::string id;    // the XLIFF id, numbered into TMX's x
  std::string type;  // TMX's type (1.x ctype or mtype, 2.x type)
};

// A source or a target, whole or one <mrk mtype="seg"> of it.
struct XliffContent {
  std::string id;  // the segment's id (1.x mid, 2.x segment id)
  std::vector<XliffPiece> pieces;
  TmxPosition position;
  std::string lang;  // xml:lang on the element, if any
  void Clear() {
    id.clear();
    pieces.clear();
    position = {};
    lang.clear();
  }
};

// What an XLIFF code id becomes as TMX's x: numbers from 1 in the order
// met, shared by a unit's source and target so that a code keeps its x.
class XliffCodeNumbers {
 public:
  void Clear() { numbers_.clear(); }
  // "" for an empty id.
  std::string Number(std::string_view id);

 private:
  std::unordered_map<std::string, int> numbers_;
};

// Builds `v`'s markup, text, skeleton and flags from `pieces` exactly as
// TmxReader reads that markup back (tmx_model.h, TmxVariant), pairing
// kOpen with kClose by key.
void BuildXliffVariant(const std::vector<XliffPiece>& pieces,
                       XliffCodeNumbers& numbers, TmxVariant& v);

// The character of a 2.x <cp hex="...">, in UTF-8, when XML can carry it;
// false for one it cannot (U+0001) and for a bad value.
bool CodePointText(std::string_view hex, std::string& utf8);

// Whether `pieces` hold no code and no text but white space.
bool IsBlankXliffContent(const std::vector<XliffPiece>& pieces);

enum class XliffContext : std::uint8_t {
  kTop,
  kRoot,          // <xliff>
  kFile,          // <file> (and 1.x <body>)
  kGroup,         // <group>
  kUnit,          // 1.x <trans-unit>, 2.x <unit>
  kSegment,       // 2.x <segment>
  kContent,       // <source>, <target>, <seg-source>, or an inline element
  kCode,          // a code's native data (1.x <bpt> ... and what they hold)
  kNotes,         // 2.x <notes>
  kNote,          // a unit's <note>
  kOriginalData,  // 2.x <originalData>
  kData,          // 2.x <data>
  kSegDefs,       // SDLXLIFF's sdl:seg-defs
  kSkip,          // an element whose content is not read
};

// What the end of an element does.
enum class XliffEnd : std::uint8_t {
  kNothing,
  kRoot,
  kFile,
  kUnit,
  kSegment,
  kSource,
  kSegSource,
  kTarget,
  kSegMrk,  // a 1.x <mrk mtype="seg">
  kPaired,  // 1.x <g>, 2.x <pc>: a kClose piece
  kMark,    // <mrk>: a kMarkEnd piece
  kCode,    // the element whose native data is being read
  kSub,     // <sub> inside native data
  kNote,
  kData,
};

class XliffReader::Impl : public XmlSaxReader {
 public:
  Impl(std::string path, XliffReaderOptions options);
  ~Impl() override;

  Status ReadHeader();
  Result<bool> Next(TmxUnit& unit);

  const TmxHeader& header() const { return header_; }
  const std::string& version() const { return version_; }
  std::uint64_t units_read() const { return units_read_; }
  std::uint64_t units_untranslated() const { return units_untranslated_; }
  std::uint64_t units_skipped() const { return units_skipped_; }

  void OnStart(const xmlChar* localname, const xmlChar* prefix,
               const xmlChar* uri, int nb_attributes,
               const xmlChar** attributes) override;
  void OnEnd() override;
  void OnText(std::string_view text) override;

 private:
  struct Frame {
    XliffContext context = XliffContext::kSkip;
    XliffEnd end = XliffEnd::kNothing;
    bool translate = true;  // translate="no" here or above: false
    std::string key;        // kPaired: the close's key
    std::string data;       // kPaired: the close's native code
  };

  // --- xliff_reader.cc
  bool IsXliff(const xmlChar* uri) const;
  const Attribute* FindAttribute(std::string_view name) const;
  std::string_view AttributeValue(std::string_view name) const;
  std::string_view XmlLang() const;
  void StartRoot(const xmlChar* localname, const xmlChar* uri);
  void StartFile(Frame& frame);
  void StartGroup(Frame& frame);
  void StartUnit1(Frame& frame);
  void StartUnit2(Frame& frame);
  void StartSegment(Frame& frame);
  void StartContent(XliffEnd which, Frame& frame);
  void StartNote(Frame& frame);
  void StartData(Frame& frame);
  // OnStart's stages: a child `name` (in namespace `uri`) of a unit; a
  // <cp> of <originalData>'s <data>, appended to it as text.
  void StartUnitChild(std::string_view name, const xmlChar* uri, Frame& frame);
  void AppendDataCodePoint();
  void StartSdlSeg();
  void EndUnit1();
  void EndSegment();
  void FinishHeader();
  void CheckId(std::string_view id, const char* element);
  // A segment met: decides whether it is stored and queues it.
  void Emit(const XliffContent& source, const XliffContent* target,
            std::string_view segment_id, std::size_t segments);
  // Whether a 1.x or 2.x segment's states say it is finished.
  bool Finished(std::string_view segment_id);
  void SegmentFault(Status status);
  void NoteState(std::string_view state, const char* element);

  // --- xliff_inline.cc
  void StartInline(const xmlChar* localname, const xmlChar* uri, Frame& frame);
  void StartCodeChild(const xmlChar* localname, Frame& frame);
  void Append(XliffPiece piece);
  void AppendText(std::string_view text);
  bool CheckContentSize();
  // The original data a 2.x code refers to, as TMX markup.
  std::string DataRef(std::string_view attribute) const;

  XliffReaderOptions options_;
  bool v2_ = false;
  std::string namespace_;  // the root's; "" for none
  std::string version_;
  bool header_done_ = false;
  bool root_seen_ = false;
  std::vector<Frame> stack_;

  // The file.
  TmxHeader header_;
  std::string source_lang_;
  std::string target_lang_;
  std::string doc_source_lang_;  // 2.x srcLang, trgLang
  std::string doc_target_lang_;
  std::string original_;
  std::unordered_set<std::size_t> ids_;  // hashes of the file's ids
  bool warned_no_state_ = false;

  // The unit.
  std::string unit_id_;
  TmxPosition unit_position_;
  bool unit_translate_ = true;
  std::string approved_;      // 1.x approved, "" when absent
  std::string memoq_status_;  // memoQ's mq:status
  std::string target_state_;  // 1.x <target state>, 2.x <segment state>
  bool has_state_ = false;
  bool has_source_ = false;
  bool has_target_ = false;
  std::vector<TmxMeta> notes_;
  std::unordered_map<std::string, std::string> original_data_;  // 2.x
  std::size_t data_bytes_ = 0;  // of original_data_, bounded
  std::unordered_map<std::string, std::string> sdl_conf_;  // mid->conf
  XliffContent source_;
  XliffContent target_;
  std::vector<XliffContent> source_segments_;  // 1.x <mrk mtype="seg">
  std::vector<XliffContent> target_segments_;
  std::size_t segments_in_unit_ = 0;  // 2.x
  TmxPosition segment_position_;
  Status segment_fault_;
  XliffCodeNumbers numbers_;

  // The content being read.
  std::vector<XliffPiece>* whole_ = nullptr;   // source_ or target_ pieces
  XliffContent* seg_ = nullptr;                // the open seg mrk, if any
  std::vector<XliffContent>* segs_ = nullptr;  // where seg mrks go
  std::size_t content_bytes_ = 0;
  TmxPosition content_position_;
  std::size_t pair_count_ = 0;  // keys for <g> and <pc>
  XliffPiece code_;             // the code whose data is being read
  int code_depth_ = 0;
  std::string* data_ = nullptr;  // 2.x <data> being read
  TmxMeta* note_ = nullptr;

  std::vector<TmxUnit> queue_;
  std::size_t queue_head_ = 0;
  std::size_t queue_size_ = 0;

  std::uint64_t units_read_ = 0;
  std::uint64_t units_untranslated_ = 0;
  std::uint64_t units_skipped_ = 0;
};

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_XLIFF_READER_INTERNAL_H_
