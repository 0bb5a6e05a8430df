#include "cli/options.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/i18n.h"
#include "cli/language_option.h"
#include "lib/text/unicode.h"
#include "lib/util/edit_distance.h"

namespace onoma::cli {
namespace {

constexpr std::array<std::string_view, 9> kTopCommands = {
    "romanize", "term",         "normalize", "tm", "segment",
    "info",     "pretranslate", "serve",     "db"};

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
    if (std::find(kTopCommands.begin(), kTopCommands.end(), arg) !=
        kTopCommands.end()) {
      return std::nullopt;
    }
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
CLI::Validator InRange(T low, T high) {
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

// CLI::IsMember with its message in the user's language.
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

CLI::App* Sub(CLI::App& parent, const char* name, const std::string& about,
              const std::string& examples) {
  CLI::App* sub = parent.add_subcommand(name, about);
  sub->group(Tr("Commands"));
  sub->option_defaults()->group(Tr("Options"));
  sub->set_help_flag("-h,--help", Tr("Print this help and exit"));
  if (!examples.empty()) sub->footer(Tr("Examples:") + "\n" + examples);
  return sub;
}

}  // namespace

ParseOutcome ParseArgs(int argc, char** argv) {
  ParseOutcome outcome;
  if (auto unknown = UnknownCommand(argc, argv)) {
    std::string_view best;
    int best_distance = 3;
    for (std::string_view candidate : kTopCommands) {
      const int d = BoundedEditDistance(std::string_view(*unknown), candidate,
                                        best_distance - 1);
      if (d < best_distance) best = candidate, best_distance = d;
    }
    std::string why =
        best.empty()
            ? Format(Tr("'{0}' is not an onoma command"), {*unknown})
            : Format(Tr("'{0}' is not an onoma command; did you mean '{1}'?"),
                     {*unknown, best});
    PrintUsageError("", why);
    outcome.exit_code = 2;
    return outcome;
  }

  Options opts;
  CLI::App app(Tr("onoma: romanize names, keep a term store, normalize "
                  "names in articles and keep a translation memory."),
               "onoma");
  Localize(app);
  app.option_defaults()->group(Tr("Options"));
  app.set_help_flag("-h,--help", Tr("Print this help and exit"));
  app.fallthrough();
  app.require_subcommand(0, 1);
  bool version = false;
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

  // --- romanize -----------------------------------------------------------
  RomanizeArgs& r = opts.romanize;
  CLI::App* romanize =
      Sub(app, "romanize",
          Tr("Write Hangul and Cyrillic in Latin letters under an official "
             "scheme. With TEXT, romanize the words given and print one line; "
             "otherwise convert standard input line by line."),
          "  onoma romanize Київ                 # Kyiv\n"
          "  onoma romanize --scheme ru-bgn Курск\n"
          "  onoma romanize --name 윤석열          # Yun Seok-yeol\n"
          "  onoma romanize --name 윤석열 김정은   # two names\n"
          "  onoma --db news.db romanize --house --name 윤석열\n"
          "  onoma romanize --name --style common 박정희   # Park Jeong-hui\n"
          "  onoma romanize --place 의정부시       # Uijeongbu-si\n"
          "  onoma romanize --scheme ru-iso9 --reverse 'Ŝukin'\n"
          "  onoma romanize < article.txt > article.latn.txt\n");
  romanize
      ->add_option("--scheme", r.scheme,
                   Tr("The scheme id (see --list); auto picks per word: "
                      "Hangul ko-rr, Cyrillic uk-kmu2010 (ru-bgn with "
                      "--lang ru)"))
      ->type_name(Tr("ID"));
  romanize
      ->add_option("--lang", r.lang,
                   Tr("The language of Cyrillic text under --scheme auto: "
                      "uk or ru"))
      ->type_name(Tr("LANG"))
      ->check(OneOf({"uk", "ru"}));
  romanize->add_flag("--list", r.list,
                     Tr("List the scheme ids with a description, and exit"));
  romanize->add_flag("--name", r.name,
                     Tr("The text is personal names, each word a name "
                        "(Korean: family name, space, given name with a "
                        "hyphen; a family name written apart takes the next "
                        "word as given name)"));
  romanize->add_flag("--place", r.place,
                     Tr("The text is a place name (Korean: administrative "
                        "units hyphenated, capitalized)"));
  romanize->add_flag("--house", r.house,
                     Tr("Write a name the term store (--db) knows in its "
                        "preferred English rendering (윤석열: Yoon Suk Yeol); "
                        "other text as the scheme does. Reads the store, "
                        "never creates it"));
  romanize->add_flag("--reverse", r.reverse,
                     Tr("Turn Latin back into the original script (reversible "
                        "schemes only)"));
  romanize->add_flag("--ascii", r.ascii,
                     Tr("Use the scheme's plain ASCII form, without ties and "
                        "diacritics, where it has one"));
  romanize->add_flag("--capitalize", r.capitalize,
                     Tr("Korean: capitalize each word, as for a proper noun"));
  romanize->add_flag("--no-name-hyphen", r.no_name_hyphen,
                     Tr("Korean names: write the given name without a hyphen "
                        "(Min Yongha)"));
  romanize
      ->add_option("--style", r.style,
                   Tr("Korean names: scheme writes the family name as the "
                      "scheme does (Gim, I, Bak); common as it is usually "
                      "spelt (Kim, Lee, Park)"))
      ->type_name(Tr("STYLE"))
      ->check(OneOf({"scheme", "common"}));
  romanize->add_flag("--omit-unit", r.omit_unit,
                     Tr("Korean places: leave out -si, -gun and -eup "
                        "(Cheongju)"));
  romanize->add_flag("--misreading-hyphen", r.misreading_hyphen,
                     Tr("Korean: a hyphen where syllables could be misread "
                        "(Jung-ang, Hae-undae)"));
  romanize->add_flag("--line-buffered", r.line_buffered,
                     Tr("Flush after every line (the default when standard "
                        "input is a terminal)"));
  romanize
      ->add_option("--table", r.tables,
                   Tr("Load an extra scheme from a table file (may be "
                      "repeated); see docs/schemes.md"))
      ->type_name(Tr("FILE"));
  romanize->add_option("text", r.text, Tr("Words to romanize"))
      ->type_name(Tr("TEXT"));
  romanize->callback([&] { opts.command = Command::kRomanize; });

  // --- term ---------------------------------------------------------------
  TermArgs& t = opts.term;
  CLI::App* term = Sub(app, "term",
                       Tr("Keep the term store: concepts and their renderings "
                          "in every language."),
                       "  onoma term add kyiv en Kyiv\n"
                       "  onoma term lookup Kiev\n");
  term->require_subcommand(1);
  CLI::App* term_import =
      Sub(*term, "import", Tr("Import terms from a .tbx, .tsv or .csv file"),
          "  onoma term import news.tbx\n");
  term_import->add_option("file", t.file, Tr("The file to import"))
      ->required()
      ->type_name(Tr("FILE"));
  term_import
      ->add_option("--source-lang", t.source_lang,
                   Tr("OmegaT glossaries (.txt): the language of the first "
                      "column (default en)"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag());
  term_import
      ->add_option("--target-lang", t.target_lang,
                   Tr("OmegaT glossaries (.txt): the language of the second "
                      "column (default uk)"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag());
  term_import
      ->add_option("--on-conflict", t.on_conflict,
                   Tr("A value the store holds differently: keep the "
                      "store's (default) or replace it with the file's"))
      ->type_name(Tr("HOW"))
      ->check(OneOf({"keep", "replace"}));
  term_import->add_flag(
      "--dry-run", t.dry_run,
      Tr("Write nothing; list each conflict and print the summary"));
  term_import->callback([&] { opts.command = Command::kTermImport; });
  CLI::App* term_export =
      Sub(*term, "export",
          Tr("Export the term store; the format follows the extension"),
          "  onoma term export terms.tsv\n");
  term_export->add_option("file", t.file, Tr("The file to write"))
      ->required()
      ->type_name(Tr("FILE"));
  term_export->callback([&] { opts.command = Command::kTermExport; });
  CLI::App* term_add =
      Sub(*term, "add", Tr("Add a rendering of a concept"),
          "  onoma term add kyiv uk Київ\n"
          "  onoma term add kyiv en Kiev --status deprecated\n");
  term_add->add_option("concept", t.concept_id, Tr("The concept"))->required();
  term_add->add_option("lang", t.lang, Tr("The language (BCP 47)"))
      ->required()
      ->check(LanguageTag());
  term_add->add_option("form", t.form, Tr("The rendering"))->required();
  term_add
      ->add_option("--status", t.status,
                   Tr("preferred, admitted or deprecated"))
      ->type_name(Tr("STATUS"))
      ->check(OneOf({"preferred", "admitted", "deprecated"}));
  term_add
      ->add_option("--type", t.concept_type,
                   Tr("For a new concept: person, place, organization or "
                      "other (default other)"))
      ->type_name(Tr("TYPE"))
      ->check(OneOf({"person", "place", "organization", "other"}));
  term_add
      ->add_option("--term-type", t.term_type,
                   Tr("fullForm (default), shortForm, acronym, abbreviation, "
                      "variant or phrase"))
      ->type_name(Tr("TYPE"));
  term_add->add_option("--note", t.note, Tr("A note on the rendering"))
      ->type_name(Tr("TEXT"));
  term_add
      ->add_option("--source", t.source, Tr("Where the rendering comes from"))
      ->type_name(Tr("TEXT"));
  term_add->callback([&] { opts.command = Command::kTermAdd; });
  CLI::App* term_edit =
      Sub(*term, "edit",
          Tr("Change a rendering of a concept, or with --type the "
             "concept's type"),
          "  onoma term edit kyiv en Kiev --status deprecated\n"
          "  onoma term edit kyiv en Kyiv --note 'AP since 2019'\n"
          "  onoma term edit kim-jong-un uk 'Кім Чен Ин' "
          "--inflection 'none none p-masc-hard'\n"
          "  onoma term edit kyiv --type place\n");
  term_edit->add_option("concept", t.concept_id, Tr("The concept"))->required();
  term_edit->add_option("lang", t.lang, Tr("The language (BCP 47)"));
  term_edit->add_option("form", t.form, Tr("The rendering"));
  term_edit
      ->add_option("--type", t.edit_concept_type,
                   Tr("The concept's type: person, place, organization or "
                      "other"))
      ->type_name(Tr("TYPE"))
      ->check(OneOf({"person", "place", "organization", "other"}));
  term_edit
      ->add_option("--status", t.edit_status,
                   Tr("preferred, admitted or deprecated"))
      ->type_name(Tr("STATUS"))
      ->check(OneOf({"preferred", "admitted", "deprecated"}));
  term_edit
      ->add_option("--term-type", t.term_type,
                   Tr("fullForm, shortForm, acronym, abbreviation, variant or "
                      "phrase"))
      ->type_name(Tr("TYPE"));
  term_edit
      ->add_option("--form", t.new_form, Tr("A new spelling of the rendering"))
      ->type_name(Tr("FORM"));
  term_edit->add_option("--note", t.note, Tr("A note on the rendering"))
      ->type_name(Tr("TEXT"));
  term_edit
      ->add_option("--source", t.source, Tr("Where the rendering comes from"))
      ->type_name(Tr("TEXT"));
  term_edit
      ->add_option(
          "--inflection", t.inflection,
          Tr("How a Ukrainian or Russian rendering declines: a class of "
             "docs/normalize.md (one, or one per word), none, or auto to "
             "have it inferred"))
      ->type_name(Tr("CLASS"));
  term_edit->callback([&] { opts.command = Command::kTermEdit; });
  CLI::App* term_remove =
      Sub(*term, "remove",
          Tr("Remove a rendering, or with CONCEPT alone the whole concept"),
          "  onoma term remove kyiv en Kiev\n"
          "  onoma term remove kyiv\n");
  term_remove->add_option("concept", t.concept_id, Tr("The concept"))
      ->required();
  term_remove->add_option("lang", t.lang, Tr("The language (BCP 47)"));
  term_remove->add_option("form", t.form, Tr("The rendering"));
  term_remove->callback([&] { opts.command = Command::kTermRemove; });
  CLI::App* term_list =
      Sub(*term, "list", Tr("Print every concept with its renderings"),
          "  onoma term list --json > terms.jsonl\n");
  term_list->add_flag("--json", t.json, Tr("Print JSON Lines"));
  term_list->callback([&] { opts.command = Command::kTermList; });
  CLI::App* term_index =
      Sub(*term, "index",
          Tr("Compile the term store's names into the name index beside the "
             "database, which normalize and tm lookup map at start; print "
             "its size"),
          "  onoma term index\n"
          "  onoma term index --rebuild\n");
  term_index->add_flag("--rebuild", t.rebuild,
                       Tr("Compile it again even when it is current"));
  term_index->callback([&] { opts.command = Command::kTermIndex; });
  CLI::App* term_lookup =
      Sub(*term, "lookup",
          Tr("Find a concept from any rendering in any script; with -, read "
             "queries from standard input, one per line"),
          "  onoma term lookup 키예프\n"
          "  onoma term lookup --json - < names.txt\n");
  term_lookup->add_flag("--json", t.json, Tr("Print JSON Lines"));
  term_lookup->add_option("--lang", t.lang, Tr("Only renderings in LANG"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag());
  term_lookup
      ->add_option("query", t.query, Tr("The name, or - for standard input"))
      ->required();
  term_lookup->callback([&] { opts.command = Command::kTermLookup; });

  // --- normalize ----------------------------------------------------------
  NormalizeArgs& n = opts.normalize;
  CLI::App* normalize =
      Sub(app, "normalize",
          Tr("Rewrite variant names in articles to the house form, keeping "
             "inflection, particles and everything else."),
          "  onoma normalize article.txt > fixed.txt\n"
          "  onoma normalize --check --report changes.jsonl *.txt\n");
  normalize->add_option("--lang", n.lang, Tr("The language of the text"))
      ->check(LanguageTag());
  normalize->add_flag("--admitted", n.admitted,
                      Tr("Rewrite admitted renderings too"));
  normalize->add_flag("--check", n.check,
                      Tr("Change nothing; exit 1 if variants were found"));
  normalize
      ->add_option("--report", n.report,
                   Tr("Write each change as JSON Lines to FILE"))
      ->type_name(Tr("FILE"));
  normalize->add_flag("--in-place", n.in_place, Tr("Rewrite the files"));
  normalize->add_flag("--backup", n.backup,
                      Tr("With --in-place, keep FILE~ first"));
  normalize->add_option("files", n.files, Tr("Files, or - for standard input"));
  normalize->callback([&] { opts.command = Command::kNormalize; });

  // --- tm -----------------------------------------------------------------
  TmArgs& m = opts.tm;
  CLI::App* tm = Sub(app, "tm",
                     Tr("Keep the translation memory: import and export TMX, "
                        "look up and align."),
                     "  onoma tm import memory.tmx\n"
                     "  onoma tm lookup --from en --to uk \"Kyiv said\"\n");
  tm->require_subcommand(1);
  CLI::App* tm_import =
      Sub(*tm, "import",
          Tr("Import a TMX file (1.1 to 1.4b) or the finished segments of "
             "an XLIFF file (1.0 to 2.2), all or nothing"),
          "  onoma tm import memory.tmx\n"
          "  onoma tm import --on-duplicate newest --lenient old.tmx\n"
          "  onoma tm import report.uk.xlf\n"
          "  onoma tm import --to fr messages.fr.xlf\n");
  tm_import
      ->add_option("file", m.file,
                   Tr("The TMX or XLIFF file (.xlf, .xliff, .sdlxliff, "
                      ".mqxliff, or found by its root element)"))
      ->required();
  tm_import
      ->add_option("--on-duplicate", m.on_duplicate,
                   Tr("For a unit whose source and languages the memory "
                      "already has: keep (the memory's), replace (with the "
                      "file's) or newest (the later changed); default: keep "
                      "both when they differ"))
      ->type_name(Tr("POLICY"))
      ->check(OneOf({"keep", "replace", "newest"}));
  tm_import->add_flag("--lenient", m.lenient,
                      Tr("Skip bad units with a warning instead of failing"));
  tm_import->add_flag("--dry-run", m.dry_run,
                      Tr("Read and check the file; store nothing"));
  tm_import
      ->add_option("--from", m.from,
                   Tr("XLIFF: the source language, for a file that names "
                      "none"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag());
  tm_import
      ->add_option("--to", m.to,
                   Tr("XLIFF: the target language, for a file that names "
                      "none"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag());
  tm_import
      ->add_option("--format", m.format,
                   Tr("tmx or xliff; default: by the file's extension, else "
                      "its root element"))
      ->type_name(Tr("FORMAT"))
      ->check(OneOf({"tmx", "xliff"}));
  tm_import->add_flag("--any-state", m.any_state,
                      Tr("XLIFF: store every segment with a target, "
                         "whatever its state"));
  tm_import->callback([&] { opts.command = Command::kTmImport; });
  CLI::App* tm_export =
      Sub(*tm, "export",
          Tr("Export the memory as valid TMX 1.4b (- for standard output)"),
          "  onoma tm export out.tmx --langs en,uk\n");
  tm_export->add_option("file", m.file, Tr("The TMX file"))->required();
  tm_export->add_option("--langs", m.langs,
                        Tr("Only these languages, comma-separated (en takes "
                           "en-US too); units left with fewer than two are "
                           "not written"));
  tm_export->callback([&] { opts.command = Command::kTmExport; });
  CLI::App* tm_add = Sub(*tm, "add", Tr("Add one segment pair"),
                         "  onoma tm add --from en --to uk Kyiv Київ\n");
  tm_add->add_option("--from", m.from, Tr("Source language"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag())
      ->required();
  tm_add->add_option("--to", m.to, Tr("Target language"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag())
      ->required();
  tm_add->add_option("source", m.source, Tr("Source text"))->required();
  tm_add->add_option("target", m.target, Tr("Target text"))->required();
  tm_add
      ->add_option("--on-duplicate", m.on_duplicate,
                   Tr("keep, replace or newest, as for import"))
      ->type_name(Tr("POLICY"))
      ->check(OneOf({"keep", "replace", "newest"}));
  tm_add->callback([&] { opts.command = Command::kTmAdd; });
  CLI::App* tm_lookup =
      Sub(*tm, "lookup",
          Tr("Find translated segments like TEXT; with -, read queries from "
             "standard input, one per line"),
          "  onoma tm lookup --from en --to uk --min 80 \"Kyiv said\"\n");
  tm_lookup->add_option("--from", m.from, Tr("Source language"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag())
      ->required();
  tm_lookup->add_option("--to", m.to, Tr("Target language"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag())
      ->required();
  tm_lookup
      ->add_option("--min", m.min,
                   Tr("Show matches scoring at least N (0-100, default 70)"))
      ->type_name("N")
      ->check(InRange(0, 100));
  tm_lookup
      ->add_option("--max", m.max, Tr("Show at most N matches (default 5)"))
      ->type_name("N")
      ->check(InRange(1, 1000));
  tm_lookup->add_flag("--json", m.json, Tr("Print JSON Lines"));
  tm_lookup->add_option("text", m.text, Tr("The text, or - for standard input"))
      ->required();
  tm_lookup->callback([&] { opts.command = Command::kTmLookup; });
  CLI::App* tm_conc =
      Sub(*tm, "concordance",
          Tr("Find segments that contain TEXT, inside words too, ignoring "
             "case"),
          "  onoma tm concordance --lang uk Київ\n"
          "  onoma tm concordance --json 서울\n");
  tm_conc->add_option("--lang", m.lang, Tr("Search this language only"))
      ->check(LanguageTag(true));
  tm_conc->add_flag("--json", m.json, Tr("Print JSON Lines"));
  tm_conc
      ->add_option("--max", m.concordance_max,
                   Tr("Show at most N units, newest first (default 20)"))
      ->type_name("N")
      ->check(InRange(1, 100000));
  tm_conc->add_option("text", m.text, Tr("The text, or - for standard input"))
      ->required();
  tm_conc->callback([&] { opts.command = Command::kTmConcordance; });
  CLI::App* tm_index =
      Sub(*tm, "index",
          Tr("Bring the lookup and concordance indexes up to date (the "
             "first lookup or concordance after an import does it too)"),
          "  onoma tm index\n"
          "  onoma tm index --rebuild\n");
  tm_index->add_flag("--rebuild", m.rebuild,
                     Tr("Build the lookup index anew from every unit"));
  tm_index->callback([&] { opts.command = Command::kTmIndex; });
  CLI::App* tm_align =
      Sub(*tm, "align", Tr("Align a report with its translation"),
          "  onoma tm align --from en --to uk report.en.txt report.uk.txt\n");
  tm_align->add_option("--from", m.from, Tr("Source language"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag())
      ->required();
  tm_align->add_option("--to", m.to, Tr("Target language"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag())
      ->required();
  tm_align->add_flag("--import", m.import,
                     Tr("Store the pairs in the translation memory"));
  tm_align->add_option("--output", m.output, Tr("Write TMX to FILE"))
      ->type_name(Tr("FILE"));
  tm_align
      ->add_option("--anchors", m.anchors,
                   Tr("Names linked across languages, as lines of "
                      "key<TAB>lang<TAB>form, to guide the alignment"))
      ->type_name(Tr("FILE"));
  tm_align->add_flag("--no-store-anchors", m.no_store_anchors,
                     Tr("Do not use the term store's names as anchors"));
  tm_align
      ->add_option("source", m.source,
                   Tr("Source file, or a directory of them (batch)"))
      ->required();
  tm_align
      ->add_option("target", m.target,
                   Tr("Target file, or a directory with the files of the "
                      "same names (.L1. becomes .L2.)"))
      ->required();
  tm_align->callback([&] { opts.command = Command::kTmAlign; });
  CLI::App* tm_stats =
      Sub(*tm, "stats", Tr("Show what the translation memory holds"), "");
  tm_stats->callback([&] { opts.command = Command::kTmStats; });

  // --- segment ------------------------------------------------------------
  CLI::App* segment =
      Sub(app, "segment", Tr("Split text into sentences, one per line"),
          "  onoma segment --lang uk article.txt\n");
  segment
      ->add_option("--lang", opts.segment_lang,
                   Tr("The language: en, uk, ru, ko or another BCP 47 "
                      "code (default: guessed from the letters)"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag());
  segment
      ->add_option("--srx", opts.segment_srx,
                   Tr("Use the rules of an SRX 2.0 file instead of the "
                      "built-in ones"))
      ->type_name(Tr("FILE"));
  segment
      ->add_option("file", opts.segment_file,
                   Tr("The file, or - for standard input"))
      ->required();
  segment->callback([&] { opts.command = Command::kSegment; });

  // --- pretranslate -------------------------------------------------------
  PretranslateArgs& p = opts.pretranslate;
  CLI::App* pretranslate =
      Sub(app, "pretranslate",
          Tr("Fill a report's segments from the translation memory and write "
             "a draft for the translator"),
          "  onoma pretranslate --from en --to uk report.txt\n"
          "  onoma pretranslate --from en --to uk -o report.xlf report.txt\n"
          "  onoma pretranslate --from en --to uk --format xliff12 -o drafts/ "
          "reports/\n");
  pretranslate->add_option("--from", p.from, Tr("Source language"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag())
      ->required();
  pretranslate->add_option("--to", p.to, Tr("Target language"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag())
      ->required();
  pretranslate
      ->add_option("--min", p.min,
                   Tr("Fill a target from a match scoring at least N (0-100, "
                      "default 75)"))
      ->type_name("N")
      ->check(InRange(0, 100));
  pretranslate
      ->add_option("-o,--output", p.output,
                   Tr("Write the draft to FILE (a directory for a directory "
                      "of reports); the format follows its extension"))
      ->type_name(Tr("FILE"));
  pretranslate
      ->add_option("--format", p.format,
                   Tr("xliff (XLIFF 2.0), xliff12, tmx, tsv or text"))
      ->type_name(Tr("FORMAT"))
      ->check(OneOf({"xliff", "xliff20", "xliff12", "tmx", "tsv", "text"}));
  pretranslate
      ->add_option("--srx", p.srx,
                   Tr("Segment with the rules of an SRX 2.0 file instead of "
                      "the built-in ones"))
      ->type_name(Tr("FILE"));
  pretranslate
      ->add_option("--stats", p.stats,
                   Tr("Write the analysis by match band to FILE as JSON"))
      ->type_name(Tr("FILE"));
  pretranslate
      ->add_option("report", p.input,
                   Tr("The report, a directory of reports, or - for standard "
                      "input"))
      ->required();
  pretranslate->callback([&] { opts.command = Command::kPretranslate; });

  // --- info ---------------------------------------------------------------
  CLI::App* info =
      Sub(app, "info",
          Tr("Show which database is in use (and whether --db, $ONOMA_DB or "
             "the default chose it), its schema version and what it holds"),
          "  onoma info\n"
          "  onoma --db news.db info --json\n");
  info->add_flag("--json", opts.info_json, Tr("Print one JSON object"));
  info->callback([&] { opts.command = Command::kInfo; });

  // --- serve --------------------------------------------------------------
  ServeArgs& sv = opts.serve;
  CLI::App* serve =
      Sub(app, "serve",
          Tr("Serve the desk's page and JSON API: term lookup, memory lookup "
             "and concordance, normalizing and romanizing (docs/serve.md)"),
          "  onoma serve\n"
          "  onoma --db news.db serve --port 8080 --allow-edit\n");
  serve
      ->add_option("--host", sv.host,
                   Tr("The address to listen on (default 127.0.0.1: this "
                      "machine only; there is no authentication)"))
      ->type_name(Tr("HOST"));
  serve
      ->add_option("--port", sv.port,
                   Tr("The port to listen on (default 8470; 0: any free "
                      "port)"))
      ->check(InRange(0, 65535))
      ->type_name(Tr("PORT"));
  serve->add_flag("--allow-edit", sv.allow_edit,
                  Tr("Let the page add renderings and change their status"));
  serve->callback([&] { opts.command = Command::kServe; });

  // --- db (cli/db_command.cc) ---------------------------------------------
  CLI::App* db_group =
      Sub(app, "db",
          Tr("Move a whole store from one database to another (SQLite or "
             "PostgreSQL)"),
          "  onoma db copy news.db postgresql://onoma_desk@db.desk/onoma\n");
  db_group->require_subcommand(1);
  CLI::App* db_copy =
      Sub(*db_group, "copy",
          Tr("Copy the term store and the memory of SRC into DST, which "
             "must be empty, in one transaction, and check the copy"),
          "  onoma db copy news.db postgresql:///onoma?host=/run/postgresql\n"
          "  onoma db copy postgresql://db.desk/onoma backup.db\n");
  db_copy
      ->add_option("source", opts.db_copy.source,
                   Tr("The store to copy: a SQLite file or a PostgreSQL URI"))
      ->required()
      ->type_name(Tr("SRC"));
  db_copy
      ->add_option("destination", opts.db_copy.destination,
                   Tr("Where to copy it: a SQLite file (made if it is not "
                      "there) or a PostgreSQL URI"))
      ->required()
      ->type_name(Tr("DST"));
  db_copy->add_flag("--replace", opts.db_copy.replace,
                    Tr("Empty DST first when it holds a store (in the same "
                       "transaction as the copy)"));
  db_copy->callback([&] { opts.command = Command::kDbCopy; });

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    outcome.exit_code = app.exit(e, std::cout, std::cerr);
    return outcome;
  } catch (const CLI::CallForAllHelp& e) {
    outcome.exit_code = app.exit(e, std::cout, std::cerr);
    return outcome;
  } catch (const CLI::ParseError& e) {
    std::string command;
    for (CLI::App* sub = &app; !sub->get_subcommands().empty();) {
      sub = sub->get_subcommands().front();
      command += (command.empty() ? "" : " ") + sub->get_name();
    }
    PrintUsageError(command, TranslateParseError(e));
    outcome.exit_code = 2;
    return outcome;
  }

  if (version) {
    std::cout << "onoma " << ONOMA_VERSION << "\n";
    return outcome;
  }
  if (opts.command == Command::kNone) {
    std::cerr << app.help();
    outcome.exit_code = 2;
    return outcome;
  }
  for (CLI::App* sub = &app; !sub->get_subcommands().empty();) {
    sub = sub->get_subcommands().front();
    opts.command_name +=
        (opts.command_name.empty() ? "" : " ") + sub->get_name();
  }
  outcome.options = std::move(opts);
  return outcome;
}

}  // namespace onoma::cli
