// XliffReader: the translated segments of an XLIFF file (1.0 to 2.2), one
// at a time, as TMX units of two variants, so that the translation memory
// stores them as it stores TMX (docs/tm.md, "XLIFF").
//
//   XliffReaderOptions options;
//   options.on_warning = [](const Status& w) { Print(w.ToString()); };
//   Result<std::unique_ptr<XliffReader>> reader =
//       XliffReader::Open("report.uk.xlf", options);
//   if (!reader.ok()) return reader.status();  // "report.uk.xlf:3:1: ..."
//   TmxUnit unit;  // variants[0]: the source, variants[1]: the target
//   for (;;) {
//     Result<bool> more = (*reader)->Next(unit);
//     if (!more.ok()) return more.status();  // "report.uk.xlf:40:7:
//     if (!*more) break;                     //  <segment> has no <source>"
//     Store(unit);
//   }
//
// Versions. XLIFF 1.0, 1.1 and 1.2 (namespace urn:oasis:names:tc:xliff:
// document:1.1 or :1.2, or none with version="1.x") are read by 1.2's
// rules: <file source-language target-language>, <trans-unit>, <source>,
// <seg-source> with <mrk mtype="seg">, <target>. XLIFF 2.0 and 2.1 (one
// namespace, :document:2.0) by 2.0's core: <xliff srcLang trgLang>,
// <unit>, <segment>, <source>, <target>, <originalData>. XLIFF 2.2's
// namespace is read by 2.0's core too, with a warning. Any other root is
// refused.
//
// Which segments come out: those a translator has finished. XLIFF 2.x:
// <segment state> translated, reviewed or final. XLIFF 1.x: <target
// state> translated, signed-off or final, or <trans-unit approved="yes">;
// in Trados' SDLXLIFF the segment's sdl:seg conf (Translated,
// ApprovedTranslation, ApprovedSignOff) decides, in memoQ's the unit's
// mq:status (Confirmed, ManuallyConfirmed, Proofread, Reviewer1Confirmed,
// Reviewer2Confirmed). A target with no state at all (neither version
// has one by default that tools agree on; Angular, Symfony, Xcode and
// Pontoon write none) comes out too, with one warning per file. Never: a
// segment without a target or with an empty one, one under
// translate="no", one whose target language is unknown (warned).
//
// Each unit: srclang and tuid (the unit's id, with the segment's after a
// '/' when the unit has several); the unit's notes as TMX notes; the
// <file original> as a prop of type "x-original". The variants' languages
// come from the file (srcLang/trgLang; source-language/target-language),
// else from the <source>/<target> xml:lang, else from the options. Inline
// codes become TMX's (docs/tm.md, "XLIFF"): paired codes (2.0 <pc>,
// <sc>/<ec>; 1.x <g>, <bpt>/<ept>, <bx>/<ex>) <bpt>/<ept>, or <it> when
// the partner is outside the segment; placeholders (<ph>, <x>) <ph>;
// <mrk> <hi>; 2.0's original data and 1.x's native code become the
// codes' content.
//
// Faults, each kBadInput located by file, line and column, ending the
// read: not well-formed XML, a root other than <xliff> or an unknown XLIFF
// version, a 2.x <segment> without <source>, a segment past the size
// limit, entities as for TMX (memory/formats/tmx_reader.h). With
// `lenient`, a segment without source is skipped with a warning.
//
// Security and memory: as TmxReader (no network, no external entities,
// the entity budget), on the same XmlSaxReader; memory is bounded by the
// largest unit, not the file.
//
// Ownership: the reader owns its file and parser. Not thread-safe.

#ifndef ONOMA_MEMORY_FORMATS_XLIFF_READER_H_
#define ONOMA_MEMORY_FORMATS_XLIFF_READER_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "lib/util/status.h"
#include "memory/formats/tmx_model.h"

namespace onoma::formats {

struct XliffReaderOptions {
  // Skip bad segments with a warning instead of failing. Default: false.
  bool lenient = false;
  // Called with each warning (kBadInput, located). May be empty.
  std::function<void(const Status& warning)> on_warning;
  // Every segment with a non-empty target, whatever its state. Default:
  // false (finished segments only, see above).
  bool any_state = false;
  // Languages for a file that names none; "" for none.
  std::string source_lang;
  std::string target_lang;
  // Bytes handed to the XML parser at a time. Default: 64 KiB.
  std::size_t chunk_size = 64 * 1024;
};

class XliffReader {
 public:
  // Opens `path` and reads up to its first <file>. Failure: kIo for a
  // file that cannot be read; kBadInput for an empty file, malformed XML
  // before the first file, or a root other than XLIFF's, located.
  [[nodiscard]] static Result<std::unique_ptr<XliffReader>> Open(
      const std::filesystem::path& path, XliffReaderOptions options = {});

  // As Open, reading `data`; `name` stands for the file in messages.
  // REQUIRES: `data` outlives the reader.
  [[nodiscard]] static Result<std::unique_ptr<XliffReader>> FromBuffer(
      std::string_view data, std::string name, XliffReaderOptions options = {});

  XliffReader(const XliffReader&) = delete;
  XliffReader& operator=(const XliffReader&) = delete;
  ~XliffReader();

  // The file as a TMX header: srclang (the first file's source language),
  // o-tmf ("XLIFF 1.2", "XLIFF 2.0", ...), creationtool (1.x tool-id) and
  // datatype (1.x) when given.
  const TmxHeader& header() const;
  // The version as declared ("1.2", "2.0"), or as the namespace implies.
  const std::string& version() const;

  // Reads the next finished segment into `unit`. True: `unit` holds it.
  // False: the document has ended, well-formed. A failure is final.
  [[nodiscard]] Result<bool> Next(TmxUnit& unit);

  // Segments met so far (each <mrk mtype="seg"> of a 1.x unit, each 2.x
  // <segment>, each 1.x unit without segmentation).
  std::uint64_t units_read() const;
  // Segments left out as not finished: no target, an empty one, a state
  // short of translated, translate="no".
  std::uint64_t units_untranslated() const;
  // Segments skipped as bad (`lenient`) or without a target language.
  std::uint64_t units_skipped() const;
  std::uint64_t warnings() const;
  std::uint64_t bytes_read() const;
  std::uint64_t bytes_total() const;

  class Impl;

 private:
  explicit XliffReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The formats a translation memory file may be in.
enum class TmFileFormat : std::uint8_t { kTmx, kXliff };

// By extension (.xlf, .xliff, .xlf2, .sdlxliff, .mqxliff: XLIFF; .tmx:
// TMX), else, for a regular file, by the root element in its first 4 KiB
// (<xliff> or a prefixed one: XLIFF); TMX otherwise, whose reader then
// says what is wrong. A FIFO is not read here (its bytes would be lost to
// the reader): without an XLIFF extension it is TMX. A file that cannot
// be read is TMX here.
TmFileFormat DetectTmFileFormat(const std::filesystem::path& path);

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_XLIFF_READER_H_
