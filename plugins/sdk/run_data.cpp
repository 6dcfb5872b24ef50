#include "plugins/sdk/run_data.h"

#include "backend/core/run_store.h"

namespace routescope::plugins {

const std::vector<core::MetricPoint>& RunData::series(const std::string& name) const {
  static const std::vector<core::MetricPoint> kEmpty;
  const auto it = metrics.find(name);
  return it == metrics.end() ? kEmpty : it->second;
}

RunData loadRunData(const core::RunStore& store, const std::string& id_or_prefix) {
  RunData data;
  data.record = store.run(id_or_prefix);
  for (auto& point : store.metrics(data.record.id)) data.metrics[point.name].push_back(std::move(point));
  data.artifacts = store.artifacts(data.record.id);
  const std::string id = data.record.id;
  data.read_artifact = [&store, id](const std::string& name) { return store.readArtifact(id, name); };
  return data;
}

}  // namespace routescope::plugins
