#pragma once
// `runs ...` verbs: list, show, rerun, delete, export-metrics, export-bundle, import-bundle.

#include <string>
#include <vector>

#include "app/cli/cli_context.h"

namespace routescope::cli {

struct ListOptions {
  std::string study, kind, status, group, text;
  int limit = 50;
};

int listRuns(CliContext& cli, const ListOptions& options);
int showRun(CliContext& cli, const std::string& id);
// Re-creates a run from its config, seed and inputs and compares the metrics. With
// `expect_identical`, differing metrics make the exit code 1.
int rerunRun(CliContext& cli, const std::string& id, bool expect_identical);
int deleteRuns(CliContext& cli, const std::vector<std::string>& ids);
int exportMetrics(CliContext& cli, const std::string& id, const std::string& format);
int exportBundleCommand(CliContext& cli, const std::vector<std::string>& ids);
int importBundleCommand(CliContext& cli, const std::string& file);

}  // namespace routescope::cli
