#include "app/gui/run_browser/run_comparison.h"

#include <QCoreApplication>
#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace routescope::app {
namespace {

QString q(const std::string& text) {
  return QString::fromStdString(text);
}

void flatten(const nlohmann::json& node, const std::string& prefix, std::map<std::string, QString>& out) {
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = prefix.empty() ? it.key() : prefix + "." + it.key();
    if (it->is_object() && !it->empty()) {
      flatten(*it, key, out);
    } else {
      out[key] = it->is_string() ? q(it->get<std::string>()) : q(it->dump());
    }
  }
}

}  // namespace

std::vector<ConfigRow> compareConfigs(const std::vector<plugins::RunData>& runs) {
  std::vector<std::map<std::string, QString>> flat(runs.size());
  std::set<std::string> keys;
  for (size_t i = 0; i < runs.size(); ++i) {
    if (runs[i].record.config.is_object()) flatten(runs[i].record.config, {}, flat[i]);
    for (const auto& entry : flat[i]) keys.insert(entry.first);
  }
  std::vector<ConfigRow> rows;
  ConfigRow seed{QCoreApplication::translate("RunComparison", "seed"), {}, false};
  for (const auto& run : runs) seed.values.append(QString::number(run.record.seed));
  rows.push_back(std::move(seed));
  for (const auto& key : keys) {
    ConfigRow row{q(key), {}, false};
    for (const auto& values : flat) {
      const auto found = values.find(key);
      // A key one run lacks is a difference too: it ran with the study's default.
      row.values.append(found == values.end() ? QString() : found->second);
    }
    rows.push_back(std::move(row));
  }
  for (auto& row : rows) {
    row.differs = std::any_of(row.values.begin(), row.values.end(),
                              [&](const QString& value) { return value != row.values.front(); });
  }
  return rows;
}

QStringList sharedMetrics(const std::vector<plugins::RunData>& runs) {
  QStringList names;
  if (runs.empty()) return names;
  for (const auto& [name, points] : runs.front().metrics) {
    const bool everywhere = std::all_of(runs.begin(), runs.end(), [&](const plugins::RunData& run) {
      return run.hasMetric(name) && !run.series(name).empty();
    });
    if (everywhere) names.append(q(name));
  }
  return names;  // std::map iteration already gave them sorted
}

bool areSeedsOfOneSweep(const std::vector<plugins::RunData>& runs) {
  if (runs.size() < 2 || runs.front().record.group_id.empty()) return false;
  std::set<uint64_t> seeds;
  for (const auto& run : runs) {
    if (run.record.group_id != runs.front().record.group_id) return false;
    seeds.insert(run.record.seed);
  }
  return seeds.size() > 1;
}

SeedBand seedBand(const std::vector<plugins::RunData>& runs, const std::string& metric) {
  // step -> values of the runs that reported it; only steps every run reported make the band, so
  // a run that stopped early does not make the mean jump.
  std::map<int64_t, std::vector<double>> by_step;
  for (const auto& run : runs) {
    for (const auto& point : run.series(metric)) by_step[point.step].push_back(point.value);
  }
  SeedBand band;
  for (const auto& [step, values] : by_step) {
    if (values.size() != runs.size()) continue;
    double sum = 0, low = std::numeric_limits<double>::infinity(), high = -low;
    for (double v : values) {
      sum += v;
      low = std::min(low, v);
      high = std::max(high, v);
    }
    const auto x = static_cast<double>(step);
    band.mean.append({x, sum / static_cast<double>(values.size())});
    band.lower.append({x, low});
    band.upper.append({x, high});
  }
  return band;
}

QString runLabel(const core::RunRecord& record) {
  return record.name.empty() ? q(record.id) : q(record.name) + "\n" + q(record.id);
}

QString runLegendLabel(const core::RunRecord& record) {
  return record.name.empty() ? q(record.id) : q(record.name) + " (" + q(record.id.substr(0, 6)) + ")";
}

}  // namespace routescope::app
