// docs/architecture.md: never a half-written database. Runs `onoma tm import`
// on a large generated file, kills it with SIGKILL once it has read part of the
// file (its read offset, from /proc, says how far it got), and checks that the
// database reopens exactly as it was before the import began. On a SQLite
// file, and on a new PostgreSQL database in the onoma_tm_cli_test_pg run
// (the server rolls the dead import's transaction back).

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/store/connection.h"
#include "memory/store/open.h"
#include "tests/support/pg_server.h"

namespace onoma {
namespace {

namespace fs = std::filesystem;

void WriteBigTmx(const fs::path& path, int units) {
  std::ofstream out(path, std::ios::binary);
  out << "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header "
         "srclang=\"en\"/><body>\n";
  std::string buffer;
  for (int i = 0; i < units; ++i) {
    buffer += "<tu tuid=\"" + std::to_string(i) +
              "\"><tuv xml:lang=\"en\"><seg>The council met on Monday in "
              "Kyiv, unit " +
              std::to_string(i) +
              ".</seg></tuv><tuv xml:lang=\"uk\"><seg>Рада зібралася в "
              "понеділок у Києві, одиниця " +
              std::to_string(i) + ".</seg></tuv></tu>\n";
    if (buffer.size() > (1 << 20)) {
      out << buffer;
      buffer.clear();
    }
  }
  out << buffer << "</body></tmx>\n";
}

// Every row of the memory, in order (and SQLite's own check of the file).
std::string Dump(const std::string& location) {
  auto db = store::Open(location);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  if (!db.ok()) return "";
  std::vector<const char*> queries = {
      "SELECT * FROM tm_source ORDER BY id",
      "SELECT * FROM tm_unit ORDER BY id",
      "SELECT * FROM tm_variant ORDER BY id",
      "SELECT * FROM tm_meta ORDER BY unit_id, variant_seq, seq"};
  if ((*db)->engine() == store::Engine::kSqlite) {
    queries.insert(queries.begin(), "PRAGMA integrity_check");
  }
  std::string out;
  for (const char* sql : queries) {
    auto query = (*db)->Prepare(sql, "dump");
    EXPECT_TRUE(query.ok()) << query.status().ToString();
    if (!query.ok()) continue;
    for (;;) {
      auto row = (*query)->Step();
      if (!row.ok() || !*row) break;
      for (int c = 0; c < (*query)->ColumnCount(); ++c) {
        out += (*query)->ColumnText(c) + "|";
      }
      out += "\n";
    }
  }
  return out;
}

int RunToEnd(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const std::string& a : args)
      argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::freopen("/dev/null", "w", stdout);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// How far the process has read `file`: the offset of its descriptor for
// it, from /proc/PID/fdinfo; -1 when it has none open.
long long ReadOffset(pid_t pid, const fs::path& file) {
  std::error_code ec;
  const fs::path fds = "/proc/" + std::to_string(pid) + "/fd";
  for (const auto& entry : fs::directory_iterator(fds, ec)) {
    std::error_code link_ec;
    fs::path target = fs::read_symlink(entry.path(), link_ec);
    if (link_ec || target != file) continue;
    std::ifstream info("/proc/" + std::to_string(pid) + "/fdinfo/" +
                       entry.path().filename().string());
    std::string key;
    long long pos = -1;
    while (info >> key) {
      if (key == "pos:") {
        info >> pos;
        return pos;
      }
    }
  }
  return -1;
}

TEST(TmKillTest, KillingAnImportLeavesTheDatabaseAsItWas) {
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("onoma_kill_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string db = (dir / "tm.db").string();
  std::optional<testing::PgTestDatabase> pg;
  if (testing::TestOnPostgres()) {
    auto made = testing::PgTestDatabase::Make();
    if (!made.ok()) ONOMA_SKIP_WITHOUT_PG(made.status());
    pg.emplace(std::move(*made));
    db = pg->uri();
  }
  const fs::path big = fs::canonical(dir) / "big.tmx";
  // Fewer on a server, where the import that ends the test takes longer.
  const int units = pg ? 40000 : 200000;
  WriteBigTmx(big, units);
  const long long size = static_cast<long long>(fs::file_size(big));

  // Something in the database first.
  ASSERT_EQ(RunToEnd({ONOMA_CLI_PATH, "--db", db, "tm", "add", "--from", "en",
                      "--to", "uk", "Kyiv", "Київ"}),
            0);
  const std::string before = Dump(db);
  ASSERT_NE(before.find("Київ"), std::string::npos);

  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    execl(ONOMA_CLI_PATH, ONOMA_CLI_PATH, "--db", db.c_str(), "tm", "import",
          big.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until it has read a third of the file: by then it has stored
  // tens of thousands of units in its open transaction.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::minutes(5);
  long long offset = -1;
  int status = 0;
  bool exited = false;
  while (std::chrono::steady_clock::now() < deadline) {
    offset = ReadOffset(pid, big);
    if (offset > size / 3) break;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_FALSE(exited) << "the import ended before it could be killed";
  ASSERT_GT(offset, size / 3) << "the import never got going";
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGKILL);

  // The write-ahead log may hold the dead import's frames; none of them
  // was committed.
  EXPECT_EQ(Dump(db), before);

  // And the database works: the same import, run to its end, succeeds.
  ASSERT_EQ(
      RunToEnd({ONOMA_CLI_PATH, "--db", db, "tm", "import", big.string()}), 0);
  auto opened = store::Open(db);
  ASSERT_TRUE(opened.ok());
  auto count = (*opened)->Prepare("SELECT count(*) FROM tm_unit", "count");
  ASSERT_TRUE(count.ok());
  ASSERT_TRUE((*count)->Step().ok());
  EXPECT_EQ((*count)->ColumnInt64(0), units + 1);
  count->reset();
  opened->reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace onoma
