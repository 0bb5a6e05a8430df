// onoma segment: sentences out of wire copy, and a report aligned with its
// translation sentence by sentence. The front door of lib/segment.
//
//   #include "lib/segment/segment.h"
//   namespace segment = onoma::segment;
//
// 1. Cut text into sentences (sentence_splitter.h). ICU's rules plus the
//    language's exception table in tables/segment/ (rules.h): titles and
//    abbreviations, initials, quotations that go on after their closing
//    mark, datelines on their own. One splitter per thread.
//
//   auto splitter = segment::SentenceSplitter::Create("en");
//   if (!splitter.ok()) return splitter.status();
//   for (const segment::SentenceSpan& s : splitter->Split(text)) {
//     Print(s.In(text));   // "SEOUL, Nov. 27 (Yonhap) --", "Mr. Kim ..."
//   }
//
// 2. Or with a CAT tool's SRX 2.0 rules (srx.h; the XML is read by
//    memory/formats/srx_reader.h):
//
//   auto splitter = segment::SentenceSplitter::CreateFromSrx(rules, "uk");
//
// 3. Align a document with its translation (aligner.h): Gale-Church
//    dynamic programming on lengths, anchors (anchors.h: numbers, dates,
//    names from an AnchorSource such as the term store), paragraphs.
//
//   segment::Document en = segment::SegmentDocument(en_text, *en_splitter);
//   segment::Document uk = segment::SegmentDocument(uk_text, *uk_splitter);
//   segment::AlignOptions options;
//   options.source_lang = "en";
//   options.target_lang = "uk";
//   auto beads = segment::Align(en, uk, options);
//   for (const segment::Bead& b : *beads) { ... b.confidence ... }
//
// Failures are onoma::Status values (lib/util/status.h); nothing here
// throws. docs/segment.md describes the rules, the table format, SRX
// support, the alignment model and its measured precision and recall.

#ifndef ONOMA_LIB_SEGMENT_SEGMENT_H_
#define ONOMA_LIB_SEGMENT_SEGMENT_H_

#include "lib/segment/aligner.h"
#include "lib/segment/anchors.h"
#include "lib/segment/document.h"
#include "lib/segment/rules.h"
#include "lib/segment/sentence_splitter.h"
#include "lib/segment/srx.h"

#endif  // ONOMA_LIB_SEGMENT_SEGMENT_H_
