#include "backend/stats/learning_curve.h"

#include <algorithm>
#include <string>

#include "backend/core/error.h"
#include "backend/stats/aggregates.h"
#include "backend/stats/internal/resampling.h"

namespace routescope::stats {

std::vector<CurvePoint> aggregateCurves(std::span<const Series> runs, const CurveOptions& options) {
  if (runs.empty()) throw core::Error("stats: runs is empty");
  internal::requireOptions(options.bootstrap);
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const std::string name = "runs[" + std::to_string(r) + "]";
    const Series& run = runs[r];
    if (run.steps.size() != run.values.size()) {
      throw core::Error("stats: " + name + ".steps and .values differ in length (" +
                        std::to_string(run.steps.size()) + " vs " + std::to_string(run.values.size()) + ")");
    }
    internal::requireSample(run.values, name + ".values");
    for (std::size_t i = 1; i < run.steps.size(); ++i) {
      if (run.steps[i] < run.steps[i - 1]) {
        throw core::Error("stats: " + name + ".steps decrease at index " + std::to_string(i) + " (" +
                          std::to_string(run.steps[i - 1]) + " then " + std::to_string(run.steps[i]) + ")");
      }
    }
  }

  std::vector<std::int64_t> grid = options.steps;
  if (grid.empty()) {
    for (const Series& run : runs) grid.insert(grid.end(), run.steps.begin(), run.steps.end());
  }
  std::sort(grid.begin(), grid.end());
  grid.erase(std::unique(grid.begin(), grid.end()), grid.end());

  const Statistic statistic =
      options.aggregate == CurveAggregate::Iqm ? Statistic(interquartileMean) : Statistic(mean);
  // Per run, the index of its last step <= the current grid step (grid ascending: only moves on).
  std::vector<std::size_t> next(runs.size(), 0);
  std::vector<double> present;
  present.reserve(runs.size());
  std::vector<CurvePoint> points;
  points.reserve(grid.size());
  for (const std::int64_t step : grid) {
    present.clear();
    for (std::size_t r = 0; r < runs.size(); ++r) {
      const Series& run = runs[r];
      while (next[r] < run.steps.size() && run.steps[next[r]] <= step) ++next[r];
      if (next[r] > 0) present.push_back(run.values[next[r] - 1]);
    }
    if (present.empty()) continue;
    points.push_back({step, present.size(), bootstrapCi(present, options.bootstrap, statistic)});
  }
  return points;
}

std::vector<double> trailingMean(std::span<const double> values, std::size_t window) {
  if (window < 1) throw core::Error("stats: window must be >= 1, got 0");
  std::vector<double> means(values.size());
  double sum = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    sum += values[i];
    if (i >= window) sum -= values[i - window];
    means[i] = sum / static_cast<double>(std::min(i + 1, window));
  }
  return means;
}

}  // namespace routescope::stats
