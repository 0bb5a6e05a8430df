// Every file argument of every command, given a directory, a missing
// path, an unreadable file or a FIFO (`--table DIR`, `--srx DIR`
// and `tm align SRC DIR` ended in "internal error:
// basic_filebuf::underflow" with exit 4). Each refusal is a usage error
// (exit 2) or an input error (exit 3) naming the path; a FIFO is read.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/run_onoma.h"
#include "tests/support/temp_dir_test.h"

namespace onoma::testing {
namespace {

namespace fs = std::filesystem;

class InputFileCliTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    Write("article.txt", "Missiles struck Kiev. Talks went on.\n");
    Write("table.txt",
          "scheme: x-test\ntitle: a test\nscript: cyrillic\nк → q\n");
    Write("terms.tsv",
          "concept\ttype\tlang\tform\tstatus\tterm_type\tnote\tsource\n"
          "kyiv\tplace\ten\tKyiv\tpreferred\t\t\t\n");
    // The commands that only read refuse a database that is not there.
    ASSERT_EQ(Run("term import @", Path("terms.tsv")).exit_code, 0);
  }
  // `onoma --db DB <args>`, where @ in `args` stands for the bad path.
  Output Run(std::string args, const std::string& bad) {
    for (std::size_t at; (at = args.find('@')) != std::string::npos;) {
      args.replace(at, 1, "'" + bad + "'");
    }
    return RunOnoma("LANG=C", "--db '" + Path("onoma.db") + "' " + args);
  }

  // Every command line that names an input file, with @ for that file and
  // the others valid.
  std::vector<std::string> Commands() {
    const std::string article = "'" + Path("article.txt") + "' ";
    return {
        "normalize @",
        "normalize " + article + "@",
        "normalize --check @",
        "segment @",
        "segment --srx @ " + article,
        "term import @",
        "tm import @",
        "tm import --dry-run @",
        "romanize --table @ Київ",
        "tm align --from en --to uk @ " + article,
        "tm align --from en --to uk " + article + "@",
        "tm align --from en --to uk --anchors @ " + article + article,
    };
  }
};

// A directory where a file is expected: an error naming the directory,
// exit 2 or 3, never an internal error.
TEST_F(InputFileCliTest, DirectoryIsAnErrorNamingIt) {
  // Named as the command expects its files (.tsv, .tmx), so that the
  // format check does not answer first.
  for (const char* name : {"dir.tsv", "dir.tmx"}) {
    fs::create_directories(Path(name));
  }
  for (std::string command : Commands()) {
    const bool terms = command.starts_with("term import");
    const bool tmx = command.starts_with("tm import");
    const std::string dir = Path(terms ? "dir.tsv"
                                 : tmx ? "dir.tmx"
                                       : "dir.tsv");
    Output o = Run(command, dir);
    EXPECT_TRUE(o.exit_code == 2 || o.exit_code == 3)
        << command << " exit " << o.exit_code << "\n"
        << o.err;
    EXPECT_NE(o.err.find(dir), std::string::npos) << command << "\n" << o.err;
    EXPECT_EQ(o.err.find("internal error"), std::string::npos)
        << command << "\n"
        << o.err;
  }
}

TEST_F(InputFileCliTest, DirectoryMessages) {
  fs::create_directories(Path("rules"));
  const std::string dir = Path("rules");
  EXPECT_EQ(
      Run("romanize --table @ Київ", dir).err,
      "onoma: --table: " + dir + ": cannot read the file: Is a directory\n");
  EXPECT_EQ(
      Run("segment --srx @ '" + Path("article.txt") + "'", dir).err,
      "onoma: --srx: " + dir + ": cannot read the file: Is a directory\n");
  // One side a directory, the other a file: neither a pair of files nor
  // a batch. A usage error naming both.
  Output mixed =
      Run("tm align --from en --to uk '" + Path("article.txt") + "' @", dir);
  EXPECT_EQ(mixed.exit_code, 2) << mixed.err;
  EXPECT_EQ(mixed.err, "onoma: tm align: " + dir + " is a directory and " +
                           Path("article.txt") +
                           " is not: give two files, or two directories to "
                           "align their files by name\n");
  // A .tsv directory was read as an empty term list: "0 terms imported".
  fs::create_directories(Path("glossary.tsv"));
  Output terms = Run("term import @", Path("glossary.tsv"));
  EXPECT_EQ(terms.exit_code, 3) << terms.err;
  EXPECT_EQ(terms.out, "");
  EXPECT_EQ(terms.err, "onoma: term import: " + Path("glossary.tsv") +
                           ": cannot read the file: Is a directory\n");
}

TEST_F(InputFileCliTest, MissingFileIsAnErrorNamingIt) {
  const std::string missing = Path("missing.tsv");
  for (const std::string& command : Commands()) {
    std::string path = missing;
    if (command.starts_with("tm import")) path = Path("missing.tmx");
    Output o = Run(command, path);
    EXPECT_EQ(o.exit_code, 3) << command << "\n" << o.err;
    EXPECT_NE(o.err.find(path + ": cannot read the file: No such file or "
                                "directory"),
              std::string::npos)
        << command << "\n"
        << o.err;
  }
}

TEST_F(InputFileCliTest, UnreadableFileIsAnErrorNamingIt) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
  for (const char* name : {"secret.tsv", "secret.tmx"}) {
    Write(name, "x\n");
    ::chmod(Path(name).c_str(), 0);
  }
  for (const std::string& command : Commands()) {
    const std::string path =
        Path(command.starts_with("tm import") ? "secret.tmx" : "secret.tsv");
    Output o = Run(command, path);
    EXPECT_EQ(o.exit_code, 3) << command << "\n" << o.err;
    EXPECT_NE(o.err.find(path + ": cannot read the file: Permission denied"),
              std::string::npos)
        << command << "\n"
        << o.err;
  }
}

// A FIFO (`<(zcat article.gz)`) is read like a file.
TEST_F(InputFileCliTest, FifoIsRead) {
  struct Case {
    std::string command;
    std::string input;
    std::string out;
  };
  const std::string article = "'" + Path("article.txt") + "'";
  const std::vector<Case> cases = {
      {"segment --lang en @", "One here. Two there.\n",
       "One here.\nTwo there.\n"},
      {"romanize --table @ --scheme x-test к",
       "scheme: x-test\ntitle: t\nscript: cyrillic\nк → q\n", "q\n"},
      {"tm align --from en --to en @ " + article,
       "Missiles struck Kiev. Talks went on.\n",
       "Missiles struck Kiev.\tMissiles struck Kiev.\t"},
  };
  for (const Case& c : cases) {
    const std::string fifo = Path("pipe");
    fs::remove(fifo);
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    // The writer gives up after a while, should onoma never open the FIFO.
    std::string args = c.command;
    args.replace(args.find('@'), 1, "'" + fifo + "'");
    Write("input", c.input);
    Output o =
        RunOnoma("timeout 20 sh -c 'cat \"$0\" > \"$1\"' '" + Path("input") +
                     "' '" + fifo + "' >/dev/null 2>&1 & LANG=C",
                 "--db '" + Path("onoma.db") + "' " + args);
    EXPECT_EQ(o.exit_code, 0) << c.command << "\n" << o.err;
    EXPECT_EQ(o.out.substr(0, c.out.size()), c.out) << c.command;
  }
}

}  // namespace
}  // namespace onoma::testing
