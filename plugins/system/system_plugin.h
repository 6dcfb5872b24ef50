#pragma once
// The System study's plugin: the machine profile (sgemm GFLOP/s versus size and threads) and the
// training check, with their figures, report sections and the guided demo.

#include <QObject>

#include "plugins/sdk/study_plugin.h"

namespace routescope::plugins::system {

class SystemPlugin : public QObject, public StudyPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID RouteScopeStudyPlugin_iid FILE "system.json")
  Q_INTERFACES(routescope::plugins::StudyPlugin)

 public:
  QString studyName() const override { return QStringLiteral("system"); }
  QString displayName() const override { return tr("System"); }
  QList<JobLauncher> jobLaunchers() const override;
  std::optional<GuidedDemo> guidedDemo() const override;
  QStringList figureNames(const RunData& run) const override;
  std::unique_ptr<widgets::Figure> createFigure(const RunData& run, const QString& name) override;
  QList<widgets::ReportSection> reportSections(const RunData& run) override;
};

}  // namespace routescope::plugins::system
