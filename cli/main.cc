// onoma: the command-line tool. Parsing is in options.cc, the commands in
// commands.cc and *_command.cc.

#include <cstdio>
#include <exception>

#include "cli/commands.h"
#include "cli/i18n.h"
#include "cli/options.h"

int main(int argc, char** argv) {
  try {
    onoma::cli::InitMessages();
    onoma::cli::ParseOutcome parsed = onoma::cli::ParseArgs(argc, argv);
    if (!parsed.options) return parsed.exit_code;
    return onoma::cli::Run(*parsed.options);
  } catch (const std::exception& e) {
    // The libraries return errors as values; reaching this is a bug or an
    // exhausted machine (std::bad_alloc). One line, never a stack trace.
    std::fprintf(stderr, "onoma: internal error: %s\n", e.what());
    return 4;
  }
}
