#include "backend/stats/aggregates.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "backend/core/error.h"
#include "backend/stats/internal/resampling.h"

namespace routescope::stats {
namespace {

void requireMatrix(const ScoreMatrix& m, std::string_view name) {
  const std::string n(name);
  if (m.runs == 0) throw core::Error("stats: " + n + " has no runs");
  if (m.tasks == 0) throw core::Error("stats: " + n + " has no tasks");
  if (m.values.size() != m.runs * m.tasks) {
    throw core::Error("stats: " + n + ".values has " + std::to_string(m.values.size()) +
                      " entries, expected " + std::to_string(m.runs * m.tasks) + " (" +
                      std::to_string(m.runs) + " runs x " + std::to_string(m.tasks) + " tasks)");
  }
  for (std::size_t r = 0; r < m.runs; ++r) {
    for (std::size_t t = 0; t < m.tasks; ++t) {
      if (!std::isfinite(m.at(r, t))) {
        throw core::Error("stats: " + n + "[run " + std::to_string(r) + ", task " + std::to_string(t) +
                          "] is not finite");
      }
    }
  }
}

// U / (n m) of xs against ys (ties 1/2); sorts ys in place.
double taskImprovement(std::span<const double> xs, std::span<double> ys) {
  std::sort(ys.begin(), ys.end());
  double u = 0;
  for (const double x : xs) {
    const auto below = std::lower_bound(ys.begin(), ys.end(), x);
    const auto notAbove = std::upper_bound(below, ys.end(), x);
    u += static_cast<double>(below - ys.begin()) + 0.5 * static_cast<double>(notAbove - below);
  }
  return u / (static_cast<double>(xs.size()) * static_cast<double>(ys.size()));
}

// The runs of one task of a score matrix.
std::vector<double> column(const ScoreMatrix& m, std::size_t task) {
  std::vector<double> values(m.runs);
  for (std::size_t r = 0; r < m.runs; ++r) values[r] = m.at(r, task);
  return values;
}

}  // namespace

ScoreMatrix ScoreMatrix::fromRows(const std::vector<std::vector<double>>& rows) {
  ScoreMatrix m;
  m.runs = rows.size();
  m.tasks = rows.empty() ? 0 : rows.front().size();
  m.values.reserve(m.runs * m.tasks);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].size() != m.tasks) {
      throw core::Error("stats: score rows[" + std::to_string(r) + "] has " + std::to_string(rows[r].size()) +
                        " tasks, rows[0] has " + std::to_string(m.tasks));
    }
    m.values.insert(m.values.end(), rows[r].begin(), rows[r].end());
  }
  return m;
}

double interquartileMean(std::span<const double> sample) {
  internal::requireSample(sample, "sample");
  std::vector<double> sorted(sample.begin(), sample.end());
  std::sort(sorted.begin(), sorted.end());
  const auto n = static_cast<double>(sorted.size());
  const double lo = 0.25 * n;
  const double hi = 0.75 * n;
  double sum = 0;
  // x_(i+1) (0-based i) covers [i, i + 1); only those overlapping [lo, hi] have weight.
  const auto first = static_cast<std::size_t>(std::floor(lo));
  const auto last = std::min(sorted.size(), static_cast<std::size_t>(std::ceil(hi)));
  for (std::size_t i = first; i < last; ++i) {
    const double weight = std::min(static_cast<double>(i + 1), hi) - std::max(static_cast<double>(i), lo);
    if (weight > 0.0) sum += weight * sorted[i];
  }
  return sum / (hi - lo);
}

Interval stratifiedBootstrapCi(const ScoreMatrix& scores, const BootstrapOptions& options,
                               const Statistic& aggregate) {
  requireMatrix(scores, "scores");
  internal::requireOptions(options);
  internal::requireStatistic(aggregate);
  const std::size_t runs = scores.runs;
  const std::size_t tasks = scores.tasks;
  std::vector<double> pooled(runs * tasks);
  for (std::size_t t = 0; t < tasks; ++t) {
    for (std::size_t r = 0; r < runs; ++r) pooled[t * runs + r] = scores.at(r, t);
  }
  const double estimate = internal::requireFinite(aggregate(pooled), "scores");

  internal::IndexSampler draw(options.seed);
  std::vector<double> resample(pooled.size());
  std::vector<double> replicates;
  replicates.reserve(static_cast<std::size_t>(options.resamples));
  for (int b = 0; b < options.resamples; ++b) {
    for (std::size_t t = 0; t < tasks; ++t) {
      for (std::size_t r = 0; r < runs; ++r) resample[t * runs + r] = scores.at(draw(runs), t);
    }
    replicates.push_back(internal::requireFinite(aggregate(resample), "a bootstrap resample of scores"));
  }
  return internal::intervalFromReplicates(estimate, replicates, options, [&] {
    internal::JackknifeStrata strata;
    if (runs < 2) return strata;
    std::vector<double> rest(pooled.size() - 1);
    for (std::size_t t = 0; t < tasks; ++t) {
      std::vector<double> values;
      values.reserve(runs);
      for (std::size_t leave = 0; leave < runs; ++leave) {
        const std::size_t skip = t * runs + leave;
        std::copy(pooled.begin(), pooled.begin() + static_cast<std::ptrdiff_t>(skip), rest.begin());
        std::copy(pooled.begin() + static_cast<std::ptrdiff_t>(skip) + 1, pooled.end(),
                  rest.begin() + static_cast<std::ptrdiff_t>(skip));
        values.push_back(internal::requireFinite(aggregate(rest), "a leave-one-run-out sample of scores"));
      }
      strata.push_back(std::move(values));
    }
    return strata;
  });
}

Interval interquartileMeanCi(const ScoreMatrix& scores, const BootstrapOptions& options) {
  return stratifiedBootstrapCi(scores, options, interquartileMean);
}

double probabilityOfImprovement(const ScoreMatrix& x, const ScoreMatrix& y) {
  requireMatrix(x, "x");
  requireMatrix(y, "y");
  if (x.tasks != y.tasks) {
    throw core::Error("stats: x and y differ in tasks (" + std::to_string(x.tasks) + " vs " +
                      std::to_string(y.tasks) + ")");
  }
  double sum = 0;
  for (std::size_t t = 0; t < x.tasks; ++t) {
    std::vector<double> ys = column(y, t);
    sum += taskImprovement(column(x, t), ys);
  }
  return sum / static_cast<double>(x.tasks);
}

Interval probabilityOfImprovementCi(const ScoreMatrix& x, const ScoreMatrix& y,
                                    const BootstrapOptions& options) {
  const double estimate = probabilityOfImprovement(x, y);
  internal::requireOptions(options);
  const std::size_t tasks = x.tasks;
  const std::size_t n = x.runs;
  const std::size_t m = y.runs;
  const auto taskCount = static_cast<double>(tasks);

  internal::IndexSampler draw(options.seed);
  std::vector<double> xs(n);
  std::vector<double> ys(m);
  std::vector<double> replicates;
  replicates.reserve(static_cast<std::size_t>(options.resamples));
  for (int b = 0; b < options.resamples; ++b) {
    double sum = 0;
    for (std::size_t t = 0; t < tasks; ++t) {
      for (std::size_t i = 0; i < n; ++i) xs[i] = x.at(draw(n), t);
      for (std::size_t j = 0; j < m; ++j) ys[j] = y.at(draw(m), t);
      sum += taskImprovement(xs, ys);
    }
    replicates.push_back(sum / taskCount);
  }
  return internal::intervalFromReplicates(estimate, replicates, options, [&] {
    // Leaving one run of one task out changes only that task's term of the average.
    std::vector<double> perTask(tasks);
    for (std::size_t t = 0; t < tasks; ++t) {
      std::vector<double> columnY = column(y, t);
      perTask[t] = taskImprovement(column(x, t), columnY);
    }
    internal::JackknifeStrata strata;
    for (std::size_t t = 0; t < tasks; ++t) {
      const std::vector<double> cx = column(x, t);
      const std::vector<double> cy = column(y, t);
      double others = 0;
      for (std::size_t s = 0; s < tasks; ++s) {
        if (s != t) others += perTask[s];
      }
      if (n >= 2) {
        std::vector<double> values;
        for (std::size_t leave = 0; leave < n; ++leave) {
          std::vector<double> rest = cx;
          rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(leave));
          std::vector<double> sortedY = cy;
          values.push_back((others + taskImprovement(rest, sortedY)) / taskCount);
        }
        strata.push_back(std::move(values));
      }
      if (m >= 2) {
        std::vector<double> values;
        for (std::size_t leave = 0; leave < m; ++leave) {
          std::vector<double> rest = cy;
          rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(leave));
          values.push_back((others + taskImprovement(cx, rest)) / taskCount);
        }
        strata.push_back(std::move(values));
      }
    }
    return strata;
  });
}

}  // namespace routescope::stats
