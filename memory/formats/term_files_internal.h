// The delimited glossaries (TSV, CSV, OmegaT) and TBX, behind
// term_files.h; not for use elsewhere.

#ifndef ONOMA_MEMORY_FORMATS_TERM_FILES_INTERNAL_H_
#define ONOMA_MEMORY_FORMATS_TERM_FILES_INTERNAL_H_

#include <ostream>
#include <string>

#include "lib/util/status.h"
#include "memory/formats/term_files.h"
#include "memory/terms/term_store.h"

namespace onoma::formats::internal {

// `delimiter` is '\t' or ','. A tab-separated file without onoma's header
// is read as OmegaT when `omegat_fallback`, else rejected.
Status ReadDelimited(const std::string& path, char delimiter,
                     bool omegat_fallback, const ReadOptions& options,
                     terms::TermSink& sink);
Status WriteDelimited(std::ostream& out, char delimiter,
                      terms::TermStore& store);

Status ReadTbx(const std::string& path, terms::TermSink& sink);
Status WriteTbx(std::ostream& out, terms::TermStore& store);

}  // namespace onoma::formats::internal

#endif  // ONOMA_MEMORY_FORMATS_TERM_FILES_INTERNAL_H_
