// Inferred declension (lib/normalize/inflection_guess.h) against forms
// declined by hand: every case, both numbers where the name has a plural.

#include "lib/normalize/inflection_guess.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lib/normalize/declension.h"

namespace onoma::normalize {
namespace {

enum class Kind { kPlace, kPerson, kOther };

ConceptInput Concept(Kind kind, std::vector<FormInput> terms) {
  ConceptInput c;
  c.slug = "c";
  c.is_place = kind == Kind::kPlace;
  c.is_person = kind == Kind::kPerson;
  c.terms = std::move(terms);
  return c;
}

FormInput Uk(std::string form) {
  return FormInput{"uk", std::move(form), FormStatus::kPreferred,
                   FormKind::kFullForm, ""};
}

// Paradigm: nominative, then gen, dat, acc, ins, loc, voc ("" where the
// class has no vocative); the plural likewise, nominative first (empty
// when there is none).
struct Paradigm {
  std::string lang;
  Kind kind;
  std::string form;
  std::string klass;  // what the inference must pick
  std::vector<std::string> singular;
  std::vector<std::string> plural;
  std::vector<FormInput> others = {};  // the concept's other renderings
};

void Check(const Paradigm& p) {
  std::vector<FormInput> terms = p.others;
  FormInput term{p.lang, p.form, FormStatus::kPreferred, FormKind::kFullForm,
                 ""};
  terms.push_back(term);
  ConceptInput c = Concept(p.kind, terms);
  std::string klass = GuessInflection(c, term);
  EXPECT_EQ(klass, p.klass) << p.form;
  auto table = Declension::Builtin(p.lang);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  for (std::size_t k = 0; k < p.singular.size(); ++k) {
    auto got = (*table)->Decline(p.form, klass, static_cast<Case>(k + 1));
    if (p.singular[k].empty()) {
      EXPECT_FALSE(got.has_value()) << p.form << " " << k + 1;
      continue;
    }
    ASSERT_TRUE(got.has_value())
        << p.form << " " << CaseName(static_cast<Case>(k + 1));
    EXPECT_EQ(*got, p.singular[k])
        << p.form << " " << CaseName(static_cast<Case>(k + 1));
  }
  for (std::size_t k = 0; k < p.plural.size(); ++k) {
    auto got = (*table)->Decline(p.form, klass, static_cast<Case>(k), true);
    ASSERT_TRUE(got.has_value())
        << p.form << " pl " << CaseName(static_cast<Case>(k));
    EXPECT_EQ(*got, p.plural[k])
        << p.form << " pl " << CaseName(static_cast<Case>(k));
  }
  // Every form listed is one the matcher finds.
  std::vector<InflectedForm> forms = (*table)->Forms(p.form, klass);
  for (const std::string& want : p.singular) {
    if (want.empty() || want == p.form) continue;
    bool found = false;
    for (const InflectedForm& f : forms) found |= f.form == want;
    EXPECT_TRUE(found) << want;
  }
}

TEST(InflectionGuessTest, KoreanNameDeclinesOnlyItsLastElement) {
  Check({"uk",
         Kind::kPerson,
         "Кім Чен Ин",
         "none none p-masc-hard",
         {"Кім Чен Ина", "Кім Чен Инові", "Кім Чен Ина", "Кім Чен Ином",
          "Кім Чен Инові", "Кім Чен Ине"},
         {},
         {{"ko", "김정은", FormStatus::kPreferred, FormKind::kFullForm, ""}}});
  // A soft final takes soft endings.
  Check({"uk",
         Kind::kPerson,
         "Юн Сок Йоль",
         "none none p-masc-soft",
         {"Юн Сок Йоля", "Юн Сок Йолеві", "Юн Сок Йоля", "Юн Сок Йолем",
          "Юн Сок Йолеві", "Юн Сок Йолю"},
         {},
         {{"en", "Yoon Suk Yeol", FormStatus::kPreferred, FormKind::kFullForm,
           ""}}});
  // Chinese, two parts, recognised by the English family name.
  Check({"uk",
         Kind::kPerson,
         "Сі Цзіньпін",
         "none p-masc-hard",
         {"Сі Цзіньпіна", "Сі Цзіньпінові", "Сі Цзіньпіна", "Сі Цзіньпіном",
          "Сі Цзіньпінові", "Сі Цзіньпіне"},
         {},
         {{"en", "Xi Jinping", FormStatus::kPreferred, FormKind::kFullForm,
           ""}}});
  Check({"ru",
         Kind::kPerson,
         "Ким Чен Ын",
         "none none p-masc-hard",
         {"Ким Чен Ына", "Ким Чен Ыну", "Ким Чен Ына", "Ким Чен Ыном",
          "Ким Чен Ыне"},
         {},
         {{"ko", "김정은", FormStatus::kPreferred, FormKind::kFullForm, ""}}});
}

TEST(InflectionGuessTest, SlavicSurnames) {
  Check({"uk",
         Kind::kPerson,
         "Пєсков",
         "p-ov",
         {"Пєскова", "Пєскову", "Пєскова", "Пєсковим", "Пєскову", "Пєскове"},
         {"Пєскови", "Пєскових", "Пєсковим", "Пєскових", "Пєсковими",
          "Пєскових", "Пєскови"}});
  Check({"uk",
         Kind::kPerson,
         "Дмитро Медведєв",
         "p-masc-o p-yev",
         {"Дмитра Медведєва", "Дмитрові Медведєву", "Дмитра Медведєва",
          "Дмитром Медведєвим", "Дмитрові Медведєву", "Дмитре Медведєве"},
         {}});
  Check({"uk",
         Kind::kPerson,
         "Володимир Путін",
         "p-masc-hard p-in",
         {"Володимира Путіна", "Володимирові Путіну", "Володимира Путіна",
          "Володимиром Путіним", "Володимирові Путіну", "Володимире Путіне"},
         {}});
  Check({"uk",
         Kind::kPerson,
         "Володимир Зеленський",
         "p-masc-hard p-adj-skyi",
         {"Володимира Зеленського", "Володимирові Зеленському",
          "Володимира Зеленського", "Володимиром Зеленським",
          "Володимирові Зеленському", "Володимире Зеленський"},
         {}});
  Check({"uk",
         Kind::kPerson,
         "Зеленський",
         "p-adj-skyi",
         {"Зеленського", "Зеленському", "Зеленського", "Зеленським",
          "Зеленському", "Зеленський"},
         {"Зеленські", "Зеленських", "Зеленським", "Зеленських", "Зеленськими",
          "Зеленських", "Зеленські"}});
  Check({"uk",
         Kind::kPerson,
         "Марія Захарова",
         "p-fem-iia p-fem-ova",
         {"Марії Захарової", "Марії Захаровій", "Марію Захарову",
          "Марією Захаровою", "Марії Захаровій", "Маріє Захарова"},
         {}});
  Check({"uk",
         Kind::kPerson,
         "Віталій Кличко",
         "p-masc-j p-masc-ko",
         {"Віталія Кличка", "Віталієві Кличкові", "Віталія Кличка",
          "Віталієм Кличком", "Віталієві Кличкові", "Віталію Кличку"},
         {}});
  Check({"ru",
         Kind::kPerson,
         "Дмитрий Песков",
         "p-masc-iy p-ov",
         {"Дмитрия Пескова", "Дмитрию Пескову", "Дмитрия Пескова",
          "Дмитрием Песковым", "Дмитрии Пескове"},
         {}});
  Check({"ru",
         Kind::kPerson,
         "Мария Захарова",
         "p-fem-iia p-fem-ova",
         {"Марии Захаровой", "Марии Захаровой", "Марию Захарову",
          "Марией Захаровой", "Марии Захаровой"},
         {}});
}

TEST(InflectionGuessTest, WesternNames) {
  Check({"uk",
         Kind::kPerson,
         "Емманюель Макрон",
         "p-masc-soft p-masc-hard",
         {"Емманюеля Макрона", "Емманюелеві Макронові", "Емманюеля Макрона",
          "Емманюелем Макроном", "Емманюелеві Макронові", "Емманюелю Макроне"},
         {"Емманюелі Макрони", "Емманюелів Макронів", "Емманюелям Макронам",
          "Емманюелів Макронів", "Емманюелями Макронами", "Емманюелях Макронах",
          "Емманюелі Макрони"}});
  // The given name declines, the -е surname does not.
  Check({"uk",
         Kind::kPerson,
         "Марк Рютте",
         "p-masc-k none",
         {"Марка Рютте", "Маркові Рютте", "Марка Рютте", "Марком Рютте",
          "Маркові Рютте", "Марку Рютте"},
         {}});
  // A woman's consonant-final surname does not decline.
  Check({"uk",
         Kind::kPerson,
         "Кая Каллас",
         "p-fem-ja none",
         {"Каї Каллас", "Каї Каллас", "Каю Каллас", "Каєю Каллас", "Каї Каллас",
          "Кає Каллас"},
         {}});
  Check({"ru",
         Kind::kPerson,
         "Эмманюэль Макрон",
         "p-masc-soft p-masc-hard",
         {"Эмманюэля Макрона", "Эмманюэлю Макрону", "Эмманюэля Макрона",
          "Эмманюэлем Макроном", "Эмманюэле Макроне"},
         {}});
}

TEST(InflectionGuessTest, PlacesByEnding) {
  Check({"uk",
         Kind::kPlace,
         "Кропивницький",
         "adj-masc-yi",
         {"Кропивницького", "Кропивницькому", "Кропивницький", "Кропивницьким",
          "Кропивницькому", "Кропивницький"},
         {}});
  Check({"uk",
         Kind::kPlace,
         "Бєлгород",
         "masc-hard",
         {"Бєлгорода", "Бєлгороду", "Бєлгород", "Бєлгородом", "Бєлгороді",
          "Бєлгороде"},
         {}});
  Check({"uk",
         Kind::kPlace,
         "Суми",
         "pl-y",
         {"Сум", "Сумам", "Суми", "Сумами", "Сумах", ""},
         {}});
  Check({"uk",
         Kind::kPlace,
         "Чернівці",
         "pl-i",
         {"Чернівців", "Чернівцям", "Чернівці", "Чернівцями", "Чернівцях", ""},
         {}});
  Check({"uk",
         Kind::kPlace,
         "Горішні Плавні",
         "pl-adj-soft pl-i",
         {"Горішніх Плавнів", "Горішнім Плавням", "Горішні Плавні",
          "Горішніми Плавнями", "Горішніх Плавнях", ""},
         {}});
  Check({"uk",
         Kind::kPlace,
         "Рівне",
         "adj-neut-ne",
         {"Рівного", "Рівному", "Рівне", "Рівним", "Рівному", "Рівне"},
         {}});
  Check({"uk",
         Kind::kPlace,
         "Росія",
         "fem-iia",
         {"Росії", "Росії", "Росію", "Росією", "Росії", "Росіє"},
         {}});
  Check({"ru",
         Kind::kPlace,
         "Курская область",
         "adj-fem-aya fem-3-oblast",
         {"Курской области", "Курской области", "Курскую область",
          "Курской областью", "Курской области"},
         {}});
  Check({"ru",
         Kind::kPlace,
         "Харьков",
         "masc-hard",
         {"Харькова", "Харькову", "Харьков", "Харьковом", "Харькове"},
         {}});
  // A concept of type other is a place when its English says Oblast.
  Check({"uk",
         Kind::kOther,
         "Донецька область",
         "adj-fem-tska fem-3-oblast",
         {"Донецької області", "Донецькій області", "Донецьку область",
          "Донецькою областю", "Донецькій області", ""},
         {},
         {{"en", "Donetsk Oblast", FormStatus::kPreferred, FormKind::kFullForm,
           ""}}});
}

TEST(InflectionGuessTest, MoreEndings) {
  Check({"uk",
         Kind::kPerson,
         "Юлія Навальна",
         "p-fem-iia p-fem-na",
         {"Юлії Навальної", "Юлії Навальній", "Юлію Навальну",
          "Юлією Навальною", "Юлії Навальній", "Юліє Навальна"},
         {}});
  Check({"uk",
         Kind::kPlace,
         "Ірпінь",
         "masc-soft-in",
         {"Ірпеня", "Ірпеню", "Ірпінь", "Ірпенем", "Ірпені", "Ірпеню"},
         {}});
  Check({"uk",
         Kind::kPlace,
         "Твер",
         "fem-3-cons",
         {"Твері", "Твері", "Твер", "Тверю", "Твері", "Твере"},
         {},
         {{"ru", "Тверь", FormStatus::kPreferred, FormKind::kFullForm, ""}}});
  Check({"ru",
         Kind::kPlace,
         "Тверь",
         "fem-3",
         {"Твери", "Твери", "Тверь", "Тверью", "Твери"},
         {}});
  Check({"ru",
         Kind::kPlace,
         "Горишние Плавни",
         "pl-adj-ie pl-ni",
         {"Горишних Плавней", "Горишним Плавням", "Горишние Плавни",
          "Горишними Плавнями", "Горишних Плавнях"},
         {}});
  Check({"uk",
         Kind::kPlace,
         "Санкт-Петербург",
         "masc-g",
         {"Санкт-Петербурга", "Санкт-Петербургу", "Санкт-Петербург",
          "Санкт-Петербургом", "Санкт-Петербурзі", "Санкт-Петербурже"},
         {}});
}

TEST(InflectionGuessTest, OrganizationsDeclineTheirHead) {
  Check({"uk",
         Kind::kOther,
         "Служба безпеки України",
         "fem-a none none",
         {"Служби безпеки України", "Службі безпеки України",
          "Службу безпеки України", "Службою безпеки України",
          "Службі безпеки України", "Службо безпеки України"},
         {}});
  ConceptInput c = Concept(Kind::kOther, {});
  FormInput nato{"uk", "НАТО", FormStatus::kPreferred, FormKind::kAcronym, ""};
  EXPECT_EQ(GuessInflection(c, nato), "none");
  EXPECT_EQ(GuessInflection(c, Uk("Шевченко")), "none");
  FormInput en{"en", "Kyiv", FormStatus::kPreferred, FormKind::kFullForm, ""};
  EXPECT_EQ(GuessInflection(c, en), "");
}

TEST(InflectionGuessTest, PerWordClassesAreChecked) {
  auto table = Declension::Builtin();
  ASSERT_TRUE(table.ok());
  EXPECT_TRUE((*table)->HasClass("none none p-masc-hard", "Кім Чен Ин"));
  EXPECT_FALSE((*table)->HasClass("none p-masc-hard", "Кім Чен Ин"));
  EXPECT_FALSE((*table)->HasClass("none no-such"));
  EXPECT_TRUE(Declension::Builtin("ru").ok());
  EXPECT_FALSE(Declension::Builtin("ko").ok());
}

}  // namespace
}  // namespace onoma::normalize
