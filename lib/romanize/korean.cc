// The Korean schemes: tables in, Scheme objects out.
//
// Tested by tests/romanize/korean_tables_test.cc (every built-in table
// loads; user files extend the exception list) and the other
// tests/romanize/korean_*_test.cc.

#include "lib/romanize/korean.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

#include "lib/romanize/korean_engine_internal.h"
#include "lib/romanize/korean_table_internal.h"
#include "lib/util/embedded_file.h"
#include "lib/util/input_file.h"

namespace onoma::romanize {
namespace internal {
// Generated from tables/korean/*.txt (lib/CMakeLists.txt).
std::span<const EmbeddedFile> KoreanTables();
}  // namespace internal

namespace {

using internal::KoreanData;
using internal::KoreanEngine;
using internal::LetterTable;
using internal::LetterWriter;

constexpr std::string_view kExceptionsFile = "ko-exceptions.txt";
constexpr std::string_view kSurnamesFile = "ko-surnames.txt";
constexpr std::string_view kUnitsFile = "ko-units.txt";
constexpr std::string_view kGenericsFile = "ko-generics.txt";

class KoreanScheme final : public Scheme {
 public:
  explicit KoreanScheme(KoreanEngine engine) : engine_(std::move(engine)) {}

  std::string_view id() const override { return engine_.id(); }
  std::string_view description() const override { return engine_.title(); }
  text::Script script() const override { return text::Script::kHangul; }
  bool reversible() const override { return engine_.transliterates(); }

  std::string Romanize(std::string_view text,
                       const RomanizeOptions& options) const override {
    std::string out;
    engine_.Romanize(text, options, &out);
    return out;
  }
  void RomanizeTo(std::string_view text, const RomanizeOptions& options,
                  std::string& out) const override {
    engine_.Romanize(text, options, &out);
  }
  bool RomanizeCheckedTo(std::string_view text, const RomanizeOptions& options,
                         std::string& out) const override {
    return engine_.RomanizeChecked(text, options, &out);
  }
  Result<std::string> Deromanize(std::string_view text) const override {
    if (!engine_.transliterates()) return Scheme::Deromanize(text);
    return engine_.transliterator()->Read(text);
  }

 private:
  KoreanEngine engine_;
};

std::string TablePath(std::string_view name) {
  return "tables/korean/" + std::string(name);
}

// The order of `onoma romanize --list` and of MakeKoreanSchemes().
int Rank(std::string_view id) {
  static constexpr std::string_view kOrder[] = {"ko-rr", "ko-rr-translit",
                                                "ko-mr", "ko-dprk"};
  for (int i = 0; i < 4; ++i) {
    if (kOrder[i] == id) return i;
  }
  return 4;
}

Result<std::vector<std::unique_ptr<Scheme>>> Make(const KoreanConfig& config) {
  auto data = std::make_shared<KoreanData>();
  std::vector<std::pair<std::string, LetterTable>> tables;
  for (const EmbeddedFile& file : internal::KoreanTables()) {
    const std::string path = TablePath(file.name);
    Status status;
    if (file.name == kExceptionsFile) {
      status = data->exceptions.Add(file.contents, path);
    } else if (file.name == kSurnamesFile) {
      status = internal::ParseSurnames(file.contents, path, data.get());
    } else if (file.name == kUnitsFile) {
      status = internal::ParseUnits(file.contents, path, data.get());
    } else if (file.name == kGenericsFile) {
      status = internal::ParseGenerics(file.contents, path, data.get());
    } else {
      auto table = internal::ParseLetterTable(file.contents, path);
      if (!table.ok()) return table.status();
      tables.emplace_back(path, std::move(*table));
    }
    if (!status.ok()) return status;
  }
  for (const std::string& path : config.exception_files) {
    auto contents = ReadInputFile(path);
    if (!contents.ok()) return contents.status();
    ONOMA_RETURN_IF_ERROR(data->exceptions.Add(*contents, path));
  }
  std::stable_sort(tables.begin(), tables.end(),
                   [](const auto& a, const auto& b) {
                     return Rank(a.second.id) < Rank(b.second.id);
                   });
  std::vector<std::unique_ptr<Scheme>> schemes;
  for (auto& [path, table] : tables) {
    std::optional<LetterWriter> ascii;
    if (table.voicing) {  // the schemes with marks: McCune–Reischauer, DPRK
      auto writer = LetterWriter::Create(table, /*ascii=*/true);
      if (!writer.ok()) return writer.status().WithContext(path);
      ascii = std::move(*writer);
    }
    auto writer = LetterWriter::Create(std::move(table));
    if (!writer.ok()) return writer.status().WithContext(path);
    schemes.push_back(std::make_unique<KoreanScheme>(
        KoreanEngine(std::move(*writer), std::move(ascii), data)));
  }
  return schemes;
}

}  // namespace

std::vector<std::string> KoreanSchemeIds() {
  std::vector<std::string> ids;
  for (const EmbeddedFile& file : internal::KoreanTables()) {
    if (file.name == kExceptionsFile || file.name == kSurnamesFile ||
        file.name == kUnitsFile || file.name == kGenericsFile ||
        !file.name.ends_with(".txt")) {
      continue;
    }
    ids.emplace_back(file.name.substr(0, file.name.size() - 4));
  }
  std::stable_sort(ids.begin(), ids.end(),
                   [](const std::string& a, const std::string& b) {
                     return Rank(a) < Rank(b);
                   });
  return ids;
}

std::vector<std::unique_ptr<Scheme>> MakeKoreanSchemes() {
  auto schemes = Make(KoreanConfig{});
  if (!schemes.ok()) {
    // A built-in table is checked by the test suite; reaching this is a
    // broken build, not bad user input.
    std::fprintf(stderr, "onoma: built-in table: %s\n",
                 schemes.status().ToString().c_str());
    std::abort();
  }
  return std::move(*schemes);
}

Result<std::vector<std::unique_ptr<Scheme>>> MakeKoreanSchemes(
    const KoreanConfig& config) {
  return Make(config);
}

KoreanConfig KoreanConfigFromEnvironment() {
  KoreanConfig config;
  const char* value = std::getenv("ONOMA_KO_EXCEPTIONS");
  if (value == nullptr) return config;
  std::string_view list = value;
  while (!list.empty()) {
    std::size_t colon = list.find(':');
    std::string_view one = list.substr(0, colon);
    if (!one.empty()) config.exception_files.emplace_back(one);
    if (colon == std::string_view::npos) break;
    list.remove_prefix(colon + 1);
  }
  return config;
}

}  // namespace onoma::romanize
