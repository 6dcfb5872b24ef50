#include "app/cli/moe_commands.h"

namespace routescope::cli {

void addMoeCommands(CLI::App& study, CliContext& cli, std::function<int()>& action) {
  (void)study;
  (void)cli;
  (void)action;
}

}  // namespace routescope::cli
