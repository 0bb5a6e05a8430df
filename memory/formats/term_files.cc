#include "memory/formats/term_files.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "memory/formats/term_files_internal.h"

namespace onoma::formats {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

}  // namespace

Result<TermFormat> FormatOf(std::string_view path) {
  if (EndsWith(path, ".tbx")) return TermFormat::kTbx;
  if (EndsWith(path, ".tsv")) return TermFormat::kTsv;
  if (EndsWith(path, ".csv")) return TermFormat::kCsv;
  if (EndsWith(path, ".txt") || EndsWith(path, ".utf8")) {
    return TermFormat::kOmegaT;
  }
  return Status::BadArgument("cannot tell the format of '" + std::string(path) +
                             "': use .tbx, .tsv, .csv, or .txt (OmegaT)");
}

Status ReadTermFile(const std::string& path, const ReadOptions& options,
                    terms::TermSink& sink) {
  auto format = FormatOf(path);
  if (!format.ok()) return format.status();
  switch (*format) {
    case TermFormat::kTbx:
      return internal::ReadTbx(path, sink);
    case TermFormat::kTsv:
    case TermFormat::kOmegaT:
      return internal::ReadDelimited(path, '\t', /*omegat_fallback=*/true,
                                     options, sink);
    case TermFormat::kCsv:
      return internal::ReadDelimited(path, ',', false, options, sink);
  }
  return Status::Internal("unknown term format");
}

Status WriteTermFile(const std::string& path, terms::TermStore& store) {
  auto format = FormatOf(path);
  if (!format.ok()) return format.status();
  if (*format == TermFormat::kOmegaT) {
    return Status::BadArgument(
        "onoma reads OmegaT glossaries but writes .tsv, .csv or .tbx");
  }
  // Write beside the target and rename at the end: a failed export leaves
  // an earlier file as it was.
  std::string temp = path + ".onoma-tmp";
  Status written;
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Io("cannot write " + path);
    written = *format == TermFormat::kTbx
                  ? internal::WriteTbx(out, store)
                  : internal::WriteDelimited(
                        out, *format == TermFormat::kCsv ? ',' : '\t', store);
    out.close();
    if (written.ok() && !out) written = Status::Io("cannot write " + path);
  }
  if (!written.ok()) {
    std::remove(temp.c_str());
    return written;
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::remove(temp.c_str());
    return Status::Io("cannot write " + path + ": " + ec.message());
  }
  return Status::Ok();
}

}  // namespace onoma::formats
