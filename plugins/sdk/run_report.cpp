#include "plugins/sdk/run_report.h"

#include <QDateTime>
#include <set>

#include "backend/core/config.h"
#include "backend/core/progress.h"

namespace routescope::plugins {
namespace {

QString q(const std::string& text) {
  return QString::fromStdString(text);
}

QString jsonText(const nlohmann::json& value) {
  return value.is_string() ? q(value.get<std::string>()) : q(value.dump());
}

QString number(double value) {
  return QString::number(value, 'g', 6);
}

QString timeText(int64_t epoch_ms) {
  return QDateTime::fromMSecsSinceEpoch(epoch_ms).toString(Qt::ISODate);
}

// Dotted keys of a nested config, with their values.
void flattenConfig(const nlohmann::json& node, const QString& prefix, QList<QPair<QString, QString>>& out) {
  for (auto it = node.begin(); it != node.end(); ++it) {
    const QString key = prefix.isEmpty() ? q(it.key()) : prefix + "." + q(it.key());
    if (it->is_object()) {
      flattenConfig(*it, key, out);
    } else {
      out.append({key, jsonText(*it)});
    }
  }
}

widgets::ReportTable metricsTable(const RunData& run) {
  widgets::ReportTable table{QObject::tr("Metrics"),
                             {QObject::tr("metric"), QObject::tr("points"), QObject::tr("steps"),
                              QObject::tr("last"), QObject::tr("min"), QObject::tr("max")},
                             {}};
  for (const auto& [name, points] : run.metrics) {
    double low = points.front().value, high = low;
    for (const auto& p : points) {
      low = std::min(low, p.value);
      high = std::max(high, p.value);
    }
    table.rows.append({q(name), QString::number(points.size()),
                       QString::number(points.front().step) + "–" + QString::number(points.back().step),
                       number(points.back().value), number(low), number(high)});
  }
  return table;
}

QString runLabel(const RunData& run) {
  return run.record.name.empty() ? q(run.record.id) : q(run.record.name) + " (" + q(run.record.id) + ")";
}

}  // namespace

widgets::FigureProvenance provenanceOf(const RunData& run) {
  return {q(run.record.id), q(core::configHash(run.record.config)),
          jsonText(run.record.provenance.value("command", nlohmann::json("")))};
}

widgets::Report buildRunReport(const RunData& run, StudyPlugin* plugin) {
  const auto& r = run.record;
  widgets::Report report;
  report.title = QObject::tr("Run %1: %2 %3").arg(runLabel(run), q(r.study), q(r.kind));
  report.subtitle =
      QObject::tr("RouteScope report written %1").arg(QDateTime::currentDateTime().toString(Qt::ISODate));
  report.provenance = provenanceOf(run);

  widgets::ReportSection what;
  what.heading = QObject::tr("What was run");
  const QString duration =
      r.finished_ms ? q(core::formatDuration(static_cast<double>(*r.finished_ms - r.created_ms) / 1000.0))
                    : "-";
  what.key_values = {
      {QObject::tr("Run"), q(r.id)},
      {QObject::tr("Study / kind"), q(r.study) + " " + q(r.kind)},
      {QObject::tr("Status"), q(core::toString(r.status)) + (r.error.empty() ? "" : ": " + q(r.error))},
      {QObject::tr("Seed"), QString::number(r.seed)},
      {QObject::tr("Device"), q(r.device)},
      {QObject::tr("Started"), timeText(r.created_ms)},
      {QObject::tr("Duration"), duration},
      {QObject::tr("Recreate with"), report.provenance.command}};
  if (!r.group_id.empty()) what.key_values.append({QObject::tr("Group"), q(r.group_id)});
  if (!r.notes.empty()) what.paragraphs << q(r.notes);
  report.sections << what;

  widgets::ReportSection config;
  config.heading = QObject::tr("Configuration");
  flattenConfig(r.config, {}, config.key_values);
  config.key_values.append({QObject::tr("config hash"), report.provenance.config_hash});
  report.sections << config;

  widgets::ReportSection provenance;
  provenance.heading = QObject::tr("Provenance");
  for (auto it = r.provenance.begin(); it != r.provenance.end(); ++it) {
    if (it.key() == "inputs") continue;
    provenance.key_values.append({q(it.key()), jsonText(*it)});
  }
  if (r.provenance.contains("inputs") && !r.provenance["inputs"].empty()) {
    widgets::ReportTable inputs{
        QObject::tr("Input files"), {QObject::tr("path"), QObject::tr("bytes"), "SHA-256"}, {}};
    for (const auto& input : r.provenance["inputs"]) {
      inputs.rows.append({jsonText(input.value("path", nlohmann::json(""))),
                          jsonText(input.value("bytes", nlohmann::json(0))),
                          jsonText(input.value("sha256", nlohmann::json("")))});
    }
    provenance.tables << inputs;
  }
  report.sections << provenance;

  widgets::ReportSection metrics;
  metrics.heading = QObject::tr("Metrics");
  if (run.metrics.empty()) {
    metrics.paragraphs << QObject::tr("This run recorded no metrics.");
  } else {
    metrics.tables << metricsTable(run);
  }
  report.sections << metrics;

  if (plugin) {
    widgets::ReportSection figures;
    figures.heading = QObject::tr("Figures");
    for (const QString& name : plugin->figureNames(run)) {
      std::shared_ptr<widgets::Figure> figure = plugin->createFigure(run, name);
      if (figure) figures.figures.append({figure, name, figure->preferredFigureSize()});
    }
    if (!figures.figures.isEmpty()) report.sections << figures;
    report.sections << plugin->reportSections(run);
  }
  return report;
}

widgets::Report buildComparisonReport(const std::vector<RunData>& runs, const LoadedPlugins& plugins) {
  widgets::Report report;
  report.title = QObject::tr("Comparison of %1 runs").arg(runs.size());
  report.subtitle =
      QObject::tr("RouteScope report written %1").arg(QDateTime::currentDateTime().toString(Qt::ISODate));
  if (!runs.empty()) report.provenance = provenanceOf(runs.front());

  widgets::ReportSection side_by_side;
  side_by_side.heading = QObject::tr("Runs side by side");
  widgets::ReportTable configs{QObject::tr("Configuration"), {QObject::tr("key")}, {}};
  std::set<QString> keys;
  std::vector<QList<QPair<QString, QString>>> flat(runs.size());
  for (size_t i = 0; i < runs.size(); ++i) {
    configs.header << runLabel(runs[i]);
    flattenConfig(runs[i].record.config, {}, flat[i]);
    flat[i].prepend({QObject::tr("seed"), QString::number(runs[i].record.seed)});
    flat[i].prepend({QObject::tr("study / kind"), q(runs[i].record.study) + " " + q(runs[i].record.kind)});
    for (const auto& kv : flat[i]) keys.insert(kv.first);
  }
  for (const QString& key : keys) {
    QStringList row{key};
    for (const auto& kvs : flat) {
      QString value = "—";
      for (const auto& kv : kvs) {
        if (kv.first == key) value = kv.second;
      }
      row << value;
    }
    configs.rows << row;
  }
  side_by_side.tables << configs;

  widgets::ReportTable finals{QObject::tr("Final value of shared metrics"), {QObject::tr("metric")}, {}};
  for (const auto& run : runs) finals.header << runLabel(run);
  if (!runs.empty()) {
    for (const auto& [name, points] : runs.front().metrics) {
      bool shared = true;
      for (const auto& run : runs) shared = shared && run.hasMetric(name);
      if (!shared) continue;
      QStringList row{q(name)};
      for (const auto& run : runs) row << number(run.series(name).back().value);
      finals.rows << row;
    }
  }
  side_by_side.tables << finals;
  report.sections << side_by_side;

  for (const auto& run : runs) {
    widgets::Report single = buildRunReport(run, plugins.find(q(run.record.study)));
    for (auto& section : single.sections) section.heading = runLabel(run) + " — " + section.heading;
    report.sections << single.sections;
  }
  return report;
}

}  // namespace routescope::plugins
