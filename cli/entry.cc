// The start of the onoma binaries (cli/main.cc, cli/serve_main.cc).
// Parsing is in options.cc, the commands in the table of command_table.cc
// and their *_command.cc files.

#include "cli/entry.h"

#include <cstdio>
#include <exception>
#include <string>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/options.h"
#include "cli/standard_output.h"
#include "lib/util/atomic_file.h"

namespace {

// Standard output is closed and checked whatever the command printed, so a
// failed write is never a success (cli/standard_output.h). A command that
// failed has said why already.
int Finish(const std::string& what, int exit_code) {
  onoma::Status closed = onoma::cli::CloseStdout();
  if (closed.ok() || (exit_code != onoma::cli::kExitOk &&
                      exit_code != onoma::cli::kExitFound)) {
    return exit_code;
  }
  return onoma::cli::Fail(what, closed);
}

}  // namespace

namespace onoma::cli {

int Main(int argc, char** argv) {
  try {
    // A signal removes the temporaries of the files being written.
    onoma::InstallSignalCleanup();
    onoma::cli::InitMessages();
    onoma::cli::ParseOutcome parsed = onoma::cli::ParseArgs(argc, argv);
    if (!parsed.options) return Finish("", parsed.exit_code);
    return Finish(parsed.options->command_name,
                  onoma::cli::Run(*parsed.options));
  } catch (const std::exception& e) {
    // The libraries return errors as values; reaching this is a bug or an
    // exhausted machine (std::bad_alloc). One line, never a stack trace.
    std::fprintf(stderr, "onoma: internal error: %s\n", e.what());
    return onoma::cli::kExitDatabase;
  }
}

}  // namespace onoma::cli
