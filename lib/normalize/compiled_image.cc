#include <algorithm>
#include <cstring>
#include <limits>
#include <type_traits>

#include "lib/normalize/compiled_image_internal.h"
#include "lib/text/utf8.h"

namespace onoma::normalize::internal {
namespace {

constexpr std::size_t kAlign = 8;

std::size_t AlignUp(std::size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }

constexpr std::size_t kChecksumAt = offsetof(ImageHeader, checksum);

// Four lanes of 64-bit multiply-rotate over 32-byte blocks, as xxHash64
// mixes, then the tail a byte at a time: several GB/s, so that checking a
// 100 MB image costs a few tens of milliseconds.
constexpr std::uint64_t kP1 = 0x9E3779B185EBCA87ULL;
constexpr std::uint64_t kP2 = 0xC2B2AE3D27D4EB4FULL;
constexpr std::uint64_t kP3 = 0x165667B19E3779F9ULL;

std::uint64_t Rotl(std::uint64_t x, int r) {
  return (x << r) | (x >> (64 - r));
}

std::uint64_t Round(std::uint64_t acc, std::uint64_t word) {
  return Rotl(acc + word * kP2, 31) * kP1;
}

std::uint64_t Load64(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

// Bytes hashed between two calls of the progress callback.
constexpr std::size_t kProgressStep = std::size_t{1} << 20;

// `progress`, when given, is called with the offset (from `data`, plus
// `base`) up to which every byte has been read, each kProgressStep bytes.
std::uint64_t Hash(std::string_view data, std::uint64_t seed,
                   const ImageReadProgress* progress = nullptr,
                   std::size_t base = 0) {
  std::uint64_t lanes[4] = {seed + kP1 + kP2, seed + kP2, seed, seed - kP1};
  const char* p = data.data();
  const char* end = p + data.size();
  while (end - p >= 32) {
    const std::size_t blocks =
        std::min<std::size_t>((end - p) / 32, kProgressStep / 32);
    for (const char* stop = p + blocks * 32; p != stop; p += 32) {
      lanes[0] = Round(lanes[0], Load64(p));
      lanes[1] = Round(lanes[1], Load64(p + 8));
      lanes[2] = Round(lanes[2], Load64(p + 16));
      lanes[3] = Round(lanes[3], Load64(p + 24));
    }
    if (progress != nullptr && *progress) {
      (*progress)(base + static_cast<std::size_t>(p - data.data()));
    }
  }
  std::uint64_t h = Rotl(lanes[0], 1) + Rotl(lanes[1], 7) + Rotl(lanes[2], 12) +
                    Rotl(lanes[3], 18) + data.size();
  for (; end - p >= 8; p += 8)
    h = Rotl(h ^ Round(0, Load64(p)), 27) * kP1 + kP3;
  for (; p != end; ++p) {
    h = Rotl(h ^ (static_cast<unsigned char>(*p) * kP3), 11) * kP1;
  }
  h ^= h >> 33;
  h *= kP2;
  h ^= h >> 29;
  h *= kP3;
  return h ^ (h >> 32);
}

// Appends `items` at the next aligned offset and records where.
template <typename T>
void Put(std::string& image, ImageHeader& header, ImageSection section,
         const T* items, std::size_t count) {
  static_assert(std::is_trivially_copyable_v<T>);
  image.resize(AlignUp(image.size()), '\0');
  header.sections[section] = {image.size(), count};
  image.append(reinterpret_cast<const char*>(items), count * sizeof(T));
}

template <typename T>
void Put(std::string& image, ImageHeader& header, ImageSection section,
         const std::vector<T>& items) {
  Put(image, header, section, items.data(), items.size());
}

Status Bad(const std::string& why) {
  return Status::BadInput("compiled name index: " + why);
}

// A section's elements, once its bounds are checked.
template <typename T>
Result<std::span<const T>> SectionOf(std::string_view bytes,
                                     const ImageHeader& header,
                                     ImageSection section, bool verify) {
  const ImageSectionRef& ref = header.sections[section];
  if (verify) {
    if (ref.offset % alignof(T) != 0 || ref.offset < sizeof(ImageHeader) ||
        ref.offset > bytes.size() ||
        ref.count > (bytes.size() - ref.offset) / sizeof(T)) {
      return Bad("section " + std::to_string(section) + " is out of bounds");
    }
  }
  return std::span<const T>(
      reinterpret_cast<const T*>(bytes.data() + ref.offset), ref.count);
}

bool InStrings(const StringRef& s, std::size_t pool) {
  return s.begin <= pool && s.size <= pool - s.begin;
}

bool IsContinuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Whether `s` is in the pool and valid UTF-8, as every string the
// normalizer writes out or declines must be: the pool is checked whole
// once, so a string is valid when it starts and ends between code points.
bool GoodString(const CompiledTerms& t, const StringRef& s) {
  if (!InStrings(s, t.strings.size())) return false;
  if (s.size == 0) return true;
  const std::size_t end = std::size_t{s.begin} + s.size;
  return !IsContinuation(t.strings[s.begin]) &&
         (end == t.strings.size() || !IsContinuation(t.strings[end]));
}

// The bounds and ranges of every record: what the scanning code indexes
// with them stays inside its arrays, and every walk ends.
Status CheckRecords(const CompiledTerms& t) {
  if (!text::ValidateUtf8(t.strings).ok()) {
    return Bad("the strings are not valid UTF-8");
  }
  for (const StringRef& l : t.lang_refs) {
    if (!GoodString(t, l)) return Bad("a language tag is out of bounds");
  }
  for (const ConceptRecord& c : t.concepts) {
    if (!GoodString(t, c.slug) || c.is_place > 1 || c.is_person > 1 ||
        c.first_preferred > t.preferred.size() ||
        c.preferred_count > t.preferred.size() - c.first_preferred) {
      return Bad("a concept record is out of bounds");
    }
  }
  for (const StringRef& c : t.classes) {
    if (!GoodString(t, c)) return Bad("a declension class is out of bounds");
  }
  for (const PreferredRecord& p : t.preferred) {
    const StringRef forms{p.forms, std::uint32_t{p.full_size} + p.short_size +
                                       p.admitted_short_size};
    const StringRef full{p.forms, p.full_size};
    const StringRef short_form{p.forms + p.full_size, p.short_size};
    const StringRef admitted{p.forms + p.full_size + p.short_size,
                             p.admitted_short_size};
    if (p.lang >= t.langs.size() || p.full_kind > FormKind::kPhrase ||
        !InStrings(forms, t.strings.size()) || !GoodString(t, full) ||
        !GoodString(t, short_form) || !GoodString(t, admitted) ||
        p.full_inflection >= t.classes.size() ||
        p.short_inflection >= t.classes.size() ||
        p.admitted_short_inflection >= t.classes.size()) {
      return Bad("a preferred form record is out of bounds");
    }
  }
  for (const Entry& e : t.entries) {
    if (e.concept_index >= t.concepts.size() ||
        (e.lang >= t.langs.size() && !e.negative) ||
        e.status > FormStatus::kDeprecated || e.kind > FormKind::kPhrase ||
        e.grammatical_case > Case::kVoc || e.style > EndingStyle::kLong ||
        e.stored_case > CasePattern::kLower) {
      return Bad("an entry is out of bounds");
    }
  }
  std::uint32_t previous = 0;
  for (const SurfaceRecord& s : t.surfaces) {
    if (s.entry >= t.entries.size() ||
        (&s != t.surfaces.data() && s.entry <= previous) ||
        !GoodString(t, s.form)) {
      return Bad("a surface record is out of bounds or out of order");
    }
    previous = s.entry;
  }
  return t.automaton.Check(t.entries.size())
             ? Status::Ok()
             : Bad("the automaton's arrays do not hold together");
}

}  // namespace

std::uint64_t ImageChecksum(std::string_view image,
                            const ImageReadProgress& progress) {
  if (image.size() < sizeof(ImageHeader)) return 0;
  std::uint64_t h = Hash(image.substr(0, kChecksumAt), 0);
  constexpr std::size_t kRest = kChecksumAt + sizeof(std::uint64_t);
  return Hash(image.substr(kRest), h, &progress, kRest);
}

std::string BuildImage(const ImageParts& parts, const ImageKey& key) {
  ImageHeader header;
  header.magic = kImageMagic;
  header.byte_order = kByteOrderMark;
  header.format = kImageFormat;
  header.fingerprint = CompilerFingerprint();
  header.max_form_words = parts.max_form_words;
  std::string image(sizeof(ImageHeader), '\0');
  const Automaton::Arrays& a = *parts.automaton;
  Put(image, header, kRootSection, a.root.data(), a.root.size());
  Put(image, header, kStateSection, a.states);
  Put(image, header, kEntryBaseSection, a.entry_bases);
  Put(image, header, kFarEntrySection, a.far_entries);
  Put(image, header, kEntrySection, *parts.entries);
  Put(image, header, kConceptSection, *parts.concepts);
  Put(image, header, kPreferredSection, *parts.preferred);
  Put(image, header, kLangSection, *parts.langs);
  Put(image, header, kClassSection, *parts.classes);
  Put(image, header, kSurfaceSection, *parts.surfaces);
  Put(image, header, kStringSection, parts.strings->data(),
      parts.strings->size());
  image.resize(AlignUp(image.size()), '\0');
  header.size = image.size();
  std::memcpy(image.data(), &header, sizeof(header));
  StampImage(image, key);
  return image;
}

void StampImage(std::string& image, const ImageKey& key) {
  std::memcpy(image.data() + offsetof(ImageHeader, key), &key, sizeof(key));
  const std::uint64_t checksum = ImageChecksum(image);
  std::memcpy(image.data() + kChecksumAt, &checksum, sizeof(checksum));
}

Result<ImageKey> ViewImage(std::string_view bytes, ImageTrust trust,
                           CompiledTerms& out,
                           const ImageReadProgress& progress) {
  const bool verify = trust != ImageTrust::kBuiltHere;
  ImageHeader header;
  if (bytes.size() < sizeof(header)) {
    return Bad("truncated: " + std::to_string(bytes.size()) + " bytes");
  }
  std::memcpy(&header, bytes.data(), sizeof(header));
  if (verify) {
    if (header.magic != kImageMagic) return Bad("not an onoma name index");
    if (header.byte_order != kByteOrderMark) {
      return Bad("written on a machine of the other byte order");
    }
    if (header.format != kImageFormat ||
        header.fingerprint != CompilerFingerprint()) {
      return Bad("made by another build of onoma");
    }
    if (header.size != bytes.size()) {
      return Bad("truncated or extended: " + std::to_string(bytes.size()) +
                 " bytes where the header says " + std::to_string(header.size));
    }
    if (trust != ImageTrust::kCheckHeader &&
        header.checksum != ImageChecksum(bytes, progress)) {
      return Bad("the checksum does not match");
    }
  }
#define ONOMA_VIEW(var, T, section)                        \
  auto var = SectionOf<T>(bytes, header, section, verify); \
  if (!var.ok()) return var.status();
  ONOMA_VIEW(root, std::uint32_t, kRootSection)
  ONOMA_VIEW(states, Automaton::State, kStateSection)
  ONOMA_VIEW(bases, std::uint32_t, kEntryBaseSection)
  ONOMA_VIEW(far, Automaton::FarEntry, kFarEntrySection)
  ONOMA_VIEW(entries, Entry, kEntrySection)
  ONOMA_VIEW(concepts, ConceptRecord, kConceptSection)
  ONOMA_VIEW(preferred, PreferredRecord, kPreferredSection)
  ONOMA_VIEW(langs, StringRef, kLangSection)
  ONOMA_VIEW(classes, StringRef, kClassSection)
  ONOMA_VIEW(surfaces, SurfaceRecord, kSurfaceSection)
  ONOMA_VIEW(strings, char, kStringSection)
#undef ONOMA_VIEW
  if (root->size() != 256) return Bad("the automaton has no root table");
  if (verify && header.max_form_words > (1u << 20)) {
    return Bad("max_form_words is absurd");
  }
  if (verify && bases->size() != Automaton::BasesFor(states->size())) {
    return Bad("the automaton's entry bases disagree with its states");
  }
  out.automaton = Automaton(root->data(), *states, *bases, *far);
  // The last record closes the last state's entries: they end where the
  // entry section does (one look-up, so the normal open makes it too).
  if (verify && !states->empty() &&
      out.automaton.FirstEntry(
          static_cast<std::uint32_t>(states->size() - 1)) != entries->size()) {
    return Bad("the automaton's entries disagree with the entry section");
  }
  out.entries = *entries;
  out.concepts = *concepts;
  out.preferred = *preferred;
  out.lang_refs = *langs;
  out.classes = *classes;
  out.surfaces = *surfaces;
  out.strings = std::string_view(strings->data(), strings->size());
  out.max_form_words = static_cast<std::size_t>(header.max_form_words);
  out.langs.clear();
  for (const StringRef& l : *langs) {
    if (verify && !InStrings(l, out.strings.size())) {
      return Bad("a language tag is out of bounds");
    }
    out.langs.emplace_back(out.String(l));
  }
  // The walks of CheckRecords (UTF-8 of the string pool, every record's
  // bounds, the automaton's arrays) read the whole image once more, the
  // better part of a start-up at 100k concepts, and keep its pages
  // resident. On the normal open they prove nothing the checks above have
  // not: an image whose header and 64-bit checksum match is, byte for
  // byte, what this build wrote after compiling it, and the checksum
  // catches truncation and damage on disk. Whoever could forge an image
  // with a checksum that adds up writes in the database's directory, and
  // so could write the database itself. They stay for kCheckEveryRecord
  // (the tests and fuzzing of damaged images).
  if (trust == ImageTrust::kCheckEveryRecord) {
    ONOMA_RETURN_IF_ERROR(CheckRecords(out));
  }
  return header.key;
}

}  // namespace onoma::normalize::internal
