#include "app/gui/job_factory.h"

#include <algorithm>
#include <random>

#include "app/gui/app_settings.h"
#include "backend/system/torch_runtime.h"

namespace routescope::gui {

QStringList environmentOverrides(const core::JobKind& kind) {
  QStringList known;
  const QString text = qEnvironmentVariable("ROUTESCOPE_LAUNCHER_OVERRIDES");
  for (const QString& assignment : text.split(';', Qt::SkipEmptyParts)) {
    const QString key = assignment.section('=', 0, 0).trimmed();
    if (kind.schema.find(key.toStdString())) known << assignment.trimmed();
  }
  return known;
}

PreparedJob prepareJob(const core::StudyRegistry& registry, const QString& study, const QString& kind_name,
                       const QStringList& overrides, const AppSettings& settings) {
  const core::JobKind& kind = registry.get(study.toStdString(), kind_name.toStdString());
  std::vector<std::string> all;
  for (const QString& o : overrides + environmentOverrides(kind)) all.push_back(o.toStdString());
  const nlohmann::json config = core::resolveJobConfig(kind, "", nlohmann::json::object(), all);
  // A fresh seed per launch, as the CLI does without --seed; it is recorded, so reruns match.
  const uint64_t seed = std::random_device{}() & 0xffffffffu;
  const std::string device = settings.device.toStdString();
  const int threads = std::max(1, settings.threads);

  PreparedJob prepared;
  prepared.request.study = kind.study;
  prepared.request.kind = kind.kind;
  prepared.request.settings = {config, seed, system::resolveDevice(device), threads};
  prepared.request.command_line = core::recreateCommand(kind, config, seed, device, threads);
  prepared.request.runtime = system::describeRuntime();
  prepared.job = kind.create(config);
  return prepared;
}

}  // namespace routescope::gui
