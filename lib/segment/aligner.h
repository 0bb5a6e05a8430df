// Sentence alignment of a document with its translation, in the manner of
// Gale and Church (1993): dynamic programming over beads of 1-1, 1-0, 0-1,
// 2-1, 1-2 and 2-2 sentences, scored by how well their lengths in
// characters agree, strengthened by anchors both sides share (numbers,
// dates, names: anchors.h) and by paragraph boundaries.
//
//   auto en = segment::SentenceSplitter::Create("en");
//   auto uk = segment::SentenceSplitter::Create("uk");
//   segment::Document source = segment::SegmentDocument(en_text, *en);
//   segment::Document target = segment::SegmentDocument(uk_text, *uk);
//   segment::AlignOptions options;
//   options.source_lang = "en";
//   options.target_lang = "uk";
//   auto beads = segment::Align(source, target, options);
//   if (!beads.ok()) return beads.status();
//   for (const segment::Bead& b : *beads) {
//     // source.sentences[b.source_begin .. +b.source_count) translate
//     // target.sentences[b.target_begin .. +b.target_count);
//     // b.confidence in [0, 1].
//   }
//
// The beads cover both documents in order, each sentence in exactly one
// bead. A bead's confidence is its posterior probability under the model:
// the share of all alignments, weighted by their probability, that contain
// this bead (forward-backward over the same lattice). docs/segment.md gives
// the costs and the measured precision and recall.
//
// Paragraphs: when both documents have as many paragraphs and their
// lengths agree, each paragraph is aligned with its counterpart alone (a
// hard barrier); otherwise a bead that joins sentences of two paragraphs
// costs more (a soft one).
//
// Speed: the lattice is searched within a band around its diagonal, which
// is widened and the search repeated when the best path touches its edge;
// time and memory grow with sentences x band, not sentences squared.
//
// Thread safety: Align() is a pure function of its arguments; it calls the
// AnchorSource from the calling thread only.

#ifndef ONOMA_LIB_SEGMENT_ALIGNER_H_
#define ONOMA_LIB_SEGMENT_ALIGNER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "lib/segment/anchors.h"
#include "lib/segment/document.h"
#include "lib/util/status.h"

namespace onoma::segment {

// Sentences [source_begin, source_begin + source_count) of the source and
// [target_begin, target_begin + target_count) of the target translate each
// other. A count of 0 is an omitted (1-0) or added (0-1) sentence.
struct Bead {
  std::uint32_t source_begin = 0;
  std::uint32_t source_count = 0;
  std::uint32_t target_begin = 0;
  std::uint32_t target_count = 0;
  double confidence = 0;  // 0..1

  bool operator==(const Bead& o) const {
    return source_begin == o.source_begin && source_count == o.source_count &&
           target_begin == o.target_begin && target_count == o.target_count;
  }
};

struct AlignOptions {
  std::string source_lang = "en";  // BCP 47, for the anchors
  std::string target_lang = "uk";
  // Anchors; not owned, must outlive Align(). Default (null): numbers,
  // months and weekdays only (NumberAnchors).
  const AnchorSource* anchors = nullptr;
  // Initial half-width of the search band around the line from the first
  // sentences to the last, in sentences. Default 0: 40. The band doubles
  // whenever the best path touches its edge.
  std::size_t band = 0;
  // Whether paragraph boundaries guide alignment at all.
  bool paragraphs = true;
};

// Aligns `source` with `target`. Empty documents give no beads; one empty
// side gives all 1-0 or 0-1 beads, each of confidence 0. kBadArgument when a
// document has 2^31 sentences or more, or its paragraph numbers decrease.
[[nodiscard]] Result<std::vector<Bead>> Align(const Document& source,
                                              const Document& target,
                                              const AlignOptions& options);

}  // namespace onoma::segment

#endif  // ONOMA_LIB_SEGMENT_ALIGNER_H_
