// A failed write to standard output is exit 3 with the system's reason,
// never a success: `onoma normalize a.txt > fixed.txt && mv fixed.txt a.txt`
// on a full disk must not empty the article (cli/standard_output.h).
// /dev/full stands for the full disk.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/run_onoma.h"
#include "tests/support/temp_dir_test.h"

namespace onoma::testing {
namespace {

namespace fs = std::filesystem;

const std::string kSample =
    std::string(ONOMA_SOURCE_DIR) + "/tests/data/terms/news-sample.tsv";
constexpr char kFullDisk[] = "cannot write standard output: No space left";

class StandardOutputCliTest : public TempDirTest {
 protected:
  void SetUp() override {
    if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
    TempDirTest::SetUp();
    db_ = Path("m.db");
    Output o = Onoma("term import '" + kSample + "'");
    ASSERT_EQ(o.exit_code, 0) << o.err;
    o = Onoma("tm add --from en --to uk 'Kyiv said' 'Київ заявив'");
    ASSERT_EQ(o.exit_code, 0) << o.err;
  }

  Output Onoma(const std::string& args, const std::string& input = "") {
    return RunOnoma("LANG=C", "--db '" + db_ + "' " + args, input);
  }
  // `onoma ARGS > /dev/full`.
  Output OntoFullDisk(const std::string& args, const std::string& input = "") {
    return Onoma(args + " >/dev/full", input);
  }

  std::string db_;
};

TEST_F(StandardOutputCliTest, EveryCommandFailsOnAFullDisk) {
  std::ofstream(Path("a.txt")) << "Missiles struck Kiev.\n";
  for (const std::string& args :
       {"normalize '" + Path("a.txt") + "'", std::string("term lookup Kiev"),
        std::string("term list"), std::string("tm stats"),
        std::string("tm lookup --from en --to uk 'Kyiv said'"),
        std::string("tm concordance Kyiv"), std::string("romanize Київ"),
        std::string("romanize --list"), "segment '" + Path("a.txt") + "'",
        std::string("--help")}) {
    Output o = OntoFullDisk(args);
    EXPECT_EQ(o.exit_code, 3) << args << "\n" << o.err;
    EXPECT_NE(o.err.find(kFullDisk), std::string::npos) << args << "\n"
                                                        << o.err;
  }
}

TEST_F(StandardOutputCliTest, RomanizeFromStdinFailsOnAFullDisk) {
  Output o = OntoFullDisk("romanize", "Київ\n");
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_NE(o.err.find("romanize: " + std::string(kFullDisk)),
            std::string::npos)
      << o.err;
}

// The streams stop at the first failed write: the invalid UTF-8 at the end
// of the input is never read, so never reported.
TEST_F(StandardOutputCliTest, StreamsStopAtTheFirstFailedWrite) {
  std::string names;
  for (int i = 0; i < 20000; ++i) names += "Київ\n";
  const std::string input = names + "bad \xC3(\n";
  for (const std::string& args :
       {std::string("romanize"), std::string("term lookup -"),
        std::string("tm lookup --from en --to uk -"),
        std::string("tm concordance -"), std::string("segment -")}) {
    Output o = OntoFullDisk(args, input);
    EXPECT_EQ(o.exit_code, 3) << args << "\n" << o.err;
    EXPECT_NE(o.err.find(kFullDisk), std::string::npos) << args << "\n"
                                                        << o.err;
    EXPECT_EQ(o.err.find("invalid UTF-8"), std::string::npos) << args << "\n"
                                                              << o.err;
  }
}

// normalize a.txt b.txt > /dev/full: a.txt's write fails, b.txt (invalid
// UTF-8) is not read.
TEST_F(StandardOutputCliTest, NormalizeStopsAtTheFirstFailedWrite) {
  std::string article;
  while (article.size() < 256 * 1024) article += "Missiles struck Kiev.\n";
  std::ofstream(Path("a.txt")) << article;
  std::ofstream(Path("b.txt")) << "bad \xC3(\n";
  Output o =
      OntoFullDisk("normalize '" + Path("a.txt") + "' '" + Path("b.txt") + "'");
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_NE(o.err.find("normalize: " + std::string(kFullDisk)),
            std::string::npos)
      << o.err;
  EXPECT_EQ(o.err.find("invalid UTF-8"), std::string::npos) << o.err;
}

// A closed pipe stays quiet, as for any filter: `onoma ... | head`.
TEST_F(StandardOutputCliTest, ClosedPipeIsNotAnError) {
  std::string names;
  for (int i = 0; i < 20000; ++i) names += "Київ\n";
  std::ofstream(Path("names.txt")) << names;
  // The pipeline, then `true` to take the redirections RunOnoma appends.
  Output o = Onoma("romanize <'" + Path("names.txt") + "' 2>'" +
                   Path("err.txt") + "' | head -n 1; true");
  EXPECT_EQ(o.out, "Kyiv\n");
  std::ifstream err(Path("err.txt"));
  std::string first;
  EXPECT_FALSE(std::getline(err, first)) << first;
}

}  // namespace
}  // namespace onoma::testing
