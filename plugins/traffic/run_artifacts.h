#pragma once
// Reading a traffic run's artifacts (see backend/traffic/README.md) into the views' data: the
// map of one solution (`solution.json` + `links.csv`, optionally prefixed `before_` or `after_`),
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
bool hasArtifact(const RunData& run, const std::string& name);
// The artifact's bytes as text; throws core::Error when it cannot be read.
std::string artifactText(const RunData& run, const std::string& name);
// True when the run stored a solution with `prefix` ("" for assign, "after_" for whatif and
// network design; artifact names allow no '/').
bool hasSolution(const RunData& run, const std::string& prefix = {});
// The solution a run's map shows first: `after_` for what-if and design runs, else the plain one.
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
