#pragma once
// routescope-cli traffic verbs that are not jobs (they read or write files without creating a run).
#include <CLI/CLI.hpp>
#include <functional>

#include "app/cli/cli_context.h"

namespace routescope::cli {

// Adds the verbs to `study` (the "traffic" subcommand); a chosen verb sets `action`.
void addTrafficCommands(CLI::App& study, CliContext& cli, std::function<int()>& action);

}  // namespace routescope::cli
