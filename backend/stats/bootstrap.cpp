#include "backend/stats/bootstrap.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>
#include <string>

#include "backend/core/error.h"
#include "backend/stats/internal/resampling.h"

namespace routescope::stats {
namespace internal {
namespace {

std::string str(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

void requireSample(std::span<const double> sample, std::string_view name) {
  if (sample.empty()) throw core::Error("stats: " + std::string(name) + " is empty");
  for (std::size_t i = 0; i < sample.size(); ++i) {
    if (!std::isfinite(sample[i])) {
      throw core::Error("stats: " + std::string(name) + "[" + std::to_string(i) + "] is not finite (" +
                        str(sample[i]) + ")");
    }
  }
}

void requireOptions(const BootstrapOptions& options) {
  if (!(options.level > 0.0 && options.level < 1.0)) {
    throw core::Error("stats: level must be in (0, 1), got " + str(options.level));
  }
  if (options.resamples < 1) {
    throw core::Error("stats: resamples must be >= 1, got " + std::to_string(options.resamples));
  }
}

void requireStatistic(const Statistic& statistic) {
  if (!statistic) throw core::Error("stats: statistic is empty");
}

double requireFinite(double value, std::string_view where) {
  if (!std::isfinite(value)) {
    throw core::Error("stats: statistic is not finite (" + str(value) + ") on " + std::string(where));
  }
  return value;
}

std::size_t IndexSampler::operator()(std::size_t n) {
  // Reject the lowest 2^64 mod n outputs so that every residue is equally likely.
  const std::uint64_t bound = n;
  const std::uint64_t threshold = (std::uint64_t{0} - bound) % bound;
  for (;;) {
    const std::uint64_t r = rng_();
    if (r >= threshold) return static_cast<std::size_t>(r % bound);
  }
}

double acceleration(const JackknifeStrata& strata) {
  double cubes = 0;
  double squares = 0;
  for (const std::vector<double>& values : strata) {
    const std::size_t n = values.size();
    if (n < 2) continue;
    double mean = 0;
    for (const double v : values) mean += v;
    mean /= static_cast<double>(n);
    // Differences at rounding level (a constant jackknife whose mean is off by an ulp) would give
    // a = 1 / (6 sqrt(n)) from noise alone: treat them as 0.
    double scale = 0;
    double spread = 0;
    for (const double v : values) {
      scale = std::max(scale, std::abs(v));
      spread = std::max(spread, std::abs(mean - v));
    }
    if (spread <= 64.0 * std::numeric_limits<double>::epsilon() * scale) continue;
    const double nd = static_cast<double>(n);
    double c = 0;
    double s = 0;
    for (const double v : values) {
      const double influence = (nd - 1.0) * (mean - v);
      c += influence * influence * influence;
      s += influence * influence;
    }
    cubes += c / (nd * nd * nd);
    squares += s / (nd * nd);
  }
  if (!(squares > 0.0)) return 0.0;
  return cubes / (6.0 * std::pow(squares, 1.5));
}

double sortedQuantile(std::span<const double> sorted, double p) {
  const double h = p * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return sorted.back();
  const double frac = h - static_cast<double>(lo);
  return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

Interval percentileInterval(double estimate, std::vector<double>& replicates, double level) {
  std::sort(replicates.begin(), replicates.end());
  const double alpha = 1.0 - level;
  return {estimate, sortedQuantile(replicates, alpha / 2.0), sortedQuantile(replicates, 1.0 - alpha / 2.0)};
}

Interval bcaInterval(double estimate, std::vector<double>& replicates, double a, double level) {
  std::sort(replicates.begin(), replicates.end());
  const auto b = static_cast<double>(replicates.size());
  const auto below = std::lower_bound(replicates.begin(), replicates.end(), estimate);
  const auto above = std::upper_bound(below, replicates.end(), estimate);
  double share =
      (static_cast<double>(below - replicates.begin()) + 0.5 * static_cast<double>(above - below)) / b;
  share = std::clamp(share, 0.5 / b, 1.0 - 0.5 / b);
  const double z0 = normalQuantile(share);
  const double alpha = 1.0 - level;
  const auto adjusted = [&](double z) {
    const double w = z0 + z;
    const double denominator = 1.0 - a * w;
    // a * w >= 1 only for extreme skew; the limit of the formula as the denominator falls to 0.
    if (!(denominator > 0.0)) return w > 0.0 ? 1.0 : 0.0;
    return normalCdf(z0 + w / denominator);
  };
  return {estimate, sortedQuantile(replicates, adjusted(normalQuantile(alpha / 2.0))),
          sortedQuantile(replicates, adjusted(normalQuantile(1.0 - alpha / 2.0)))};
}

}  // namespace internal

double mean(std::span<const double> sample) {
  if (sample.empty()) throw core::Error("stats: mean of an empty sample");
  double sum = 0;
  for (const double v : sample) sum += v;
  return sum / static_cast<double>(sample.size());
}

double normalCdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

double normalQuantile(double p) {
  if (std::isnan(p)) return p;
  if (p <= 0.0) return -std::numeric_limits<double>::infinity();
  if (p >= 1.0) return std::numeric_limits<double>::infinity();
  if (p == 0.5) return 0.0;
  // Work in the lower tail, where erfc keeps full relative precision.
  const double q = std::min(p, 1.0 - p);
  const double t = std::sqrt(-2.0 * std::log(q));
  // Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4) as the start ...
  double x = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) /
                       (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
  // ... then Newton's method on Phi(x) = q; quadratic convergence from there takes 2-3 steps.
  for (int i = 0; i < 8; ++i) {
    const double density = std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi);
    if (!(density > 0.0)) break;
    const double step = (normalCdf(x) - q) / density;
    x -= step;
    if (std::abs(step) <= 1e-15 * std::max(1.0, std::abs(x))) break;
  }
  return p < 0.5 ? x : -x;
}

std::vector<double> bootstrapReplicates(std::span<const double> sample, const BootstrapOptions& options,
                                        const Statistic& statistic) {
  internal::requireSample(sample, "sample");
  internal::requireOptions(options);
  internal::requireStatistic(statistic);
  const std::size_t n = sample.size();
  internal::IndexSampler draw(options.seed);
  std::vector<double> resample(n);
  std::vector<double> replicates;
  replicates.reserve(static_cast<std::size_t>(options.resamples));
  for (int b = 0; b < options.resamples; ++b) {
    for (std::size_t i = 0; i < n; ++i) resample[i] = sample[draw(n)];
    replicates.push_back(internal::requireFinite(statistic(resample), "a bootstrap resample of sample"));
  }
  return replicates;
}

Interval bootstrapCi(std::span<const double> sample, const BootstrapOptions& options,
                     const Statistic& statistic) {
  std::vector<double> replicates = bootstrapReplicates(sample, options, statistic);
  const double estimate = internal::requireFinite(statistic(sample), "sample");
  return internal::intervalFromReplicates(estimate, replicates, options, [&] {
    internal::JackknifeStrata strata;
    const std::size_t n = sample.size();
    if (n < 2) return strata;
    std::vector<double> rest(n - 1);
    std::vector<double> values;
    values.reserve(n);
    for (std::size_t leave = 0; leave < n; ++leave) {
      std::size_t k = 0;
      for (std::size_t i = 0; i < n; ++i) {
        if (i != leave) rest[k++] = sample[i];
      }
      values.push_back(internal::requireFinite(statistic(rest), "a leave-one-out sample"));
    }
    strata.push_back(std::move(values));
    return strata;
  });
}

PairedDifference pairedBootstrap(std::span<const double> a, std::span<const double> b,
                                 const BootstrapOptions& options, const Statistic& statistic,
                                 PairedTarget target) {
  internal::requireSample(a, "a");
  internal::requireSample(b, "b");
  if (a.size() != b.size()) {
    throw core::Error("stats: paired samples a and b differ in length (" + std::to_string(a.size()) + " vs " +
                      std::to_string(b.size()) + ")");
  }
  internal::requireOptions(options);
  internal::requireStatistic(statistic);
  const std::size_t n = a.size();
  std::vector<double> bufferA(n);
  std::vector<double> bufferB(n);
  // The difference on the pairs with the given indices (indices.size() values of each sample).
  const auto difference = [&](std::span<const std::size_t> indices, std::string_view where) {
    const std::size_t m = indices.size();
    const std::span<double> sa(bufferA.data(), m);
    const std::span<double> sb(bufferB.data(), m);
    for (std::size_t i = 0; i < m; ++i) {
      sa[i] = a[indices[i]];
      sb[i] = b[indices[i]];
    }
    if (target == PairedTarget::StatisticOfDifferences) {
      for (std::size_t i = 0; i < m; ++i) sa[i] -= sb[i];
      return internal::requireFinite(statistic(sa), where);
    }
    return internal::requireFinite(statistic(sa), where) - internal::requireFinite(statistic(sb), where);
  };

  std::vector<std::size_t> indices(n);
  for (std::size_t i = 0; i < n; ++i) indices[i] = i;
  const double estimate = difference(indices, "samples a and b");

  internal::IndexSampler draw(options.seed);
  std::vector<double> replicates;
  replicates.reserve(static_cast<std::size_t>(options.resamples));
  std::size_t above = 0;
  for (int r = 0; r < options.resamples; ++r) {
    for (std::size_t i = 0; i < n; ++i) indices[i] = draw(n);
    const double d = difference(indices, "a bootstrap resample of a and b");
    if (d > 0.0) ++above;
    replicates.push_back(d);
  }
  PairedDifference result;
  result.shareAboveZero = static_cast<double>(above) / static_cast<double>(options.resamples);
  result.difference = internal::intervalFromReplicates(estimate, replicates, options, [&] {
    internal::JackknifeStrata strata;
    if (n < 2) return strata;
    std::vector<std::size_t> rest(n - 1);
    std::vector<double> values;
    values.reserve(n);
    for (std::size_t leave = 0; leave < n; ++leave) {
      std::size_t k = 0;
      for (std::size_t i = 0; i < n; ++i) {
        if (i != leave) rest[k++] = i;
      }
      values.push_back(difference(rest, "a leave-one-out pair sample"));
    }
    strata.push_back(std::move(values));
    return strata;
  });
  return result;
}

}  // namespace routescope::stats
