// The limits of lib/util/limits.h on every way into the term store (TSV,
// CSV, OmegaT, TBX, Add, Edit, Lookup), the bound on the fuzzy index of a
// long form, and the control characters XML cannot carry, refused on the
// way in and never written into a TBX export.

#include "lib/util/limits.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "memory/terms/search_keys.h"
#include "tests/support/files.h"
#include "tests/terms/terms_fixture.h"

namespace onoma::terms {
namespace {

using onoma::testing::Slurp;

std::string Temp(const std::string& name) {
  return ::testing::TempDir() + "onoma_limits_" + name;
}

// A Latin form of `bytes` letters, varied so that its skeleton is long.
std::string LongForm(std::size_t bytes) {
  std::string out;
  const char* syllables[] = {"ka", "ro", "mi", "tu", "ne", "sa", "lo", "vi"};
  for (std::size_t i = 0; out.size() < bytes; ++i) out += syllables[i % 8];
  out.resize(bytes);
  return out;
}

class LimitsTest : public TermStoreTest {
 protected:
  Status Import(const std::string& name, const std::string& contents) {
    std::string path = Temp(name);
    std::ofstream(path, std::ios::binary) << contents;
    Status s = store_
                   ->Import([&](TermSink& sink) {
                     return formats::ReadTermFile(path, {}, sink);
                   })
                   .status();
    std::remove(path.c_str());
    return s;
  }

  std::int64_t FuzzyRows() {
    auto count = db_->Prepare("SELECT count(*) FROM term_fuzzy", "count");
    EXPECT_TRUE(count.ok());
    EXPECT_TRUE(*(*count)->Step());
    return (*count)->ColumnInt64(0);
  }
};

TEST(FuzzyKeyLimitTest, LongKeyHasNoDeletionVariants) {
  // An 80,000-letter key once gave 80,000 variants of 79,999 bytes each.
  EXPECT_TRUE(DeletionNeighbourhood(std::string(80000, 'k')).empty());
  EXPECT_TRUE(DeletionNeighbourhood(LongForm(80000)).empty());
  std::string longest = LongForm(kMaxFuzzyKeyBytes);
  auto n = DeletionNeighbourhood(longest);
  EXPECT_FALSE(n.empty());
  EXPECT_LE(n.size(), kMaxFuzzyKeyBytes + 1);
  EXPECT_TRUE(DeletionNeighbourhood(longest + "k").empty());
  EXPECT_FALSE(
      DeletionNeighbourhood(longest + "k", kMaxFuzzyKeyBytes + 1).empty());
}

TEST(FuzzyKeyLimitTest, EveryBundledNameKeepsItsFuzzyKeys) {
  // The bound is above every skeleton of the bundled termbase, so that no
  // fuzzy match it gives is lost.
  std::ifstream in(std::string(ONOMA_TEST_DATA_DIR) +
                   "/../../tables/termbase/news.tsv");
  ASSERT_TRUE(in);
  std::size_t longest = 0;
  int forms = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string slug, type, lang, form;
    std::getline(fields, slug, '\t');
    std::getline(fields, type, '\t');
    std::getline(fields, lang, '\t');
    std::getline(fields, form, '\t');
    if (slug == "concept" || lang == "*") continue;
    longest = std::max(longest, LatinKey(form, lang).size());
    ++forms;
  }
  EXPECT_GT(forms, 1000);
  EXPECT_LE(longest, kMaxFuzzyKeyBytes);
}

TEST_F(LimitsTest, LongAllowedFormIsFoundExactlyWithABoundedIndex) {
  std::string form = LongForm(limits::kMaxTermBytes);
  Concept c;
  c.slug = "long";
  Term t;
  t.lang = "en";
  t.form = form;
  ASSERT_TRUE(store_->Add(c, t).ok());
  // Its skeleton is past kMaxFuzzyKeyBytes: no deletion variants stored.
  EXPECT_GT(LatinKey(form, "en").size(), kMaxFuzzyKeyBytes);
  EXPECT_EQ(FuzzyRows(), 0);
  auto hits = store_->Lookup(form);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].match, MatchKind::kExact);
  std::string upper = form;
  for (char& ch : upper) ch = static_cast<char>(ch - 'a' + 'A');
  hits = store_->Lookup(upper);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].match, MatchKind::kFolded);
}

TEST_F(LimitsTest, FuzzyMatchesOfNamesStay) {
  LoadSample();
  auto hits = store_->Lookup("Kyyiv");
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ((*hits)[0].entry.slug, "kyiv");
}

TEST_F(LimitsTest, QueryOverTheLimitIsRefused) {
  LoadSample();
  auto hits = store_->Lookup(std::string(limits::kMaxTermBytes + 1, 'k'));
  ASSERT_FALSE(hits.ok());
  EXPECT_EQ(hits.status().code(), StatusCode::kBadInput);
  EXPECT_NE(hits.status().message().find("at most 1024"), std::string::npos)
      << hits.status().ToString();
  // 16,000 characters once took a gigabyte; a megabyte, tens of them.
  EXPECT_FALSE(store_->Lookup(std::string(1 << 20, 'k')).ok());
  EXPECT_TRUE(store_->Lookup(std::string(limits::kMaxTermBytes, 'k')).ok());
}

TEST_F(LimitsTest, FormOverTheLimitIsRefusedOnEveryWayIn) {
  LoadSample();
  const std::int64_t before = Terms();
  const std::string big = LongForm(limits::kMaxTermBytes + 1);
  struct Case {
    const char* file;
    std::string contents;
    const char* where;
  } cases[] = {
      {"big.tsv", "concept\ttype\tlang\tform\nbig\tplace\ten\t" + big + "\n",
       "big.tsv:2:14: the form is 1025 bytes long"},
      {"big.csv", "concept,type,lang,form\nbig,place,en,\"" + big + "\"\n",
       "big.csv:2:14: the form is 1025 bytes long"},
      {"big.txt", "Kyiv\t" + big + "\n", "big.txt:1:6: the form is 1025"},
      {"big.tbx",
       "<tbx type=\"TBX-Basic\">\n<text><body>\n<conceptEntry id=\"big\">\n"
       "<langSec xml:lang=\"en\"><termSec><term>" +
           big +
           "</term></termSec></langSec>\n</conceptEntry>\n"
           "</body></text></tbx>\n",
       "big.tbx:4: the form is 1025 bytes long"},
      {"note.tsv",
       "concept\tlang\tform\tnote\nbig\ten\tBig\t" +
           std::string(limits::kMaxTermNoteBytes + 1, 'n') + "\n",
       "note.tsv:2:12: the note is 65537 bytes long"},
  };
  for (const Case& c : cases) {
    Status s = Import(c.file, c.contents);
    EXPECT_EQ(s.code(), StatusCode::kBadInput) << c.file;
    EXPECT_NE(s.ToString().find(c.where), std::string::npos)
        << c.file << ": " << s.ToString();
    EXPECT_EQ(Terms(), before) << c.file;
  }
  Concept c;
  c.slug = "big";
  Term t;
  t.lang = "en";
  t.form = big;
  EXPECT_EQ(store_->Add(c, t).status().code(), StatusCode::kBadInput);
  TermEdit edit;
  edit.form = big;
  EXPECT_EQ(store_->Edit("kyiv", "en", "Kyiv", edit).code(),
            StatusCode::kBadInput);
  EXPECT_EQ(Terms(), before);
  EXPECT_TRUE(store_->Get("big").status().code() == StatusCode::kNotFound);
}

TEST_F(LimitsTest, ControlCharactersAreRefusedWithTheirPlace) {
  LoadSample();
  const std::int64_t before = Terms();
  Status s = Import("esc.csv",
                    "concept,lang,form,note\nx,en,Ky\x1Biv,\nz,en,Z,a\x07\n");
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_NE(s.ToString().find("esc.csv:2:8: the form holds U+001B at "
                              "character 3"),
            std::string::npos)
      << s.ToString();
  EXPECT_EQ(Terms(), before);
  s = Import("bel.tsv", "concept\tlang\tform\tnote\nz\ten\tZ\tring\x07\n");
  EXPECT_NE(s.ToString().find("bel.tsv:2:12: the note holds U+0007"),
            std::string::npos)
      << s.ToString();
  Concept c;
  c.slug = "nul";
  Term t;
  t.lang = "en";
  t.form = std::string("a\0b", 3);
  EXPECT_EQ(store_->Add(c, t).status().code(), StatusCode::kBadInput);
  t.form = "tab\tand line\nare XML";
  EXPECT_TRUE(store_->Add(c, t).ok());
}

TEST_F(LimitsTest, TbxExportOfAnOldControlCharacterFailsClearly) {
  Concept c;
  c.slug = "kyiv";
  Term t;
  t.lang = "en";
  t.form = "Kyiv";
  ASSERT_TRUE(store_->Add(c, t).ok());
  // As a database written before the check may hold it.
  auto plant =
      db_->Prepare("UPDATE term SET form = ?1", "plant a control character");
  ASSERT_TRUE(plant.ok()) << plant.status().ToString();
  ASSERT_TRUE((*plant)->Bind(1, std::string_view("Ky\x1biv")).ok());
  ASSERT_TRUE((*plant)->Run().ok());
  std::string path = Temp("old.tbx");
  std::ofstream(path) << "earlier export";
  Status s = formats::WriteTermFile(path, *store_);
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_NE(s.message().find("concept 'kyiv': the en term 'KyU+001Biv' "
                             "holds a control character"),
            std::string::npos)
      << s.ToString();
  EXPECT_EQ(Slurp(path), "earlier export");
  std::remove(path.c_str());
  // TSV has no such restriction.
  path = Temp("old.tsv");
  EXPECT_TRUE(formats::WriteTermFile(path, *store_).ok());
  std::remove(path.c_str());
}

}  // namespace
}  // namespace onoma::terms
