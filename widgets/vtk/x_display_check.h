#pragma once
// VTK in Debian 12 is built for X11/GLX only, and Qt's `offscreen` platform cannot host a
// QOpenGLWidget: without an X display every VTK render would crash deep inside GLX. Views ask
// here first and turn the answer into a one-line error.

#include <QString>

namespace routescope::widgets {

// Empty when a VTK view can render in this process; otherwise one line naming the cause.
QString vtkDisplayProblem();

}  // namespace routescope::widgets
