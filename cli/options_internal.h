// What each command's Define function (cli/command_table.h) declares its
// options with: a subcommand with onoma's help layout, and validators whose
// messages are in the user's language. CLI11 stays in cli/; this header is
// included by the command files only.

#ifndef ONOMA_CLI_OPTIONS_INTERNAL_H_
#define ONOMA_CLI_OPTIONS_INTERNAL_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <utility>
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

// A word an option may take and the value it stands for.
template <typename E>
struct Choice {
  const char* word;
  E value;
};

// The value type of a choice held as E or as std::optional<E> (not given).
template <typename E>
struct ChoiceOf {
  using type = E;
};
template <typename E>
struct ChoiceOf<std::optional<E>> {
  using type = E;
};

// Adds the option `name` to `app`, whose value is one of the words of
// `choices` (checked by OneOf: the same help and message), and stores the
// value that word stands for in `target` when the option is given; a
// target not given keeps its default. `target` must outlive the parse.
// Returns the option, which `app` owns, for type_name() and the like.
template <typename Target, typename E = typename ChoiceOf<Target>::type>
CLI::Option* AddChoice(CLI::App& app, const std::string& name, Target& target,
                       std::vector<Choice<E>> choices,
                       const std::string& description) {
  std::vector<std::string> words;
  words.reserve(choices.size());
  for (const Choice<E>& choice : choices) words.emplace_back(choice.word);
  CLI::Option* option = app.add_option_function<std::string>(
      name,
      [&target, choices = std::move(choices)](const std::string& word) {
        for (const Choice<E>& choice : choices) {
          if (word == choice.word) target = choice.value;
        }
      },
      description);
  return option->check(OneOf(std::move(words)));
}

}  // namespace onoma::cli

#endif  // ONOMA_CLI_OPTIONS_INTERNAL_H_
