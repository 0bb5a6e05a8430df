// The `onoma` commands: for each, the function that declares its command
// line and the one that runs it, the two halves of its row in the command
// table (cli/command_table.h).
//
// Each Define* function adds its subcommand to `parent` with its help and
// options bound to `options` (step one, no I/O). Each Run* function opens
// what it needs (schemes, the store), does the work, prints, and returns
// the process exit code (cli/exit_codes.h).

#ifndef ONOMA_CLI_COMMANDS_H_
#define ONOMA_CLI_COMMANDS_H_

#include "cli/options.h"

namespace CLI {
class App;  // <CLI/CLI.hpp>, which only the command files include
}

namespace onoma::cli {

// Runs the command ParseArgs chose (options.command).
int Run(const Options& options);

// cli/romanize_command.cc:
CLI::App* DefineRomanize(CLI::App& parent, Options& options);
int RunRomanize(const Options& options);

// cli/term_command.cc:
CLI::App* DefineTermGroup(CLI::App& parent, Options& options);
CLI::App* DefineTermImport(CLI::App& parent, Options& options);
CLI::App* DefineTermExport(CLI::App& parent, Options& options);
CLI::App* DefineTermAdd(CLI::App& parent, Options& options);
CLI::App* DefineTermEdit(CLI::App& parent, Options& options);
CLI::App* DefineTermRemove(CLI::App& parent, Options& options);
CLI::App* DefineTermList(CLI::App& parent, Options& options);
CLI::App* DefineTermIndex(CLI::App& parent, Options& options);
CLI::App* DefineTermLookup(CLI::App& parent, Options& options);
int RunTermAdd(const Options& options);
int RunTermEdit(const Options& options);
int RunTermRemove(const Options& options);
int RunTermList(const Options& options);
int RunTermIndex(const Options& options);
int RunTermImport(const Options& options);
int RunTermExport(const Options& options);
int RunTermLookup(const Options& options);

// cli/segment_command.cc:
CLI::App* DefineSegment(CLI::App& parent, Options& options);
int RunSegment(const Options& options);

// cli/normalize_command.cc:
CLI::App* DefineNormalize(CLI::App& parent, Options& options);
int RunNormalize(const Options& options);

// cli/tm_command.cc:
CLI::App* DefineTmGroup(CLI::App& parent, Options& options);
CLI::App* DefineTmImport(CLI::App& parent, Options& options);
CLI::App* DefineTmExport(CLI::App& parent, Options& options);
CLI::App* DefineTmAdd(CLI::App& parent, Options& options);
CLI::App* DefineTmStats(CLI::App& parent, Options& options);
int RunTmImport(const Options& options);
int RunTmExport(const Options& options);
int RunTmAdd(const Options& options);
int RunTmStats(const Options& options);

// cli/lookup_command.cc:
CLI::App* DefineTmLookup(CLI::App& parent, Options& options);
CLI::App* DefineTmIndex(CLI::App& parent, Options& options);
int RunTmLookup(const Options& options);
int RunTmIndex(const Options& options);

// cli/concordance_command.cc:
CLI::App* DefineTmConcordance(CLI::App& parent, Options& options);
int RunTmConcordance(const Options& options);

// cli/align_command.cc:
CLI::App* DefineTmAlign(CLI::App& parent, Options& options);
int RunTmAlign(const Options& options);

// cli/info_command.cc:
CLI::App* DefineInfo(CLI::App& parent, Options& options);
int RunInfo(const Options& options);

// cli/pretranslate_command.cc:
CLI::App* DefinePretranslate(CLI::App& parent, Options& options);
int RunPretranslate(const Options& options);

// cli/serve_command.cc:
CLI::App* DefineServe(CLI::App& parent, Options& options);
// Runs `run` (cli/serve_run.cc's RunDeskServer) for serve in this process;
// unless called, serve hands over to the onoma-serve binary.
void LinkDeskServer(int (*run)(const Options& options));
int RunServe(const Options& options);

// cli/db_command.cc:
CLI::App* DefineDbGroup(CLI::App& parent, Options& options);
CLI::App* DefineDbCopy(CLI::App& parent, Options& options);
int RunDbCopy(const Options& options);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_COMMANDS_H_
