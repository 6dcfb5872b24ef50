#include "plugins/traffic/ndp_artifacts.h"

#include <QObject>
#include <algorithm>
#include <cmath>

#include "backend/core/error.h"
#include "backend/search/anytime_trace.h"
#include "plugins/traffic/csv_table.h"
#include "plugins/traffic/run_artifacts.h"

namespace routescope::plugins::traffic {
namespace {

const std::string kGaHistory = "ga_history.csv";

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

CsvTable readTable(const RunData& run, const std::string& name, std::initializer_list<const char*> required,
                   std::initializer_list<const char*> numeric) {
  if (!hasArtifact(run, name)) throw core::Error(name + ": the run has no such artifact");
  return CsvTable::parse(artifactText(run, name), name, required, numeric);
}

ScatterData scatter(const CsvTable& table, const char* x, const char* y) {
  ScatterData data;
  for (int r = 0; r < table.rowCount(); ++r) data.points << QPointF(table.number(r, x), table.number(r, y));
  data.r2 = rSquared(data.points);
  return data;
}

}  // namespace

bool isNetworkDesignRun(const RunData& run) {
  return isTrafficRun(run) && run.record.kind.rfind("ndp-", 0) == 0;
}

QList<GaHistory> gaHistories(const RunData& run) {
  QList<GaHistory> out;
  for (const core::ArtifactInfo& artifact : run.artifacts) {
    if (!endsWith(artifact.name, kGaHistory)) continue;
    std::string prefix = artifact.name.substr(0, artifact.name.size() - kGaHistory.size());
    if (!prefix.empty() && prefix.back() == '_') prefix.pop_back();
    GaHistory history;
    history.name = prefix.empty()
                       ? QString::fromStdString(run.record.config.value("method", std::string("ga")))
                       : QString::fromStdString(prefix);
    const CsvTable table =
        readTable(run, artifact.name, {"generation", "best", "mean"}, {"generation", "best", "mean"});
    for (int r = 0; r < table.rowCount(); ++r) {
      const double generation = table.number(r, "generation");
      history.best << QPointF(generation, table.number(r, "best"));
      history.mean << QPointF(generation, table.number(r, "mean"));
    }
    out << history;
  }
  return out;
}

bool hasGaHistory(const RunData& run) {
  for (const core::ArtifactInfo& artifact : run.artifacts)
    if (endsWith(artifact.name, kGaHistory)) return true;
  return false;
}

double rSquared(const QList<QPointF>& points) {
  if (points.isEmpty()) return 0.0;
  double mean = 0.0;
  for (const QPointF& p : points) mean += p.x();
  mean /= double(points.size());
  double residual = 0.0, total = 0.0;
  for (const QPointF& p : points) {
    residual += (p.y() - p.x()) * (p.y() - p.x());
    total += (p.x() - mean) * (p.x() - mean);
  }
  return total > 0.0 ? 1.0 - residual / total : 0.0;
}

ScatterData surrogateTsttScatter(const RunData& run) {
  return scatter(readTable(run, "surrogate_validation.csv", {"sample", "true_tstt", "predicted_tstt"},
                           {"true_tstt", "predicted_tstt"}),
                 "true_tstt", "predicted_tstt");
}

ScatterData surrogateFlowScatter(const RunData& run) {
  return scatter(readTable(run, "surrogate_flows.csv", {"sample", "link", "true_flow", "predicted_flow"},
                           {"true_flow", "predicted_flow"}),
                 "true_flow", "predicted_flow");
}

QList<ParetoPoint> paretoFront(const RunData& run) {
  const CsvTable table = readTable(run, "pareto.csv", {"budget_fraction", "budget", "best_tstt"},
                                   {"budget_fraction", "budget", "best_tstt", "design_cost"});
  const bool has_cost = table.column("design_cost") >= 0, has_design = table.column("design") >= 0;
  QList<ParetoPoint> out;
  for (int r = 0; r < table.rowCount(); ++r) {
    ParetoPoint p;
    p.budget_fraction = table.number(r, "budget_fraction");
    p.budget = table.number(r, "budget");
    p.best_tstt = table.number(r, "best_tstt");
    if (has_cost) p.design_cost = table.number(r, "design_cost");
    if (has_design) p.design = table.text(r, "design");
    out << p;
  }
  return out;
}

QList<GapSeries> gapVsTime(const RunData& run) {
  const std::string name = "gap_vs_time.csv";
  if (!hasArtifact(run, name)) throw core::Error(name + ": the run has no such artifact");
  // The backend's anytime-trace reader: one format for every study's gap-versus-time output.
  const search::AnytimeTrace trace = search::readAnytimeCsv(artifactText(run, name), name);
  if (!trace.reference) throw core::Error(name + ": no reference value, so no gap to draw");
  QList<GapSeries> out;
  for (const search::AnytimePoint& p : trace.points) {
    const QString method = QString::fromStdString(p.label);
    auto it = std::find_if(out.begin(), out.end(), [&](const GapSeries& s) { return s.method == method; });
    if (it == out.end()) {
      out << GapSeries{method, {}};
      it = out.end() - 1;
    }
    it->points << QPointF(p.seconds, search::gapPercent(p.best_objective, *trace.reference));
  }
  return out;
}

DesignSummary designSummary(const RunData& run) {
  const std::string name = "candidates.csv";
  const CsvTable table =
      readTable(run, name, {"candidate", "link", "cost", "built"}, {"candidate", "link", "cost", "built"});
  DesignSummary summary;
  summary.candidates = table.rowCount();
  for (int r = 0; r < table.rowCount(); ++r) {
    const double link = table.number(r, "link");
    if (link < 1.0 || link != std::floor(link))
      throw core::Error(name + ": line " + std::to_string(r + 2) + ": link '" +
                        table.text(r, "link").toStdString() + "' is not a 1-based link number");
    const bool built = table.number(r, "built") != 0.0;
    summary.design += built ? QLatin1Char('1') : QLatin1Char('0');
    if (!built) continue;
    summary.built_links.push_back(int(link) - 1);
    // Summed here rather than taken from result.json, whose design_cost may belong to another
    // method's answer in an experiment: the cost shown always matches the links highlighted.
    summary.design_cost += table.number(r, "cost");
  }
  const nlohmann::json result = headlineResults(run);
  if (result.contains("budget") && result["budget"].is_number())
    summary.budget = result["budget"].get<double>();
  return summary;
}

void checkBuiltLinks(const DesignSummary& summary, size_t links) {
  for (const int link : summary.built_links)
    if (size_t(link) >= links)
      throw core::Error("candidates.csv: link " + std::to_string(link + 1) + " is not in the network (" +
                        std::to_string(links) + " links)");
}

QString budgetUseText(const DesignSummary& summary) {
  const QString cost = QString::number(summary.design_cost, 'g', 6);
  if (!summary.budget || *summary.budget <= 0.0) return QObject::tr("design cost %1").arg(cost);
  return QObject::tr("design cost %1 of budget %2 (%3 %)")
      .arg(cost, QString::number(*summary.budget, 'g', 6),
           QString::number(100.0 * summary.design_cost / *summary.budget, 'f', 1));
}

}  // namespace routescope::plugins::traffic
