#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "backend/core/error.h"
#include "backend/stats/aggregates.h"
#include "backend/stats/bootstrap.h"
#include "backend/stats/learning_curve.h"

namespace stats = routescope::stats;
using routescope::core::Error;
using stats::BootstrapOptions;
using stats::CiMethod;
using stats::Interval;

namespace {

// Normal(mu, sigma) by Box-Muller from mt19937_64, so the test data do not depend on the standard
// library's std::normal_distribution.
class Normal {
 public:
  Normal(std::uint64_t seed, double mu, double sigma) : rng_(seed), mu_(mu), sigma_(sigma) {}
  double operator()() {
    if (hasSpare_) {
      hasSpare_ = false;
      return mu_ + sigma_ * spare_;
    }
    // u1 in (0, 1]: 53 random bits, shifted away from 0.
    const double u1 = (static_cast<double>(rng_() >> 11) + 1.0) * 0x1.0p-53;
    const double u2 = static_cast<double>(rng_() >> 11) * 0x1.0p-53;
    const double r = std::sqrt(-2.0 * std::log(u1));
    spare_ = r * std::sin(2.0 * std::numbers::pi * u2);
    hasSpare_ = true;
    return mu_ + sigma_ * r * std::cos(2.0 * std::numbers::pi * u2);
  }

 private:
  std::mt19937_64 rng_;
  double mu_;
  double sigma_;
  double spare_ = 0;
  bool hasSpare_ = false;
};

BootstrapOptions options(CiMethod method, std::uint64_t seed = 1, int resamples = 2000, double level = 0.95) {
  BootstrapOptions o;
  o.method = method;
  o.seed = seed;
  o.resamples = resamples;
  o.level = level;
  return o;
}

template <class Fn>
void expectError(Fn&& fn, const std::string& message) {
  try {
    fn();
    ADD_FAILURE() << "no core::Error, expected: " << message;
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), message);
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
  }
}

// numpy-style (type 7) quantile of sorted values, written independently of the library's.
double quantile7(const std::vector<double>& sorted, double p) {
  const double h = p * static_cast<double>(sorted.size() - 1);
  const double lo = std::floor(h);
  const auto i = static_cast<std::size_t>(lo);
  if (i + 1 >= sorted.size()) return sorted.back();
  return sorted[i] + (h - lo) * (sorted[i + 1] - sorted[i]);
}

}  // namespace

// ---- normal distribution ---------------------------------------------------------------------

// Phi^-1(0.975) = 1.959963984540054 (the familiar 1.96; tables / R qnorm(0.975)).
TEST(StatsNormal, QuantileOf0975Is1959963984540054AndRoundTrips) {
  EXPECT_NEAR(stats::normalQuantile(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(stats::normalQuantile(0.025), -1.959963984540054, 1e-14);
  EXPECT_EQ(stats::normalQuantile(0.5), 0.0);
  for (const double p : {1e-12, 1e-6, 0.00025, 0.01, 0.2, 0.5, 0.7, 0.99, 0.9999}) {
    EXPECT_NEAR(stats::normalCdf(stats::normalQuantile(p)), p, 1e-13 * std::max(p, 1e-3)) << p;
  }
  EXPECT_EQ(stats::normalQuantile(0.0), -std::numeric_limits<double>::infinity());
  EXPECT_EQ(stats::normalQuantile(1.0), std::numeric_limits<double>::infinity());
}

// ---- coverage ----------------------------------------------------------------------------------

// 1,000 seeded repetitions of n = 50 draws from Normal(mu = 3, sigma = 2); each gets a percentile
// and a BCa interval (2,000 resamples, level 0.95); both must cover mu = 3 in 93-97 % of them.
// Theory for this setup: about 94 % (the bootstrap standard error is sqrt(49/50) of the usual one
// and the normal quantile is used instead of t_49), Monte Carlo s.e. 0.7 %.
TEST(StatsBootstrapCoverage, Normal3Sd2N50Percentile95AndBca95Cover93To97PercentOf1000Repetitions) {
  constexpr int kRepetitions = 1000;
  constexpr int kN = 50;
  constexpr double kMu = 3.0;
  Normal draw(20240611, kMu, 2.0);
  int percentileHits = 0;
  int bcaHits = 0;
  std::vector<double> sample(kN);
  const auto start = std::chrono::steady_clock::now();
  for (int rep = 0; rep < kRepetitions; ++rep) {
    for (double& v : sample) v = draw();
    const auto seed = static_cast<std::uint64_t>(1000 + rep);
    const Interval p = stats::bootstrapCi(sample, options(CiMethod::Percentile, seed));
    const Interval b = stats::bootstrapCi(sample, options(CiMethod::Bca, seed));
    percentileHits += (p.low <= kMu && kMu <= p.high) ? 1 : 0;
    bcaHits += (b.low <= kMu && kMu <= b.high) ? 1 : 0;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double percentileCoverage = percentileHits / static_cast<double>(kRepetitions);
  const double bcaCoverage = bcaHits / static_cast<double>(kRepetitions);
  std::printf("coverage: percentile %.3f, BCa %.3f (%.2f s)\n", percentileCoverage, bcaCoverage, seconds);
  EXPECT_GE(percentileCoverage, 0.93);
  EXPECT_LE(percentileCoverage, 0.97);
  EXPECT_GE(bcaCoverage, 0.93);
  EXPECT_LE(bcaCoverage, 0.97);
}

// ---- interval construction -----------------------------------------------------------------------

// BCa recomputed here from the library's replicates (same seed) with Efron's formulas, using the
// closed form of the mean's jackknife: theta_(i) = (n mean - x_i) / (n - 1), so
// a = sum (x_i - mean)^3 / (6 (sum (x_i - mean)^2)^1.5).
TEST(StatsBootstrap, BcaOfSkewedSampleMatchesEfronFormulasWithClosedFormJackknife) {
  const std::vector<double> x = {1, 2, 3, 4, 10, 20, 2.5, 1.5};
  const BootstrapOptions o = options(CiMethod::Bca, 7, 4000, 0.9);
  std::vector<double> reps = stats::bootstrapReplicates(x, o);
  std::sort(reps.begin(), reps.end());
  const double m = stats::mean(x);
  double s2 = 0;
  double s3 = 0;
  for (const double v : x) {
    s2 += (v - m) * (v - m);
    s3 += (v - m) * (v - m) * (v - m);
  }
  const double a = s3 / (6.0 * std::pow(s2, 1.5));
  double below = 0;
  for (const double r : reps) below += r < m ? 1.0 : (r == m ? 0.5 : 0.0);
  const double z0 = stats::normalQuantile(below / static_cast<double>(reps.size()));
  const auto endpoint = [&](double alpha) {
    const double z = stats::normalQuantile(alpha);
    return quantile7(reps, stats::normalCdf(z0 + (z0 + z) / (1.0 - a * (z0 + z))));
  };
  const Interval bca = stats::bootstrapCi(x, o);
  EXPECT_DOUBLE_EQ(bca.estimate, m);
  EXPECT_NEAR(bca.low, endpoint(0.05), 1e-12);
  EXPECT_NEAR(bca.high, endpoint(0.95), 1e-12);

  const Interval pct = stats::bootstrapCi(x, options(CiMethod::Percentile, 7, 4000, 0.9));
  EXPECT_NEAR(pct.low, quantile7(reps, 0.05), 1e-12);
  EXPECT_NEAR(pct.high, quantile7(reps, 0.95), 1e-12);
  // Right-skewed data: BCa moves the interval to the right of the percentile one.
  EXPECT_GT(a, 0.0);
  EXPECT_GT(bca.high, pct.high);
}

TEST(StatsBootstrap, AnyStatisticMedianOfConstantSampleGivesDegenerateInterval) {
  const std::vector<double> x = {4, 4, 4, 4, 4};
  const auto median = [](std::span<const double> s) {
    std::vector<double> v(s.begin(), s.end());
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
  };
  for (const CiMethod method : {CiMethod::Percentile, CiMethod::Bca}) {
    const Interval i = stats::bootstrapCi(x, options(method), median);
    EXPECT_EQ(i.estimate, 4.0);
    EXPECT_EQ(i.low, 4.0);
    EXPECT_EQ(i.high, 4.0);
  }
  const Interval one = stats::bootstrapCi(std::vector<double>{2.5}, options(CiMethod::Bca));
  EXPECT_EQ(one.low, 2.5);
  EXPECT_EQ(one.high, 2.5);
}

TEST(StatsBootstrap, SameSeedGivesIdenticalIntervalsDifferentSeedDifferent) {
  Normal draw(5, 0.0, 1.0);
  std::vector<double> x(40);
  for (double& v : x) v = draw();
  for (const CiMethod method : {CiMethod::Percentile, CiMethod::Bca}) {
    const Interval a = stats::bootstrapCi(x, options(method, 42));
    const Interval b = stats::bootstrapCi(x, options(method, 42));
    const Interval c = stats::bootstrapCi(x, options(method, 43));
    EXPECT_EQ(a.low, b.low);
    EXPECT_EQ(a.high, b.high);
    EXPECT_EQ(a.estimate, c.estimate);
    EXPECT_NE(a.low, c.low);
    EXPECT_NE(a.high, c.high);
  }
  EXPECT_EQ(stats::bootstrapReplicates(x, options(CiMethod::Bca, 9)),
            stats::bootstrapReplicates(x, options(CiMethod::Bca, 9)));

  const std::vector<double> y(x.rbegin(), x.rend());
  const auto p1 = stats::pairedBootstrap(x, y, options(CiMethod::Bca, 3));
  const auto p2 = stats::pairedBootstrap(x, y, options(CiMethod::Bca, 3));
  const auto p3 = stats::pairedBootstrap(x, y, options(CiMethod::Bca, 4));
  EXPECT_EQ(p1.difference.low, p2.difference.low);
  EXPECT_EQ(p1.shareAboveZero, p2.shareAboveZero);
  EXPECT_NE(p1.difference.low, p3.difference.low);

  std::vector<std::vector<double>> rows(10, std::vector<double>(3));
  for (auto& row : rows) {
    for (double& v : row) v = draw();
  }
  const auto m = stats::ScoreMatrix::fromRows(rows);
  EXPECT_EQ(stats::interquartileMeanCi(m, options(CiMethod::Bca, 8)).low,
            stats::interquartileMeanCi(m, options(CiMethod::Bca, 8)).low);
  EXPECT_NE(stats::interquartileMeanCi(m, options(CiMethod::Percentile, 8)).low,
            stats::interquartileMeanCi(m, options(CiMethod::Percentile, 9)).low);
}

// ---- paired bootstrap ------------------------------------------------------------------------------

// a_i = b_i + 0.5 + 0.1 ((i mod 5) - 2): the differences cycle 0.3, 0.4, 0.5, 0.6, 0.7, mean exactly
// 0.5, while b spreads over hundreds (an unpaired comparison would see nothing). Every resampled
// mean of values in [0.3, 0.7] is > 0, so the share above 0 is 1.
TEST(StatsPairedBootstrap, KnownShiftHalfGivesIntervalContainingItExcludingZeroShareAbove1) {
  std::vector<double> a;
  std::vector<double> b;
  Normal draw(11, 0.0, 100.0);
  for (int i = 0; i < 30; ++i) {
    b.push_back(draw());
    a.push_back(b.back() + 0.5 + 0.1 * ((i % 5) - 2));
  }
  for (const CiMethod method : {CiMethod::Percentile, CiMethod::Bca}) {
    const stats::PairedDifference d = stats::pairedBootstrap(a, b, options(method, 21));
    EXPECT_NEAR(d.difference.estimate, 0.5, 1e-9);
    EXPECT_LT(d.difference.low, 0.5);
    EXPECT_GT(d.difference.high, 0.5);
    EXPECT_GT(d.difference.low, 0.0);
    EXPECT_EQ(d.shareAboveZero, 1.0);
  }
  // Median of the differences: 0.3..0.7 six times each, median 0.5.
  const auto median = [](std::span<const double> s) {
    std::vector<double> v(s.begin(), s.end());
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
  };
  const stats::PairedDifference md = stats::pairedBootstrap(a, b, options(CiMethod::Bca, 2), median,
                                                            stats::PairedTarget::StatisticOfDifferences);
  EXPECT_NEAR(md.difference.estimate, 0.5, 1e-9);
  EXPECT_GT(md.difference.low, 0.0);
  EXPECT_EQ(md.shareAboveZero, 1.0);
  // Reversed: the share above zero is 0.
  EXPECT_EQ(stats::pairedBootstrap(b, a, options(CiMethod::Percentile, 21)).shareAboveZero, 0.0);
}

// ---- IQM ------------------------------------------------------------------------------------------

// n = 8 (divisible by 4, scipy.stats.trim_mean(x, 0.25)): sorted 1..7, 100; drop two each side:
// mean(3, 4, 5, 6) = 4.5.
TEST(StatsIqm, N8Unsorted1To7And100Is4Point5) {
  EXPECT_DOUBLE_EQ(stats::interquartileMean(std::vector<double>{100, 1, 7, 2, 6, 3, 5, 4}), 4.5);
}

// n = 5, cut points 1.25 and 3.75: weights 0, .75, 1, .75, 0 over 2.5.
// {1, 2, 4, 8, 16}: (.75*2 + 4 + .75*8) / 2.5 = 11.5 / 2.5 = 4.6.
TEST(StatsIqm, N5Powers1To16Is4Point6) {
  EXPECT_DOUBLE_EQ(stats::interquartileMean(std::vector<double>{16, 1, 8, 2, 4}), 4.6);
}

// n = 6, cut points 1.5 and 4.5: weights 0, .5, 1, 1, .5, 0 over 3.
// {1, 2, 3, 4, 5, 60}: (1 + 3 + 4 + 2.5) / 3 = 3.5.
TEST(StatsIqm, N6With60OutlierIs3Point5) {
  EXPECT_DOUBLE_EQ(stats::interquartileMean(std::vector<double>{60, 1, 5, 2, 4, 3}), 3.5);
}

// n = 7, cut points 1.75 and 5.25: weights 0, .25, 1, 1, 1, .25, 0 over 3.5.
// {0, 10, 20, 30, 40, 50, 1000}: (2.5 + 90 + 12.5) / 3.5 = 30.
TEST(StatsIqm, N7TensWith1000OutlierIs30) {
  EXPECT_DOUBLE_EQ(stats::interquartileMean(std::vector<double>{1000, 50, 0, 40, 10, 30, 20}), 30.0);
}

// n = 1: the value; n = 2: the mean; n = 3 {0, 4, 100}: weights .25, 1, .25 over 1.5 = 29 / 1.5.
TEST(StatsIqm, N1IsValueN2IsMeanN3Is58Over3) {
  EXPECT_DOUBLE_EQ(stats::interquartileMean(std::vector<double>{7}), 7.0);
  EXPECT_DOUBLE_EQ(stats::interquartileMean(std::vector<double>{3, 1}), 2.0);
  EXPECT_DOUBLE_EQ(stats::interquartileMean(std::vector<double>{100, 0, 4}), 58.0 / 3.0);
}

// Task 0 all 0, task 1 all 100 over 6 runs: the pooled 12 scores are six 0s and six 100s, IQM 50.
// Stratified resampling keeps six scores of each task in every replicate, so the interval is
// exactly [50, 50] (an unstratified bootstrap would not be).
TEST(StatsIqm, StratifiedCiOfTwoConstantTasks0And100IsExactly50) {
  std::vector<std::vector<double>> rows(6, std::vector<double>{0.0, 100.0});
  const auto m = stats::ScoreMatrix::fromRows(rows);
  for (const CiMethod method : {CiMethod::Percentile, CiMethod::Bca}) {
    const Interval i = stats::interquartileMeanCi(m, options(method));
    EXPECT_DOUBLE_EQ(i.estimate, 50.0);
    EXPECT_DOUBLE_EQ(i.low, 50.0);
    EXPECT_DOUBLE_EQ(i.high, 50.0);
  }
}

TEST(StatsIqm, StratifiedCiContainsPooledIqmAndWidensWithNoise) {
  Normal draw(3, 0.0, 1.0);
  std::vector<std::vector<double>> rows(10, std::vector<double>(5));
  std::vector<double> pooled;
  for (auto& row : rows) {
    for (std::size_t t = 0; t < row.size(); ++t) {
      row[t] = static_cast<double>(t) + draw();
      pooled.push_back(row[t]);
    }
  }
  const auto m = stats::ScoreMatrix::fromRows(rows);
  for (const CiMethod method : {CiMethod::Percentile, CiMethod::Bca}) {
    const Interval i = stats::interquartileMeanCi(m, options(method));
    EXPECT_DOUBLE_EQ(i.estimate, stats::interquartileMean(pooled));
    EXPECT_LT(i.low, i.estimate);
    EXPECT_GT(i.high, i.estimate);
    EXPECT_LT(i.high - i.low, 2.0);
  }
  const Interval mean = stats::stratifiedBootstrapCi(m, options(CiMethod::Percentile), stats::mean);
  EXPECT_DOUBLE_EQ(mean.estimate, stats::mean(pooled));
}

// ---- probability of improvement --------------------------------------------------------------------

// x: 3 runs, y: 2 runs, 2 tasks.
// Task 0: x = {1, 2, 3}, y = {2, 2}: x=1 beats none (0), x=2 ties both (1/2 + 1/2), x=3 beats both (2)
//   -> U = 3, U / (3*2) = 1/2.
// Task 1: x = {5, 6, 0}, y = {5, 1}: x=5 ties 5, beats 1 (1.5), x=6 beats both (2), x=0 none (0)
//   -> U = 3.5, / 6 = 7/12.
// Average: (1/2 + 7/12) / 2 = 13/24 = 0.541666...; P(Y > X) = 1 - 13/24 = 11/24.
TEST(StatsProbabilityOfImprovement, TwoTasksWithTiesIs13Over24) {
  const auto x = stats::ScoreMatrix::fromRows({{1, 5}, {2, 6}, {3, 0}});
  const auto y = stats::ScoreMatrix::fromRows({{2, 5}, {2, 1}});
  EXPECT_DOUBLE_EQ(stats::probabilityOfImprovement(x, y), 13.0 / 24.0);
  EXPECT_DOUBLE_EQ(stats::probabilityOfImprovement(y, x), 11.0 / 24.0);
  for (const CiMethod method : {CiMethod::Percentile, CiMethod::Bca}) {
    const Interval i = stats::probabilityOfImprovementCi(x, y, options(method));
    EXPECT_DOUBLE_EQ(i.estimate, 13.0 / 24.0);
    EXPECT_LE(i.low, i.estimate);
    EXPECT_GE(i.high, i.estimate);
    EXPECT_GE(i.low, 0.0);
    EXPECT_LE(i.high, 1.0);
    EXPECT_LT(i.low, i.high);
  }
}

// Every x above every y in both tasks: P = 1 and every replicate is 1.
TEST(StatsProbabilityOfImprovement, SeparatedSamplesGive1WithDegenerateInterval) {
  const auto x = stats::ScoreMatrix::fromRows({{10, 20}, {11, 21}, {12, 22}, {13, 23}});
  const auto y = stats::ScoreMatrix::fromRows({{1, 2}, {3, 4}, {5, 6}});
  const Interval i = stats::probabilityOfImprovementCi(x, y, options(CiMethod::Bca));
  EXPECT_EQ(i.estimate, 1.0);
  EXPECT_EQ(i.low, 1.0);
  EXPECT_EQ(i.high, 1.0);
}

// ---- learning curves ---------------------------------------------------------------------------

// run0 (0:0, 10:1, 20:2), run1 (5:10, 10:20), run2 (10:3, 30:6); union grid 0, 5, 10, 20, 30.
// step 0: run0 only -> 0; step 5: run0 carried 0, run1 10 -> 5; step 10: 1, 20, 3 -> 8;
// step 20: 2, 20, 3 -> 25/3; step 30: 2, 20, 6 -> 28/3.
TEST(StatsLearningCurve, UnionGridCarriesLastValueForwardNoBackwardExtrapolation) {
  const std::vector<stats::Series> runs = {{{0, 10, 20}, {0, 1, 2}}, {{5, 10}, {10, 20}}, {{10, 30}, {3, 6}}};
  stats::CurveOptions o;
  o.bootstrap = options(CiMethod::Percentile, 5, 500);
  const std::vector<stats::CurvePoint> curve = stats::aggregateCurves(runs, o);
  ASSERT_EQ(curve.size(), 5u);
  const std::vector<std::int64_t> steps = {0, 5, 10, 20, 30};
  const std::vector<std::size_t> counts = {1, 2, 3, 3, 3};
  const std::vector<double> means = {0, 5, 8, 25.0 / 3.0, 28.0 / 3.0};
  for (std::size_t i = 0; i < curve.size(); ++i) {
    EXPECT_EQ(curve[i].step, steps[i]);
    EXPECT_EQ(curve[i].runs, counts[i]);
    EXPECT_DOUBLE_EQ(curve[i].value.estimate, means[i]);
    EXPECT_LE(curve[i].value.low, curve[i].value.estimate);
    EXPECT_GE(curve[i].value.high, curve[i].value.estimate);
  }
  EXPECT_EQ(curve[0].value.low, 0.0);
  EXPECT_EQ(curve[0].value.high, 0.0);
  EXPECT_LT(curve[2].value.low, curve[2].value.high);

  // Given grid {30, -5, 7, 7} -> sorted, unique -5, 7, 30; -5 precedes every run and is left out;
  // step 7: run0 0, run1 10 -> 5. IQM at step 10 ({1, 3, 20}, weights .25, 1, .25 over 1.5) = 5.5.
  o.steps = {30, -5, 7, 7};
  const auto given = stats::aggregateCurves(runs, o);
  ASSERT_EQ(given.size(), 2u);
  EXPECT_EQ(given[0].step, 7);
  EXPECT_DOUBLE_EQ(given[0].value.estimate, 5.0);
  EXPECT_EQ(given[1].step, 30);
  EXPECT_DOUBLE_EQ(given[1].value.estimate, 28.0 / 3.0);
  o.steps = {10};
  o.aggregate = stats::CurveAggregate::Iqm;
  EXPECT_DOUBLE_EQ(stats::aggregateCurves(runs, o).at(0).value.estimate, 5.5);

  // A repeated step: the later value wins (step 0 -> 2).
  const std::vector<stats::Series> repeated = {{{0, 0, 5}, {1, 2, 3}}};
  EXPECT_DOUBLE_EQ(stats::aggregateCurves(repeated).at(0).value.estimate, 2.0);
}

// ---- errors ----------------------------------------------------------------------------------------

TEST(StatsErrors, OneLineMessagesNameTheArgument) {
  const std::vector<double> ok = {1, 2, 3};
  const std::vector<double> empty;
  const std::vector<double> withNan = {1, std::nan(""), 3};
  const std::vector<double> withInf = {1, 2, std::numeric_limits<double>::infinity()};
  expectError([&] { stats::bootstrapCi(empty); }, "stats: sample is empty");
  expectError([&] { stats::bootstrapCi(withNan); }, "stats: sample[1] is not finite (nan)");
  expectError([&] { stats::bootstrapCi(withInf); }, "stats: sample[2] is not finite (inf)");
  expectError([&] { stats::bootstrapCi(ok, options(CiMethod::Bca, 1, 2000, 1.0)); },
              "stats: level must be in (0, 1), got 1");
  expectError([&] { stats::bootstrapCi(ok, options(CiMethod::Bca, 1, 2000, 0.0)); },
              "stats: level must be in (0, 1), got 0");
  expectError([&] { stats::bootstrapCi(ok, options(CiMethod::Percentile, 1, 2000, std::nan(""))); },
              "stats: level must be in (0, 1), got nan");
  expectError([&] { stats::bootstrapCi(ok, options(CiMethod::Bca, 1, 0)); },
              "stats: resamples must be >= 1, got 0");
  expectError([&] { stats::bootstrapCi(ok, options(CiMethod::Bca, 1, -5)); },
              "stats: resamples must be >= 1, got -5");
  expectError([&] { stats::bootstrapCi(ok, {}, stats::Statistic()); }, "stats: statistic is empty");
  expectError([&] { stats::bootstrapCi(ok, {}, [](std::span<const double>) { return std::nan(""); }); },
              "stats: statistic is not finite (nan) on a bootstrap resample of sample");

  expectError([&] { stats::pairedBootstrap(ok, empty); }, "stats: b is empty");
  expectError([&] { stats::pairedBootstrap(withNan, ok); }, "stats: a[1] is not finite (nan)");
  expectError(
      [&] {
        stats::pairedBootstrap(ok, std::vector<double>{1, 2});
      },
      "stats: paired samples a and b differ in length (3 vs 2)");

  expectError([&] { stats::interquartileMean(empty); }, "stats: sample is empty");
  expectError([&] { stats::interquartileMean(withNan); }, "stats: sample[1] is not finite (nan)");
  const auto m = stats::ScoreMatrix::fromRows({{1, 2}, {3, 4}});
  expectError([&] { stats::interquartileMeanCi(stats::ScoreMatrix{}); }, "stats: scores has no runs");
  expectError(
      [&] {
        stats::interquartileMeanCi(stats::ScoreMatrix{2, 2, {1, 2, 3}});
      },
      "stats: scores.values has 3 entries, expected 4 (2 runs x 2 tasks)");
  expectError(
      [&] {
        stats::interquartileMeanCi(stats::ScoreMatrix{2, 2, {1, 2, 3, std::nan("")}});
      },
      "stats: scores[run 1, task 1] is not finite");
  expectError([&] { stats::interquartileMeanCi(m, options(CiMethod::Bca, 1, 0)); },
              "stats: resamples must be >= 1, got 0");
  expectError(
      [&] {
        stats::ScoreMatrix::fromRows({{1, 2}, {3}});
      },
      "stats: score rows[1] has 1 tasks, rows[0] has 2");
  expectError(
      [&] {
        stats::probabilityOfImprovement(m, stats::ScoreMatrix::fromRows({{1, 2, 3}}));
      },
      "stats: x and y differ in tasks (2 vs 3)");
  expectError([&] { stats::probabilityOfImprovementCi(m, stats::ScoreMatrix{}); }, "stats: y has no runs");
  expectError([&] { stats::probabilityOfImprovementCi(m, m, options(CiMethod::Bca, 1, 2000, 1.5)); },
              "stats: level must be in (0, 1), got 1.5");

  expectError([&] { stats::aggregateCurves({}); }, "stats: runs is empty");
  const std::vector<stats::Series> emptyRun = {{{0}, {1}}, {{}, {}}};
  expectError([&] { stats::aggregateCurves(emptyRun); }, "stats: runs[1].values is empty");
  const std::vector<stats::Series> mismatched = {{{0, 1}, {1}}};
  expectError([&] { stats::aggregateCurves(mismatched); },
              "stats: runs[0].steps and .values differ in length (2 vs 1)");
  const std::vector<stats::Series> decreasing = {{{0, 5, 3}, {1, 2, 3}}};
  expectError([&] { stats::aggregateCurves(decreasing); },
              "stats: runs[0].steps decrease at index 2 (5 then 3)");
  const std::vector<stats::Series> nonFinite = {{{0, 5}, {1, std::nan("")}}};
  expectError([&] { stats::aggregateCurves(nonFinite); }, "stats: runs[0].values[1] is not finite (nan)");
}
