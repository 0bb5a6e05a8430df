// Every TMX file under ../shared/corpora/tmx/ (SOURCES.md there says what
// each one is and why it is there) is a test case:
//   - it imports, with exactly the warnings listed below, or it is refused
//     with exactly the message listed below, and then the database is as
//     it was;
//   - its export is valid against TMX 1.4b's DTD (as `xmllint --noout
//     --dtdvalid ../shared/corpora/spec/tmx14.dtd` checks);
//   - the export carries the same units, variants, attributes, props,
//     notes and segment markup as the original, compared canonically
//     (tests/formats/tmx_canonical.h: libxml2's tree, not onoma's reader);
//   - importing the export gives the same stored content as importing the
//     original.
// A file added to the folder is tested the same way: it must import
// cleanly unless an entry below says otherwise. So are the hand-made files
// of tests/data/tm/ (its README.md), which bring Korean and Ukrainian.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/tm/translation_memory.h"
#include "tests/formats/tmx_canonical.h"
#include "tests/support/shared_corpora.h"

namespace onoma {
namespace {

namespace fs = std::filesystem;

// What a corpus file must do; files not listed import with no warning.
struct Expectation {
  const char* file;
  // The whole message after "path:", for a file that is refused.
  const char* error = nullptr;
  // Each warning, after "path:", in order.
  std::vector<const char*> warnings = {};
  // Units skipped as exact duplicates of earlier ones (default policy).
  int duplicates = 0;
};

const std::vector<Expectation>& Expectations() {
  static const std::vector<Expectation> kExpectations = {
      {"heartsome__translationstudio8__ImportTMXTest0.tmx",
       " the file is empty; a TMX document was expected"},
      // An OmegaT file with an empty <tu></tu> (invalid per the DTD).
      {"Softcatala__translation-memory-tools__omegat.tmx",
       "15:5: <tu> has no <tuv>"},
      {"EnzoAgosta__python-tmx__namespaces.tmx",
       nullptr,
       {"4:3: attribute ex:custom-attr on <header> is not TMX's; kept",
        "5:5: attribute ex:id on <note> is not TMX's; kept",
        "13:7: attribute ex:status on <tuv> is not TMX's; kept"}},
      // Pontoon's header date in ISO 8601 with microseconds.
      {"Softcatala__translation-memory-tools__test.tmx",
       nullptr,
       {"3:2: <header> creationdate \"2018-01-14T20:15:29.923807\" is ISO "
        "8601 but not TMX's form (YYYYMMDDThhmmssZ); stored as "
        "20180114T201529Z (further such dates are not reported)"}},
      // Trados: a header <prop> with type2= instead of type=.
      {"klew00__okapi__html_test.tmx",
       nullptr,
       {"14:1: attribute type2 on <prop> is not TMX's; kept",
        "14:1: <prop> in <header> has no type; kept with type \"\""}},
      // Deliberately broken inline codes.
      {"omegat-org__omegat__invalid.tmx",
       nullptr,
       {"12:6: <ept i=\"1\"> has no <bpt> before it in its segment (such "
        "faults are reported once)",
        "15:6: <bpt i=\"1\"> while another with that i is open (such faults "
        "are reported once)",
        "10:4: <bpt i=\"1\"> has no matching <ept> in its segment (such "
        "faults are reported once)"}},
      {"zanata__zanata-platform__dubious-tm-with-underscores.tmx",
       nullptr,
       {"4:1: language \"en_US\" on <header> is not a BCP 47 tag; kept as "
        "written (reported once)",
        "23:5: language \"es_ES\" on <tuv> is not a BCP 47 tag; kept as "
        "written (reported once)",
        "38:5: language \"it_IT\" on <tuv> is not a BCP 47 tag; kept as "
        "written (reported once)"}},
      // 50 units repeat earlier ones exactly (text, tuid, props).
      {"omegat-org__omegat__test-match-stat-en-ca.tmx", nullptr, {}, 50},
  };
  return kExpectations;
}

Expectation ExpectationFor(const std::string& file) {
  for (const Expectation& e : Expectations()) {
    if (file == e.file) return e;
  }
  return Expectation{""};
}

// The shared corpus, then our own files in tests/data/tm/ (Korean and
// Ukrainian, which the shared corpus lacks).
std::vector<fs::path> CorpusFiles() {
  std::vector<fs::path> files;
  for (const fs::path& dir : {testing::SharedDir() / "corpora" / "tmx",
                              testing::TestDataDir() / "tm"}) {
    std::vector<fs::path> in_dir;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".tmx") in_dir.push_back(entry.path());
    }
    std::sort(in_dir.begin(), in_dir.end());
    files.insert(files.end(), in_dir.begin(), in_dir.end());
  }
  return files;
}

fs::path DtdPath() {
  return testing::SharedDir() / "corpora" / "spec" / "tmx14.dtd";
}

// Every stored row of the memory's units, variants, notes and props, one
// line each; ids included, which are equal for equal imports into fresh
// databases.
std::string DumpUnits(sqlite::Database& db) {
  std::string out;
  for (const char* sql :
       {"SELECT * FROM tm_unit ORDER BY id",
        "SELECT * FROM tm_variant ORDER BY id",
        "SELECT * FROM tm_meta ORDER BY unit_id, variant_seq, seq"}) {
    auto query = db.Prepare(sql, "dump");
    EXPECT_TRUE(query.ok()) << query.status().ToString();
    if (!query.ok()) return out;
    for (;;) {
      auto row = query->Step();
      if (!row.ok() || !*row) break;
      for (int c = 0; c < query->ColumnCount(); ++c) {
        out +=
            query->ColumnIsNull(c) ? "NULL" : "'" + query->ColumnText(c) + "'";
        out += '|';
      }
      out += '\n';
    }
  }
  return out;
}

// The stored header, by column: the names in the order SQLite lists the
// columns (pragma_table_info), which SELECT * follows.
std::map<std::string, std::string> DumpSource(sqlite::Database& db) {
  std::map<std::string, std::string> columns;
  std::vector<std::string> names;
  auto info = db.Prepare(
      "SELECT name FROM pragma_table_info('tm_source') ORDER BY cid", "dump");
  EXPECT_TRUE(info.ok());
  for (auto next = info->Step(); next.ok() && *next; next = info->Step()) {
    names.push_back(info->ColumnText(0));
  }
  auto query =
      db.Prepare("SELECT * FROM tm_source ORDER BY id LIMIT 1", "dump");
  EXPECT_TRUE(query.ok());
  auto row = query->Step();
  if (!row.ok() || !*row) return columns;
  EXPECT_EQ(static_cast<std::size_t>(query->ColumnCount()), names.size());
  for (int c = 0; c < query->ColumnCount(); ++c) {
    if (query->ColumnIsNull(c)) continue;
    columns[names.at(static_cast<std::size_t>(c))] = query->ColumnText(c);
  }
  return columns;
}

struct Imported {
  Status status;
  std::vector<std::string> warnings;
  tm::ImportSummary summary;
};

Imported Import(sqlite::Database& db, const fs::path& path) {
  Imported out;
  tm::ImportOptions options;
  options.name = path.filename().string();
  options.on_warning = [&](const Status& w) {
    out.warnings.push_back(w.ToString());
  };
  tm::TranslationMemory memory(db);
  auto summary = memory.Import(path, options);
  out.status = summary.status();
  if (summary.ok()) out.summary = *summary;
  return out;
}

sqlite::Database OpenMemoryDb() {
  auto db = sqlite::Database::Open(":memory:");
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return std::move(*db);
}

std::string DumpAll(sqlite::Database& db) {
  std::string out = DumpUnits(db);
  auto count = db.Prepare("SELECT count(*) FROM tm_source", "dump");
  auto row = count->Step();
  out += "sources " + std::to_string(count->ColumnInt64(0));
  return out;
}

TEST(TmxCorpusTest, EveryExpectationNamesAFileOfTheCorpus) {
  ONOMA_REQUIRE_SHARED_DIR();
  std::set<std::string> names;
  for (const fs::path& p : CorpusFiles()) names.insert(p.filename().string());
  EXPECT_GE(names.size(), 41u);
  for (const Expectation& e : Expectations()) {
    EXPECT_TRUE(names.count(e.file)) << e.file;
  }
}

TEST(TmxCorpusTest, EachFileImportsOrIsRefusedPrecisely) {
  ONOMA_REQUIRE_SHARED_DIR();
  for (const fs::path& path : CorpusFiles()) {
    const std::string name = path.filename().string();
    SCOPED_TRACE(name);
    const Expectation expected = ExpectationFor(name);
    sqlite::Database db = OpenMemoryDb();
    // Something there first, which a refused file must leave alone.
    tm::TranslationMemory memory(db);
    ASSERT_TRUE(memory.Add("en", "uk", "Kyiv", "Київ").ok());
    const std::string before = DumpAll(db);

    Imported imported = Import(db, path);
    if (expected.error != nullptr) {
      ASSERT_FALSE(imported.status.ok());
      EXPECT_EQ(imported.status.ToString(),
                path.string() + ":" + expected.error);
      EXPECT_EQ(imported.status.code(), StatusCode::kBadInput);
      EXPECT_EQ(DumpAll(db), before) << "a refused file changed the database";
      continue;
    }
    ASSERT_TRUE(imported.status.ok()) << imported.status.ToString();
    std::vector<std::string> want;
    for (const char* w : expected.warnings) {
      want.push_back(path.string() + ":" + w);
    }
    EXPECT_EQ(imported.warnings, want);

    testing::CanonicalTmx original = testing::Canonicalize(path.string());
    ASSERT_TRUE(original.error.empty()) << original.error;
    EXPECT_EQ(imported.summary.units_read, original.units.size());
    EXPECT_EQ(imported.summary.added + expected.duplicates,
              original.units.size());
    EXPECT_EQ(imported.summary.skipped_duplicates,
              static_cast<std::uint64_t>(expected.duplicates));
  }
}

TEST(TmxCorpusTest, LenientImportSkipsTheBadUnitWithAWarning) {
  ONOMA_REQUIRE_SHARED_DIR();
  fs::path path = testing::SharedDir() / "corpora" / "tmx" /
                  "Softcatala__translation-memory-tools__omegat.tmx";
  sqlite::Database db = OpenMemoryDb();
  std::vector<std::string> warnings;
  tm::ImportOptions options;
  options.lenient = true;
  options.name = "omegat.tmx";
  options.on_warning = [&](const Status& w) {
    warnings.push_back(w.ToString());
  };
  tm::TranslationMemory memory(db);
  auto summary = memory.Import(path, options);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->units_read, 2u);
  EXPECT_EQ(summary->added, 1u);
  EXPECT_EQ(summary->skipped_invalid, 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find(":15:5: <tu> has no <tuv>; unit skipped"),
            std::string::npos)
      << warnings[0];
}

// Removes units that repeat an earlier one exactly, as the default
// duplicate policy does (same segments, tuid, notes and props; dates
// aside).
std::vector<testing::CanonicalUnit> Deduplicated(
    const std::vector<testing::CanonicalUnit>& units) {
  std::vector<testing::CanonicalUnit> out;
  auto strip = [](testing::CanonicalUnit u) {
    for (const char* key : {"creationdate", "changedate", "lastusagedate",
                            "usagecount", "creationid", "changeid"}) {
      u.attrs.erase(key);
      for (auto& v : u.variants) v.attrs.erase(key);
    }
    return u;
  };
  std::vector<testing::CanonicalUnit> seen;
  for (const auto& unit : units) {
    testing::CanonicalUnit key = strip(unit);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    out.push_back(unit);
  }
  return out;
}

TEST(TmxCorpusTest, ExportsAreValidAndCarryEverythingAndReimportTheSame) {
  ONOMA_REQUIRE_SHARED_DIR();
  const std::string dtd = DtdPath().string();
  int exported = 0;
  for (const fs::path& path : CorpusFiles()) {
    const std::string name = path.filename().string();
    if (ExpectationFor(name).error != nullptr) continue;
    SCOPED_TRACE(name);
    sqlite::Database first = OpenMemoryDb();
    ASSERT_TRUE(Import(first, path).status.ok());

    const fs::path out = fs::path(::testing::TempDir()) /
                         ("export_" + std::to_string(::getpid()) + "_" + name);
    tm::TranslationMemory memory(first);
    auto written = memory.Export(out, {});
    ASSERT_TRUE(written.ok()) << written.status().ToString();
    ++exported;

    // Valid TMX 1.4b.
    EXPECT_EQ(testing::ValidateAgainstDtd(out.string(), dtd), "");

    // The same content, canonically.
    testing::CanonicalTmx original = testing::Canonicalize(path.string());
    testing::CanonicalTmx copy = testing::Canonicalize(out.string());
    ASSERT_TRUE(copy.error.empty()) << copy.error;
    for (const auto& [attr, value] : original.header) {
      EXPECT_EQ(copy.header[attr], value) << "header attribute " << attr;
    }
    EXPECT_EQ(copy.header_children, original.header_children);
    std::vector<testing::CanonicalUnit> want = Deduplicated(original.units);
    ASSERT_EQ(copy.units.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(copy.units[i].attrs, want[i].attrs) << "unit " << i;
      EXPECT_EQ(copy.units[i].meta, want[i].meta) << "unit " << i;
      ASSERT_EQ(copy.units[i].variants.size(), want[i].variants.size());
      for (std::size_t j = 0; j < want[i].variants.size(); ++j) {
        EXPECT_EQ(copy.units[i].variants[j], want[i].variants[j])
            << "unit " << i << " variant " << j << ": "
            << copy.units[i].variants[j].seg << " vs "
            << want[i].variants[j].seg;
      }
    }

    // Import → export → import stores what the first import stored.
    sqlite::Database second = OpenMemoryDb();
    Imported again = Import(second, out);
    ASSERT_TRUE(again.status.ok()) << again.status.ToString();
    EXPECT_EQ(DumpUnits(second), DumpUnits(first));
    std::map<std::string, std::string> a = DumpSource(first);
    std::map<std::string, std::string> b = DumpSource(second);
    for (const char* exact : {"header_body", "header_extra", "root_extra"}) {
      EXPECT_EQ(a[exact], b[exact]) << exact;
    }
    for (const auto& [column, value] : a) {
      if (column == "name" || column == "imported_at" ||
          column == "tmx_version" || column == "id") {
        continue;
      }
      EXPECT_EQ(b[column], value) << "header column " << column;
    }
    // Exported once more, the file is byte for byte the same.
    const fs::path out2 = fs::path(::testing::TempDir()) /
                          ("again_" + std::to_string(::getpid()) + "_" + name);
    tm::TranslationMemory memory2(second);
    ASSERT_TRUE(memory2.Export(out2, {}).ok());
    std::ifstream x(out, std::ios::binary), y(out2, std::ios::binary);
    std::string xs((std::istreambuf_iterator<char>(x)), {});
    std::string ys((std::istreambuf_iterator<char>(y)), {});
    EXPECT_EQ(xs, ys);
    fs::remove(out);
    fs::remove(out2);
  }
  EXPECT_GE(exported, 39);
}

}  // namespace
}  // namespace onoma
