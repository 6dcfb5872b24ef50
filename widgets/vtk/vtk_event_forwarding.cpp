#include "widgets/vtk/vtk_event_forwarding.h"

#include <vtkCommand.h>
#include <vtkRenderWindowInteractor.h>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>
#include <cmath>

namespace routescope::widgets {
namespace {

constexpr int kWheelNotch = 120;

// X11 keysym names, which vtkInteractorStyle and user observers compare against.
const char* keySymbol(int key) {
  switch (key) {
    case Qt::Key_Left:
      return "Left";
    case Qt::Key_Right:
      return "Right";
    case Qt::Key_Up:
      return "Up";
    case Qt::Key_Down:
      return "Down";
    case Qt::Key_PageUp:
      return "Prior";
    case Qt::Key_PageDown:
      return "Next";
    case Qt::Key_Home:
      return "Home";
    case Qt::Key_End:
      return "End";
    case Qt::Key_Return:
      return "Return";
    case Qt::Key_Enter:
      return "KP_Enter";
    case Qt::Key_Escape:
      return "Escape";
    case Qt::Key_Tab:
      return "Tab";
    case Qt::Key_Backspace:
      return "BackSpace";
    case Qt::Key_Delete:
      return "Delete";
    case Qt::Key_Insert:
      return "Insert";
    case Qt::Key_Space:
      return "space";
    case Qt::Key_Plus:
      return "plus";
    case Qt::Key_Minus:
      return "minus";
    case Qt::Key_Shift:
      return "Shift_L";
    case Qt::Key_Control:
      return "Control_L";
    case Qt::Key_Alt:
      return "Alt_L";
    case Qt::Key_F1:
      return "F1";
    case Qt::Key_F2:
      return "F2";
    case Qt::Key_F3:
      return "F3";
    case Qt::Key_F4:
      return "F4";
    case Qt::Key_F5:
      return "F5";
    default:
      return nullptr;
  }
}

// Device pixels; VTK works in the render window's pixel grid, which is dpr times the widget's.
int toDevice(double logical, qreal device_pixel_ratio) {
  return static_cast<int>(std::lround(logical * device_pixel_ratio));
}

}  // namespace

void VtkEventForwarder::setPointer(const QMouseEvent& event, qreal device_pixel_ratio, int repeat) {
  const Qt::KeyboardModifiers modifiers = event.modifiers();
  const QPointF position = event.position();
  // FlipY: VTK's origin is the bottom-left pixel.
  interactor_->SetEventInformationFlipY(toDevice(position.x(), device_pixel_ratio),
                                        toDevice(position.y(), device_pixel_ratio),
                                        modifiers.testFlag(Qt::ControlModifier) ? 1 : 0,
                                        modifiers.testFlag(Qt::ShiftModifier) ? 1 : 0, 0, repeat);
  interactor_->SetAltKey(modifiers.testFlag(Qt::AltModifier) ? 1 : 0);
}

namespace {

// The VTK event for pressing or releasing a Qt mouse button; 0 for buttons VTK has no event for.
unsigned long buttonEvent(Qt::MouseButton button, bool press) {
  switch (button) {
    case Qt::LeftButton:
      return press ? vtkCommand::LeftButtonPressEvent : vtkCommand::LeftButtonReleaseEvent;
    case Qt::MiddleButton:
      return press ? vtkCommand::MiddleButtonPressEvent : vtkCommand::MiddleButtonReleaseEvent;
    case Qt::RightButton:
      return press ? vtkCommand::RightButtonPressEvent : vtkCommand::RightButtonReleaseEvent;
    default:
      return 0;
  }
}

}  // namespace

void VtkEventForwarder::mousePress(const QMouseEvent& event, qreal device_pixel_ratio, bool double_click) {
  // A repeat count of 1 is how VTK styles recognise a double click.
  setPointer(event, device_pixel_ratio, double_click ? 1 : 0);
  if (const unsigned long id = buttonEvent(event.button(), true)) interactor_->InvokeEvent(id);
}

void VtkEventForwarder::mouseRelease(const QMouseEvent& event, qreal device_pixel_ratio) {
  setPointer(event, device_pixel_ratio, 0);
  if (const unsigned long id = buttonEvent(event.button(), false)) interactor_->InvokeEvent(id);
}

void VtkEventForwarder::mouseMove(const QMouseEvent& event, qreal device_pixel_ratio) {
  setPointer(event, device_pixel_ratio, 0);
  interactor_->InvokeEvent(vtkCommand::MouseMoveEvent);
}

void VtkEventForwarder::wheel(const QWheelEvent& event, qreal device_pixel_ratio) {
  const QPointF position = event.position();
  const Qt::KeyboardModifiers modifiers = event.modifiers();
  interactor_->SetEventInformationFlipY(
      toDevice(position.x(), device_pixel_ratio), toDevice(position.y(), device_pixel_ratio),
      modifiers.testFlag(Qt::ControlModifier) ? 1 : 0, modifiers.testFlag(Qt::ShiftModifier) ? 1 : 0);
  interactor_->SetAltKey(modifiers.testFlag(Qt::AltModifier) ? 1 : 0);
  wheel_remainder_y_ += event.angleDelta().y();
  wheel_remainder_x_ += event.angleDelta().x();
  for (; wheel_remainder_y_ >= kWheelNotch; wheel_remainder_y_ -= kWheelNotch)
    interactor_->InvokeEvent(vtkCommand::MouseWheelForwardEvent);
  for (; wheel_remainder_y_ <= -kWheelNotch; wheel_remainder_y_ += kWheelNotch)
    interactor_->InvokeEvent(vtkCommand::MouseWheelBackwardEvent);
  for (; wheel_remainder_x_ >= kWheelNotch; wheel_remainder_x_ -= kWheelNotch)
    interactor_->InvokeEvent(vtkCommand::MouseWheelLeftEvent);
  for (; wheel_remainder_x_ <= -kWheelNotch; wheel_remainder_x_ += kWheelNotch)
    interactor_->InvokeEvent(vtkCommand::MouseWheelRightEvent);
}

void VtkEventForwarder::key(const QKeyEvent& event, bool pressed) {
  const Qt::KeyboardModifiers modifiers = event.modifiers();
  const QByteArray text = event.text().toLatin1();
  // VTK's key code is a single char; only plain Latin-1 text maps onto it.
  const char key_code = text.size() == 1 ? text.at(0) : '\0';
  const char* symbol = keySymbol(event.key());
  QByteArray printable_symbol;
  if (symbol == nullptr && key_code != '\0') {
    printable_symbol = QByteArray(1, key_code);
    symbol = printable_symbol.constData();
  }
  interactor_->SetKeyEventInformation(modifiers.testFlag(Qt::ControlModifier) ? 1 : 0,
                                      modifiers.testFlag(Qt::ShiftModifier) ? 1 : 0, key_code,
                                      event.isAutoRepeat() ? 1 : 0, symbol);
  interactor_->SetAltKey(modifiers.testFlag(Qt::AltModifier) ? 1 : 0);
  if (pressed) {
    interactor_->InvokeEvent(vtkCommand::KeyPressEvent);
    // Styles act on CharEvent (e.g. 'r' resets the camera, 'w' wireframe).
    if (key_code != '\0') interactor_->InvokeEvent(vtkCommand::CharEvent);
  } else {
    interactor_->InvokeEvent(vtkCommand::KeyReleaseEvent);
  }
}

void VtkEventForwarder::enter() {
  interactor_->InvokeEvent(vtkCommand::EnterEvent);
}

void VtkEventForwarder::leave() {
  interactor_->InvokeEvent(vtkCommand::LeaveEvent);
}

}  // namespace routescope::widgets
