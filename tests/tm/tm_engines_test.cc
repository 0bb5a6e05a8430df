// The same memory on both engines: every TMX file of the shared corpus and
// of tests/data imported into SQLite and into PostgreSQL, one after the
// other into one memory each, exports byte for byte the same after each
// file (docs/shared-store.md). Runs in the onoma_tm_store_test_pg run, where
// a PostgreSQL database is at hand.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "memory/sqlite/database.h"
#include "memory/store/connection.h"
#include "memory/store/open.h"
#include "memory/store/sqlite_connection.h"
#include "memory/tm/translation_memory.h"
#include "tests/support/pg_server.h"
#include "tests/support/shared_corpora.h"

namespace onoma::tm {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> TmxFiles() {
  std::vector<fs::path> files;
  std::vector<fs::path> dirs = {testing::TestDataDir() / "tm",
                                testing::TestDataDir() / "pretranslate"};
  if (!testing::SharedDir().empty()) {
    dirs.push_back(testing::SharedDir() / "corpora" / "tmx");
  }
  for (const fs::path& dir : dirs) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".tmx") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ExportAll(TranslationMemory& memory) {
  std::string out;
  auto writer = formats::TmxWriter::ToString(&out);
  auto summary = memory.Export(*writer, {});
  EXPECT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_TRUE(writer->Finish().ok());
  return out;
}

TEST(TmEnginesTest, EveryTmxFileExportsTheSameFromBothEngines) {
  if (!testing::TestOnPostgres()) {
    GTEST_SKIP() << "compares SQLite with PostgreSQL: runs in the "
                    "onoma_tm_store_test_pg run";
  }
  auto pg = testing::PgTestDatabase::Make();
  if (!pg.ok()) ONOMA_SKIP_WITHOUT_PG(pg.status());
  auto server = store::Open(pg->uri());
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  auto file = sqlite::Database::Open(":memory:");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  store::SqliteConnection local(*file);
  TranslationMemory on_sqlite(local);
  TranslationMemory on_postgres(**server);

  const std::vector<fs::path> files = TmxFiles();
  ASSERT_GE(files.size(), 2u);
  int stored = 0;
  for (const fs::path& path : files) {
    SCOPED_TRACE(path.string());
    ImportOptions options;
    options.lenient = true;
    options.name = path.filename().string();
    auto a = on_sqlite.Import(path, options);
    auto b = on_postgres.Import(path, options);
    ASSERT_EQ(a.ok(), b.ok())
        << a.status().ToString() << " / " << b.status().ToString();
    if (!a.ok()) {
      EXPECT_EQ(a.status().ToString(), b.status().ToString());
      continue;
    }
    ++stored;
    EXPECT_EQ(a->units_read, b->units_read);
    EXPECT_EQ(a->added, b->added);
    EXPECT_EQ(a->skipped_duplicates, b->skipped_duplicates);
    EXPECT_EQ(a->skipped_invalid, b->skipped_invalid);
    EXPECT_EQ(ExportAll(on_sqlite), ExportAll(on_postgres));
  }
  EXPECT_GE(stored, 2);
  auto sa = on_sqlite.Stats();
  auto sb = on_postgres.Stats();
  ASSERT_TRUE(sa.ok() && sb.ok());
  EXPECT_EQ(sa->units, sb->units);
  EXPECT_EQ(sa->variants, sb->variants);
  EXPECT_GT(sb->units, 0u);
  ASSERT_EQ(sa->pairs.size(), sb->pairs.size());
  for (std::size_t i = 0; i < sa->pairs.size(); ++i) {
    EXPECT_EQ(sa->pairs[i].count, sb->pairs[i].count);
  }
  // Replacing under each policy leaves the two memories alike too.
  for (OnDuplicate policy :
       {OnDuplicate::kReplace, OnDuplicate::kNewest, OnDuplicate::kKeep}) {
    ImportOptions options;
    options.lenient = true;
    options.on_duplicate = policy;
    const fs::path path = testing::TestDataDir() / "tm" / "wire-en-uk-ko.tmx";
    auto a = on_sqlite.Import(path, options);
    auto b = on_postgres.Import(path, options);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->replaced, b->replaced);
    EXPECT_EQ(a->skipped_duplicates, b->skipped_duplicates);
    EXPECT_EQ(ExportAll(on_sqlite), ExportAll(on_postgres));
  }
}

}  // namespace
}  // namespace onoma::tm
