// Documents for the aligner (lib/segment/document.h): paragraphs by line,
// and the language guess `onoma segment` makes without --lang.

#include "lib/segment/document.h"

#include <gtest/gtest.h>

namespace onoma::segment {
namespace {

TEST(DocumentTest, EachNonEmptyLineIsAParagraph) {
  auto splitter = SentenceSplitter::Create("en");
  ASSERT_TRUE(splitter.ok());
  Document doc = SegmentDocument(
      "Snow hits Kyiv\r\n\n\nIt snowed. Roads closed.\n  \nSchools shut.",
      *splitter);
  EXPECT_EQ(doc.sentences,
            (std::vector<std::string>{"Snow hits Kyiv", "It snowed.",
                                      "Roads closed.", "Schools shut."}));
  EXPECT_EQ(doc.paragraph, (std::vector<std::uint32_t>{0, 1, 1, 2}));
}

TEST(DocumentTest, GuessesTheLanguageFromLetters) {
  EXPECT_EQ(GuessLanguage("Kyiv said on Monday."), "en");
  EXPECT_EQ(GuessLanguage("Київ заявив у понеділок."), "uk");
  EXPECT_EQ(GuessLanguage("Москва объявила в понедельник."), "ru");
  EXPECT_EQ(GuessLanguage("키이우는 월요일 밝혔다. (Yonhap)"), "ko");
  EXPECT_EQ(GuessLanguage(""), "en");
  EXPECT_EQ(GuessLanguage("2024"), "en");
}

}  // namespace
}  // namespace onoma::segment
