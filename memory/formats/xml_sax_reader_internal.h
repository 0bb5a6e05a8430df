// XmlSaxReader: what the TMX and XLIFF readers share beneath their
// elements. A file or buffer fed in chunks to libxml2's SAX2 push parser,
// with onoma's safety policy (docs/tm.md, "Limits"): no network, no
// external DTD or entity, internal entities substituted only when their
// text is plain and within the expansion budget of lib/util/limits.h;
// faults and warnings located by file, line and column.
//
// A reader derives from it, implements the element events (OnStart,
// OnEnd, OnText, ...), and calls Feed() until it has what it needs. Every
// event comes from the document itself and arrives only while no fault
// has stopped the read; after an event that faulted, the parser stops.
//
// Includes libxml2: never include it from a public header. Not
// thread-safe; one reader per thread.

#ifndef ONOMA_MEMORY_FORMATS_XML_SAX_READER_INTERNAL_H_
#define ONOMA_MEMORY_FORMATS_XML_SAX_READER_INTERNAL_H_

#include <libxml/parser.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "lib/util/status.h"
#include "memory/formats/tmx_model.h"

namespace onoma::formats {

class XmlSaxReader {
 public:
  struct Settings {
    // What the document is, for messages: "a TMX document", "</tmx>".
    std::string expected;  // "a TMX document"
    std::string root_end;  // "</tmx>"
    bool lenient = false;
    std::function<void(const Status& warning)> on_warning;
    std::size_t chunk_size = 64 * 1024;
  };

  XmlSaxReader(std::string path, Settings settings);
  virtual ~XmlSaxReader();
  XmlSaxReader(const XmlSaxReader&) = delete;
  XmlSaxReader& operator=(const XmlSaxReader&) = delete;

  // Input: a file or a buffer (which must outlive the reader).
  Status OpenFile(const std::filesystem::path& path);
  void UseBuffer(std::string_view data);

  // Hands the parser the next chunk; the events it holds arrive before
  // this returns. Returns the fault, if any (final).
  Status Feed();

  std::uint64_t warnings() const { return warnings_; }
  std::uint64_t bytes_read() const { return bytes_read_; }
  std::uint64_t bytes_total() const { return bytes_total_; }

  // --- Events, for the derived reader.
  virtual void OnStart(const xmlChar* localname, const xmlChar* prefix,
                       const xmlChar* uri, int nb_attributes,
                       const xmlChar** attributes) = 0;
  virtual void OnEnd() = 0;
  virtual void OnText(std::string_view text) = 0;
  virtual void OnComment(std::string_view /*text*/) {}
  virtual void OnProcessingInstruction(std::string_view /*target*/,
                                       std::string_view /*data*/) {}
  // A fault libxml2 recovers from (an undeclared namespace prefix), met
  // under `lenient`. Default: a warning.
  virtual void OnRecoverableError(Status status) { Warn(std::move(status)); }
  // Once the parser exists: the reader looks its names up in the
  // dictionary (Intern).
  virtual void OnParserCreated() {}

  // --- Glue for the SAX2 callbacks (xml_sax_reader.cc).
  void OnReference(const xmlChar* name);
  xmlEntityPtr OnGetEntity(xmlParserCtxtPtr ctxt, const xmlChar* name);
  void OnError(const xmlError& error);
  // After a callback: stops the parser when the event faulted.
  void StopOnFault();
  // Whether events of `ctxt` are the document's own.
  bool Accepts(void* ctxt) const { return ctxt == ctxt_ && fault_.ok(); }

  // --- For the reader and the parts it is made of (the TMX reader's unit
  // builder and attribute checks): faults, warnings, positions, names.

  // One attribute of a start tag, its value decoded.
  struct Attribute {
    const xmlChar* localname;
    const xmlChar* prefix;
    const xmlChar* uri;
    std::string_view value;
  };

  void Fault(Status status);
  void Warn(Status status);
  // Warns once per `key` (an unknown attribute on an element, a bad tag).
  void WarnOnce(std::string_view key, Status status);
  // Of the start tag being read (during OnStart).
  TmxPosition TagPosition() const;
  // Where the parser is.
  TmxPosition ParserPosition() const;
  Location Where(TmxPosition position) const;
  // `name` in the parser's dictionary: a name the parser reports is then
  // recognised by comparing pointers. REQUIRES: the parser exists.
  const xmlChar* Intern(const char* name) const;
  // Faults when `bytes` pass kMaxSegmentBytes (`element` is "<seg>"),
  // located at `at`; false then.
  bool CheckSize(std::size_t bytes, std::string_view element, TmxPosition at);
  bool lenient() const { return settings_.lenient; }
  const Status& fault() const { return fault_; }
  // The attributes of the start tag being read (during OnStart).
  const std::vector<Attribute>& attributes() const { return attributes_; }

 protected:
  // Decodes the attributes of the current start tag into attributes_.
  bool DecodeAttributes(int nb_attributes, const xmlChar** attributes);
  const std::string& path() const { return path_; }
  bool finished() const { return finished_; }

  std::vector<Attribute> attributes_;
  // Set by the derived reader when the root element closes; a document
  // that ends before is refused.
  bool root_closed_ = false;

 private:
  Status FeedChunk();
  bool DecodeReferences(std::string_view raw, std::string& out);
  const xmlChar* PlainEntityText(const xmlChar* name, bool& external) const;
  bool ChargeEntity(std::size_t bytes, std::string_view name);

  std::string path_;
  Settings settings_;
  std::FILE* file_ = nullptr;
  std::string_view buffer_;
  std::size_t buffer_pos_ = 0;
  bool from_buffer_ = false;
  std::vector<char> chunk_;
  std::uint64_t bytes_read_ = 0;
  std::uint64_t bytes_total_ = 0;
  std::uint64_t entity_bytes_ = 0;  // replacement text substituted so far

  xmlSAXHandler sax_{};
  xmlParserCtxtPtr ctxt_ = nullptr;

  Status fault_;
  bool stopped_ = false;   // xmlStopParser has run
  bool finished_ = false;  // the parser has seen the end of the input
  std::vector<std::string> decoded_;  // backing store for decoded values
  std::uint64_t warnings_ = 0;
  std::unordered_set<std::string> warned_;
};

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_XML_SAX_READER_INTERNAL_H_
