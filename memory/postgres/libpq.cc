#include <dlfcn.h>

#include <string>

#include "memory/postgres/libpq_internal.h"

namespace onoma::postgres::internal {
namespace {

// The soname of Debian's libpq5 (and of every libpq since PostgreSQL 8.2).
constexpr const char* kLibPq = "libpq.so.5";

LibPq table;

Result<const LibPq*> Load() {
  // Never closed: the functions stay valid for the life of the process.
  void* handle = ::dlopen(kLibPq, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = ::dlerror();
    return Status::Database(
        std::string("cannot connect to PostgreSQL: cannot load ") + kLibPq +
        " (install libpq5): " + (why != nullptr ? why : "unknown error"));
  }
#define ONOMA_LIBPQ_FIND(name)                                              \
  table.name = reinterpret_cast<decltype(&::name)>(::dlsym(handle, #name)); \
  if (table.name == nullptr) {                                              \
    return Status::Database(std::string("cannot connect to PostgreSQL: ") + \
                            kLibPq + " has no function " #name);            \
  }
  ONOMA_LIBPQ_FUNCTIONS(ONOMA_LIBPQ_FIND)
#undef ONOMA_LIBPQ_FIND
  return &table;
}

}  // namespace

Result<const LibPq*> LoadLibPq() {
  static const Result<const LibPq*> loaded = Load();
  return loaded;
}

const LibPq& Pq() { return table; }

}  // namespace onoma::postgres::internal
