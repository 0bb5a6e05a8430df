#include "cli/options.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command_table.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/options_internal.h"
#include "lib/text/unicode.h"
#include "lib/util/edit_distance.h"

namespace onoma::cli {
namespace {

// The commands of the first word: the rows of the table without a space.
bool IsTopCommand(std::string_view word) {
  return word.find(' ') == std::string_view::npos &&
         FindCommand(word) != nullptr;
}

void PrintUsageError(std::string_view command, const std::string& why) {
  std::string where = command.empty() ? "" : std::string(command) + ": ";
  std::cerr << "onoma: " << where << why << "\n"
            << Format(Tr("Run '{0} --help' for usage."),
                      {command.empty() ? std::string("onoma")
                                       : "onoma " + std::string(command)})
            << "\n";
}

// The first word that is not an option (nor the value of --db or
// --busy-timeout): the command
// the user asked for. Unknown ones get a hint before CLI11 sees them.
std::optional<std::string> UnknownCommand(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--db" || arg == "--busy-timeout") {
      ++i;
      continue;
    }
    if (arg.empty() || arg[0] == '-') continue;
    if (IsTopCommand(arg)) return std::nullopt;
    return std::string(arg);
  }
  return std::nullopt;
}

// CLI11's formatter pads the option column by bytes, so a translated
// type name or label (<언어> 필수, <МОВА>) pushes the descriptions out of
// line. This one pads by display width (lib/text/unicode.h).
class Formatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt,
                          bool is_positional) const override {
    const std::string name =
        "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::string description = make_option_desc(opt);
    const std::size_t width = get_column_width();
    const std::size_t used = text::DisplayWidth(name);
    std::string out = name;
    if (!description.empty()) {
      out += used >= width ? "\n" + std::string(width, ' ')
                           : std::string(width - used, ' ');
      for (char c : description) {
        out += c;
        if (c == '\n') out.append(width, ' ');
      }
    } else if (used < width) {
      out.append(width - used, ' ');
    }
    return out + "\n";
  }
};

// The bound as the user would write it: 86400, not 86400.000000.
template <typename T>
std::string Bound(T value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// CLI::Range with its message in the user's language.
template <typename T>
CLI::Validator InRangeOf(T low, T high) {
  return CLI::Validator(
      [low, high](std::string& input) {
        T value{};
        if (!CLI::detail::lexical_cast(input, value)) {
          return Format(Tr("'{0}' is not a number"), {input});
        }
        if (!(value >= low && value <= high)) {
          return Format(Tr("{0} is not between {1} and {2}"),
                        {input, Bound(low), Bound(high)});
        }
        return std::string();
      },
      "[" + Bound(low) + " - " + Bound(high) + "]", "InRange");
}

// CLI11's own messages for a parse error, in the user's language. CLI11
// builds them in English from fixed patterns (CLI/Error.hpp), which are
// taken apart here; one it does not build from these is shown as it is.
// The messages of onoma's validators are translated already.
std::string TranslateParseError(const CLI::ParseError& error) {
  const std::string what = error.what();
  auto starts = [&](std::string_view prefix) {
    return what.starts_with(prefix);
  };
  auto ends = [&](std::string_view suffix) { return what.ends_with(suffix); };
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
    constexpr std::string_view kIsRequired = " is required";
    if (ends(kIsRequired) &&
        what.find(' ') == what.size() - kIsRequired.size()) {
      return Format(Tr("{0} is required"),
                    {what.substr(0, what.size() - kIsRequired.size())});
    }
    if (what == "A subcommand is required" ||
        (starts("Requires at least ") && ends(" subcommands"))) {
      return Tr("a command is required");
    }
    return what;
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
    for (std::string_view prefix :
         {"The following arguments were not expected: ",
          "The following argument was not expected: "}) {
      if (starts(prefix)) {
        return Format(Tr("unexpected arguments: {0}"),
                      {what.substr(prefix.size())});
      }
    }
    return what;
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
    // "--from: 1 required LANG missing"
    const std::size_t colon = what.find(": ");
    if (colon != std::string::npos && ends(" missing") &&
        what.find(" required ", colon) != std::string::npos) {
      return Format(Tr("{0} needs a value"), {what.substr(0, colon)});
    }
    return what;
  }
  if (dynamic_cast<const CLI::ConversionError*>(&error) != nullptr) {
    // "Could not convert: --min = abc"
    constexpr std::string_view kCouldNot = "Could not convert: ";
    const std::size_t equals = what.find(" = ");
    if (starts(kCouldNot) && equals != std::string::npos) {
      return Format(Tr("{0}: '{1}' is not a valid value"),
                    {what.substr(kCouldNot.size(), equals - kCouldNot.size()),
                     what.substr(equals + 3)});
    }
    return what;
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&error) != nullptr) {
    const std::size_t at = what.find(" excludes ");
    if (at != std::string::npos) {
      return Format(Tr("{0} cannot be used with {1}"),
                    {what.substr(0, at), what.substr(at + 10)});
    }
    return what;
  }
  if (dynamic_cast<const CLI::RequiresError*>(&error) != nullptr) {
    const std::size_t at = what.find(" requires ");
    if (at != std::string::npos) {
      return Format(Tr("{0} needs {1}"),
                    {what.substr(0, at), what.substr(at + 10)});
    }
  }
  return what;
}

void Localize(CLI::App& app) {
  app.formatter(std::make_shared<Formatter>());
  auto formatter = app.get_formatter();
  for (const char* label : {"Usage", "OPTIONS", "SUBCOMMAND", "SUBCOMMANDS",
                            "Positionals", "REQUIRED", "TEXT", "INT", "UINT",
                            "FLOAT", "Needs", "Excludes", "Env"}) {
    formatter->label(label, Tr(label));
  }
  formatter->column_width(34);
}

}  // namespace

CLI::Validator InRange(int low, int high) { return InRangeOf(low, high); }

CLI::Validator InRange(double low, double high) { return InRangeOf(low, high); }

CLI::Validator OneOf(std::vector<std::string> choices) {
  std::string list;   // in the help, as CLI11 writes it: {keep,replace}
  std::string shown;  // in a message: keep, replace
  for (const std::string& choice : choices) {
    list += (list.empty() ? "" : ",") + choice;
    shown += (shown.empty() ? "" : ", ") + choice;
  }
  return CLI::Validator(
      [choices, shown](std::string& input) {
        if (std::find(choices.begin(), choices.end(), input) != choices.end()) {
          return std::string();
        }
        return Format(Tr("'{0}' is not one of: {1}"), {input, shown});
      },
      "{" + list + "}", "OneOf");
}

CLI::App* Sub(CLI::App& parent, const char* name, const std::string& about,
              const std::string& examples) {
  CLI::App* sub = parent.add_subcommand(name, about);
  sub->group(Tr("Commands"));
  sub->option_defaults()->group(Tr("Options"));
  sub->set_help_flag("-h,--help", Tr("Print this help and exit"));
  if (!examples.empty()) sub->footer(Tr("Examples:") + "\n" + examples);
  return sub;
}

namespace {

// "'romanise' is not an onoma command; did you mean 'romanize'?": the
// message for a first word that names no command, with the nearest
// command within two edits.
std::string UnknownCommandMessage(const std::string& unknown) {
  std::string_view best;
  int best_distance = 3;
  for (const CommandSpec& spec : CommandTable()) {
    const std::string_view candidate = spec.path;
    if (candidate.find(' ') != std::string_view::npos) continue;
    const int d = BoundedEditDistance(std::string_view(unknown), candidate,
                                      best_distance - 1);
    if (d < best_distance) best = candidate, best_distance = d;
  }
  return best.empty()
             ? Format(Tr("'{0}' is not an onoma command"), {unknown})
             : Format(Tr("'{0}' is not an onoma command; did you mean '{1}'?"),
                      {unknown, best});
}

// The top of the command line: its help, --version (into `version`) and
// the options every command shares, bound to `opts`.
void DefineGlobalOptions(CLI::App& app, Options& opts, bool& version) {
  Localize(app);
  app.option_defaults()->group(Tr("Options"));
  app.set_help_flag("-h,--help", Tr("Print this help and exit"));
  app.fallthrough();
  app.require_subcommand(0, 1);
  app.add_flag("--version", version, Tr("Print the version and exit"));
  app.add_option("--db", opts.db,
                 Tr("The database: a SQLite file, or a postgresql:// URI "
                    "for a shared store (default: $ONOMA_DB, else "
                    "$XDG_DATA_HOME/onoma/onoma.db, else "
                    "~/.local/share/onoma/onoma.db)"))
      ->type_name(Tr("PATH"));
  app.add_option("--busy-timeout", opts.busy_timeout,
                 Tr("How long to wait for another onoma holding the database "
                    "before failing (default: $ONOMA_BUSY_TIMEOUT, else 30)"))
      ->envname("ONOMA_BUSY_TIMEOUT")
      ->check(InRange(0.0, 86400.0))
      ->type_name(Tr("SECONDS"));
  app.add_flag("--read-only", opts.read_only,
               Tr("Open the database for reading only; commands that write "
                  "then fail (automatic for reading commands when the "
                  "database or its directory cannot be written)"));
  app.footer(Tr("Examples:") + "\n" +
             "  onoma romanize Київ Харків\n"
             "  echo '윤석열' | onoma romanize --name\n"
             "  onoma romanize --list\n"
             "  onoma tm lookup --from en --to uk \"Kyiv said on Monday\"\n\n" +
             Tr("Run 'onoma COMMAND --help' for the options of a command."));
}

// Each command, in the table's order, under its group
// (cli/command_table.h); the one parsed sets opts.command.
void DefineCommands(CLI::App& app, Options& opts) {
  std::map<std::string_view, CLI::App*> defined;
  for (const CommandSpec& spec : CommandTable()) {
    const std::size_t space = spec.path.rfind(' ');
    CLI::App& parent = space == std::string_view::npos
                           ? app
                           : *defined.at(spec.path.substr(0, space));
    CLI::App* command = spec.define(parent, opts);
    defined[spec.path] = command;
    if (spec.run != nullptr) {
      command->callback([&opts, &spec] { opts.command = &spec; });
    }
  }
}

// Parses argv into `app`'s bindings. Returns nullopt to go on, or the
// exit code after --help (printed) or a usage error (reported).
std::optional<int> Parse(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, std::cout, std::cerr);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, std::cout, std::cerr);
  } catch (const CLI::ParseError& e) {
    std::string command;
    for (CLI::App* sub = &app; !sub->get_subcommands().empty();) {
      sub = sub->get_subcommands().front();
      command += (command.empty() ? "" : " ") + sub->get_name();
    }
    PrintUsageError(command, TranslateParseError(e));
    return kExitUsage;
  }
  return std::nullopt;
}

}  // namespace

ParseOutcome ParseArgs(int argc, char** argv) {
  ParseOutcome outcome;
  if (auto unknown = UnknownCommand(argc, argv)) {
    PrintUsageError("", UnknownCommandMessage(*unknown));
    outcome.exit_code = kExitUsage;
    return outcome;
  }

  Options opts;
  CLI::App app(Tr("onoma: romanize names, keep a term store, normalize "
                  "names in articles and keep a translation memory."),
               "onoma");
  bool version = false;
  DefineGlobalOptions(app, opts, version);
  DefineCommands(app, opts);
  if (std::optional<int> exit_code = Parse(app, argc, argv)) {
    outcome.exit_code = *exit_code;
    return outcome;
  }
  if (version) {
    std::cout << "onoma " << ONOMA_VERSION << "\n";
    return outcome;
  }
  if (opts.command == nullptr) {
    std::cerr << app.help();
    outcome.exit_code = kExitUsage;
    return outcome;
  }
  opts.command_name = opts.command->path;
  outcome.options = std::move(opts);
  return outcome;
}

}  // namespace onoma::cli
