// References that hold: every repository path a comment, script or document
// cites exists, no comment cites a document that is not in the repository,
// and none cites a tracker number (the code and docs describe the software,
// not the history of its requests).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "tests/support/shared_corpora.h"

namespace onoma {
namespace {

namespace fs = std::filesystem;

fs::path Root() { return testing::TestDataDir().parent_path().parent_path(); }

bool Scanned(const fs::path& path) {
  static const std::vector<std::string> kExtensions = {
      ".h", ".cc", ".md", ".sh", ".py", ".sql", ".txt", ".cmake"};
  std::string name = path.filename().string();
  if (name == "CMakeLists.txt") return true;
  for (const std::string& ext : kExtensions) {
    if (name.size() > ext.size() &&
        name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
      return true;
    }
  }
  return false;
}

// Every scanned file under the source tree, except build output, recorded
// benchmark runs and test data (which quotes wire copy, not the code).
std::vector<fs::path> SourceFiles() {
  std::vector<fs::path> files;
  for (const char* top : {"lib", "memory", "cli", "tests", "bench", "tools",
                          "docs", "tables", "cmake"}) {
    fs::path dir = Root() / top;
    if (!fs::is_directory(dir)) continue;
    for (auto it = fs::recursive_directory_iterator(dir);
         it != fs::recursive_directory_iterator(); ++it) {
      std::string name = it->path().filename().string();
      if (it->is_directory() && (name == "runs" || name == "data")) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && Scanned(it->path())) {
        files.push_back(it->path());
      }
    }
  }
  for (const char* file : {"README.md", "CMakeLists.txt"}) {
    files.push_back(Root() / file);
  }
  return files;
}

struct Finding {
  std::string where;
  std::string what;
};

// `cue` is a plain substring every match contains: std::regex is slow, so
// only lines holding it are searched.
std::vector<Finding> Scan(const std::regex& pattern, const std::string& cue,
                          bool must_exist) {
  std::vector<Finding> found;
  for (const fs::path& file : SourceFiles()) {
    if (file.filename() == "references_test.cc") continue;
    std::ifstream in(file);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.find(cue) == std::string::npos) continue;
      for (std::sregex_iterator it(line.begin(), line.end(), pattern), end;
           it != end; ++it) {
        std::string cited = (*it)[1].str();
        if (must_exist) {
          // A path is cited from the root, or (in a CMakeLists.txt) from
          // the file's own directory; NNNN stands for any migration number.
          if (cited.find("NNNN") != std::string::npos) continue;
          if (fs::exists(Root() / cited) ||
              fs::exists(file.parent_path() / cited)) {
            continue;
          }
        }
        found.push_back({fs::relative(file, Root()).string() + ":" +
                             std::to_string(number),
                         cited});
      }
    }
  }
  return found;
}

TEST(ReferencesTest, EveryCitedPathExists) {
  const std::regex path(
      R"((?:^|[^\w/.-])((?:lib|memory|cli|tests|bench|tools|docs|tables|po|cmake)/[\w./-]+\.(?:h|cc|md|sh|py|sql|tsv|txt|tbx|tmx|json|srx|csv|po))\b)");
  for (const Finding& f : Scan(path, "/", true)) {
    ADD_FAILURE() << f.where << " cites " << f.what
                  << ", which is not in the repository";
  }
}

TEST(ReferencesTest, NoDocumentOutsideTheRepositoryIsCited) {
  const std::regex design(R"((DESIGN\.md))");
  for (const Finding& f : Scan(design, "DESIGN", false)) {
    ADD_FAILURE() << f.where << " cites " << f.what
                  << ": cite docs/ (architecture.md, cli.md) instead";
  }
}

TEST(ReferencesTest, NoTrackerNumbers) {
  const std::regex tracker(R"(\b([Ii]ssues? ?#?[0-9]+|Issue[0-9]+))");
  for (const Finding& f : Scan(tracker, "ssue", false)) {
    ADD_FAILURE() << f.where << " cites '" << f.what
                  << "': say what the code does, not which request asked";
  }
}

}  // namespace
}  // namespace onoma
