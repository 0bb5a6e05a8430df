// `onoma normalize` as a user runs it: --check exit codes, the
// report, invalid UTF-8 in one of several files, --in-place atomicity even
// when the process is killed midway.

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/files.h"
#include "tests/support/run_onoma.h"
#include "tests/support/temp_dir_test.h"

namespace onoma::testing {
namespace {

namespace fs = std::filesystem;

class NormalizeCliTest : public TempDirTest {
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
  Output Onoma(const std::string& args, const std::string& input = "") {
    return RunOnoma("LANG=C", "--db '" + *db_ + "' normalize " + args, input);
  }

  static std::string* db_;
};

std::string* NormalizeCliTest::db_ = nullptr;

TEST_F(NormalizeCliTest, CheckExitsZeroOnCleanAndOneOnVariant) {
  Write("clean.txt", "Missiles struck Kyiv and Kharkiv.\n");
  Write("dirty.txt", "Missiles struck Kiev and Kharkiv.\n");
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
  Write("clean.txt", article);
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

TEST_F(NormalizeCliTest, AdmittedKeepsAcronymsInEveryLanguage) {
  // --admitted once expanded them, in capitals: NORTH ATLANTIC TREATY
  // ORGANIZATION; Генсек ОРГАНІЗАЦІЯ ПІВНІЧНОАТЛАНТИЧНОГО ДОГОВОРУ;
  // 북대서양조약기구(북대서양조약기구).
  for (const char* line :
       {"NATO said\n", "Генсек НАТО заявив\n", "나토(NATO) 사무총장\n"}) {
    Output o = Onoma("--admitted --check", line);
    EXPECT_EQ(o.exit_code, 0) << line << o.err;
    Output text = Onoma("--admitted", line);
    EXPECT_EQ(text.out, line) << text.err;
  }
  // Other admitted forms are still rewritten, headline capitals kept.
  EXPECT_EQ(Onoma("--admitted --lang en", "NATO SUMMIT IN KIEV REGION\n").out,
            "NATO SUMMIT IN KYIV OBLAST\n");
}

TEST_F(NormalizeCliTest, StdinToStdoutWithReport) {
  Output o = Onoma("--report '" + Path("r.jsonl") + "'",
                   "KIEV - Kiev's mayor\n\xea\xb8\xb0 Chicken Kiev\n");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out, "KYIV - Kyiv's mayor\n\xea\xb8\xb0 Chicken Kiev\n");
  std::string report = Read("r.jsonl");
  EXPECT_NE(report.find("{\"file\": \"<stdin>\", \"line\": 1, \"column\": 8, "
                        "\"byte_offset\": 7, \"found\": \"Kiev's\", "
                        "\"replacement\": \"Kyiv's\", \"concept\": \"kyiv\", "
                        "\"reason\": \"deprecated\", \"applied\": true}\n"),
            std::string::npos)
      << report;
  EXPECT_NE(o.err.find("2 names rewritten"), std::string::npos) << o.err;
}

TEST_F(NormalizeCliTest, DetectsLanguagePerFile) {
  Write("ko.txt", "키예프는 밝혔다. 키예프(Kiev)\n");
  Write("uk.txt", "Вибухи у Киеве.\n");
  Output o = Onoma("'" + Path("ko.txt") + "' '" + Path("uk.txt") + "'");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out, "키이우는 밝혔다. 키이우(Kyiv)\nВибухи у Києві.\n");
}

TEST_F(NormalizeCliTest, RussianQuotationInUkrainianArticleIsKept) {
  // The article is detected as Ukrainian; the Russian quotation in it is
  // judged by the Russian entries, where Киев is preferred.
  Output o = Onoma("--report '" + Path("r.jsonl") + "'",
                   "Пєсков заявив: «Мы не планируем удары по Киеву». Після "
                   "цього по Киеву вдарили.\n");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out,
            "Пєсков заявив: «Мы не планируем удары по Киеву». Після "
            "цього по Києву вдарили.\n");
  std::string report = Read("r.jsonl");
  EXPECT_NE(report.find("\"found\": \"Киеву\", \"replacement\": "
                        "\"Києву\", \"concept\": \"kyiv\", \"reason\": "
                        "\"other-language\", \"applied\": false}"),
            std::string::npos)
      << report;
  EXPECT_NE(o.err.find("(deprecated 1, other-language 1)"), std::string::npos)
      << o.err;
}

TEST_F(NormalizeCliTest, InvalidUtf8InOneFileOthersStillProcessed) {
  Write("a.txt", "Kiev\n");
  Write("b.txt", "fine\nbad \xC3( here\n");
  Write("c.txt", "Kharkov\n");
  Output o = Onoma("'" + Path("a.txt") + "' '" + Path("b.txt") + "' '" +
                   Path("c.txt") + "'");
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_NE(o.err.find("b.txt:2:5: invalid UTF-8"), std::string::npos) << o.err;
  EXPECT_NE(o.out.find("Kyiv\n"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("Kharkiv\n"), std::string::npos) << o.out;
}

std::vector<std::string> Temporaries(const std::string& dir);

// every file's output reaches stdout, the faulty one's up to the
// line before its fault, in the order given; the summary names the file
// left incomplete.
TEST_F(NormalizeCliTest, FaultyFileIsWrittenUpToItsFaultAndTheOthersWhole) {
  Write("bad.txt", "Kiev one\nKiev two\n\xff bad\nKiev after\n");
  Write("good.txt", "Kiev good\n");
  Output o = Onoma("'" + Path("bad.txt") + "' '" + Path("good.txt") + "'");
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_EQ(o.out, "Kyiv one\nKyiv two\nKyiv good\n");
  EXPECT_NE(o.err.find("onoma: normalize: " + Path("bad.txt") +
                       ":3:1: invalid UTF-8"),
            std::string::npos)
      << o.err;
  EXPECT_NE(o.err.find("onoma normalize: 1 files, 3 names rewritten, 0 left "
                       "for an editor (deprecated 3); incomplete: " +
                       Path("bad.txt") + "\n"),
            std::string::npos)
      << o.err;
  o = Onoma("'" + Path("good.txt") + "' '" + Path("bad.txt") + "'");
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_EQ(o.out, "Kyiv good\nKyiv one\nKyiv two\n");
  // A clean run is a quiet filter.
  o = Onoma("'" + Path("good.txt") + "'");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.err, "");
}

// A file longer than one batch (normalize scans a regular file's next
// lines on a second thread while it writes the ones before): the same
// output and report as the same text through a pipe, line by line; a
// fault far into it leaves every line before it written and is located.
TEST_F(NormalizeCliTest, LongFileInBatchesAsLineByLine) {
  std::string text;
  std::string english;  // the English lines as they come out
  for (int i = 0; text.size() < 600 * 1024; ++i) {
    const std::string n = std::to_string(i);
    if (i % 20 == 0) {
      text += "Line " + n + ": Kiev and Odessa, then Kharkov.\n";
      english += "Line " + n + ": Kyiv and Odesa, then Kharkiv.\n";
    } else {
      text += "Line " + n + ": a quiet sentence about the weather today.\n";
      english += "Line " + n + ": a quiet sentence about the weather today.\n";
    }
    if (i % 997 == 0) text += "Вибухи у Киеве " + n + "\n";  // Ukrainian
  }
  Write("long.txt", text);
  Output file = Onoma("--lang en --report '" + Path("file.jsonl") + "' '" +
                      Path("long.txt") + "'");
  ASSERT_EQ(file.exit_code, 0) << file.err;
  Output piped =
      Onoma("--lang en --report '" + Path("pipe.jsonl") + "' -", text);
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  // Compared without printing a megabyte: the first line that differs.
  auto first_difference = [](const std::string& a, const std::string& b) {
    std::size_t at = 0;
    while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
    const std::size_t line = a.rfind('\n', at);
    const std::size_t from = line == std::string::npos ? 0 : line + 1;
    return a.substr(from, 80) + " | " + b.substr(from, 80);
  };
  EXPECT_TRUE(file.out == piped.out) << first_difference(file.out, piped.out);
  std::string english_out;
  for (std::size_t at = 0; at < file.out.size();) {
    std::size_t end = file.out.find('\n', at) + 1;
    if (file.out.compare(at, 5, "Line ") == 0) {
      english_out += file.out.substr(at, end - at);
    }
    at = end;
  }
  EXPECT_TRUE(english_out == english) << first_difference(english_out, english);
  EXPECT_EQ(file.err, piped.err);
  const std::string file_report = Read("file.jsonl");
  std::string pipe_report = Read("pipe.jsonl");
  // The records name their input: the file, or <stdin>.
  std::string::size_type at = 0;
  const std::string from = "\"<stdin>\"";
  const std::string to = "\"" + Path("long.txt") + "\"";
  while ((at = pipe_report.find(from, at)) != std::string::npos) {
    pipe_report.replace(at, from.size(), to);
    at += to.size();
  }
  EXPECT_FALSE(file_report.empty());
  EXPECT_TRUE(file_report == pipe_report)
      << first_difference(file_report, pipe_report);

  // The fault on the 15,001st line, past the first batches.
  std::string lines;
  std::string before;
  for (int i = 0; i < 15000; ++i) {
    const std::string n = std::to_string(i);
    const bool name = i % 50 == 0;
    lines += (name ? "Kiev " : "Rain ") + n + " fell on the roofs.\n";
    before += (name ? "Kyiv " : "Rain ") + n + " fell on the roofs.\n";
  }
  Write("fault.txt", lines + "bad \xC3(\nKiev after\n");
  Output o = Onoma("'" + Path("fault.txt") + "'");
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_TRUE(o.out == before) << first_difference(o.out, before);
  EXPECT_NE(o.err.find("fault.txt:15001:5: invalid UTF-8"), std::string::npos)
      << o.err;
}

// Regression: --in-place printed nothing.
TEST_F(NormalizeCliTest, InPlacePrintsItsSummary) {
  Write("a.txt", "Kiev and Odessa\n");
  Write("b.txt", "bad \xC3(\n");
  Output o = Onoma("--in-place '" + Path("a.txt") + "'");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.err,
            "onoma normalize: 1 files, 2 names rewritten, 0 left for an "
            "editor (deprecated 2)\n");
  o = Onoma("--in-place '" + Path("b.txt") + "' '" + Path("a.txt") + "'");
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_NE(o.err.find("onoma normalize: 1 files, 0 names rewritten, 0 left "
                       "for an editor; not rewritten: " +
                       Path("b.txt") + "\n"),
            std::string::npos)
      << o.err;
}

// Regression: --check said "names rewritten" and its report "applied": true.
TEST_F(NormalizeCliTest, CheckSaysWouldRewriteAndReportsNothingApplied) {
  Write("a.txt", "Kiev and Odessa\n");
  Output o = Onoma("--check --report '" + Path("r.jsonl") + "' '" +
                   Path("a.txt") + "'");
  EXPECT_EQ(o.exit_code, 1) << o.err;
  EXPECT_NE(o.err.find("onoma normalize: 1 files, would rewrite 2 names, 0 "
                       "left for an editor (deprecated 2)\n"),
            std::string::npos)
      << o.err;
  EXPECT_EQ(o.err.find("rewritten"), std::string::npos) << o.err;
  const std::string report = Read("r.jsonl");
  EXPECT_NE(report.find("\"found\": \"Kiev\""), std::string::npos) << report;
  EXPECT_EQ(report.find("\"applied\": true"), std::string::npos) << report;
  EXPECT_NE(report.find("\"applied\": false"), std::string::npos) << report;
  EXPECT_EQ(Read("a.txt"), "Kiev and Odessa\n");
}

// Regression: --in-place on a symbolic link replaced the link by a file and
// left the file it pointed to as it was.
TEST_F(NormalizeCliTest, InPlaceThroughASymlinkRewritesItsTarget) {
  fs::create_directories(Path("desk"));
  Write("desk/a.txt", "Kiev\n");
  fs::create_symlink("desk/a.txt", Path("link.txt"));
  Output o = Onoma("--in-place --backup '" + Path("link.txt") + "'");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(fs::is_symlink(Path("link.txt")));
  EXPECT_EQ(fs::read_symlink(Path("link.txt")), "desk/a.txt");
  EXPECT_EQ(Read("desk/a.txt"), "Kyiv\n");
  EXPECT_EQ(Read("desk/a.txt~"), "Kiev\n");  // beside the file
  EXPECT_FALSE(fs::exists(Path("link.txt~")));
  EXPECT_TRUE(Temporaries(dir_).empty());
  EXPECT_TRUE(Temporaries(Path("desk")).empty());
}

TEST_F(NormalizeCliTest, InPlaceWithBackup) {
  Write("a.txt", "Kiev and Odessa\n");
  Write("b.txt", "bad \xC3(\n");
  Output o = Onoma("--in-place --backup '" + Path("a.txt") + "' '" +
                   Path("b.txt") + "'");
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(Read("a.txt"), "Kyiv and Odesa\n");
  EXPECT_EQ(Read("a.txt~"), "Kiev and Odessa\n");
  EXPECT_EQ(Read("b.txt"), "bad \xC3(\n");  // untouched
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

// The names of the in-place temporaries in `dir`.
std::vector<std::string> Temporaries(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.find(".onoma-") != std::string::npos) names.push_back(name);
  }
  return names;
}

// An article of `bytes` with one name to rewrite, on its first line: a
// small report, a large output.
std::string ArticleOf(std::size_t bytes) {
  std::string text = "Missiles struck Kiev.\n";
  while (text.size() < bytes) text += "The talks went on for hours, late.\n";
  return text;
}

// Starts `onoma --db DB normalize --in-place --report REPORT PATH`, its
// stderr to `err`, with files limited to `max_file_bytes` (0: no limit) and
// SIGXFSZ ignored, so that a write past the limit fails with EFBIG as one
// on a full disk fails with ENOSPC.
pid_t StartInPlace(const std::string& db, const std::string& path,
                   const std::string& report, const std::string& err,
                   rlim_t max_file_bytes) {
  return StartOnoma(
      {"--db", db, "normalize", "--in-place", "--report", report, path}, err,
      max_file_bytes);
}

// On a full disk (here: a file size limit) --in-place leaves the article
// as it was and no temporary, names the reason, and its summary and report
// claim no rewrite.
TEST_F(NormalizeCliTest, InPlaceWriteFailureChangesNothingAndSaysWhy) {
  const std::string article = ArticleOf(4u * 1024 * 1024);
  Write("a.txt", article);
  pid_t pid = StartInPlace(*db_, Path("a.txt"), Path("r.jsonl"),
                           Path("err.txt"), 1024 * 1024);
  ASSERT_GE(pid, 0);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 3);
  const std::string err = Read("err.txt");
  EXPECT_NE(err.find("a.txt: cannot write the output: File too large"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("0 files, 0 names rewritten"), std::string::npos) << err;
  EXPECT_TRUE(Read("a.txt") == article) << "the article was changed";
  EXPECT_EQ(Read("r.jsonl"), "");
  fs::remove(Path("err.txt"));
  fs::remove(Path("r.jsonl"));
  EXPECT_EQ(Temporaries(dir_), std::vector<std::string>{});

  // Without the limit the same run rewrites and reports.
  pid = StartInPlace(*db_, Path("a.txt"), Path("r.jsonl"), Path("err.txt"), 0);
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_NE(Read("err.txt").find("1 files, 1 names rewritten"),
            std::string::npos);
  EXPECT_EQ(Read("a.txt").rfind("Missiles struck Kyiv.\n", 0), 0u);
}

// SIGTERM (as SIGINT and SIGHUP) during --in-place removes the temporary.
TEST_F(NormalizeCliTest, InPlaceKilledBySigtermLeavesNoTemporary) {
  const std::string article = ArticleOf(40u * 1024 * 1024);
  Write("big.txt", article);
  pid_t pid =
      StartInPlace(*db_, Path("big.txt"), Path("r.jsonl"), Path("err.txt"), 0);
  ASSERT_GE(pid, 0);
  bool writing = false;
  for (int i = 0; i < 600 && !writing; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (const std::string& name : Temporaries(dir_)) {
      if (fs::file_size(Path(name)) > 0) writing = true;
    }
  }
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(writing) << "the temporary file never appeared";
  ASSERT_TRUE(WIFSIGNALED(status)) << "finished before it could be stopped";
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  EXPECT_TRUE(Read("big.txt") == article) << "the original was changed";
  EXPECT_EQ(Temporaries(dir_), std::vector<std::string>{});
}

// What SIGKILL leaves is removed by the next --in-place run in that
// directory, unless its process is alive.
TEST_F(NormalizeCliTest, InPlaceRemovesStaleTemporariesOfDeadProcesses) {
  pid_t dead = fork();
  ASSERT_GE(dead, 0);
  if (dead == 0) _exit(0);
  waitpid(dead, nullptr, 0);
  const std::string stale = ".a.txt.onoma-" + std::to_string(dead) + "-Ab12cD";
  const std::string live =
      ".b.txt.onoma-" + std::to_string(getpid()) + "-xY34zW";
  const std::string other = ".a.txt.onoma-notapid";
  for (const std::string& name : {stale, live, other}) Write(name, "x");
  Write("a.txt", "Kiev\n");
  Output o = Onoma("--in-place '" + Path("a.txt") + "'");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(Read("a.txt"), "Kyiv\n");
  EXPECT_FALSE(fs::exists(Path(stale)));
  EXPECT_TRUE(fs::exists(Path(live)));
  EXPECT_TRUE(fs::exists(Path(other)));
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

// A 2 MB article on one line, a name in every five bytes, ending in a
// 200 KB stretch without spaces: linear work finishes in seconds, while
// recounting each name's column from the line's start (or reading the
// stretch again for each name in it) took hours. The timeout only catches
// such a hang; tests/normalize/normalize_test.cc checks the positions.
TEST_F(NormalizeCliTest, OneLongLineFinishesAndRewritesEveryName) {
  constexpr int kSpaced = 400000;  // "Kiev "
  constexpr int kPacked = 40000;   // "Kiev,"
  std::string text, expected;
  for (int i = 0; i < kSpaced; ++i) {
    text += "Kiev ";
    expected += "Kyiv ";
  }
  for (int i = 0; i < kPacked; ++i) {
    text += "Kiev,";
    expected += "Kyiv,";
  }
  Write("long.txt", text + "\n");
  Output o = RunOnoma(
      "LANG=C timeout 60",
      "--db '" + *db_ + "' normalize --lang en '" + Path("long.txt") + "'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(o.out == expected + "\n") << "the output differs";
}

// Lines of the file at `path`, read a block at a time.
std::size_t CountLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> block(1 << 16);
  std::size_t lines = 0;
  while (in.read(block.data(), static_cast<std::streamsize>(block.size())) ||
         in.gcount() > 0) {
    lines += static_cast<std::size_t>(
        std::count(block.data(), block.data() + in.gcount(), '\n'));
  }
  return lines;
}

// An 8 MB article on one line, a name in every five bytes (1.7 million
// findings), with --report: the findings are written as they are made,
// not held for the whole line (which took 550 MB for this line). The cap
// is on address space; the line, its output and the line's scan still
// take memory in proportion to the line (about 250 MB here).
TEST_F(NormalizeCliTest, OneLongLineWithReportStaysUnderAMemoryCap) {
  constexpr std::size_t kNames = 8 * 1024 * 1024 / 5;
  std::string text;
  text.reserve(kNames * 5 + 1);
  for (std::size_t i = 0; i < kNames; ++i) text += "Kiev ";
  text += '\n';
  Write("long.txt", text);
  text.clear();
  text.shrink_to_fit();
  Output o = RunOnoma(MemoryCap(400) + "LANG=C timeout 600",
                      "--db '" + *db_ + "' normalize --lang en --report '" +
                          Path("r.jsonl") + "' '" + Path("long.txt") + "'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  ASSERT_EQ(o.out.size(), kNames * 5 + 1);
  EXPECT_EQ(o.out.substr(0, 10), "Kyiv Kyiv ");
  EXPECT_EQ(o.out.substr(o.out.size() - 11), "Kyiv Kyiv \n");
  EXPECT_NE(o.err.find(std::to_string(kNames) + " names rewritten"),
            std::string::npos)
      << o.err;
  EXPECT_EQ(CountLines(Path("r.jsonl")), kNames);
}

}  // namespace
}  // namespace onoma::testing
