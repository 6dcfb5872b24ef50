#pragma once
// What a comparison of runs shows, computed from plain run data: configs flattened to dotted keys
// side by side, the metrics every run has, and the spread of a metric across seeds of a sweep.

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <vector>

#include "plugins/sdk/run_data.h"

namespace routescope::app {

struct ConfigRow {
  QString key;         // dotted path into the config, e.g. "model.layers"
  QStringList values;  // one per run; empty where a run lacks the key
  bool differs = false;
};

// Rows for every key of any run's config (nested objects flattened), in key order, plus a first
// "seed" row because seeds explain most differences between otherwise equal runs.
std::vector<ConfigRow> compareConfigs(const std::vector<plugins::RunData>& runs);

// Names of the metrics that every run has, sorted.
QStringList sharedMetrics(const std::vector<plugins::RunData>& runs);

// True when the runs are one sweep group (same non-empty group id) run with different seeds, so
// that their spread is seed noise and a mean with a min/max band means something.
bool areSeedsOfOneSweep(const std::vector<plugins::RunData>& runs);

struct SeedBand {
  QList<QPointF> mean, lower, upper;  // at the steps every run reported
};
SeedBand seedBand(const std::vector<plugins::RunData>& runs, const std::string& metric);

// Column header for a run: its name over its id, or just the id.
QString runLabel(const core::RunRecord& record);
// One-line label for legends: the name with a short id (names may repeat), or the id.
QString runLegendLabel(const core::RunRecord& record);

}  // namespace routescope::app
