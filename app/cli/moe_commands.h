#pragma once
// routescope-cli moe verbs that are not jobs (they read or write files without creating a run).
#include <CLI/CLI.hpp>
#include <functional>

#include "app/cli/cli_context.h"

namespace routescope::cli {

// Adds the verbs to `study` (the "moe" subcommand); a chosen verb sets `action`.
void addMoeCommands(CLI::App& study, CliContext& cli, std::function<int()>& action);

}  // namespace routescope::cli
