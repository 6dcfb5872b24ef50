// Without an X display VtkView must refuse to render with a one-line error instead of crashing
// (run by ctest as widgets_vtk_no_display_test, under Qt's offscreen platform).
#include <gtest/gtest.h>

#include <QGuiApplication>
#include <QPainter>
#include <QTemporaryDir>

#include "red_sphere_scene.h"
#include "widgets/vtk/x_display_check.h"

namespace routescope::widgets::testing {
namespace {

class NoDisplay : public ::testing::Test {
 protected:
  void SetUp() override {
    if (vtkDisplayProblem().isEmpty())
      GTEST_SKIP() << "an X display is available; run with QT_QPA_PLATFORM=offscreen";
  }
};

TEST_F(NoDisplay, ExportsReturnOneLineErrors) {
  QTemporaryDir folder;
  VtkView view;
  addRedSphere(view);
  for (FigureFormat format : {FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf}) {
    FigureRequest request;
    request.format = format;
    request.size = QSize(100, 80);
    const QString file = folder.filePath("figure");
    const QString error = view.exportFigure(file, request);
    EXPECT_TRUE(error.startsWith(file)) << error.toStdString();
    EXPECT_TRUE(error.contains("display", Qt::CaseInsensitive)) << error.toStdString();
    EXPECT_FALSE(error.contains('\n'));
  }
  EXPECT_TRUE(view.snapshot(QSize(50, 50)).isNull());
  EXPECT_FALSE(view.lastError().isEmpty());
}

TEST_F(NoDisplay, PaintFigureDrawsTheErrorInsteadOfCrashing) {
  VtkView view;
  QImage canvas(120, 80, QImage::Format_RGB32);
  canvas.fill(Qt::white);
  QPainter painter(&canvas);
  view.paintFigure(painter, QRectF(0, 0, 120, 80));
  painter.end();
  EXPECT_FALSE(view.lastError().isEmpty());
  EXPECT_NE(canvas.pixel(1, 1), QColor(Qt::white).rgb());
}

TEST_F(NoDisplay, PickingStillWorksBecauseItIsGeometric) {
  VtkView view;
  view.resize(200, 200);
  addRedSphere(view);
  // Without a first render the render window has no size; picking must not crash either way.
  (void)view.pick(QPoint(100, 100));
  SUCCEED();
}

}  // namespace
}  // namespace routescope::widgets::testing
