#include "lib/text/number_style.h"

#include <gtest/gtest.h>

#include <string>

namespace onoma::text {
namespace {

struct Case {
  const char* number;
  const char* from;
  const char* to;
  const char* want;
};

// ICU 72's locale data: Ukrainian and Russian group with U+00A0 from four
// digits on, Polish only from five (minimum grouping digits 2), Korean and
// English with a comma.
TEST(RestyleNumberTest, WritesTheTargetLanguagesStyle) {
  const Case cases[] = {
      {"1,200", "en", "uk", "1\u00A0200"},
      {"1,200", "en", "ko", "1,200"},
      {"1.5", "en", "uk", "1,5"},
      {"1,200.25", "en", "uk", "1\u00A0200,25"},
      {"1,200.50", "en", "uk", "1\u00A0200,50"},  // fraction digits kept
      {"12000", "en", "uk",
       "12\u00A0000"},  // grouped though the source did not
      {"12000", "en", "ko", "12,000"},
      {"1,200", "en", "pl", "1200"},
      {"12,000", "en", "pl", "12\u00A0000"},
      {"1,200", "en", "ru-RU", "1\u00A0200"},
      {"1\u00A0200,5", "uk", "en", "1,200.5"},
      {"1 200,5", "uk", "ko", "1,200.5"},
      {"3,5", "uk", "en", "3.5"},
      {"1.200", "de", "en", "1,200"},
      {"7", "en", "uk", "7"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RestyleNumber(c.number, c.from, c.to), c.want)
        << c.number << " " << c.from << " -> " << c.to;
  }
}

TEST(RestyleNumberTest, KeepsWhatIsNotAQuantity) {
  const Case cases[] = {
      {"2024", "en", "uk", "2024"},          // a year
      {"1200", "en", "ko", "1200"},          // a year by the rule
      {"2101", "en", "uk", "2\u00A0101"},    // past the years
      {"007", "en", "uk", "007"},            // a leading zero: an id
      {"0.5", "en", "uk", "0,5"},            // but 0.5 is a quantity
      {"20261127", "en", "uk", "20261127"},  // eight digits: an id
      {"1,20", "en", "uk", "1,20"},          // not en's grouping
      {"1.2.3", "en", "uk", "1.2.3"},        // two decimal separators
      {"1.5", "uk", "en", "1.5"},            // not uk's style
      {"1234567890123456", "en", "uk", "1234567890123456"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RestyleNumber(c.number, c.from, c.to), c.want)
        << c.number << " " << c.from << " -> " << c.to;
  }
}

TEST(RestyleNumberTest, TakesTheTranslationsOwnSpace) {
  EXPECT_EQ(RestyleNumber("1,200.25", "en", "uk", "3 500,5"), "1 200,25");
  EXPECT_EQ(RestyleNumber("1,200", "en", "uk", "3\u202F500"), "1\u202F200");
  EXPECT_EQ(RestyleNumber("1,200", "en", "uk", "5"), "1\u00A0200");
  EXPECT_EQ(RestyleNumber("1,200", "en", "ko", "3 500"), "1,200");
}

}  // namespace
}  // namespace onoma::text
