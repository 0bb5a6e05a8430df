// A file compiled into the binary at build time by tools/embed_files.cc:
// scheme tables, schema migrations, the bundled termbase.
//
// The generated accessor returns a span over static storage; the names and
// contents live for the whole program and are safe to read from any thread.

#ifndef ONOMA_LIB_UTIL_EMBEDDED_FILE_H_
#define ONOMA_LIB_UTIL_EMBEDDED_FILE_H_

#include <string_view>

namespace onoma {

struct EmbeddedFile {
  std::string_view name;  // file name without directory, e.g. "0001_init.sql"
  std::string_view contents;  // the bytes of the file as it was at build time
};

}  // namespace onoma

#endif  // ONOMA_LIB_UTIL_EMBEDDED_FILE_H_
