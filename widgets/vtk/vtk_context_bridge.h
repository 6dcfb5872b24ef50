#pragma once
// Connects vtkGenericOpenGLRenderWindow's context requests to the QOpenGLContext that Qt owns.
//
// vtkGenericOpenGLRenderWindow never touches a context itself: it fires events and expects the host
// to make the context current and to say whether it is. It fires them in the middle of rendering and
// of releasing resources, so the answer must be QOpenGLContext::makeCurrent(surface):
// QOpenGLWidget::makeCurrent() would also bind the widget's FBO behind VTK's cached GL state and
// redirect VTK's own framebuffer bindings.

#include <QPointer>
#include <QSurface>
#include <vector>

class QOpenGLContext;
class vtkGenericOpenGLRenderWindow;
class vtkObject;

namespace routescope::widgets {

class VtkContextBridge {
 public:
  explicit VtkContextBridge(vtkGenericOpenGLRenderWindow* window);
  ~VtkContextBridge();
  VtkContextBridge(const VtkContextBridge&) = delete;
  VtkContextBridge& operator=(const VtkContextBridge&) = delete;

  // Called from initializeGL: the context Qt just created (it is current on `surface`).
  void attach(QOpenGLContext* context, QSurface* surface);
  // Called when that context is about to be destroyed; VTK's requests are then refused.
  void detach();
  bool attached() const { return !context_.isNull(); }

 private:
  void onMakeCurrent(vtkObject*, unsigned long, void*);
  void onIsCurrent(vtkObject*, unsigned long, void* call_data);
  void onCapabilityQuery(vtkObject*, unsigned long, void* call_data);

  vtkGenericOpenGLRenderWindow* window_;
  QPointer<QOpenGLContext> context_;
  QSurface* surface_ = nullptr;
  std::vector<unsigned long> observer_tags_;
};

}  // namespace routescope::widgets
