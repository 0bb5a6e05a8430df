#include "memory/formats/tmx_writer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "lib/text/utf8.h"
#include "lib/util/atomic_file.h"

namespace onoma::formats {
namespace {

constexpr std::size_t kFlushAt = 256 * 1024;

// The order of tmx14.dtd's ATTLISTs, so that exports read like the spec.
constexpr TmxAttr kHeaderOrder[] = {
    TmxAttr::kCreationtool, TmxAttr::kCreationtoolversion,
    TmxAttr::kSegtype,      TmxAttr::kOTmf,
    TmxAttr::kAdminlang,    TmxAttr::kSrclang,
    TmxAttr::kDatatype,     TmxAttr::kOEncoding,
    TmxAttr::kCreationdate, TmxAttr::kCreationid,
    TmxAttr::kChangedate,   TmxAttr::kChangeid};
constexpr TmxAttr kUnitOrder[] = {TmxAttr::kTuid,
                                  TmxAttr::kOEncoding,
                                  TmxAttr::kDatatype,
                                  TmxAttr::kUsagecount,
                                  TmxAttr::kLastusagedate,
                                  TmxAttr::kCreationtool,
                                  TmxAttr::kCreationtoolversion,
                                  TmxAttr::kCreationdate,
                                  TmxAttr::kCreationid,
                                  TmxAttr::kChangedate,
                                  TmxAttr::kSegtype,
                                  TmxAttr::kChangeid,
                                  TmxAttr::kOTmf,
                                  TmxAttr::kSrclang};
constexpr TmxAttr kVariantOrder[] = {
    TmxAttr::kOEncoding,    TmxAttr::kDatatype,
    TmxAttr::kUsagecount,   TmxAttr::kLastusagedate,
    TmxAttr::kCreationtool, TmxAttr::kCreationtoolversion,
    TmxAttr::kCreationdate, TmxAttr::kCreationid,
    TmxAttr::kChangedate,   TmxAttr::kOTmf,
    TmxAttr::kChangeid};

bool ValidSegtype(std::string_view value) {
  return value == "block" || value == "paragraph" || value == "sentence" ||
         value == "phrase";
}

// The text XML 1.0 cannot carry at all (lib/text/utf8.h, FindNonXmlChar)
// is refused when it comes in (a TMX parser rejects it, `tm add` refuses
// it), but a database written before that check may hold some: such a
// unit is refused with a clear error rather than written into a file that
// no XML parser reads. `xml` is what was made of `what`.
Status CheckWritable(std::string_view xml, const std::string& what) {
  const std::size_t at = text::FindNonXmlChar(xml);
  if (at == std::string_view::npos) return Status::Ok();
  char code[8];
  std::snprintf(code, sizeof code, "%02X",
                static_cast<unsigned>(static_cast<unsigned char>(xml[at])));
  return Status::BadInput(what + " holds a character XML cannot carry (byte " +
                          code +
                          ", a control character or U+FFFE/U+FFFF); it "
                          "cannot be exported as TMX");
}

}  // namespace

std::string FillRequiredHeader(TmxHeader& header,
                               const TmxHeaderDefaults& defaults) {
  std::string filled;
  auto fill = [&](TmxAttr attr, const std::string& value) {
    if (header.attrs.has(attr)) {
      if (attr != TmxAttr::kSegtype || ValidSegtype(header.attrs.get(attr))) {
        return;
      }
    }
    header.attrs.set(attr, value);
    if (!filled.empty()) filled += ' ';
    filled += AttributeName(attr);
  };
  fill(TmxAttr::kCreationtool, defaults.creationtool);
  fill(TmxAttr::kCreationtoolversion, defaults.creationtoolversion);
  fill(TmxAttr::kSegtype, defaults.segtype);
  fill(TmxAttr::kOTmf, defaults.o_tmf);
  fill(TmxAttr::kAdminlang, defaults.adminlang);
  fill(TmxAttr::kSrclang, defaults.srclang);
  fill(TmxAttr::kDatatype, defaults.datatype);
  return filled;
}

Result<std::unique_ptr<TmxWriter>> TmxWriter::Create(
    const std::filesystem::path& path) {
  std::unique_ptr<TmxWriter> writer(new TmxWriter());
  writer->path_ = path;
  writer->buffer_.reserve(kFlushAt + 64 * 1024);
  if (path == "-") {
    writer->file_ = stdout;
    writer->to_stdout_ = true;
    return writer;
  }
  auto atomic = AtomicFile::Create(path.string());
  if (!atomic.ok()) return atomic.status();
  writer->atomic_ = std::move(*atomic);
  writer->file_ = writer->atomic_->file();
  return writer;
}

std::unique_ptr<TmxWriter> TmxWriter::ToString(std::string* out) {
  std::unique_ptr<TmxWriter> writer(new TmxWriter());
  writer->string_out_ = out;
  return writer;
}

// The AtomicFile removes its temporary unless committed.
TmxWriter::~TmxWriter() = default;

Status TmxWriter::Flush() {
  if (string_out_ != nullptr) {
    string_out_->append(buffer_);
  } else if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(),
                                             file_) != buffer_.size()) {
    return Status::Io(std::string("cannot write the output: ") +
                      std::strerror(errno))
        .At({path_.string(), 0, 0, 0});
  }
  buffer_.clear();
  return Status::Ok();
}

void TmxWriter::WriteAttributes(TmxOwner owner, const TmxAttributes& attrs) {
  auto one = [&](TmxAttr attr) {
    if (!attrs.has(attr)) return;
    buffer_ += ' ';
    buffer_ += AttributeName(attr);
    buffer_ += "=\"";
    AppendEscapedAttribute(attrs.get(attr), buffer_);
    buffer_ += '"';
  };
  switch (owner) {
    case TmxOwner::kHeader:
      for (TmxAttr attr : kHeaderOrder) one(attr);
      break;
    case TmxOwner::kUnit:
      for (TmxAttr attr : kUnitOrder) one(attr);
      break;
    case TmxOwner::kVariant:
      for (TmxAttr attr : kVariantOrder) one(attr);
      break;
  }
}

void TmxWriter::WriteExtra(const std::string& extra) {
  if (extra.empty()) return;
  buffer_ += "<?onoma-attrs ";
  buffer_ += extra;
  buffer_ += "?>";
}

void TmxWriter::WriteMeta(const TmxMeta& meta, const char* indent) {
  const bool prop = meta.kind == TmxMeta::Kind::kProp;
  buffer_ += indent;
  buffer_ += prop ? "<prop type=\"" : "<note";
  if (prop) {
    AppendEscapedAttribute(meta.type, buffer_);
    buffer_ += '"';
  }
  if (meta.has_lang) {
    buffer_ += " xml:lang=\"";
    AppendEscapedAttribute(meta.lang, buffer_);
    buffer_ += '"';
  }
  if (meta.has_o_encoding) {
    buffer_ += " o-encoding=\"";
    AppendEscapedAttribute(meta.o_encoding, buffer_);
    buffer_ += '"';
  }
  buffer_ += '>';
  WriteExtra(meta.extra);
  AppendEscapedText(meta.value, buffer_);
  buffer_ += prop ? "</prop>\n" : "</note>\n";
}

Status TmxWriter::WriteHeader(const TmxHeader& header) {
  const std::size_t start = buffer_.size();
  buffer_ +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<tmx version=\"1.4\">";
  WriteExtra(header.root_extra);
  buffer_ += "\n<header";
  WriteAttributes(TmxOwner::kHeader, header.attrs);
  if (header.extra.empty() && header.body.empty()) {
    buffer_ += "/>\n";
  } else {
    buffer_ += '>';
    WriteExtra(header.extra);
    buffer_ += header.body;
    buffer_ += "</header>\n";
  }
  ONOMA_RETURN_IF_ERROR(
      CheckWritable(std::string_view(buffer_).substr(start), "the header"));
  buffer_ += "<body>\n";
  return Flush();
}

Status TmxWriter::WriteUnit(const TmxUnit& unit) {
  const std::size_t start = buffer_.size();
  buffer_ += "<tu";
  WriteAttributes(TmxOwner::kUnit, unit.attrs);
  buffer_ += '>';
  WriteExtra(unit.extra);
  buffer_ += '\n';
  for (const TmxMeta& meta : unit.meta) WriteMeta(meta, "  ");
  for (const TmxVariant& variant : unit.variants) {
    buffer_ += "  <tuv xml:lang=\"";
    AppendEscapedAttribute(variant.lang, buffer_);
    buffer_ += '"';
    WriteAttributes(TmxOwner::kVariant, variant.attrs);
    buffer_ += '>';
    WriteExtra(variant.extra);
    buffer_ += '\n';
    for (const TmxMeta& meta : variant.meta) WriteMeta(meta, "    ");
    buffer_ += "    <seg>";
    if (variant.has_markup) {
      buffer_ += variant.markup;
    } else {
      AppendEscapedText(variant.text, buffer_);
    }
    buffer_ += "</seg>\n  </tuv>\n";
  }
  buffer_ += "</tu>\n";
  Status writable = CheckWritable(
      std::string_view(buffer_).substr(start),
      "unit " +
          (unit.attrs.has(TmxAttr::kTuid)
               ? "tuid=\"" + std::string(unit.attrs.get(TmxAttr::kTuid)) + "\""
               : std::to_string(units_ + 1)));
  if (!writable.ok()) {
    buffer_.resize(start);
    return writable;
  }
  ++units_;
  if (buffer_.size() >= kFlushAt) return Flush();
  return Status::Ok();
}

Status TmxWriter::Finish() {
  buffer_ += "</body>\n</tmx>\n";
  ONOMA_RETURN_IF_ERROR(Flush());
  if (string_out_ != nullptr) return Status::Ok();
  if (to_stdout_) {
    if (std::fflush(file_) != 0) {
      return Status::Io(std::string("cannot write the output: ") +
                        std::strerror(errno))
          .At({path_.string(), 0, 0, 0});
    }
    return Status::Ok();
  }
  file_ = nullptr;
  return atomic_->Commit();
}

}  // namespace onoma::formats
