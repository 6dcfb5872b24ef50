#pragma once
// Convergence of traffic assignment: relative gap (log scale) against iteration or against
// seconds, one line per solve (per algorithm in a `compare` run, before/after/cold in `whatif`).

#include <memory>

#include "plugins/traffic/run_artifacts.h"
#include "widgets/charts/chart_view.h"

namespace routescope::plugins::traffic {

enum class ConvergenceAxis { Iteration, Seconds };

std::unique_ptr<widgets::ChartView> convergenceChart(const QList<ConvergenceSeries>& series,
                                                     ConvergenceAxis axis);

}  // namespace routescope::plugins::traffic
