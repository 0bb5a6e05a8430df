#include "memory/sqlite/error_internal.h"

#include <sqlite3.h>

#include <string>

namespace onoma::sqlite::internal {

Status ErrorFrom(sqlite3* db, int rc, std::string_view doing) {
  std::string message = "cannot ";
  message += doing;
  message += ": ";
  // sqlite3_errmsg(nullptr) says "out of memory", which is the only way
  // sqlite3_open_v2 fails to return a handle; sqlite3_errstr covers a code
  // that did not come from the handle.
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    message +=
        " (another connection is using it and did not finish within the "
        "busy timeout; try again when it is done)";
  }
  return Status::Database(std::move(message));
}

}  // namespace onoma::sqlite::internal
