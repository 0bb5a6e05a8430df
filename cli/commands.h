// The `onoma` command line, step two: act on parsed Options.
//
// Each Run* function opens what it needs (schemes, the store), does the
// work, prints, and returns the process exit code (cli/exit_codes.h).

#ifndef ONOMA_CLI_COMMANDS_H_
#define ONOMA_CLI_COMMANDS_H_

#include "cli/options.h"

namespace onoma::cli {

// Dispatches to the command's Run* function.
int Run(const Options& options);

int RunRomanize(const Options& options);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_COMMANDS_H_
