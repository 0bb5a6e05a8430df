// Reads the gold alignment files of tests/data/segment/ (their README
// gives the format) for the segmentation and alignment tests and the
// benchmark.

#ifndef ONOMA_TESTS_SEGMENT_GOLD_CORPUS_H_
#define ONOMA_TESTS_SEGMENT_GOLD_CORPUS_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "lib/segment/aligner.h"
#include "lib/segment/document.h"

namespace onoma::testing {

struct GoldPassage {
  std::string name;  // "en-uk/01-snow.txt"
  segment::Document source;
  segment::Document target;
  std::vector<segment::Bead> beads;
  // The paragraphs as plain text, one per line, for the segmenter.
  std::string source_text;
  std::string target_text;
};

inline std::vector<std::string> SplitSide(const std::string& side) {
  std::vector<std::string> out;
  if (side.empty()) return out;
  const std::string separator = " \u00A6 ";
  std::size_t begin = 0;
  for (std::size_t at; (at = side.find(separator, begin)) != std::string::npos;
       begin = at + separator.size()) {
    out.push_back(side.substr(begin, at - begin));
  }
  out.push_back(side.substr(begin));
  return out;
}

// Parses one gold file. Returns false (and sets `error`) on a malformed line.
inline bool ParseGold(const std::string& contents, GoldPassage& passage,
                      std::string& error) {
  std::uint32_t paragraph = 0;
  bool in_paragraph = false;
  std::string source_line, target_line;
  auto end_paragraph = [&] {
    if (!in_paragraph) return;
    passage.source_text += source_line + "\n";
    passage.target_text += target_line + "\n";
    source_line.clear();
    target_line.clear();
    ++paragraph;
    in_paragraph = false;
  };
  std::size_t begin = 0;
  int number = 0;
  while (begin < contents.size()) {
    std::size_t end = contents.find('\n', begin);
    if (end == std::string::npos) end = contents.size();
    std::string line = contents.substr(begin, end - begin);
    begin = end + 1;
    ++number;
    if (!line.empty() && line[0] == '#') continue;
    if (line.empty()) {
      end_paragraph();
      continue;
    }
    std::size_t tab = line.find('\t');
    if (tab == std::string::npos ||
        line.find('\t', tab + 1) != std::string::npos) {
      error = passage.name + ":" + std::to_string(number) + ": need one tab";
      return false;
    }
    std::vector<std::string> s = SplitSide(line.substr(0, tab));
    std::vector<std::string> t = SplitSide(line.substr(tab + 1));
    if ((s.empty() && t.empty()) || s.size() > 2 || t.size() > 2) {
      error = passage.name + ":" + std::to_string(number) + ": bad bead";
      return false;
    }
    segment::Bead bead;
    bead.source_begin = static_cast<std::uint32_t>(passage.source.size());
    bead.source_count = static_cast<std::uint32_t>(s.size());
    bead.target_begin = static_cast<std::uint32_t>(passage.target.size());
    bead.target_count = static_cast<std::uint32_t>(t.size());
    passage.beads.push_back(bead);
    for (std::string& x : s) {
      source_line += (source_line.empty() ? "" : " ") + x;
      passage.source.Add(std::move(x), paragraph);
    }
    for (std::string& x : t) {
      target_line += (target_line.empty() ? "" : " ") + x;
      passage.target.Add(std::move(x), paragraph);
    }
    in_paragraph = true;
  }
  end_paragraph();
  return true;
}

// Every passage of one language pair ("en-uk"), sorted by file name.
inline std::vector<GoldPassage> LoadGold(const std::string& data_dir,
                                         const std::string& pair,
                                         std::string& error) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(data_dir) / pair)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<GoldPassage> out;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string contents((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
    GoldPassage passage;
    passage.name = pair + "/" + file.filename().string();
    if (!ParseGold(contents, passage, error)) return {};
    out.push_back(std::move(passage));
  }
  return out;
}

}  // namespace onoma::testing

#endif  // ONOMA_TESTS_SEGMENT_GOLD_CORPUS_H_
