#include "backend/core/job_runner.h"

#include <algorithm>
#include <chrono>

#include "backend/core/error.h"
#include "backend/core/run_store.h"

namespace routescope::core {
namespace {

std::string oneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text.empty() ? "unknown error" : text;
}

}  // namespace

RunOutcome runJob(RunStore& store, Job& job, const RunRequest& request, const CancelToken& cancel,
                  JobObserver* observer) {
  const auto start = std::chrono::steady_clock::now();
  nlohmann::json provenance =
      collectProvenance(request.runtime, request.settings.threads, request.command_line);
  NewRun run{request.study,
             request.kind,
             request.settings.config,
             request.settings.seed,
             request.settings.device,
             request.group_id,
             request.name,
             provenance};
  RunOutcome outcome;
  outcome.run_id = store.beginRun(run);

  JobContext context(store, outcome.run_id, request.settings, cancel, observer);
  try {
    job.run(context);
    context.flush();
    outcome.status = RunStatus::Completed;
  } catch (const JobCancelled&) {
    outcome.status = RunStatus::Cancelled;
    outcome.error = "cancelled";
  } catch (const std::exception& e) {
    outcome.status = RunStatus::Failed;
    outcome.error = oneLine(e.what());
  }
  try {
    context.flush();  // keep what a failed or cancelled job measured before it stopped
  } catch (const std::exception& e) {
    if (outcome.status == RunStatus::Completed) outcome.status = RunStatus::Failed;
    outcome.error = oneLine(e.what());
  }
  provenance["inputs"] = context.inputs();
  store.setProvenance(outcome.run_id, provenance);
  if (outcome.status == RunStatus::Failed) store.addEvent(outcome.run_id, "error", outcome.error);
  store.finishRun(outcome.run_id, outcome.status,
                  outcome.status == RunStatus::Completed ? std::string() : outcome.error);
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

}  // namespace routescope::core
