// The one place where a Status becomes an exit code and a message.
//
// Exit codes (docs/cli.md): 0 success; 1 found something (normalize --check);
// 2 usage error; 3 bad input; 4 database error. Messages go to stderr as
// "onoma: <what>: <why>".

#ifndef ONOMA_CLI_EXIT_CODES_H_
#define ONOMA_CLI_EXIT_CODES_H_

#include <string_view>

#include "lib/util/status.h"

namespace onoma::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFound = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitBadInput = 3;
inline constexpr int kExitDatabase = 4;

// The exit code for a failed status (kExitOk for an OK one).
int ExitCodeFor(const Status& status);

// Prints "onoma: <what>: <status>" to stderr and returns ExitCodeFor(status).
int Fail(std::string_view what, const Status& status);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_EXIT_CODES_H_
