#include "widgets/vtk/x_display_check.h"

#include <QGuiApplication>

namespace routescope::widgets {

QString vtkDisplayProblem() {
  if (QGuiApplication::instance() == nullptr) {
    return QStringLiteral("VTK view: no QApplication exists, so there is no OpenGL context to render in");
  }
  const QString platform = QGuiApplication::platformName();
  if (platform != QLatin1String("xcb")) {
    return QStringLiteral(
               "VTK view: needs an X display (VTK is GLX-only here, Qt platform is '%1'); "
               "set DISPLAY or run under xvfb-run")
        .arg(platform);
  }
  if (qEnvironmentVariableIsEmpty("DISPLAY")) {
    return QStringLiteral("VTK view: DISPLAY is not set; run under xvfb-run");
  }
  return {};
}

}  // namespace routescope::widgets
