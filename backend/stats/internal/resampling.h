#pragma once
// Private machinery shared by the bootstrap, the stratified (rliable-style) intervals and the
// learning-curve bands: argument checks, the portable index sampler, and the interval from
// replicates plus jackknife values.

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <string_view>
#include <vector>

#include "backend/stats/bootstrap.h"

namespace routescope::stats::internal {

// Throw core::Error naming `name` when the sample is empty or holds a non-finite value.
void requireSample(std::span<const double> sample, std::string_view name);
// Throw core::Error when level is outside (0, 1) or resamples < 1.
void requireOptions(const BootstrapOptions& options);
void requireStatistic(const Statistic& statistic);
// Throw core::Error when a statistic's value is not finite; `where` says on what it was computed.
double requireFinite(double value, std::string_view where);

// Uniform indices in [0, n) from mt19937_64 by rejection (no modulo bias, same on every platform).
class IndexSampler {
 public:
  explicit IndexSampler(std::uint64_t seed) : rng_(seed) {}
  std::size_t operator()(std::size_t n);

 private:
  std::mt19937_64 rng_;
};

// Leave-one-out values of the statistic, grouped by stratum (one stratum for one sample; one per
// task, or per task and sample, for stratified data). Strata of size < 2 are simply absent.
using JackknifeStrata = std::vector<std::vector<double>>;

// Efron's acceleration from jackknife influence values, summed over strata as Davison & Hinkley
// (1997, sec. 3.10) do for several samples: L_ki = (n_k - 1)(mean_k - theta_(k,i)),
// a = sum_k n_k^-3 sum_i L_ki^3 / (6 (sum_k n_k^-2 sum_i L_ki^2)^1.5). One stratum gives
// sum d^3 / (6 (sum d^2)^1.5). 0 when all influence values are 0.
double acceleration(const JackknifeStrata& strata);

// Linear-interpolation quantile (numpy's default) of sorted values; p in [0, 1].
double sortedQuantile(std::span<const double> sorted, double p);

Interval percentileInterval(double estimate, std::vector<double>& replicates, double level);
Interval bcaInterval(double estimate, std::vector<double>& replicates, double acceleration, double level);

// The interval from the estimate and its replicates (sorted in place); `jackknife()` returns the
// JackknifeStrata and is called only for BCa.
template <class JackknifeFn>
Interval intervalFromReplicates(double estimate, std::vector<double>& replicates,
                                const BootstrapOptions& options, JackknifeFn&& jackknife) {
  if (options.method == CiMethod::Percentile) return percentileInterval(estimate, replicates, options.level);
  return bcaInterval(estimate, replicates, acceleration(jackknife()), options.level);
}

}  // namespace routescope::stats::internal
