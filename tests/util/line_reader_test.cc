#include "lib/util/line_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace onoma {
namespace {

// The lines of `text` as NextText() gives them, through a memory stream.
std::vector<std::string> TextLines(const std::string& text) {
  std::FILE* file = fmemopen(const_cast<char*>(text.data()), text.size(), "r");
  EXPECT_NE(file, nullptr);
  LineReader reader = LineReader::Over(file, "mem");
  std::vector<std::string> out;
  std::string line;
  for (;;) {
    auto more = reader.NextText(line);
    EXPECT_TRUE(more.ok());
    if (!more.ok() || !*more) break;
    out.push_back(line);
  }
  EXPECT_EQ(reader.lines(), out.size());
  std::fclose(file);
  return out;
}

TEST(LineReaderTest, TextLinesWithoutTheirEnds) {
  EXPECT_EQ(TextLines("a\nb\r\n\nlast"),
            (std::vector<std::string>{"a", "b", "", "last"}));
  EXPECT_EQ(TextLines(""), std::vector<std::string>{});
  EXPECT_EQ(TextLines("\n"), std::vector<std::string>{""});
}

TEST(LineReaderTest, PrefetchHoldsWholeLinesThenGivesThemBack) {
  const std::string text = "one\ntwo\nthree";
  std::FILE* file = fmemopen(const_cast<char*>(text.data()), text.size(), "r");
  ASSERT_NE(file, nullptr);
  LineReader reader = LineReader::Over(file, "mem");
  ASSERT_TRUE(reader.Prefetch(5).ok());
  EXPECT_EQ(reader.held(), "one\ntwo\n");
  std::string line;
  bool newline = false;
  std::vector<std::pair<std::string, bool>> got;
  for (;;) {
    auto more = reader.Next(line, newline);
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    got.emplace_back(line, newline);
  }
  EXPECT_EQ(got, (std::vector<std::pair<std::string, bool>>{
                     {"one", true}, {"two", true}, {"three", false}}));
  EXPECT_EQ(reader.held(), "");
  std::fclose(file);
}

TEST(LineReaderTest, OpenFailsAsInputFileDoes) {
  auto missing = LineReader::Open("/nonexistent/onoma/article.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kIo);
  EXPECT_NE(missing.status().ToString().find("cannot read the file"),
            std::string::npos);
}

}  // namespace
}  // namespace onoma
