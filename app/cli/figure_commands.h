#pragma once
// `export` and `report`: figures and reports of runs, rendered without a display. They need the
// GUI libraries (Qt, the widgets and the study plugins); a build without them says so.

#include <string>
#include <vector>

#include "app/cli/cli_context.h"

namespace routescope::cli {

struct FigureOptions {
  std::vector<std::string> runs;  // --run ID (repeatable, or ID,ID)
  std::string figure;
  std::string format;  // empty: from --out's suffix
  int dpi = 150;
  std::string size;  // "WxH" in px at 96 dpi; empty: the figure's preferred size
};

int exportFigureCommand(CliContext& cli, const FigureOptions& options, int argc, char** argv);
int reportCommand(CliContext& cli, const FigureOptions& options, int argc, char** argv);
// Lists the figures the run's study plugin offers.
int listFiguresCommand(CliContext& cli, const FigureOptions& options, int argc, char** argv);

}  // namespace routescope::cli
