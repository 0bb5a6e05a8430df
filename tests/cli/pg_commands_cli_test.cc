// The commands that run on PostgreSQL as on SQLite since the storage seam
// carries them (docs/shared-store.md): `tm align --import` stores the same
// units on both engines, and `onoma info` names the engine, its version
// and what the store holds. (`pretranslate` runs its whole suite on both:
// onoma_pretranslate_cli_test_pg; `serve`: onoma_serve_test_pg.)

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "tests/support/pg_server.h"
#include "tests/support/run_onoma.h"

namespace onoma {
namespace {

namespace fs = std::filesystem;
using testing::Output;
using testing::RunOnoma;

const char kEnglish[] =
    "Kyiv shelled overnight\n\n"
    "Shelling hit Kyiv overnight, officials said. Three people were hurt.\n"
    "Kharkiv was quiet on Tuesday.\n";
const char kUkrainian[] =
    "Київ обстріляли вночі\n\n"
    "Уночі обстріляли Київ, повідомили посадовці. Троє людей поранені.\n"
    "У вівторок у Харкові було тихо.\n";

class PgCommandsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("onoma_pg_commands_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) { return (dir_ / name).string(); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(Path(name), std::ios::binary) << text;
  }
  static Output Onoma(const std::string& db, const std::string& args) {
    return RunOnoma("", "--db '" + db + "' " + args);
  }

  fs::path dir_;
};

TEST_F(PgCommandsCliTest, AlignImportStoresTheSameUnitsOnBothEngines) {
  auto pg = testing::PgTestDatabase::Make();
  if (!pg.ok()) ONOMA_SKIP_WITHOUT_PG(pg.status());
  Write("en.txt", kEnglish);
  Write("uk.txt", kUkrainian);
  std::string exports[2];
  std::string said[2];
  const std::string stores[2] = {Path("a.db"), pg->uri()};
  for (int i = 0; i < 2; ++i) {
    // The store's names anchor the alignment on both.
    Output terms = Onoma(stores[i], "term import '" ONOMA_SOURCE_DIR
                                    "/tables/termbase/news.tsv'");
    ASSERT_EQ(terms.exit_code, 0) << terms.err;
    Output aligned =
        Onoma(stores[i], "tm align --from en --to uk --import '" +
                             Path("en.txt") + "' '" + Path("uk.txt") + "'");
    ASSERT_EQ(aligned.exit_code, 0) << stores[i] << ": " << aligned.err;
    said[i] = aligned.out;
    Output exported = Onoma(stores[i], "tm export -");
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    // The dates are those of each run.
    exports[i] = std::regex_replace(
        exported.out, std::regex("(creation|change)date=\"[0-9TZ]+\""), "");
  }
  EXPECT_EQ(said[0],
            "4 pairs stored in the translation memory, 0 already "
            "there\n");
  EXPECT_EQ(said[1], said[0]);
  EXPECT_NE(exports[0].find("Троє людей поранені."), std::string::npos)
      << exports[0];
  EXPECT_EQ(exports[1], exports[0]);
}

TEST_F(PgCommandsCliTest, InfoNamesTheEngineItsVersionAndTheCounts) {
  auto pg = testing::PgTestDatabase::Make();
  if (!pg.ok()) ONOMA_SKIP_WITHOUT_PG(pg.status());
  ASSERT_EQ(Onoma(pg->uri(), "term add kyiv en Kyiv").exit_code, 0);
  ASSERT_EQ(Onoma(pg->uri(), "term add kyiv uk Київ").exit_code, 0);
  ASSERT_EQ(Onoma(pg->uri(),
                  "tm add --from en --to uk 'Kyiv said' "
                  "'Київ заявив'")
                .exit_code,
            0);
  // A password in the URI is never shown.
  const std::string uri = pg->uri() + "&password=secret";
  Output o = Onoma(uri, "info");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out.find("secret"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("database: " + pg->uri() + "&password=***\n"),
            std::string::npos)
      << o.out;
  EXPECT_TRUE(std::regex_search(
      o.out, std::regex("\nengine: PostgreSQL 1[5-9][.0-9]* .*\n"
                        "schema version: [0-9]+\n"
                        "concepts: 1\nterms: 2\nunits: 1\nvariants: 2\n$")))
      << o.out;
  o = Onoma(pg->uri(), "info --json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("\"engine\": \"postgresql\", \"engine_version\": \"1"),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("\"concepts\": 1, \"terms\": 2, \"units\": 1, "
                       "\"variants\": 2"),
            std::string::npos)
      << o.out;
}

}  // namespace
}  // namespace onoma
