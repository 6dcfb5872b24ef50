#pragma once
// Reading a traffic run's artifacts (see backend/traffic/README.md) into the views' data: the
// map of one solution (`solution.json` + `links.csv`, optionally under `before/` or `after/`),
// the convergence of each solve, and the run's headline results.

#include <QList>
#include <QPointF>
#include <QString>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "plugins/sdk/run_data.h"
#include "plugins/traffic/map_data.h"

namespace routescope::plugins::traffic {

bool isTrafficRun(const RunData& run);
// True when the run stored a solution under `prefix` ("" for assign, "after/" for whatif).
bool hasSolution(const RunData& run, const std::string& prefix = {});
// The solution a run's map shows first: `after/` for what-if runs, else the plain one.
std::string mainSolutionPrefix(const RunData& run);
// Throws core::Error naming the artifact when it is missing or malformed.
MapData readMapData(const RunData& run, const std::string& prefix);

// One solve's convergence: relative gap against iteration and against seconds.
struct ConvergenceSeries {
  QString name;  // the algorithm (compare), or before/after/cold (whatif), or the run's algorithm
  QList<QPointF> by_iteration;
  QList<QPointF> by_seconds;
};
// From the run's metrics (`relative_gap`, `ALGO/relative_gap`, `before/relative_gap`… with the
// matching `seconds`), one series per solve.
QList<ConvergenceSeries> convergenceSeries(const RunData& run);

// result.json (headline results), empty object when absent.
nlohmann::json headlineResults(const RunData& run);

}  // namespace routescope::plugins::traffic
