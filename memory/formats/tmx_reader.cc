// TmxReader on top of XmlSaxReader (input, libxml2's SAX2 glue, faults,
// entities, positions): the names it recognises, the header, the queue of
// units. What each element does is in tmx_reader_elements.cc.
//
// Tested by tests/formats/tmx_reader_test.cc, tmx_corpus_test.cc and
// tmx_mutation_test.cc; fuzzed by tests/fuzz/tmx_fuzzer.cc.

#include "memory/formats/tmx_reader.h"

#include <utility>

#include "memory/formats/tmx_reader_internal.h"

namespace onoma::formats {
namespace {

using Impl = TmxReader::Impl;

constexpr std::array<const char*, static_cast<std::size_t>(TmxName::kCount)>
    kNames = {"tmx",  "header", "body", "tu",  "tuv", "seg",
              "note", "prop",   "ude",  "map", "bpt", "ept",
              "it",   "ph",     "hi",   "ut",  "sub"};

std::string_view View(const xmlChar* text) {
  if (text == nullptr) return {};
  return reinterpret_cast<const char*>(text);
}

XmlSaxReader::Settings ReaderSettings(const TmxReaderOptions& options) {
  XmlSaxReader::Settings settings;
  settings.expected = "a TMX document";
  settings.root_end = "</tmx>";
  settings.lenient = options.lenient;
  settings.on_warning = options.on_warning;
  settings.chunk_size = options.chunk_size;
  return settings;
}

}  // namespace

Impl::Impl(std::string path, TmxReaderOptions options)
    : XmlSaxReader(std::move(path), ReaderSettings(options)),
      options_(std::move(options)) {
  stack_.reserve(32);
}

Impl::~Impl() = default;

void Impl::OnParserCreated() {
  for (std::size_t i = 0; i < kNames.size(); ++i) names_[i] = Intern(kNames[i]);
  for (std::size_t i = 0; i < kTmxAttrCount; ++i) {
    attr_names_[i] =
        Intern(std::string(AttributeName(static_cast<TmxAttr>(i))).c_str());
  }
  name_lang_ = Intern("lang");
  name_type_ = Intern("type");
  name_version_ = Intern("version");
}

void Impl::OnRecoverableError(Status status) {
  // Inside a unit the unit is bad, and skipped: what libxml2 made of the
  // name would not be well-formed when written out again.
  if (in_unit_) {
    UnitFault(std::move(status));
  } else {
    Warn(std::move(status));
  }
}

Status Impl::ReadHeader() {
  while (!header_done_ && fault().ok() && !finished()) {
    if (!Feed().ok()) break;
  }
  return fault();
}

Result<bool> Impl::Next(TmxUnit& unit) {
  while (queue_head_ == queue_size_) {
    if (!fault().ok()) return fault();
    if (finished()) return false;
    queue_head_ = 0;
    queue_size_ = 0;
    (void)Feed();
  }
  std::swap(unit, queue_[queue_head_++]);
  return true;
}

TmxName Impl::Classify(const xmlChar* localname, const xmlChar* uri) const {
  if (uri != nullptr && (!has_tmx_namespace_ || tmx_namespace_ != View(uri))) {
    return TmxName::kOther;
  }
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (localname == names_[i]) return static_cast<TmxName>(i);
  }
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (View(localname) == kNames[i]) return static_cast<TmxName>(i);
  }
  return TmxName::kOther;
}

// --- TmxReader --------------------------------------------------------------

TmxReader::TmxReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TmxReader::~TmxReader() = default;

Result<std::unique_ptr<TmxReader>> TmxReader::Open(
    const std::filesystem::path& path, TmxReaderOptions options) {
  xmlInitParser();
  auto impl = std::make_unique<Impl>(path.string(), std::move(options));
  ONOMA_RETURN_IF_ERROR(impl->OpenFile(path));
  ONOMA_RETURN_IF_ERROR(impl->ReadHeader());
  return std::unique_ptr<TmxReader>(new TmxReader(std::move(impl)));
}

Result<std::unique_ptr<TmxReader>> TmxReader::FromBuffer(
    std::string_view data, std::string name, TmxReaderOptions options) {
  xmlInitParser();
  auto impl = std::make_unique<Impl>(std::move(name), std::move(options));
  impl->UseBuffer(data);
  ONOMA_RETURN_IF_ERROR(impl->ReadHeader());
  return std::unique_ptr<TmxReader>(new TmxReader(std::move(impl)));
}

const TmxHeader& TmxReader::header() const { return impl_->header(); }
Result<bool> TmxReader::Next(TmxUnit& unit) { return impl_->Next(unit); }
std::uint64_t TmxReader::units_read() const { return impl_->units_read(); }
std::uint64_t TmxReader::units_skipped() const {
  return impl_->units_skipped();
}
std::uint64_t TmxReader::warnings() const { return impl_->warnings(); }
std::uint64_t TmxReader::bytes_read() const { return impl_->bytes_read(); }
std::uint64_t TmxReader::bytes_total() const { return impl_->bytes_total(); }

}  // namespace onoma::formats
