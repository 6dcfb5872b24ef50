#pragma once
// Translates Qt input events into the calls vtkGenericRenderWindowInteractor expects.
//
// VTK wants device pixels with y pointing up; Qt gives logical pixels with y pointing down. The
// interactor flips y against its own Size, so the view must keep that Size equal to the render
// window's size in device pixels (VtkView::resizeGL does).

#include <QtGlobal>

class QKeyEvent;
class QMouseEvent;
class QWheelEvent;
class vtkRenderWindowInteractor;

namespace routescope::widgets {

class VtkEventForwarder {
 public:
  explicit VtkEventForwarder(vtkRenderWindowInteractor* interactor) : interactor_(interactor) {}

  void mousePress(const QMouseEvent& event, qreal device_pixel_ratio, bool double_click);
  void mouseRelease(const QMouseEvent& event, qreal device_pixel_ratio);
  void mouseMove(const QMouseEvent& event, qreal device_pixel_ratio);
  void wheel(const QWheelEvent& event, qreal device_pixel_ratio);
  void key(const QKeyEvent& event, bool pressed);
  void enter();
  void leave();

 private:
  void setPointer(const QMouseEvent& event, qreal device_pixel_ratio, int repeat);

  vtkRenderWindowInteractor* interactor_;
  // High-resolution wheels and touchpads send fractions of a notch; VTK zooms a fixed step per
  // event, so deltas are accumulated into whole notches (120 units each).
  int wheel_remainder_y_ = 0;
  int wheel_remainder_x_ = 0;
};

}  // namespace routescope::widgets
