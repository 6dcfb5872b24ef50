#pragma once
// The known scene the VtkView tests check pixels against: a red sphere of radius 1 at the origin
// on a black background, camera reset so the sphere sits in the middle of any view.

#include <vtkSmartPointer.h>

#include <QImage>
#include <QString>

#include "widgets/vtk/vtk_view.h"

class vtkActor;

namespace routescope::widgets::testing {

constexpr double kSphereRadius = 1.0;

vtkSmartPointer<vtkActor> addRedSphere(VtkView& view);

bool isRed(QRgb pixel);
bool isBlack(QRgb pixel);
// "(r, g, b)" for failure messages.
QString describe(QRgb pixel);

QRgb centrePixel(const QImage& image);
QRgb cornerPixel(const QImage& image);

// Shows `window` and waits until the window system has exposed it (false on timeout).
bool showAndWait(QWidget& window);

// True when VTK can render here (an X display); tests skip with `reason` otherwise.
bool canRender(QString* reason);

// Collects every error VTK reports (GL errors included) while alive.
class VtkErrorLog {
 public:
  VtkErrorLog();
  ~VtkErrorLog();
  VtkErrorLog(const VtkErrorLog&) = delete;
  VtkErrorLog& operator=(const VtkErrorLog&) = delete;
  const QStringList& errors() const { return errors_; }

 private:
  void onMessage(vtkObject*, unsigned long, void* call_data);
  QStringList errors_;
  unsigned long error_tag_ = 0;
  unsigned long warning_tag_ = 0;
};

}  // namespace routescope::widgets::testing
