#include "red_sphere_scene.h"

#include <vtkActor.h>
#include <vtkCommand.h>
#include <vtkNew.h>
#include <vtkOutputWindow.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>

#include <QTest>

#include "widgets/vtk/x_display_check.h"

namespace routescope::widgets::testing {

vtkSmartPointer<vtkActor> addRedSphere(VtkView& view) {
  vtkNew<vtkSphereSource> sphere;
  sphere->SetRadius(kSphereRadius);
  sphere->SetThetaResolution(48);
  sphere->SetPhiResolution(48);
  vtkNew<vtkPolyDataMapper> mapper;
  mapper->SetInputConnection(sphere->GetOutputPort());
  auto actor = vtkSmartPointer<vtkActor>::New();
  actor->SetMapper(mapper);
  // Pure red with flat ambient light: the centre stays saturated red whatever the lighting.
  actor->GetProperty()->SetColor(1.0, 0.0, 0.0);
  actor->GetProperty()->SetAmbient(0.4);
  actor->GetProperty()->SetDiffuse(0.8);
  actor->GetProperty()->SetSpecular(0.0);
  view.renderer()->AddActor(actor);
  view.renderer()->SetBackground(0.0, 0.0, 0.0);
  view.renderer()->ResetCamera();
  return actor;
}

bool isRed(QRgb pixel) {
  return qRed(pixel) > 150 && qGreen(pixel) < 60 && qBlue(pixel) < 60;
}

bool isBlack(QRgb pixel) {
  return qRed(pixel) < 20 && qGreen(pixel) < 20 && qBlue(pixel) < 20;
}

QString describe(QRgb pixel) {
  return QStringLiteral("(%1, %2, %3)").arg(qRed(pixel)).arg(qGreen(pixel)).arg(qBlue(pixel));
}

QRgb centrePixel(const QImage& image) {
  return image.pixel(image.width() / 2, image.height() / 2);
}

QRgb cornerPixel(const QImage& image) {
  return image.pixel(2, 2);
}

bool showAndWait(QWidget& window) {
  window.show();
  return QTest::qWaitForWindowExposed(&window, 5000);
}

bool canRender(QString* reason) {
  *reason = vtkDisplayProblem();
  return reason->isEmpty();
}

VtkErrorLog::VtkErrorLog() {
  vtkOutputWindow* output = vtkOutputWindow::GetInstance();
  error_tag_ = output->AddObserver(vtkCommand::ErrorEvent, this, &VtkErrorLog::onMessage);
  warning_tag_ = output->AddObserver(vtkCommand::WarningEvent, this, &VtkErrorLog::onMessage);
}

VtkErrorLog::~VtkErrorLog() {
  vtkOutputWindow* output = vtkOutputWindow::GetInstance();
  output->RemoveObserver(error_tag_);
  output->RemoveObserver(warning_tag_);
}

void VtkErrorLog::onMessage(vtkObject*, unsigned long, void* call_data) {
  errors_ << (call_data == nullptr ? QStringLiteral("(no text)")
                                   : QString::fromUtf8(static_cast<const char*>(call_data)).simplified());
}

}  // namespace routescope::widgets::testing
