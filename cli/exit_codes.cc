#include "cli/exit_codes.h"

#include <cstdio>
#include <string>

namespace onoma::cli {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kBadArgument:
    case StatusCode::kNotFound:
      return kExitUsage;
    case StatusCode::kBadInput:
    case StatusCode::kIo:
      return kExitBadInput;
    case StatusCode::kDatabase:
    case StatusCode::kInternal:
      return kExitDatabase;
  }
  return kExitDatabase;
}

int Fail(std::string_view what, const Status& status) {
  std::string line = "onoma: ";
  if (!what.empty()) {
    line += what;
    line += ": ";
  }
  line += status.ToString();
  line += '\n';
  std::fflush(stdout);
  std::fputs(line.c_str(), stderr);
  return ExitCodeFor(status);
}

}  // namespace onoma::cli
