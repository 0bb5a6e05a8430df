// The `onoma` command line, step one: argv to a plain Options struct.
//
// ParseArgs() does no I/O beyond printing --help, --version and usage
// errors; it opens no database and loads no scheme. The commands and their
// options come from the table in cli/command_table.h; step two runs the
// row chosen (Options::command) on the struct. The forms are the contract
// docs/cli.md documents; everything CLI11 throws stays in cli/options.cc.

#ifndef ONOMA_CLI_OPTIONS_H_
#define ONOMA_CLI_OPTIONS_H_

#include <optional>
#include <string>
#include <vector>

namespace onoma::cli {

struct CommandSpec;  // cli/command_table.h

// The values of the options that take one word of a fixed set, read once
// by ParseArgs (each command's Define lists the words); the commands turn
// them into the libraries' own types.
enum class CyrillicLang { kUk, kRu };          // romanize --lang
enum class NameStyleArg { kScheme, kCommon };  // romanize --style
enum class TermStatusArg { kPreferred, kAdmitted, kDeprecated };  // --status
enum class ConceptTypeArg { kPerson, kPlace, kOrganization, kOther };  // --type
enum class OnConflictArg { kKeep, kReplace };  // term import --on-conflict
// tm import and tm add --on-duplicate; kBoth when not given: keep both
// when the targets differ.
enum class OnDuplicateArg { kBoth, kKeep, kReplace, kNewest };
enum class TmFormatArg { kTmx, kXliff };  // tm import --format
// pretranslate --format (xliff and xliff20 are both kXliff20).
enum class DraftFormat { kXliff20, kXliff12, kTmx, kTsv, kText };

struct RomanizeArgs {
  std::string scheme = "auto";
  // uk or ru: picks the Cyrillic scheme under auto. Default: uk.
  CyrillicLang lang = CyrillicLang::kUk;
  bool list = false;
  bool name = false;
  bool place = false;
  bool reverse = false;
  bool ascii = false;
  bool line_buffered = false;
  bool house = false;  // the store's preferred en rendering of known names
  // Korean: RR 3.3 capitals, 3.4 names, 3.5 units, 3.2 hyphens.
  bool capitalize = false;
  bool no_name_hyphen = false;
  NameStyleArg style = NameStyleArg::kScheme;  // or kCommon: Kim, Lee, Park
  bool omit_unit = false;
  bool road = false;               // places: 종로 Jong-ro (road-name address)
  bool no_number_reading = false;  // places: 종로3가 Jongno 3-ga
  bool misreading_hyphen = false;
  std::vector<std::string> tables;  // extra scheme tables to load
  std::vector<std::string> text;    // empty: read stdin
};

struct TermArgs {
  std::string file;
  std::string concept_id;
  std::string lang;
  std::string form;
  TermStatusArg status = TermStatusArg::kPreferred;
  std::string query;
  bool json = false;
  // term add / edit (cli/term_command.cc):
  ConceptTypeArg concept_type = ConceptTypeArg::kOther;  // add: a new concept
  std::string term_type;  // empty: fullForm (add), unchanged (edit)
  std::optional<TermStatusArg> edit_status;
  std::optional<ConceptTypeArg> edit_concept_type;  // edit --type
  std::string new_form;
  std::optional<std::string> note;
  std::optional<std::string> source;
  // edit --inflection: a declension class, "none", or "auto" (inferred)
  std::optional<std::string> inflection;
  // term import of an OmegaT glossary, which does not name its languages:
  std::string source_lang = "en";
  std::string target_lang = "uk";
  // term import: how a conflict with the store is settled; nothing written.
  OnConflictArg on_conflict = OnConflictArg::kKeep;
  bool dry_run = false;
  bool rebuild = false;  // term index --rebuild
};

struct NormalizeArgs {
  std::string lang;
  bool admitted = false;
  bool check = false;
  std::string report;
  bool in_place = false;
  bool backup = false;
  std::vector<std::string> files;
};

struct TmArgs {
  std::string file;
  OnDuplicateArg on_duplicate = OnDuplicateArg::kBoth;
  std::string langs;
  std::string from;
  std::string to;
  std::string source;
  std::string target;
  std::string text;
  std::string lang;
  int min = 70;
  int max = 5;
  int concordance_max = 20;  // tm concordance --max
  bool json = false;
  bool import = false;
  bool lenient = false;
  bool rebuild = false;    // tm index --rebuild
  bool dry_run = false;    // tm import: read and check, store nothing
  bool any_state = false;  // tm import: every XLIFF segment with a target
  std::optional<TmFormatArg> format;  // tm import; nullopt: guessed
  std::string output;
  std::string anchors;  // tm align: a key<TAB>lang<TAB>form list of names
  bool no_store_anchors = false;  // tm align: leave the store's names out
};

// onoma pretranslate (cli/pretranslate_command.cc).
struct PretranslateArgs {
  std::string from;
  std::string to;
  int min = 75;
  std::string output;  // -o: a file, or a directory for a directory input
  std::optional<DraftFormat> format;  // nullopt: from -o's extension
  std::string srx;
  std::string stats;  // --stats FILE: the analysis as JSON
  std::string input;  // a file, a directory, or "-"
};

// onoma serve (cli/serve_command.cc).
struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8470;  // 0: any free port, printed in the URL
  bool allow_edit = false;
};

// onoma db copy (cli/db_command.cc).
struct DbCopyArgs {
  std::string source;       // a SQLite file or a PostgreSQL URI
  std::string destination;  // the same
  bool replace = false;     // empty a destination that holds a store
};

struct Options {
  // The command to run: a row of CommandTable() (cli/command_table.h).
  const CommandSpec* command = nullptr;
  std::string command_name;  // its path, "tm import", for messages
  std::optional<std::string> db;
  double busy_timeout = 30;  // seconds; --busy-timeout, $ONOMA_BUSY_TIMEOUT
  bool read_only = false;    // --read-only
  bool info_json = false;    // info --json
  RomanizeArgs romanize;
  TermArgs term;
  NormalizeArgs normalize;
  TmArgs tm;
  PretranslateArgs pretranslate;
  ServeArgs serve;
  DbCopyArgs db_copy;
  std::string segment_lang;
  std::string segment_file;
  std::string segment_srx;  // SRX rules replacing the built-in ones
};

// The outcome of parsing: run `options`, or exit now with `exit_code`
// (after --help, --version or a usage error, already printed).
struct ParseOutcome {
  std::optional<Options> options;
  int exit_code = 0;
};

ParseOutcome ParseArgs(int argc, char** argv);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_OPTIONS_H_
