// The compiled name index beside the database: written by the
// first open, mapped by the next; stale after any write to the terms
// (add, edit, remove, import); a damaged, truncated, foreign-endian or
// foreign-store file rebuilt, never used; a read-only database compiled in
// memory; and the same normalized text whether the names were mapped or
// compiled.

#include "memory/terms/name_index.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "lib/normalize/compiled_image_internal.h"
#include "lib/normalize/normalize.h"
#include "memory/formats/term_files.h"
#include "memory/sqlite/database.h"
#include "memory/terms/term_store.h"
#include "tests/support/files.h"
#include "tests/support/temp_dir_test.h"

namespace onoma::terms {
namespace {

namespace fs = std::filesystem;
using onoma::testing::Slurp;
using onoma::testing::Write;

normalize::FormKind KindOf(TermType type) {
  switch (type) {
    case TermType::kShortForm:
      return normalize::FormKind::kShortForm;
    case TermType::kAcronym:
      return normalize::FormKind::kAcronym;
    case TermType::kAbbreviation:
      return normalize::FormKind::kAbbreviation;
    case TermType::kVariant:
      return normalize::FormKind::kVariant;
    case TermType::kPhrase:
      return normalize::FormKind::kPhrase;
    case TermType::kFullForm:
      break;
  }
  return normalize::FormKind::kFullForm;
}

normalize::FormStatus StatusOf(TermStatus status) {
  return status == TermStatus::kPreferred  ? normalize::FormStatus::kPreferred
         : status == TermStatus::kAdmitted ? normalize::FormStatus::kAdmitted
                                           : normalize::FormStatus::kDeprecated;
}

// The store as the normalizer reads it (as cli/term_input.cc does).
Result<normalize::Input> ReadInput(sqlite::Database& db) {
  TermStore store(db);
  normalize::Input input;
  Status s = store.List([&](const Concept& c) {
    normalize::ConceptInput& out = input.concepts.emplace_back();
    out.slug = c.slug;
    out.is_place = c.type == ConceptType::kPlace;
    out.negative_contexts = c.negative_contexts;
    for (const Term& t : c.terms) {
      out.terms.push_back(
          {t.lang, t.form, StatusOf(t.status), KindOf(t.type), t.inflection});
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return input;
}

std::string DataPath(const std::string& relative) {
  return std::string(ONOMA_TEST_DATA_DIR) + "/" + relative;
}

class NameIndexTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    db_path_ = Path("store.db");
    Reopen();
    Import("terms/news-sample.tsv");
  }
  void TearDown() override {
    db_.reset();
    TempDirTest::TearDown();
  }

  void Reopen(bool read_only = false) {
    db_.reset();
    sqlite::OpenOptions options;
    options.read_only = read_only;
    auto db = sqlite::Database::Open(db_path_, options);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_.emplace(std::move(*db));
  }

  void Import(const std::string& data) {
    TermStore store(*db_);
    auto stats = store.Import([&](TermSink& sink) {
      return formats::ReadTermFile(DataPath(data), {}, sink);
    });
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  }

  NameIndex Open(const NameIndexOptions& options = {}) {
    auto index = OpenNameIndex(
        *db_, [&] { return ReadInput(*db_); }, options);
    EXPECT_TRUE(index.ok()) << index.status().ToString();
    if (!index.ok()) std::abort();
    return std::move(*index);
  }

  // `text` normalized with the names the index gives.
  std::string Normalize(const std::string& text, const std::string& lang) {
    NameIndex index = Open();
    auto out = normalize::NormalizeText(index.matcher, text, {lang});
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    return out.ok() ? out->text : "";
  }

  std::string IndexPath() const { return db_path_ + ".names"; }

  std::string db_path_;
  std::optional<sqlite::Database> db_;
};

TEST_F(NameIndexTest, FirstOpenWritesTheIndexAndTheNextMapsIt) {
  NameIndex built = Open();
  EXPECT_FALSE(built.mapped);
  EXPECT_EQ(built.path, fs::path(IndexPath()));
  EXPECT_EQ(built.rebuilt_because, "no index yet");
  EXPECT_TRUE(built.not_kept.empty()) << built.not_kept;
  ASSERT_TRUE(fs::exists(IndexPath()));
  EXPECT_EQ(fs::file_size(IndexPath()), built.size);

  NameIndex mapped = Open();
  EXPECT_TRUE(mapped.mapped) << mapped.rebuilt_because;
  EXPECT_EQ(mapped.size, built.size);
  EXPECT_EQ(mapped.matcher.concept_count(), built.matcher.concept_count());
  EXPECT_EQ(mapped.matcher.pattern_count(), built.matcher.pattern_count());
  // Nothing is left beside the index but the database's own files.
  for (const auto& entry : fs::directory_iterator(dir_)) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "store.db" || name == "store.db.names" ||
                name == "store.db-wal" || name == "store.db-shm" ||
                name == "store.db.names.checked")
        << name;
  }
}

TEST_F(NameIndexTest, TermAddMakesTheIndexStale) {
  ASSERT_EQ(Normalize("Troieshchyna was quiet.", "en"),
            "Troieshchyna was quiet.");
  TermStore store(*db_);
  Concept c;
  c.slug = "troieshchyna";
  c.type = ConceptType::kPlace;
  Term preferred;
  preferred.lang = "en";
  preferred.form = "Troieshchyna";
  Term variant;
  variant.lang = "en";
  variant.form = "Troyeshchina";
  variant.status = TermStatus::kDeprecated;
  variant.type = TermType::kVariant;
  ASSERT_TRUE(store.Add(c, preferred).ok());
  ASSERT_TRUE(store.Add(c, variant).ok());
  NameIndex index = Open();
  EXPECT_FALSE(index.mapped);
  EXPECT_NE(index.rebuilt_because.find("version"), std::string::npos)
      << index.rebuilt_because;
  EXPECT_EQ(Normalize("Troyeshchina was quiet.", "en"),
            "Troieshchyna was quiet.");
  EXPECT_TRUE(Open().mapped);
}

TEST_F(NameIndexTest, TermEditMakesTheIndexStale) {
  ASSERT_EQ(Normalize("Kiev is the capital.", "en"), "Kyiv is the capital.");
  TermStore store(*db_);
  // An admitted full form is left alone (a variant is rewritten anyway).
  TermEdit edit;
  edit.status = TermStatus::kAdmitted;
  edit.type = TermType::kFullForm;
  ASSERT_TRUE(store.Edit("kyiv", "en", "Kiev", edit).ok());
  NameIndex index = Open();
  EXPECT_FALSE(index.mapped);
  EXPECT_EQ(Normalize("Kiev is the capital.", "en"), "Kiev is the capital.");
}

TEST_F(NameIndexTest, TermRemoveMakesTheIndexStale) {
  ASSERT_EQ(Normalize("Kiev is the capital.", "en"), "Kyiv is the capital.");
  TermStore store(*db_);
  ASSERT_TRUE(store.Remove("kyiv", "en", "Kiev").ok());
  EXPECT_FALSE(Open().mapped);
  EXPECT_EQ(Normalize("Kiev is the capital.", "en"), "Kiev is the capital.");
  // A whole concept removed, its terms with it.
  ASSERT_EQ(Normalize("Kharkov is shelled.", "en"), "Kharkiv is shelled.");
  ASSERT_TRUE(store.Remove("kharkiv").ok());
  EXPECT_FALSE(Open().mapped);
  EXPECT_EQ(Normalize("Kharkov is shelled.", "en"), "Kharkov is shelled.");
}

TEST_F(NameIndexTest, TermImportMakesTheIndexStale) {
  const std::size_t before = Open().matcher.concept_count();
  ASSERT_TRUE(Open().mapped);
  Write("more.tsv",
        "concept\ttype\tlang\tform\tstatus\tterm_type\tnote\tsource\n"
        "troieshchyna\tplace\ten\tTroieshchyna\tpreferred\tfullForm\t\t\n"
        "troieshchyna\tplace\ten\tTroyeshchina\tdeprecated\tvariant\t\t\n");
  TermStore store(*db_);
  auto stats = store.Import([&](TermSink& sink) {
    return formats::ReadTermFile(Path("more.tsv"), {}, sink);
  });
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  NameIndex index = Open();
  EXPECT_FALSE(index.mapped);
  EXPECT_EQ(index.matcher.concept_count(), before + 1);
  EXPECT_EQ(Normalize("Troyeshchina was quiet.", "en"),
            "Troieshchyna was quiet.");
}

TEST_F(NameIndexTest, AWriteThatChangesNothingTheCompilerReadsKeepsIt) {
  ASSERT_FALSE(Open().mapped);
  TermStore store(*db_);
  Concept note;
  note.slug = "kyiv";
  note.type = ConceptType::kPlace;
  note.note = "capital of Ukraine";
  ASSERT_TRUE(store.EditConcept(note).ok());
  EXPECT_TRUE(Open().mapped);
  // Its type is read (places decline): a change of it is not.
  note.type = ConceptType::kOther;
  ASSERT_TRUE(store.EditConcept(note).ok());
  EXPECT_FALSE(Open().mapped);
}

TEST_F(NameIndexTest, ADamagedIndexIsRebuiltNotUsed) {
  const std::string want = Normalize("Kiev and Kharkov.", "en");
  std::string bytes = Slurp(IndexPath());
  ASSERT_GT(bytes.size(), 4096u);
  bytes[bytes.size() / 2] ^= 0x5A;
  testing::Write(IndexPath(), bytes);
  NameIndex index = Open();
  EXPECT_FALSE(index.mapped);
  EXPECT_NE(index.rebuilt_because.find("checksum"), std::string::npos)
      << index.rebuilt_because;
  EXPECT_TRUE(Open().mapped);
  EXPECT_EQ(Normalize("Kiev and Kharkov.", "en"), want);
}

// Damage in any one section (the automaton's states, its entry bases and
// far entries, the entries, concepts, preferred forms, classes, strings)
// fails the checksum: the index is compiled again, never read.
TEST_F(NameIndexTest, DamageInAnySectionIsRebuiltNotUsed) {
  const std::string want = Normalize("Kiev and Kharkov.", "en");
  const std::string good = Slurp(IndexPath());
  normalize::internal::ImageHeader header;
  ASSERT_GE(good.size(), sizeof(header));
  std::memcpy(&header, good.data(), sizeof(header));
  int damaged = 0;
  for (std::size_t section = 0; section < header.sections.size(); ++section) {
    const std::uint64_t begin = header.sections[section].offset;
    const std::uint64_t end = section + 1 < header.sections.size()
                                  ? header.sections[section + 1].offset
                                  : good.size();
    if (end <= begin) continue;  // empty (no far entries in a small store)
    std::string bytes = good;
    bytes[begin + (end - begin) / 2] ^= 0x21;
    testing::Write(IndexPath(), bytes);
    NameIndex index = Open();
    EXPECT_FALSE(index.mapped) << "section " << section;
    EXPECT_NE(index.rebuilt_because.find("checksum"), std::string::npos)
        << "section " << section << ": " << index.rebuilt_because;
    EXPECT_EQ(Normalize("Kiev and Kharkov.", "en"), want);
    ++damaged;
  }
  EXPECT_GE(damaged, 9);
}

TEST_F(NameIndexTest, ATruncatedIndexIsRebuiltNotUsed) {
  const std::string want = Normalize("Kiev and Kharkov.", "en");
  for (std::size_t keep : {std::size_t{0}, std::size_t{100}, std::size_t{0}}) {
    std::string bytes = Slurp(IndexPath());
    testing::Write(IndexPath(),
                   bytes.substr(0, keep == 0 ? bytes.size() - 8 : keep));
    NameIndex index = Open();
    EXPECT_FALSE(index.mapped) << keep;
    EXPECT_EQ(Normalize("Kiev and Kharkov.", "en"), want);
  }
  fs::resize_file(IndexPath(), 0);
  EXPECT_FALSE(Open().mapped);
  EXPECT_TRUE(Open().mapped);
}

TEST_F(NameIndexTest, AnIndexOfTheOtherByteOrderIsRebuiltNotUsed) {
  Open();
  std::string bytes = Slurp(IndexPath());
  // The byte-order mark follows the 8-byte magic.
  const unsigned char swapped[4] = {0x01, 0x02, 0x03, 0x04};  // read LE: BE
  std::uint32_t mark = 0;
  std::memcpy(&mark, bytes.data() + 8, 4);
  ASSERT_EQ(mark, 0x01020304u);
  std::memcpy(bytes.data() + 8, swapped, 4);
  testing::Write(IndexPath(), bytes);
  NameIndex index = Open();
  EXPECT_FALSE(index.mapped);
  EXPECT_NE(index.rebuilt_because.find("byte order"), std::string::npos)
      << index.rebuilt_because;
}

TEST_F(NameIndexTest, AnotherStoresIndexIsRebuiltNotUsed) {
  Open();
  const std::string other = Slurp(IndexPath());
  // A new store at the same path, with the same terms and so the same
  // version: only its id tells the index is not its own.
  db_.reset();
  for (const char* ext : {"", "-wal", "-shm"}) fs::remove(db_path_ + ext);
  Reopen();
  Import("terms/news-sample.tsv");
  testing::Write(IndexPath(), other);
  NameIndex index = Open();
  EXPECT_FALSE(index.mapped);
  EXPECT_NE(index.rebuilt_because.find("another store"), std::string::npos)
      << index.rebuilt_because;
}

TEST_F(NameIndexTest, AReadOnlyDatabaseCompilesInMemoryAndSaysWhy) {
  Reopen(/*read_only=*/true);
  NameIndex index = Open();
  EXPECT_FALSE(index.mapped);
  EXPECT_NE(index.not_kept.find("read-only"), std::string::npos)
      << index.not_kept;
  EXPECT_FALSE(fs::exists(IndexPath()));
  EXPECT_EQ(Normalize("Kiev is the capital.", "en"), "Kyiv is the capital.");
  // An index written before is used read-only.
  Reopen();
  ASSERT_FALSE(Open().mapped);
  Reopen(/*read_only=*/true);
  EXPECT_TRUE(Open().mapped);
}

// Once an index has passed its checksum, an open that finds the file
// unchanged reads its header alone: a start from a cold page cache does
// not read the whole index.
TEST_F(NameIndexTest, AnIndexNotedAsCheckedOpensWithoutItsChecksum) {
  NameIndexOptions now;
  now.settle = std::chrono::nanoseconds(0);
  const std::string note = IndexPath() + ".checked";
  ASSERT_FALSE(Open(now).mapped);
  EXPECT_FALSE(fs::exists(note));
  NameIndex first = Open(now);
  ASSERT_TRUE(first.mapped) << first.rebuilt_because;
  EXPECT_TRUE(first.checksum_read);
  ASSERT_TRUE(fs::exists(note));
  NameIndex second = Open(now);
  ASSERT_TRUE(second.mapped) << second.rebuilt_because;
  EXPECT_FALSE(second.checksum_read);
  auto out =
      normalize::NormalizeText(second.matcher, "Kiev and Kharkov.", {"en"});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->text, "Kyiv and Kharkiv.");
}

// A write to the index after it was noted changes its change time: the
// next open reads the checksum again and finds the damage.
TEST_F(NameIndexTest, DamageAfterTheIndexWasNotedIsStillFound) {
  NameIndexOptions now;
  now.settle = std::chrono::nanoseconds(0);
  Open(now);
  ASSERT_TRUE(Open(now).checksum_read);
  ASSERT_FALSE(Open(now).checksum_read);
  // Past the coarsest tick of a file system's clock.
  ::usleep(50 * 1000);
  std::string bytes = Slurp(IndexPath());
  bytes[bytes.size() / 2] ^= 0x5A;
  {
    // In place: the same inode and size.
    std::fstream file(IndexPath(),
                      std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(bytes.size() / 2));
    file.put(bytes[bytes.size() / 2]);
  }
  NameIndex index = Open(now);
  EXPECT_FALSE(index.mapped);
  EXPECT_NE(index.rebuilt_because.find("checksum"), std::string::npos)
      << index.rebuilt_because;
  // A note that lies about the file is not believed either.
  Write(IndexPath() + ".checked", "onoma name index checked\n1 2 3 4.5 6.7\n");
  EXPECT_TRUE(Open(now).checksum_read);
}

// An index that changed within the last `settle` is not noted: the clock
// of the file system may not have moved since, and a second write in the
// same tick would look like no change.
TEST_F(NameIndexTest, AFreshIndexIsNotNotedAsChecked) {
  Open();
  NameIndex index = Open();
  ASSERT_TRUE(index.mapped) << index.rebuilt_because;
  EXPECT_TRUE(index.checksum_read);
  EXPECT_FALSE(fs::exists(IndexPath() + ".checked"));
}

TEST_F(NameIndexTest, AReadOnlyDatabaseNotesNothing) {
  NameIndexOptions now;
  now.settle = std::chrono::nanoseconds(0);
  Open(now);
  Reopen(/*read_only=*/true);
  NameIndex index = Open(now);
  ASSERT_TRUE(index.mapped) << index.rebuilt_because;
  EXPECT_TRUE(index.checksum_read);
  EXPECT_FALSE(fs::exists(IndexPath() + ".checked"));
}

TEST_F(NameIndexTest, AnEmptyStoreLeavesNoFileUnlessAsked) {
  db_.reset();
  for (const char* ext : {"", "-wal", "-shm"}) fs::remove(db_path_ + ext);
  Reopen();
  NameIndex index = Open();
  EXPECT_EQ(index.matcher.concept_count(), 0u);
  EXPECT_FALSE(fs::exists(IndexPath()));
  NameIndexOptions keep;
  keep.keep_empty = true;
  Open(keep);
  EXPECT_TRUE(fs::exists(IndexPath()));
  EXPECT_TRUE(Open().mapped);
}

TEST_F(NameIndexTest, RebuildWritesAnewEvenWhenCurrent) {
  Open();
  NameIndexOptions rebuild;
  rebuild.rebuild = true;
  NameIndex index = Open(rebuild);
  EXPECT_FALSE(index.mapped);
  EXPECT_TRUE(Open().mapped);
}

// The bundled termbase, every passage of the evaluation set: the text and
// the findings are the same from the mapped index as from the compiler.
TEST_F(NameIndexTest, MappedNamesNormalizeAsCompiledOnes) {
  Import("../../tables/termbase/news.tsv");
  auto input = ReadInput(*db_);
  ASSERT_TRUE(input.ok());
  auto compiled = normalize::Matcher::Compile(*input);
  ASSERT_TRUE(compiled.ok());
  Open();
  NameIndex mapped = Open();
  ASSERT_TRUE(mapped.mapped) << mapped.rebuilt_because;
  std::ifstream passages(DataPath("normalize/eval-passages.tsv"));
  int compared = 0;
  for (std::string line; std::getline(passages, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    const std::string lang = line.substr(0, tab);
    const std::string text =
        line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);
    for (bool admitted : {false, true}) {
      normalize::DocumentOptions options{lang};
      options.admitted = admitted;
      auto a = normalize::NormalizeText(*compiled, text, options);
      auto b = normalize::NormalizeText(mapped.matcher, text, options);
      ASSERT_TRUE(a.ok() && b.ok());
      EXPECT_EQ(a->text, b->text) << text;
      ASSERT_EQ(a->changes.size(), b->changes.size()) << text;
      for (std::size_t i = 0; i < a->changes.size(); ++i) {
        EXPECT_EQ(a->changes[i].found, b->changes[i].found);
        EXPECT_EQ(a->changes[i].replacement, b->changes[i].replacement);
        EXPECT_EQ(a->changes[i].concept_slug, b->changes[i].concept_slug);
        EXPECT_EQ(a->changes[i].reason, b->changes[i].reason);
      }
      ++compared;
    }
  }
  EXPECT_GT(compared, 60);
  // And the names tm lookup substitutes.
  auto finder_a = normalize::NameFinder::Create(*compiled);
  auto finder_b = normalize::NameFinder::Create(mapped.matcher);
  ASSERT_TRUE(finder_a.ok() && finder_b.ok());
  std::vector<normalize::NameHit> hits_a, hits_b;
  finder_a->Find("Обстріл у Харкові та Києві", "uk", hits_a);
  finder_b->Find("Обстріл у Харкові та Києві", "uk", hits_b);
  ASSERT_EQ(hits_a.size(), 2u);
  ASSERT_EQ(hits_b.size(), 2u);
  EXPECT_EQ(finder_b->Slug(hits_b[0].concept_index), "kharkiv");
  EXPECT_EQ(finder_a->Render(hits_a[1].concept_index, "uk",
                             "Обстріл у Харкові та Києві", hits_a[0]),
            finder_b->Render(hits_b[1].concept_index, "uk",
                             "Обстріл у Харкові та Києві", hits_b[0]));
}

// A generated store of 2,000 concepts (names of random syllables in en, uk
// and ko, deprecated spellings, short forms, indeclinable ones), mapped
// from its index file: the same rewrites and the same names found as the
// names compiled in memory from the store.
TEST_F(NameIndexTest, AGeneratedStoreMapsAsCompiled) {
  static const char* const kSyllables[][3] = {
      {"ka", "ка", "카"},   {"ro", "ро", "로"}, {"vi", "ві", "비"},
      {"ly", "ли", "리"},   {"ne", "не", "네"}, {"ta", "та", "타"},
      {"mo", "мо", "모"},   {"sa", "са", "사"}, {"dor", "дор", "도르"},
      {"ban", "бан", "반"}, {"lo", "ло", "로"}, {"hu", "гу", "후"}};
  std::mt19937 rng(16);
  std::string tsv =
      "concept\ttype\tlang\tform\tstatus\tterm_type\tnote\tsource\t"
      "inflection\n";
  std::vector<std::string> uk_variants, en_forms;
  for (int i = 0; i < 2000; ++i) {
    std::string word[3] = {"N", "Н", "느"};
    const int syllables = 2 + static_cast<int>(rng() % 4);
    for (int k = 0; k < syllables; ++k) {
      const auto& s = kSyllables[rng() % std::size(kSyllables)];
      for (int l = 0; l < 3; ++l) word[l] += s[l];
    }
    const std::string slug = "g" + std::to_string(i);
    const std::string head = slug + (i % 3 == 0 ? "\tperson\t" : "\tplace\t");
    const std::string none = i % 7 == 0 ? "none" : "";
    auto row = [&](const std::string& lang, const std::string& form,
                   const std::string& status, const std::string& type,
                   const std::string& inflection) {
      tsv += head + lang + "\t" + form + "\t" + status + "\t" + type +
             "\t\t\t" + inflection + "\n";
    };
    row("en", word[0] + "sk", "preferred", "fullForm", "");
    row("uk", word[1] + "ськ", "preferred", "fullForm", none);
    row("ko", word[2] + "스크", "preferred", "fullForm", "");
    row("uk", word[1] + "ск", "deprecated", "variant", none);
    if (i % 3 == 0) {
      row("en", word[0], "preferred", "shortForm", "");
      row("uk", word[1], "preferred", "shortForm", none);
    }
    if (i % 20 == 0) {
      uk_variants.push_back(word[1] + "ск");
      en_forms.push_back(word[0] + "sk");
    }
  }
  testing::Write(Path("generated.tsv"), tsv);
  {
    TermStore store(*db_);
    auto stats = store.Import([&](TermSink& sink) {
      return formats::ReadTermFile(Path("generated.tsv"), {}, sink);
    });
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  }
  auto input = ReadInput(*db_);
  ASSERT_TRUE(input.ok());
  auto compiled = normalize::Matcher::Compile(*input);
  ASSERT_TRUE(compiled.ok());
  Open();
  NameIndex mapped = Open();
  ASSERT_TRUE(mapped.mapped) << mapped.rebuilt_because;
  EXPECT_EQ(mapped.matcher.state_count(), compiled->state_count());
  EXPECT_EQ(mapped.matcher.pattern_count(), compiled->pattern_count());
  std::string uk, en;
  for (std::size_t i = 0; i < uk_variants.size(); ++i) {
    uk +=
        "Обстріли в " + uk_variants[i] + "у та біля " + uk_variants[i] + "а. ";
    en += "Near " + en_forms[i] + " and " + en_forms[i] + "'s mayor. ";
  }
  for (const auto& [text, lang] : {std::pair{uk, "uk"}, std::pair{en, "en"}}) {
    auto a = normalize::NormalizeText(*compiled, text, {lang});
    auto b = normalize::NormalizeText(mapped.matcher, text, {lang});
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->text, b->text);
    ASSERT_EQ(a->changes.size(), b->changes.size());
    for (std::size_t i = 0; i < a->changes.size(); ++i) {
      EXPECT_EQ(a->changes[i].found, b->changes[i].found);
      EXPECT_EQ(a->changes[i].replacement, b->changes[i].replacement);
      EXPECT_EQ(a->changes[i].concept_slug, b->changes[i].concept_slug);
    }
    auto finder_a = normalize::NameFinder::Create(*compiled);
    auto finder_b = normalize::NameFinder::Create(mapped.matcher);
    ASSERT_TRUE(finder_a.ok() && finder_b.ok());
    std::vector<normalize::NameHit> hits_a, hits_b;
    finder_a->Find(text, lang, hits_a);
    finder_b->Find(text, lang, hits_b);
    ASSERT_EQ(hits_a.size(), hits_b.size());
    EXPECT_GE(hits_b.size(), uk_variants.size());
    for (std::size_t i = 0; i < hits_a.size(); ++i) {
      EXPECT_EQ(finder_a->Slug(hits_a[i].concept_index),
                finder_b->Slug(hits_b[i].concept_index));
      EXPECT_EQ(
          finder_a->Render(hits_a[i].concept_index, "ko", text, hits_a[i]),
          finder_b->Render(hits_b[i].concept_index, "ko", text, hits_b[i]));
    }
  }
  // And uk text did change: the deprecated spellings were rewritten.
  auto out = normalize::NormalizeText(mapped.matcher, uk, {"uk"});
  ASSERT_TRUE(out.ok());
  EXPECT_NE(out->text, uk);
}

// Kilobytes of the mappings of `path` in this process, as the kernel
// counts them in /proc/self/smaps: {size, resident}.
std::pair<std::size_t, std::size_t> MappedKb(const std::string& path) {
  std::ifstream smaps("/proc/self/smaps");
  std::size_t size = 0, rss = 0;
  bool in = false;
  for (std::string line; std::getline(smaps, line);) {
    const std::string first = line.substr(0, line.find(' '));
    if (first.empty()) continue;
    if (first.back() != ':') {  // "start-end perms offset dev inode path"
      in = line.ends_with(" " + path);
      continue;
    }
    if (!in) continue;
    if (first == "Size:") size += std::stoul(line.substr(first.size()));
    if (first == "Rss:") rss += std::stoul(line.substr(first.size()));
  }
  return {size, rss};
}

// The checksum reads every page of the index; those pages are let go
// after it, so that a command's resident memory holds only the pages its
// text leads the scan to, not the whole index.
TEST_F(NameIndexTest, AMappedIndexKeepsFewOfItsPagesResident) {
  Import("../../tables/termbase/news.tsv");
  Open();
  NameIndex index = Open();
  ASSERT_TRUE(index.mapped) << index.rebuilt_because;
  const auto [size_kb, rss_kb] = MappedKb(IndexPath());
  ASSERT_GE(size_kb, 64u) << "the index is too small to tell";
  EXPECT_LT(rss_kb, size_kb / 4) << rss_kb << " of " << size_kb << " kB";
  // Pages let go are read again from the file when needed.
  auto out =
      normalize::NormalizeText(index.matcher, "Kiev and Kharkov.", {"en"});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->text, "Kyiv and Kharkiv.");
}

}  // namespace
}  // namespace onoma::terms
