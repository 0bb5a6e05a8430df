// TermStore writes: add, edit, remove, get, list, and the constraints of
// (one preferred full form and one preferred short form per concept
// and language; no duplicate form).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/terms/terms_fixture.h"

namespace onoma::terms {
namespace {

Concept Place(const char* slug) {
  Concept c;
  c.slug = slug;
  c.type = ConceptType::kPlace;
  return c;
}

Term MakeTerm(const char* lang, const char* form,
              TermStatus status = TermStatus::kPreferred,
              TermType type = TermType::kFullForm) {
  Term t;
  t.lang = lang;
  t.form = form;
  t.status = status;
  t.type = type;
  return t;
}

TEST_F(TermStoreTest, AddMakesTheConceptAndGetReturnsIt) {
  ASSERT_TRUE(store_->Add(Place("kyiv"), MakeTerm("uk", "Київ")).ok());
  ASSERT_TRUE(
      store_
          ->Add(Place("kyiv"), MakeTerm("en", "Kiev", TermStatus::kDeprecated))
          .ok());
  ASSERT_TRUE(store_->Add(Place("kyiv"), MakeTerm("en", "Kyiv")).ok());
  auto c = store_->Get("kyiv");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->type, ConceptType::kPlace);
  ASSERT_EQ(c->terms.size(), 3u);
  EXPECT_EQ(c->terms[0].form, "Kyiv");  // en before uk, preferred first
  EXPECT_EQ(c->terms[1].form, "Kiev");
  EXPECT_EQ(c->terms[2].form, "Київ");
}

TEST_F(TermStoreTest, SecondPreferredFormIsRefusedClearly) {
  ASSERT_TRUE(store_->Add(Place("kyiv"), MakeTerm("en", "Kyiv")).ok());
  auto second = store_->Add(Place("kyiv"), MakeTerm("en", "Kiev"));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kBadArgument);
  EXPECT_NE(second.status().message().find(
                "concept 'kyiv' already has a preferred en form 'Kyiv'"),
            std::string::npos)
      << second.status().message();
  EXPECT_EQ(Terms(), 1);
  // Another language, or admitted, is fine.
  EXPECT_TRUE(store_->Add(Place("kyiv"), MakeTerm("uk", "Київ")).ok());
  EXPECT_TRUE(
      store_->Add(Place("kyiv"), MakeTerm("en", "Kiev", TermStatus::kAdmitted))
          .ok());
}

TEST_F(TermStoreTest, OnePreferredShortFormBesideThePreferredFullForm) {
  Concept z;
  z.slug = "zelensky";
  z.type = ConceptType::kPerson;
  ASSERT_TRUE(store_->Add(z, MakeTerm("en", "Volodymyr Zelensky")).ok());
  ASSERT_TRUE(store_
                  ->Add(z, MakeTerm("en", "Zelensky", TermStatus::kPreferred,
                                    TermType::kShortForm))
                  .ok());
  auto again =
      store_->Add(z, MakeTerm("en", "Zelenskyy", TermStatus::kPreferred,
                              TermType::kShortForm));
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.status().message().find("preferred en short form 'Zelensky'"),
            std::string::npos)
      << again.status().message();
}

TEST_F(TermStoreTest, DuplicateFormIsRefused) {
  ASSERT_TRUE(store_->Add(Place("kyiv"), MakeTerm("en", "Kyiv")).ok());
  auto dup =
      store_->Add(Place("kyiv"), MakeTerm("en", "Kyiv", TermStatus::kAdmitted));
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("already has the en form 'Kyiv'"),
            std::string::npos)
      << dup.status().message();
}

TEST_F(TermStoreTest, BadArgumentsAreRefused) {
  EXPECT_FALSE(store_->Add(Place("kyiv city"), MakeTerm("en", "Kyiv")).ok());
  EXPECT_FALSE(store_->Add(Place("kyiv"), MakeTerm("", "Kyiv")).ok());
  EXPECT_FALSE(store_->Add(Place("kyiv"), MakeTerm("en", "  ")).ok());
  EXPECT_FALSE(store_->Add(Place("kyiv"), MakeTerm("en", "\xFF")).ok());
  EXPECT_EQ(*store_->CountConcepts(), 0);  // rolled back, concept and all
  ASSERT_TRUE(store_->Add(Place("kyiv"), MakeTerm("en", " Kyiv\t")).ok());
  EXPECT_EQ(store_->Get("kyiv")->terms[0].form, "Kyiv");  // trimmed
}

TEST_F(TermStoreTest, EditChangesStatusAndFormAndKeys) {
  ASSERT_TRUE(store_->Add(Place("kyiv"), MakeTerm("en", "Kiev")).ok());
  TermEdit demote;
  demote.status = TermStatus::kDeprecated;
  ASSERT_TRUE(store_->Edit("kyiv", "en", "Kiev", demote).ok());
  ASSERT_TRUE(store_->Add(Place("kyiv"), MakeTerm("en", "Kyiv")).ok());
  TermEdit rename;
  rename.form = "Kyjiw";
  rename.note = "German";
  ASSERT_TRUE(store_->Edit("kyiv", "en", "Kiev", rename).ok());
  auto hits = store_->Lookup("KYJIW");
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->front().match, MatchKind::kFolded);
  // Promoting a second form is refused, and changes nothing.
  TermEdit promote;
  promote.status = TermStatus::kPreferred;
  EXPECT_FALSE(store_->Edit("kyiv", "en", "Kyjiw", promote).ok());
  auto c = store_->Get("kyiv");
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->terms.size(), 2u);
  EXPECT_EQ(c->terms[1].form, "Kyjiw");
  EXPECT_EQ(c->terms[1].note, "German");
  EXPECT_EQ(c->terms[1].status, TermStatus::kDeprecated);
  EXPECT_EQ(store_->Edit("kyiv", "en", "Nope", promote).code(),
            StatusCode::kNotFound);
}

TEST_F(TermStoreTest, RemoveTermAndConcept) {
  LoadSample();
  std::int64_t before = Terms();
  ASSERT_TRUE(store_->Remove("kyiv", "en", "Kiev").ok());
  EXPECT_EQ(Terms(), before - 1);
  auto hits = store_->Lookup("Kiev");
  ASSERT_TRUE(hits.ok());
  // Still found, through Kyiv's skeleton, but no longer exactly.
  ASSERT_FALSE(hits->empty());
  EXPECT_NE(hits->front().match, MatchKind::kExact);
  ASSERT_TRUE(store_->Remove("kyiv").ok());
  EXPECT_EQ(store_->Get("kyiv").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->Remove("kyiv").code(), StatusCode::kNotFound);
  auto count = db_->Prepare(
      "SELECT count(*) FROM term_fuzzy WHERE latin_key NOT IN (SELECT "
      "latin_key FROM term) AND latin_key NOT IN (SELECT ?1 || "
      "fold_key FROM term)",
      "test");
  ASSERT_TRUE(count.ok());
  ASSERT_TRUE((*count)->Bind(1, std::string_view("\t")).ok());
  ASSERT_TRUE(*(*count)->Step());
  EXPECT_EQ((*count)->ColumnInt64(0), 0);  // no stale fuzzy keys
}

TEST_F(TermStoreTest, ListIsOrderedBySlug) {
  LoadSample();
  std::vector<std::string> slugs;
  ASSERT_TRUE(store_
                  ->List([&](const Concept& c) {
                    slugs.push_back(c.slug);
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(slugs.size(), 10u);
  EXPECT_EQ(slugs.front(), "dnipro");
  EXPECT_EQ(slugs.back(), "zelensky");
}

}  // namespace
}  // namespace onoma::terms
