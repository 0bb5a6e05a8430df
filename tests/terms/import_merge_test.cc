// An import merges into the store and never downgrades it
// (memory/terms/term_store.h, TermStore::Import): a type or status the
// file does not state keeps the stored one, a value the store holds
// differently is a conflict (kept, or replaced on request, and counted),
// and a dry run writes nothing.

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "tests/terms/terms_fixture.h"

namespace onoma::terms {
namespace {

// A file in the temporary directory, removed at the end of the test.
class TempTermFile {
 public:
  TempTermFile(const std::string& name, const std::string& text)
      : path_(::testing::TempDir() + "onoma_merge_" + name) {
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TempTermFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class ImportMergeTest : public TermStoreTest {
 protected:
  // Imports `path` with `options`, collecting the conflicts in conflicts_.
  ImportStats ImportFile(const std::string& path, ImportOptions options = {}) {
    options.conflict = [this](const ImportConflict& c) {
      conflicts_.push_back(c);
      return Status::Ok();
    };
    auto stats = store_->Import(
        [&](TermSink& sink) { return formats::ReadTermFile(path, {}, sink); },
        options);
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    return stats.ok() ? *stats : ImportStats{};
  }

  const Term* Find(const Concept& c, std::string_view lang,
                   std::string_view form) {
    for (const Term& t : c.terms) {
      if (t.lang == lang && t.form == form) return &t;
    }
    return nullptr;
  }

  TermStatus StatusOf(std::string_view slug, std::string_view lang,
                      std::string_view form) {
    auto c = store_->Get(slug);
    EXPECT_TRUE(c.ok());
    const Term* t = c.ok() ? Find(*c, lang, form) : nullptr;
    EXPECT_NE(t, nullptr) << slug << " " << lang << " " << form;
    return t ? t->status : TermStatus::kPreferred;
  }

  // A house edit: the sample's deprecated Kiev made admitted.
  void EditKiev() {
    TermEdit edit;
    edit.status = TermStatus::kAdmitted;
    ASSERT_TRUE(store_->Edit("kyiv", "en", "Kiev", edit).ok());
  }

  std::vector<ImportConflict> conflicts_;
};

// Regression: a two-line OmegaT glossary made Kyiv a concept of type
// other, which stopped its Ukrainian declension and name substitution,
// and wiped the source of its en term.
TEST_F(ImportMergeTest, OmegaTGlossaryKeepsKyivAPlace) {
  LoadSample();
  TempTermFile omegat("two.txt", "Kyiv\tКиїв\nKharkiv\tХарків\n");
  ImportStats stats = ImportFile(omegat.path());
  EXPECT_EQ(stats.concepts, 2);
  EXPECT_EQ(stats.conflicts, 0);
  EXPECT_TRUE(conflicts_.empty());
  auto kyiv = store_->Get("kyiv");
  ASSERT_TRUE(kyiv.ok());
  EXPECT_EQ(kyiv->type, ConceptType::kPlace);
  const Term* en = Find(*kyiv, "en", "Kyiv");
  ASSERT_NE(en, nullptr);
  EXPECT_EQ(en->source, "AP Stylebook 2019");
  EXPECT_EQ(StatusOf("kyiv", "en", "Kiev"), TermStatus::kDeprecated);
  auto hits = store_->Lookup("Києві");
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->front().entry.slug, "kyiv");
  EXPECT_EQ(hits->front().entry.type, ConceptType::kPlace);
  EXPECT_EQ(hits->front().match, MatchKind::kInflected);
}

// An OmegaT glossary's concept that the store does not have is still made,
// of type other, with a preferred target.
TEST_F(ImportMergeTest, OmegaTMakesANewConceptOfTypeOther) {
  TempTermFile omegat("new.txt", "Kyiv\tКиїв\n");
  ImportFile(omegat.path());
  auto kyiv = store_->Get("kyiv");
  ASSERT_TRUE(kyiv.ok());
  EXPECT_EQ(kyiv->type, ConceptType::kOther);
  EXPECT_EQ(StatusOf("kyiv", "uk", "Київ"), TermStatus::kPreferred);
}

// Regression: re-importing a termbase silently undid a `term edit`.
TEST_F(ImportMergeTest, ReimportKeepsAnEditAndReportsOneConflict) {
  LoadSample();
  EditKiev();
  ImportStats stats = ImportFile(TermData("news-sample.tsv"));
  EXPECT_EQ(stats.conflicts, 1);
  ASSERT_EQ(conflicts_.size(), 1u);
  const ImportConflict& c = conflicts_.front();
  EXPECT_EQ(c.slug, "kyiv");
  EXPECT_EQ(c.lang, "en");
  EXPECT_EQ(c.form, "Kiev");
  EXPECT_EQ(c.field, "status");
  EXPECT_EQ(c.stored, "admitted");
  EXPECT_EQ(c.file, "deprecated");
  EXPECT_EQ(StatusOf("kyiv", "en", "Kiev"), TermStatus::kAdmitted);
}

TEST_F(ImportMergeTest, ReplaceTakesTheFilesValue) {
  LoadSample();
  EditKiev();
  ImportOptions options;
  options.on_conflict = OnConflict::kReplace;
  ImportStats stats = ImportFile(TermData("news-sample.tsv"), options);
  EXPECT_EQ(stats.conflicts, 1);
  EXPECT_EQ(StatusOf("kyiv", "en", "Kiev"), TermStatus::kDeprecated);
}

// A dry run reports what the import would do and leaves every row as it
// was, in bulk mode too (its dropped indexes come back with the rollback).
TEST_F(ImportMergeTest, DryRunListsConflictsAndWritesNothing) {
  LoadSample();
  EditKiev();
  const std::int64_t terms = Terms();
  TempTermFile extra("extra.tsv",
                     "concept\ttype\tlang\tform\tstatus\n"
                     "kyiv\tplace\ten\tKiev\tdeprecated\n"
                     "lviv\tplace\ten\tLviv\tpreferred\n");
  for (std::int64_t bulk_after : {20000, 0}) {
    conflicts_.clear();
    ImportOptions options;
    options.on_conflict = OnConflict::kReplace;
    options.dry_run = true;
    options.bulk_after_terms = bulk_after;
    ImportStats stats = ImportFile(extra.path(), options);
    EXPECT_EQ(stats.terms, 2);
    EXPECT_EQ(stats.conflicts, 1);
    EXPECT_EQ(conflicts_.size(), 1u);
    EXPECT_EQ(StatusOf("kyiv", "en", "Kiev"), TermStatus::kAdmitted);
    EXPECT_EQ(Terms(), terms);
    EXPECT_EQ(store_->Get("lviv").status().code(), StatusCode::kNotFound);
    auto hits = store_->Lookup("Kiev");
    ASSERT_TRUE(hits.ok());
    ASSERT_FALSE(hits->empty());
    EXPECT_EQ(hits->front().entry.slug, "kyiv");
  }
}

// A type the file states that differs from the store's is a conflict; an
// empty type cell or status cell is no claim.
TEST_F(ImportMergeTest, StatedTypeIsAConflictAndAnEmptyCellIsNot) {
  LoadSample();
  TempTermFile tsv("types.tsv",
                   "concept\ttype\tlang\tform\tstatus\tterm_type\tnote\n"
                   "kyiv\tperson\ten\tKyiv\tpreferred\tfullForm\t\n"
                   "kharkiv\t\ten\tKharkiv\t\t\t\n"
                   "kharkiv\t\ten\tKharkov\t\t\t\n");
  ImportStats stats = ImportFile(tsv.path());
  EXPECT_EQ(stats.conflicts, 1);
  ASSERT_EQ(conflicts_.size(), 1u);
  EXPECT_EQ(conflicts_[0].field, "type");
  EXPECT_EQ(conflicts_[0].lang, "");
  EXPECT_EQ(conflicts_[0].stored, "place");
  EXPECT_EQ(conflicts_[0].file, "person");
  EXPECT_EQ(store_->Get("kyiv")->type, ConceptType::kPlace);
  EXPECT_EQ(store_->Get("kharkiv")->type, ConceptType::kPlace);
  EXPECT_EQ(StatusOf("kharkiv", "en", "Kharkov"), TermStatus::kDeprecated);
}

// A note the store has and the file lacks stays; one the file gives
// differently is a conflict; one the store lacks is filled in.
TEST_F(ImportMergeTest, NotesMergeWithoutLoss) {
  LoadSample();
  TempTermFile tsv("notes.tsv",
                   "concept\tlang\tform\tnote\n"
                   "kyiv\ten\tKiev\t\n"
                   "kyiv\tko\t키예프\tuntil 2022\n"
                   "kyiv\tuk\tКиїв\tcapital\n");
  ImportStats stats = ImportFile(tsv.path());
  EXPECT_EQ(stats.conflicts, 1);
  ASSERT_EQ(conflicts_.size(), 1u);
  EXPECT_EQ(conflicts_[0].field, "note");
  EXPECT_EQ(conflicts_[0].stored, "before 2022");
  auto kyiv = store_->Get("kyiv");
  ASSERT_TRUE(kyiv.ok());
  EXPECT_EQ(Find(*kyiv, "en", "Kiev")->note, "Russian-based spelling");
  EXPECT_EQ(Find(*kyiv, "ko", "키예프")->note, "before 2022");
  EXPECT_EQ(Find(*kyiv, "uk", "Київ")->note, "capital");
  EXPECT_EQ(Find(*kyiv, "ko", "키예프")->type, TermType::kVariant);
}

// Another tool's TBX has no conceptType and may have no status: neither
// overwrites the store's.
TEST_F(ImportMergeTest, TbxWithoutTypeOrStatusKeepsTheStores) {
  LoadSample();
  TempTermFile tbx("bare.tbx",
                   "<?xml version=\"1.0\"?>\n"
                   "<tbx type=\"TBX-Basic\" xml:lang=\"en\"><text><body>\n"
                   "<conceptEntry id=\"kyiv\"><langSec xml:lang=\"en\">\n"
                   "<termSec><term>Kiev</term></termSec>\n"
                   "</langSec></conceptEntry>\n"
                   "</body></text></tbx>\n");
  ImportStats stats = ImportFile(tbx.path());
  EXPECT_EQ(stats.conflicts, 0);
  EXPECT_EQ(store_->Get("kyiv")->type, ConceptType::kPlace);
  EXPECT_EQ(StatusOf("kyiv", "en", "Kiev"), TermStatus::kDeprecated);
}

TEST_F(ImportMergeTest, EditSetsTheConceptsType) {
  TempTermFile omegat("edit.txt", "Kyiv\tКиїв\n");
  ImportFile(omegat.path());
  TermEdit edit;
  edit.concept_type = ConceptType::kPlace;
  ASSERT_TRUE(store_->Edit("kyiv", "", "", edit).ok());
  EXPECT_EQ(store_->Get("kyiv")->type, ConceptType::kPlace);
  EXPECT_EQ(Terms(), 2);
  TermEdit term_change;
  term_change.status = TermStatus::kAdmitted;
  EXPECT_EQ(store_->Edit("kyiv", "", "", term_change).code(),
            StatusCode::kBadArgument);
  EXPECT_EQ(store_->Edit("nowhere", "", "", edit).code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace onoma::terms
