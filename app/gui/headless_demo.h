#pragma once
// `routescope --demo` without a display: runs the System plugin's guided demo job (the machine
// profile) through the same job code as the window and writes its report (HTML with the figures).

#include <QString>

namespace routescope::gui {

// Returns the process exit code; prints the report's path on stdout, errors on stderr.
// Needs a QApplication (offscreen platform) for the charts.
int runHeadlessDemo(const QString& out_path);

}  // namespace routescope::gui
