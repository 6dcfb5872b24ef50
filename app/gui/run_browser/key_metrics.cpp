#include "app/gui/run_browser/key_metrics.h"

#include <algorithm>

namespace routescope::app {

const QStringList& preferredKeyMetrics() {
  // Headline numbers of the studies: system benchmarks report peak_gflops, trained models their
  // validation then training loss, routing studies their objective and gap to the optimum.
  static const QStringList names{QStringLiteral("peak_gflops"), QStringLiteral("valid_loss"),
                                 QStringLiteral("train_loss"),  QStringLiteral("objective"),
                                 QStringLiteral("gap"),         QStringLiteral("reward")};
  return names;
}

QStringList chooseKeyMetrics(const std::vector<std::vector<std::string>>& metric_names_per_run) {
  std::map<QString, int> runs_having;
  for (const auto& names : metric_names_per_run) {
    for (const auto& name : names) ++runs_having[QString::fromStdString(name)];
  }
  QStringList chosen;
  for (const QString& name : preferredKeyMetrics()) {
    if (chosen.size() < kMaxKeyMetrics && runs_having.count(name)) chosen.append(name);
  }
  std::vector<std::pair<QString, int>> others;
  for (const auto& [name, count] : runs_having) {
    if (!chosen.contains(name)) others.emplace_back(name, count);
  }
  // std::map gave them sorted by name; a stable sort by count keeps that order among ties.
  std::stable_sort(others.begin(), others.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& other : others) {
    if (chosen.size() >= kMaxKeyMetrics) break;
    chosen.append(other.first);
  }
  return chosen;
}

}  // namespace routescope::app
