// The compiled terms as one block of bytes: what Matcher::Compile lays out
// and what a name index on disk (memory/terms/name_index.h) holds, so that
// a command maps the file and scans with it as it is, without a step that
// rebuilds or copies it. For lib/normalize/*.cc only.
//
// Layout, every number in the byte order of the machine that wrote it:
//
//   ImageHeader   magic, byte order, format, fingerprint of the compiler,
//                 size, checksum, store key, the section table
//   sections      each at a multiple of 8 bytes: the automaton's arrays
//                 (automaton_internal.h: root, states, entry bases, far
//                 entries), entries, concepts, preferred forms, language
//                 tags, declension classes, surfaces, one pool of strings
//
// The checksum covers every byte but its own field. ViewImage refuses
// (kBadInput, saying why) an image of another format, compiler or byte
// order, one whose size is not the header's, whose checksum does not add
// up, or whose sections lie outside it: nothing read from a file is
// trusted before it has passed. Asked to (kCheckEveryRecord), it also
// walks every record and refuses indexes that point outside their
// sections. Tested by tests/normalize/compiled_image_test.cc.

#ifndef ONOMA_LIB_NORMALIZE_COMPILED_IMAGE_INTERNAL_H_
#define ONOMA_LIB_NORMALIZE_COMPILED_IMAGE_INTERNAL_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lib/normalize/compiled_terms_internal.h"
#include "lib/normalize/matcher.h"
#include "lib/util/status.h"

namespace onoma::normalize::internal {

enum ImageSection : std::uint32_t {
  kRootSection,       // std::uint32_t[256]
  kStateSection,      // Automaton::State[states + 1]
  kEntryBaseSection,  // std::uint32_t[Automaton::BasesFor(states + 1)]
  kFarEntrySection,   // Automaton::FarEntry[], by state
  kEntrySection,      // Entry[], by the state where their form ends
  kConceptSection,    // ConceptRecord[]
  kPreferredSection,  // PreferredRecord[]
  kLangSection,       // StringRef[]
  kClassSection,      // StringRef[], the first empty
  kSurfaceSection,    // SurfaceRecord[]
  kStringSection,     // char[]
  kSectionCount,
};

struct ImageSectionRef {
  std::uint64_t offset = 0;  // from the start of the image
  std::uint64_t count = 0;   // elements
};

struct ImageHeader {
  std::array<char, 8> magic{};
  std::uint32_t byte_order = 0;  // kByteOrderMark as the writer stored it
  std::uint32_t format = 0;
  std::uint64_t fingerprint = 0;  // CompilerFingerprint()
  std::uint64_t size = 0;         // of the whole image, header included
  std::uint64_t checksum = 0;     // ImageChecksum()
  ImageKey key;
  std::uint64_t max_form_words = 0;
  std::array<ImageSectionRef, kSectionCount> sections{};
};

inline constexpr std::array<char, 8> kImageMagic = {'o', 'n', 'o', 'm',
                                                    'a', 'N', 'I', 'X'};
inline constexpr std::uint32_t kByteOrderMark = 0x01020304;
// Bumped whenever the layout above or of a record changes (5: 8-byte
// states and entries, 20-byte preferred records, declension classes kept
// once; 6: 6-byte entries).
inline constexpr std::uint32_t kImageFormat = 6;

// A hash of the sources and tables the compiler is made of (generated at
// build time): an image made by another build of onoma may hold other
// forms for the same store, and is not used.
std::uint64_t CompilerFingerprint();

// What Matcher::Compile has gathered, before it is laid out.
struct ImageParts {
  const Automaton::Arrays* automaton = nullptr;
  const std::vector<Entry>* entries = nullptr;
  const std::vector<ConceptRecord>* concepts = nullptr;
  const std::vector<PreferredRecord>* preferred = nullptr;
  const std::vector<StringRef>* langs = nullptr;
  const std::vector<StringRef>* classes = nullptr;
  const std::vector<SurfaceRecord>* surfaces = nullptr;
  const std::string* strings = nullptr;
  std::size_t max_form_words = 0;
};

// The image of `parts`, stamped with `key`.
std::string BuildImage(const ImageParts& parts, const ImageKey& key);

// Rewrites the key (and so the checksum) of an image BuildImage made.
void StampImage(std::string& image, const ImageKey& key);

// What ViewImage checks before it reads an image.
enum class ImageTrust {
  // Nothing: an image this process has just built.
  kBuiltHere,
  // The header and the sections' bounds: bytes that passed the checksum
  // before and have not changed since.
  kCheckHeader,
  // The header, the checksum and the sections' bounds (the normal open of
  // an index file; see ViewImage for why the records are not walked).
  kCheckChecksum,
  // All that and every record, the string pool's UTF-8 and the automaton.
  kCheckEveryRecord,
};

// Points `out`'s views into `bytes` (which must stay put and outlive `out`;
// `out.storage` is left to the caller), after the checks `trust` asks for,
// as the comment at the top says. Returns the image's key.
// `progress`, when given, hears how far the checksum has read (see
// Matcher::FromImage).
Result<ImageKey> ViewImage(std::string_view bytes, ImageTrust trust,
                           CompiledTerms& out,
                           const ImageReadProgress& progress = {});

// The checksum of an image: a 64-bit hash of every byte but the checksum
// field. Not cryptographic: it catches damage, not forgery.
// `progress`, when given, is called as the hash goes, with the offset up to
// which the image has been read.
std::uint64_t ImageChecksum(std::string_view image,
                            const ImageReadProgress& progress = {});

}  // namespace onoma::normalize::internal

#endif  // ONOMA_LIB_NORMALIZE_COMPILED_IMAGE_INTERNAL_H_
