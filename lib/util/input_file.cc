#include "lib/util/input_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <utility>

// Tested by tests/util/input_file_test.cc and, command by command, by
// tests/cli/input_file_cli_test.cc.

namespace onoma {
namespace {

Status Failure(const std::string& path, int error) {
  std::string message = "cannot read the file";
  if (error != 0) {
    message += ": ";
    message += std::strerror(error);
  }
  return Status::Io(std::move(message)).At({path, 0, 0, 0});
}

}  // namespace

Result<InputFile> InputFile::Open(const std::string& path) {
  errno = 0;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Failure(path, errno);
  struct stat st;
  if (::fstat(fileno(file), &st) != 0) {
    const int error = errno;
    std::fclose(file);
    return Failure(path, error);
  }
  if (S_ISDIR(st.st_mode)) {
    std::fclose(file);
    return Failure(path, EISDIR);
  }
  return InputFile(file, path);
}

InputFile::InputFile(InputFile&& other) noexcept
    : file_(std::exchange(other.file_, nullptr)),
      path_(std::move(other.path_)) {}

InputFile& InputFile::operator=(InputFile&& other) noexcept {
  if (this != &other) {
    if (file_ != nullptr) std::fclose(file_);
    file_ = std::exchange(other.file_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

InputFile::~InputFile() {
  if (file_ != nullptr) std::fclose(file_);
}

std::FILE* InputFile::Release() { return std::exchange(file_, nullptr); }

Status InputFile::ReadError() const { return Failure(path_, errno); }

Result<std::string> ReadInputFile(const std::string& path) {
  auto file = InputFile::Open(path);
  if (!file.ok()) return file.status();
  std::string text;
  char buffer[64 * 1024];
  for (;;) {
    errno = 0;
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, file->get());
    text.append(buffer, n);
    if (n < sizeof buffer) break;
  }
  if (std::ferror(file->get())) return file->ReadError();
  return text;
}

Status CheckInputFile(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return Failure(path, errno);
  if (S_ISDIR(st.st_mode)) return Failure(path, EISDIR);
  // Opening a FIFO to look would take its writer's data (or wait for one):
  // only a regular file is opened, to check its permissions.
  if (!S_ISREG(st.st_mode)) return Status::Ok();
  auto file = InputFile::Open(path);
  return file.ok() ? Status::Ok() : file.status();
}

}  // namespace onoma
