// `onoma db copy SRC DST` as a user runs it (docs/shared-store.md, "Moving
// a store"): a store from SQLite to PostgreSQL and back exports the same
// bytes, a destination that holds a store is refused unless --replace, and
// a copy that fails half-way leaves the destination without a row.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "memory/sqlite/database.h"
#include "tests/support/pg_server.h"
#include "tests/support/run_onoma.h"
#include "tests/support/shared_corpora.h"
#include "tests/support/temp_dir_test.h"

namespace onoma {
namespace {

namespace fs = std::filesystem;
using testing::Output;
using testing::RunOnoma;

// A unit with a note and a prop, so that every table of the memory has rows.
const char kMemory[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<tmx version=\"1.4\">\n"
    "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" "
    "o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\">"
    "<note>desk memory</note></header>\n"
    "<body>\n"
    "<tu tuid=\"1\"><prop type=\"x-desk\">news</prop>"
    "<tuv xml:lang=\"en\"><seg>Kyiv said on Monday</seg></tuv>"
    "<tuv xml:lang=\"uk\"><seg>Київ заявив у понеділок</seg></tuv></tu>\n"
    "<tu tuid=\"2\"><note>a note\twith a tab</note>"
    "<tuv xml:lang=\"en\"><seg>Seoul <ph x=\"1\">&lt;b/&gt;</ph>said</seg>"
    "</tuv><tuv xml:lang=\"ko\"><seg>서울은 <ph x=\"1\">&lt;b/&gt;</ph>말했다"
    "</seg></tuv></tu>\n"
    "</body>\n</tmx>\n";

class DbCopyCliTest : public testing::TempDirTest {
 protected:
  static Output Onoma(const std::string& db, const std::string& args) {
    return RunOnoma("", "--db '" + db + "' " + args);
  }

  static Output Copy(const std::string& args) {
    return RunOnoma("", "db copy " + args);
  }

  // The store's memory as TMX and its terms as TBX, written to
  // NAME.tmx and NAME.tbx; their contents, joined.
  std::string Exports(const std::string& db, const std::string& name) {
    Output tmx = Onoma(db, "tm export '" + Path(name + ".tmx") + "'");
    EXPECT_EQ(tmx.exit_code, 0) << tmx.err;
    Output tbx = Onoma(db, "term export '" + Path(name + ".tbx") + "'");
    EXPECT_EQ(tbx.exit_code, 0) << tbx.err;
    return Read(name + ".tmx") + Read(name + ".tbx");
  }

  // A SQLite store with the bundled termbase and kMemory.
  std::string SmallStore(const std::string& name) {
    const std::string db = Path(name);
    Output terms = Onoma(
        db, "term import '" ONOMA_SOURCE_DIR "/tables/termbase/news.tsv'");
    EXPECT_EQ(terms.exit_code, 0) << terms.err;
    Write(name + ".tmx", kMemory);
    Output memory = Onoma(db, "tm import '" + Path(name + ".tmx") + "'");
    EXPECT_EQ(memory.exit_code, 0) << memory.err;
    return db;
  }
};

TEST_F(DbCopyCliTest, TheCorpusGoesToPostgresqlAndBackExportingTheSameBytes) {
  ONOMA_REQUIRE_SHARED_DIR();
  auto pg = testing::PgTestDatabase::Make();
  if (!pg.ok()) ONOMA_SKIP_WITHOUT_PG(pg.status());
  const std::string source = SmallStore("source.db");
  int files = 0;
  for (const auto& entry :
       fs::directory_iterator(testing::SharedDir() / "corpora" / "tmx")) {
    if (entry.path().extension() != ".tmx") continue;
    // Files the reader refuses even leniently are the corpus's invalid
    // samples; the rest go in, each as a source of its own.
    Output imported =
        Onoma(source, "tm import --lenient '" + entry.path().string() + "'");
    if (imported.exit_code == 0) ++files;
  }
  ASSERT_GT(files, 10);
  const std::string before = Exports(source, "before");

  Output there = Copy("'" + source + "' '" + pg->uri() + "'");
  ASSERT_EQ(there.exit_code, 0) << there.err;
  EXPECT_NE(there.out.find("tm_variant"), std::string::npos) << there.out;
  EXPECT_NE(there.out.find("byte for byte"), std::string::npos) << there.out;
  EXPECT_EQ(Exports(pg->uri(), "postgresql"), before);

  const std::string back = Path("back.db");
  Output returned = Copy("'" + pg->uri() + "' '" + back + "'");
  ASSERT_EQ(returned.exit_code, 0) << returned.err;
  EXPECT_NE(returned.err.find("created the database"), std::string::npos);
  EXPECT_EQ(Exports(back, "after"), before);

  // The copy is a store of its own: new rows take new ids on both engines.
  for (const std::string& db : {pg->uri(), back}) {
    Output added =
        Onoma(db, "tm add --from en --to uk 'Odesa port' 'Одеський порт'");
    EXPECT_EQ(added.exit_code, 0) << db << ": " << added.err;
    Output term = Onoma(db, "term add odesa-port uk 'Одеський порт'");
    EXPECT_EQ(term.exit_code, 0) << db << ": " << term.err;
    Output found = Onoma(db, "tm concordance 'Одеськ'");
    EXPECT_NE(found.out.find("Odesa port"), std::string::npos) << db;
  }
}

TEST_F(DbCopyCliTest, SqliteToSqliteKeepsEveryTable) {
  const std::string source = SmallStore("source.db");
  const std::string before = Exports(source, "before");
  Output copied = Copy("'" + source + "' '" + Path("copy.db") + "'");
  ASSERT_EQ(copied.exit_code, 0) << copied.err;
  EXPECT_NE(copied.out.find("tm_meta"), std::string::npos) << copied.out;
  EXPECT_EQ(Exports(Path("copy.db"), "after"), before);
  Output lookup = Onoma(Path("copy.db"), "term lookup Києві");
  EXPECT_EQ(lookup.exit_code, 0) << lookup.err;
  EXPECT_NE(lookup.out.find("kyiv"), std::string::npos) << lookup.out;
}

TEST_F(DbCopyCliTest, ADestinationHoldingAStoreIsRefusedUnlessReplace) {
  const std::string source = SmallStore("source.db");
  const std::string target = Path("target.db");
  ASSERT_EQ(Onoma(target, "term add zzyzx en Zzyzx").exit_code, 0);
  const std::string held = Exports(target, "held");

  Output refused = Copy("'" + source + "' '" + target + "'");
  EXPECT_EQ(refused.exit_code, 4);
  EXPECT_NE(refused.err.find("is not empty (1 concepts, 0 memory units)"),
            std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("--replace"), std::string::npos) << refused.err;
  EXPECT_EQ(Exports(target, "refused"), held);

  Output replaced = Copy("--replace '" + source + "' '" + target + "'");
  ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_EQ(Exports(target, "replaced"), Exports(source, "source"));
  EXPECT_EQ(Onoma(target, "term lookup Zzyzx").out.find("zzyzx"),
            std::string::npos);
}

TEST_F(DbCopyCliTest, APostgresqlDestinationHoldingAStoreIsRefused) {
  auto pg = testing::PgTestDatabase::Make();
  if (!pg.ok()) ONOMA_SKIP_WITHOUT_PG(pg.status());
  const std::string source = SmallStore("source.db");
  Write("one.tmx", kMemory);
  ASSERT_EQ(Onoma(pg->uri(), "tm import '" + Path("one.tmx") + "'").exit_code,
            0);
  Output refused = Copy("'" + source + "' '" + pg->uri() + "'");
  EXPECT_EQ(refused.exit_code, 4);
  EXPECT_NE(refused.err.find("is not empty (0 concepts, 2 memory units)"),
            std::string::npos)
      << refused.err;
  Output replaced = Copy("--replace '" + source + "' '" + pg->uri() + "'");
  ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_EQ(Exports(pg->uri(), "replaced"), Exports(source, "source"));
}

TEST_F(DbCopyCliTest, SourceAndDestinationMustDiffer) {
  const std::string source = SmallStore("source.db");
  Output same = Copy("'" + source + "' '" + source + "'");
  EXPECT_EQ(same.exit_code, 2);
  EXPECT_NE(same.err.find("are the same database"), std::string::npos)
      << same.err;
  Output missing = Copy("'" + Path("nothing.db") + "' '" + Path("b.db") + "'");
  EXPECT_EQ(missing.exit_code, 4);
  EXPECT_NE(missing.err.find("no database at"), std::string::npos)
      << missing.err;
  EXPECT_FALSE(fs::exists(Path("b.db")));
}

// A source whose last table holds a row the destination's schema refuses
// (a note whose kind is neither note nor prop, written past SQLite's CHECK
// by another tool): the copy fails after every other table went over, and
// the destination is left without a row.
TEST_F(DbCopyCliTest, ACopyFailingHalfWayLeavesTheDestinationEmpty) {
  const std::string source = SmallStore("source.db");
  {
    auto db = sqlite::Database::Open(source);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE(db->Exec("PRAGMA ignore_check_constraints = 1;"
                         "UPDATE tm_meta SET kind = 'bogus' "
                         "WHERE unit_id = (SELECT max(unit_id) FROM tm_meta)")
                    .ok());
  }
  const std::string target = Path("target.db");
  Output failed = Copy("'" + source + "' '" + target + "'");
  EXPECT_EQ(failed.exit_code, 4);
  EXPECT_NE(failed.err.find("tm_meta"), std::string::npos) << failed.err;
  EXPECT_FALSE(fs::exists(target)) << "a failed copy leaves no new file";

  auto pg = testing::PgTestDatabase::Make();
  if (!pg.ok()) ONOMA_SKIP_WITHOUT_PG(pg.status());
  failed = Copy("'" + source + "' '" + pg->uri() + "'");
  EXPECT_EQ(failed.exit_code, 4);
  EXPECT_NE(failed.err.find("tm_meta"), std::string::npos) << failed.err;
  Output stats = Onoma(pg->uri(), "tm stats");
  EXPECT_NE(stats.out.find("units: 0\n"), std::string::npos) << stats.out;
  Output terms = Onoma(pg->uri(), "term list");
  EXPECT_EQ(terms.out, "");
}

}  // namespace
}  // namespace onoma
