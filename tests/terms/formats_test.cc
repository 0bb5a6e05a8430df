// TSV, CSV, OmegaT and TBX import and export (memory/formats/term_files.h):
// round trips, the 2008 TBX serialization, and malformed files that name
// their line and column and leave the store unchanged.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/files.h"
#include "tests/terms/terms_fixture.h"

namespace onoma::terms {
namespace {

using onoma::testing::Slurp;

std::string Temp(const std::string& name) {
  return ::testing::TempDir() + "onoma_terms_" + name;
}

class FormatsTest : public TermStoreTest {
 protected:
  Status Import(const std::string& path, TermStore& store) {
    return store
        .Import([&](TermSink& sink) {
          return formats::ReadTermFile(path, {}, sink);
        })
        .status();
  }

  // Exports the store to `ext`, imports that into a fresh store, exports
  // again: the two files must be the same.
  void RoundTrip(const std::string& ext) {
    std::string first = Temp("first." + ext);
    std::string second = Temp("second." + ext);
    ASSERT_TRUE(formats::WriteTermFile(first, *store_).ok());
    auto db = sqlite::Database::Open(":memory:");
    ASSERT_TRUE(db.ok());
    TermStore copy(*db);
    Status s = Import(first, copy);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_TRUE(formats::WriteTermFile(second, copy).ok());
    EXPECT_EQ(Slurp(first), Slurp(second));
    EXPECT_EQ(*copy.CountTerms(), Terms());
    EXPECT_EQ(*copy.CountConcepts(), *store_->CountConcepts());
    std::remove(first.c_str());
    std::remove(second.c_str());
  }
};

TEST_F(FormatsTest, TsvRoundTrip) {
  LoadSample();
  RoundTrip("tsv");
  // With an inflection class the export gains a ninth column, read back.
  TermEdit e;
  e.inflection = "noun-f-a";
  ASSERT_TRUE(store_->Edit("odesa", "uk", "Одеса", e).ok());
  RoundTrip("tsv");
}

TEST_F(FormatsTest, CsvRoundTrip) {
  LoadSample();
  RoundTrip("csv");
}

TEST_F(FormatsTest, TbxRoundTripKeepsEverythingTheSchemaHolds) {
  LoadSample();
  Concept k;
  k.slug = "kyiv";
  k.type = ConceptType::kPlace;
  k.note = "capital <of> Ukraine & more";
  k.definition = "Capital city of Ukraine";
  k.subject = "geography";
  k.source = "UGNC";
  ASSERT_TRUE(store_->EditConcept(k).ok());
  TermEdit e;
  e.inflection = "noun-m-iv";
  ASSERT_TRUE(store_->Edit("kyiv", "uk", "Київ", e).ok());
  RoundTrip("tbx");

  std::string path = Temp("full.tbx");
  ASSERT_TRUE(formats::WriteTermFile(path, *store_).ok());
  auto db = sqlite::Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  TermStore copy(*db);
  ASSERT_TRUE(Import(path, copy).ok());
  auto a = store_->Get("kyiv");
  auto b = copy.Get("kyiv");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(b->note, a->note);
  EXPECT_EQ(b->definition, a->definition);
  EXPECT_EQ(b->subject, a->subject);
  EXPECT_EQ(b->source, a->source);
  EXPECT_EQ(b->type, a->type);
  EXPECT_EQ(b->negative_contexts, a->negative_contexts);
  ASSERT_EQ(b->terms.size(), a->terms.size());
  for (std::size_t i = 0; i < a->terms.size(); ++i) {
    EXPECT_EQ(b->terms[i].form, a->terms[i].form);
    EXPECT_EQ(b->terms[i].lang, a->terms[i].lang);
    EXPECT_EQ(b->terms[i].status, a->terms[i].status);
    EXPECT_EQ(b->terms[i].type, a->terms[i].type);
    EXPECT_EQ(b->terms[i].note, a->terms[i].note);
    EXPECT_EQ(b->terms[i].source, a->terms[i].source);
    EXPECT_EQ(b->terms[i].inflection, a->terms[i].inflection);
  }
  std::remove(path.c_str());
}

TEST_F(FormatsTest, ReadsTbx2008) {
  Status s = Import(TermData("martif-2008.tbx"), *store_);
  ASSERT_TRUE(s.ok()) << s.ToString();
  auto c = store_->Get("kharkiv");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->subject, "geography");
  EXPECT_EQ(c->definition, "City in north-eastern Ukraine");
  ASSERT_EQ(c->terms.size(), 3u);
  EXPECT_EQ(c->terms[1].form, "Kharkov");
  EXPECT_EQ(c->terms[1].status, TermStatus::kDeprecated);
  EXPECT_EQ(c->terms[1].note, "Russian-based & dated");
  EXPECT_EQ(c->terms[2].form, "Харків");
}

TEST_F(FormatsTest, ReadsQuotedCsvAndOmegaT) {
  ASSERT_TRUE(Import(TermData("quoted.csv"), *store_).ok());
  auto c = store_->Get("kyiv");
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->terms.size(), 2u);
  EXPECT_EQ(c->terms[0].note, "capital, since 882");
  EXPECT_EQ(c->terms[0].source, "AP \"Stylebook\"");
  EXPECT_EQ(c->terms[1].note, "two\nlines");

  ASSERT_TRUE(Import(TermData("omegat.txt"), *store_).ok());
  auto hits = store_->Lookup("Харкова");
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->front().entry.slug, "kharkiv");
}

struct Malformed {
  const char* file;
  const char* where;  // "file:line:column" suffix expected in the message
  const char* why;
};

TEST_F(FormatsTest, MalformedFileNamesLineAndColumnAndImportsNothing) {
  LoadSample();
  std::int64_t before = Terms();
  for (const Malformed& m :
       {Malformed{"bad-status.tsv", "bad-status.tsv:5:20", "prefered"},
        Malformed{"two-preferred.tsv", "two-preferred.tsv:4:",
                  "already has a preferred en form 'Kyiv'"},
        Malformed{"malformed.tbx", "malformed.tbx:9:", "termSec"}}) {
    // Against the sample's kyiv the second file conflicts on line 3: use
    // an empty store for it.
    auto db = sqlite::Database::Open(":memory:");
    ASSERT_TRUE(db.ok());
    TermStore empty(*db);
    TermStore& store =
        std::string(m.file) == "two-preferred.tsv" ? empty : *store_;
    Status s = Import(TermData(m.file), store);
    ASSERT_FALSE(s.ok()) << m.file;
    EXPECT_EQ(s.code(), StatusCode::kBadInput) << m.file;
    EXPECT_NE(s.ToString().find(m.where), std::string::npos) << s.ToString();
    EXPECT_NE(s.ToString().find(m.why), std::string::npos) << s.ToString();
    EXPECT_EQ(*store.CountTerms(), &store == store_.operator->() ? before : 0)
        << m.file;
  }
  EXPECT_EQ(Terms(), before);
}

TEST_F(FormatsTest, InvalidUtf8IsBadInputWithPosition) {
  std::string path = Temp("bad.tsv");
  std::ofstream(path, std::ios::binary)
      << "concept\ttype\tlang\tform\nkyiv\tplace\ten\tKy\xC3iv\n";
  Status s = Import(path, *store_);
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_NE(s.ToString().find(":2:"), std::string::npos) << s.ToString();
  EXPECT_EQ(Terms(), 0);
  std::remove(path.c_str());
}

TEST_F(FormatsTest, UnknownExtensionIsABadArgument) {
  EXPECT_EQ(formats::FormatOf("x.docx").status().code(),
            StatusCode::kBadArgument);
  EXPECT_EQ(formats::WriteTermFile(Temp("x.txt"), *store_).code(),
            StatusCode::kBadArgument);
}

}  // namespace
}  // namespace onoma::terms
