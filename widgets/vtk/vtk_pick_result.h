#pragma once
// What a click (or VtkView::pick) hit in the scene.

#include <QMetaType>
#include <QPoint>
#include <array>

class vtkProp;

namespace routescope::widgets {

struct VtkPickResult {
  bool hit = false;
  // Not owned; valid while the prop stays in the renderer.
  vtkProp* prop = nullptr;
  std::array<double, 3> world_position{0.0, 0.0, 0.0};
  // Cell of the picked dataset, -1 when nothing (or a prop without cells) was hit.
  long long cell_id = -1;
  // Where the pick happened, in the widget's logical pixels.
  QPoint widget_position;
};

}  // namespace routescope::widgets

Q_DECLARE_METATYPE(routescope::widgets::VtkPickResult)
