#pragma once
// Verbs that create runs: `<study> <kind>` for every registered job kind, and `sweep`.

#include <string>
#include <vector>

#include "app/cli/cli_context.h"
#include "backend/core/job_runner.h"

namespace routescope::cli {

// Runs one job of `kind` with the global options; prints its summary; returns the exit code.
int runStudyVerb(CliContext& cli, const core::JobKind& kind);
// Every --set "key=v1,v2,..." is an axis; the product of the axes times `seeds` ("1-5") is run
// one job after another as one group.
int runSweep(CliContext& cli, const core::JobKind& kind, const std::string& seeds);

// Runs `kind` with a resolved config; the shared path of study verbs, sweeps and reruns.
core::RunOutcome launch(CliContext& cli, const core::JobKind& kind, const nlohmann::json& config,
                        uint64_t seed, const std::string& device, int threads, const std::string& group_id);
int exitCodeFor(core::RunStatus status);

// Per metric: points, first/last step, last, min, max value.
nlohmann::json metricSummary(const core::RunStore& store, const std::string& run_id);
std::string metricSummaryText(const nlohmann::json& summary);

}  // namespace routescope::cli
