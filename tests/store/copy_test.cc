// memory/store/copy.h: a copy carries every table a user's data is in, on
// both engines; what it leaves behind is derived again by the destination.

#include "memory/store/copy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "memory/store/open.h"
#include "tests/support/pg_server.h"

namespace onoma {
namespace {

bool Listed(const std::string& table) {
  auto in = [&](std::span<const std::string_view> names) {
    return std::find(names.begin(), names.end(), table) != names.end();
  };
  return table == "meta" || in(store::CopiedTables()) ||
         in(store::DerivedTables());
}

std::vector<std::string> Tables(store::Connection& db, const char* sql) {
  std::vector<std::string> tables;
  auto query = db.Prepare(sql, "list the tables");
  EXPECT_TRUE(query.ok()) << query.status().ToString();
  if (!query.ok()) return tables;
  for (;;) {
    auto row = (*query)->Step();
    EXPECT_TRUE(row.ok()) << row.status().ToString();
    if (!row.ok() || !*row) break;
    tables.push_back((*query)->ColumnText(0));
  }
  return tables;
}

TEST(StoreCopyTest, EveryTableOfSqliteIsCopiedOrDerived) {
  auto db = store::Open(":memory:");
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  // The concordance index's own tables (tm_concordance_data, ...) go with
  // it.
  std::vector<std::string> tables =
      Tables(**db,
             "SELECT name FROM sqlite_master WHERE type = 'table' AND name "
             "NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT IN "
             "(SELECT 'tm_concordance_' || suffix FROM (SELECT 'data' AS "
             "suffix UNION ALL SELECT 'idx' UNION ALL SELECT 'docsize' UNION "
             "ALL SELECT 'config' UNION ALL SELECT 'content'))");
  ASSERT_GT(tables.size(), 10u);
  for (const std::string& table : tables) {
    EXPECT_TRUE(Listed(table)) << table << " is neither copied nor derived";
  }
}

TEST(StoreCopyTest, EveryTableOfPostgresqlIsCopiedOrDerived) {
  auto pg = testing::PgTestDatabase::Make();
  if (!pg.ok()) ONOMA_SKIP_WITHOUT_PG(pg.status());
  auto db = store::Open(pg->uri());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  std::vector<std::string> tables =
      Tables(**db,
             "SELECT table_name FROM information_schema.tables WHERE "
             "table_schema = current_schema() AND table_type = 'BASE TABLE'");
  ASSERT_GT(tables.size(), 10u);
  for (const std::string& table : tables) {
    EXPECT_TRUE(Listed(table)) << table << " is neither copied nor derived";
  }
}

}  // namespace
}  // namespace onoma
