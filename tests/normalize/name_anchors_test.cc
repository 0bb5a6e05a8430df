// NameAnchors (lib/normalize/name_anchors.h): the term store's names as
// alignment anchors, inflected Ukrainian forms and Korean forms with
// particles included, combined with numbers in a segment::AnchorSet.

#include "lib/normalize/name_anchors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lib/segment/anchors.h"

namespace onoma::normalize {
namespace {

using S = FormStatus;
using K = FormKind;

Input Names() {
  Input input;
  auto add = [&](const char* slug, std::vector<FormInput> terms) {
    ConceptInput& c = input.concepts.emplace_back();
    c.slug = slug;
    c.is_place = true;
    c.terms = std::move(terms);
  };
  add("kharkiv", {{"en", "Kharkiv", S::kPreferred, K::kFullForm, ""},
                  {"uk", "Харків", S::kPreferred, K::kFullForm, ""},
                  {"ko", "하르키우", S::kPreferred, K::kFullForm, ""}});
  add("seoul", {{"en", "Seoul", S::kPreferred, K::kFullForm, ""},
                {"uk", "Сеул", S::kPreferred, K::kFullForm, ""},
                {"ko", "서울", S::kPreferred, K::kFullForm, ""}});
  return input;
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(NameAnchorsTest, InflectedAndParticleFormsGiveTheConcept) {
  auto matcher = Matcher::Compile(Names());
  ASSERT_TRUE(matcher.ok()) << matcher.status().ToString();
  auto names = NameAnchors::Create(*matcher);
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  EXPECT_EQ(names->ConceptKeys("A strike on Kharkiv's centre.", "en"),
            std::vector<std::string>{"kharkiv"});
  EXPECT_EQ(names->ConceptKeys("Удар по Харкову, вибухи в Харкові.", "uk"),
            (std::vector<std::string>{"kharkiv", "kharkiv"}));
  EXPECT_EQ(
      names->ConceptKeys("하르키우에서 폭발이 있었고 서울은 조용했다.", "ko"),
      (std::vector<std::string>{"kharkiv", "seoul"}));
  EXPECT_TRUE(names->ConceptKeys("Nothing here.", "en").empty());
}

TEST(NameAnchorsTest, AnchorSetAddsNumbersOnce) {
  auto matcher = Matcher::Compile(Names());
  ASSERT_TRUE(matcher.ok());
  auto names = NameAnchors::Create(*matcher);
  ASSERT_TRUE(names.ok());
  segment::ListAnchors list;
  list.Add("seoul", "uk", "Сеул");
  list.WithoutNumbers();
  segment::AnchorSet set;
  set.Add(&*names);
  set.Add(&list);
  // 1 500 apartments on Oct. 18 in Kharkiv; Seoul named by both sources.
  EXPECT_EQ(Sorted(set.ConceptKeys(
                "18 жовтня в Харкові 1 500 квартир, у Сеулі тихо.", "uk")),
            (std::vector<std::string>{"kharkiv", "num:10", "num:1500", "num:18",
                                      "seoul", "seoul"}));
  EXPECT_EQ(
      Sorted(set.ConceptKeys("About 1,500 apartments in Kharkiv on Oct. 18.",
                             "en")),
      (std::vector<std::string>{"kharkiv", "num:10", "num:1500", "num:18"}));
  EXPECT_EQ(
      Sorted(set.ConceptKeys("10월 18일 하르키우에서 1천500가구.", "ko")),
      (std::vector<std::string>{"kharkiv", "num:10", "num:1500", "num:18"}));
}

}  // namespace
}  // namespace onoma::normalize
