#include "memory/store/open.h"

#include <string>
#include <utility>

#include "memory/postgres/connection.h"
#include "memory/sqlite/database.h"
#include "memory/store/sqlite_connection.h"

namespace onoma::store {

Result<std::unique_ptr<Connection>> Open(std::string_view location,
                                         const OpenOptions& options) {
  if (IsPostgresUri(location)) {
    postgres::OpenOptions pg;
    pg.read_only = options.read_only;
    pg.migrate = options.migrate;
    pg.busy_timeout = options.busy_timeout;
    return postgres::Open(location, pg);
  }
  sqlite::OpenOptions open;
  open.read_only = options.read_only;
  open.create = options.create;
  open.migrate = options.migrate;
  open.busy_timeout = options.busy_timeout;
  open.on_busy_wait = options.on_busy_wait;
  auto db = sqlite::Database::Open(std::string(location), open);
  if (!db.ok()) return db.status();
  return std::unique_ptr<Connection>(
      std::make_unique<SqliteConnection>(std::move(*db)));
}

}  // namespace onoma::store
