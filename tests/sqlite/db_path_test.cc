// Tests of memory/sqlite/db_path.h: the rules docs/cli.md gives for where the
// database lives, with an injected environment, and which directories onoma
// may create.

#include "memory/sqlite/db_path.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <string>

#include "memory/sqlite/database.h"
#include "tests/sqlite/sqlite_test_util.h"

namespace onoma::sqlite {
namespace {

using ::onoma::sqlite::testing::TempDir;

using Vars = std::map<std::string, std::string, std::less<>>;

TEST(ResolveDbPathTest, FollowsTheRulesInOrder) {
  struct Case {
    const char* why;
    std::optional<std::string> flag;
    Vars vars;
    std::string want;
  };
  const Vars all = {{"ONOMA_DB", "/env/onoma.db"},
                    {"XDG_DATA_HOME", "/xdg"},
                    {"HOME", "/home/ana"}};
  const Case cases[] = {
      {"--db wins over everything", "/flag/x.db", all, "/flag/x.db"},
      {"--db may be relative", "news.db", all, "news.db"},
      {"--db may be :memory:", ":memory:", all, ":memory:"},
      {"then ONOMA_DB", std::nullopt, all, "/env/onoma.db"},
      {"empty ONOMA_DB is unset",
       std::nullopt,
       {{"ONOMA_DB", ""}, {"XDG_DATA_HOME", "/xdg"}, {"HOME", "/home/ana"}},
       "/xdg/onoma/onoma.db"},
      {"then XDG_DATA_HOME",
       std::nullopt,
       {{"XDG_DATA_HOME", "/xdg"}, {"HOME", "/home/ana"}},
       "/xdg/onoma/onoma.db"},
      {"relative XDG_DATA_HOME is ignored",
       std::nullopt,
       {{"XDG_DATA_HOME", "xdg"}, {"HOME", "/home/ana"}},
       "/home/ana/.local/share/onoma/onoma.db"},
      {"empty XDG_DATA_HOME is unset",
       std::nullopt,
       {{"XDG_DATA_HOME", ""}, {"HOME", "/home/ana"}},
       "/home/ana/.local/share/onoma/onoma.db"},
      {"then HOME",
       std::nullopt,
       {{"HOME", "/home/олена"}},
       "/home/олена/.local/share/onoma/onoma.db"},
  };
  for (const Case& c : cases) {
    Result<std::filesystem::path> path =
        ResolveDbPath(c.flag, Env::FromMap(c.vars));
    ASSERT_TRUE(path.ok()) << c.why << ": " << path.status().ToString();
    EXPECT_EQ(path->string(), c.want) << c.why;
  }
}

TEST(ResolveDbPathTest, FailsWhenNoRuleApplies) {
  Result<std::filesystem::path> path =
      ResolveDbPath(std::nullopt, Env::FromMap({}));
  ASSERT_FALSE(path.ok());
  EXPECT_EQ(path.status().code(), StatusCode::kBadArgument);
  EXPECT_NE(path.status().message().find("--db"), std::string::npos);

  path = ResolveDbPath(std::nullopt, Env::FromMap({{"HOME", ""}}));
  EXPECT_EQ(path.status().code(), StatusCode::kBadArgument);
}

TEST(ResolveDbPathTest, EmptyFlagIsBadArgument) {
  Result<std::filesystem::path> path =
      ResolveDbPath(std::string(), Env::FromMap({{"HOME", "/home/ana"}}));
  ASSERT_FALSE(path.ok());
  EXPECT_EQ(path.status().code(), StatusCode::kBadArgument);
}

// `onoma info` reports which rule gave the path.
TEST(LocateDbTest, SaysWhichRuleGaveThePath) {
  const Vars all = {{"ONOMA_DB", "/srv/news.db"},
                    {"XDG_DATA_HOME", "/xdg"},
                    {"HOME", "/home/ana"}};
  Result<DbLocation> at = LocateDb("x.db", Env::FromMap(all));
  ONOMA_ASSERT_OK(at.status());
  EXPECT_EQ(at->source, DbPathSource::kFlag);
  at = LocateDb(std::nullopt, Env::FromMap(all));
  ONOMA_ASSERT_OK(at.status());
  EXPECT_EQ(at->source, DbPathSource::kOnomaDb);
  EXPECT_EQ(at->path, "/srv/news.db");
  at = LocateDb(std::nullopt,
                Env::FromMap({{"XDG_DATA_HOME", "/xdg"}, {"HOME", "/h"}}));
  ONOMA_ASSERT_OK(at.status());
  EXPECT_EQ(at->source, DbPathSource::kXdgDataHome);
  at = LocateDb(std::nullopt, Env::FromMap({{"HOME", "/h"}}));
  ONOMA_ASSERT_OK(at.status());
  EXPECT_EQ(at->source, DbPathSource::kHome);
}

TEST(EnvTest, ProcessReadsTheEnvironment) {
  ASSERT_EQ(setenv("ONOMA_SQLITE_TEST_VAR", "Запоріжжя", 1), 0);
  EXPECT_EQ(Env::Process().Get("ONOMA_SQLITE_TEST_VAR"), "Запоріжжя");
  ASSERT_EQ(unsetenv("ONOMA_SQLITE_TEST_VAR"), 0);
  EXPECT_EQ(Env::Process().Get("ONOMA_SQLITE_TEST_VAR"), std::nullopt);
}

TEST(EnvTest, FromMapSeesOnlyItsVariables) {
  Env env = Env::FromMap({{"HOME", "/home/ana"}, {"EMPTY", ""}});
  EXPECT_EQ(env.Get("HOME"), "/home/ana");
  EXPECT_EQ(env.Get("EMPTY"), "");
  EXPECT_EQ(env.Get("PATH"), std::nullopt);
}

TEST(PrepareDbPathTest, CreatesDirectoriesForTheXdgDefault) {
  TempDir dir;
  const std::filesystem::path xdg = dir.path() / "data";
  Result<std::filesystem::path> path = PrepareDbPath(
      std::nullopt, Env::FromMap({{"XDG_DATA_HOME", xdg.string()}}));
  ONOMA_ASSERT_OK(path.status());
  EXPECT_EQ(*path, xdg / "onoma" / "onoma.db");
  EXPECT_TRUE(std::filesystem::is_directory(xdg / "onoma"));
  // "Created on first use with the schema" (docs/cli.md).
  Result<Database> db = Database::Open(*path);
  ONOMA_EXPECT_OK(db.status());
}

TEST(PrepareDbPathTest, CreatesDirectoriesForTheHomeDefault) {
  TempDir dir;
  Result<std::filesystem::path> path = PrepareDbPath(
      std::nullopt, Env::FromMap({{"HOME", dir.path().string()}}));
  ONOMA_ASSERT_OK(path.status());
  EXPECT_EQ(*path, dir.path() / ".local/share/onoma/onoma.db");
  EXPECT_TRUE(std::filesystem::is_directory(dir.path() / ".local/share/onoma"));
}

TEST(PrepareDbPathTest, NeverCreatesDirectoriesForANamedPath) {
  TempDir dir;
  const std::filesystem::path missing = dir.path() / "nonexistent-dir";
  const std::filesystem::path named = missing / "x.db";
  const Env env = Env::FromMap({{"HOME", dir.path().string()}});

  Result<std::filesystem::path> path = PrepareDbPath(named.string(), env);
  ONOMA_ASSERT_OK(path.status());
  EXPECT_EQ(*path, named);
  EXPECT_FALSE(std::filesystem::exists(missing));

  path = PrepareDbPath(std::nullopt,
                       Env::FromMap({{"ONOMA_DB", named.string()},
                                     {"HOME", dir.path().string()}}));
  ONOMA_ASSERT_OK(path.status());
  EXPECT_FALSE(std::filesystem::exists(missing));

  // `onoma --db /nonexistent-dir/x.db tm stats` exits 4 with this message.
  Result<Database> db = Database::Open(*path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kDatabase);
  EXPECT_EQ(db.status().message(),
            "cannot open database " + named.string() +
                ": unable to open database file (directory " +
                missing.string() + " does not exist)");
  EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST(EnsureParentDirectoryTest, CreatesNestedDirectoriesOnce) {
  TempDir dir;
  const std::filesystem::path db = dir.path() / "a" / "b" / "c" / "x.db";
  ONOMA_ASSERT_OK(EnsureParentDirectory(db));
  EXPECT_TRUE(std::filesystem::is_directory(db.parent_path()));
  ONOMA_EXPECT_OK(EnsureParentDirectory(db));  // already there: fine
  ONOMA_EXPECT_OK(EnsureParentDirectory("x.db"));
  ONOMA_EXPECT_OK(EnsureParentDirectory(":memory:"));
}

TEST(EnsureParentDirectoryTest, FailsWhereAFileStandsInTheWay) {
  TempDir dir;
  const std::filesystem::path file = dir.path() / "plain-file";
  { std::ofstream(file) << "not a directory"; }
  Status status = EnsureParentDirectory(file / "onoma" / "onoma.db");
  EXPECT_EQ(status.code(), StatusCode::kIo);
  EXPECT_NE(status.message().find((file / "onoma").string()), std::string::npos)
      << status.ToString();
}

}  // namespace
}  // namespace onoma::sqlite
