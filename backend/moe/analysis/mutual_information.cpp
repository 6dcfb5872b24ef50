#include "backend/moe/analysis/mutual_information.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "backend/core/error.h"

namespace routescope::moe::analysis {
namespace {

// Joint tables up to this many cells are counted densely; larger ones are counted by sorting.
constexpr int64_t kDenseCellLimit = int64_t{1} << 24;

double nLogN(int64_t n) {
  return n > 0 ? static_cast<double>(n) * std::log2(static_cast<double>(n)) : 0.0;
}

// Sum of c log2 c over the counts of codes in [0, n).
double marginalNLogN(std::span<const int32_t> codes, int32_t n) {
  std::vector<int64_t> counts(static_cast<size_t>(n), 0);
  for (const int32_t c : codes) ++counts[static_cast<size_t>(c)];
  double sum = 0;
  for (const int64_t c : counts) sum += nLogN(c);
  return sum;
}

// Sum of c log2 c over the joint counts. Dense tables remember which cells they touched, so each
// call (one per permutation) costs O(samples), not O(nx * ny).
class JointCounter {
 public:
  JointCounter(int32_t nx, int32_t ny) : nx_(nx), ny_(ny) {
    if (static_cast<int64_t>(nx) * ny <= kDenseCellLimit) counts_.assign(static_cast<size_t>(nx) * ny, 0);
  }

  double nLogNSum(std::span<const int32_t> x, std::span<const int32_t> y) {
    if (!counts_.empty() || static_cast<int64_t>(nx_) * ny_ == 0) return dense(x, y);
    return sorted(x, y);
  }

 private:
  double dense(std::span<const int32_t> x, std::span<const int32_t> y) {
    touched_.clear();
    for (size_t i = 0; i < x.size(); ++i) {
      const size_t cell = static_cast<size_t>(x[i]) * static_cast<size_t>(ny_) + static_cast<size_t>(y[i]);
      if (counts_[cell]++ == 0) touched_.push_back(static_cast<uint32_t>(cell));
    }
    double sum = 0;
    for (const uint32_t cell : touched_) {
      sum += nLogN(counts_[cell]);
      counts_[cell] = 0;
    }
    return sum;
  }

  double sorted(std::span<const int32_t> x, std::span<const int32_t> y) {
    keys_.resize(x.size());
    for (size_t i = 0; i < x.size(); ++i)
      keys_[i] = static_cast<uint64_t>(x[i]) * static_cast<uint64_t>(ny_) + static_cast<uint64_t>(y[i]);
    std::sort(keys_.begin(), keys_.end());
    double sum = 0;
    for (size_t i = 0; i < keys_.size();) {
      size_t j = i;
      while (j < keys_.size() && keys_[j] == keys_[i]) ++j;
      sum += nLogN(static_cast<int64_t>(j - i));
      i = j;
    }
    return sum;
  }

  int32_t nx_, ny_;
  std::vector<int32_t> counts_;
  std::vector<uint32_t> touched_;
  std::vector<uint64_t> keys_;
};

void checkPairs(std::span<const int32_t> x, std::span<const int32_t> y) {
  if (x.size() != y.size())
    throw core::Error("mutual information: " + std::to_string(x.size()) + " x samples but " +
                      std::to_string(y.size()) + " y samples");
}

double miFromSums(double n, double sx, double sy, double sxy) {
  if (n <= 0) return 0;
  // H(X) + H(Y) - H(X,Y) with H = log2 n - S / n; rounding can leave a tiny negative value.
  return std::max(0.0, std::log2(n) - (sx + sy - sxy) / n);
}

// Fisher-Yates with a bounded draw written out here: std::shuffle and the std distributions are
// implementation-defined, and the baseline must not change between standard libraries.
void shuffle(std::vector<int32_t>& values, std::mt19937_64& rng) {
  for (size_t i = values.size(); i > 1; --i) {
    const auto j = static_cast<size_t>(rng() % i);  // modulo bias below 2^-40 for any real trace
    std::swap(values[i - 1], values[j]);
  }
}

}  // namespace

DenseCodes denseCodes(std::span<const int32_t> values) {
  DenseCodes out;
  out.codes.resize(values.size());
  if (values.empty()) return out;
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  const int64_t range = static_cast<int64_t>(*hi) - *lo + 1;
  if (range <= std::max<int64_t>(1 << 20, static_cast<int64_t>(values.size()))) {
    // A lookup table over the value range: one pass, no sorting.
    std::vector<int32_t> code(static_cast<size_t>(range), -1);
    for (const int32_t v : values) code[static_cast<size_t>(v - *lo)] = 0;
    for (int32_t& c : code)
      if (c == 0) c = out.cardinality++;
    for (size_t i = 0; i < values.size(); ++i) out.codes[i] = code[static_cast<size_t>(values[i] - *lo)];
    return out;
  }
  std::vector<int32_t> distinct(values.begin(), values.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  out.cardinality = static_cast<int32_t>(distinct.size());
  for (size_t i = 0; i < values.size(); ++i)
    out.codes[i] = static_cast<int32_t>(std::lower_bound(distinct.begin(), distinct.end(), values[i]) -
                                        distinct.begin());
  return out;
}

double entropyBits(std::span<const int32_t> codes, int32_t cardinality) {
  if (codes.empty()) return 0;
  const double n = static_cast<double>(codes.size());
  return std::max(0.0, std::log2(n) - marginalNLogN(codes, cardinality) / n);
}

double mutualInformationBits(std::span<const int32_t> x, int32_t nx, std::span<const int32_t> y, int32_t ny) {
  checkPairs(x, y);
  JointCounter joint(nx, ny);
  return miFromSums(static_cast<double>(x.size()), marginalNLogN(x, nx), marginalNLogN(y, ny),
                    joint.nLogNSum(x, y));
}

MiEstimate correctedMutualInformation(std::span<const int32_t> x, int32_t nx, std::span<const int32_t> y,
                                      int32_t ny, int permutations, uint64_t seed) {
  checkPairs(x, y);
  const double n = static_cast<double>(x.size());
  const double sx = marginalNLogN(x, nx);
  const double sy = marginalNLogN(y, ny);  // permuting y keeps both marginals
  JointCounter joint(nx, ny);
  MiEstimate estimate;
  estimate.raw = miFromSums(n, sx, sy, joint.nLogNSum(x, y));
  if (permutations > 0 && !x.empty()) {
    std::mt19937_64 rng(seed);
    std::vector<int32_t> shuffled(y.begin(), y.end());
    double sum = 0;
    for (int p = 0; p < permutations; ++p) {
      shuffle(shuffled, rng);
      sum += miFromSums(n, sx, sy, joint.nLogNSum(x, shuffled));
    }
    estimate.bias = sum / permutations;
  }
  estimate.corrected = estimate.raw - estimate.bias;
  return estimate;
}

}  // namespace routescope::moe::analysis
