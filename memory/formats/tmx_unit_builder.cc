// TmxUnitBuilder: a unit assembled from its elements as TmxReader meets
// them (tmx_unit_builder_internal.h).
//
// Tested by tests/formats/tmx_reader_test.cc, tmx_corpus_test.cc and
// tmx_mutation_test.cc.

#include "lib/text/utf8.h"
#include "memory/formats/tmx_unit_builder_internal.h"

namespace onoma::formats {

// --- Units and variants -----------------------------------------------------

TmxUnit& TmxUnitBuilder::StartUnit() {
  ++units_read_;
  in_unit_ = true;
  current_.Clear();
  current_.position = input_.TagPosition();
  variant_count_ = 0;
  variant_ = nullptr;
  meta_ = nullptr;
  unit_fault_ = Status::Ok();
  return current_;
}

void TmxUnitBuilder::EndUnit() {
  in_unit_ = false;
  if (variant_count_ == 0) {
    UnitFault(Status::BadInput("<tu> has no <tuv>")
                  .At(input_.Where(current_.position)));
  }
  if (!input_.fault().ok()) return;  // strict: the read ends here
  current_.variants.resize(variant_count_);
  if (!unit_fault_.ok()) {
    if (!input_.lenient()) {
      input_.Fault(std::move(unit_fault_));
      return;
    }
    ++units_skipped_;
    input_.Warn(
        Status::BadInput(unit_fault_.message() + "; unit skipped (--lenient)")
            .At(*unit_fault_.location()));
    unit_fault_ = Status::Ok();
    return;
  }
  if (queue_size_ == queue_.size()) queue_.emplace_back();
  std::swap(queue_[queue_size_++], current_);
}

void TmxUnitBuilder::UnitFault(Status status) {
  // Strict: the first fault ends the read where it is, so that it is the
  // one reported. Lenient: the unit is skipped at its end.
  if (!input_.lenient()) {
    input_.Fault(std::move(status));
    return;
  }
  if (unit_fault_.ok()) unit_fault_ = std::move(status);
}

TmxVariant& TmxUnitBuilder::StartVariant() {
  if (variant_count_ < current_.variants.size()) {
    variant_ = &current_.variants[variant_count_];
    variant_->Clear();
  } else {
    variant_ = &current_.variants.emplace_back();
  }
  ++variant_count_;
  variant_->position = input_.TagPosition();
  segs_ = 0;
  return *variant_;
}

void TmxUnitBuilder::EndVariant() {
  if (segs_ == 0) {
    UnitFault(Status::BadInput("<tuv> has no <seg>")
                  .At(input_.Where(variant_->position)));
  }
  meta_ = nullptr;
}

TmxMeta& TmxUnitBuilder::StartMeta(bool of_variant) {
  meta_ = &(of_variant ? variant_->meta : current_.meta).emplace_back();
  return *meta_;
}

// --- Segments ---------------------------------------------------------------

void TmxUnitBuilder::StartSeg() {
  ++segs_;
  seg_position_ = input_.TagPosition();
  if (segs_ > 1) {
    UnitFault(Status::BadInput("<tuv> has a second <seg>")
                  .At(input_.Where(input_.TagPosition())));
  }
  variant_->markup.clear();
  variant_->text.clear();
  variant_->skeleton.clear();
  variant_->has_codes = false;
  variant_->has_markup = false;
  code_depth_ = 0;
  open_bpts_.clear();
}

void TmxUnitBuilder::EndSeg() {
  // Tags and instructions add to the markup outside AppendText.
  if (!CheckSegSize(variant_->markup.size())) return;
  for (const std::string& i : open_bpts_) {
    input_.WarnOnce("unpaired-bpt",
                    Status::BadInput("<bpt i=\"" + i +
                                     "\"> has no matching <ept> in its "
                                     "segment (such faults are reported once)")
                        .At(input_.Where(variant_->position)));
  }
  open_bpts_.clear();
}

void TmxUnitBuilder::AppendText(std::string_view text) {
  if (variant_->has_markup) AppendEscapedText(text, variant_->markup);
  if (code_depth_ == 0) {
    variant_->text.append(text);
    if (variant_->has_codes) variant_->skeleton.append(text);
  }
  CheckSegSize(variant_->has_markup ? variant_->markup.size()
                                    : variant_->text.size());
}

bool TmxUnitBuilder::CheckSegSize(std::size_t bytes) {
  return input_.CheckSize(bytes, "<seg>", seg_position_);
}

void TmxUnitBuilder::BeginMarkup() {
  if (variant_->has_markup) return;
  variant_->has_markup = true;
  variant_->markup.clear();
  AppendEscapedText(variant_->text, variant_->markup);
}

void TmxUnitBuilder::AppendSkeleton(char32_t placeholder) {
  if (!variant_->has_codes) {
    variant_->has_codes = true;
    variant_->skeleton.assign(variant_->text);
  }
  text::AppendUtf8(variant_->skeleton, placeholder);
}

// --- Inline elements --------------------------------------------------------

void TmxUnitBuilder::OpenCode(TmxName name, std::string_view i,
                              std::string_view pos) {
  if (code_depth_++ != 0) return;  // inside a code: its content is code
  switch (name) {
    case TmxName::kBpt:
      AppendSkeleton(kSkeletonBpt);
      if (i.empty()) break;
      for (const std::string& open : open_bpts_) {
        if (open != i) continue;
        input_.WarnOnce(
            "duplicate-bpt",
            Status::BadInput("<bpt i=\"" + std::string(i) +
                             "\"> while another with that i is open "
                             "(such faults are reported once)")
                .At(input_.Where(input_.TagPosition())));
      }
      open_bpts_.emplace_back(i);
      break;
    case TmxName::kEpt: {
      AppendSkeleton(kSkeletonEpt);
      bool matched = false;
      for (auto it = open_bpts_.begin(); it != open_bpts_.end(); ++it) {
        if (*it == i) {
          open_bpts_.erase(it);
          matched = true;
          break;
        }
      }
      if (!matched) {
        input_.WarnOnce(
            "unpaired-ept",
            Status::BadInput("<ept i=\"" + std::string(i) +
                             "\"> has no <bpt> before it in its segment "
                             "(such faults are reported once)")
                .At(input_.Where(input_.TagPosition())));
      }
      break;
    }
    case TmxName::kIt:
      AppendSkeleton(pos == "end" ? kSkeletonItEnd : kSkeletonItBegin);
      break;
    case TmxName::kPh:
      AppendSkeleton(kSkeletonPh);
      break;
    default:
      AppendSkeleton(kSkeletonUt);
      break;
  }
}

bool TmxUnitBuilder::OpenHi() {
  if (code_depth_ != 0) return false;
  AppendSkeleton(kSkeletonHiStart);
  return true;
}

void TmxUnitBuilder::CloseInline(bool code, bool skeleton_hi) {
  if (code) --code_depth_;
  if (skeleton_hi) AppendSkeleton(kSkeletonHiEnd);
}

}  // namespace onoma::formats
