#pragma once
// Figures of rl runs, drawn from the run's metrics (no LibTorch here).
#include <memory>

#include "plugins/sdk/run_data.h"
#include "widgets/charts/chart_view.h"

namespace routescope::plugins::rl {

// Every finished episode's return (points) and the mean of the last 20 (line) against
// environment steps, with the deterministic evaluations when the run made any.
std::unique_ptr<widgets::ChartView> learningCurveFigure(const RunData& run);
// Policy loss, value loss and entropy per update.
std::unique_ptr<widgets::ChartView> lossesFigure(const RunData& run);
// Approximate KL and the share of clipped ratios per update: whether updates stay near the old policy.
std::unique_ptr<widgets::ChartView> trustRegionFigure(const RunData& run);
// A compare run: the mean or IQM over seeds per step with its bootstrap band (learning_curve.csv).
// Throws core::Error naming the run and the artifact when the artifact is malformed.
std::unique_ptr<widgets::ChartView> learningCurveOverSeedsFigure(const RunData& run);
// An evaluate run: the return of each episode.
std::unique_ptr<widgets::ChartView> evaluationFigure(const RunData& run);

}  // namespace routescope::plugins::rl
