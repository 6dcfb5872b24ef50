#pragma once
// VtkView: a QOpenGLWidget that hosts one VTK renderer, with camera interaction, picking and
// re-rendered (never screen-grabbed) PNG/SVG/PDF export.
//
// Debian's VTK::GUISupportQt is built for Qt 5, so this widget plays its role by hand: VTK renders
// into Qt's context through vtkGenericOpenGLRenderWindow (see shared DESIGN.md, "VTK 9.1").
// Everything that renders needs an X display (VTK is GLX-only here); without one the calls return a
// one-line error instead of crashing.

#include <vtkSmartPointer.h>

#include <QImage>
#include <QOpenGLWidget>
#include <QPoint>
#include <QSize>
#include <QString>
#include <memory>

#include "widgets/figure/figure.h"
#include "widgets/vtk/vtk_pick_result.h"

class vtkCellPicker;
class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;
class vtkObject;
class vtkRenderer;

namespace routescope::widgets {

class VtkContextBridge;
class VtkEventForwarder;

class VtkView : public QOpenGLWidget, public Figure {
  Q_OBJECT

 public:
  explicit VtkView(QWidget* parent = nullptr);
  ~VtkView() override;

  // The scene: add props here, then call update() (or interact) to see them.
  vtkRenderer* renderer() const;
  vtkGenericOpenGLRenderWindow* renderWindow() const;
  vtkGenericRenderWindowInteractor* interactor() const;
  // Size of the VTK render window in device pixels (widget size times devicePixelRatio).
  QSize renderWindowSize() const;

  // What is under `position` (widget logical pixels). Geometric, so it needs no GL context.
  VtkPickResult pick(const QPoint& position) const;

  // Renders the scene offscreen at `pixels` (device pixels, any aspect ratio). Null on failure;
  // lastError() then says why.
  QImage snapshot(const QSize& pixels);
  QString lastError() const { return last_error_; }

  void setFigureName(const QString& name) { figure_name_ = name; }
  QString figureName() const override { return figure_name_; }
  // Draws a snapshot rendered at the target's device resolution (an error note if VTK cannot render).
  void paintFigure(QPainter& painter, const QRectF& target) override;
  // PNG: offscreen render at size*dpi/96, provenance in a tEXt chunk. SVG: that render (2x) embedded
  // as an image, provenance in <metadata>. PDF: GL2PS (3D raster, 2D props and text as vectors),
  // page = figure size in points, provenance in the Info dictionary and XMP.
  QString exportFigure(const QString& path, const FigureRequest& request) override;

 Q_SIGNALS:
  // A left click (press and release without dragging) at `result.widget_position`; emitted
  // whether or not something was hit.
  void picked(const routescope::widgets::VtkPickResult& result);

 protected:
  void initializeGL() override;
  void resizeGL(int width, int height) override;
  void paintGL() override;

  void mousePressEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void keyReleaseEvent(QKeyEvent* event) override;
  void enterEvent(QEnterEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  QSize deviceSize() const;
  void syncRenderWindowSize();
  void releaseGraphicsResources();
  bool ensureGraphicsReady(QString* error);
  // Makes VTK's GL state cache valid in Qt's context and pushes Qt's state (caller pops it).
  void enterVtkRendering();
  void beginExternalRender();
  void endExternalRender();
  void forceOpaqueAlpha();
  QImage renderOffscreen(const QSize& pixels, int magnification, QString* error);
  QString exportPng(const QString& path, const FigureRequest& request);
  QString exportSvg(const QString& path, const FigureRequest& request);
  QString exportPdf(const QString& path, const FigureRequest& request);
  void onInteractorRender(vtkObject*, unsigned long, void*);

  vtkSmartPointer<vtkGenericOpenGLRenderWindow> window_;
  vtkSmartPointer<vtkRenderer> renderer_;
  vtkSmartPointer<vtkGenericRenderWindowInteractor> interactor_;
  vtkSmartPointer<vtkCellPicker> picker_;
  std::unique_ptr<VtkContextBridge> bridge_;
  std::unique_ptr<VtkEventForwarder> forwarder_;
  unsigned long render_observer_ = 0;

  bool graphics_ready_ = false;
  QString init_error_;
  int max_render_side_ = 4096;
  QString last_error_;
  QString figure_name_ = QStringLiteral("vtk-view");
  QPoint press_position_;
};

}  // namespace routescope::widgets
