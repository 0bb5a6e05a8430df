// The whole of an onoma binary's main(): messages, parsing, the command,
// exit code (cli/entry.cc). cli/main.cc is onoma; cli/serve_main.cc is
// onoma-serve, the same with the HTTP server linked in.

#ifndef ONOMA_CLI_ENTRY_H_
#define ONOMA_CLI_ENTRY_H_

namespace onoma::cli {

// Runs the command `argv` names; the process's exit code.
int Main(int argc, char** argv);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_ENTRY_H_
