#include "plugins/traffic/ndp_figures.h"

#include <QObject>
#include <algorithm>
#include <stdexcept>

#include "plugins/traffic/design_map.h"
#include "plugins/traffic/ndp_artifacts.h"
#include "plugins/traffic/ndp_charts.h"
#include "plugins/traffic/run_artifacts.h"

namespace routescope::plugins::traffic {
namespace {

constexpr const char* kDesignMap = "design-map";
constexpr const char* kGaConvergence = "ga-convergence";
constexpr const char* kSurrogateScatter = "surrogate-scatter";
constexpr const char* kSurrogateFlowScatter = "surrogate-flow-scatter";
constexpr const char* kParetoFront = "pareto-front";
constexpr const char* kGapVsTime = "gap-vs-time";

QString number(double v) {
  return QString::number(v, 'g', 12);
}

// True when `read` parses the run's artifact without throwing.
template <typename Read>
bool readsCleanly(Read read) {
  try {
    read();
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

QString designMapCsv(const RunData& run) {
  const DesignSummary design = designSummary(run);
  const MapData after = readMapData(run, "after_");
  const MapData before = readMapData(run, "before_");
  checkBuiltLinks(design, after.links.size());
  QString csv = QStringLiteral("link,init_node,term_node,built,flow_before,flow_after,flow_difference\n");
  for (size_t a = 0; a < after.links.size(); ++a) {
    const bool built =
        std::find(design.built_links.begin(), design.built_links.end(), int(a)) != design.built_links.end();
    const double flow_before = a < before.links.size() ? before.links[a].flow : 0.0;
    csv +=
        QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
            .arg(a + 1)
            .arg(after.links[a].from + 1)
            .arg(after.links[a].to + 1)
            .arg(built ? 1 : 0)
            .arg(number(flow_before), number(after.links[a].flow), number(after.links[a].flow - flow_before));
  }
  return csv;
}

QString gaCsv(const RunData& run) {
  QString csv = QStringLiteral("search,generation,best,mean\n");
  for (const GaHistory& h : gaHistories(run))
    for (qsizetype g = 0; g < h.best.size(); ++g)
      csv += h.name + QLatin1Char(',') + number(h.best[g].x()) + QLatin1Char(',') + number(h.best[g].y()) +
             QLatin1Char(',') + number(h.mean[g].y()) + QLatin1Char('\n');
  return csv;
}

QString scatterCsv(const ScatterData& data, const char* header) {
  QString csv = QString::fromLatin1(header) + QLatin1Char('\n');
  for (const QPointF& p : data.points)
    csv += number(p.x()) + QLatin1Char(',') + number(p.y()) + QLatin1Char('\n');
  return csv;
}

QString paretoCsv(const RunData& run) {
  QString csv = QStringLiteral("budget_fraction,budget,best_tstt,design_cost,design\n");
  for (const ParetoPoint& p : paretoFront(run))
    csv += number(p.budget_fraction) + QLatin1Char(',') + number(p.budget) + QLatin1Char(',') +
           number(p.best_tstt) + QLatin1Char(',') + number(p.design_cost) + QLatin1Char(',') + p.design +
           QLatin1Char('\n');
  return csv;
}

QString gapCsv(const RunData& run) {
  QString csv = QStringLiteral("method,seconds,gap_percent\n");
  for (const GapSeries& s : gapVsTime(run))
    for (const QPointF& p : s.points)
      csv +=
          s.method + QLatin1Char(',') + number(p.x()) + QLatin1Char(',') + number(p.y()) + QLatin1Char('\n');
  return csv;
}

}  // namespace

bool isNetworkDesignFigure(const QString& name) {
  static const QStringList names{kDesignMap,   kGaConvergence, kSurrogateScatter, kSurrogateFlowScatter,
                                 kParetoFront, kGapVsTime};
  return names.contains(name);
}

QStringList networkDesignFigureNames(const RunData& run) {
  if (!isTrafficRun(run)) return {};
  // The experiment's story first (how good, what was built, how well the surrogate predicts),
  // then the details; the guided demo opens on these.
  QStringList names;
  if (hasArtifact(run, "gap_vs_time.csv") && readsCleanly([&] { gapVsTime(run); })) names << kGapVsTime;
  if (hasDesignMap(run) && readsCleanly([&] { designMapCsv(run); })) names << kDesignMap;
  if (hasArtifact(run, "surrogate_validation.csv") && readsCleanly([&] { surrogateTsttScatter(run); }))
    names << kSurrogateScatter;
  if (hasArtifact(run, "surrogate_flows.csv") && readsCleanly([&] { surrogateFlowScatter(run); }))
    names << kSurrogateFlowScatter;
  if (hasGaHistory(run) && readsCleanly([&] { gaHistories(run); })) names << kGaConvergence;
  // One budget is a point, not a front.
  if (hasArtifact(run, "pareto.csv") && readsCleanly([&] {
        if (paretoFront(run).size() < 2) throw std::runtime_error("one budget");
      }))
    names << kParetoFront;
  return names;
}

std::unique_ptr<widgets::Figure> createNetworkDesignFigure(const RunData& run, const QString& name) {
  if (!networkDesignFigureNames(run).contains(name)) return nullptr;
  try {
    if (name == kDesignMap) return designMap(run);
    if (name == kGaConvergence) return gaConvergenceChart(gaHistories(run));
    if (name == kSurrogateScatter)
      return surrogateScatterChart(surrogateTsttScatter(run), SurrogateQuantity::Tstt);
    if (name == kSurrogateFlowScatter)
      return surrogateScatterChart(surrogateFlowScatter(run), SurrogateQuantity::LinkFlow);
    if (name == kParetoFront) return paretoChart(paretoFront(run));
    if (name == kGapVsTime) return gapVsTimeChart(gapVsTime(run));
  } catch (const std::exception&) {
    return nullptr;  // read cleanly a moment ago; an artifact store failing now still must not crash
  }
  return nullptr;
}

QString networkDesignFigureCsv(const RunData& run, const QString& name) {
  if (!networkDesignFigureNames(run).contains(name)) return {};
  try {
    if (name == kDesignMap) return designMapCsv(run);
    if (name == kGaConvergence) return gaCsv(run);
    if (name == kSurrogateScatter) return scatterCsv(surrogateTsttScatter(run), "true_tstt,predicted_tstt");
    if (name == kSurrogateFlowScatter)
      return scatterCsv(surrogateFlowScatter(run), "true_flow,predicted_flow");
    if (name == kParetoFront) return paretoCsv(run);
    if (name == kGapVsTime) return gapCsv(run);
  } catch (const std::exception&) {
  }
  return {};
}

QString networkDesignFigureExplanation(const QString& name) {
  if (name == kDesignMap)
    return QObject::tr(
        "Design map: the best design's network coloured by the change in link flow against the no-build "
        "network (red: more traffic, blue: less); the candidate links the design builds have a thick "
        "outline, "
        "and the title gives the design's cost against the budget.");
  if (name == kGaConvergence)
    return QObject::tr(
        "GA convergence: the best and the mean TSTT of the population per generation. For GA+GNN these are "
        "the "
        "surrogate's predictions; its best designs are re-checked with exact user equilibrium at the end.");
  if (name == kSurrogateScatter)
    return QObject::tr(
        "Surrogate scatter: the TSTT the graph neural network predicts for validation designs against the "
        "TSTT "
        "of the user-equilibrium solve; points on the dashed line y = x are predicted exactly, and R² is the "
        "share of the variance the surrogate explains.");
  if (name == kSurrogateFlowScatter)
    return QObject::tr(
        "Surrogate link flows: every link's predicted flow in every validation sample against its "
        "equilibrium "
        "flow.");
  if (name == kParetoFront)
    return QObject::tr(
        "Pareto front: the best TSTT found for each budget of the sweep. A larger budget can only lower the "
        "exact optimum (it admits every design of a smaller one); the gain per unit of budget shows where "
        "spending more stops paying.");
  if (name == kGapVsTime)
    return QObject::tr(
        "Gap versus time: how far each method's best design is from the reference (exact) optimum, in "
        "percent "
        "of its TSTT, against wall time on a log scale.");
  return {};
}

}  // namespace routescope::plugins::traffic
