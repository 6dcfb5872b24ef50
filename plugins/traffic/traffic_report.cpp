#include "plugins/traffic/traffic_report.h"

#include <QObject>
#include <algorithm>
#include <numeric>

#include "plugins/traffic/braess_story.h"
#include "plugins/traffic/run_artifacts.h"

namespace routescope::plugins::traffic {
namespace {

QString value(const nlohmann::json& j) {
  if (j.is_number_integer()) return QString::number(j.get<long long>());
  if (j.is_number()) return QString::number(j.get<double>(), 'g', 10);
  if (j.is_string()) return QString::fromStdString(j.get<std::string>());
  return QString::fromStdString(j.dump());
}

// Known headline keys first, in this order, with their labels.
QList<QPair<QString, QString>> headline(const nlohmann::json& result) {
  const QList<QPair<const char*, QString>> keys{
      {"algorithm", QObject::tr("algorithm")},
      {"tstt", QObject::tr("total system travel time (TSTT)")},
      {"beckmann", QObject::tr("Beckmann objective")},
      {"relative_gap", QObject::tr("relative gap (TSTT − SPTT) / TSTT")},
      {"relative_gap_sptt", QObject::tr("relative gap (TSTT − SPTT) / SPTT")},
      {"iterations", QObject::tr("iterations")},
      {"solve_seconds", QObject::tr("solve time (s)")},
      {"stop", QObject::tr("stopped because")},
      {"tstt_before", QObject::tr("TSTT before the edits")},
      {"tstt_after", QObject::tr("TSTT after the edits")},
      {"tstt_change", QObject::tr("TSTT change")},
      {"warm_iterations", QObject::tr("iterations, warm start")},
      {"cold_iterations", QObject::tr("iterations, cold start")}};
  QList<QPair<QString, QString>> rows;
  for (const auto& [key, label] : keys)
    if (result.contains(key)) rows.append({label, value(result[key])});
  if (result.contains("edits") && result["edits"].is_array()) {
    QStringList edits;
    for (const auto& e : result["edits"]) edits << value(e);
    rows.append({QObject::tr("edits"), edits.join(QStringLiteral("; "))});
  }
  return rows;
}

widgets::ReportTable algorithmTable(const nlohmann::json& algorithms) {
  widgets::ReportTable table{QObject::tr("Algorithms on the same network"),
                             {QObject::tr("algorithm"), QObject::tr("TSTT"), QObject::tr("relative gap"),
                              QObject::tr("iterations"), QObject::tr("solve time (s)")},
                             {}};
  const auto add = [&](const std::string& name, const nlohmann::json& s) {
    const auto field = [&](const char* key) { return s.contains(key) ? value(s[key]) : QString(); };
    table.rows.append({QString::fromStdString(name), field("tstt"), field("relative_gap"),
                       field("iterations"), field("solve_seconds")});
  };
  if (algorithms.is_object()) {
    for (const auto& [name, s] : algorithms.items()) add(name, s);
  } else if (algorithms.is_array()) {
    for (const auto& s : algorithms) add(s.value("algorithm", std::string()), s);
  }
  return table;
}

widgets::ReportTable congestedLinks(const MapData& data) {
  widgets::ReportTable table{
      QObject::tr("The ten most congested links"),
      {QObject::tr("link"), QObject::tr("from"), QObject::tr("to"), QObject::tr("flow"),
       QObject::tr("capacity"), QObject::tr("v/c"), QObject::tr("travel time")},
      {}};
  std::vector<int> order(data.links.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return data.links[size_t(a)].volumeCapacity() > data.links[size_t(b)].volumeCapacity();
  });
  for (size_t i = 0; i < std::min<size_t>(10, order.size()); ++i) {
    const MapLink& l = data.links[size_t(order[i])];
    table.rows.append({QString::number(order[i] + 1), QString::number(l.from + 1), QString::number(l.to + 1),
                       QString::number(l.flow, 'g', 6), QString::number(l.capacity, 'g', 6),
                       QString::number(l.volumeCapacity(), 'f', 3), QString::number(l.travel_time, 'g', 6)});
  }
  return table;
}

}  // namespace

QList<widgets::ReportSection> trafficReportSections(const RunData& run) {
  widgets::ReportSection results;
  results.heading = QObject::tr("Traffic assignment");
  const nlohmann::json result = headlineResults(run);
  results.key_values = headline(result);
  if (result.contains("network"))
    results.key_values.prepend({QObject::tr("network"), value(result["network"])});
  if (result.contains("algorithms")) results.tables << algorithmTable(result["algorithms"]);
  const std::string prefix = mainSolutionPrefix(run);
  if (hasSolution(run, prefix)) {
    try {
      results.tables << congestedLinks(readMapData(run, prefix));
    } catch (const std::exception& e) {
      results.paragraphs << QString::fromStdString(e.what());
    }
  }
  results.paragraphs << QObject::tr(
      "The relative gap (TSTT − SPTT) / TSTT measures how far the flows are from user equilibrium: the share "
      "of travel time that drivers could still save by switching to their current shortest paths.");
  QList<widgets::ReportSection> sections{results};
  if (run.record.config.value("net", std::string()) == "builtin:braess") {
    widgets::ReportSection braess;
    braess.heading = QObject::tr("The Braess paradox");
    braess.paragraphs << computeBraessStory().text;
    sections << braess;
  }
  return sections;
}

}  // namespace routescope::plugins::traffic
