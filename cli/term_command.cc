// onoma term add|edit|remove|list|import|export|lookup: the term store from
// the command line (memory/terms/term_store.h does the work).

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/json.h"
#include "cli/json_answers.h"
#include "cli/language_option.h"
#include "cli/options_internal.h"
#include "cli/output_path.h"
#include "cli/standard_output.h"
#include "cli/store.h"
#include "cli/term_input.h"
#include "cli/terminal.h"
#include "lib/normalize/declension.h"
#include "lib/text/language_tag.h"
#include "lib/text/utf8.h"
#include "lib/util/line_reader.h"
#include "memory/formats/term_files.h"
#include "memory/terms/name_index.h"
#include "memory/terms/term_store.h"

namespace onoma::cli {
namespace {

using terms::Concept;
using terms::Term;

// The user's word for a status, term type or match kind.
std::string Label(std::string_view name) {
  if (name == "preferred") return Tr("preferred");
  if (name == "admitted") return Tr("admitted");
  if (name == "deprecated") return Tr("deprecated");
  if (name == "exact") return Tr("exact match");
  if (name == "folded") return Tr("match ignoring case and accents");
  if (name == "inflected") return Tr("match of an inflected form");
  if (name == "romanized") return Tr("match across scripts");
  if (name == "fuzzy") return Tr("close spelling");
  return std::string(name);
}

// One concept as text: its renderings grouped by language, preferred first
// (the store's order), one per line. What came from the store (a CSV may
// have brought control characters) is shown safely on a terminal.
void AppendConcept(std::string& out, const Concept& c, std::string_view heading,
                   const Display& display) {
  AppendShown(out, c.slug, display);
  out += " (";
  out += terms::Name(c.type);
  // What the file said the concept is about, where that is not its type.
  if (!c.subject.empty() && terms::MapConceptType(c.subject) != c.type) {
    std::string subject;
    AppendShown(subject, c.subject, display);
    out += "; " + Format(Tr("subject: {0}"), {subject});
  }
  out += ")";
  if (!heading.empty()) {
    out += ": ";
    AppendShown(out, heading, display);
  }
  out += '\n';
  std::string lang;
  for (const Term& t : c.terms) {
    out += "  ";
    AppendShown(out, t.lang == lang ? std::string(t.lang.size(), ' ') : t.lang,
                display);
    out += "  ";
    AppendShown(out, t.form, display);
    out += "  [" + Label(terms::Name(t.status));
    if (t.type != terms::TermType::kFullForm) {
      out += ", ";
      out += terms::Name(t.type);
    }
    out += ']';
    // How it declines: the class it names, or the inferred one.
    if (!terms::EffectiveInflection(t).empty()) {
      std::string klass;
      AppendShown(klass, terms::EffectiveInflection(t), display);
      out += "  <" +
             (t.inflection.empty() ? Format(Tr("{0}, inferred"), {klass})
                                   : klass) +
             ">";
    }
    if (!t.note.empty()) {
      out += "  ";
      AppendShown(out, t.note, display);
    }
    out += '\n';
    lang = t.lang;
  }
  for (const std::string& phrase : c.negative_contexts) {
    std::string shown;
    AppendShown(shown, phrase, display);
    out += "  " + Format(Tr("never: {0}"), {shown}) + '\n';
  }
}

Status LookupOne(terms::TermStore& store, std::string_view query,
                 const Options& options, bool batch, const Display& display) {
  terms::LookupOptions lookup;
  lookup.lang = options.term.lang;
  auto hits = store.Lookup(query, lookup);
  if (!hits.ok()) return hits.status();
  std::string out;
  if (options.term.json) {
    out = JsonLine(TermLookupJson(query, *hits));
  } else {
    std::string shown;
    AppendShown(shown, query, display);
    if (batch) out += "# " + shown + '\n';
    if (hits->empty()) {
      out += Format(Tr("no concept found for '{0}'"), {shown}) + '\n';
    }
    for (const terms::LookupHit& h : *hits) {
      std::string how = Label(terms::Name(h.match));
      if (h.matched_form != query) how += " (" + h.matched_form + ")";
      AppendConcept(out, h.entry, how, display);
    }
    if (batch) out += '\n';
  }
  ONOMA_RETURN_IF_ERROR(WriteStdout(out));
  // A batch answers each query as it comes, for a pipe that waits on it.
  return batch ? FlushStdout() : Status::Ok();
}

// Counts what an import puts and, on a terminal, shows it as it goes: a
// termbase of 100k concepts takes a few seconds.
class ProgressSink : public terms::TermSink {
 public:
  // `bad_langs` counts the terms of each language that is not a BCP 47
  // tag: kept as written, reported once each after the import.
  ProgressSink(terms::TermSink& inner,
               std::map<std::string, std::int64_t>& bad_langs)
      : inner_(inner), bad_langs_(bad_langs) {}
  Status PutConcept(const Concept& c) override { return inner_.PutConcept(c); }
  Status PutTerm(std::string_view slug, const Term& t) override {
    if (++terms_ % 10000 == 0) {
      progress_.Show(Format(Tr("{0} terms read"), {std::to_string(terms_)}),
                     true);
    }
    if (t.lang != last_good_lang_) {
      if (text::IsLanguageTag(t.lang)) {
        last_good_lang_ = t.lang;
      } else {
        ++bad_langs_[t.lang];
      }
    }
    return inner_.PutTerm(slug, t);
  }
  Status PutNegative(std::string_view slug, std::string_view p) override {
    return inner_.PutNegative(slug, p);
  }

 private:
  terms::TermSink& inner_;
  std::map<std::string, std::int64_t>& bad_langs_;
  std::string last_good_lang_;
  ProgressLine progress_;  // on a terminal: a termbase of 100k concepts
                           // takes a few seconds
  std::int64_t terms_ = 0;
};

terms::TermStatus ToTermStatus(TermStatusArg status) {
  switch (status) {
    case TermStatusArg::kPreferred:
      return terms::TermStatus::kPreferred;
    case TermStatusArg::kAdmitted:
      return terms::TermStatus::kAdmitted;
    case TermStatusArg::kDeprecated:
      return terms::TermStatus::kDeprecated;
  }
  return terms::TermStatus::kPreferred;
}

terms::ConceptType ToConceptType(ConceptTypeArg type) {
  switch (type) {
    case ConceptTypeArg::kPerson:
      return terms::ConceptType::kPerson;
    case ConceptTypeArg::kPlace:
      return terms::ConceptType::kPlace;
    case ConceptTypeArg::kOrganization:
      return terms::ConceptType::kOrganization;
    case ConceptTypeArg::kOther:
      return terms::ConceptType::kOther;
  }
  return terms::ConceptType::kOther;
}

Result<terms::TermType> TermTypeArg(const std::string& name) {
  auto t = terms::ParseTermType(name);
  if (!t)
    return Status::BadArgument(Format(Tr("unknown term type '{0}'"), {name}));
  return *t;
}

// Runs `body` on an open store; maps its failure to an exit code.
template <typename Body>
int WithStore(const Options& options, Body body) {
  auto db = OpenConnection(options);
  if (!db.ok()) return Fail(options.command_name, db.status());
  terms::TermStore store(**db);
  Status s = body(store);
  if (!s.ok()) return Fail(options.command_name, s);
  return kExitOk;
}

}  // namespace

int RunTermAdd(const Options& options) {
  const TermArgs& a = options.term;
  return WithStore(options, [&](terms::TermStore& store) -> Status {
    Concept c;
    c.slug = a.concept_id;
    c.type = ToConceptType(a.concept_type);
    Term t;
    t.lang = a.lang;
    t.form = a.form;
    t.status = ToTermStatus(a.status);
    auto term_type = TermTypeArg(a.term_type);
    if (!term_type.ok()) return term_type.status();
    t.type = *term_type;
    t.note = a.note.value_or("");
    t.source = a.source.value_or("");
    return store.Add(c, t).status();
  });
}

int RunTermEdit(const Options& options) {
  const TermArgs& a = options.term;
  if (a.lang.empty() != a.form.empty()) {
    return Fail(options.command_name,
                Status::BadArgument(Tr("give both LANG and FORM, or neither "
                                       "to change the concept's type")));
  }
  const bool term_change = a.edit_status || !a.term_type.empty() ||
                           !a.new_form.empty() || a.note || a.source ||
                           a.inflection;
  if (a.lang.empty() && (term_change || !a.edit_concept_type)) {
    return Fail(
        options.command_name,
        Status::BadArgument(
            term_change ? Tr("a change of a rendering needs its LANG and FORM")
                        : Tr("nothing to change: give --type TYPE, or LANG "
                             "and FORM with a change of the rendering")));
  }
  return WithStore(options, [&](terms::TermStore& store) -> Status {
    terms::TermEdit edit;
    if (a.edit_concept_type) {
      edit.concept_type = ToConceptType(*a.edit_concept_type);
    }
    if (a.edit_status) edit.status = ToTermStatus(*a.edit_status);
    if (!a.term_type.empty()) {
      auto term_type = TermTypeArg(a.term_type);
      if (!term_type.ok()) return term_type.status();
      edit.type = *term_type;
    }
    if (!a.new_form.empty()) edit.form = a.new_form;
    edit.note = a.note;
    edit.source = a.source;
    if (a.inflection) {
      // "auto" clears the class, so that the store infers one again.
      edit.inflection = *a.inflection == "auto" ? "" : *a.inflection;
      auto table = normalize::Declension::Builtin(a.lang);
      if (!edit.inflection->empty() && *edit.inflection != "none") {
        if (!table.ok()) {
          return Status::BadArgument(Format(
              Tr("no declension classes for language '{0}'; give none or "
                 "auto"),
              {a.lang}));
        }
        std::string form = a.new_form.empty() ? a.form : a.new_form;
        if (!(*table)->HasClass(*edit.inflection, form)) {
          return Status::BadArgument(Format(
              Tr("unknown declension class '{0}' for '{1}' (one class, or "
                 "one per word; docs/normalize.md lists them)"),
              {*edit.inflection, form}));
        }
      }
    }
    return store.Edit(a.concept_id, a.lang, a.form, edit);
  });
}

int RunTermRemove(const Options& options) {
  const TermArgs& a = options.term;
  if (a.lang.empty() != a.form.empty()) {
    return Fail(options.command_name,
                Status::BadArgument(Tr("give both LANG and FORM, or neither "
                                       "to remove the whole concept")));
  }
  return WithStore(options, [&](terms::TermStore& store) {
    return store.Remove(a.concept_id, a.lang, a.form);
  });
}

int RunTermList(const Options& options) {
  const Display display = ChooseDisplay(options.term.json);
  return WithStore(options, [&](terms::TermStore& store) {
    std::string out;
    return store.List([&](const Concept& c) {
      out.clear();
      if (options.term.json) {
        out = JsonLine(ConceptJson(c));
      } else {
        AppendConcept(out, c, "", display);
      }
      // A failed write ends the listing.
      return WriteStdout(out);
    });
  });
}

int RunTermIndex(const Options& options) {
  const std::string& what = options.command_name;
  auto connection = OpenConnection(options);
  if (!connection.ok()) return Fail(what, connection.status());
  sqlite::Database* db = (*connection)->sqlite();
  if (db == nullptr) {
    return Fail(what, Status::BadArgument(
                          Tr("a PostgreSQL store keeps no name index: each "
                             "command compiles its names in memory")));
  }
  terms::NameIndexOptions index_options;
  index_options.rebuild = options.term.rebuild;
  index_options.keep_empty = true;
  auto index = terms::OpenNameIndex(
      *db,
      [&]() -> Result<normalize::Input> {
        terms::TermStore store(*db);
        return ReadStore(store);
      },
      index_options);
  if (!index.ok()) return Fail(what, index.status());
  if (index->path.empty()) {
    return Fail(what, Status::BadArgument(
                          Tr("a database in memory keeps no name index")));
  }
  if (!index->not_kept.empty()) {
    return Fail(what,
                Status::Io(Format(Tr("the name index cannot be written: {0}"),
                                  {index->not_kept})));
  }
  const std::string concepts = std::to_string(index->matcher.concept_count());
  const std::string size = std::to_string(index->size);
  const std::string path = index->path.string();
  std::string line = index->mapped
                         ? Format(Tr("{0}: current, {1} bytes ({2} concepts)"),
                                  {path, size, concepts})
                         : Format(Tr("{0}: compiled, {1} bytes ({2} concepts)"),
                                  {path, size, concepts});
  line += '\n';
  Status written = WriteStdout(line);
  if (!written.ok()) return Fail(what, written);
  return kExitOk;
}

// One line of `term import --dry-run`: concept, lang, form, field, and the
// store's value → the file's, tab-separated (lang and form are empty for a
// field of the concept). A tab or line break inside a value is a space.
void AppendConflict(std::string& out, const terms::ImportConflict& c,
                    const Display& display) {
  auto field = [&](std::string_view value) {
    std::string flat(value);
    for (char& ch : flat) {
      if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
    }
    AppendShown(out, flat, display);
  };
  field(c.slug);
  out += '\t';
  field(c.lang);
  out += '\t';
  field(c.form);
  out += '\t';
  out += c.field;
  out += '\t';
  field(c.stored);
  out += " → ";
  field(c.file);
  out += '\n';
}

int RunTermImport(const Options& options) {
  const TermArgs& a = options.term;
  return WithStore(options, [&](terms::TermStore& store) -> Status {
    formats::ReadOptions read;
    read.source_lang = a.source_lang;
    read.target_lang = a.target_lang;
    std::map<std::string, std::int64_t> bad_langs;
    terms::ImportOptions merge;
    merge.on_conflict = a.on_conflict == OnConflictArg::kReplace
                            ? terms::OnConflict::kReplace
                            : terms::OnConflict::kKeep;
    merge.dry_run = a.dry_run;
    const Display display = ChooseDisplay(false);
    std::string line;
    if (a.dry_run) {
      merge.conflict = [&](const terms::ImportConflict& c) {
        line.clear();
        AppendConflict(line, c, display);
        return WriteStdout(line);
      };
    }
    auto stats = store.Import(
        [&](terms::TermSink& sink) {
          ProgressSink progress(sink, bad_langs);
          return formats::ReadTermFile(a.file, read, progress);
        },
        merge);
    if (!stats.ok()) return stats.status();
    for (const auto& [lang, count] : bad_langs) {
      std::cerr << "onoma: " << options.command_name << ": " << Tr("warning")
                << ": " << a.file << ": "
                << Format(Tr("language '{0}' is not a BCP 47 tag; kept as "
                             "written ({1} terms)"),
                          {lang, std::to_string(count)})
                << '\n';
    }
    const std::string concepts = std::to_string(stats->concepts);
    const std::string terms = std::to_string(stats->terms);
    const std::string negatives = std::to_string(stats->negatives);
    std::string summary =
        a.dry_run ? Format(Tr("{0}: dry run, nothing written: {1} concepts, "
                              "{2} terms, {3} negative contexts read"),
                           {a.file, concepts, terms, negatives})
                  : Format(Tr("{0}: {1} concepts, {2} terms, {3} negative "
                              "contexts imported"),
                           {a.file, concepts, terms, negatives});
    const std::string conflicts = std::to_string(stats->conflicts);
    summary += "; ";
    if (stats->conflicts == 0) {
      summary += Tr("no conflicts with the store");
    } else if (merge.on_conflict == terms::OnConflict::kKeep) {
      summary += Format(a.dry_run ? Tr("{0} conflicts would be kept (the "
                                       "store's values; --on-conflict "
                                       "replace to take the file's)")
                                  : Tr("{0} conflicts kept (the store's "
                                       "values; --on-conflict replace to "
                                       "take the file's)"),
                        {conflicts});
    } else {
      summary += Format(a.dry_run ? Tr("{0} conflicts would be replaced "
                                       "(the file's values)")
                                  : Tr("{0} conflicts replaced (the file's "
                                       "values)"),
                        {conflicts});
    }
    return WriteStdout(summary + '\n');
  });
}

int RunTermExport(const Options& options) {
  Status writable = CheckOutputPath(options.term.file, {}, StorePath(options));
  if (!writable.ok()) return Fail(options.command_name, writable);
  return WithStore(options, [&](terms::TermStore& store) {
    return TranslateFileError(formats::WriteTermFile(options.term.file, store));
  });
}

int RunTermLookup(const Options& options) {
  return WithStore(options, [&](terms::TermStore& store) -> Status {
    const Display display = ChooseDisplay(options.term.json);
    if (options.term.query != "-") {
      return LookupOne(store, options.term.query, options, false, display);
    }
    // A line the lookup refuses (invalid UTF-8, over the length limit) is
    // reported with its number and the others are still answered; the
    // exit status says that some were refused. The first failed write
    // stops the batch: nothing more is read.
    LineReader lines = LineReader::Stdin();
    text::Utf8Validator validator("<stdin>");
    std::uint64_t refused = 0;
    std::string line;
    for (;;) {
      auto more = lines.NextText(line);
      if (!more.ok()) return TranslateFileError(more.status());
      if (!*more) break;
      Status s = validator.ValidateLine(line);
      if (s.ok()) s = LookupOne(store, line, options, true, display);
      if (s.ok()) continue;
      if (s.code() != StatusCode::kBadInput) return s;
      if (!s.location()) s = s.At({"<stdin>", validator.lines(), 0, 0});
      ++refused;
      (void)Fail(options.command_name, s);
    }
    if (refused > 0) {
      return Status::BadInput(Format(Tr("{0} of {1} lines refused"),
                                     {std::to_string(refused),
                                      std::to_string(validator.lines())}))
          .At({"<stdin>", 0, 0, 0});
    }
    return Status::Ok();
  });
}

// The command line of term (the rows of cli/command_table.cc).

namespace {

// The words of --status and --type, in the order the help lists them.
std::vector<Choice<TermStatusArg>> StatusChoices() {
  return {{"preferred", TermStatusArg::kPreferred},
          {"admitted", TermStatusArg::kAdmitted},
          {"deprecated", TermStatusArg::kDeprecated}};
}

std::vector<Choice<ConceptTypeArg>> ConceptTypeChoices() {
  return {{"person", ConceptTypeArg::kPerson},
          {"place", ConceptTypeArg::kPlace},
          {"organization", ConceptTypeArg::kOrganization},
          {"other", ConceptTypeArg::kOther}};
}

}  // namespace

CLI::App* DefineTermGroup(CLI::App& app, Options& /*opts*/) {
  CLI::App* term = Sub(app, "term",
                       Tr("Keep the term store: concepts and their renderings "
                          "in every language."),
                       "  onoma term add kyiv en Kyiv\n"
                       "  onoma term lookup Kiev\n");
  term->require_subcommand(1);
  return term;
}

CLI::App* DefineTermImport(CLI::App& term, Options& opts) {
  TermArgs& t = opts.term;
  CLI::App* term_import =
      Sub(term, "import", Tr("Import terms from a .tbx, .tsv or .csv file"),
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
  AddChoice(
      *term_import, "--on-conflict", t.on_conflict,
      {{"keep", OnConflictArg::kKeep}, {"replace", OnConflictArg::kReplace}},
      Tr("A value the store holds differently: keep the store's "
         "(default) or replace it with the file's"))
      ->type_name(Tr("HOW"));
  term_import->add_flag(
      "--dry-run", t.dry_run,
      Tr("Write nothing; list each conflict and print the summary"));
  return term_import;
}

CLI::App* DefineTermExport(CLI::App& term, Options& opts) {
  TermArgs& t = opts.term;
  CLI::App* term_export =
      Sub(term, "export",
          Tr("Export the term store; the format follows the extension"),
          "  onoma term export terms.tsv\n");
  term_export->add_option("file", t.file, Tr("The file to write"))
      ->required()
      ->type_name(Tr("FILE"));
  return term_export;
}

CLI::App* DefineTermAdd(CLI::App& term, Options& opts) {
  TermArgs& t = opts.term;
  CLI::App* term_add =
      Sub(term, "add", Tr("Add a rendering of a concept"),
          "  onoma term add kyiv uk Київ\n"
          "  onoma term add kyiv en Kiev --status deprecated\n");
  term_add->add_option("concept", t.concept_id, Tr("The concept"))->required();
  term_add->add_option("lang", t.lang, Tr("The language (BCP 47)"))
      ->required()
      ->check(LanguageTag());
  term_add->add_option("form", t.form, Tr("The rendering"))->required();
  AddChoice(*term_add, "--status", t.status, StatusChoices(),
            Tr("preferred, admitted or deprecated"))
      ->type_name(Tr("STATUS"));
  AddChoice(*term_add, "--type", t.concept_type, ConceptTypeChoices(),
            Tr("For a new concept: person, place, organization or other "
               "(default other)"))
      ->type_name(Tr("TYPE"));
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
  return term_add;
}

CLI::App* DefineTermEdit(CLI::App& term, Options& opts) {
  TermArgs& t = opts.term;
  CLI::App* term_edit =
      Sub(term, "edit",
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
  AddChoice(*term_edit, "--type", t.edit_concept_type, ConceptTypeChoices(),
            Tr("The concept's type: person, place, organization or other"))
      ->type_name(Tr("TYPE"));
  AddChoice(*term_edit, "--status", t.edit_status, StatusChoices(),
            Tr("preferred, admitted or deprecated"))
      ->type_name(Tr("STATUS"));
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
  return term_edit;
}

CLI::App* DefineTermRemove(CLI::App& term, Options& opts) {
  TermArgs& t = opts.term;
  CLI::App* term_remove =
      Sub(term, "remove",
          Tr("Remove a rendering, or with CONCEPT alone the whole concept"),
          "  onoma term remove kyiv en Kiev\n"
          "  onoma term remove kyiv\n");
  term_remove->add_option("concept", t.concept_id, Tr("The concept"))
      ->required();
  term_remove->add_option("lang", t.lang, Tr("The language (BCP 47)"));
  term_remove->add_option("form", t.form, Tr("The rendering"));
  return term_remove;
}

CLI::App* DefineTermList(CLI::App& term, Options& opts) {
  TermArgs& t = opts.term;
  CLI::App* term_list =
      Sub(term, "list", Tr("Print every concept with its renderings"),
          "  onoma term list --json > terms.jsonl\n");
  term_list->add_flag("--json", t.json, Tr("Print JSON Lines"));
  return term_list;
}

CLI::App* DefineTermIndex(CLI::App& term, Options& opts) {
  TermArgs& t = opts.term;
  CLI::App* term_index =
      Sub(term, "index",
          Tr("Compile the term store's names into the name index beside the "
             "database, which normalize and tm lookup map at start; print "
             "its size"),
          "  onoma term index\n"
          "  onoma term index --rebuild\n");
  term_index->add_flag("--rebuild", t.rebuild,
                       Tr("Compile it again even when it is current"));
  return term_index;
}

CLI::App* DefineTermLookup(CLI::App& term, Options& opts) {
  TermArgs& t = opts.term;
  CLI::App* term_lookup =
      Sub(term, "lookup",
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
  return term_lookup;
}

}  // namespace onoma::cli
