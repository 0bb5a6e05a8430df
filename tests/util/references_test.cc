// References that hold: every repository path a comment, script or document
// cites exists, no comment cites a document that is not in the repository
// (the design notes and house style kept beside it),
// and none cites a tracker number (the code and docs describe the software,
// not the history of its requests).

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
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

bool PathChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' ||
         c == '/' || c == '-';
}

// Repository paths cited on a line: a top-level directory of the tree, then
// path characters, ending in an extension the tree's files have.
std::vector<std::string> CitedPaths(const std::string& line) {
  static const std::vector<std::string> kTops = {
      "lib/",   "memory/", "cli/",    "tests/", "bench/",
      "tools/", "docs/",   "tables/", "po/",    "cmake/"};
  static const std::vector<std::string> kExtensions = {
      ".h",   ".cc",  ".md",   ".sh",  ".py",  ".sql", ".tsv", ".txt",
      ".tbx", ".tmx", ".json", ".srx", ".csv", ".po",  ".xlf"};
  std::vector<std::string> paths;
  for (size_t i = 0; i < line.size(); ++i) {
    if (i > 0 && PathChar(line[i - 1])) continue;
    bool top = false;
    for (const std::string& t : kTops) {
      if (line.compare(i, t.size(), t) == 0) top = true;
    }
    if (!top) continue;
    size_t end = i;
    while (end < line.size() && PathChar(line[end])) ++end;
    std::string path = line.substr(i, end - i);
    while (!path.empty() && path.back() == '.') path.pop_back();
    for (const std::string& ext : kExtensions) {
      if (path.size() > ext.size() &&
          path.compare(path.size() - ext.size(), ext.size(), ext) == 0) {
        paths.push_back(path);
        break;
      }
    }
    i = end;
  }
  return paths;
}

// "issue 5", "Issues #12", "Issue4": a word issue, then a number.
std::vector<std::string> TrackerNumbers(const std::string& line) {
  std::vector<std::string> found;
  for (size_t at = line.find("ssue"); at != std::string::npos;
       at = line.find("ssue", at + 4)) {
    if (at == 0 || (line[at - 1] != 'i' && line[at - 1] != 'I')) continue;
    if (at >= 2 && std::isalpha(static_cast<unsigned char>(line[at - 2]))) {
      continue;
    }
    size_t i = at + 4;
    if (i < line.size() && line[i] == 's') ++i;
    if (i < line.size() && line[i] == ' ') ++i;
    if (i < line.size() && line[i] == '#') ++i;
    size_t digits = i;
    while (i < line.size() &&
           std::isdigit(static_cast<unsigned char>(line[i]))) {
      ++i;
    }
    if (i > digits) found.push_back(line.substr(at - 1, i - at + 1));
  }
  return found;
}

// The project's design notes and house style live beside the repository,
// not in it: a comment that cites them sends a reader nowhere.
std::vector<std::string> OutsideCitations(const std::string& line) {
  std::vector<std::string> found;
  for (const char* document : {"DESIGN.md", "STYLE.md"}) {
    if (line.find(document) != std::string::npos) found.push_back(document);
  }
  return found;
}

// Runs `find` over every line of every scanned file. With `must_exist`, a
// cited path is a finding only when it exists neither from the root nor (in
// a CMakeLists.txt) from the file's own directory; NNNN stands for any
// migration number.
std::vector<Finding> Scan(std::vector<std::string> (*find)(const std::string&),
                          bool must_exist) {
  std::vector<Finding> found;
  for (const fs::path& file : SourceFiles()) {
    if (file.filename() == "references_test.cc") continue;
    std::ifstream in(file);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      for (const std::string& cited : find(line)) {
        if (must_exist && (cited.find("NNNN") != std::string::npos ||
                           fs::exists(Root() / cited) ||
                           fs::exists(file.parent_path() / cited))) {
          continue;
        }
        found.push_back(
            {fs::relative(file, Root()).string() + ":" + std::to_string(number),
             cited});
      }
    }
  }
  return found;
}

TEST(ReferencesTest, FindsWhatItLooksFor) {
  EXPECT_EQ(CitedPaths("see lib/util/limits.h, and cli/x.cc."),
            (std::vector<std::string>{"lib/util/limits.h", "cli/x.cc"}));
  EXPECT_TRUE(CitedPaths("cli/*_command.cc and src/lib/a.h").empty());
  EXPECT_EQ(OutsideCitations("as STYLE.md and DESIGN.md say"),
            (std::vector<std::string>{"DESIGN.md", "STYLE.md"}));
  EXPECT_EQ(TrackerNumbers("(issue 8) Issues #12 Issue4 tissue 3"),
            (std::vector<std::string>{"issue 8", "Issues #12", "Issue4"}));
}

TEST(ReferencesTest, EveryCitedPathExists) {
  for (const Finding& f : Scan(CitedPaths, true)) {
    ADD_FAILURE() << f.where << " cites " << f.what
                  << ", which is not in the repository";
  }
}

TEST(ReferencesTest, NoDocumentOutsideTheRepositoryIsCited) {
  for (const Finding& f : Scan(OutsideCitations, false)) {
    ADD_FAILURE() << f.where << " cites " << f.what
                  << ": cite docs/ (architecture.md, cli.md) instead";
  }
}

TEST(ReferencesTest, NoTrackerNumbers) {
  for (const Finding& f : Scan(TrackerNumbers, false)) {
    ADD_FAILURE() << f.where << " cites '" << f.what
                  << "': say what the code does, not which request asked";
  }
}

}  // namespace
}  // namespace onoma
