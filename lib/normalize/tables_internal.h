// The tables of tables/normalize/, compiled in by lib/CMakeLists.txt
// (onoma_embed_files). For .cc files of lib/normalize/ only.

#ifndef ONOMA_LIB_NORMALIZE_TABLES_INTERNAL_H_
#define ONOMA_LIB_NORMALIZE_TABLES_INTERNAL_H_

#include <span>

#include "lib/util/embedded_file.h"

namespace onoma::normalize::internal {

// uk-declension.txt, ko-particles.txt, former-cues.txt; static storage.
std::span<const EmbeddedFile> NormalizeTables();

}  // namespace onoma::normalize::internal

#endif  // ONOMA_LIB_NORMALIZE_TABLES_INTERNAL_H_
