// TmxReader: a TMX file, one translation unit at a time, in memory that
// does not grow with the file.
//
//   TmxReaderOptions options;
//   options.on_warning = [](const Status& w) { Print(w.ToString()); };
//   Result<std::unique_ptr<TmxReader>> reader =
//       TmxReader::Open("news.tmx", options);
//   if (!reader.ok()) return reader.status();  // "news.tmx:3:1: ..."
//   const TmxHeader& header = (*reader)->header();
//   TmxUnit unit;
//   for (;;) {
//     Result<bool> more = (*reader)->Next(unit);
//     if (!more.ok()) return more.status();  // "news.tmx:112:7: <tu> has
//     if (!*more) break;                     //  no <tuv>"
//     Store(unit);
//   }
//
// Reads TMX 1.1 to 1.4b: `lang` and `xml:lang`; UTF-8, UTF-16 (either byte
// order, with or without BOM) and whatever else the encoding declaration
// names and libxml2 knows; character and entity references; CDATA;
// srclang="*all*". The whole document is checked, to its last byte, before
// Next() returns false: a file with garbage after </tmx> is refused.
//
// Faults. Not well-formed XML, a root other than <tmx>, and (strict mode)
// a unit TMX forbids: a <tu> without <tuv>, a <tuv> without language or
// <seg>, a bad date, usagecount or segtype. Each is kBadInput with the
// file, line and column (of the offending start tag, or where the XML
// parser stopped) and the parser is finished. With `lenient`, a bad unit
// is skipped with a warning instead; XML faults still end the read.
//
// Warnings (options.on_warning; counted either way): attributes and
// elements TMX does not define (attributes are kept, in `extra`; unknown
// elements outside a segment are skipped; inside one they are kept in the
// markup), dates in ISO 8601's extended form (kept, converted to TMX form),
// language tags that do not look like BCP 47 (once per tag), inline codes
// that do not pair up (<ept> without <bpt>), a <prop> without type.
//
// Security: the reader never opens anything but the file given. No network
// (XML_PARSE_NONET), no external DTD or external entity (loaded by neither
// the parser nor this code: a reference to one is a fault), and internal
// entities are substituted only when their replacement text is plain text,
// so "billion laughs" nesting is refused at its first level; libxml2's own
// limits on entity amplification and name and text sizes stay on.
//
// Built on libxml2's SAX2 push parser rather than xmlTextReader: the
// reader's nodes do not record columns, and their line numbers stop at
// 65535, so a fault deep in a large file could not be located as the
// design asks (file, line and column). SAX2 also skips building a tree
// node per XML node.
//
// Ownership: the reader owns its file and parser, closed when it is
// destroyed. Not thread-safe; one reader per thread.

#ifndef ONOMA_MEMORY_FORMATS_TMX_READER_H_
#define ONOMA_MEMORY_FORMATS_TMX_READER_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "lib/util/status.h"
#include "memory/formats/tmx_model.h"

namespace onoma::formats {

struct TmxReaderOptions {
  // Skip bad units with a warning instead of failing. Default: false.
  bool lenient = false;
  // Called with each warning (kBadInput, located). May be empty.
  std::function<void(const Status& warning)> on_warning;
  // Bytes handed to the XML parser at a time: the units of one chunk are
  // held at once, so this bounds memory beside the largest single unit.
  // Default: 64 KiB.
  std::size_t chunk_size = 64 * 1024;
};

class TmxReader {
 public:
  // Opens `path` and reads up to the start of <body>, so that header() is
  // complete. Failure: kIo for a file that cannot be read; kBadInput for
  // an empty file, malformed XML before the body, or a root other than
  // <tmx>, located.
  [[nodiscard]] static Result<std::unique_ptr<TmxReader>> Open(
      const std::filesystem::path& path, TmxReaderOptions options = {});

  // As Open, reading `data` instead of a file; `name` stands for the file
  // in messages. REQUIRES: `data` outlives the reader (it is not copied).
  [[nodiscard]] static Result<std::unique_ptr<TmxReader>> FromBuffer(
      std::string_view data, std::string name, TmxReaderOptions options = {});

  TmxReader(const TmxReader&) = delete;
  TmxReader& operator=(const TmxReader&) = delete;
  ~TmxReader();

  // The <tmx> root and <header> (an empty header, present == false, for a
  // file without one).
  const TmxHeader& header() const;

  // Reads the next unit into `unit`, reusing its buffers. True: `unit`
  // holds it. False: the document has ended, well-formed. A failure is
  // final: later calls return it again.
  [[nodiscard]] Result<bool> Next(TmxUnit& unit);

  // <tu> elements met so far, bad ones included.
  std::uint64_t units_read() const;
  // Bad units skipped under `lenient`.
  std::uint64_t units_skipped() const;
  std::uint64_t warnings() const;
  // Bytes of the input handed to the parser so far, and in all (0 when
  // unknown), for progress reports.
  std::uint64_t bytes_read() const;
  std::uint64_t bytes_total() const;

  class Impl;

 private:
  explicit TmxReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_TMX_READER_H_
