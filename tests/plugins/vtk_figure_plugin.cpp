// A study plugin whose one figure is a VTK view (a red sphere): lets the CLI tests check that
// `routescope-cli export` starts a private Xvfb for VTK figures when there is no display. It also
// registers a file type ("*.sphere", shown as text), for the app's File → Open tests.
#include <QFile>
#include <QLabel>
#include <QObject>

#include "plugins/sdk/study_plugin.h"
#include "tests/widgets/vtk/red_sphere_scene.h"
#include "widgets/vtk/vtk_view.h"

class VtkFigurePlugin : public QObject, public routescope::plugins::StudyPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID RouteScopeStudyPlugin_iid)
  Q_INTERFACES(routescope::plugins::StudyPlugin)

 public:
  QString studyName() const override { return QStringLiteral("vtkdemo"); }
  QString displayName() const override { return QStringLiteral("VTK demo"); }
  QStringList figureNames(const routescope::plugins::RunData&) const override { return {"sphere"}; }
  bool figureNeedsDisplay(const routescope::plugins::RunData&, const QString&) const override { return true; }
  QStringList openFileFilters() const override { return {QStringLiteral("Sphere scenes (*.sphere)")}; }
  QWidget* openFile(const QString& path, QWidget* parent, QString* error) override {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
      *error = path + ": cannot read";
      return nullptr;
    }
    auto* view = new QLabel(QString::fromUtf8(file.readAll()), parent);
    view->setObjectName(QStringLiteral("sphereFileView"));
    return view;
  }
  std::unique_ptr<routescope::widgets::Figure> createFigure(const routescope::plugins::RunData&,
                                                            const QString& name) override {
    if (name != "sphere") return nullptr;
    auto view = std::make_unique<routescope::widgets::VtkView>();
    routescope::widgets::testing::addRedSphere(*view);
    return view;
  }
};

#include "vtk_figure_plugin.moc"
