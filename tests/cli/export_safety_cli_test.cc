// tm export, tm align --output and term export write through an AtomicFile
// (lib/util/atomic_file.h): a full disk or a SIGTERM mid-write leaves the
// earlier file byte for byte and no temporary; what SIGKILL left is removed
// by the next export in that directory.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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

const std::string kSample =
    std::string(ONOMA_SOURCE_DIR) + "/tests/data/terms/news-sample.tsv";
const std::string kEarlier = "an earlier export, to be kept\n";

// A TMX document of `units` en-uk units, about 300 bytes each.
void WriteTmx(const std::string& path, int units) {
  std::ofstream out(path, std::ios::binary);
  out << "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header "
         "srclang=\"en\"/><body>\n";
  std::string buffer;
  for (int i = 0; i < units; ++i) {
    const std::string n = std::to_string(i);
    buffer += "<tu tuid=\"" + n +
              "\"><tuv xml:lang=\"en\"><seg>The council met on Monday in "
              "Kyiv, unit " +
              n +
              ".</seg></tuv><tuv xml:lang=\"uk\"><seg>Рада зібралася в "
              "понеділок у Києві, одиниця " +
              n + ".</seg></tuv></tu>\n";
    if (buffer.size() > (1 << 20)) {
      out << buffer;
      buffer.clear();
    }
  }
  out << buffer << "</body></tmx>\n";
}

// A PID that was a process and is no longer one.
pid_t DeadPid() {
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  waitpid(pid, nullptr, 0);
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

class ExportSafetyCliTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    db_ = Path("m.db");
  }

  Output Onoma(const std::string& args) {
    return RunOnoma("LANG=C", "--db '" + db_ + "' " + args);
  }
  // Runs `onoma --db DB ARGS` limited to `max_file_bytes`; its exit status
  // as waitpid gives it, its stderr in `err`.
  // Starts `onoma ARGS`, sends it SIGTERM once its temporary file has
  // content, and checks that the signal (not the end of the work) ended it.
  void StopWhileWriting(const std::vector<std::string>& args) {
    pid_t pid = StartOnoma(args, Path("err.txt"), 0);
    ASSERT_GE(pid, 0);
    bool writing = false;
    for (int i = 0; i < 3000 && !writing; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      for (const std::string& name : Temporaries()) {
        std::error_code error;
        if (fs::file_size(Path(name), error) > 0 && !error) writing = true;
      }
    }
    kill(pid, SIGTERM);
    const int status = Wait(pid);
    ASSERT_TRUE(writing) << "the temporary file never appeared";
    ASSERT_TRUE(WIFSIGNALED(status)) << "finished before it could be stopped";
    EXPECT_EQ(WTERMSIG(status), SIGTERM);
  }

  int RunLimited(std::vector<std::string> args, rlim_t max_file_bytes,
                 std::string& err) {
    args.insert(args.begin(), {"--db", db_});
    const int status = Wait(StartOnoma(args, Path("err.txt"), max_file_bytes));
    err = Read("err.txt");
    fs::remove(Path("err.txt"));
    return status;
  }
  // The AtomicFile temporaries in the directory.
  std::vector<std::string> Temporaries() {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) {
      std::string name = e.path().filename().string();
      if (name.find(".onoma-") != std::string::npos) names.push_back(name);
    }
    return names;
  }
  // A termbase of `concepts` places, each with an English and a Ukrainian
  // name.
  void ImportTerms(int concepts) {
    std::string tsv = "concept\ttype\tlang\tform\tstatus\n";
    for (int i = 0; i < concepts; ++i) {
      const std::string n = std::to_string(i);
      tsv += "c" + n + "\tplace\ten\tPlace" + n + "\tpreferred\n";
      tsv += "c" + n + "\tplace\tuk\tМісто" + n + "\tpreferred\n";
    }
    Write("terms.tsv", tsv);
    Output o = Onoma("term import '" + Path("terms.tsv") + "'");
    ASSERT_EQ(o.exit_code, 0) << o.err;
    fs::remove(Path("terms.tsv"));
  }
  void ImportTmx(int units) {
    WriteTmx(Path("in.tmx"), units);
    Output o = Onoma("tm import '" + Path("in.tmx") + "'");
    ASSERT_EQ(o.exit_code, 0) << o.err;
    fs::remove(Path("in.tmx"));
  }

  std::string db_;
};

// On a full disk tm export says why, exits 3, and leaves the earlier
// export as it was; with room it replaces it, keeping its permissions.
TEST_F(ExportSafetyCliTest, TmExportWriteFailureKeepsTheEarlierFile) {
  ImportTmx(2000);
  Write("out.tmx", kEarlier);
  chmod(Path("out.tmx").c_str(), 0640);
  std::string err;
  int status = RunLimited({"tm", "export", Path("out.tmx")}, 64 * 1024, err);
  ASSERT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 3) << err;
  EXPECT_NE(err.find("onoma: tm export: " + Path("out.tmx") +
                     ": cannot write the output: File too large"),
            std::string::npos)
      << err;
  EXPECT_EQ(Read("out.tmx"), kEarlier);
  EXPECT_EQ(Temporaries(), std::vector<std::string>{});

  status = RunLimited({"tm", "export", Path("out.tmx")}, 0, err);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << err;
  EXPECT_NE(Read("out.tmx").find("<tu tuid=\"1999\""), std::string::npos);
  struct stat st;
  ASSERT_EQ(stat(Path("out.tmx").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(Temporaries(), std::vector<std::string>{});
}

// SIGTERM in the middle of a large export removes the temporary and
// leaves the earlier export whole.
TEST_F(ExportSafetyCliTest, TmExportKilledBySigtermLeavesNoTemporary) {
  ImportTmx(100000);
  Write("out.tmx", kEarlier);
  StopWhileWriting({"--db", db_, "tm", "export", Path("out.tmx")});
  EXPECT_EQ(Read("out.tmx"), kEarlier);
  EXPECT_EQ(Temporaries(), std::vector<std::string>{});
}

TEST_F(ExportSafetyCliTest, TmAlignOutputWriteFailureKeepsTheEarlierFile) {
  std::string en, uk;
  for (int i = 0; i < 200; ++i) {
    en += "The council met on Monday in Kyiv for the " + std::to_string(i) +
          "th time. ";
    uk += "Рада зібралася в понеділок у Києві вже " + std::to_string(i) +
          "-й раз. ";
  }
  Write("en.txt", en + "\n");
  Write("uk.txt", uk + "\n");
  Write("out.tmx", kEarlier);
  std::string err;
  const int status =
      RunLimited({"tm", "align", "--from", "en", "--to", "uk", "--output",
                  Path("out.tmx"), Path("en.txt"), Path("uk.txt")},
                 8 * 1024, err);
  ASSERT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 3) << err;
  EXPECT_NE(err.find(Path("out.tmx") + ": cannot write the output: File too "
                                       "large"),
            std::string::npos)
      << err;
  EXPECT_EQ(Read("out.tmx"), kEarlier);
  EXPECT_EQ(Temporaries(), std::vector<std::string>{});
}

TEST_F(ExportSafetyCliTest, TermExportWriteFailureKeepsTheEarlierFile) {
  // Exports over 64 KiB; the database's own files fit under the limit.
  ImportTerms(3000);
  for (const char* name : {"out.tsv", "out.tbx"}) {
    Write(name, kEarlier);
    std::string err;
    const int status =
        RunLimited({"term", "export", Path(name)}, 64 * 1024, err);
    ASSERT_TRUE(WIFEXITED(status)) << status;
    EXPECT_EQ(WEXITSTATUS(status), 3) << err;
    EXPECT_NE(err.find(Path(name) + ": cannot write the output: File too "
                                    "large"),
              std::string::npos)
        << err;
    EXPECT_EQ(Read(name), kEarlier);
    EXPECT_EQ(Temporaries(), std::vector<std::string>{});

    Output o = Onoma("term export '" + Path(name) + "'");
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_NE(Read(name).find("Місто2999"), std::string::npos) << name;
    EXPECT_EQ(Temporaries(), std::vector<std::string>{});
  }
}

// SIGTERM in the middle of a large term export removes the temporary and
// leaves the earlier export whole.
TEST_F(ExportSafetyCliTest, TermExportKilledBySigtermLeavesNoTemporary) {
  ImportTerms(8000);
  Write("out.tbx", kEarlier);
  StopWhileWriting({"--db", db_, "term", "export", Path("out.tbx")});
  EXPECT_EQ(Read("out.tbx"), kEarlier);
  EXPECT_EQ(Temporaries(), std::vector<std::string>{});
}

// What SIGKILL left beside the target (the temporary of a process that is
// gone, in this and the earlier TMX writer's form) is removed by the next
// export there; a live process's is kept.
TEST_F(ExportSafetyCliTest, ExportsRemoveStaleTemporariesOfDeadProcesses) {
  Output o = Onoma("term import '" + kSample + "'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  o = Onoma("tm add --from en --to uk 'Kyiv said' 'Київ заявив'");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  for (const char* command : {"tm export", "term export"}) {
    const std::string target =
        std::string(command) == "tm export" ? "out.tmx" : "out.tsv";
    const std::string dead = std::to_string(DeadPid());
    const std::string stale = "." + target + ".onoma-" + dead + "-Ab12cD";
    const std::string stale_tmx = "." + target + ".onoma-" + dead + "-42.tmp";
    const std::string live =
        "." + target + ".onoma-" + std::to_string(getpid()) + "-xY34zW";
    for (const std::string& name : {stale, stale_tmx, live}) {
      Write(name, "x");
    }
    o = Onoma(std::string(command) + " '" + Path(target) + "'");
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_FALSE(fs::exists(Path(stale))) << command;
    EXPECT_FALSE(fs::exists(Path(stale_tmx))) << command;
    EXPECT_TRUE(fs::exists(Path(live))) << command;
    fs::remove(Path(live));
  }
}

}  // namespace
}  // namespace onoma::testing
