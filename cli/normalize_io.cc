#include "cli/normalize_io.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string_view>

#include "cli/i18n.h"
#include "cli/json.h"
#include "cli/json_answers.h"
#include "cli/output_path.h"
#include "lib/util/atomic_file.h"

namespace onoma::cli {
namespace {

// The file a symbolic link `path` ends at (through every link), or `path`
// itself: a rename over the link would put a file in its place.
std::string FileBehindLinks(const std::string& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
  char* real = ::realpath(path.c_str(), nullptr);
  if (real == nullptr) return path;  // dangling: opening it says why
  std::string target = real;
  std::free(real);
  return target;
}

}  // namespace

std::string ChangeJson(std::string_view file, const normalize::Change& c) {
  return JsonLine(ChangeRecord(file, c));
}

bool LooksLikeReport(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
      st.st_size == 0) {
    return true;
  }
  static constexpr char kStart[] = "{\"file\": ";
  constexpr std::size_t kLength = sizeof kStart - 1;
  char start[kLength] = {};
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return true;  // opening it for writing will say why
  const std::size_t n = std::fread(start, 1, kLength, f);
  std::fclose(f);
  return n == kLength && std::memcmp(start, kStart, kLength) == 0;
}

Status RewriteInPlace(const std::string& path, bool backup,
                      const std::function<Status(LineReader&, FILE*)>& write) {
  auto in = LineReader::Open(path);
  if (!in.ok()) return in.status();
  const std::string target = FileBehindLinks(path);
  auto out = AtomicFile::Create(target);
  if (!out.ok()) return TranslateFileError(out.status());
  // A failure here leaves `out` to remove its temporary.
  ONOMA_RETURN_IF_ERROR(write(*in, (*out)->file()));
  return TranslateFileError((*out)->Commit(backup ? target + "~" : ""));
}

}  // namespace onoma::cli
