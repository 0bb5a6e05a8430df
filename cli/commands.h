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
// cli/term_command.cc:
int RunTermAdd(const Options& options);
int RunTermEdit(const Options& options);
int RunTermRemove(const Options& options);
int RunTermList(const Options& options);
int RunTermIndex(const Options& options);
int RunTermImport(const Options& options);
int RunTermExport(const Options& options);
int RunTermLookup(const Options& options);
int RunSegment(const Options& options);    // cli/segment_command.cc
int RunNormalize(const Options& options);  // cli/normalize_command.cc
int RunTmAlign(const Options& options);    // cli/align_command.cc
// cli/tm_command.cc:
int RunTmImport(const Options& options);
int RunTmExport(const Options& options);
int RunTmAdd(const Options& options);
int RunTmLookup(const Options& options);  // cli/lookup_command.cc
int RunTmIndex(const Options& options);   // cli/lookup_command.cc
int RunTmStats(const Options& options);
int RunTmConcordance(const Options& options);  // cli/concordance_command.cc
int RunInfo(const Options& options);           // cli/info_command.cc
int RunPretranslate(const Options& options);   // cli/pretranslate_command.cc
int RunServe(const Options& options);          // cli/serve_command.cc
int RunDbCopy(const Options& options);         // cli/db_command.cc

}  // namespace onoma::cli

#endif  // ONOMA_CLI_COMMANDS_H_
