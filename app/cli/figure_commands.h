#pragma once
// `export` and `report`: figures and reports of runs, rendered without a display. They need the
// GUI libraries (Qt, the widgets and the study plugins); a build without them says so.

#include <string>
#include <vector>

#include "app/cli/cli_context.h"

namespace routescope::cli {

struct FigureOptions {
  std::vector<std::string> runs;
  std::string figure;
  std::string format;  // empty: from --out's suffix
  int dpi = 150;
  int width = 0;  // 0: the figure's preferred size
  int height = 0;
};

int exportFigureCommand(CliContext& cli, const FigureOptions& options, int argc, char** argv);
int reportCommand(CliContext& cli, const FigureOptions& options, int argc, char** argv);

}  // namespace routescope::cli
