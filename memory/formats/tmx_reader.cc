// TmxReader on top of XmlSaxReader (input, libxml2's SAX2 glue, faults,
// entities, positions): the names it recognises and the reading of the
// header and the units. What each element does is in
// tmx_reader_elements.cc; the parts are listed in tmx_reader_internal.h.
//
// Tested by tests/formats/tmx_reader_test.cc, tmx_corpus_test.cc and
// tmx_mutation_test.cc; fuzzed by tests/fuzz/tmx_fuzzer.cc.

#include "memory/formats/tmx_reader.h"

#include <libxml/tree.h>

#include <cstring>
#include <utility>

#include "memory/formats/tmx_reader_internal.h"

namespace onoma::formats {
namespace {

using Impl = TmxReader::Impl;

constexpr std::array<const char*, static_cast<std::size_t>(TmxName::kCount)>
    kNames = {"tmx",  "header", "body", "tu",  "tuv", "seg",
              "note", "prop",   "ude",  "map", "bpt", "ept",
              "it",   "ph",     "hi",   "ut",  "sub"};

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

// --- Names ------------------------------------------------------------------

bool IsXmlNamespace(const xmlChar* uri) {
  return uri != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(uri),
                     reinterpret_cast<const char*>(XML_XML_NAMESPACE)) == 0;
}

void AppendQName(const xmlChar* prefix, const xmlChar* localname,
                 std::string& out) {
  if (prefix != nullptr) {
    out += View(prefix);
    out += ':';
  }
  out += View(localname);
}

void TmxNames::Load(const XmlSaxReader& input) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    elements[i] = input.Intern(kNames[i]);
  }
  for (std::size_t i = 0; i < kTmxAttrCount; ++i) {
    attributes[i] = input.Intern(
        std::string(AttributeName(static_cast<TmxAttr>(i))).c_str());
  }
  lang = input.Intern("lang");
  version = input.Intern("version");
}

TmxName TmxNames::Classify(const xmlChar* localname, const xmlChar* uri) const {
  if (uri != nullptr && (!has_tmx_namespace || tmx_namespace != View(uri))) {
    return TmxName::kOther;
  }
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (localname == elements[i]) return static_cast<TmxName>(i);
  }
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (View(localname) == kNames[i]) return static_cast<TmxName>(i);
  }
  return TmxName::kOther;
}

// --- TmxReader::Impl --------------------------------------------------------

Impl::Impl(std::string path, TmxReaderOptions options)
    : XmlSaxReader(std::move(path), ReaderSettings(options)),
      options_(std::move(options)),
      units_(*this),
      attrs_(*this, names_, units_) {
  stack_.reserve(32);
}

Impl::~Impl() = default;

void Impl::OnParserCreated() { names_.Load(*this); }

void Impl::OnRecoverableError(Status status) {
  // Inside a unit the unit is bad, and skipped: what libxml2 made of the
  // name would not be well-formed when written out again.
  if (units_.in_unit()) {
    units_.UnitFault(std::move(status));
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
  while (!units_.HasQueued()) {
    if (!fault().ok()) return fault();
    if (finished()) return false;
    units_.ClearQueue();
    (void)Feed();
  }
  units_.Pop(unit);
  return true;
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
