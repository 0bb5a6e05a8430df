#include "cli/standard_output.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "cli/i18n.h"

namespace onoma::cli {
namespace {

// The errno of the first failure; -1 when the reason is unknown (an
// earlier buffered write failed and errno has moved on).
int failure = 0;

Status Failed() {
  std::string message = Tr("cannot write standard output");
  if (failure > 0) {
    message += ": ";
    message += std::strerror(failure);
  }
  return Status::Io(std::move(message));
}

Status Record() {
  failure = errno != 0 ? errno : -1;
  return Failed();
}

}  // namespace

Status WriteStdout(std::string_view text) {
  if (failure != 0) return Failed();
  if (text.empty()) return Status::Ok();
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
    return Record();
  }
  return Status::Ok();
}

Status FlushStdout() {
  if (failure != 0) return Failed();
  errno = 0;
  // std::cout is synchronised with stdio (the default): it writes through
  // stdout, so its failures show on stdout too.
  std::cout.flush();
  if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
    return Record();
  }
  return Status::Ok();
}

bool StdoutFailed() { return failure != 0; }

Status CloseStdout() {
  const bool reported = failure != 0;
  Status s = FlushStdout();
  // close() is where some file systems (NFS) report a failed write. The
  // FILE stays open, empty, for anything run at exit.
  if (s.ok() && ::close(STDOUT_FILENO) != 0 && errno != EBADF) s = Record();
  return reported ? Status::Ok() : s;
}

}  // namespace onoma::cli
