#include "cli/command_table.h"

#include "cli/commands.h"
#include "cli/options.h"

// Tested by tests/cli/options_test.cc.

namespace onoma::cli {
namespace {

bool Reads(const Options& /*options*/) { return true; }
bool Writes(const Options& /*options*/) { return false; }
// serve reads unless the page may edit; tm align unless it imports.
bool ServeReads(const Options& options) { return !options.serve.allow_edit; }
bool AlignReads(const Options& options) { return !options.tm.import; }

constexpr CommandSpec kCommands[] = {
    {"romanize", DefineRomanize, RunRomanize, Writes},
    {"term", DefineTermGroup, nullptr, nullptr},
    {"term import", DefineTermImport, RunTermImport, Writes},
    {"term export", DefineTermExport, RunTermExport, Reads},
    {"term add", DefineTermAdd, RunTermAdd, Writes},
    {"term edit", DefineTermEdit, RunTermEdit, Writes},
    {"term remove", DefineTermRemove, RunTermRemove, Writes},
    {"term list", DefineTermList, RunTermList, Reads},
    {"term index", DefineTermIndex, RunTermIndex, Reads},
    {"term lookup", DefineTermLookup, RunTermLookup, Reads},
    {"normalize", DefineNormalize, RunNormalize, Reads},
    {"tm", DefineTmGroup, nullptr, nullptr},
    {"tm import", DefineTmImport, RunTmImport, Writes},
    {"tm export", DefineTmExport, RunTmExport, Reads},
    {"tm add", DefineTmAdd, RunTmAdd, Writes},
    {"tm lookup", DefineTmLookup, RunTmLookup, Reads},
    {"tm concordance", DefineTmConcordance, RunTmConcordance, Reads},
    {"tm index", DefineTmIndex, RunTmIndex, Writes},
    {"tm align", DefineTmAlign, RunTmAlign, AlignReads},
    {"tm stats", DefineTmStats, RunTmStats, Reads},
    {"segment", DefineSegment, RunSegment, Writes},
    {"pretranslate", DefinePretranslate, RunPretranslate, Reads},
    {"info", DefineInfo, RunInfo, Reads},
    {"serve", DefineServe, RunServe, ServeReads},
    {"db", DefineDbGroup, nullptr, nullptr},
    {"db copy", DefineDbCopy, RunDbCopy, Writes},
};

}  // namespace

std::span<const CommandSpec> CommandTable() { return kCommands; }

const CommandSpec* FindCommand(std::string_view path) {
  for (const CommandSpec& spec : kCommands) {
    if (spec.path == path) return &spec;
  }
  return nullptr;
}

}  // namespace onoma::cli
