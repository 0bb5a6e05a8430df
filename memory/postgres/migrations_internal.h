// The migrations of memory/schema_postgres/, compiled in.

#ifndef ONOMA_MEMORY_POSTGRES_MIGRATIONS_INTERNAL_H_
#define ONOMA_MEMORY_POSTGRES_MIGRATIONS_INTERNAL_H_

#include <span>

#include "lib/util/embedded_file.h"

namespace onoma::postgres::internal {

std::span<const ::onoma::EmbeddedFile> Migrations();

}  // namespace onoma::postgres::internal

#endif  // ONOMA_MEMORY_POSTGRES_MIGRATIONS_INTERNAL_H_
