#include "plugins/traffic/run_artifacts.h"

#include <QStringList>
#include <algorithm>

#include "backend/core/error.h"

namespace routescope::plugins::traffic {
namespace {

// links.csv columns by header name, so added columns never shift what we read.
struct LinkCsv {
  QStringList header;
  QList<QStringList> rows;
  int column(const char* name) const { return header.indexOf(QString::fromLatin1(name)); }
};

LinkCsv parseCsv(const std::string& text) {
  LinkCsv csv;
  const QStringList lines = QString::fromStdString(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  if (lines.isEmpty()) return csv;
  csv.header = lines.front().trimmed().split(QLatin1Char(','));
  for (qsizetype i = 1; i < lines.size(); ++i) csv.rows << lines[i].trimmed().split(QLatin1Char(','));
  return csv;
}

}  // namespace

bool isTrafficRun(const RunData& run) {
  return run.record.study == "traffic";
}

bool hasArtifact(const RunData& run, const std::string& name) {
  return std::any_of(run.artifacts.begin(), run.artifacts.end(),
                     [&](const core::ArtifactInfo& a) { return a.name == name; });
}

std::string artifactText(const RunData& run, const std::string& name) {
  const std::vector<std::byte> bytes = run.read_artifact(name);
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

bool hasSolution(const RunData& run, const std::string& prefix) {
  return hasArtifact(run, prefix + "solution.json");
}

std::string mainSolutionPrefix(const RunData& run) {
  if (hasSolution(run, "after_")) return "after_";
  return "";
}

MapData readMapData(const RunData& run, const std::string& prefix) {
  const std::string solution_name = prefix + "solution.json";
  nlohmann::json solution;
  try {
    solution = nlohmann::json::parse(artifactText(run, solution_name));
  } catch (const nlohmann::json::exception& e) {
    throw core::Error(solution_name + ": " + e.what());
  }
  const nlohmann::json& net = solution.at("network");
  MapData data;
  data.name = QString::fromStdString(net.value("name", std::string()));
  data.nodes = net.at("nodes").get<int>();
  data.zones = net.at("zones").get<int>();
  for (const auto& xy : net.at("coordinates"))
    data.positions.emplace_back(xy.at(0).get<double>(), xy.at(1).get<double>());
  for (const auto& l : net.at("links")) {
    MapLink link;
    link.from = l.at(0).get<int>() - 1;
    link.to = l.at(1).get<int>() - 1;
    link.capacity = l.at(2).get<double>();
    link.closed = l.at(3).get<bool>();
    data.links.push_back(link);
  }
  const auto& flows = solution.at("flows");
  for (size_t a = 0; a < data.links.size() && a < flows.size(); ++a)
    data.links[a].flow = flows[a].get<double>();
  // Free-flow and travel times are only in links.csv (rows in link order).
  const std::string csv_name = prefix + "links.csv";
  if (hasArtifact(run, csv_name)) {
    const LinkCsv csv = parseCsv(artifactText(run, csv_name));
    const int fftt = csv.column("free_flow_time");
    const int time = csv.column("travel_time");
    for (qsizetype r = 0; r < csv.rows.size() && size_t(r) < data.links.size(); ++r) {
      const QStringList& row = csv.rows[r];
      if (fftt >= 0 && fftt < row.size()) data.links[size_t(r)].free_flow_time = row[fftt].toDouble();
      if (time >= 0 && time < row.size()) data.links[size_t(r)].travel_time = row[time].toDouble();
    }
  }
  if (int(data.positions.size()) != data.nodes)
    throw core::Error(solution_name + ": " + std::to_string(data.positions.size()) + " coordinates for " +
                      std::to_string(data.nodes) + " nodes");
  return data;
}

QList<ConvergenceSeries> convergenceSeries(const RunData& run) {
  QList<ConvergenceSeries> out;
  const std::string gap = "relative_gap";
  for (const auto& [name, points] : run.metrics) {
    // "relative_gap" or "PREFIX/relative_gap" (not relative_gap_sptt).
    if (name.size() < gap.size() || name.compare(name.size() - gap.size(), gap.size(), gap) != 0) continue;
    const std::string prefix = name.substr(0, name.size() - gap.size());
    if (!prefix.empty() && prefix.back() != '/') continue;
    ConvergenceSeries series;
    series.name = prefix.empty()
                      ? QString::fromStdString(run.record.config.value("algorithm", std::string("assign")))
                      : QString::fromStdString(prefix.substr(0, prefix.size() - 1));
    std::map<int64_t, double> seconds;
    for (const auto& p : run.series(prefix + "seconds")) seconds[p.step] = p.value;
    for (const auto& p : points) {
      // Log axes cannot show a zero gap (an exact solution); it is left out.
      if (p.value <= 0.0) continue;
      series.by_iteration << QPointF(double(p.step), p.value);
      const auto it = seconds.find(p.step);
      if (it != seconds.end()) series.by_seconds << QPointF(it->second, p.value);
    }
    out << series;
  }
  return out;
}

nlohmann::json headlineResults(const RunData& run) {
  if (!hasArtifact(run, "result.json")) return nlohmann::json::object();
  try {
    return nlohmann::json::parse(artifactText(run, "result.json"));
  } catch (const nlohmann::json::exception&) {
    return nlohmann::json::object();
  }
}

}  // namespace routescope::plugins::traffic
