// Whole-file reads and writes for tests that check what a command left on
// disk, byte for byte.

#ifndef ONOMA_TESTS_SUPPORT_FILES_H_
#define ONOMA_TESTS_SUPPORT_FILES_H_

#include <fstream>
#include <iterator>
#include <string>

namespace onoma::testing {

// The file's bytes; empty when it cannot be read.
inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

// Replaces the file's contents with `contents`, as given.
inline void Write(const std::string& path, const std::string& contents) {
  std::ofstream(path, std::ios::binary) << contents;
}

}  // namespace onoma::testing

#endif  // ONOMA_TESTS_SUPPORT_FILES_H_
