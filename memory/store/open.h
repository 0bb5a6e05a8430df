// Opening a store by its location: a SQLite file's path, or a PostgreSQL
// URI (memory/store/connection.h says what the two share).

#ifndef ONOMA_MEMORY_STORE_OPEN_H_
#define ONOMA_MEMORY_STORE_OPEN_H_

#include <chrono>
#include <functional>
#include <memory>
#include <string_view>

#include "lib/util/status.h"
#include "memory/store/connection.h"

namespace onoma::store {

struct OpenOptions {
  // Writes refused, no migrations. Default: false.
  bool read_only = false;
  // SQLite: create the file when it is not there (PostgreSQL: the database
  // must exist; its tables are made). Default: true.
  bool create = true;
  // Bring the schema up to date. Default: true.
  bool migrate = true;
  // How long to wait for another writer. Default: 30 s.
  std::chrono::milliseconds busy_timeout{30000};
  // SQLite: called once after about a second of waiting. May be empty.
  std::function<void()> on_busy_wait;
};

// A postgresql:// or postgres:// URI opens PostgreSQL (memory/postgres/),
// anything else the SQLite file at that path (memory/sqlite/). Failure:
// kDatabase naming the location and the reason.
[[nodiscard]] Result<std::unique_ptr<Connection>> Open(
    std::string_view location, const OpenOptions& options = {});

}  // namespace onoma::store

#endif  // ONOMA_MEMORY_STORE_OPEN_H_
