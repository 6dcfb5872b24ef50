#include "app/cli/traffic_commands.h"

namespace routescope::cli {

void addTrafficCommands(CLI::App& study, CliContext& cli, std::function<int()>& action) {
  (void)study;
  (void)cli;
  (void)action;
}

}  // namespace routescope::cli
