// The schema migrations compiled into the binary: every
// memory/schema/NNNN_name.sql, in file name order. The definition is
// generated at build time (memory/CMakeLists.txt, tools/embed_files.cc).

#ifndef ONOMA_MEMORY_SQLITE_MIGRATIONS_INTERNAL_H_
#define ONOMA_MEMORY_SQLITE_MIGRATIONS_INTERNAL_H_

#include <span>

#include "lib/util/embedded_file.h"

namespace onoma::sqlite::internal {

// The spans and strings point into static storage and live for the whole
// program; safe to call from any thread.
std::span<const ::onoma::EmbeddedFile> Migrations();

}  // namespace onoma::sqlite::internal

#endif  // ONOMA_MEMORY_SQLITE_MIGRATIONS_INTERNAL_H_
