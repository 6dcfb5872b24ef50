#pragma once
// The interface a study implements to plug into the app: what it is called, its panels, the
// jobs it launches, the views, figures and report sections it offers for a run, and its guided
// demos. Loaded with QPluginLoader (see plugin_loader.h).

#include <QIcon>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtPlugin>
#include <memory>
#include <optional>

#include "plugins/sdk/run_data.h"
#include "widgets/figure/figure.h"
#include "widgets/report/report.h"

class QWidget;

namespace routescope::plugins {

struct JobLauncher {
  QString title;          // menu/button text
  QString kind;           // the job kind (CLI verb) in this study
  QStringList overrides;  // "key=value" applied on top of the defaults
};

struct GuidedDemo {
  QString title;
  QString description;  // what the user will see and why it matters
  JobLauncher job;
  QStringList figures;  // figures to show when the job finishes
};

class StudyPlugin {
 public:
  virtual ~StudyPlugin() = default;

  virtual QString studyName() const = 0;    // the backend study, e.g. "system"
  virtual QString displayName() const = 0;  // translated, e.g. tr("System")
  virtual QIcon icon() const { return {}; }
  // Optional settings panel owned by `parent`.
  virtual QWidget* createSettingsPanel(QWidget* parent) { return nullptr; }
  virtual QList<JobLauncher> jobLaunchers() const { return {}; }
  virtual std::optional<GuidedDemo> guidedDemo() const { return std::nullopt; }
  // Every guided demo of the study, each listed under Help → Demos; the default is guidedDemo()
  // alone, so a study with one demo overrides only that.
  virtual QList<GuidedDemo> guidedDemos() const;

  // Figures this plugin offers for `run` (empty when the run is not of this study).
  virtual QStringList figureNames(const RunData& run) const = 0;
  // nullptr for an unknown name.
  virtual std::unique_ptr<widgets::Figure> createFigure(const RunData& run, const QString& name) = 0;
  // True for figures drawn by VTK (which renders only through X): without a display the CLI then
  // starts a private Xvfb instead of using Qt's offscreen platform.
  virtual bool figureNeedsDisplay(const RunData& run, const QString& name) const { return false; }
  // Study-specific report sections (tables, explanations) for `run`.
  virtual QList<widgets::ReportSection> reportSections(const RunData& run) { return {}; }
  // File types this study opens from File → Open, as dialog filters ("TNTP networks (*_net.tntp)").
  virtual QStringList openFileFilters() const { return {}; }
  // A view of `path` owned by `parent`; nullptr with a one-line `*error` when it cannot be read.
  virtual QWidget* openFile(const QString& path, QWidget* parent, QString* error) {
    *error = path + ": this study opens no files";
    return nullptr;
  }
  // The view of a run inside the app; the default shows every figure in tabs.
  virtual QWidget* createRunView(const RunData& run, QWidget* parent);
};

}  // namespace routescope::plugins

#define RouteScopeStudyPlugin_iid "org.routescope.StudyPlugin/1"
Q_DECLARE_INTERFACE(routescope::plugins::StudyPlugin, RouteScopeStudyPlugin_iid)
