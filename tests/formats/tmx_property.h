// The property the mutation test (tests/formats/tmx_mutation_test.cc) and
// the fuzzer (tests/fuzz/tmx_fuzzer.cc) check on any input whatever:
//   - reading never crashes, hangs or trips a sanitizer;
//   - a refusal names the file and, past the first byte, a line;
//   - what was read, written back with TmxWriter, reads again without a
//     fault to the same header and the same units.

#ifndef ONOMA_TESTS_FORMATS_TMX_PROPERTY_H_
#define ONOMA_TESTS_FORMATS_TMX_PROPERTY_H_

#include <string>
#include <string_view>
#include <vector>

#include "memory/formats/tmx_reader.h"
#include "memory/formats/tmx_writer.h"

namespace onoma::testing {

struct TmxPropertyResult {
  bool accepted = false;
  std::string violation;  // empty when the property holds
};

inline TmxPropertyResult CheckTmxProperty(std::string_view data, bool lenient) {
  using namespace onoma::formats;
  TmxPropertyResult result;
  TmxReaderOptions options;
  options.lenient = lenient;
  options.chunk_size = 257;  // many chunk boundaries on small inputs
  auto check_fault = [&](const Status& status) {
    if (!status.location().has_value()) {
      result.violation = "a refusal without a location: " + status.ToString();
    } else if (status.location()->path != "m.tmx") {
      result.violation = "a refusal naming another file: " + status.ToString();
    } else if (status.location()->line == 0 && !data.empty() &&
               status.code() == StatusCode::kBadInput) {
      result.violation = "a refusal without a line: " + status.ToString();
    }
  };
  auto reader = TmxReader::FromBuffer(data, "m.tmx", options);
  if (!reader.ok()) {
    check_fault(reader.status());
    return result;
  }
  TmxHeader header = (*reader)->header();
  std::vector<TmxUnit> units;
  for (;;) {
    TmxUnit unit;
    auto more = (*reader)->Next(unit);
    if (!more.ok()) {
      check_fault(more.status());
      return result;
    }
    if (!*more) break;
    units.push_back(std::move(unit));
  }
  result.accepted = true;

  std::string written;
  auto writer = TmxWriter::ToString(&written);
  TmxHeader filled = header;
  FillRequiredHeader(filled, {});
  if (!writer->WriteHeader(filled).ok()) {
    result.violation = "cannot write the header";
    return result;
  }
  for (const TmxUnit& unit : units) {
    if (!writer->WriteUnit(unit).ok()) {
      result.violation = "cannot write a unit";
      return result;
    }
  }
  (void)writer->Finish();

  TmxReaderOptions strict;  // what onoma writes must read without fault
  auto again = TmxReader::FromBuffer(written, "m.tmx", strict);
  if (!again.ok()) {
    result.violation =
        "the export does not read back: " + again.status().ToString() + "\n" +
        written;
    return result;
  }
  const TmxHeader& back = (*again)->header();
  if (back.extra != header.extra || back.body != header.body ||
      back.root_extra != header.root_extra) {
    result.violation = "the header changed:\n" + written;
    return result;
  }
  for (std::size_t i = 0;; ++i) {
    TmxUnit unit;
    auto more = (*again)->Next(unit);
    if (!more.ok()) {
      result.violation =
          "the export does not read back: " + more.status().ToString() + "\n" +
          written;
      return result;
    }
    if (!*more) {
      if (i != units.size()) result.violation = "units were lost";
      return result;
    }
    if (i >= units.size() || !unit.SameContent(units[i])) {
      result.violation = "unit " + std::to_string(i) + " changed:\n" + written;
      return result;
    }
  }
}

}  // namespace onoma::testing

#endif  // ONOMA_TESTS_FORMATS_TMX_PROPERTY_H_
