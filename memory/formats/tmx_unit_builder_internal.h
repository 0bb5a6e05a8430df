// TmxUnitBuilder: the part of TmxReader that assembles a unit from its
// elements (<tu>, <tuv>, <seg> and the notes and props of both), keeps the
// segment's text, skeleton and canonical markup (docs/tm.md, "What is
// kept"), pairs <bpt> with <ept>, and queues the units completed by one
// chunk of input. TmxReader::Impl (tmx_reader_internal.h) calls it as the
// SAX events arrive. Not thread-safe; one per reader.

#ifndef ONOMA_MEMORY_FORMATS_TMX_UNIT_BUILDER_INTERNAL_H_
#define ONOMA_MEMORY_FORMATS_TMX_UNIT_BUILDER_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lib/util/status.h"
#include "memory/formats/tmx_model.h"
#include "memory/formats/tmx_names_internal.h"
#include "memory/formats/xml_sax_reader_internal.h"

namespace onoma::formats {

class TmxUnitBuilder {
 public:
  // `input` reports faults and warnings and gives positions; it must
  // outlive the builder.
  explicit TmxUnitBuilder(XmlSaxReader& input) : input_(input) {}

  // --- Units. StartUnit returns the unit whose attributes are read next.
  TmxUnit& StartUnit();
  // Queues the unit, or skips it (lenient) or faults (strict) when it was
  // found bad.
  void EndUnit();
  bool in_unit() const { return in_unit_; }
  // A fault of the unit being read: strict, the read ends here, so that it
  // is the one reported; lenient, the unit is skipped at its end.
  void UnitFault(Status status);

  // --- Variants and their segment.
  TmxVariant& StartVariant();
  void EndVariant();
  // The unit being read. REQUIRES: inside <tu>.
  TmxUnit& unit() { return current_; }
  // The variant being read. REQUIRES: inside <tuv>.
  TmxVariant& variant() { return *variant_; }
  void StartSeg();
  void EndSeg();
  // Text of the segment: into the text, the skeleton (outside codes) and
  // the markup once it is kept.
  void AppendText(std::string_view text);
  // Faults when the segment has grown past kMaxSegmentBytes; false then.
  bool CheckSegSize(std::size_t bytes);
  // Most segments are plain text, whose markup is just the escaped text:
  // markup is built only from the first element, comment or processing
  // instruction on, starting from the text read so far (all of it plain,
  // since no code has opened yet).
  void BeginMarkup();
  // An inline element opens: a native code (bpt, ept, it, ph, ut, with
  // its i and pos) or <hi>, with their placeholders in the skeleton.
  // OpenHi returns whether <hi> added one (CloseInline closes it then).
  void OpenCode(TmxName name, std::string_view i, std::string_view pos);
  bool OpenHi();
  void CloseInline(bool code, bool skeleton_hi);

  // --- Notes and props of the unit (`of_variant` false) or variant.
  TmxMeta& StartMeta(bool of_variant);
  void EndMeta() { meta_ = nullptr; }
  // The note or prop being read, or nullptr.
  TmxMeta* meta() { return meta_; }

  // --- The queue of completed units.
  bool HasQueued() const { return queue_head_ != queue_size_; }
  void ClearQueue() { queue_head_ = queue_size_ = 0; }
  // REQUIRES: HasQueued().
  void Pop(TmxUnit& unit) { std::swap(unit, queue_[queue_head_++]); }

  std::uint64_t units_read() const { return units_read_; }
  std::uint64_t units_skipped() const { return units_skipped_; }

 private:
  void AppendSkeleton(char32_t placeholder);

  XmlSaxReader& input_;

  std::vector<TmxUnit> queue_;
  std::size_t queue_head_ = 0;
  std::size_t queue_size_ = 0;

  // The unit being read, swapped into the queue when complete.
  TmxUnit current_;
  bool in_unit_ = false;  // between <tu> and </tu>
  std::size_t variant_count_ = 0;
  TmxVariant* variant_ = nullptr;
  TmxMeta* meta_ = nullptr;
  Status unit_fault_;
  int segs_ = 0;
  TmxPosition seg_position_;  // of the <seg> start tag
  int code_depth_ = 0;
  std::vector<std::string> open_bpts_;

  std::uint64_t units_read_ = 0;
  std::uint64_t units_skipped_ = 0;
};

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_TMX_UNIT_BUILDER_INTERNAL_H_
