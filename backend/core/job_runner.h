#pragma once
// Runs one job as one run of the store: creates the run with its provenance, streams metrics,
// and finishes it as completed, failed (with a one-line error) or cancelled.

#include <string>

#include "backend/core/job.h"
#include "backend/core/provenance.h"

namespace routescope::core {

class RunStore;

struct RunRequest {
  std::string study;
  std::string kind;
  JobSettings settings;
  std::string group_id;
  std::string name;
  std::string command_line;  // recorded so the run can be re-created by hand
  RuntimeInfo runtime;
};

struct RunOutcome {
  std::string run_id;
  RunStatus status = RunStatus::Running;
  std::string error;
  double seconds = 0;
};

RunOutcome runJob(RunStore& store, Job& job, const RunRequest& request, const CancelToken& cancel,
                  JobObserver* observer = nullptr);

}  // namespace routescope::core
