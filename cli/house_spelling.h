// `onoma romanize --house`: names the term store knows, written in their
// preferred English rendering instead of the scheme's spelling.
//
//   auto house = HouseSpelling::Open(options);   // read-only, never creates
//   if (!house.ok()) return Fail("romanize", house.status());
//   std::optional<std::string> latin = house->Find("윤석열", "ko");
//   // "Yoon Suk Yeol" when the store has a concept with the ko form 윤석열
//   // and a preferred en form; nullopt otherwise (the caller romanizes).
//
// docs/korean.md ("House spelling") gives the rules.
//
// Thread safety: one thread, as the Connection it holds.

#ifndef ONOMA_CLI_HOUSE_SPELLING_H_
#define ONOMA_CLI_HOUSE_SPELLING_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "cli/options.h"
#include "lib/util/status.h"

namespace onoma::store {
class Connection;
}

namespace onoma::cli {

class HouseSpelling {
 public:
  // Opens the store that --db, $ONOMA_DB or the default path names, for
  // reading only. When its file does not exist, says so once on stderr
  // and returns a HouseSpelling that knows no name (everything falls back
  // to the scheme): nothing is created. Failure: kDatabase when the file
  // exists but cannot be read as an onoma store (exit 4), kBadArgument for
  // an empty --db.
  [[nodiscard]] static Result<HouseSpelling> Open(const Options& options);

  HouseSpelling(HouseSpelling&&) noexcept;
  HouseSpelling& operator=(HouseSpelling&&) noexcept;
  ~HouseSpelling();

  // The preferred en form (full form) of the first concept that has a
  // term in `lang` equal to `name`, exactly or case-folded; nullopt when
  // there is none. Fuzzy, inflected and romanized matches do not count:
  // a name is only replaced by a rendering the store holds for it.
  // Failure: kDatabase from the store.
  [[nodiscard]] Result<std::optional<std::string>> Find(std::string_view name,
                                                        std::string_view lang);

 private:
  HouseSpelling();

  std::unique_ptr<store::Connection> db_;  // null: no store
  // Answers already given, keyed by lang, a tab and the name; emptied when
  // it holds kMaxCached, so that a long stream keeps bounded memory.
  static constexpr std::size_t kMaxCached = 4096;
  std::unordered_map<std::string, std::optional<std::string>> cache_;
};

}  // namespace onoma::cli

#endif  // ONOMA_CLI_HOUSE_SPELLING_H_
