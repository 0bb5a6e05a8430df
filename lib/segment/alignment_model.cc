#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "lib/segment/alignment_model_internal.h"
#include "lib/text/utf8.h"

// Tested by tests/segment/aligner_test.cc.

namespace onoma::segment::internal {
namespace {

using KeyIds = std::map<std::string, std::uint32_t, std::less<>>;

std::vector<std::vector<std::uint32_t>> KeysOf(const Document& doc,
                                               const AnchorSource& anchors,
                                               const std::string& lang,
                                               KeyIds& ids) {
  std::vector<std::vector<std::uint32_t>> out(doc.size());
  for (std::size_t i = 0; i < doc.size(); ++i) {
    for (const std::string& key : anchors.ConceptKeys(doc.sentences[i], lang)) {
      auto it = ids.try_emplace(key, static_cast<std::uint32_t>(ids.size()));
      out[i].push_back(it.first->second);
    }
    std::sort(out[i].begin(), out[i].end());
  }
  return out;
}

std::vector<double> LengthsOf(const Document& doc, double& total) {
  std::vector<double> out(doc.size());
  for (std::size_t i = 0; i < doc.size(); ++i) {
    out[i] = static_cast<double>(text::CountCodePoints(doc.sentences[i]));
    total += out[i];
  }
  return out;
}

// Keys of up to two sentences, merged and sorted, into a small buffer.
std::size_t Gather(const std::vector<std::vector<std::uint32_t>>& keys,
                   std::uint32_t i, std::uint32_t n,
                   std::vector<std::uint32_t>& out) {
  out.clear();
  for (std::uint32_t k = 0; k < n; ++k) {
    out.insert(out.end(), keys[i + k].begin(), keys[i + k].end());
  }
  if (n > 1) std::sort(out.begin(), out.end());
  return out.size();
}

}  // namespace

AlignmentModel::AlignmentModel(const Document& source, const Document& target,
                               const AlignOptions& options)
    : source_paragraph_(source.paragraph),
      target_paragraph_(target.paragraph),
      soft_paragraphs_(options.paragraphs) {
  NumberAnchors numbers;
  const AnchorSource& anchors =
      options.anchors != nullptr ? *options.anchors : numbers;
  KeyIds ids;
  source_keys_ = KeysOf(source, anchors, options.source_lang, ids);
  target_keys_ = KeysOf(target, anchors, options.target_lang, ids);
  // Sentences of each side that mention each key.
  std::vector<double> source_count(ids.size(), 0), target_count(ids.size(), 0);
  for (const auto& [keys, count] : {std::pair{&source_keys_, &source_count},
                                    std::pair{&target_keys_, &target_count}}) {
    for (const std::vector<std::uint32_t>& sentence : *keys) {
      for (std::size_t k = 0; k < sentence.size(); ++k) {
        if (k == 0 || sentence[k] != sentence[k - 1]) {
          (*count)[sentence[k]] += 1;
        }
      }
    }
  }
  key_weight_.resize(ids.size());
  for (std::size_t k = 0; k < ids.size(); ++k) {
    double most = std::max(source_count[k], target_count[k]);
    key_weight_[k] = most <= kRareAnchorSentences
                         ? 1.0
                         : std::sqrt(kRareAnchorSentences / most);
  }
  double source_total = 0;
  double target_total = 0;
  source_length_ = LengthsOf(source, source_total);
  target_length_ = LengthsOf(target, target_total);
  if (source_total > 0 && target_total > 0) {
    ratio_ = std::clamp(target_total / source_total, 0.1, 10.0);
  }
}

double AlignmentModel::Cost(std::uint32_t i, std::uint32_t di, std::uint32_t j,
                            std::uint32_t dj) const {
  if (di == 0 || dj == 0) return -std::log(kPriorNull);

  double prior = kPrior11;
  if (di + dj == 3) prior = kPriorMerge;
  if (di + dj == 4) prior = kPrior22;

  // Length: target characters in source units, then Gale and Church's
  // delta and the two-sided tail of the standard normal.
  double l1 = 0;
  double l2 = 0;
  for (std::uint32_t k = 0; k < di; ++k) l1 += source_length_[i + k];
  for (std::uint32_t k = 0; k < dj; ++k) l2 += target_length_[j + k];
  l2 /= ratio_;
  const double mean = std::max((l1 + l2) / 2, 1.0);
  const double delta = (l2 - l1) / std::sqrt(kVariance * mean);
  const double tail =
      std::max(std::erfc(std::fabs(delta) / std::sqrt(2.0)), 1e-12);
  double cost = -std::log(prior) - std::log(tail);

  // Anchors: shared keys (multiset intersection) and the rest.
  thread_local std::vector<std::uint32_t> a;
  thread_local std::vector<std::uint32_t> b;
  const std::size_t na = Gather(source_keys_, i, di, a);
  const std::size_t nb = Gather(target_keys_, j, dj, b);
  if (na + nb > 0) {
    double shared = 0;
    double missing = 0;
    std::size_t x = 0;
    std::size_t y = 0;
    while (x < na && y < nb) {
      if (a[x] == b[y]) {
        shared += key_weight_[a[x]];
        ++x, ++y;
      } else if (a[x] < b[y]) {
        missing += key_weight_[a[x++]];
      } else {
        missing += key_weight_[b[y++]];
      }
    }
    for (; x < na; ++x) missing += key_weight_[a[x]];
    for (; y < nb; ++y) missing += key_weight_[b[y]];
    cost += -kSharedAnchor * shared + kMissingAnchor * missing;
  }

  if (soft_paragraphs_) {
    if (di == 2 && source_paragraph_[i] != source_paragraph_[i + 1]) {
      cost += kCrossParagraph;
    }
    if (dj == 2 && target_paragraph_[j] != target_paragraph_[j + 1]) {
      cost += kCrossParagraph;
    }
  }
  return cost;
}

}  // namespace onoma::segment::internal
