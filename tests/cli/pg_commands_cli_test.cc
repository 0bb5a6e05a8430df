// The commands that run on PostgreSQL as on SQLite since the storage seam
// carries them (docs/shared-store.md): `tm align --import` stores the same
// units on both engines, and `onoma info` names the engine, its version
// and what the store holds. (`pretranslate` runs its whole suite on both:
// onoma_pretranslate_cli_test_pg; `serve`: onoma_serve_test_pg.)

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/pg_server.h"
#include "tests/support/run_onoma.h"
#include "tests/support/temp_dir_test.h"

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

// `text` without the values of its creationdate and changedate attributes,
// which are those of each run.
std::string WithoutDates(std::string text) {
  for (const std::string name : {"creationdate=\"", "changedate=\""}) {
    for (std::size_t at = text.find(name); at != std::string::npos;
         at = text.find(name, at)) {
      const std::size_t end = text.find('"', at + name.size());
      if (end == std::string::npos) break;
      text.erase(at, end + 1 - at);
    }
  }
  return text;
}

class PgCommandsCliTest : public testing::TempDirTest {
 protected:
  static Output Onoma(const std::string& db, const std::string& args) {
    return RunOnoma("", "--db '" + db + "' " + args);
  }
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
    exports[i] = WithoutDates(exported.out);
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
  // std::regex is not used here: GCC 12 warns inside it under -O2 with
  // the sanitizers, and warnings are errors.
  const std::size_t engine = o.out.find("\nengine: PostgreSQL 1");
  ASSERT_NE(engine, std::string::npos) << o.out;
  const std::size_t schema = o.out.find("\nschema version: ", engine);
  ASSERT_NE(schema, std::string::npos) << o.out;
  EXPECT_EQ(o.out.find('\n', engine + 1), schema) << o.out;
  const std::string counts = "concepts: 1\nterms: 2\nunits: 1\nvariants: 2\n";
  ASSERT_GE(o.out.size(), counts.size());
  EXPECT_EQ(o.out.substr(o.out.size() - counts.size()), counts) << o.out;
  const std::size_t after_schema = o.out.find('\n', schema + 1);
  EXPECT_EQ(after_schema + 1, o.out.size() - counts.size()) << o.out;
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
