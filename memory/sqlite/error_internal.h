// Helpers shared by the files of memory/sqlite/: how a SQLite failure becomes
// an onoma::Status. Not part of the component's interface.

#ifndef ONOMA_MEMORY_SQLITE_ERROR_INTERNAL_H_
#define ONOMA_MEMORY_SQLITE_ERROR_INTERNAL_H_

#include <string_view>

#include "lib/util/status.h"

struct sqlite3;

namespace onoma::sqlite::internal {

// Returns a kDatabase Status "cannot <doing>: <sqlite3_errmsg(db)>". `rc` is
// the code the failed call returned; when it says the database was busy or
// locked, a hint follows, because "database is locked" alone does not tell a
// user that another program is the cause and that trying again may work.
// REQUIRES: rc is an error code, not SQLITE_OK, SQLITE_ROW or SQLITE_DONE.
// `db` may be null (sqlite3_open_v2 could not even allocate a handle).
Status ErrorFrom(sqlite3* db, int rc, std::string_view doing);

}  // namespace onoma::sqlite::internal

#endif  // ONOMA_MEMORY_SQLITE_ERROR_INTERNAL_H_
