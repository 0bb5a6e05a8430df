// A document cut into paragraphs and sentences: what the aligner reads.
//
//   auto splitter = segment::SentenceSplitter::Create("en");
//   segment::Document doc = segment::SegmentDocument(text, *splitter);
//   doc.sentences[3];   // "The talks resumed on Monday."
//   doc.paragraph[3];   // 1: the sentence is in the second paragraph
//
// Each non-empty line is a paragraph (wire copy keeps one paragraph per
// line, and a headline or dateline on its own line is a paragraph of its
// own); blank lines only separate.
//
// Values; thread-safe as std::vector is.

#ifndef ONOMA_LIB_SEGMENT_DOCUMENT_H_
#define ONOMA_LIB_SEGMENT_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lib/segment/sentence_splitter.h"

namespace onoma::segment {

struct Document {
  std::vector<std::string> sentences;
  // paragraph[i]: the paragraph of sentences[i], counting from 0,
  // non-decreasing.
  std::vector<std::uint32_t> paragraph;

  // Appends a sentence to paragraph `p`. REQUIRES: p >= the last one.
  void Add(std::string sentence, std::uint32_t p) {
    sentences.push_back(std::move(sentence));
    paragraph.push_back(p);
  }
  std::size_t size() const { return sentences.size(); }
};

// Cuts `text` into sentences, numbering paragraphs by non-empty lines. A
// byte-order mark at the start is skipped. REQUIRES: valid UTF-8.
Document SegmentDocument(std::string_view text, SentenceSplitter& splitter);

}  // namespace onoma::segment

#endif  // ONOMA_LIB_SEGMENT_DOCUMENT_H_
