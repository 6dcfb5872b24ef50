#pragma once
// The artifacts of network-design runs (`ndp-solve`, `ndp-surrogate-train`, `ndp-experiment`,
// see backend/traffic/README.md) read into what their figures draw. Every reader throws
// core::Error naming the artifact when it is missing or malformed, so the plugin can leave the
// figure out instead of drawing half a file.

#include <QList>
#include <QPointF>
#include <QString>
#include <optional>
#include <vector>

#include "plugins/sdk/run_data.h"

namespace routescope::plugins::traffic {

bool isNetworkDesignRun(const RunData& run);  // kind ndp-*

// GA convergence of one search: best and mean fitness per generation. `name` is the artifact's
// prefix ("ga_exact", "ga_gnn", "budget_2"), or the run's method for a plain `ga_history.csv`.
struct GaHistory {
  QString name;
  QList<QPointF> best;
  QList<QPointF> mean;
};
// One per `*ga_history.csv` artifact, in artifact-name order.
QList<GaHistory> gaHistories(const RunData& run);
bool hasGaHistory(const RunData& run);

// Surrogate validation: x = true value (UE), y = the surrogate's prediction.
struct ScatterData {
  QList<QPointF> points;
  double r2 = 0.0;  // coefficient of determination of the predictions
};
// 1 − Σ(y − x)² / Σ(x − mean x)²; 0 when the true values do not vary (or there are none).
double rSquared(const QList<QPointF>& true_vs_predicted);
ScatterData surrogateTsttScatter(const RunData& run);  // surrogate_validation.csv
ScatterData surrogateFlowScatter(const RunData& run);  // surrogate_flows.csv (all samples and links)

// pareto.csv: one row per budget of a sweep.
struct ParetoPoint {
  double budget_fraction = 0.0;
  double budget = 0.0;
  double best_tstt = 0.0;
  double design_cost = 0.0;
  QString design;
};
QList<ParetoPoint> paretoFront(const RunData& run);

// gap_vs_time.csv (an anytime trace with a reference, read by search::readAnytimeCsv): the
// incumbent's gap to the reference over time, per method (file order).
struct GapSeries {
  QString method;
  QList<QPointF> points;  // x = seconds, y = gap in percent
};
QList<GapSeries> gapVsTime(const RunData& run);

// candidates.csv plus result.json: which candidates the best design builds and what it costs.
struct DesignSummary {
  std::vector<int> built_links;  // 0-based link indices (the map's), candidate order
  int candidates = 0;
  double design_cost = 0.0;      // the built candidates' costs summed
  std::optional<double> budget;  // result.json's; absent when the run did not record one
  QString design;                // 0/1 per candidate, from the `built` column
};
DesignSummary designSummary(const RunData& run);
// Throws core::Error naming candidates.csv when a built link is not one of the network's `links`.
void checkBuiltLinks(const DesignSummary& summary, size_t links);
// Budget use in one line: "design cost 120 of budget 240 (50 %)", or just the cost.
QString budgetUseText(const DesignSummary& summary);

}  // namespace routescope::plugins::traffic
