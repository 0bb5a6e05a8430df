// What each command's Define function (cli/command_table.h) declares its
// options with: a subcommand with onoma's help layout, and validators whose
// messages are in the user's language. CLI11 stays in cli/; this header is
// included by the command files only.

#ifndef ONOMA_CLI_OPTIONS_INTERNAL_H_
#define ONOMA_CLI_OPTIONS_INTERNAL_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace onoma::cli {

// Adds the subcommand `name` to `parent`: `about` in the list of commands,
// its options under "Options", -h/--help, and `examples` (lines, each
// indented by two spaces and ending in '\n'; "" for none) in its footer.
// Returns it; `parent` owns it.
CLI::App* Sub(CLI::App& parent, const char* name, const std::string& about,
              const std::string& examples);

// CLI::Range with its message in the user's language: "101 is not between
// 0 and 100", "'abc' is not a number". Shown in the help as [0 - 100].
CLI::Validator InRange(int low, int high);
CLI::Validator InRange(double low, double high);

// CLI::IsMember with its message in the user's language: "'foo' is not one
// of: keep, replace". Shown in the help as {keep,replace}.
CLI::Validator OneOf(std::vector<std::string> choices);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_OPTIONS_INTERNAL_H_
