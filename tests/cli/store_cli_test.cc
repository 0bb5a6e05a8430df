// The store under hostile databases and other users, as a user meets it:
// a schema version no onoma writes (exit 4, never a crash), a database
// that cannot be written (every reading command answers; writing ones are
// exit 4), --busy-timeout, and lookups and concordances answered while
// another onoma holds the write lock or builds the indexes.
//
// Read-only databases: the tests run as root on CI, and root writes any
// file whatever its mode. So when run as root they run onoma as the user
// nobody (setpriv), for whom a file and a directory owned by root with
// modes 0644/0444 and 0755/0555 are truly read-only; as any other user,
// chmod alone does it. What the tests cover is therefore the real
// permission check (EACCES from the kernel), in both journal modes.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "memory/sqlite/database.h"
#include "memory/sqlite/migrations.h"
#include "memory/sqlite/transaction.h"
#include "tests/support/run_onoma.h"
#include "tests/support/temp_dir_test.h"

namespace onoma {
namespace {

namespace fs = std::filesystem;
using testing::Output;
using testing::RunOnoma;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class StoreCliTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    fs::create_directories(dir_ / "db");
    fs::create_directories(dir_ / "out");
    // Others (nobody, below) may enter; the output directory is theirs.
    fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read |
                              fs::perms::others_exec);
    fs::permissions(dir_ / "out", fs::perms::all);
    db_ = dir_ / "db" / "onoma.db";
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_ / "db", fs::perms::owner_all, fs::perm_options::add,
                    ec);
    TempDirTest::TearDown();
  }

  Output Onoma(const std::string& args, const std::string& input = "",
               const std::string& prefix = "") {
    return RunOnoma(prefix, "--db '" + db_.string() + "' " + args, input);
  }

  void Write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }

  // Runs SQL on the test's database, outside onoma.
  void Sql(const std::string& sql) {
    sqlite::OpenOptions options;
    options.migrate = false;
    auto db = sqlite::Database::Open(db_, options);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    Status s = db->Exec(sql);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  // A translation memory of two units, a term store with a deprecated
  // form, and the lookup index built for the first unit only.
  void Fill() {
    ASSERT_EQ(Onoma("tm add --from en --to uk 'Kyiv said on Monday' "
                    "'Київ заявив у понеділок'")
                  .exit_code,
              0);
    ASSERT_EQ(Onoma("tm index").exit_code, 0);
    ASSERT_EQ(Onoma("tm add --from en --to uk 'Kharkiv said on Tuesday' "
                    "'Харків заявив у вівторок'")
                  .exit_code,
              0);
    ASSERT_EQ(Onoma("term add kyiv en Kyiv").exit_code, 0);
    ASSERT_EQ(Onoma("term add kyiv en Kiev --status deprecated").exit_code, 0);
  }

  // Every reading command, as `prefix` (another user, or none), must
  // answer from the database as it is.
  void ExpectReadsWork(const std::string& prefix, const std::string& flags,
                       const std::string& why) {
    SCOPED_TRACE(why);
    Output o =
        Onoma(flags + "tm lookup --from en --to uk 'Kyiv said on Monday'", "",
              prefix);
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_TRUE(Contains(o.out, "Київ заявив у понеділок")) << o.out;
    // The unit the index lacks is found too, by scoring it.
    o = Onoma(flags + "tm lookup --from en --to uk 'Kharkiv said on Tuesday'",
              "", prefix);
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_TRUE(Contains(o.out, "Харків заявив у вівторок")) << o.out;
    EXPECT_TRUE(Contains(o.err, "index cannot be brought up to date")) << o.err;

    o = Onoma(flags + "tm concordance 'said on'", "", prefix);
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_EQ(o.out,
              "en: Kharkiv said on Tuesday\nuk: Харків заявив у вівторок\n\n"
              "en: Kyiv said on Monday\nuk: Київ заявив у понеділок\n");

    o = Onoma(flags + "tm stats", "", prefix);
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_TRUE(Contains(o.out, "units: 2")) << o.out;

    const fs::path tmx = dir_ / "out" / "export.tmx";
    fs::remove(tmx);
    o = Onoma(flags + "tm export '" + tmx.string() + "'", "", prefix);
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_TRUE(fs::exists(tmx));

    o = Onoma(flags + "term lookup Kiev", "", prefix);
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_TRUE(Contains(o.out, "Kyiv")) << o.out;

    o = Onoma(flags + "term list", "", prefix);
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_TRUE(Contains(o.out, "Kyiv")) << o.out;

    o = Onoma(flags + "normalize --lang en", "Kiev said on Monday\n", prefix);
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_EQ(o.out, "Kyiv said on Monday\n");

    // A command that writes is a database error that says why.
    o = Onoma(flags + "tm add --from en --to uk 'Odesa' 'Одеса'", "", prefix);
    EXPECT_EQ(o.exit_code, 4) << o.err;
    EXPECT_TRUE(Contains(o.err, "writes to it")) << o.err;
  }

  // How to run onoma as a user for whom the database's permission bits
  // count; empty when this process is not root. Skips the test when root
  // has no way to drop its privileges.
  std::string Unprivileged() {
    if (geteuid() != 0) return "";
    if (access("/usr/bin/setpriv", X_OK) != 0) return "skip";
    return "setpriv --reuid=65534 --regid=65534 --clear-groups";
  }

  fs::path db_;
};

// Regression: a user_version below zero indexed the migrations out of
// bounds ("internal error", or SIGSEGV at -100000).
TEST_F(StoreCliTest, SchemaVersionOutsideTheKnownRangeIsExit4) {
  ASSERT_EQ(Onoma("tm index").exit_code, 0);  // creates the database
  auto latest = sqlite::LatestSchemaVersion(sqlite::BuiltinMigrations());
  ASSERT_TRUE(latest.ok());
  for (int version : {-1, -100000, *latest + 1}) {
    SCOPED_TRACE(version);
    Sql("PRAGMA user_version = " + std::to_string(version));
    for (const char* command :
         {"tm stats", "term lookup Kyiv", "tm add --from en --to uk a b"}) {
      Output o = Onoma(command);
      EXPECT_EQ(o.exit_code, 4) << command << ": " << o.err;
      EXPECT_TRUE(Contains(o.err, "schema version " + std::to_string(version)))
          << o.err;
      o = Onoma(std::string("--read-only ") + command);
      EXPECT_EQ(o.exit_code, 4) << command << ": " << o.err;
    }
  }
}

TEST_F(StoreCliTest, ReadOnlyFileServesEveryRead) {
  const std::string as = Unprivileged();
  if (as == "skip") GTEST_SKIP() << "root without setpriv";
  Fill();
  for (const char* mode : {"WAL", "DELETE"}) {
    Sql(std::string("PRAGMA journal_mode=") + mode);
    fs::permissions(db_, fs::perms::owner_read | fs::perms::group_read |
                             fs::perms::others_read);
    // The directory is writable: SQLite may make its -shm file there.
    fs::permissions(dir_ / "db", fs::perms::all);
    ExpectReadsWork(as, "", std::string("read-only file, ") + mode);
    fs::permissions(db_, fs::perms::owner_write, fs::perm_options::add);
  }
}

TEST_F(StoreCliTest, ReadOnlyDirectoryServesEveryRead) {
  const std::string as = Unprivileged();
  if (as == "skip") GTEST_SKIP() << "root without setpriv";
  Fill();
  for (const char* mode : {"WAL", "DELETE"}) {
    Sql(std::string("PRAGMA journal_mode=") + mode);
    // No -wal or -shm left beside it: in WAL mode SQLite then cannot make
    // its -shm file, and onoma reads the file as immutable.
    ASSERT_FALSE(fs::exists(db_.string() + "-shm"));
    fs::permissions(db_, fs::perms::owner_read | fs::perms::owner_write |
                             fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir_ / "db",
                    fs::perms::owner_read | fs::perms::owner_exec |
                        fs::perms::group_read | fs::perms::group_exec |
                        fs::perms::others_read | fs::perms::others_exec);
    ExpectReadsWork(as, "", std::string("read-only directory, ") + mode);
    fs::permissions(dir_ / "db", fs::perms::owner_all, fs::perm_options::add);
  }
}

TEST_F(StoreCliTest, ReadOnlyOptionServesEveryRead) {
  Fill();
  ExpectReadsWork("", "--read-only ", "--read-only");
}

TEST_F(StoreCliTest, BusyTimeoutFromOptionAndEnvironment) {
  ASSERT_EQ(Onoma("tm index").exit_code, 0);  // creates the database
  auto holder = sqlite::Database::Open(db_);
  ASSERT_TRUE(holder.ok()) << holder.status().ToString();
  auto txn = sqlite::Transaction::Begin(*holder);
  ASSERT_TRUE(txn.ok()) << txn.status().ToString();

  Output o = Onoma("--busy-timeout 0.2 tm add --from en --to uk a b");
  EXPECT_EQ(o.exit_code, 4) << o.err;
  EXPECT_TRUE(Contains(o.err, "database is locked")) << o.err;
  o = RunOnoma("ONOMA_BUSY_TIMEOUT=0.2",
               "--db '" + db_.string() + "' tm add --from en --to uk a b");
  EXPECT_EQ(o.exit_code, 4) << o.err;
  EXPECT_TRUE(Contains(o.err, "database is locked")) << o.err;

  EXPECT_EQ(Onoma("--busy-timeout soon tm stats").exit_code, 2);
  EXPECT_EQ(Onoma("--busy-timeout -1 tm stats").exit_code, 2);
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(Onoma("--busy-timeout 0.2 tm add --from en --to uk a b").exit_code,
            0);
}

// Regression: the first lookup or concordance after an import built its
// index under the write lock, so while another onoma held the lock (its own
// first concordance building, an import) it waited, then failed with
// "database is locked".
TEST_F(StoreCliTest, ReadersAnswerWhileAnotherOnomaHoldsTheWriteLock) {
  Fill();
  auto holder = sqlite::Database::Open(db_);
  ASSERT_TRUE(holder.ok()) << holder.status().ToString();
  auto txn = sqlite::Transaction::Begin(*holder);
  ASSERT_TRUE(txn.ok()) << txn.status().ToString();
  const std::string flags = "--busy-timeout 600 ";  // a wait would hang
  Output o =
      RunOnoma("timeout 120",
               "--db '" + db_.string() + "' " + flags +
                   "tm lookup --from en --to uk 'Kharkiv said on Tuesday'");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(Contains(o.out, "Харків заявив у вівторок")) << o.out;
  EXPECT_TRUE(Contains(o.err, "another onoma is writing")) << o.err;
  o = RunOnoma("timeout 120", "--db '" + db_.string() + "' " + flags +
                                  "tm concordance Kharkiv");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out,
            "en: Kharkiv said on Tuesday\nuk: Харків заявив у вівторок\n");
  ASSERT_TRUE(txn->Commit().ok());
  // Once the lock is free the next reader brings the indexes up to date.
  o = Onoma("tm concordance Kharkiv");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.err, "");
}

// A memory big enough that building its indexes takes a while: lookups and
// concordances run beside `onoma tm index` and must answer, with what the
// complete indexes give.
TEST_F(StoreCliTest, ReadersAnswerWhileAnotherOnomaBuildsTheIndexes) {
  constexpr int kUnits = 60000;
  const fs::path tmx = dir_ / "out" / "big.tmx";
  {
    std::ofstream out(tmx, std::ios::binary);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"
           "<header creationtool=\"t\" creationtoolversion=\"1\" "
           "segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" "
           "datatype=\"plaintext\"/><body>\n";
    const char* cities[] = {"Kyiv", "Lviv", "Odesa", "Dnipro", "Poltava"};
    const char* days[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                          "Friday"};
    for (int i = 1; i <= kUnits; ++i) {
      out << "<tu><tuv xml:lang=\"en\"><seg>The council of " << cities[i % 5]
          << " met on " << days[(i / 5) % 5] << " about item " << i
          << " of the budget</seg></tuv><tuv xml:lang=\"uk\"><seg>Рада "
          << "зібралася щодо пункту " << i << " бюджету</seg></tuv></tu>\n";
    }
    out << "</body></tmx>\n";
  }
  ASSERT_EQ(Onoma("tm import '" + tmx.string() + "'").exit_code, 0);

  const std::string lookup =
      "tm lookup --from en --to uk --json 'The council of Kyiv met on Monday "
      "about item 50000 of the budget'";
  const std::string concordance = "tm concordance --json 'item 5999'";
  pid_t builder = fork();
  ASSERT_GE(builder, 0);
  if (builder == 0) {
    execl(ONOMA_CLI_PATH, ONOMA_CLI_PATH, "--db", db_.c_str(), "tm", "index",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  std::vector<Output> lookups, concordances;
  int status = 0;
  do {
    lookups.push_back(
        RunOnoma("timeout 300",
                 "--db '" + db_.string() + "' --busy-timeout 600 " + lookup));
    concordances.push_back(RunOnoma(
        "timeout 300",
        "--db '" + db_.string() + "' --busy-timeout 600 " + concordance));
  } while (waitpid(builder, &status, WNOHANG) == 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);

  // With the indexes complete:
  Output want_lookup = Onoma(lookup);
  Output want_concordance = Onoma(concordance);
  ASSERT_EQ(want_lookup.exit_code, 0) << want_lookup.err;
  ASSERT_TRUE(Contains(want_lookup.out, "пункту 50000 бюджету"))
      << want_lookup.out;
  ASSERT_EQ(want_concordance.exit_code, 0) << want_concordance.err;
  ASSERT_TRUE(Contains(want_concordance.out, "item 59999 "))
      << want_concordance.out;
  for (const Output& o : lookups) {
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_EQ(o.out, want_lookup.out);
  }
  for (const Output& o : concordances) {
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_EQ(o.out, want_concordance.out);
  }
}

// Regression: a mistyped --db made a new, empty database, and
// `normalize --check` on it found nothing to change and exited 0. Every
// command that only reads now refuses it, names it, and leaves no file.
TEST_F(StoreCliTest, ReadsRefuseADatabaseThatIsNotThere) {
  const std::string out = (dir_ / "out").string();
  for (const std::string& command : std::vector<std::string>{
           "normalize --check --lang en", "normalize --lang en",
           "term lookup Kyiv", "term list", "term export '" + out + "/t.tsv'",
           "tm lookup --from en --to uk 'Kyiv said'", "tm concordance Kyiv",
           "tm export '" + out + "/t.tmx'", "tm stats", "info"}) {
    Output o = Onoma(command, "Kiev said on Monday\n");
    EXPECT_EQ(o.exit_code, 4) << command << ": " << o.err;
    EXPECT_TRUE(Contains(
        o.err, "no database at " + db_.string() + " (a mistyped --db?"))
        << command << ": " << o.err;
    EXPECT_EQ(o.out, "") << command;
    EXPECT_FALSE(fs::exists(db_)) << command;
    EXPECT_TRUE(fs::is_empty(dir_ / "out")) << command;
  }
  Output o = RunOnoma("ONOMA_DB='" + db_.string() + "'", "tm stats");
  EXPECT_EQ(o.exit_code, 4) << o.err;
  EXPECT_TRUE(Contains(
      o.err, "no database at " + db_.string() + " (a mistyped $ONOMA_DB?"))
      << o.err;
  // The default location: neither the file nor its directories are made.
  const fs::path home = dir_ / "home";
  o = RunOnoma("unset ONOMA_DB XDG_DATA_HOME; HOME='" + home.string() + "'",
               "term lookup Kyiv");
  EXPECT_EQ(o.exit_code, 4) << o.err;
  EXPECT_TRUE(Contains(o.err, (home / ".local/share/onoma/onoma.db").string()))
      << o.err;
  EXPECT_FALSE(fs::exists(home));
  EXPECT_FALSE(fs::exists(db_));
}

// A command that writes makes the database, and says so once.
TEST_F(StoreCliTest, WritesCreateTheDatabaseAndSaySo) {
  for (const char* command : {"term add kyiv en Kyiv", "tm index",
                              "tm add --from en --to uk Kyiv Київ"}) {
    fs::remove(db_);
    Output o = Onoma(command);
    EXPECT_EQ(o.exit_code, 0) << command << ": " << o.err;
    EXPECT_EQ(
        o.err.rfind("onoma: created the database " + db_.string() + "\n", 0),
        0u)
        << command << ": " << o.err;
    EXPECT_TRUE(fs::exists(db_)) << command;
    o = Onoma(command);
    EXPECT_FALSE(Contains(o.err, "created")) << command << ": " << o.err;
  }
  // The default location gets its directories.
  const fs::path home = dir_ / "home";
  Output o =
      RunOnoma("unset ONOMA_DB XDG_DATA_HOME; HOME='" + home.string() + "'",
               "term add kyiv en Kyiv");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(fs::exists(home / ".local/share/onoma/onoma.db"));
  EXPECT_TRUE(Contains(o.err, "created the database")) << o.err;
}

TEST_F(StoreCliTest, InfoNamesTheDatabaseWhereItCameFromAndItsCounts) {
  Fill();
  auto latest = sqlite::LatestSchemaVersion(sqlite::BuiltinMigrations());
  ASSERT_TRUE(latest.ok());
  Output o = Onoma("info");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(o.out.starts_with("database: " + db_.string() +
                                "\n"
                                "from: --db\n"
                                "engine: SQLite 3."))
      << o.out;
  EXPECT_TRUE(o.out.ends_with("\nschema version: " + std::to_string(*latest) +
                              "\n"
                              "concepts: 1\n"
                              "terms: 2\n"
                              "units: 2\n"
                              "variants: 4\n"))
      << o.out;
  o = Onoma("info --json");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(Contains(o.out, "{\"database\": \"" + db_.string() +
                                  "\", \"from\": \"--db\", \"engine\": "
                                  "\"sqlite\", \"engine_version\": \"3."))
      << o.out;
  EXPECT_TRUE(Contains(o.out,
                       "\", \"read_only\": "
                       "false, \"schema_version\": " +
                           std::to_string(*latest) +
                           ", \"concepts\": 1, \"terms\": 2, "
                           "\"units\": 2, \"variants\": 4, "))
      << o.out;
  o = RunOnoma("ONOMA_DB='" + db_.string() + "'", "info");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(Contains(o.out, "from: $ONOMA_DB\n")) << o.out;
  o = Onoma("--read-only info");
  EXPECT_TRUE(Contains(o.out, "from: --db (read-only)\n")) << o.out;
  // tm stats names the database too.
  o = Onoma("tm stats");
  EXPECT_TRUE(Contains(o.out, "database: " + db_.string() + "\n")) << o.out;
}

}  // namespace
}  // namespace onoma
