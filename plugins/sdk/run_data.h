#pragma once
// A run as plugins see it: the record, its metrics grouped by name, and its artifacts. Plain data
// read once from the run store, so views and figures never touch SQLite themselves.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "backend/core/run_record.h"

namespace routescope::core {
class RunStore;
}

namespace routescope::plugins {

struct RunData {
  core::RunRecord record;
  std::map<std::string, std::vector<core::MetricPoint>> metrics;  // by name, ordered by step
  std::vector<core::ArtifactInfo> artifacts;
  // Reads an artifact (checksum verified); throws core::Error.
  std::function<std::vector<std::byte>(const std::string& name)> read_artifact;

  const std::vector<core::MetricPoint>& series(const std::string& name) const;
  bool hasMetric(const std::string& name) const { return metrics.count(name) > 0; }
};

// Loads run `id_or_prefix`; the returned read_artifact keeps a reference to `store`.
RunData loadRunData(const core::RunStore& store, const std::string& id_or_prefix);

}  // namespace routescope::plugins
