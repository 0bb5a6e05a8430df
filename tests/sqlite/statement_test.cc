// Tests of memory/sqlite/statement.h: binding and reading every type, text
// in Korean and Ukrainian, blobs with NULs, SQL-looking text kept verbatim,
// and errors that name the statement's purpose.

#include "memory/sqlite/statement.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "memory/sqlite/database.h"
#include "tests/sqlite/sqlite_test_util.h"

namespace onoma::sqlite {
namespace {

using ::onoma::sqlite::testing::QueryInt;
using ::onoma::sqlite::testing::QueryText;

class StatementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Database> db = Database::Open(":memory:");
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_.emplace(std::move(*db));
    ONOMA_ASSERT_OK(db_->Exec("CREATE TABLE v (id INTEGER PRIMARY KEY, x)"));
  }

  // Stores whatever `bind` binds as ?1 in a fresh row, then reads it back
  // with `typeof`, so each test sees both the value and SQLite's type.
  template <typename BindFn>
  Result<Statement> StoreAndSelect(BindFn bind) {
    Result<Statement> insert =
        db_->Prepare("INSERT INTO v (x) VALUES (?1)", "store value");
    if (!insert.ok()) return insert.status();
    Status bound = bind(*insert);
    if (!bound.ok()) return bound;
    Status ran = insert->Run();
    if (!ran.ok()) return ran;
    Result<Statement> select = db_->Prepare(
        "SELECT x, typeof(x), length(x) FROM v WHERE id = ?1", "read value");
    if (!select.ok()) return select.status();
    ONOMA_RETURN_IF_ERROR(select->Bind(1, db_->LastInsertRowId()));
    Result<bool> row = select->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Internal("stored row not found");
    return select;
  }

  std::optional<Database> db_;
};

TEST_F(StatementTest, Int64RoundTrips) {
  const std::int64_t cases[] = {0,
                                1,
                                -1,
                                1'000'000'007,
                                std::numeric_limits<std::int64_t>::min(),
                                std::numeric_limits<std::int64_t>::max()};
  for (std::int64_t value : cases) {
    Result<Statement> row =
        StoreAndSelect([&](Statement& s) { return s.BindInt64(1, value); });
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    EXPECT_EQ(row->ColumnInt64(0), value);
    EXPECT_EQ(row->ColumnText(1), "integer") << value;
    EXPECT_FALSE(row->ColumnIsNull(0));
  }
}

TEST_F(StatementTest, DoubleRoundTrips) {
  const double cases[] = {0.0, -2.5, 3.141592653589793, 1e300,
                          std::numeric_limits<double>::denorm_min()};
  for (double value : cases) {
    Result<Statement> row =
        StoreAndSelect([&](Statement& s) { return s.BindDouble(1, value); });
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    EXPECT_EQ(row->ColumnDouble(0), value);
    EXPECT_EQ(row->ColumnText(1), "real") << value;
  }
}

TEST_F(StatementTest, TextRoundTripsInEveryScript) {
  struct Case {
    std::string_view text;
    std::int64_t characters;  // what SQL length() counts: code points
  };
  const Case cases[] = {
      {"", 0},
      {"Kyiv", 4},
      {"서울특별시 종로구", 9},
      {"Київ, Україна — ґанок, їжак, є", 30},
      {"Дніпро́", 7},  // with a combining acute accent (U+0301)
      {"김정은 위원장, Зеленський and Yoon", 28},
      {"emoji 🇺🇦", 8},  // two regional indicators, outside the BMP
  };
  for (const Case& c : cases) {
    Result<Statement> row =
        StoreAndSelect([&](Statement& s) { return s.BindText(1, c.text); });
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    EXPECT_EQ(row->ColumnText(0), c.text);
    EXPECT_EQ(row->ColumnTextView(0), c.text);
    EXPECT_EQ(row->ColumnText(1), "text") << c.text;  // "" is TEXT, not NULL
    EXPECT_EQ(row->ColumnInt64(2), c.characters) << c.text;
  }
}

TEST_F(StatementTest, BoundTextNeedNotOutliveTheCall) {
  Result<Statement> row = StoreAndSelect([](Statement& s) {
    std::string temporary = "Харків";
    Status status = s.BindText(1, temporary);
    temporary.assign(temporary.size(), '?');  // SQLite kept its own copy
    return status;
  });
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(row->ColumnText(0), "Харків");
}

TEST_F(StatementTest, BlobRoundTripsWithEmbeddedNuls) {
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
  const std::string cases[] = {
      std::string("\0", 1),
      std::string("a\0b\0\0c", 6),
      every_byte,
      std::string(),
  };
  for (const std::string& bytes : cases) {
    Result<Statement> row =
        StoreAndSelect([&](Statement& s) { return s.BindBlob(1, bytes); });
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    EXPECT_EQ(row->ColumnBlob(0), bytes);
    EXPECT_EQ(row->ColumnText(1), "blob");  // an empty blob is not NULL
    EXPECT_EQ(row->ColumnInt64(2), static_cast<std::int64_t>(bytes.size()));
  }
}

TEST_F(StatementTest, NullAndOptionalBindNull) {
  Result<Statement> row =
      StoreAndSelect([](Statement& s) { return s.BindNull(1); });
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_TRUE(row->ColumnIsNull(0));
  EXPECT_EQ(row->ColumnText(1), "null");
  EXPECT_EQ(row->ColumnText(0), "");
  EXPECT_EQ(row->ColumnBlob(0), "");
  EXPECT_EQ(row->ColumnInt64(0), 0);

  row = StoreAndSelect(
      [](Statement& s) { return s.Bind(1, std::optional<std::int64_t>()); });
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_TRUE(row->ColumnIsNull(0));

  row = StoreAndSelect([](Statement& s) { return s.Bind(1, std::nullopt); });
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_TRUE(row->ColumnIsNull(0));
}

TEST_F(StatementTest, GenericBindPicksTheType) {
  struct Case {
    const char* name;
    std::function<Status(Statement&)> bind;
    std::string_view type;
    std::string_view text;
  };
  const Case cases[] = {
      {"int", [](Statement& s) { return s.Bind(1, 7); }, "integer", "7"},
      {"bool", [](Statement& s) { return s.Bind(1, true); }, "integer", "1"},
      {"uint32",
       [](Statement& s) { return s.Bind(1, std::uint32_t{4'000'000'000}); },
       "integer", "4000000000"},
      {"double", [](Statement& s) { return s.Bind(1, 0.5); }, "real", "0.5"},
      {"literal", [](Statement& s) { return s.Bind(1, "Сеул"); }, "text",
       "Сеул"},
      {"string", [](Statement& s) { return s.Bind(1, std::string("부산")); },
       "text", "부산"},
      {"optional text",
       [](Statement& s) {
         return s.Bind(1, std::optional<std::string>("Одеса"));
       },
       "text", "Одеса"},
      {"optional int",
       [](Statement& s) { return s.Bind(1, std::optional<int>(3)); }, "integer",
       "3"},
  };
  for (const Case& c : cases) {
    Result<Statement> row = StoreAndSelect(c.bind);
    ASSERT_TRUE(row.ok()) << c.name << ": " << row.status().ToString();
    EXPECT_EQ(row->ColumnText(1), c.type) << c.name;
    EXPECT_EQ(row->ColumnText(0), c.text) << c.name;
  }
}

TEST_F(StatementTest, UnsignedTooLargeForSqliteIsRefused) {
  Result<Statement> insert =
      db_->Prepare("INSERT INTO v (x) VALUES (?1)", "store value");
  ASSERT_TRUE(insert.ok());
  Status status = insert->Bind(1, std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(status.code(), StatusCode::kBadArgument);
  ONOMA_EXPECT_OK(insert->Bind(
      1, static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())));
}

TEST_F(StatementTest, SqlLookingTextIsStoredVerbatim) {
  const std::string_view hostile[] = {
      "'; DROP TABLE meta; --",
      "Robert'); DELETE FROM meta WHERE ('1' = '1",
      "\" OR 1=1 --",
      "?1 ?2 :name @x $y",
  };
  for (std::string_view text : hostile) {
    Result<Statement> insert = db_->Prepare(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)", "add note");
    ASSERT_TRUE(insert.ok()) << insert.status().ToString();
    ONOMA_ASSERT_OK(insert->Bind(1, text));
    ONOMA_ASSERT_OK(insert->Bind(2, text));
    ONOMA_ASSERT_OK(insert->Run());

    Result<Statement> select =
        db_->Prepare("SELECT value FROM meta WHERE key = ?1", "read note");
    ASSERT_TRUE(select.ok());
    ONOMA_ASSERT_OK(select->Bind(1, text));
    Result<bool> row = select->Step();
    ASSERT_TRUE(row.ok() && *row) << text;
    EXPECT_EQ(select->ColumnText(0), text);
  }
  EXPECT_TRUE(testing::HasTable(*db_, "meta"));
  // created_by and created_at survive beside the four notes.
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM meta"), 6);
  EXPECT_EQ(QueryText(*db_, "SELECT value FROM meta WHERE key = 'created_by'"),
            "onoma");
}

TEST_F(StatementTest, StepWalksRowsThenReportsDone) {
  ONOMA_ASSERT_OK(db_->Exec("INSERT INTO v (x) VALUES (10), (20), (30)"));
  Result<Statement> select =
      db_->Prepare("SELECT x FROM v WHERE x > ?1 ORDER BY x", "list values");
  ASSERT_TRUE(select.ok());
  EXPECT_EQ(select->ColumnCount(), 1);
  ONOMA_ASSERT_OK(select->Bind(1, 15));
  std::vector<std::int64_t> seen;
  for (;;) {
    Result<bool> row = select->Step();
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    if (!*row) break;
    seen.push_back(select->ColumnInt64(0));
  }
  EXPECT_EQ(seen, (std::vector<std::int64_t>{20, 30}));

  // Reset keeps the binding and starts again.
  select->Reset();
  Result<bool> row = select->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(select->ColumnInt64(0), 20);

  // ClearBindings makes ?1 NULL, and nothing is greater than NULL.
  select->Reset();
  select->ClearBindings();
  row = select->Step();
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(*row);
}

TEST_F(StatementTest, BindOutOfRangeNamesPurposeAndIndex) {
  Result<Statement> insert =
      db_->Prepare("INSERT INTO v (x) VALUES (?1)", "store value");
  ASSERT_TRUE(insert.ok());
  Status status = insert->BindText(2, "extra");
  EXPECT_EQ(status.code(), StatusCode::kDatabase);
  EXPECT_EQ(status.message(),
            "cannot store value (binding parameter 2): column index out of "
            "range");
}

TEST_F(StatementTest, StepErrorNamesPurpose) {
  Result<Statement> insert = db_->Prepare(
      "INSERT INTO meta (key, value) VALUES ('created_by', ?1)", "add note");
  ASSERT_TRUE(insert.ok());
  ONOMA_ASSERT_OK(insert->Bind(1, "someone"));
  Result<bool> row = insert->Step();
  ASSERT_FALSE(row.ok());
  EXPECT_EQ(row.status().code(), StatusCode::kDatabase);
  EXPECT_EQ(row.status().message(),
            "cannot add note: UNIQUE constraint failed: meta.key");
  EXPECT_EQ(insert->purpose(), "add note");
}

TEST_F(StatementTest, MovedStatementStillWorks) {
  Result<Statement> prepared = db_->Prepare("SELECT ?1", "echo");
  ASSERT_TRUE(prepared.ok());
  Statement statement = std::move(*prepared);
  Statement moved = std::move(statement);
  ONOMA_ASSERT_OK(moved.Bind(1, "Львів"));
  Result<bool> row = moved.Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(moved.ColumnText(0), "Львів");

  Result<Statement> other = db_->Prepare("SELECT 2", "two");
  ASSERT_TRUE(other.ok());
  moved = std::move(*other);  // finalizes the first
  row = moved.Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(moved.ColumnInt64(0), 2);
}

}  // namespace
}  // namespace onoma::sqlite
