// A throwaway PostgreSQL 15 cluster for the tests that run against the
// PostgreSQL engine (docs/shared-store.md, "Tests").
//
//   auto uri = onoma::testing::PgTestDatabase::Make();   // a fresh database
//   if (!uri.ok()) ONOMA_SKIP_WITHOUT_PG(uri.status());  // skip, or fail in CI
//   auto db = onoma::store::Open(uri->uri());
//
// The cluster: initdb --locale=C.UTF-8 -E UTF8 into a temporary directory
// (as the postgres user when the tests run as root), started by pg_ctl on
// a unix socket in that directory and nowhere else (listen_addresses=''),
// with fsync off: it holds nothing worth keeping. Stopped and removed at the
// end. Under ctest one cluster serves the whole run: the fixture test
// onoma_pg_start (tests/support/pg_cluster_main.cc) starts it and writes its
// location to the file $ONOMA_TEST_PG_FILE, onoma_pg_stop removes it. A
// test binary run by hand starts its own cluster once, on first use, and
// removes it when it exits.
//
// Without a server (no PostgreSQL installed, initdb failing) the tests
// skip with the reason; with CI=true in the environment they fail instead.

#ifndef ONOMA_TESTS_SUPPORT_PG_SERVER_H_
#define ONOMA_TESTS_SUPPORT_PG_SERVER_H_

#include <string>

#include "lib/util/status.h"

namespace onoma::testing {

// A running cluster's socket directory and superuser.
struct PgCluster {
  std::string dir;   // temporary directory: data/, the socket, the log
  std::string user;  // the superuser to connect as
  // A URI for database `name` on the cluster.
  std::string Uri(const std::string& name) const;
};

// Starts a cluster in a new temporary directory. Failure: the reason, with
// the end of the server's log.
[[nodiscard]] Result<PgCluster> StartPgCluster();
// Stops the cluster and removes its directory.
void StopPgCluster(const PgCluster& cluster);

// The cluster of this test run: the ctest fixture's, or one started for
// this process. The same failure each time when none can be had.
[[nodiscard]] Result<PgCluster> TestCluster();

// One empty database on the test cluster, dropped when this goes.
class PgTestDatabase {
 public:
  [[nodiscard]] static Result<PgTestDatabase> Make();
  PgTestDatabase(PgTestDatabase&& other) noexcept;
  PgTestDatabase& operator=(PgTestDatabase&&) = delete;
  ~PgTestDatabase();

  // postgresql:///NAME?host=DIR&user=USER
  const std::string& uri() const { return uri_; }
  const std::string& name() const { return name_; }
  // Runs a fixed SQL script on the database as the superuser.
  [[nodiscard]] Status Exec(const std::string& sql) const;

 private:
  PgTestDatabase(PgCluster cluster, std::string name);
  PgCluster cluster_;
  std::string name_;
  std::string uri_;
};

// Runs `sql` on database `name` of `cluster` as the superuser.
[[nodiscard]] Status PgExec(const PgCluster& cluster, const std::string& name,
                            const std::string& sql);

// Whether this run of a test binary is the PostgreSQL one:
// $ONOMA_TEST_ENGINE is "postgresql" (for a run by hand), or
// $ONOMA_TEST_PG_FILE is set (ctest's NAME_pg.* tests, which
// onoma_add_test(... POSTGRES) registers).
bool TestOnPostgres();

// Whether a missing server fails the tests rather than skipping them:
// $CI is "true".
bool PgRequired();

}  // namespace onoma::testing

// In a test or SetUp, after a failed Make(): skips the test with the reason,
// or fails it when PgRequired().
#define ONOMA_SKIP_WITHOUT_PG(status)                                       \
  do {                                                                      \
    if (::onoma::testing::PgRequired()) {                                   \
      FAIL() << "no PostgreSQL for the tests (CI=true): "                   \
             << (status).ToString();                                        \
    }                                                                       \
    GTEST_SKIP() << "no PostgreSQL for the tests: " << (status).ToString(); \
  } while (false)

#endif  // ONOMA_TESTS_SUPPORT_PG_SERVER_H_
