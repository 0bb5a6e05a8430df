#include "memory/formats/term_files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <streambuf>
#include <string>

#include "lib/util/atomic_file.h"
#include "lib/util/input_file.h"
#include "memory/formats/term_files_internal.h"

namespace onoma::formats {
namespace {

bool EndsWithIgnoringCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// A std::ostream's buffer over an AtomicFile's stdio stream, which buffers
// already; keeps the errno of the first failed write.
class StdioBuffer : public std::streambuf {
 public:
  explicit StdioBuffer(std::FILE* file) : file_(file) {}
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return 0;
    const char byte = traits_type::to_char_type(c);
    return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
  }
  std::streamsize xsputn(const char* data, std::streamsize n) override {
    if (error_ != 0) return 0;
    const auto size = static_cast<std::size_t>(n);
    if (std::fwrite(data, 1, size, file_) != size) {
      error_ = errno != 0 ? errno : EIO;
      return 0;
    }
    return n;
  }

 private:
  std::FILE* file_;
  int error_ = 0;
};

}  // namespace

Result<TermFormat> FormatOf(std::string_view path) {
  if (EndsWithIgnoringCase(path, ".tbx")) return TermFormat::kTbx;
  if (EndsWithIgnoringCase(path, ".tsv")) return TermFormat::kTsv;
  if (EndsWithIgnoringCase(path, ".csv")) return TermFormat::kCsv;
  if (EndsWithIgnoringCase(path, ".txt") ||
      EndsWithIgnoringCase(path, ".utf8")) {
    return TermFormat::kOmegaT;
  }
  return Status::BadArgument("cannot tell the format of '" + std::string(path) +
                             "': use .tbx, .tsv, .csv, or .txt (OmegaT)");
}

Status ReadTermFile(const std::string& path, const ReadOptions& options,
                    terms::TermSink& sink) {
  auto format = FormatOf(path);
  if (!format.ok()) return format.status();
  // The readers would take a directory for an empty file.
  ONOMA_RETURN_IF_ERROR(CheckInputFile(path));
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
  // An AtomicFile: a failed or interrupted export leaves an earlier file as
  // it was, and no temporary.
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  StdioBuffer buffer((*file)->file());
  std::ostream out(&buffer);
  const Status written =
      *format == TermFormat::kTbx
          ? internal::WriteTbx(out, store)
          : internal::WriteDelimited(
                out, *format == TermFormat::kCsv ? ',' : '\t', store);
  if (buffer.error() != 0) {
    return Status::Io(std::string("cannot write the output: ") +
                      std::strerror(buffer.error()))
        .At({path, 0, 0, 0});
  }
  ONOMA_RETURN_IF_ERROR(written);
  return (*file)->Commit();
}

}  // namespace onoma::formats
