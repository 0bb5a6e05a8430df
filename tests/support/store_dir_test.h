// A TempDirTest with a store: a SQLite file in the test's directory, or in
// a test binary's PostgreSQL run (ctest's NAME_pg.*, as
// tests/support/pg_server.h describes) a new PostgreSQL database. `db_` is
// what --db is given.

#ifndef ONOMA_TESTS_SUPPORT_STORE_DIR_TEST_H_
#define ONOMA_TESTS_SUPPORT_STORE_DIR_TEST_H_

#include <optional>
#include <string>
#include <utility>

#include "tests/support/pg_server.h"
#include "tests/support/temp_dir_test.h"

namespace onoma::testing {

class StoreDirTest : public TempDirTest {
 protected:
  // For the fixture's SetUp: makes the directory, then the store (`name`
  // in the directory on SQLite). False when the test was skipped (no
  // PostgreSQL) or failed: SetUp returns then.
  bool SetUpStore(const std::string& name) {
    TempDirTest::SetUp();
    db_ = Path(name);
    if (TestOnPostgres()) UsePostgres();
    return !IsSkipped() && !HasFatalFailure();
  }

  std::string db_;
  std::optional<PgTestDatabase> pg_;  // set in the PostgreSQL run

 private:
  void UsePostgres() {
    auto pg = PgTestDatabase::Make();
    if (!pg.ok()) ONOMA_SKIP_WITHOUT_PG(pg.status());
    pg_.emplace(std::move(*pg));
    db_ = pg_->uri();
  }
};

}  // namespace onoma::testing

#endif  // ONOMA_TESTS_SUPPORT_STORE_DIR_TEST_H_
