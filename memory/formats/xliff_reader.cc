// XliffReader: files, units, segments, their states and languages, and the
// TMX units made of them. Inline codes are in xliff_inline.cc; the XML
// input, entities and faults in xml_sax_reader.cc.
//
// Tested by tests/formats/xliff_reader_test.cc and xliff_corpus_test.cc;
// fuzzed by tests/fuzz/xliff_fuzzer.cc.

#include "memory/formats/xliff_reader.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

#include "memory/formats/xliff_reader_internal.h"

namespace onoma::formats {
namespace {

using Impl = XliffReader::Impl;

constexpr std::string_view kNamespaceBase =
    "urn:oasis:names:tc:xliff:document:";
constexpr std::string_view kSdlNamespace =
    "http://sdl.com/FileTypes/SdlXliff/1.0";
constexpr std::string_view kMemoqNamespace = "MQXliff";
// Past this many distinct ids in a file, duplicates are no longer looked
// for: memory stays bounded whatever the file's size.
constexpr std::size_t kMaxIdsChecked = 1 << 16;
constexpr std::size_t kMaxNotesPerUnit = 16;
constexpr std::size_t kMaxSdlSegments = 4096;

std::string_view View(const xmlChar* text) {
  if (text == nullptr) return {};
  return reinterpret_cast<const char*>(text);
}

bool OneOf(std::string_view value,
           std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

XmlSaxReader::Settings ReaderSettings(const XliffReaderOptions& options) {
  XmlSaxReader::Settings settings;
  settings.expected = "an XLIFF document";
  settings.root_end = "</xliff>";
  settings.lenient = options.lenient;
  settings.on_warning = options.on_warning;
  settings.chunk_size = options.chunk_size;
  return settings;
}

// Whether two contents are the same pieces (a target that copies its
// source).
bool SameContent(const std::vector<XliffPiece>& a,
                 const std::vector<XliffPiece>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].kind != b[i].kind || a[i].text != b[i].text ||
        a[i].id != b[i].id) {
      return false;
    }
  }
  return true;
}

}  // namespace

Impl::Impl(std::string path, XliffReaderOptions options)
    : XmlSaxReader(std::move(path), ReaderSettings(options)),
      options_(std::move(options)) {
  stack_.reserve(32);
}

Impl::~Impl() = default;

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

// --- Names and attributes ---------------------------------------------------

bool Impl::IsXliff(const xmlChar* uri) const {
  if (uri == nullptr) return namespace_.empty();
  return View(uri) == namespace_;
}

const XmlSaxReader::Attribute* Impl::FindAttribute(
    std::string_view name) const {
  for (const Attribute& a : attributes_) {
    if (a.prefix == nullptr && View(a.localname) == name) return &a;
  }
  return nullptr;
}

std::string_view Impl::AttributeValue(std::string_view name) const {
  const Attribute* a = FindAttribute(name);
  return a != nullptr ? a->value : std::string_view();
}

std::string_view Impl::XmlLang() const {
  for (const Attribute& a : attributes_) {
    if (a.prefix != nullptr && View(a.prefix) == "xml" &&
        View(a.localname) == "lang") {
      return a.value;
    }
  }
  return {};
}

// --- Events -----------------------------------------------------------------

void Impl::OnStart(const xmlChar* localname, const xmlChar* /*prefix*/,
                   const xmlChar* uri, int nb_attributes,
                   const xmlChar** attributes) {
  if (!DecodeAttributes(nb_attributes, attributes)) return;
  if (stack_.empty()) {
    StartRoot(localname, uri);
    return;
  }
  const XliffContext parent = stack_.back().context;
  Frame frame;
  frame.translate = stack_.back().translate;
  const std::string_view name = View(localname);
  const bool ours = IsXliff(uri);
  switch (parent) {
    case XliffContext::kRoot:
      if (ours && name == "file") StartFile(frame);
      break;
    case XliffContext::kFile:
    case XliffContext::kGroup:
      if (!ours) break;
      if (name == "group" || (!v2_ && name == "body")) {
        StartGroup(frame);
      } else if (!v2_ && name == "trans-unit") {
        StartUnit1(frame);
      } else if (v2_ && name == "unit") {
        StartUnit2(frame);
      }
      break;
    case XliffContext::kUnit:
      StartUnitChild(name, uri, frame);
      break;
    case XliffContext::kSegment:
      if (ours && name == "source") {
        StartContent(XliffEnd::kSource, frame);
      } else if (ours && name == "target") {
        StartContent(XliffEnd::kTarget, frame);
      }
      break;
    case XliffContext::kNotes:
      if (ours && name == "note") StartNote(frame);
      break;
    case XliffContext::kOriginalData:
      if (ours && name == "data") StartData(frame);
      break;
    case XliffContext::kData:
      if (ours && name == "cp" && data_ != nullptr) AppendDataCodePoint();
      break;
    case XliffContext::kSegDefs:
      if (uri != nullptr && View(uri) == kSdlNamespace && name == "seg") {
        StartSdlSeg();
      }
      break;
    case XliffContext::kContent:
      StartInline(localname, uri, frame);
      break;
    case XliffContext::kCode:
      StartCodeChild(localname, frame);
      break;
    case XliffContext::kTop:
    case XliffContext::kNote:
    case XliffContext::kSkip:
      break;
  }
  stack_.push_back(std::move(frame));
}

void Impl::StartUnitChild(std::string_view name, const xmlChar* uri,
                          Frame& frame) {
  if (!IsXliff(uri)) {
    if (!v2_ && uri != nullptr && View(uri) == kSdlNamespace &&
        name == "seg-defs") {
      frame.context = XliffContext::kSegDefs;
    }
    return;
  }
  if (v2_) {
    if (name == "segment") {
      StartSegment(frame);
    } else if (name == "notes") {
      frame.context = XliffContext::kNotes;
    } else if (name == "originalData") {
      frame.context = XliffContext::kOriginalData;
    }
  } else if (name == "source") {
    StartContent(XliffEnd::kSource, frame);
  } else if (name == "seg-source") {
    StartContent(XliffEnd::kSegSource, frame);
  } else if (name == "target") {
    StartContent(XliffEnd::kTarget, frame);
  } else if (name == "note") {
    StartNote(frame);
  }
}

void Impl::AppendDataCodePoint() {
  const std::string_view hex = AttributeValue("hex");
  std::string text;
  if (!CodePointText(hex, text)) {
    text = "<cp hex=\"" + std::string(hex) + "\"/>";
  }
  AppendEscapedText(text, *data_);
  data_bytes_ += text.size();
  CheckSize(data_bytes_, "<originalData>", TagPosition());
}

void Impl::OnEnd() {
  if (stack_.empty()) return;
  Frame frame = std::move(stack_.back());
  stack_.pop_back();
  switch (frame.end) {
    case XliffEnd::kNothing:
      break;
    case XliffEnd::kRoot:
      root_closed_ = true;
      if (!header_done_) FinishHeader();
      break;
    case XliffEnd::kFile:
      break;
    case XliffEnd::kUnit:
      if (!v2_) EndUnit1();
      break;
    case XliffEnd::kSegment:
      EndSegment();
      break;
    case XliffEnd::kSource:
    case XliffEnd::kSegSource:
    case XliffEnd::kTarget:
      whole_ = nullptr;
      seg_ = nullptr;
      segs_ = nullptr;
      break;
    case XliffEnd::kSegMrk:
      seg_ = nullptr;
      break;
    case XliffEnd::kPaired: {
      XliffPiece close;
      close.kind = XliffPiece::Kind::kClose;
      close.key = std::move(frame.key);
      close.text = std::move(frame.data);
      Append(std::move(close));
      break;
    }
    case XliffEnd::kMark: {
      XliffPiece end;
      end.kind = XliffPiece::Kind::kMarkEnd;
      Append(std::move(end));
      break;
    }
    case XliffEnd::kCode:
      code_depth_ = 0;
      Append(std::move(code_));
      code_ = XliffPiece();
      break;
    case XliffEnd::kSub:
      if (code_.text.ends_with("<sub>")) {
        code_.text.insert(code_.text.size() - 1, "/");  // as TMX reads it
      } else {
        code_.text += "</sub>";
      }
      break;
    case XliffEnd::kNote:
      note_ = nullptr;
      break;
    case XliffEnd::kData:
      data_ = nullptr;
      break;
  }
}

void Impl::OnText(std::string_view text) {
  if (stack_.empty()) return;
  switch (stack_.back().context) {
    case XliffContext::kContent:
      AppendText(text);
      return;
    case XliffContext::kCode:
      AppendEscapedText(text, code_.text);
      content_bytes_ += text.size();
      CheckContentSize();
      return;
    case XliffContext::kNote:
      if (note_ == nullptr) return;
      note_->value.append(text);
      CheckSize(note_->value.size(), "<note>", ParserPosition());
      return;
    case XliffContext::kData:
      if (data_ == nullptr) return;
      AppendEscapedText(text, *data_);
      data_bytes_ += text.size();
      CheckSize(data_bytes_, "<originalData>", ParserPosition());
      return;
    default:
      return;
  }
}

// --- Root, files, groups ----------------------------------------------------

void Impl::StartRoot(const xmlChar* localname, const xmlChar* uri) {
  if (View(localname) != "xliff") {
    Fault(Status::BadInput("not an XLIFF document: the root element is <" +
                           std::string(View(localname)) + ">, not <xliff>")
              .At(Where(TagPosition())));
    return;
  }
  version_.assign(AttributeValue("version"));
  const std::string_view ns = View(uri);
  namespace_.assign(ns);
  const std::string_view declared = ns.substr(
      ns.size() >= kNamespaceBase.size() ? kNamespaceBase.size() : ns.size());
  if (ns.empty()) {
    // XLIFF 1.0 has no namespace; some tools leave it off later versions.
    if (version_.empty()) {
      version_ = "1.2";
      Warn(Status::BadInput("<xliff> has neither namespace nor version; read "
                            "as XLIFF 1.2")
               .At(Where(TagPosition())));
    } else if (version_.starts_with("2.")) {
      v2_ = true;
      Warn(Status::BadInput("<xliff version=\"" + version_ +
                            "\"> has no namespace; read as XLIFF 2.0")
               .At(Where(TagPosition())));
    } else if (!OneOf(version_, {"1.0", "1.1", "1.2"})) {
      Fault(Status::BadInput("XLIFF version \"" + version_ +
                             "\" is not one onoma reads (1.0 to 1.2, 2.0 "
                             "to 2.2)")
                .At(Where(TagPosition())));
      return;
    }
  } else if (ns.starts_with(kNamespaceBase) &&
             OneOf(declared, {"1.0", "1.1", "1.2"})) {
    if (version_.empty()) version_.assign(declared);
  } else if (ns.starts_with(kNamespaceBase) && declared == "2.0") {
    // XLIFF 2.1 kept 2.0's namespace.
    v2_ = true;
    if (version_.empty()) version_ = "2.0";
  } else if (ns.starts_with(kNamespaceBase) && declared == "2.2") {
    v2_ = true;
    if (version_.empty()) version_ = "2.2";
    Warn(Status::BadInput("XLIFF 2.2: read by XLIFF 2.0's core rules; what "
                          "2.2 adds is not read")
             .At(Where(TagPosition())));
  } else {
    Fault(Status::BadInput("<xliff> is in namespace \"" + std::string(ns) +
                           "\", which is no XLIFF version onoma reads (1.0 "
                           "to 1.2, 2.0 to 2.2)")
              .At(Where(TagPosition())));
    return;
  }
  if (v2_) {
    doc_source_lang_.assign(AttributeValue("srcLang"));
    doc_target_lang_.assign(AttributeValue("trgLang"));
  }
  header_.attrs.set(TmxAttr::kOTmf, "XLIFF " + version_);
  Frame frame;
  frame.context = XliffContext::kRoot;
  frame.end = XliffEnd::kRoot;
  stack_.push_back(std::move(frame));
}

void Impl::StartFile(Frame& frame) {
  frame.context = XliffContext::kFile;
  frame.end = XliffEnd::kFile;
  if (v2_) {
    source_lang_ = doc_source_lang_;
    target_lang_ = doc_target_lang_;
    const Attribute* translate = FindAttribute("translate");
    if (translate != nullptr) frame.translate = translate->value != "no";
  } else {
    source_lang_.assign(AttributeValue("source-language"));
    target_lang_.assign(AttributeValue("target-language"));
  }
  original_.assign(AttributeValue("original"));
  ids_.clear();
  if (!header_done_) {
    if (!source_lang_.empty()) {
      header_.attrs.set(TmxAttr::kSrclang, source_lang_);
    } else if (!options_.source_lang.empty()) {
      header_.attrs.set(TmxAttr::kSrclang, options_.source_lang);
    }
    if (!v2_) {
      std::string_view tool = AttributeValue("tool-id");
      if (tool.empty()) tool = AttributeValue("tool");
      if (!tool.empty()) header_.attrs.set(TmxAttr::kCreationtool, tool);
      std::string_view datatype = AttributeValue("datatype");
      if (!datatype.empty()) header_.attrs.set(TmxAttr::kDatatype, datatype);
    }
    FinishHeader();
  }
}

void Impl::FinishHeader() {
  header_.present = true;
  header_done_ = true;
}

void Impl::StartGroup(Frame& frame) {
  frame.context = XliffContext::kGroup;
  const Attribute* translate = FindAttribute("translate");
  if (translate != nullptr) frame.translate = translate->value != "no";
  if (v2_) {
    const Attribute* id = FindAttribute("id");
    if (id != nullptr) CheckId(id->value, "group");
  }
}

void Impl::CheckId(std::string_view id, const char* element) {
  if (ids_.size() >= kMaxIdsChecked) return;
  // Hashes, not the ids: an id may be long. A collision costs a false
  // warning, never a unit.
  if (ids_.emplace(std::hash<std::string_view>()(id)).second) return;
  WarnOnce(
      std::string("duplicate-id:") + element,
      Status::BadInput("<" + std::string(element) + " id=\"" + std::string(id) +
                       "\">: the id is already taken in its <file>; "
                       "both are read (such clashes are reported once)")
          .At(Where(TagPosition())));
}

// --- Units and segments -----------------------------------------------------

void Impl::StartUnit1(Frame& frame) {
  frame.context = XliffContext::kUnit;
  frame.end = XliffEnd::kUnit;
  const Attribute* translate = FindAttribute("translate");
  if (translate != nullptr) frame.translate = translate->value != "no";
  unit_translate_ = frame.translate;
  unit_position_ = TagPosition();
  const Attribute* id = FindAttribute("id");
  unit_id_.assign(id != nullptr ? id->value : std::string_view());
  if (id == nullptr) {
    WarnOnce("trans-unit-without-id",
             Status::BadInput("<trans-unit> has no id, which XLIFF requires "
                              "(such units are reported once)")
                 .At(Where(unit_position_)));
  } else {
    CheckId(id->value, "trans-unit");
  }
  if (FindAttribute("state") != nullptr) {
    WarnOnce("state-on-trans-unit",
             Status::BadInput("state on <trans-unit> is not XLIFF's (it "
                              "belongs on <target>); ignored (reported once)")
                 .At(Where(unit_position_)));
  }
  approved_.assign(AttributeValue("approved"));
  memoq_status_.clear();
  for (const Attribute& a : attributes_) {
    if (a.prefix != nullptr && View(a.uri) == kMemoqNamespace &&
        View(a.localname) == "status") {
      memoq_status_.assign(a.value);
    }
  }
  target_state_.clear();
  has_state_ = false;
  has_source_ = false;
  has_target_ = false;
  notes_.clear();
  sdl_conf_.clear();
  source_.Clear();
  target_.Clear();
  source_segments_.clear();
  target_segments_.clear();
  numbers_.Clear();
}

void Impl::StartUnit2(Frame& frame) {
  frame.context = XliffContext::kUnit;
  frame.end = XliffEnd::kUnit;
  const Attribute* translate = FindAttribute("translate");
  if (translate != nullptr) frame.translate = translate->value != "no";
  unit_translate_ = frame.translate;
  unit_position_ = TagPosition();
  const Attribute* id = FindAttribute("id");
  unit_id_.assign(id != nullptr ? id->value : std::string_view());
  if (id == nullptr) {
    WarnOnce("unit-without-id",
             Status::BadInput("<unit> has no id, which XLIFF requires (such "
                              "units are reported once)")
                 .At(Where(unit_position_)));
  } else {
    CheckId(id->value, "unit");
  }
  notes_.clear();
  original_data_.clear();
  data_bytes_ = 0;
  numbers_.Clear();
}

void Impl::StartSegment(Frame& frame) {
  frame.context = XliffContext::kSegment;
  frame.end = XliffEnd::kSegment;
  segment_position_ = TagPosition();
  source_.Clear();
  target_.Clear();
  source_.id.assign(AttributeValue("id"));
  has_source_ = false;
  has_target_ = false;
  const Attribute* state = FindAttribute("state");
  has_state_ = state != nullptr;
  target_state_.assign(state != nullptr ? state->value : std::string_view());
}

void Impl::StartContent(XliffEnd which, Frame& frame) {
  frame.context = XliffContext::kContent;
  frame.end = which;
  content_bytes_ = 0;
  content_position_ = TagPosition();
  seg_ = nullptr;
  segs_ = nullptr;
  whole_ = nullptr;
  code_depth_ = 0;
  pair_count_ = 0;
  switch (which) {
    case XliffEnd::kSource:
      if (has_source_) {
        WarnOnce("second-source",
                 Status::BadInput("a second <source>; the last one is read "
                                  "(reported once)")
                     .At(Where(content_position_)));
      }
      has_source_ = true;
      source_.pieces.clear();
      source_.position = content_position_;
      source_.lang.assign(XmlLang());
      whole_ = &source_.pieces;
      break;
    case XliffEnd::kSegSource:
      source_segments_.clear();
      segs_ = &source_segments_;
      break;
    default:
      if (has_target_) {
        WarnOnce("second-target",
                 Status::BadInput("a second <target>; the last one is read "
                                  "(reported once)")
                     .At(Where(content_position_)));
      }
      has_target_ = true;
      target_.pieces.clear();
      target_.position = content_position_;
      target_.lang.assign(XmlLang());
      whole_ = &target_.pieces;
      if (!v2_) {
        target_segments_.clear();
        segs_ = &target_segments_;
        const Attribute* state = FindAttribute("state");
        has_state_ = state != nullptr;
        target_state_.assign(state != nullptr ? state->value
                                              : std::string_view());
      }
      break;
  }
}

void Impl::StartNote(Frame& frame) {
  frame.context = XliffContext::kNote;
  frame.end = XliffEnd::kNote;
  if (notes_.size() >= kMaxNotesPerUnit) {
    frame.context = XliffContext::kSkip;
    return;
  }
  note_ = &notes_.emplace_back();
  note_->kind = TmxMeta::Kind::kNote;
  const std::string_view lang = XmlLang();
  if (!lang.empty()) {
    note_->lang.assign(lang);
    note_->has_lang = true;
  }
}

void Impl::StartData(Frame& frame) {
  frame.context = XliffContext::kData;
  frame.end = XliffEnd::kData;
  data_bytes_ += 64;  // each entry costs memory, however small
  if (!CheckSize(data_bytes_, "<originalData>", TagPosition())) return;
  data_ = &original_data_[std::string(AttributeValue("id"))];
  data_->clear();
}

void Impl::StartSdlSeg() {
  if (sdl_conf_.size() >= kMaxSdlSegments) return;
  sdl_conf_[std::string(AttributeValue("id"))] =
      std::string(AttributeValue("conf"));
}

void Impl::SegmentFault(Status status) {
  if (!lenient()) {
    Fault(std::move(status));
    return;
  }
  ++units_read_;
  ++units_skipped_;
  Warn(Status::BadInput(status.message() + "; segment skipped (--lenient)")
           .At(*status.location()));
}

void Impl::EndSegment() {
  if (!fault().ok()) return;
  if (!has_source_) {
    SegmentFault(Status::BadInput("<segment> has no <source>")
                     .At(Where(segment_position_)));
    return;
  }
  Emit(source_, has_target_ ? &target_ : nullptr, source_.id, 0);
}

void Impl::EndUnit1() {
  if (!fault().ok()) return;
  if (!has_source_) {
    ++units_read_;
    if (has_target_ && !IsBlankXliffContent(target_.pieces)) {
      ++units_skipped_;
      WarnOnce("target-without-source",
               Status::BadInput("<trans-unit> has a <target> but no "
                                "<source>; skipped (such units are "
                                "reported once)")
                   .At(Where(unit_position_)));
    } else {
      ++units_untranslated_;
    }
    return;
  }
  if (!source_segments_.empty() &&
      (!target_segments_.empty() || !has_target_)) {
    std::unordered_map<std::string_view, const XliffContent*> targets;
    for (const XliffContent& t : target_segments_) targets.emplace(t.id, &t);
    for (const XliffContent& s : source_segments_) {
      auto it = targets.find(s.id);
      Emit(s, it != targets.end() ? it->second : nullptr, s.id,
           source_segments_.size());
    }
    if (targets.size() > source_segments_.size()) {
      WarnOnce("unpaired-target-segment",
               Status::BadInput("<target> has segments (<mrk mtype=\"seg\">) "
                                "that <seg-source> lacks; they are not read "
                                "(reported once)")
                   .At(Where(target_.position)));
    }
    return;
  }
  Emit(source_, has_target_ ? &target_ : nullptr, std::string_view(), 1);
}

// --- States -----------------------------------------------------------------

bool Impl::Finished(std::string_view segment_id) {
  if (v2_) {
    if (has_state_) {
      if (OneOf(target_state_, {"translated", "reviewed", "final"})) {
        return true;
      }
      if (target_state_ != "initial") NoteState(target_state_, "segment");
      return false;
    }
  } else {
    if (!sdl_conf_.empty()) {
      auto finished = [](std::string_view conf) {
        return OneOf(conf,
                     {"Translated", "ApprovedTranslation", "ApprovedSignOff"});
      };
      if (segment_id.empty()) {
        return std::all_of(sdl_conf_.begin(), sdl_conf_.end(),
                           [&](const auto& kv) { return finished(kv.second); });
      }
      auto it = sdl_conf_.find(std::string(segment_id));
      if (it != sdl_conf_.end()) return finished(it->second);
    }
    if (!memoq_status_.empty()) {
      return OneOf(memoq_status_,
                   {"Confirmed", "ManuallyConfirmed", "Proofread",
                    "Reviewer1Confirmed", "Reviewer2Confirmed"});
    }
    if (approved_ == "yes") return true;
    if (has_state_) {
      if (OneOf(target_state_, {"translated", "signed-off", "final"})) {
        return true;
      }
      if (!OneOf(target_state_,
                 {"new", "needs-translation", "needs-adaptation", "needs-l10n",
                  "needs-review-translation", "needs-review-adaptation",
                  "needs-review-l10n"}) &&
          !target_state_.starts_with("x-")) {
        NoteState(target_state_, "target");
      }
      return false;
    }
  }
  return true;  // no state at all: see Emit
}

void Impl::NoteState(std::string_view state, const char* element) {
  WarnOnce("state:" + std::string(state),
           Status::BadInput("<" + std::string(element) + " state=\"" +
                            std::string(state) + "\"> is not a state XLIFF " +
                            (v2_ ? "2" : "1.2") +
                            " defines; the segment is taken as not finished "
                            "(reported once)")
               .At(Where(v2_ ? segment_position_ : target_.position)));
}

void Impl::Emit(const XliffContent& source, const XliffContent* target,
                std::string_view segment_id, std::size_t /*segments*/) {
  ++units_read_;
  if (!unit_translate_ || target == nullptr ||
      IsBlankXliffContent(target->pieces)) {
    ++units_untranslated_;
    return;
  }
  const bool stateless = !options_.any_state &&
                         (v2_ ? !has_state_
                              : !has_state_ && approved_ != "yes" &&
                                    memoq_status_.empty() && sdl_conf_.empty());
  if (!options_.any_state && !Finished(segment_id)) {
    ++units_untranslated_;
    return;
  }
  // Tools that keep no state pre-fill targets with the source: such a copy
  // is not a translation.
  if (stateless && SameContent(source.pieces, target->pieces)) {
    ++units_untranslated_;
    return;
  }
  if (IsBlankXliffContent(source.pieces)) {
    ++units_skipped_;
    WarnOnce("empty-source",
             Status::BadInput("a segment with a target has an empty source; "
                              "skipped (reported once)")
                 .At(Where(source.position)));
    return;
  }
  std::string_view src = source_lang_;
  if (src.empty()) src = source.lang;
  if (src.empty()) src = options_.source_lang;
  std::string_view trg = target_lang_;
  if (trg.empty()) trg = target->lang;
  if (trg.empty()) trg = options_.target_lang;
  if (src.empty() || trg.empty()) {
    ++units_skipped_;
    const bool no_source = src.empty();
    WarnOnce(no_source ? "no-source-language" : "no-target-language",
             Status::BadInput(
                 std::string("the file names no ") +
                 (no_source ? "source" : "target") + " language (" +
                 (v2_ ? (no_source ? "srcLang" : "trgLang")
                      : (no_source ? "source-language" : "target-language")) +
                 "); its translated segments are not stored (reported "
                 "once)")
                 .At(Where(v2_ ? segment_position_ : unit_position_)));
    return;
  }
  if (stateless && !warned_no_state_) {
    warned_no_state_ = true;
    Warn(Status::BadInput(std::string(v2_ ? "<segment>" : "<target>") +
                          " without a state: taken as translated unless its "
                          "target copies the source (further ones are not "
                          "reported)")
             .At(Where(v2_ ? segment_position_ : target->position)));
  }

  if (queue_size_ == queue_.size()) queue_.emplace_back();
  TmxUnit& unit = queue_[queue_size_++];
  unit.Clear();
  unit.position = v2_ ? segment_position_ : unit_position_;
  unit.attrs.set(TmxAttr::kSrclang, src);
  std::string tuid = unit_id_;
  if (!segment_id.empty()) {
    tuid += '/';
    tuid += segment_id;
  }
  if (!tuid.empty()) unit.attrs.set(TmxAttr::kTuid, tuid);
  unit.meta = notes_;
  if (!original_.empty()) {
    TmxMeta& prop = unit.meta.emplace_back();
    prop.kind = TmxMeta::Kind::kProp;
    prop.type = "x-original";
    prop.value = original_;
  }
  unit.variants.resize(2);
  TmxVariant& s = unit.variants[0];
  s.Clear();
  s.lang.assign(src);
  s.position = source.position;
  BuildXliffVariant(source.pieces, numbers_, s);
  TmxVariant& t = unit.variants[1];
  t.Clear();
  t.lang.assign(trg);
  t.position = target->position;
  BuildXliffVariant(target->pieces, numbers_, t);
}

// --- XliffReader ------------------------------------------------------------

XliffReader::XliffReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XliffReader::~XliffReader() = default;

Result<std::unique_ptr<XliffReader>> XliffReader::Open(
    const std::filesystem::path& path, XliffReaderOptions options) {
  xmlInitParser();
  auto impl = std::make_unique<Impl>(path.string(), std::move(options));
  ONOMA_RETURN_IF_ERROR(impl->OpenFile(path));
  ONOMA_RETURN_IF_ERROR(impl->ReadHeader());
  return std::unique_ptr<XliffReader>(new XliffReader(std::move(impl)));
}

Result<std::unique_ptr<XliffReader>> XliffReader::FromBuffer(
    std::string_view data, std::string name, XliffReaderOptions options) {
  xmlInitParser();
  auto impl = std::make_unique<Impl>(std::move(name), std::move(options));
  impl->UseBuffer(data);
  ONOMA_RETURN_IF_ERROR(impl->ReadHeader());
  return std::unique_ptr<XliffReader>(new XliffReader(std::move(impl)));
}

const TmxHeader& XliffReader::header() const { return impl_->header(); }
const std::string& XliffReader::version() const { return impl_->version(); }
Result<bool> XliffReader::Next(TmxUnit& unit) { return impl_->Next(unit); }
std::uint64_t XliffReader::units_read() const { return impl_->units_read(); }
std::uint64_t XliffReader::units_untranslated() const {
  return impl_->units_untranslated();
}
std::uint64_t XliffReader::units_skipped() const {
  return impl_->units_skipped();
}
std::uint64_t XliffReader::warnings() const { return impl_->warnings(); }
std::uint64_t XliffReader::bytes_read() const { return impl_->bytes_read(); }
std::uint64_t XliffReader::bytes_total() const { return impl_->bytes_total(); }

// --- Format detection -------------------------------------------------------

TmFileFormat DetectTmFileFormat(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (OneOf(ext, {".xlf", ".xliff", ".xlf2", ".sdlxliff", ".mqxliff"})) {
    return TmFileFormat::kXliff;
  }
  if (ext == ".tmx") return TmFileFormat::kTmx;
  // Only a regular file is looked into: the bytes of a FIFO (`<(zcat
  // memory.tmx.gz)`) would be gone for the reader, and opening one waits
  // for its writer.
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return TmFileFormat::kTmx;
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return TmFileFormat::kTmx;
  std::array<char, 4096> buffer;
  const std::size_t size = std::fread(buffer.data(), 1, buffer.size(), file);
  std::fclose(file);
  std::string_view head(buffer.data(), size);
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  // Past the declaration, comments, instructions and a doctype.
  for (;;) {
    const std::size_t lt = head.find('<');
    if (lt == std::string_view::npos || lt + 1 >= head.size()) {
      return TmFileFormat::kTmx;
    }
    head.remove_prefix(lt);
    std::string_view close;
    if (head.starts_with("<?")) {
      close = "?>";
    } else if (head.starts_with("<!--")) {
      close = "-->";
    } else if (head.starts_with("<!")) {
      close = ">";
    } else {
      break;
    }
    const std::size_t end = head.find(close);
    if (end == std::string_view::npos) return TmFileFormat::kTmx;
    head.remove_prefix(end + close.size());
  }
  head.remove_prefix(1);
  std::size_t n = 0;
  while (n < head.size() && head[n] != ' ' && head[n] != '>' &&
         head[n] != '/' && head[n] != '\t' && head[n] != '\n' &&
         head[n] != '\r') {
    ++n;
  }
  std::string_view name = head.substr(0, n);
  const std::size_t colon = name.find(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return name == "xliff" ? TmFileFormat::kXliff : TmFileFormat::kTmx;
}

}  // namespace onoma::formats
