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

// Regression: `tm align --import` stored the byte-order mark of a file saved
// by a Windows editor inside its first segment.
TEST(DocumentTest, ByteOrderMarkIsNoPartOfTheFirstSentence) {
  auto splitter = SentenceSplitter::Create("uk");
  ASSERT_TRUE(splitter.ok());
  Document doc =
      SegmentDocument("\xEF\xBB\xBFПерше речення. Друге.\n", *splitter);
  EXPECT_EQ(doc.sentences,
            (std::vector<std::string>{"Перше речення.", "Друге."}));
  // Only at the start: elsewhere U+FEFF is text, and stays.
  doc = SegmentDocument("One.\n\xEF\xBB\xBFTwo.\n", *splitter);
  ASSERT_EQ(doc.size(), 2u);
  EXPECT_EQ(doc.sentences[1].substr(0, 3), "\xEF\xBB\xBF");
  // A mark alone is an empty document.
  EXPECT_EQ(SegmentDocument("\xEF\xBB\xBF", *splitter).size(), 0u);
}

}  // namespace
}  // namespace onoma::segment
