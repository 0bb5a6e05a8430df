#include "lib/segment/aligner.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <limits>

#include "lib/segment/alignment_model_internal.h"

// Tested by tests/segment/aligner_test.cc and, for precision and recall,
// tests/segment/alignment_eval_test.cc.

namespace onoma::segment {
namespace {

using internal::AlignmentModel;

constexpr double kInf = std::numeric_limits<double>::infinity();

// A step of the lattice: a bead of di source and dj target sentences, or
// (`replace`) a source sentence left out beside a target sentence added in
// its place, which the path emits as a 1-0 and a 0-1 bead.
struct Step {
  std::uint8_t di;
  std::uint8_t dj;
  bool replace = false;
};
constexpr Step kSteps[] = {{1, 1}, {1, 0}, {0, 1},      {2, 1},
                           {1, 2}, {2, 2}, {1, 1, true}};
constexpr std::uint8_t kStepCount = std::size(kSteps);

double StepCost(const AlignmentModel& model, std::uint32_t i, std::uint32_t j,
                const Step& step) {
  return step.replace ? model.ReplaceCost()
                      : model.Cost(i, step.di, j, step.dj);
}

// -log(exp(-a) + exp(-b)), exact for infinities.
double NegLogAdd(double a, double b) {
  if (a == kInf) return b;
  if (b == kInf) return a;
  double lo = std::min(a, b);
  return lo - std::log1p(std::exp(-std::fabs(a - b)));
}

// The lattice of one range of sentences: cells (i, j) for i in 0..n and j
// within the band of row i, flattened row by row.
class Lattice {
 public:
  Lattice(std::uint32_t n, std::uint32_t m, std::size_t half_width)
      : n_(n), m_(m), lo_(n + 1), hi_(n + 1), base_(n + 2) {
    base_[0] = 0;
    for (std::uint32_t i = 0; i <= n; ++i) {
      const double center =
          n == 0 ? 0 : static_cast<double>(i) * m / static_cast<double>(n);
      const auto c = static_cast<std::int64_t>(std::llround(center));
      const auto w = static_cast<std::int64_t>(half_width);
      lo_[i] = static_cast<std::uint32_t>(std::max<std::int64_t>(0, c - w));
      hi_[i] = static_cast<std::uint32_t>(std::min<std::int64_t>(m, c + w));
      base_[i + 1] = base_[i] + (hi_[i] - lo_[i] + 1);
    }
  }

  std::size_t size() const { return base_[n_ + 1]; }
  // The index of cell (i, j), or -1 outside the band.
  std::int64_t Index(std::uint32_t i, std::uint32_t j) const {
    if (j < lo_[i] || j > hi_[i]) return -1;
    return static_cast<std::int64_t>(base_[i] + (j - lo_[i]));
  }
  std::uint32_t lo(std::uint32_t i) const { return lo_[i]; }
  std::uint32_t hi(std::uint32_t i) const { return hi_[i]; }
  // Whether (i, j) lies on an edge of the band that is not an edge of the
  // whole lattice: a best path there might be better outside.
  bool OnInnerEdge(std::uint32_t i, std::uint32_t j) const {
    return (j == lo_[i] && lo_[i] > 0) || (j == hi_[i] && hi_[i] < m_);
  }

 private:
  std::uint32_t n_;
  std::uint32_t m_;
  std::vector<std::uint32_t> lo_;
  std::vector<std::uint32_t> hi_;
  std::vector<std::size_t> base_;
};

// Aligns source [s0, s0 + n) with target [t0, t0 + m), appending beads.
// Returns false when the best path touched the band's inner edge (the
// caller widens the band and tries again); beads are then not appended.
bool AlignRange(const AlignmentModel& model, std::uint32_t s0, std::uint32_t n,
                std::uint32_t t0, std::uint32_t m, std::size_t half_width,
                std::vector<Bead>& out) {
  const Lattice lattice(n, m, half_width);
  std::vector<double> best(lattice.size(), kInf);
  std::vector<double> alpha(lattice.size(), kInf);
  std::vector<std::uint8_t> back(lattice.size(), 0xFF);

  for (std::uint32_t i = 0; i <= n; ++i) {
    for (std::uint32_t j = lattice.lo(i); j <= lattice.hi(i); ++j) {
      const auto here = static_cast<std::size_t>(lattice.Index(i, j));
      if (i == 0 && j == 0) {
        best[here] = 0;
        alpha[here] = 0;
        continue;
      }
      for (std::uint8_t s = 0; s < kStepCount; ++s) {
        const Step step = kSteps[s];
        if (step.di > i || step.dj > j) continue;
        const std::int64_t from = lattice.Index(i - step.di, j - step.dj);
        if (from < 0 || alpha[static_cast<std::size_t>(from)] == kInf) continue;
        const double cost =
            StepCost(model, s0 + i - step.di, t0 + j - step.dj, step);
        const auto f = static_cast<std::size_t>(from);
        if (best[f] + cost < best[here]) {
          best[here] = best[f] + cost;
          back[here] = s;
        }
        alpha[here] = NegLogAdd(alpha[here], alpha[f] + cost);
      }
    }
  }

  std::vector<double> beta(lattice.size(), kInf);
  for (std::uint32_t i = n + 1; i-- > 0;) {
    for (std::uint32_t j = lattice.hi(i) + 1; j-- > lattice.lo(i);) {
      const auto here = static_cast<std::size_t>(lattice.Index(i, j));
      if (i == n && j == m) {
        beta[here] = 0;
        continue;
      }
      for (const Step step : kSteps) {
        if (i + step.di > n || j + step.dj > m) continue;
        const std::int64_t to = lattice.Index(i + step.di, j + step.dj);
        if (to < 0 || beta[static_cast<std::size_t>(to)] == kInf) continue;
        const double cost = StepCost(model, s0 + i, t0 + j, step);
        beta[here] =
            NegLogAdd(beta[here], beta[static_cast<std::size_t>(to)] + cost);
      }
    }
  }

  const double total = alpha[static_cast<std::size_t>(lattice.Index(n, m))];
  // A band too narrow for the documents' slope may not reach the corner.
  if (total == kInf) return false;
  std::vector<Bead> beads;
  for (std::uint32_t i = n, j = m; i > 0 || j > 0;) {
    const auto here = static_cast<std::size_t>(lattice.Index(i, j));
    if (lattice.OnInnerEdge(i, j)) return false;
    const Step step = kSteps[back[here]];
    const std::uint32_t pi = i - step.di;
    const std::uint32_t pj = j - step.dj;
    const auto from = static_cast<std::size_t>(lattice.Index(pi, pj));
    const double cost = StepCost(model, s0 + pi, t0 + pj, step);
    const double posterior = std::clamp(
        std::exp(-(alpha[from] + cost + beta[here] - total)), 0.0, 1.0);
    if (step.replace) {  // reversed below: the 1-0 bead comes first
      beads.push_back({s0 + pi + 1, 0, t0 + pj, 1, posterior});
      beads.push_back({s0 + pi, 1, t0 + pj, 0, posterior});
    } else {
      beads.push_back({s0 + pi, step.di, t0 + pj, step.dj, posterior});
    }
    i = pi;
    j = pj;
  }
  out.insert(out.end(), beads.rbegin(), beads.rend());
  return true;
}

void AlignWithBand(const AlignmentModel& model, std::uint32_t s0,
                   std::uint32_t n, std::uint32_t t0, std::uint32_t m,
                   std::size_t band, std::vector<Bead>& out) {
  if (n == 0 || m == 0) {
    for (std::uint32_t i = 0; i < n; ++i) out.push_back({s0 + i, 1, t0, 0, 1});
    for (std::uint32_t j = 0; j < m; ++j) out.push_back({s0, 0, t0 + j, 1, 1});
    return;
  }
  // The band follows the straight line from (0, 0) to (n, m), so a
  // difference in sentence counts spread over the document needs no extra
  // width; a local run of omissions that leaves it is caught by the edge
  // test and widens it.
  // Consecutive rows must overlap for a path to get through: the centre
  // moves m/n columns a row.
  std::size_t width = std::max<std::size_t>(band == 0 ? 40 : band, m / n + 3);
  while (!AlignRange(model, s0, n, t0, m, width, out)) {
    width *= 2;  // terminates: a band as wide as m has no inner edge
  }
}

// Whether paragraph p of each side can be aligned with paragraph p of the
// other alone: as many paragraphs, and each pair's length ratio within a
// factor 2.5 of the documents' (a translator who split one paragraph and
// merged two others keeps the count but not the lengths).
bool ParagraphsAgree(const Document& source, const Document& target,
                     const AlignmentModel& model) {
  if (source.size() == 0 || target.size() == 0) return false;
  if (source.paragraph.back() != target.paragraph.back()) return false;
  const std::size_t count = source.paragraph.back() + 1;
  std::vector<double> s(count, 0), t(count, 0);
  for (std::uint32_t i = 0; i < source.size(); ++i) {
    s[source.paragraph[i]] += model.SourceLength(i);
  }
  for (std::uint32_t j = 0; j < target.size(); ++j) {
    t[target.paragraph[j]] += model.TargetLength(j);
  }
  for (std::size_t p = 0; p < count; ++p) {
    if (s[p] == 0 || t[p] == 0) return false;
    const double r = t[p] / s[p] / model.ratio();
    if (r > 2.5 || r < 1 / 2.5) return false;
  }
  return true;
}

Status CheckDocument(const Document& doc, const char* which) {
  if (doc.size() >= (1u << 31) || doc.paragraph.size() != doc.size()) {
    return Status::BadArgument(std::string(which) +
                               " document is too long or malformed");
  }
  for (std::size_t i = 1; i < doc.size(); ++i) {
    if (doc.paragraph[i] < doc.paragraph[i - 1]) {
      return Status::BadArgument(std::string(which) +
                                 " document: paragraph numbers decrease");
    }
  }
  return Status::Ok();
}

// One pass over the whole documents, by paragraph where they agree.
std::vector<Bead> AlignAll(const Document& source, const Document& target,
                           const AlignOptions& options,
                           const AlignmentModel& model) {
  const auto n = static_cast<std::uint32_t>(source.size());
  const auto m = static_cast<std::uint32_t>(target.size());
  std::vector<Bead> beads;
  if (!options.paragraphs || !ParagraphsAgree(source, target, model)) {
    AlignWithBand(model, 0, n, 0, m, options.band, beads);
    return beads;
  }
  // Hard barriers: each paragraph with its counterpart.
  for (std::uint32_t i = 0, j = 0; i < n || j < m;) {
    std::uint32_t i_end = i;
    std::uint32_t j_end = j;
    const std::uint32_t p = i < n ? source.paragraph[i] : target.paragraph[j];
    while (i_end < n && source.paragraph[i_end] == p) ++i_end;
    while (j_end < m && target.paragraph[j_end] == p) ++j_end;
    AlignWithBand(model, i, i_end - i, j, j_end - j, options.band, beads);
    i = i_end;
    j = j_end;
  }
  return beads;
}

}  // namespace

Result<std::vector<Bead>> Align(const Document& source, const Document& target,
                                const AlignOptions& options) {
  ONOMA_RETURN_IF_ERROR(CheckDocument(source, "source"));
  ONOMA_RETURN_IF_ERROR(CheckDocument(target, "target"));
  AlignmentModel model(source, target, options);
  std::vector<Bead> beads = AlignAll(source, target, options, model);
  if (source.size() == 0 || target.size() == 0) {
    // The only path there is omits everything: certain, and no evidence
    // of a translation. An empty side is most likely the wrong file.
    for (Bead& bead : beads) bead.confidence = 0;
    return beads;
  }
  // The documents' length ratio counts sentences left out or added on one
  // side; re-estimated from the 1-1 beads found, it describes the
  // translation, and a second pass with it finds those sentences better.
  // The same pass uses the days of the month the first one put beside
  // weekdays (alignment_model_internal.h, LinkWeekdays).
  const bool linked = model.LinkWeekdays(beads);
  double s = 0;
  double t = 0;
  for (const Bead& bead : beads) {
    if (bead.source_count != 1 || bead.target_count != 1) continue;
    s += model.SourceLength(bead.source_begin);
    t += model.TargetLength(bead.target_begin);
  }
  const bool moved =
      s > 0 && t > 0 && std::fabs(t / s / model.ratio() - 1) > 0.02;
  if (moved) model.set_ratio(std::clamp(t / s, 0.1, 10.0));
  if (moved || linked) beads = AlignAll(source, target, options, model);
  return beads;
}

}  // namespace onoma::segment
