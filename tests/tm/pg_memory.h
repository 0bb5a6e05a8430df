// The PostgreSQL side of the memory fixture (tests/tm/memory_fixture.h):
// a new database of the throwaway cluster in a *_pg run, nothing in the
// SQLite run. For fixtures that override OpenServer():
//
//   std::unique_ptr<store::Connection> OpenServer() override {
//     return fixture::OpenPostgresInPgRun(pg_);
//   }
//   std::optional<testing::PgTestDatabase> pg_;

#ifndef ONOMA_TESTS_TM_PG_MEMORY_H_
#define ONOMA_TESTS_TM_PG_MEMORY_H_

#include <gtest/gtest.h>

#include <memory>
#include <optional>

#include "memory/store/connection.h"
#include "memory/store/open.h"
#include "tests/support/pg_server.h"

namespace onoma::tm::fixture {

// A connection to a new PostgreSQL database, kept alive by `pg`, in the
// *_pg runs; null in the others (then the fixture takes SQLite in memory)
// and, with the test skipped or failed, where no server is to be had.
inline std::unique_ptr<store::Connection> OpenPostgresInPgRun(
    std::optional<testing::PgTestDatabase>& pg) {
  if (!testing::TestOnPostgres()) return nullptr;
  auto made = testing::PgTestDatabase::Make();
  if (!made.ok()) {
    [&] { ONOMA_SKIP_WITHOUT_PG(made.status()); }();
    return nullptr;
  }
  pg.emplace(std::move(*made));
  auto db = store::Open(pg->uri());
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(*db) : nullptr;
}

}  // namespace onoma::tm::fixture

#endif  // ONOMA_TESTS_TM_PG_MEMORY_H_
