#pragma once
// Export of a run's figures and reports, shared by the CLI (`routescope-cli export|report`) and
// the GUI. Errors come back as one line naming the run, figure or file.

#include <QSize>
#include <QString>
#include <vector>

#include "plugins/sdk/plugin_loader.h"
#include "widgets/figure/figure.h"

namespace routescope::plugins {

// Empty `figure` lists the available names in the error. `size` empty: the figure's preferred size.
QString exportRunFigure(const LoadedPlugins& plugins, const RunData& run, const QString& figure,
                        const QString& path, widgets::FigureFormat format, int dpi, QSize size = {});
// One run: its report; several: a comparison. .html or .pdf by suffix.
QString exportRunReport(const LoadedPlugins& plugins, const std::vector<RunData>& runs, const QString& path);

}  // namespace routescope::plugins
