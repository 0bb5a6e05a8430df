// onoma tm align: segment a report and its translation, align their
// sentences and print the beads as TSV, write them as TMX (--output), or
// store them in the translation memory (--import).
//
// Both files are read whole: alignment needs every sentence of both sides
// before it can decide the first bead (a report is kilobytes; the band of
// the aligner keeps time and memory linear in its sentences).
//
// Batch form: when SOURCE and TARGET are directories, each regular file of
// SOURCE is aligned with the file of TARGET that has the same name, or the
// same name with ".L1." turned into ".L2." (report.en.txt and
// report.uk.txt); files without a partner are named on stderr and skipped.
// The pairs are processed one after another, in name order, and all their
// beads go to the one output (TSV, TMX, or one import transaction).
//
// --import goes through TMX: the pairs are written with the shared writer
// (to --output, or a temporary file) and that file is imported by
// TranslationMemory::Import(), which stores it in one transaction, props
// and all; a fault leaves the memory as it was.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/language_option.h"
#include "cli/options_internal.h"
#include "cli/output_path.h"
#include "cli/standard_output.h"
#include "cli/store.h"
#include "cli/term_input.h"
#include "lib/normalize/matcher.h"
#include "lib/normalize/name_anchors.h"
#include "lib/segment/aligner.h"
#include "lib/segment/anchors.h"
#include "lib/segment/document.h"
#include "lib/segment/sentence_splitter.h"
#include "lib/text/utf8.h"
#include "lib/util/input_file.h"
#include "memory/formats/tmx_writer.h"
#include "memory/sqlite/db_path.h"
#include "memory/terms/term_store.h"
#include "memory/tm/translation_memory.h"

namespace onoma::cli {
namespace {

// Beads below this confidence are marked for review in TMX output.
constexpr double kLowConfidence = 0.5;

Result<std::string> ReadText(const std::string& path) {
  auto text = ReadInputFile(path);
  if (!text.ok()) return text.status();
  ONOMA_RETURN_IF_ERROR(text::ValidateUtf8(*text, path));
  return text;
}

Result<segment::Document> ReadDocument(const std::string& path,
                                       const std::string& lang) {
  auto text = ReadText(path);
  if (!text.ok()) return text.status();
  auto splitter = segment::SentenceSplitter::Create(lang);
  if (!splitter.ok()) return splitter.status();
  return segment::SegmentDocument(*text, *splitter);
}

// The sentences of one side of a bead, joined by a space; tabs become
// spaces so that the TSV keeps three columns.
std::string Join(const segment::Document& doc, std::uint32_t begin,
                 std::uint32_t count) {
  std::string out;
  for (std::uint32_t k = 0; k < count; ++k) {
    if (k > 0) out += ' ';
    out += doc.sentences[begin + k];
  }
  for (char& c : out) {
    if (c == '\t') c = ' ';
  }
  return out;
}

std::string TmxNow() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
  return buffer;
}

formats::TmxMeta Prop(const char* type, std::string value) {
  formats::TmxMeta prop;
  prop.kind = formats::TmxMeta::Kind::kProp;
  prop.type = type;
  prop.value = std::move(value);
  return prop;
}

struct FilePair {
  std::string source;
  std::string target;
};

// The files to align: SOURCE and TARGET themselves, or, when both are
// directories, each file of SOURCE with its partner in TARGET.
Result<std::vector<FilePair>> PairFiles(const TmArgs& args) {
  namespace fs = std::filesystem;
  std::error_code error;
  const bool source_dir = fs::is_directory(args.source, error);
  const bool target_dir = fs::is_directory(args.target, error);
  if (source_dir != target_dir) {
    return Status::BadArgument(
        Format(Tr("{0} is a directory and {1} is not: give two files, or two "
                  "directories to align their files by name"),
               {source_dir ? args.source : args.target,
                source_dir ? args.target : args.source}));
  }
  if (!source_dir) return std::vector<FilePair>{{args.source, args.target}};
  std::vector<fs::path> sources;
  for (const auto& entry : fs::directory_iterator(args.source, error)) {
    if (entry.is_regular_file(error)) sources.push_back(entry.path());
  }
  if (error) {
    return Status::Io(Tr("cannot read the directory"))
        .At({args.source, 0, 0, 0});
  }
  std::sort(sources.begin(), sources.end());
  std::vector<FilePair> pairs;
  const std::string from = "." + args.from + ".";
  const std::string to = "." + args.to + ".";
  for (const fs::path& source : sources) {
    std::string name = source.filename().string();
    fs::path target = fs::path(args.target) / name;
    if (!fs::is_regular_file(target, error)) {
      std::size_t at = name.find(from);
      if (at != std::string::npos) name.replace(at, from.size(), to);
      target = fs::path(args.target) / name;
    }
    if (!fs::is_regular_file(target, error)) {
      std::fprintf(stderr, "onoma: tm align: %s: %s\n", source.c_str(),
                   Tr("no file of the same name in the target directory; "
                      "skipped")
                       .c_str());
      continue;
    }
    pairs.push_back({source.string(), target.string()});
  }
  return pairs;
}

// Writes beads as TMX 1.4b, one <tu> per bead with both sides, with props
// for their origin and confidence and a review mark below kLowConfidence.
class TmxSink {
 public:
  Status Open(const std::filesystem::path& path, const TmArgs& args) {
    auto writer = formats::TmxWriter::Create(path);
    if (!writer.ok()) return writer.status();
    writer_ = std::move(*writer);
    now_ = TmxNow();
    formats::TmxHeader header;
    header.attrs.set(formats::TmxAttr::kCreationtool, "onoma");
    header.attrs.set(formats::TmxAttr::kCreationtoolversion, ONOMA_VERSION);
    header.attrs.set(formats::TmxAttr::kSegtype, "sentence");
    header.attrs.set(formats::TmxAttr::kOTmf, "onoma");
    header.attrs.set(formats::TmxAttr::kAdminlang, "en");
    header.attrs.set(formats::TmxAttr::kSrclang, args.from);
    header.attrs.set(formats::TmxAttr::kDatatype, "plaintext");
    header.attrs.set(formats::TmxAttr::kCreationdate, now_);
    unit_.variants.resize(2);
    unit_.variants[0].lang = args.from;
    unit_.variants[1].lang = args.to;
    return writer_->WriteHeader(header);
  }

  Status Add(const FilePair& files, const segment::Document& source,
             const segment::Document& target,
             const std::vector<segment::Bead>& beads) {
    const std::string origin =
        "onoma tm align " + files.source + " " + files.target;
    for (const segment::Bead& bead : beads) {
      if (bead.source_count == 0 || bead.target_count == 0) continue;
      unit_.attrs.set(formats::TmxAttr::kTuid,
                      "align-" + std::to_string(++units_));
      unit_.attrs.set(formats::TmxAttr::kCreationdate, now_);
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", bead.confidence);
      unit_.meta.clear();
      unit_.meta.push_back(Prop("x-onoma-origin", origin));
      unit_.meta.push_back(Prop("x-onoma-confidence", score));
      if (bead.confidence < kLowConfidence) {
        unit_.meta.push_back(Prop("x-onoma-review", "low-confidence"));
      }
      unit_.variants[0].text =
          Join(source, bead.source_begin, bead.source_count);
      unit_.variants[1].text =
          Join(target, bead.target_begin, bead.target_count);
      ONOMA_RETURN_IF_ERROR(writer_->WriteUnit(unit_));
    }
    return Status::Ok();
  }

  Status Finish() { return writer_->Finish(); }

 private:
  std::unique_ptr<formats::TmxWriter> writer_;
  std::string now_;
  formats::TmxUnit unit_;
  std::uint64_t units_ = 0;
};

// A path for a temporary TMX file, removed when the object goes.
class TempTmx {
 public:
  TempTmx() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "onoma-align-XXXXXX")
            .string();
    int fd = mkstemp(pattern.data());
    if (fd >= 0) {
      close(fd);
      path_ = pattern;
    }
  }
  ~TempTmx() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempTmx(const TempTmx&) = delete;
  TempTmx& operator=(const TempTmx&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

int Import(const Options& options, const std::string& tmx_path) {
  auto db = OpenConnection(options);
  if (!db.ok()) return Fail(options.command_name, db.status());
  tm::TranslationMemory memory(**db);
  tm::ImportOptions settings;
  settings.name = "tm align " + options.tm.source + " " + options.tm.target;
  // One transaction for the whole file, so for every pair of a batch.
  auto summary = memory.Import(tmx_path, settings);
  if (!summary.ok()) return Fail(options.command_name, summary.status());
  Status written =
      WriteStdout(Format(Tr("{0} pairs stored in the translation memory, {1} "
                            "already there"),
                         {std::to_string(summary->added + summary->replaced),
                          std::to_string(summary->skipped_duplicates)}) +
                  "\n");
  if (written.ok()) written = FlushStdout();
  return written.ok() ? kExitOk : Fail(options.command_name, written);
}

// The term store's names as anchors: every concept with forms in both
// languages links the sentences that name it. nullopt when there is no
// store (a missing database is no error here: the store only helps), or
// it has no concepts.
Result<std::optional<normalize::NameAnchors>> StoreAnchors(
    const Options& options) {
  auto location = sqlite::LocateDb(options.db);
  const bool server =
      location.ok() && store::IsPostgresUri(location->path.string());
  std::optional<std::filesystem::path> path = StorePath(options);
  std::error_code ec;
  if (!server && (!path || !std::filesystem::exists(*path, ec))) {
    return std::optional<normalize::NameAnchors>();
  }
  auto db = OpenConnection(options);
  if (!db.ok()) return db.status();
  terms::TermStore store(**db);
  auto input = ReadStore(store);
  if (!input.ok()) return input.status();
  if (input->concepts.empty()) return std::optional<normalize::NameAnchors>();
  auto matcher = normalize::Matcher::Compile(*input);
  if (!matcher.ok()) return matcher.status();
  auto names = normalize::NameAnchors::Create(*matcher);
  if (!names.ok()) return names.status();
  return std::optional<normalize::NameAnchors>(std::move(*names));
}

// The anchors the aligner links sentences by: --anchors's list (its
// numbers left to the aligner), then the term store's names unless
// --no-store-anchors. `names` and `store_names` hold what `anchors` points
// to. Returns kExitOk, or the exit code of the failure it reported.
int LoadAnchors(const Options& options, segment::AnchorSet& anchors,
                std::optional<segment::ListAnchors>& names,
                std::optional<normalize::NameAnchors>& store_names) {
  const TmArgs& args = options.tm;
  if (!args.anchors.empty()) {
    auto text = ReadText(args.anchors);
    if (!text.ok()) return Fail("--anchors", text.status());
    auto parsed = segment::ListAnchors::Parse(*text, args.anchors);
    if (!parsed.ok()) return Fail("--anchors", parsed.status());
    names.emplace(std::move(*parsed));
    names->WithoutNumbers();
    anchors.Add(&*names);
  }
  if (!args.no_store_anchors) {
    auto found = StoreAnchors(options);
    if (!found.ok()) return Fail("tm align", found.status());
    store_names = std::move(*found);
    if (store_names) anchors.Add(&*store_names);
  }
  return kExitOk;
}

// Appends the beads as TSV lines (source, target, confidence) to `out`,
// written out every 64 KiB.
Status AppendBeads(const segment::Document& source,
                   const segment::Document& target,
                   const std::vector<segment::Bead>& beads, std::string& out) {
  char score[16];
  for (const segment::Bead& bead : beads) {
    out += Join(source, bead.source_begin, bead.source_count);
    out += '\t';
    out += Join(target, bead.target_begin, bead.target_count);
    std::snprintf(score, sizeof score, "\t%.2f\n", bead.confidence);
    out += score;
    if (out.size() >= (1u << 16)) {
      ONOMA_RETURN_IF_ERROR(WriteStdout(out));
      out.clear();
    }
  }
  return Status::Ok();
}

}  // namespace

int RunTmAlign(const Options& options) {
  const TmArgs& args = options.tm;
  segment::AnchorSet anchors;
  std::optional<segment::ListAnchors> names;
  std::optional<normalize::NameAnchors> store_names;
  if (int code = LoadAnchors(options, anchors, names, store_names);
      code != kExitOk) {
    return code;
  }
  auto pairs = PairFiles(args);
  if (!pairs.ok()) return Fail("tm align", pairs.status());

  segment::AlignOptions align_options;
  align_options.source_lang = args.from;
  align_options.target_lang = args.to;
  align_options.anchors = &anchors;

  std::vector<std::string> inputs = {args.source, args.target, args.anchors};
  for (const FilePair& files : *pairs) {
    inputs.push_back(files.source);
    inputs.push_back(files.target);
  }
  Status writable = CheckOutputPath(args.output, inputs, StorePath(options));
  if (!writable.ok()) return Fail("--output", writable);

  const bool tmx = !args.output.empty() || args.import;
  TempTmx temp;
  const std::string tmx_path = !args.output.empty() ? args.output : temp.path();
  TmxSink sink;
  if (tmx) {
    if (tmx_path.empty()) {
      return Fail("tm align", Status::Io(Tr("cannot create a temporary file")));
    }
    Status opened = sink.Open(tmx_path, args);
    if (!opened.ok()) return Fail("--output", TranslateFileError(opened));
  }

  std::string out;
  for (const FilePair& files : *pairs) {
    auto source = ReadDocument(files.source, args.from);
    if (!source.ok()) return Fail("tm align", source.status());
    auto target = ReadDocument(files.target, args.to);
    if (!target.ok()) return Fail("tm align", target.status());
    // Against an empty side every sentence would be "omitted", with full
    // confidence: a wrong file, not a translation.
    if (source->size() == 0 || target->size() == 0) {
      const std::string& empty =
          source->size() == 0 ? files.source : files.target;
      return Fail("tm align", Status::BadInput(Tr("no sentences to align: "
                                                  "the file is empty or blank"))
                                  .At({empty, 0, 0, 0}));
    }
    auto beads = segment::Align(*source, *target, align_options);
    if (!beads.ok()) return Fail("tm align", beads.status());
    Status added =
        tmx ? TranslateFileError(sink.Add(files, *source, *target, *beads))
            : AppendBeads(*source, *target, *beads, out);
    if (!added.ok()) return Fail(tmx ? "--output" : "tm align", added);
  }
  if (tmx) {
    Status finished = sink.Finish();
    if (!finished.ok()) return Fail("--output", TranslateFileError(finished));
    return args.import ? Import(options, tmx_path) : kExitOk;
  }
  Status written = WriteStdout(out);
  if (written.ok()) written = FlushStdout();
  return written.ok() ? kExitOk : Fail("tm align", written);
}

// The command line of align (the rows of cli/command_table.cc).

CLI::App* DefineTmAlign(CLI::App& tm, Options& opts) {
  TmArgs& m = opts.tm;
  CLI::App* tm_align =
      Sub(tm, "align", Tr("Align a report with its translation"),
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
  return tm_align;
}

}  // namespace onoma::cli
