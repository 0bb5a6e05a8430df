// TmxWriter: TMX 1.4b out, one unit at a time, in constant memory.
//
//   Result<std::unique_ptr<TmxWriter>> writer = TmxWriter::Create("out.tmx");
//   if (!writer.ok()) return writer.status();
//   ONOMA_RETURN_IF_ERROR((*writer)->WriteHeader(header));
//   for (...) ONOMA_RETURN_IF_ERROR((*writer)->WriteUnit(unit));
//   ONOMA_RETURN_IF_ERROR((*writer)->Finish());  // out.tmx appears now
//
// What comes out is well-formed UTF-8 and valid against TMX 1.4b's DTD
// (../shared/corpora/spec/tmx14.dtd) for anything read by TmxReader
// without a warning about an unknown inline element:
//   - <tmx version="1.4"> (the DTD fixes it), whatever version was read;
//   - the header's required attributes a source lacked are filled in
//     (FillRequiredHeader);
//   - every language attribute is written as xml:lang;
//   - dates are in TMX form, YYYYMMDDThhmmssZ (the reader normalised them);
//   - attributes TMX does not define (kept in `extra`) travel as a
//     processing instruction <?onoma-attrs name="value" ...?>, the first
//     child of their element (after a <map/>, which must stay empty),
//     which the DTD allows anywhere and TmxReader folds back, so that
//     nothing is lost and the file still validates;
//   - segment markup is written as stored: canonical already.
//
// Create() writes through an AtomicFile (lib/util/atomic_file.h): a
// temporary file beside the target that Finish() renames into place, so
// that a failed or interrupted export never leaves a half-written file
// under the target's name, and no temporary once the writer is gone (nor,
// in the onoma command, after SIGINT, SIGTERM or SIGHUP). "-" writes to
// standard output instead.
//
// Ownership: the writer owns its file. Not thread-safe.

#ifndef ONOMA_MEMORY_FORMATS_TMX_WRITER_H_
#define ONOMA_MEMORY_FORMATS_TMX_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "lib/util/status.h"
#include "memory/formats/tmx_model.h"

namespace onoma {
class AtomicFile;
}  // namespace onoma

namespace onoma::formats {

// Values for the header attributes TMX requires, where a source had none.
struct TmxHeaderDefaults {
  std::string creationtool = "onoma";
  std::string creationtoolversion = "0";
  std::string segtype = "sentence";
  std::string o_tmf = "onoma";
  std::string adminlang = "en";
  std::string srclang = "*all*";
  std::string datatype = "unknown";  // the value TMX 1.4b defines for it
};

// Sets each required header attribute that `header` lacks (or has with a
// value the DTD refuses, for segtype) from `defaults`. Returns the names
// of those it set, space-separated ("" when none).
std::string FillRequiredHeader(TmxHeader& header,
                               const TmxHeaderDefaults& defaults);

class TmxWriter {
 public:
  // Opens a temporary file in the directory of `path` ("-": standard
  // output). Failure: kIo naming the file and the reason.
  [[nodiscard]] static Result<std::unique_ptr<TmxWriter>> Create(
      const std::filesystem::path& path);
  // Writes into `out` instead of a file, for tests. REQUIRES: `out`
  // outlives the writer.
  static std::unique_ptr<TmxWriter> ToString(std::string* out);

  TmxWriter(const TmxWriter&) = delete;
  TmxWriter& operator=(const TmxWriter&) = delete;
  // Removes the temporary file unless Finish() succeeded.
  ~TmxWriter();

  // The XML declaration, <tmx> and <header>. REQUIRES: `header` has the
  // required attributes (FillRequiredHeader). Called once, first.
  [[nodiscard]] Status WriteHeader(const TmxHeader& header);
  // One <tu>. REQUIRES: at least one variant, each with a language.
  // kBadInput, with nothing written, for a unit holding a character XML
  // 1.0 cannot carry (a control character, U+FFFE/U+FFFF).
  [[nodiscard]] Status WriteUnit(const TmxUnit& unit);
  // Closes <body> and <tmx>, flushes, syncs, and renames the file into
  // place (AtomicFile::Commit). kIo on failure, the temporary removed.
  [[nodiscard]] Status Finish();

  std::uint64_t units_written() const { return units_; }

 private:
  TmxWriter() = default;
  Status Flush();
  void WriteAttributes(TmxOwner owner, const TmxAttributes& attrs);
  void WriteMeta(const TmxMeta& meta, const char* indent);
  void WriteExtra(const std::string& extra);

  std::string buffer_;
  std::string* string_out_ = nullptr;
  std::FILE* file_ = nullptr;  // stdout or the AtomicFile's stream
  std::unique_ptr<AtomicFile> atomic_;
  bool to_stdout_ = false;
  std::filesystem::path path_;
  std::uint64_t units_ = 0;
};

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_TMX_WRITER_H_
