// onoma romanize: words from the command line, or stdin line by line.

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/house_spelling.h"
#include "cli/i18n.h"
#include "cli/line_converter.h"
#include "cli/options_internal.h"
#include "cli/standard_output.h"
#include "lib/romanize/korean.h"
#include "lib/romanize/registry.h"
#include "lib/romanize/table.h"
#include "lib/romanize/table_scheme.h"
#include "lib/text/script.h"
#include "lib/text/utf8.h"
#include "lib/util/input_file.h"

namespace onoma::cli {
namespace {

using romanize::Registry;
using romanize::RomanizeOptions;
using romanize::Scheme;

// A line through the converter; with --house, the words and two-word names
// the store knows are written in its preferred English rendering instead,
// and the text between them goes through the converter.
class Romanizer {
 public:
  // `house` may be null (no --house). `lang` is the language of every
  // word under an explicit scheme; under --scheme auto (empty `lang`) it
  // is ko for Hangul and `cyrillic_lang` for Cyrillic.
  Romanizer(const LineConverter& converter, HouseSpelling* house,
            std::string lang, std::string cyrillic_lang)
      : converter_(converter),
        house_(house),
        lang_(std::move(lang)),
        cyrillic_lang_(std::move(cyrillic_lang)) {}

  // Whether ConvertChecked serves (no --house; a single scheme, forward).
  bool checks() const { return house_ == nullptr && converter_.checks(); }
  bool ConvertChecked(std::string_view line, std::string& out) const {
    return converter_.ConvertChecked(line, out);
  }

  Status Convert(std::string_view line, std::string& out) {
    if (house_ == nullptr) return converter_.Convert(line, out);
    std::vector<Word> words = SplitWords(line);
    std::size_t pending = 0;  // start of the text not yet written
    std::size_t i = 0;
    while (i < words.size()) {
      const Word& word = words[i];
      if (word.lang.empty()) {
        ++i;
        continue;
      }
      // A two-word name first (남궁 민수, Володимир Зеленський), then one.
      std::size_t taken = 0;
      std::optional<std::string> house;
      if (i + 1 < words.size() && words[i + 1].lang == word.lang &&
          line.substr(word.end, words[i + 1].begin - word.end) == " ") {
        auto pair = house_->Find(
            line.substr(word.begin, words[i + 1].end - word.begin), word.lang);
        if (!pair.ok()) return pair.status();
        if (pair->has_value()) house = std::move(*pair), taken = 2;
      }
      if (taken == 0) {
        auto one = house_->Find(line.substr(word.begin, word.end - word.begin),
                                word.lang);
        if (!one.ok()) return one.status();
        if (one->has_value()) house = std::move(*one), taken = 1;
      }
      if (taken == 0) {
        ++i;
        continue;
      }
      ONOMA_RETURN_IF_ERROR(
          converter_.Convert(line.substr(pending, word.begin - pending), out));
      out += *house;
      pending = words[i + taken - 1].end;
      i += taken;
    }
    return converter_.Convert(line.substr(pending), out);
  }

 private:
  // A word: text between white space, without the ASCII punctuation at
  // its ends ("윤석열," is 윤석열); `lang` empty when it has no Hangul or
  // Cyrillic, so that no lookup is made for it.
  struct Word {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string lang;
  };

  static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }
  static bool IsAsciiPunct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
           (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
  }

  std::vector<Word> SplitWords(std::string_view line) const {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && IsSpace(line[i])) ++i;
      std::size_t begin = i;
      while (i < line.size() && !IsSpace(line[i])) ++i;
      std::size_t end = i;
      while (begin < end && IsAsciiPunct(line[begin])) ++begin;
      while (end > begin && IsAsciiPunct(line[end - 1])) --end;
      if (begin == end) continue;
      Word word{begin, end, {}};
      std::string_view text = line.substr(begin, end - begin);
      std::size_t at = 0;
      while (at < text.size() && word.lang.empty()) {
        char32_t c = 0;
        if (!text::DecodeNext(text, at, c)) continue;
        text::Script script = text::ScriptOf(c);
        if (script == text::Script::kHangul) {
          word.lang = lang_.empty() ? "ko" : lang_;
        } else if (script == text::Script::kCyrillic) {
          word.lang = lang_.empty() ? cyrillic_lang_ : lang_;
        }
      }
      words.push_back(std::move(word));
    }
    return words;
  }

  const LineConverter& converter_;
  HouseSpelling* house_;
  std::string lang_;
  std::string cyrillic_lang_;
};

// Finds `id` among the user's extra tables first, then the built-in ones.
Result<const Scheme*> FindScheme(const Registry& extra, std::string_view id) {
  auto found = extra.Find(id);
  if (found.ok()) return found;
  return Registry::Default().Find(id);
}

// Standard input in blocks, handed out a line at a time without copying
// it: a line is a view into the block, valid until the next Next().
// Standard input that is a regular file is mapped instead, from where it
// stands to its end, and read in place: copying it out of the page cache
// and zeroing a buffer for it took a fifth of romanizing 5 MB.
class LineBlocks {
 public:
  LineBlocks() { Map(); }
  ~LineBlocks() {
    if (map_ != nullptr) {
      ::munmap(map_, map_length_);
      // What was read is consumed, as reading it would have.
      ::lseek(STDIN_FILENO, static_cast<off_t>(map_size_), SEEK_SET);
    }
  }
  LineBlocks(const LineBlocks&) = delete;
  LineBlocks& operator=(const LineBlocks&) = delete;

  // The next line, without its '\n' (`newline` says whether it had one);
  // false at the end of input. An I/O error ends the input as well, with
  // `error` set to errno.
  bool Next(std::string_view& line, bool& newline) {
    if (map_ != nullptr) return NextMapped(line, newline);
    for (;;) {
      const char* begin = buffer_.data() + start_;
      const std::size_t held = end_ - start_;
      if (const void* nl = std::memchr(begin, '\n', held)) {
        const auto length =
            static_cast<std::size_t>(static_cast<const char*>(nl) - begin);
        line = std::string_view(begin, length);
        newline = true;
        start_ += length + 1;
        return true;
      }
      if (eof_) {
        if (held == 0) return false;
        line = std::string_view(begin, held);
        newline = false;
        start_ = end_;
        return true;
      }
      Fill();
    }
  }
  int error() const { return error_; }

 private:
  // Moves what is held to the front, grows the buffer when a line fills
  // it, and reads what is there (a terminal gives a line at a time).
  void Fill() {
    if (start_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + start_, end_ - start_);
      end_ -= start_;
      start_ = 0;
    }
    if (end_ == buffer_.size()) {
      buffer_.resize(std::max<std::size_t>(buffer_.size() * 2, 1 << 20));
    }
    for (;;) {
      ssize_t n =
          ::read(STDIN_FILENO, buffer_.data() + end_, buffer_.size() - end_);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        if (n < 0) error_ = errno;
        eof_ = true;
        return;
      }
      end_ += static_cast<std::size_t>(n);
      return;
    }
  }

  // Maps standard input when it is a regular file with something left to
  // read; leaves map_ null otherwise (a pipe, a terminal, mmap refused).
  void Map() {
    struct stat st {};
    if (::fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode)) return;
    const off_t at = ::lseek(STDIN_FILENO, 0, SEEK_CUR);
    if (at < 0 || at >= st.st_size) return;
    void* map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ,
                       MAP_PRIVATE, STDIN_FILENO, 0);
    if (map == MAP_FAILED) return;
    ::madvise(map, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
    map_ = static_cast<char*>(map);
    map_length_ = static_cast<std::size_t>(st.st_size);
    map_size_ = map_length_;
    map_at_ = static_cast<std::size_t>(at);
  }

  bool NextMapped(std::string_view& line, bool& newline) {
    if (map_at_ >= checked_until_) {
      // A file cut short while mapped would fault where it ended: every
      // megabyte, the end is taken in to the file's size now, as reading
      // it would find it.
      struct stat st {};
      if (::fstat(STDIN_FILENO, &st) == 0 &&
          static_cast<std::size_t>(st.st_size) < map_size_) {
        map_size_ = std::max(map_at_, static_cast<std::size_t>(st.st_size));
      }
      checked_until_ = map_at_ + (1u << 20);
    }
    if (map_at_ >= map_size_) return false;
    const char* begin = map_ + map_at_;
    const std::size_t left = map_size_ - map_at_;
    const void* nl = std::memchr(begin, '\n', left);
    const std::size_t length =
        nl == nullptr
            ? left
            : static_cast<std::size_t>(static_cast<const char*>(nl) - begin);
    line = std::string_view(begin, length);
    newline = nl != nullptr;
    map_at_ += length + (newline ? 1 : 0);
    return true;
  }

  char* map_ = nullptr;
  std::size_t map_length_ = 0;  // mapped
  std::size_t map_size_ = 0;    // to be read: less if the file shrank
  std::size_t map_at_ = 0;
  std::size_t checked_until_ = 0;  // where the size is looked at again
  // Allocated on the first read: a mapped input never needs it.
  std::vector<char> buffer_;
  std::size_t start_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  int error_ = 0;
};

int StreamStdin(Romanizer& converter, bool flush_each_line) {
  text::Utf8Validator validator("<stdin>");
  std::string out;
  LineBlocks in;
  std::string_view text;
  bool newline = false;
  int exit_code = kExitOk;
  // Most lines are checked as the engine decodes them (ConvertChecked);
  // only one found invalid goes through the validator, for its location.
  const bool checks = converter.checks();
  while (in.Next(text, newline)) {
    bool converted = false;
    if (checks) {
      const std::size_t mark = out.size();
      converted = converter.ConvertChecked(text, out);
      if (converted) {
        validator.CountLine(text);
      } else {
        out.resize(mark);
      }
    }
    if (!converted) {
      // The validator locates a fault; the lines before it are written,
      // then the error.
      Status status = validator.ValidateLine(text);
      if (status.ok()) status = converter.Convert(text, out);
      if (!status.ok()) {
        exit_code = Fail("romanize", status);
        break;
      }
    }
    out += '\n';
    if (flush_each_line || out.size() >= (1u << 16)) {
      // The first failed write stops the stream: nothing more is read.
      Status written = WriteStdout(out);
      if (written.ok() && flush_each_line) written = FlushStdout();
      out.clear();
      if (!written.ok()) {
        exit_code = Fail("romanize", written);
        break;
      }
    }
  }
  if (in.error() != 0 && exit_code == kExitOk) {
    exit_code = Fail("romanize", Status::Io(Tr("cannot read standard input") +
                                            ": " + std::strerror(in.error())));
  }
  if (StdoutFailed()) return exit_code;
  Status written = WriteStdout(out);
  if (written.ok()) written = FlushStdout();
  if (!written.ok()) {
    const int code = Fail("romanize", written);
    if (exit_code == kExitOk) exit_code = code;
  }
  return exit_code;
}

// Loads the schemes found before the built-in ones: --table files, and
// the Korean schemes of the user's exception lists
// (ONOMA_KO_EXCEPTIONS=a.txt:b.txt). Returns kExitOk, or the exit code of
// the failure it reported.
int LoadExtraSchemes(const RomanizeArgs& args, Registry& extra) {
  for (const std::string& path : args.tables) {
    auto text = ReadInputFile(path);
    if (!text.ok()) return Fail("--table", text.status());
    Status valid = text::ValidateUtf8(*text, path);
    if (!valid.ok()) return Fail("--table", valid);
    auto spec = romanize::ParseTable(*text, path);
    if (!spec.ok()) return Fail("--table", spec.status());
    auto scheme = romanize::TableScheme::Create(std::move(*spec));
    if (!scheme.ok()) return Fail("--table", scheme.status());
    Status added = extra.Add(std::move(*scheme));
    if (!added.ok()) return Fail("--table", added);
  }
  romanize::KoreanConfig korean = romanize::KoreanConfigFromEnvironment();
  if (!korean.exception_files.empty()) {
    auto schemes = romanize::MakeKoreanSchemes(korean);
    if (!schemes.ok()) return Fail("ONOMA_KO_EXCEPTIONS", schemes.status());
    for (auto& scheme : *schemes) {
      Status added = extra.Add(std::move(scheme));
      if (!added.ok()) return Fail("ONOMA_KO_EXCEPTIONS", added);
    }
  }
  return kExitOk;
}

// --list: each scheme's id and description, `extra`'s first.
int ListSchemes(const Registry& extra) {
  std::string out;
  std::vector<const Scheme*> schemes = extra.List();
  for (const Scheme* scheme : Registry::Default().List()) {
    if (!extra.Find(scheme->id()).ok()) schemes.push_back(scheme);
  }
  for (const Scheme* scheme : schemes) {
    out += scheme->id();
    out += '\t';
    out += scheme->description();
    if (scheme->reversible()) {
      out += ' ';
      out += Tr("[reversible]");
    }
    out += '\n';
  }
  Status written = WriteStdout(out);
  return written.ok() ? kExitOk : Fail("romanize", written);
}

// The flags that cannot be given together. Returns kExitOk, or the exit
// code of the one it reported.
int CheckFlags(const RomanizeArgs& args) {
  if (args.name && args.place) {
    return Fail("romanize",
                Status::BadArgument(Tr("--name and --place cannot be given "
                                       "together: the text is either a "
                                       "personal name or a place name")));
  }
  if (args.name && (args.road || args.no_number_reading)) {
    return Fail("romanize",
                Status::BadArgument(Tr("--road and --no-number-reading are "
                                       "for place names; they cannot be "
                                       "given with --name")));
  }
  if (args.house && args.reverse) {
    return Fail("romanize",
                Status::BadArgument(Tr("--house writes Latin; it cannot be "
                                       "given with --reverse")));
  }
  return kExitOk;
}

RomanizeOptions RomanizeOptionsOf(const RomanizeArgs& args) {
  RomanizeOptions ro;
  ro.name = args.name;
  ro.place = args.place || args.road || args.no_number_reading;
  ro.ascii = args.ascii;
  ro.capitalize = args.capitalize;
  ro.name_hyphen = !args.no_name_hyphen;
  ro.name_style = args.style == NameStyleArg::kCommon
                      ? RomanizeOptions::NameStyle::kCommon
                      : RomanizeOptions::NameStyle::kScheme;
  ro.omit_unit_suffix = args.omit_unit;
  ro.road = args.road;
  ro.number_reading = !args.no_number_reading;
  ro.misreading_hyphen = args.misreading_hyphen;
  return ro;
}

// The converter of --scheme (under auto, one scheme per script) into
// `out`. Returns kExitOk, or the exit code of the failure it reported.
int MakeConverter(const RomanizeArgs& args, const Registry& extra,
                  std::unique_ptr<LineConverter>& out) {
  const RomanizeOptions ro = RomanizeOptionsOf(args);
  if (args.scheme == "auto") {
    if (args.reverse) {
      return Fail("romanize", Status::BadArgument(
                                  Tr("--reverse needs a reversible --scheme, "
                                     "such as ru-iso9 or uk-iso9")));
    }
    auto cyrillic = FindScheme(
        extra, args.lang == CyrillicLang::kRu ? "ru-bgn" : "uk-kmu2010");
    auto hangul = FindScheme(extra, "ko-rr");
    out = std::make_unique<LineConverter>(cyrillic.ok() ? *cyrillic : nullptr,
                                          hangul.ok() ? *hangul : nullptr, ro);
    return kExitOk;
  }
  auto scheme = FindScheme(extra, args.scheme);
  if (!scheme.ok()) {
    return Fail("--scheme",
                Status::NotFound(Format(
                    Tr("unknown scheme '{0}'; 'onoma romanize --list' shows "
                       "the schemes"),
                    {args.scheme})));
  }
  if (args.reverse && !(*scheme)->reversible()) {
    return Fail("--reverse",
                Status::BadArgument(Format(
                    Tr("scheme '{0}' is not reversible; reversible schemes "
                       "are marked so in 'onoma romanize --list'"),
                    {args.scheme})));
  }
  out = std::make_unique<LineConverter>(*scheme, args.reverse, ro);
  return kExitOk;
}

// The words given on the command line, joined by spaces, as one line.
int RomanizeArguments(Romanizer& romanizer,
                      const std::vector<std::string>& words) {
  std::string joined;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) joined += ' ';
    joined += words[i];
  }
  Status valid = text::ValidateUtf8(joined, "<arguments>");
  if (!valid.ok()) return Fail("romanize", valid);
  std::string out;
  Status converted = romanizer.Convert(joined, out);
  if (!converted.ok()) return Fail("romanize", converted);
  out += '\n';
  Status written = WriteStdout(out);
  return written.ok() ? kExitOk : Fail("romanize", written);
}

}  // namespace

int RunRomanize(const Options& options) {
  const RomanizeArgs& args = options.romanize;
  Registry extra;
  if (int code = LoadExtraSchemes(args, extra); code != kExitOk) return code;
  if (args.list) return ListSchemes(extra);
  if (int code = CheckFlags(args); code != kExitOk) return code;
  std::unique_ptr<LineConverter> converter;
  if (int code = MakeConverter(args, extra, converter); code != kExitOk) {
    return code;
  }

  // --house: the language of the words looked up, from the scheme's id
  // (ko-rr: ko); under auto, per script.
  std::optional<HouseSpelling> house;
  std::string house_lang;
  if (args.house) {
    auto opened = HouseSpelling::Open(options);
    if (!opened.ok()) return Fail("romanize", opened.status());
    house.emplace(std::move(*opened));
    if (args.scheme != "auto") {
      house_lang = args.scheme.substr(0, args.scheme.find('-'));
    }
  }
  Romanizer romanizer(*converter, house ? &*house : nullptr, house_lang,
                      args.lang == CyrillicLang::kRu ? "ru" : "uk");
  if (!args.text.empty()) return RomanizeArguments(romanizer, args.text);
  bool flush = args.line_buffered || isatty(STDIN_FILENO) != 0;
  return StreamStdin(romanizer, flush);
}

// The command line of romanize (the rows of cli/command_table.cc).

CLI::App* DefineRomanize(CLI::App& app, Options& opts) {
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
          "  onoma romanize --place 서울역 세종대로   # Seoul Station "
          "Sejong-daero\n"
          "  onoma romanize --road 종로            # Jong-ro\n"
          "  onoma romanize --scheme ru-iso9 --reverse 'Ŝukin'\n"
          "  onoma romanize < article.txt > article.latn.txt\n");
  romanize
      ->add_option("--scheme", r.scheme,
                   Tr("The scheme id (see --list); auto picks per word: "
                      "Hangul ko-rr, Cyrillic uk-kmu2010 (ru-bgn with "
                      "--lang ru)"))
      ->type_name(Tr("ID"));
  AddChoice(*romanize, "--lang", r.lang,
            {{"uk", CyrillicLang::kUk}, {"ru", CyrillicLang::kRu}},
            Tr("The language of Cyrillic text under --scheme auto: uk or ru"))
      ->type_name(Tr("LANG"));
  romanize->add_flag("--list", r.list,
                     Tr("List the scheme ids with a description, and exit"));
  romanize->add_flag("--name", r.name,
                     Tr("The text is personal names, each word a name "
                        "(Korean: family name, space, given name with a "
                        "hyphen; a family name written apart takes the next "
                        "word as given name)"));
  romanize->add_flag("--place", r.place,
                     Tr("The text is a place name (Korean: administrative "
                        "units hyphenated, capitalized; stations, airports, "
                        "parks and markets with their English generic)"));
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
  AddChoice(
      *romanize, "--style", r.style,
      {{"scheme", NameStyleArg::kScheme}, {"common", NameStyleArg::kCommon}},
      Tr("Korean names: scheme writes the family name as the scheme "
         "does (Gim, I, Bak); common as it is usually spelt (Kim, Lee, "
         "Park)"))
      ->type_name(Tr("STYLE"));
  romanize->add_flag("--omit-unit", r.omit_unit,
                     Tr("Korean places: leave out -si, -gun and -eup "
                        "(Cheongju)"));
  romanize->add_flag("--road", r.road,
                     Tr("Korean places: a name in -ro is a road, written as "
                        "road-name addresses write it (Jong-ro, not "
                        "Jongno); implies --place"));
  romanize->add_flag("--no-number-reading", r.no_number_reading,
                     Tr("Korean places: a number before a unit without its "
                        "reading (Jongno 3-ga, not Jongno 3(sam)-ga); "
                        "implies --place"));
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
  return romanize;
}

}  // namespace onoma::cli
