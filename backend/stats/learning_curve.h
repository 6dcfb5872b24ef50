#pragma once
// Learning curves over seeds: several runs' (step, value) series aligned on one step grid, with
// per step the mean (or IQM) over the runs and a bootstrap interval over runs — the data of a
// "learning curve over seeds with a CI band" figure.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "backend/stats/bootstrap.h"

namespace routescope::stats {

// One run's metric series; steps non-decreasing (at a repeated step the later value wins).
struct Series {
  std::vector<std::int64_t> steps;
  std::vector<double> values;
};

enum class CurveAggregate { Mean, Iqm };

struct CurveOptions {
  CurveAggregate aggregate = CurveAggregate::Mean;
  // The grid; empty: the union of all runs' steps. Given steps are sorted and deduplicated.
  std::vector<std::int64_t> steps;
  BootstrapOptions bootstrap;
};

struct CurvePoint {
  std::int64_t step = 0;
  std::size_t runs = 0;  // runs that have started by this step (and so contribute)
  Interval value;        // aggregate over those runs and its bootstrap interval over runs
};

// At grid step s a run contributes its value at its last step <= s (carried forward past its last
// step); a run whose first step is after s contributes nothing (no extrapolation backwards). Grid
// steps where no run has started yet are left out. Every step's bootstrap uses the same seed, so
// steps with the same run count resample the same run sets (the band is the pointwise interval of
// consistent bootstrap curves). Throws core::Error for no runs, an empty run, runs[i].steps and
// .values of different lengths, decreasing steps, non-finite values, or bad bootstrap options.
// Element i: the mean of values[max(0, i − window + 1) … i] (a trailing moving average, as the
// learning-curve figures smooth noisy episode returns). Throws core::Error for window < 1.
std::vector<double> trailingMean(std::span<const double> values, std::size_t window);

std::vector<CurvePoint> aggregateCurves(std::span<const Series> runs, const CurveOptions& options = {});

}  // namespace routescope::stats
