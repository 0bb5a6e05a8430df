// Standard output with every write checked: a full disk or a closed pipe
// under `onoma normalize a.txt > fixed.txt && mv fixed.txt a.txt` must not
// pass for success. Commands write through WriteStdout() and stop at its
// first failure; main() closes standard output through CloseStdout(), which
// catches what the commands' printf calls left in the buffer.
//
// A failure is kIo "cannot write standard output: <the system's reason>"
// (exit 3). SIGPIPE keeps its default action, so `onoma ... | head` ends
// quietly as any filter does.
//
// Not thread-safe; the command runs on one thread.

#ifndef ONOMA_CLI_STANDARD_OUTPUT_H_
#define ONOMA_CLI_STANDARD_OUTPUT_H_

#include <string_view>

#include "lib/util/status.h"

namespace onoma::cli {

// Writes `text` to stdout (buffered). Once a write has failed, every later
// call fails the same way without writing.
[[nodiscard]] Status WriteStdout(std::string_view text);

// Flushes std::cout and stdout; the same failure.
[[nodiscard]] Status FlushStdout();

// Whether WriteStdout() or FlushStdout() has failed (and so returned the
// failure to a command, which reported it).
bool StdoutFailed();

// Flushes and closes standard output. Failure: as above, when no earlier
// call has returned it already (otherwise OK, so that it is reported once).
[[nodiscard]] Status CloseStdout();

}  // namespace onoma::cli

#endif  // ONOMA_CLI_STANDARD_OUTPUT_H_
