// `onoma normalize` as a user runs it (issue 6): --check exit codes, the
// report, invalid UTF-8 in one of several files, --in-place atomicity even
// when the process is killed midway.

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "tests/support/run_onoma.h"

namespace onoma::testing {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void Write(const std::string& path, const std::string& contents) {
  std::ofstream(path, std::ios::binary) << contents;
}

class NormalizeCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One database per process: ctest runs each test in its own process,
    // several at a time.
    db_ = new std::string(::testing::TempDir() + "onoma_normalize_cli_" +
                          std::to_string(getpid()) + ".db");
    RemoveDb();
    Output o =
        RunOnoma("LANG=C", "--db '" + *db_ + "' term import '" +
                               ONOMA_SOURCE_DIR + "/tables/termbase/news.tsv'");
    ASSERT_EQ(o.exit_code, 0) << o.err;
  }
  static void TearDownTestSuite() { RemoveDb(); }
  static void RemoveDb() {
    for (const char* ext : {"", "-wal", "-shm"}) {
      std::remove((*db_ + ext).c_str());
    }
  }
  void SetUp() override {
    dir_ = ::testing::TempDir() + "onoma_normalize_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Output Onoma(const std::string& args, const std::string& input = "") {
    return RunOnoma("LANG=C", "--db '" + *db_ + "' normalize " + args, input);
  }
  std::string Path(const std::string& name) { return dir_ + "/" + name; }

  static std::string* db_;
  std::string dir_;
};

std::string* NormalizeCliTest::db_ = nullptr;

TEST_F(NormalizeCliTest, CheckExitsZeroOnCleanAndOneOnVariant) {
  Write(Path("clean.txt"), "Missiles struck Kyiv and Kharkiv.\n");
  Write(Path("dirty.txt"), "Missiles struck Kiev and Kharkiv.\n");
  Output clean = Onoma("--check '" + Path("clean.txt") + "'");
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_EQ(clean.out, "");
  Output dirty = Onoma("--check '" + Path("dirty.txt") + "'");
  EXPECT_EQ(dirty.exit_code, 1) << dirty.err;
  EXPECT_NE(dirty.err.find("dirty.txt:1:17: Kiev -> Kyiv"), std::string::npos)
      << dirty.err;
}

TEST_F(NormalizeCliTest, CleanArticleComesOutByteForByte) {
  const std::string article =
      "KYIV, Nov 27 - Officials in Kyiv's\r\ncity hall  said\t(Kharkiv).\n"
      "\xea\xb8\xb0 Caf\x65\xcc\x81 Chicken Kiev, Kievan Rus'\n\n"
      "no final newline";
  Write(Path("clean.txt"), article);
  Output o = Onoma("'" + Path("clean.txt") + "'");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out, article);
}

TEST_F(NormalizeCliTest, LangOverridesDetection) {
  // Курск is deprecated in Ukrainian copy, preferred in Russian copy.
  EXPECT_EQ(Onoma("--lang uk", "Курск\n").out, "Курськ\n");
  EXPECT_EQ(Onoma("--lang ru", "Курск\n").out, "Курск\n");
  // Detection: ы and э make this Russian.
  EXPECT_EQ(Onoma("", "Курск был и это\n").out, "Курск был и это\n");
}

TEST_F(NormalizeCliTest, StdinToStdoutWithReport) {
  Output o = Onoma("--report '" + Path("r.jsonl") + "'",
                   "KIEV - Kiev's mayor\n\xea\xb8\xb0 Chicken Kiev\n");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out, "KYIV - Kyiv's mayor\n\xea\xb8\xb0 Chicken Kiev\n");
  std::string report = Slurp(Path("r.jsonl"));
  EXPECT_NE(report.find("{\"file\": \"<stdin>\", \"line\": 1, \"column\": 8, "
                        "\"byte_offset\": 7, \"found\": \"Kiev's\", "
                        "\"replacement\": \"Kyiv's\", \"concept\": \"kyiv\", "
                        "\"reason\": \"deprecated\", \"applied\": true}\n"),
            std::string::npos)
      << report;
  EXPECT_NE(o.err.find("2 names rewritten"), std::string::npos) << o.err;
}

TEST_F(NormalizeCliTest, DetectsLanguagePerFile) {
  Write(Path("ko.txt"), "키예프는 밝혔다. 키예프(Kiev)\n");
  Write(Path("uk.txt"), "Вибухи у Киеве.\n");
  Output o = Onoma("'" + Path("ko.txt") + "' '" + Path("uk.txt") + "'");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out, "키이우는 밝혔다. 키이우(Kyiv)\nВибухи у Києві.\n");
}

TEST_F(NormalizeCliTest, InvalidUtf8InOneFileOthersStillProcessed) {
  Write(Path("a.txt"), "Kiev\n");
  Write(Path("b.txt"), "fine\nbad \xC3( here\n");
  Write(Path("c.txt"), "Kharkov\n");
  Output o = Onoma("'" + Path("a.txt") + "' '" + Path("b.txt") + "' '" +
                   Path("c.txt") + "'");
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_NE(o.err.find("b.txt:2:5: invalid UTF-8"), std::string::npos) << o.err;
  EXPECT_NE(o.out.find("Kyiv\n"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("Kharkiv\n"), std::string::npos) << o.out;
}

TEST_F(NormalizeCliTest, InPlaceWithBackup) {
  Write(Path("a.txt"), "Kiev and Odessa\n");
  Write(Path("b.txt"), "bad \xC3(\n");
  Output o = Onoma("--in-place --backup '" + Path("a.txt") + "' '" +
                   Path("b.txt") + "'");
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(Slurp(Path("a.txt")), "Kyiv and Odesa\n");
  EXPECT_EQ(Slurp(Path("a.txt~")), "Kiev and Odessa\n");
  EXPECT_EQ(Slurp(Path("b.txt")), "bad \xC3(\n");  // untouched
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir_)) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 3);  // a.txt, a.txt~, b.txt: no temporary left
}

TEST_F(NormalizeCliTest, UsageErrors) {
  EXPECT_EQ(Onoma("--backup x.txt").exit_code, 2);
  EXPECT_EQ(Onoma("--in-place -").exit_code, 2);
  EXPECT_EQ(Onoma("--in-place --check x.txt").exit_code, 2);
  EXPECT_EQ(Onoma("'" + Path("missing.txt") + "'").exit_code, 3);
}

// Killed while writing a large file in place, onoma leaves the original
// whole: the output goes to a temporary file renamed over it at the end.
TEST_F(NormalizeCliTest, InPlaceSurvivesSigkill) {
  std::string line =
      "Russian forces shelled Kiev and Kharkov overnight, officials said.\n";
  std::string big;
  while (big.size() < 40u * 1024 * 1024) big += line;
  const std::string path = Path("big.txt");
  Write(path, big);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 2);
    execl(ONOMA_CLI_PATH, "onoma", "--db", db_->c_str(), "normalize",
          "--in-place", path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until the temporary file exists and has grown, then kill.
  bool writing = false;
  for (int i = 0; i < 600 && !writing; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (const auto& e : fs::directory_iterator(dir_)) {
      std::string name = e.path().filename().string();
      if (name.rfind(".big.txt.onoma-", 0) == 0 &&
          fs::file_size(e.path()) > 0) {
        writing = true;
      }
    }
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(writing) << "the temporary file never appeared";
  ASSERT_TRUE(WIFSIGNALED(status)) << "finished before it could be killed";
  EXPECT_TRUE(Slurp(path) == big) << "the original was changed";
}

}  // namespace
}  // namespace onoma::testing
