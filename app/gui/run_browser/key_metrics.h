#pragma once
// Which metrics the run table shows as columns. A table has room for a few, so the choice favours
// the numbers people compare runs by (throughput, validation loss, training loss, ...) and fills
// the rest with the metrics most runs share, so a column is rarely blank.

#include <QStringList>
#include <map>
#include <string>
#include <vector>

namespace routescope::app {

inline constexpr int kMaxKeyMetrics = 3;

// Preferred names, best first; a metric listed here wins over a more common one.
const QStringList& preferredKeyMetrics();

// `metric_names_per_run`: the metric names of each listed run. Returns up to kMaxKeyMetrics names:
// the preferred ones that some run has (in preference order), then the others by how many runs
// have them (ties by name).
QStringList chooseKeyMetrics(const std::vector<std::vector<std::string>>& metric_names_per_run);

}  // namespace routescope::app
