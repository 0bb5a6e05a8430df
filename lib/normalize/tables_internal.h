// The tables of tables/normalize/, compiled in by lib/CMakeLists.txt
// (onoma_embed_files). For .cc files of lib/normalize/ only.

#ifndef ONOMA_LIB_NORMALIZE_TABLES_INTERNAL_H_
#define ONOMA_LIB_NORMALIZE_TABLES_INTERNAL_H_

#include <span>
#include <string>
#include <string_view>

#include "lib/util/embedded_file.h"
#include "lib/util/status.h"

namespace onoma::normalize::internal {

// uk-declension.txt, ko-particles.txt, former-cues.txt; static storage.
std::span<const EmbeddedFile> NormalizeTables();

// The built-in table `name` parsed once with T::Parse(contents, path) and
// kept for the life of the program. REQUIRES: one table name per T (the
// result is cached per type). Thread-safe (a function-local static).
template <typename T>
Result<const T*> ParsedBuiltin(std::string_view name) {
  static const Result<T>* const table = [name] {
    std::string path = "tables/normalize/" + std::string(name);
    for (const EmbeddedFile& file : NormalizeTables()) {
      if (file.name == name)
        return new Result<T>(T::Parse(file.contents, path));
    }
    return new Result<T>(
        Status::Internal(std::string(name) + " is not compiled in"));
  }();
  if (!table->ok()) return table->status();
  return &table->value();
}

}  // namespace onoma::normalize::internal

#endif  // ONOMA_LIB_NORMALIZE_TABLES_INTERNAL_H_
