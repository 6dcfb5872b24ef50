#pragma once
// The Mixture-of-Experts study's plugin: launchers for training the demo models (OpenMoE linear
// router, RMoE GRU router, a capacity-aware comparison), figures of a training run's live metrics
// and its report section. The routing analyses and views come with MoE study 2/2.

#include <QObject>

#include "plugins/sdk/study_plugin.h"

namespace routescope::plugins::moe {

class MoePlugin : public QObject, public StudyPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID RouteScopeStudyPlugin_iid FILE "moe.json")
  Q_INTERFACES(routescope::plugins::StudyPlugin)

 public:
  QString studyName() const override { return QStringLiteral("moe"); }
  QString displayName() const override { return tr("Mixture of Experts"); }
  QList<JobLauncher> jobLaunchers() const override;
  QStringList figureNames(const RunData& run) const override;
  std::unique_ptr<widgets::Figure> createFigure(const RunData& run, const QString& name) override;
  QList<widgets::ReportSection> reportSections(const RunData& run) override;
};

}  // namespace routescope::plugins::moe
