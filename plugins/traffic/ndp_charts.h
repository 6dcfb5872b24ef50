#pragma once
// The charts of network-design runs: GA convergence (best and mean fitness per generation), the
// surrogate's predictions against user equilibrium (with the y = x line and R² in the title), the
// budget–TSTT Pareto front, and each method's gap to the reference against time.

#include <memory>

#include "plugins/traffic/ndp_artifacts.h"
#include "widgets/charts/chart_view.h"

namespace routescope::plugins::traffic {

std::unique_ptr<widgets::ChartView> gaConvergenceChart(const QList<GaHistory>& histories);

enum class SurrogateQuantity { Tstt, LinkFlow };
// Draws at most kMaxScatterPoints evenly spread points (R² is always over all of them).
constexpr int kMaxScatterPoints = 5000;
std::unique_ptr<widgets::ChartView> surrogateScatterChart(const ScatterData& data,
                                                          SurrogateQuantity quantity);
// "R² = 0.9876", as the scatter's title shows it.
QString rSquaredText(double r2);

std::unique_ptr<widgets::ChartView> paretoChart(const QList<ParetoPoint>& points);

std::unique_ptr<widgets::ChartView> gapVsTimeChart(const QList<GapSeries>& series);

}  // namespace routescope::plugins::traffic
