// Term files: reading glossaries and termbases into the term store and
// writing the store out again. The front door of the term formats in
// memory/formats/.
//
//   #include "memory/formats/term_files.h"
//   namespace formats = onoma::formats;
//
//   onoma::terms::TermStore store(db);
//   // Format from the extension: .tbx, .tsv, .csv (.txt, .utf8: OmegaT).
//   auto stats = store.Import([&](onoma::terms::TermSink& sink) {
//     return formats::ReadTermFile("news.tsv", {}, sink);
//   });
//   if (!stats.ok()) return stats.status();   // "news.tsv:12:9: unknown
//                                             //  status 'prefered'"
//   ONOMA_RETURN_IF_ERROR(formats::WriteTermFile("out.tbx", store));
//
// Formats (docs/terms.md describes each column and element):
//   .tsv, .csv  onoma's glossary: header `concept type lang form status
//               term_type note source` (any order; concept, lang and form
//               required; optional `inflection`), one term per line, `#`
//               comments; a line with lang `*` and status `negative` holds
//               a negative context. A tab-separated file whose first line
//               is not such a header is read as an OmegaT glossary
//               (source term, target term, comment).
//   .txt, .utf8 OmegaT glossary.
//   .tbx        TBX-Basic, ISO 30042: the 2019 serialization (tbx /
//               conceptEntry / langSec / termSec) and the 2008 one (martif
//               / termEntry / langSet / tig) are read; 2019 is written.
//
// Reading checks everything and reports the first fault as kBadInput with
// the file, line and column; inside TermStore::Import that leaves the store
// unchanged. Writing goes through an AtomicFile (lib/util/atomic_file.h),
// a temporary file renamed over `path` at the end, so a failed or killed
// export leaves any earlier file whole and no temporary. kIo when a file
// cannot be opened, read or written ("out.tsv: cannot write the output:
// No space left on device").
//
// Thread safety: the functions keep no state; the store and sink passed in
// are used from the calling thread only.

#ifndef ONOMA_MEMORY_FORMATS_TERM_FILES_H_
#define ONOMA_MEMORY_FORMATS_TERM_FILES_H_

#include <string>
#include <string_view>

#include "lib/util/status.h"
#include "memory/terms/term_store.h"

namespace onoma::formats {

enum class TermFormat { kTsv, kCsv, kOmegaT, kTbx };

struct ReadOptions {
  // Languages of an OmegaT glossary's two columns, which the format does
  // not record. Default: en to uk.
  std::string source_lang = "en";
  std::string target_lang = "uk";
};

// The format `path`'s extension names; kBadArgument for another extension.
[[nodiscard]] Result<TermFormat> FormatOf(std::string_view path);

// Reads `path` in the format its extension names into `sink`.
[[nodiscard]] Status ReadTermFile(const std::string& path,
                                  const ReadOptions& options,
                                  terms::TermSink& sink);

// Writes every concept of `store` to `path`, in the format its extension
// names (OmegaT is read only: kBadArgument).
[[nodiscard]] Status WriteTermFile(const std::string& path,
                                   terms::TermStore& store);

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_TERM_FILES_H_
