// XmlSaxReader: input in chunks, libxml2's SAX2 push parser, faults,
// warnings, entities and positions, for the TMX and XLIFF readers
// (memory/formats/xml_sax_reader_internal.h).
//
// Tested through tests/formats/tmx_reader_test.cc, tmx_limits_test.cc and
// xliff_reader_test.cc; fuzzed by tests/fuzz/tmx_fuzzer.cc and
// xliff_fuzzer.cc.

#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "lib/util/input_file.h"
#include "lib/util/limits.h"
#include "memory/formats/xml_sax_reader_internal.h"

namespace onoma::formats {
namespace {

std::string_view View(const xmlChar* text, int len) {
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(len)};
}

std::string_view View(const xmlChar* text) {
  if (text == nullptr) return {};
  return reinterpret_cast<const char*>(text);
}

// Libxml2 passes the parser context as `ctx` (we give it no user data),
// and each context carries the reader in _private; libxml2 copies
// _private into the contexts it makes to check an entity's content, whose
// events XmlSaxReader::Accepts() then tells apart.
XmlSaxReader* Self(void* ctx) {
  if (ctx == nullptr) return nullptr;
  return static_cast<XmlSaxReader*>(
      static_cast<xmlParserCtxtPtr>(ctx)->_private);
}

void SaxStart(void* ctx, const xmlChar* localname, const xmlChar* prefix,
              const xmlChar* uri, int /*nb_namespaces*/,
              const xmlChar** /*namespaces*/, int nb_attributes,
              int /*nb_defaulted*/, const xmlChar** attributes) {
  XmlSaxReader* self = Self(ctx);
  if (self != nullptr && self->Accepts(ctx)) {
    self->OnStart(localname, prefix, uri, nb_attributes, attributes);
    self->StopOnFault();
  }
}

void SaxEnd(void* ctx, const xmlChar* /*localname*/, const xmlChar* /*prefix*/,
            const xmlChar* /*uri*/) {
  XmlSaxReader* self = Self(ctx);
  if (self != nullptr && self->Accepts(ctx)) {
    self->OnEnd();
    self->StopOnFault();
  }
}

void SaxCharacters(void* ctx, const xmlChar* text, int len) {
  XmlSaxReader* self = Self(ctx);
  if (self != nullptr && self->Accepts(ctx)) {
    self->OnText(View(text, len));
    self->StopOnFault();
  }
}

void SaxComment(void* ctx, const xmlChar* text) {
  XmlSaxReader* self = Self(ctx);
  if (self != nullptr && self->Accepts(ctx)) {
    self->OnComment(View(text));
    self->StopOnFault();
  }
}

void SaxProcessingInstruction(void* ctx, const xmlChar* target,
                              const xmlChar* data) {
  XmlSaxReader* self = Self(ctx);
  if (self != nullptr && self->Accepts(ctx)) {
    self->OnProcessingInstruction(View(target), View(data));
    self->StopOnFault();
  }
}

void SaxReference(void* ctx, const xmlChar* name) {
  XmlSaxReader* self = Self(ctx);
  if (self != nullptr && self->Accepts(ctx)) {
    self->OnReference(name);
    self->StopOnFault();
  }
}

xmlEntityPtr SaxGetEntity(void* ctx, const xmlChar* name) {
  XmlSaxReader* self = Self(ctx);
  if (self == nullptr) return nullptr;
  return self->OnGetEntity(static_cast<xmlParserCtxtPtr>(ctx), name);
}

// Never load anything from outside the document: no external subset, no
// external entity, whatever the options say.
xmlParserInputPtr SaxResolveEntity(void* /*ctx*/, const xmlChar* /*public_id*/,
                                   const xmlChar* /*system_id*/) {
  return nullptr;
}

void SaxExternalSubset(void* /*ctx*/, const xmlChar* /*name*/,
                       const xmlChar* /*external_id*/,
                       const xmlChar* /*system_id*/) {}

void SaxError(void* ctx, xmlErrorPtr error) {
  XmlSaxReader* self = Self(ctx);
  if (self != nullptr && error != nullptr) self->OnError(*error);
}

void SilentError(void* /*ctx*/, const char* /*format*/, ...) {}

// libxml2's messages end with '\n' and some span lines ("... !\nBytes:
// 0xE9"); a Status is one line.
std::string OneLine(const char* message) {
  std::string out = message != nullptr ? message : "unknown XML error";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) {
    out.pop_back();
  }
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

bool IsContinuation(xmlChar c) { return (c & 0xC0) == 0x80; }

}  // namespace

XmlSaxReader::XmlSaxReader(std::string path, Settings settings)
    : path_(std::move(path)), settings_(std::move(settings)) {
  if (settings_.chunk_size < 16) settings_.chunk_size = 16;
}

XmlSaxReader::~XmlSaxReader() {
  if (ctxt_ != nullptr) {
    if (ctxt_->myDoc != nullptr) xmlFreeDoc(ctxt_->myDoc);
    ctxt_->myDoc = nullptr;
    xmlFreeParserCtxt(ctxt_);
  }
  if (file_ != nullptr) std::fclose(file_);
}

Status XmlSaxReader::OpenFile(const std::filesystem::path& path) {
  auto file = InputFile::Open(path.string());
  if (!file.ok()) return file.status();
  file_ = file->Release();
  struct stat info;
  if (fstat(fileno(file_), &info) == 0) {
    bytes_total_ = static_cast<std::uint64_t>(info.st_size);
  }
  chunk_.resize(settings_.chunk_size);
  return Status::Ok();
}

void XmlSaxReader::UseBuffer(std::string_view data) {
  from_buffer_ = true;
  buffer_ = data;
  bytes_total_ = data.size();
}

Status XmlSaxReader::Feed() {
  // Some libxml2 faults (an encoder's, at the context's creation or while
  // parsing) also go to the generic error handler, which prints to stderr;
  // they reach us as parser errors too, so that channel is silenced while
  // libxml2 works for us, and restored after.
  const xmlGenericErrorFunc handler = xmlGenericError;
  void* const context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc(nullptr, SilentError);
  Status status = FeedChunk();
  xmlSetGenericErrorFunc(context, handler);
  return status;
}

Status XmlSaxReader::FeedChunk() {
  const char* data;
  std::size_t size;
  bool last;
  if (from_buffer_) {
    size = std::min(settings_.chunk_size, buffer_.size() - buffer_pos_);
    data = buffer_.data() + buffer_pos_;
    buffer_pos_ += size;
    last = buffer_pos_ == buffer_.size();
  } else {
    size = std::fread(chunk_.data(), 1, chunk_.size(), file_);
    if (std::ferror(file_)) {
      Fault(Status::Io("cannot read " + path_ + ": " + std::strerror(errno)));
      return fault_;
    }
    data = chunk_.data();
    last = size < chunk_.size();
  }
  bytes_read_ += size;

  if (ctxt_ == nullptr) {
    if (size == 0 && last) {
      Fault(Status::BadInput("the file is empty; " + settings_.expected +
                             " was expected")
                .At({path_, 0, 0, 0}));
      return fault_;
    }
    xmlSAXVersion(&sax_, 2);
    sax_.startElementNs = SaxStart;
    sax_.endElementNs = SaxEnd;
    sax_.startElement = nullptr;
    sax_.endElement = nullptr;
    sax_.characters = SaxCharacters;
    sax_.ignorableWhitespace = SaxCharacters;
    sax_.cdataBlock = nullptr;  // CDATA arrives as characters
    sax_.comment = SaxComment;
    sax_.processingInstruction = SaxProcessingInstruction;
    sax_.reference = SaxReference;
    sax_.getEntity = SaxGetEntity;
    sax_.resolveEntity = SaxResolveEntity;
    sax_.externalSubset = SaxExternalSubset;
    sax_.serror = SaxError;
    sax_.warning = nullptr;
    sax_.error = nullptr;
    sax_.fatalError = nullptr;
    // The first bytes let libxml2 detect the encoding (BOM, or the
    // pattern of "<?xm" in UTF-16 or UTF-8); the declaration is honoured
    // once read.
    const int head = static_cast<int>(std::min<std::size_t>(size, 4));
    ctxt_ = xmlCreatePushParserCtxt(&sax_, nullptr, data, head, path_.c_str());
    if (ctxt_ == nullptr) {
      Fault(Status::Internal("cannot create an XML parser (out of memory?)"));
      return fault_;
    }
    ctxt_->_private = this;
    // No XML_PARSE_NOENT (entities are ours to substitute, see
    // OnGetEntity), no DTDLOAD or DTDVALID (no external subset), NONET;
    // no XML_PARSE_HUGE, so libxml2's size and amplification limits hold.
    xmlCtxtUseOptions(
        ctxt_, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
    ctxt_->replaceEntities = 0;
    ctxt_->loadsubset = 0;
    ctxt_->validate = 0;
    OnParserCreated();
    data += head;
    size -= static_cast<std::size_t>(head);
  }
  xmlParseChunk(ctxt_, data, static_cast<int>(size), last ? 1 : 0);
  if (last) {
    finished_ = true;
    if (fault_.ok() && !root_closed_) {
      Fault(Status::BadInput("the document ends before " + settings_.root_end)
                .At(Where(ParserPosition())));
    }
  }
  return fault_;
}

void XmlSaxReader::Fault(Status status) {
  if (fault_.ok()) fault_ = std::move(status);
}

void XmlSaxReader::StopOnFault() {
  // Nothing after the first fault is used: the parser stops rather than
  // work through the rest of its chunk (entity expansion past the budget
  // included). Only once the callback is done with the event: stopping
  // frees the input, into which the event's strings (attribute values)
  // point. Found by tests/fuzz/tmx_fuzzer.cc.
  if (fault_.ok() || stopped_ || ctxt_ == nullptr) return;
  stopped_ = true;
  xmlStopParser(ctxt_);
}

void XmlSaxReader::Warn(Status status) {
  ++warnings_;
  if (settings_.on_warning) settings_.on_warning(status);
}

void XmlSaxReader::WarnOnce(std::string_view key, Status status) {
  // Bounded, so that a file with a million distinct bad tags cannot grow
  // the set without end; past the bound each is reported.
  if (warned_.size() < 4096) {
    if (!warned_.emplace(key).second) return;
  }
  Warn(std::move(status));
}

Location XmlSaxReader::Where(TmxPosition position) const {
  return Location{path_, position.line, position.column, 0};
}

// During a start-element callback libxml2's input points at the '>' (or
// "/>") that ends the start tag. The tag's '<' is the nearest one before:
// an attribute value cannot hold a raw '<', and the whole tag is in the
// buffer. Lines are counted back from the parser's; the column is counted
// in characters from the line's start when that is still buffered, and
// otherwise from the parser's column.
TmxPosition XmlSaxReader::TagPosition() const {
  const xmlParserInputPtr in = ctxt_->input;
  TmxPosition position{static_cast<std::uint64_t>(std::max(in->line, 0)),
                       static_cast<std::uint64_t>(std::max(in->col, 0))};
  const xmlChar* base = in->base;
  const xmlChar* cur = in->cur;
  if (base == nullptr || cur == nullptr || cur < base || cur >= in->end) {
    return position;
  }
  const xmlChar* lt = cur;
  while (lt > base && *lt != '<') --lt;
  if (*lt != '<') return position;
  std::uint64_t newlines = 0;
  std::uint64_t chars = 0;
  for (const xmlChar* p = lt; p < cur; ++p) {
    if (*p == '\n') ++newlines;
    if (!IsContinuation(*p)) ++chars;
  }
  if (position.line > newlines) position.line -= newlines;
  const xmlChar* line_start = lt;
  while (line_start > base && line_start[-1] != '\n') --line_start;
  if (line_start > base || in->consumed == 0) {
    std::uint64_t column = 1;
    for (const xmlChar* p = line_start; p < lt; ++p) {
      if (!IsContinuation(*p)) ++column;
    }
    position.column = column;
  } else if (newlines == 0 && position.column > chars) {
    position.column -= chars;
  } else {
    position.column = 0;
  }
  return position;
}

void XmlSaxReader::OnError(const xmlError& error) {
  if (!fault_.ok()) return;
  Location where{path_, static_cast<std::uint64_t>(std::max(error.line, 0)),
                 static_cast<std::uint64_t>(std::max(error.int2, 0)), 0};
  std::string message = OneLine(error.message);
  if (error.level == XML_ERR_WARNING) {
    Warn(Status::BadInput(message).At(std::move(where)));
    return;
  }
  if (error.level == XML_ERR_ERROR && settings_.lenient) {
    // Recoverable (a namespace prefix never declared, a name that is not a
    // QName): libxml2 goes on, and so does a lenient read.
    OnRecoverableError(Status::BadInput(message).At(std::move(where)));
    return;
  }
  Fault(
      Status::BadInput("not well-formed XML: " + message).At(std::move(where)));
}

const xmlChar* XmlSaxReader::PlainEntityText(const xmlChar* name,
                                             bool& external) const {
  external = false;
  xmlEntityPtr entity = xmlGetDocEntity(ctxt_->myDoc, name);
  if (entity == nullptr) return nullptr;
  if (entity->etype == XML_INTERNAL_PREDEFINED_ENTITY) return entity->content;
  if (entity->etype != XML_INTERNAL_GENERAL_ENTITY) {
    external = true;
    return nullptr;
  }
  const xmlChar* content = entity->content;
  if (content == nullptr) return reinterpret_cast<const xmlChar*>("");
  for (const xmlChar* p = content; *p != 0; ++p) {
    if (*p == '<' || *p == '&') return nullptr;
  }
  return content;
}

// Called by the parser for every reference to a declared entity, before it
// expands anything. Refusing here (returning null) is what keeps external
// entities unread and nested expansions ("billion laughs") from starting.
// Flat ones (one large entity referenced many times) are counted by
// ChargeEntity as OnReference and DecodeReferences substitute them.
xmlEntityPtr XmlSaxReader::OnGetEntity(xmlParserCtxtPtr ctxt,
                                       const xmlChar* name) {
  xmlEntityPtr entity = xmlSAX2GetEntity(ctxt, name);
  if (entity == nullptr || entity->etype == XML_INTERNAL_PREDEFINED_ENTITY) {
    return entity;
  }
  const TmxPosition at = ParserPosition();
  const std::string ref = "&" + std::string(View(name)) + ";";
  if (entity->etype != XML_INTERNAL_GENERAL_ENTITY) {
    Fault(Status::BadInput("entity " + ref +
                           " is external; onoma never reads external "
                           "entities")
              .At(Where(at)));
    return nullptr;
  }
  if (entity->content != nullptr) {
    for (const xmlChar* p = entity->content; *p != 0; ++p) {
      if (*p == '<' || *p == '&') {
        Fault(Status::BadInput(
                  "entity " + ref +
                  " holds markup or further references; onoma substitutes "
                  "only entities whose text is plain")
                  .At(Where(at)));
        return nullptr;
      }
    }
  }
  return entity;
}

bool XmlSaxReader::ChargeEntity(std::size_t bytes, std::string_view name) {
  entity_bytes_ += bytes;
  const std::uint64_t input = std::max(bytes_total_, bytes_read_);
  const std::uint64_t budget =
      limits::kMaxEntityExpansionBytes + limits::kEntityAmplification * input;
  if (entity_bytes_ <= budget) return true;
  Fault(Status::BadInput(
            "entity references expand to more than " + std::to_string(budget) +
            " bytes (at &" + std::string(name) +
            ";), past onoma's limit for a file of " + std::to_string(input) +
            " bytes (docs/tm.md, \"Limits\")")
            .At(Where(ParserPosition())));
  return false;
}

void XmlSaxReader::OnReference(const xmlChar* name) {
  bool external = false;
  const xmlChar* text = PlainEntityText(name, external);
  if (text == nullptr) {
    if (!fault_.ok()) return;
    Fault(Status::BadInput("entity &" + std::string(View(name)) +
                           "; is not declared in the document (onoma does "
                           "not read external DTDs)")
              .At(Where(ParserPosition())));
    return;
  }
  const std::string_view replacement = View(text);
  if (!ChargeEntity(replacement.size(), View(name))) return;
  OnText(replacement);
}

bool XmlSaxReader::DecodeReferences(std::string_view raw, std::string& out) {
  out.clear();
  std::size_t start = 0;
  for (std::size_t amp = raw.find('&'); amp != std::string_view::npos;
       amp = raw.find('&', start)) {
    out.append(raw, start, amp - start);
    const std::size_t semi = raw.find(';', amp);
    if (semi == std::string_view::npos) return false;
    std::string_view ref = raw.substr(amp + 1, semi - amp - 1);
    start = semi + 1;
    if (!ref.empty() && ref[0] == '#') {
      unsigned long code = 0;
      bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
      std::size_t digits = 0;
      for (std::size_t i = hex ? 2 : 1; i < ref.size(); ++i, ++digits) {
        char c = ref[i];
        int value;
        if (c >= '0' && c <= '9') {
          value = c - '0';
        } else if (hex && c >= 'a' && c <= 'f') {
          value = c - 'a' + 10;
        } else if (hex && c >= 'A' && c <= 'F') {
          value = c - 'A' + 10;
        } else {
          return false;
        }
        code = code * (hex ? 16 : 10) + static_cast<unsigned long>(value);
        if (code > 0x10FFFF) return false;
      }
      if (digits == 0 || (code >= 0xD800 && code <= 0xDFFF) || code == 0) {
        return false;
      }
      xmlChar buffer[8];
      int n = xmlCopyCharMultiByte(buffer, static_cast<int>(code));
      if (n <= 0) return false;
      out.append(reinterpret_cast<const char*>(buffer),
                 static_cast<std::size_t>(n));
      continue;
    }
    if (ref == "lt") {
      out += '<';
    } else if (ref == "gt") {
      out += '>';
    } else if (ref == "amp") {
      out += '&';
    } else if (ref == "quot") {
      out += '"';
    } else if (ref == "apos") {
      out += '\'';
    } else {
      std::string name(ref);
      bool external = false;
      const xmlChar* text = PlainEntityText(
          reinterpret_cast<const xmlChar*>(name.c_str()), external);
      if (text == nullptr) {
        Fault(Status::BadInput("entity &" + name +
                               "; in an attribute value is " +
                               (external ? "external"
                                         : "not plain text or "
                                           "not declared") +
                               "; onoma refuses it")
                  .At(Where(TagPosition())));
        return false;
      }
      if (!ChargeEntity(View(text).size(), name)) return false;
      out += View(text);
    }
  }
  out.append(raw, start, raw.size() - start);
  return true;
}

bool XmlSaxReader::DecodeAttributes(int nb_attributes,
                                    const xmlChar** attributes) {
  attributes_.clear();
  std::size_t n = static_cast<std::size_t>(std::max(nb_attributes, 0));
  if (decoded_.size() < n) decoded_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const xmlChar** a = attributes + 5 * i;
    std::string_view raw = View(a[3], static_cast<int>(a[4] - a[3]));
    std::string_view value = raw;
    if (raw.find('&') != std::string_view::npos) {
      if (!DecodeReferences(raw, decoded_[i])) {
        Fault(Status::BadInput("cannot decode the value of attribute " +
                               std::string(View(a[0])))
                  .At(Where(TagPosition())));
        return false;
      }
      value = decoded_[i];
    }
    attributes_.push_back(Attribute{a[0], a[1], a[2], value});
  }
  return true;
}

TmxPosition XmlSaxReader::ParserPosition() const {
  return {static_cast<std::uint64_t>(std::max(ctxt_->input->line, 0)),
          static_cast<std::uint64_t>(std::max(ctxt_->input->col, 0))};
}

const xmlChar* XmlSaxReader::Intern(const char* name) const {
  return xmlDictLookup(ctxt_->dict, reinterpret_cast<const xmlChar*>(name), -1);
}

bool XmlSaxReader::CheckSize(std::size_t bytes, std::string_view element,
                             TmxPosition at) {
  if (bytes <= limits::kMaxSegmentBytes) return true;
  // Refused even when lenient: skipping it would still read it whole.
  Fault(Status::BadInput(std::string(element) + " is longer than " +
                         std::to_string(limits::kMaxSegmentBytes) +
                         " bytes, the limit for one segment (docs/tm.md, "
                         "\"Limits\")")
            .At(Where(at)));
  return false;
}

}  // namespace onoma::formats
