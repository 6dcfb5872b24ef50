#pragma once
// Turns a plugin's job launcher into a job and its run request, the way the CLI does for a verb:
// config = the kind's defaults + the launcher's overrides, a random seed, device and threads from
// the settings, and the routescope-cli command that re-creates the run.
//
// ROUTESCOPE_LAUNCHER_OVERRIDES ("key=value;key=value") adds overrides to every launch whose kind
// has those keys: tests and demos on slow machines use it to shrink the machine profile.

#include <QStringList>
#include <memory>

#include "backend/core/job.h"
#include "backend/core/job_runner.h"
#include "backend/core/study_registry.h"

namespace routescope::gui {

struct AppSettings;

struct PreparedJob {
  std::unique_ptr<core::Job> job;
  core::RunRequest request;
};

// Throws core::Error naming the bad key, an unknown kind or an unavailable device.
PreparedJob prepareJob(const core::StudyRegistry& registry, const QString& study, const QString& kind,
                       const QStringList& overrides, const AppSettings& settings);

// The overrides from ROUTESCOPE_LAUNCHER_OVERRIDES that `kind` knows.
QStringList environmentOverrides(const core::JobKind& kind);

}  // namespace routescope::gui
