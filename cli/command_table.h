// The commands of `onoma`, one row each: the words that name it, how it
// declares its options (step one, argv to Options: cli/options.h) and how
// it runs (step two). ParseArgs builds the command line from the table and
// main runs the row it chose; nothing else lists the commands.
//
// Adding a command (docs/architecture.md): a file x_command.cc in cli/ with
//
//   CLI::App* DefineX(CLI::App& parent, Options& options);  // help, options
//   int RunX(const Options& options);                       // the work
//
// declared in cli/commands.h, its arguments in a struct in cli/options.h,
// and one row in cli/command_table.cc.

#ifndef ONOMA_CLI_COMMAND_TABLE_H_
#define ONOMA_CLI_COMMAND_TABLE_H_

#include <span>
#include <string_view>

namespace CLI {
class App;  // <CLI/CLI.hpp>, which only the command files include
}

namespace onoma::cli {

struct Options;

struct CommandSpec {
  // The words that name it: "romanize", "tm import". A group ("tm") only
  // holds the commands under it, which follow it in the table.
  std::string_view path;
  // Adds the command to `parent` (the app, or its group's App) with its
  // help text and its options bound to fields of `options`; returns it
  // (owned by `parent`).
  CLI::App* (*define)(CLI::App& parent, Options& options);
  // Does the work and returns the exit code (cli/exit_codes.h). Null for a
  // group.
  int (*run)(const Options& options);
  // Whether the command only reads the database, so that a read-only file
  // serves it (cli/store.h). Null for a group.
  bool (*reads_only)(const Options& options);
};

// Every command, in the order `onoma --help` lists them; a group before
// the commands under it.
std::span<const CommandSpec> CommandTable();

// The row of the command named `path` ("tm import"), or null.
const CommandSpec* FindCommand(std::string_view path);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_COMMAND_TABLE_H_
