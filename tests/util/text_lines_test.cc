// Tests of lib/util/text_lines.h: the lines a table parser walks, and the
// numbers its messages give them.

#include "lib/util/text_lines.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace onoma {
namespace {

std::vector<std::pair<std::uint32_t, std::string>> Lines(
    std::string_view text) {
  std::vector<std::pair<std::uint32_t, std::string>> out;
  for (TextLines lines(text); lines.Next();) {
    out.emplace_back(lines.number(), std::string(lines.line()));
  }
  return out;
}

using Numbered = std::vector<std::pair<std::uint32_t, std::string>>;

TEST(TextLinesTest, NumbersLinesFromOneWithoutTheirNewlines) {
  EXPECT_EQ(Lines("a\n\nb c\n"), (Numbered{{1, "a"}, {2, ""}, {3, "b c"}}));
}

TEST(TextLinesTest, ALastLineWithoutANewlineCounts) {
  EXPECT_EQ(Lines("a\nb"), (Numbered{{1, "a"}, {2, "b"}}));
}

TEST(TextLinesTest, AnEmptyTextHasNoLines) {
  EXPECT_TRUE(Lines("").empty());
  EXPECT_EQ(Lines("\n"), (Numbered{{1, ""}}));
}

TEST(TextLinesTest, ACarriageReturnStaysForTheParser) {
  EXPECT_EQ(Lines("a\r\nb\r\n"), (Numbered{{1, "a\r"}, {2, "b\r"}}));
}

}  // namespace
}  // namespace onoma
