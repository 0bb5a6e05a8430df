#include "cli/output_path.h"

#include <sys/stat.h>
#include <unistd.h>

#include <string_view>
#include <system_error>
#include <utility>

#include "cli/i18n.h"
#include "memory/sqlite/db_path.h"

namespace onoma::cli {

namespace fs = std::filesystem;

bool SameFile(const fs::path& a, const fs::path& b) {
  struct stat sa;
  struct stat sb;
  if (::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0) {
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  }
  std::error_code error_a;
  std::error_code error_b;
  const fs::path resolved_a = fs::weakly_canonical(a, error_a);
  const fs::path resolved_b = fs::weakly_canonical(b, error_b);
  return !error_a && !error_b && resolved_a == resolved_b;
}

std::optional<fs::path> StorePath(const Options& options) {
  auto path = sqlite::ResolveDbPath(options.db);
  if (!path.ok() || *path == ":memory:") return std::nullopt;
  return *path;
}

Status CheckOutputPath(const std::string& output,
                       const std::vector<std::string>& inputs,
                       const std::optional<fs::path>& db) {
  if (output.empty() || output == "-") return Status::Ok();
  for (const std::string& input : inputs) {
    if (input.empty() || input == "-") continue;
    if (SameFile(output, input)) {
      return Status::BadArgument(
          Format(Tr("the output {0} is the input {1}; it would be "
                    "overwritten"),
                 {output, input}));
    }
  }
  if (!db) return Status::Ok();
  // SQLite names its -wal and -journal after the path it was given, or
  // after the file a symbolic link leads to: both are checked.
  std::error_code error;
  const fs::path resolved = fs::weakly_canonical(*db, error);
  for (const char* suffix : {"", "-wal", "-shm", "-journal", ".names"}) {
    for (const fs::path& base : {*db, error ? *db : resolved}) {
      const fs::path file = base.string() + suffix;
      if (SameFile(output, file)) {
        return Status::BadArgument(
            Format(Tr("the output {0} is the database file {1}; it would be "
                      "overwritten"),
                   {output, file.string()}));
      }
    }
  }
  return Status::Ok();
}

Status CheckStandardOutput(const std::vector<std::string>& inputs) {
  struct stat out;
  if (::fstat(STDOUT_FILENO, &out) != 0 || !S_ISREG(out.st_mode)) {
    return Status::Ok();
  }
  for (const std::string& input : inputs) {
    struct stat in;
    if (input.empty() || input == "-" || ::stat(input.c_str(), &in) != 0) {
      continue;
    }
    if (in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
      return Status::BadArgument(
          Format(Tr("standard output is the input {0}; write to another file"),
                 {input}));
    }
  }
  return Status::Ok();
}

Status TranslateFileError(const Status& status) {
  const std::pair<std::string_view, std::string> known[] = {
      {"cannot create a temporary file", Tr("cannot create a temporary file")},
      {"cannot write the output", Tr("cannot write the output")},
      {"cannot read the file", Tr("cannot read the file")}};
  const std::string& message = status.message();
  for (const auto& [english, translated] : known) {
    if (message.compare(0, english.size(), english) != 0) continue;
    Status out(status.code(), translated + message.substr(english.size()));
    if (status.location()) out = std::move(out).At(*status.location());
    return out;
  }
  return status;
}

}  // namespace onoma::cli
