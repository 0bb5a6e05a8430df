// TableScheme: the engine behind every alphabetic scheme in tables/romanize/.
//
//   auto spec = ParseTable(text, "tables/romanize/uk-kmu2010.txt");
//   auto scheme = TableScheme::Create(std::move(*spec));
//   (*scheme)->Romanize("Згорани");  // "Zghorany"
//
// How text is read: the input is brought to NFC, then split into words (runs
// of letters and combining marks; the table's word-chars such as the
// Ukrainian apostrophe count inside a word when letters stand on both
// sides). Within a word the longest rule whose source matches and whose
// conditions hold is applied; characters no rule covers are copied.
//
// Case: sources match in any case. A word whose letters are all capitals
// (two or more of them, or a lone capital beside such a word) is written in
// capitals: ЩУКА → SHCHUKA. Elsewhere a capital letter gives the title form
// of its rule's output (Щука → Shchuka) and a small letter the lower form.
//
// Why hand-written rather than an icu::Transliterator built from rules: the
// positional rules are few and fixed (word-initial, after, before), and a
// first-letter index over precomputed outputs runs many times faster than
// ICU's general rule engine (bench/romanize_bench.cc measures both).
//
// Thread safety: immutable after Create(); all methods are const and may be
// called from many threads at once.

#ifndef ONOMA_LIB_ROMANIZE_TABLE_SCHEME_H_
#define ONOMA_LIB_ROMANIZE_TABLE_SCHEME_H_

#include <memory>
#include <string>
#include <string_view>

#include "lib/romanize/scheme.h"
#include "lib/romanize/table.h"

namespace onoma::romanize {

namespace internal {
class TableMatcher;  // one direction of a table, compiled (table_matcher.cc)
}  // namespace internal

class TableScheme final : public Scheme {
 public:
  // Compiles a parsed table. Fails with kBadInput (naming the table's file
  // and the rule's line) when a rule can never apply or a reversible table
  // has a target that no reverse rule reads back.
  static Result<std::unique_ptr<TableScheme>> Create(TableSpec spec);

  ~TableScheme() override;

  std::string_view id() const override { return spec_.id; }
  std::string_view description() const override { return spec_.title; }
  text::Script script() const override { return spec_.script; }
  bool reversible() const override { return spec_.reversible; }

  std::string Romanize(std::string_view text,
                       const RomanizeOptions& options = {}) const override;
  Result<std::string> Deromanize(std::string_view text) const override;

  bool RomanizeCheckedTo(std::string_view text, const RomanizeOptions& options,
                         std::string& out) const override;
  void RomanizeTo(std::string_view text, const RomanizeOptions& options,
                  std::string& out) const override;

 private:
  explicit TableScheme(TableSpec spec);

  TableSpec spec_;
  std::unique_ptr<internal::TableMatcher> forward_;
  std::unique_ptr<internal::TableMatcher> reverse_;  // null unless reversible
};

}  // namespace onoma::romanize

#endif  // ONOMA_LIB_ROMANIZE_TABLE_SCHEME_H_
