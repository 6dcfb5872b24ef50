#pragma once
// Seeded bootstrap confidence intervals of a statistic (Efron 1987, "Better bootstrap confidence
// intervals", JASA 82:171-185): the percentile interval and the bias-corrected and accelerated
// (BCa) interval, for one sample and for paired samples.
//
// Resampling draws indices from std::mt19937_64 seeded with BootstrapOptions::seed through our own
// unbiased rejection sampler (not std::uniform_int_distribution, whose algorithm differs between
// standard libraries), so a seed gives the same resamples with every compiler.
//
// Invalid input (empty samples, non-finite values, level outside (0, 1), resamples < 1, an empty
// statistic, a statistic that returns a non-finite value) throws routescope::core::Error with one
// line naming the argument.

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace routescope::stats {

// A point estimate and its confidence interval [low, high].
struct Interval {
  double estimate = 0;
  double low = 0;
  double high = 0;
};

// A statistic of one sample; it is called on resamples of the same size as the sample and, for
// BCa, on leave-one-out samples (size n - 1, never empty).
using Statistic = std::function<double(std::span<const double>)>;

enum class CiMethod {
  Percentile,  // quantiles alpha/2 and 1 - alpha/2 of the replicates
  Bca,         // Efron's BCa: quantiles adjusted by bias z0 and jackknife acceleration a
};

struct BootstrapOptions {
  double level = 0.95;  // confidence level, in (0, 1)
  int resamples = 2000;
  std::uint64_t seed = 0;
  CiMethod method = CiMethod::Bca;
};

// Arithmetic mean (throws on an empty span); the default statistic.
double mean(std::span<const double> sample);

// Standard normal distribution function and its inverse (inverse: -inf at 0, +inf at 1; accurate
// to a few ulp, from the Abramowitz-Stegun 26.2.23 start refined by Newton steps on erfc).
double normalCdf(double x);
double normalQuantile(double p);

// The interval of statistic(sample). Percentile: linear interpolation between order statistics of
// the B replicates (numpy's default quantile). BCa: z0 = Phi^-1(share of replicates below the
// estimate, ties counted 1/2, clamped to [1/(2B), 1 - 1/(2B)]); a = sum d^3 / (6 (sum d^2)^1.5)
// with d_i = mean jackknife value - leave-one-out value i (a = 0 for n = 1 or a constant
// jackknife); endpoints at Phi(z0 + (z0 + z) / (1 - a (z0 + z))) for z = Phi^-1(alpha/2),
// Phi^-1(1 - alpha/2).
Interval bootstrapCi(std::span<const double> sample, const BootstrapOptions& options = {},
                     const Statistic& statistic = mean);

// The B bootstrap replicates of statistic(sample), in draw order (what bootstrapCi uses).
std::vector<double> bootstrapReplicates(std::span<const double> sample, const BootstrapOptions& options = {},
                                        const Statistic& statistic = mean);

enum class PairedTarget {
  DifferenceOfStatistics,  // statistic(a) - statistic(b)
  StatisticOfDifferences,  // statistic(a - b); for the mean both are the same
};

struct PairedDifference {
  Interval difference;
  double shareAboveZero = 0;  // share of bootstrap replicates of the difference that are > 0
};

// Paired bootstrap: a[i] and b[i] belong together (same seed, same task); every resample draws
// one index vector and applies it to both samples. a and b must have equal, non-zero lengths. The
// BCa jackknife leaves out one pair at a time.
PairedDifference pairedBootstrap(std::span<const double> a, std::span<const double> b,
                                 const BootstrapOptions& options = {}, const Statistic& statistic = mean,
                                 PairedTarget target = PairedTarget::DifferenceOfStatistics);

}  // namespace routescope::stats
