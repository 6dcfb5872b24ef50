#pragma once
// Robust aggregates of scores over runs (seeds) and tasks, after Agarwal et al., "Deep
// Reinforcement Learning at the Edge of the Statistical Precipice" (NeurIPS 2021) and its library
// rliable: the interquartile mean (IQM), the probability of improvement P(X > Y), and their
// stratified bootstrap intervals (runs resampled with replacement within each task).

#include <cstddef>
#include <span>
#include <vector>

#include "backend/stats/bootstrap.h"

namespace routescope::stats {

// Scores of `runs` runs (seeds) on `tasks` tasks, row-major: values[run * tasks + task].
struct ScoreMatrix {
  std::size_t runs = 0;
  std::size_t tasks = 0;
  std::vector<double> values;

  double at(std::size_t run, std::size_t task) const { return values[run * tasks + task]; }
  // rows[run][task]; throws core::Error when the rows differ in length.
  static ScoreMatrix fromRows(const std::vector<std::vector<double>>& rows);
};

// The mean of the middle 50 % of the sample's empirical distribution. With x_(1) <= ... <= x_(n)
// and x_(i) spread over [i - 1, i), IQM = (2 / n) * sum_i x_(i) * |[i - 1, i) ∩ [n/4, 3n/4]|, i.e.
// x_(i) gets weight 1 inside the cut points and the fraction it overlaps at the cut points.
// n divisible by 4: exactly the mean of x_(n/4+1) .. x_(3n/4), as scipy.stats.trim_mean(x, 0.25).
// Other n: e.g. n = 5 weighs x_(2), x_(3), x_(4) by 0.75, 1, 0.75 (over 2.5), where scipy would drop
// only floor(n/4) values per side; n = 1 gives x, n = 2 the mean, n = 3 weights .25, 1, .25 (over
// 1.5). Throws on an empty sample or non-finite values.
double interquartileMean(std::span<const double> sample);

// IQM of all runs x tasks scores pooled, with a stratified bootstrap interval: each replicate
// resamples `runs` runs with replacement independently within each task, pools the resampled
// scores, and takes their IQM (rliable's aggregate IQM; rliable's default method is the
// percentile interval, BootstrapOptions' default is BCa). BCa's acceleration uses the stratified
// jackknife (one run of one task left out at a time; tasks with one run contribute nothing).
Interval interquartileMeanCi(const ScoreMatrix& scores, const BootstrapOptions& options = {});

// The same for any aggregate of the pooled scores (it gets the task-major pooled values: all runs
// of task 0, then of task 1, ...).
Interval stratifiedBootstrapCi(const ScoreMatrix& scores, const BootstrapOptions& options,
                               const Statistic& aggregate);

// P(X > Y): per task the Mann-Whitney statistic U / (n m) over the n runs of x and the m runs of y
// (a pair counts 1 when x > y, 1/2 when equal), averaged over tasks. x and y must have the same
// number of tasks; their run counts may differ.
double probabilityOfImprovement(const ScoreMatrix& x, const ScoreMatrix& y);

// P(X > Y) with a stratified bootstrap interval: within each task the runs of x and the runs of y
// are resampled independently (they are independent samples; rliable's
// StratifiedIndependentBootstrap does the same). BCa's jackknife strata are the (sample, task)
// cells.
Interval probabilityOfImprovementCi(const ScoreMatrix& x, const ScoreMatrix& y,
                                    const BootstrapOptions& options = {});

}  // namespace routescope::stats
