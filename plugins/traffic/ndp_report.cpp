#include "plugins/traffic/ndp_report.h"

#include <QObject>

#include "plugins/traffic/csv_table.h"
#include "plugins/traffic/ndp_artifacts.h"
#include "plugins/traffic/ndp_figures.h"
#include "plugins/traffic/run_artifacts.h"

namespace routescope::plugins::traffic {
namespace {

QString value(const nlohmann::json& j) {
  if (j.is_number_integer()) return QString::number(j.get<long long>());
  if (j.is_number()) return QString::number(j.get<double>(), 'g', 10);
  if (j.is_string()) return QString::fromStdString(j.get<std::string>());
  return QString::fromStdString(j.dump());
}

QList<QPair<QString, QString>> headline(const RunData& run, const nlohmann::json& result) {
  const QList<QPair<const char*, QString>> keys{
      {"method", QObject::tr("method")},
      {"best_tstt", QObject::tr("best TSTT")},
      {"no_build_tstt", QObject::tr("TSTT without building anything")},
      {"design", QObject::tr("design (one 0/1 per candidate)")},
      {"candidates", QObject::tr("candidates")},
      {"ue_solves", QObject::tr("UE solves")},
      {"seconds", QObject::tr("wall time (s)")},
      {"reference", QObject::tr("reference method")},
      {"reference_tstt", QObject::tr("reference TSTT")},
      {"gnn_vs_ga_exact_percent", QObject::tr("GA+GNN versus GA+exact UE: TSTT difference (%)")},
      {"time_ratio_search", QObject::tr("GA+GNN / GA+exact UE wall time, search only")},
      {"time_ratio_with_training",
       QObject::tr("GA+GNN / GA+exact UE wall time, with surrogate data and training")},
      {"flow_weighted_error", QObject::tr("surrogate: flow-weighted error Σ|error| / Σ|flow|")},
      {"tstt_r2", QObject::tr("surrogate: R² of TSTT")},
      {"samples", QObject::tr("surrogate: training samples")},
      {"data_seconds", QObject::tr("surrogate: data generation (s)")},
      {"train_seconds", QObject::tr("surrogate: training (s)")},
      {"inference_ms_per_design", QObject::tr("surrogate: inference per design (ms)")}};
  // ndp-surrogate-train has the surrogate's numbers at the top level, ndp-experiment under "surrogate".
  nlohmann::json flat = result;
  if (result.contains("surrogate") && result["surrogate"].is_object())
    for (const auto& [key, v] : result["surrogate"].items())
      if (!flat.contains(key)) flat[key] = v;
  QList<QPair<QString, QString>> rows;
  for (const auto& [key, label] : keys)
    if (flat.contains(key) && !flat[key].is_object() && !flat[key].is_array())
      rows.append({label, value(flat[key])});
  if (result.contains("best_tstt") && result.contains("no_build_tstt") && result["best_tstt"].is_number() &&
      result["no_build_tstt"].is_number() && result["no_build_tstt"].get<double>() > 0.0) {
    const double base = result["no_build_tstt"].get<double>(), best = result["best_tstt"].get<double>();
    rows.append({QObject::tr("TSTT saved by the design"),
                 QStringLiteral("%1 (%2 %)")
                     .arg(QString::number(base - best, 'g', 8),
                          QString::number(100.0 * (base - best) / base, 'f', 2))});
  }
  try {
    if (hasArtifact(run, "candidates.csv"))
      rows.append({QObject::tr("budget use"), budgetUseText(designSummary(run))});
  } catch (const std::exception& e) {
    rows.append({QObject::tr("budget use"), QString::fromStdString(e.what())});
  }
  return rows;
}

// An artifact as a report table, every column as text; nullopt when absent or malformed.
std::optional<widgets::ReportTable> csvTable(const RunData& run, const std::string& name,
                                             const QString& caption) {
  if (!hasArtifact(run, name)) return std::nullopt;
  try {
    const CsvTable csv = CsvTable::parse(artifactText(run, name), name, {}, {});
    widgets::ReportTable table{caption, csv.header(), {}};
    for (int r = 0; r < csv.rowCount(); ++r) {
      QStringList row;
      for (int c = 0; c < csv.header().size(); ++c) row << csv.text(r, c);
      table.rows << row;
    }
    return table;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

QList<widgets::ReportSection> networkDesignReportSections(const RunData& run) {
  widgets::ReportSection section;
  section.heading = QObject::tr("Network design");
  const nlohmann::json result = headlineResults(run);
  section.key_values = headline(run, result);
  if (auto table = csvTable(run, "experiment.csv", QObject::tr("Methods on the same instance")))
    section.tables << *table;
  if (auto table = csvTable(run, "pareto.csv", QObject::tr("Best design per budget"));
      table && table->rows.size() >= 2)
    section.tables << *table;
  section.paragraphs << QObject::tr(
      "The objective is the total system travel time (TSTT) at user equilibrium: drivers choose their own "
      "shortest routes, so adding a link can even raise it (the Braess paradox). A design is one yes/no per "
      "candidate, and its cost must stay within the budget.");
  for (const QString& name : networkDesignFigureNames(run))
    section.paragraphs << networkDesignFigureExplanation(name);
  return {section};
}

}  // namespace routescope::plugins::traffic
