// Ukrainian declension classes (tables/normalize/uk-declension.txt).

#include "lib/normalize/declension.h"

#include <gtest/gtest.h>

#include <string>

namespace onoma::normalize {
namespace {

struct Row {
  const char* nominative;
  Case grammatical_case;
  const char* expected;
};

TEST(DeclensionTest, DeclinesByEnding) {
  auto table = Declension::Builtin();
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  const Row rows[] = {
      {"Київ", Case::kGen, "Києва"},
      {"Київ", Case::kDat, "Києву"},
      {"Київ", Case::kIns, "Києвом"},
      {"Київ", Case::kLoc, "Києві"},
      {"Харків", Case::kGen, "Харкова"},
      {"Харків", Case::kLoc, "Харкові"},
      {"Харків", Case::kIns, "Харковом"},
      {"Одеса", Case::kGen, "Одеси"},
      {"Одеса", Case::kDat, "Одесі"},
      {"Одеса", Case::kAcc, "Одесу"},
      {"Одеса", Case::kIns, "Одесою"},
      {"Курська область", Case::kGen, "Курської області"},
      {"Курська область", Case::kLoc, "Курській області"},
      {"Курська область", Case::kAcc, "Курську область"},
      {"Курська область", Case::kIns, "Курською областю"},
      {"Курськ", Case::kGen, "Курська"},
      {"Курськ", Case::kLoc, "Курську"},
      {"Бахмут", Case::kGen, "Бахмута"},
      {"Бахмут", Case::kLoc, "Бахмуті"},
      {"Ніжин", Case::kIns, "Ніжином"},
      {"Вінниця", Case::kGen, "Вінниці"},
      {"Вінниця", Case::kIns, "Вінницею"},
      {"Дніпро", Case::kGen, "Дніпра"},
      {"Дніпро", Case::kLoc, "Дніпрі"},
      {"Запоріжжя", Case::kDat, "Запоріжжю"},
      {"Кам'янське", Case::kGen, "Кам'янського"},
      {"Кропивницький", Case::kGen, "Кропивницького"},
      {"Красний Лиман", Case::kGen, "Красного Лимана"},
  };
  for (const Row& row : rows) {
    auto got = (*table)->Decline(row.nominative, "", row.grammatical_case);
    ASSERT_TRUE(got.has_value()) << row.nominative;
    EXPECT_EQ(*got, row.expected)
        << row.nominative << " " << CaseName(row.grammatical_case);
  }
}

TEST(DeclensionTest, FormsIncludeRussianLocativeForMatchingOnly) {
  auto table = Declension::Builtin();
  ASSERT_TRUE(table.ok());
  bool found = false;
  for (const InflectedForm& f : (*table)->Forms("Киев", "")) {
    if (f.form == "Киеве") {
      found = true;
      EXPECT_EQ(f.grammatical_case, Case::kLoc);
    }
    EXPECT_NE(f.form, "Киев");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(*(*table)->Decline("Київ", "", Case::kLoc), "Києві");
}

TEST(DeclensionTest, LatinAndOverridesDoNotDecline) {
  auto table = Declension::Builtin();
  ASSERT_TRUE(table.ok());
  EXPECT_TRUE((*table)->Forms("Kyiv", "").empty());
  EXPECT_TRUE((*table)->Forms("Київ", "none").empty());
  EXPECT_FALSE((*table)->Decline("Київ", "none", Case::kGen).has_value());
  EXPECT_EQ(*(*table)->Decline("Київ", "none", Case::kNom), "Київ");
  EXPECT_TRUE((*table)->HasClass("masc-iv"));
  EXPECT_FALSE((*table)->HasClass("no-such-class"));
}

TEST(DeclensionTest, ParseErrorsAreLocated) {
  auto bad = Declension::Parse("# c\nx m а gen:и\n", "t.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find("t.txt:2"), std::string::npos)
      << bad.status().ToString();
}

}  // namespace
}  // namespace onoma::normalize
