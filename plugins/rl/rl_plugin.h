#pragma once
// The reinforcement-learning kit's plugin: PPO training runs on the reference environments
// (learning curve, losses, KL and clip fraction) and evaluations (return per episode).

#include <QObject>

#include "plugins/sdk/study_plugin.h"

namespace routescope::plugins::rl {

class RlPlugin : public QObject, public StudyPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID RouteScopeStudyPlugin_iid FILE "rl.json")
  Q_INTERFACES(routescope::plugins::StudyPlugin)

 public:
  QString studyName() const override { return QStringLiteral("rl"); }
  QString displayName() const override { return tr("Reinforcement learning"); }
  QList<JobLauncher> jobLaunchers() const override;
  std::optional<GuidedDemo> guidedDemo() const override;
  QStringList figureNames(const RunData& run) const override;
  std::unique_ptr<widgets::Figure> createFigure(const RunData& run, const QString& name) override;
  QList<widgets::ReportSection> reportSections(const RunData& run) override;
};

}  // namespace routescope::plugins::rl
