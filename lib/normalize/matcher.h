// Matcher: the term store's forms compiled for finding names in text.
//
//   normalize::Input input = ...;                 // lib/normalize/input.h
//   onoma::Result<normalize::Matcher> matcher = normalize::Matcher::Compile(
//       input);
//   if (!matcher.ok()) return matcher.status();
//   // then one DocumentNormalizer per document (lib/normalize/document.h)
//
// Every form of every concept goes in, preferred ones too (so that a
// longer preferred name shields a variant inside it: "Dnipropetrovsk
// Oblast"), with the Ukrainian forms declined (lib/normalize/declension.h)
// and the negative contexts. All are case-folded NFC and compiled into one
// trie, walked from each place where a name can start, so that scanning
// costs the same whatever the number of terms.
//
// Failure: kBadInput when a form is not valid UTF-8, or a term names a
// declension class the table lacks; kInternal when a compiled-in table is
// broken or ICU's word rules are missing.
//
// The compiled data is one block of bytes (an image) that the matcher reads
// in place, so that it can be kept on disk and mapped by the next run
// instead of compiled again (memory/terms/name_index.h does so beside the
// term store):
//
//   std::string bytes = matcher->Image(key);   // write it to a file
//   ...
//   auto mapped = normalize::Matcher::FromImage(view, owner, key);
//   // kBadInput: truncated, damaged, of another build or byte order;
//   // kNotFound: the image of another store or version of it
//
// Thread safety: a Matcher is immutable; copies share the compiled data,
// and any number of DocumentNormalizers on any threads may use it.

#ifndef ONOMA_LIB_NORMALIZE_MATCHER_H_
#define ONOMA_LIB_NORMALIZE_MATCHER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "lib/normalize/input.h"
#include "lib/util/status.h"

namespace onoma::normalize {

namespace internal {
struct CompiledTerms;
}  // namespace internal

// What a compiled image is stamped with: the store it was compiled from
// and the version of that store's terms.
struct ImageKey {
  std::uint64_t version = 0;
  std::array<unsigned char, 16> store{};
  bool operator==(const ImageKey&) const = default;
};

// Told, as the checksum reads an image from its start, the offset up to
// which it has read every byte (every megabyte or so): the owner of a
// mapped file can let go of those pages as it goes (memory/terms/
// name_index.cc), so that they never all count in the resident memory.
using ImageReadProgress = std::function<void(std::size_t read_up_to)>;

// How much of an image Matcher::FromImage checks before reading it.
enum class ImageChecks {
  // The header (magic, byte order, format, build of onoma, size) and the
  // bounds of every section, without the checksum: for bytes known to be
  // those a check with the checksum passed before (a file unchanged since,
  // memory/terms/name_index.h). Reads a page or two of the image.
  kHeader,
  // The header (magic, byte order, format, build of onoma, size), the
  // checksum over every byte and the bounds of every section: what an
  // index file beside the database gets at every start. Reads the image
  // once; the records are then trusted, since an image that passes is
  // byte for byte what this build wrote after compiling it.
  kChecksum,
  // All that, and every record's bounds, the string pool's UTF-8 and the
  // automaton's arrays, each walked in full: for an image whose checksum
  // may have been made to add up over damaged records (tests, fuzzers).
  kEveryRecord,
};

class Matcher {
 public:
  [[nodiscard]] static Result<Matcher> Compile(const Input& input);

  // A Matcher that reads `image` where it is, once it has checked that it
  // is whole (size, checksum), made by this build of onoma on a machine of
  // this byte order, and that its sections lie inside it; with
  // kEveryRecord, also that every index in every record stays in bounds.
  // kBadInput saying what is wrong when not. kNotFound when its key is
  // not `expected` (a stale image). `owner` keeps the bytes alive for as
  // long as the Matcher or a copy of it lives. Linear in the image's size
  // (one pass of the checksum; kEveryRecord walks the records too), which
  // `progress`, when given, hears about; kHeader reads the header alone.
  [[nodiscard]] static Result<Matcher> FromImage(
      std::string_view image, std::shared_ptr<const void> owner,
      const ImageKey& expected, ImageChecks checks = ImageChecks::kChecksum,
      const ImageReadProgress& progress = {});

  // The compiled data as bytes stamped with `key`, to keep (FromImage
  // reads them back); a copy of what the Matcher reads.
  std::string Image(const ImageKey& key) const;
  // Bytes of the image.
  std::size_t image_size() const;

  // Concepts compiled in.
  std::size_t concept_count() const;
  // Distinct folded forms in the automaton (inflected forms included).
  std::size_t pattern_count() const;
  // States of the automaton.
  std::size_t state_count() const;
  // Approximate bytes held by the compiled data.
  std::size_t MemoryBytes() const;

  const internal::CompiledTerms& compiled() const { return *compiled_; }

 private:
  // FromImage, with the checks only when `checks` is given (not for
  // Compile's own image), and the key only when `expected` is given.
  static Result<Matcher> FromBytes(std::string_view image,
                                   std::shared_ptr<const void> owner,
                                   const ImageChecks* checks,
                                   const ImageKey* expected,
                                   const ImageReadProgress& progress = {});
  explicit Matcher(std::shared_ptr<const internal::CompiledTerms> compiled,
                   std::string_view image)
      : compiled_(std::move(compiled)), image_(image) {}
  std::shared_ptr<const internal::CompiledTerms> compiled_;
  std::string_view image_;  // in compiled_->storage
};

}  // namespace onoma::normalize

#endif  // ONOMA_LIB_NORMALIZE_MATCHER_H_
