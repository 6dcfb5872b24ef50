#pragma once
// The Mixture-of-Experts study's plugin: launchers for training the demo models (OpenMoE linear
// router, RMoE GRU router, a capacity-aware comparison), figures of a training run's live metrics,
// the routing views and analyses of its traces (MoeRunView), its report sections and the guided
// demo "Mixture-of-Experts routing".

#include <QObject>
#include <nlohmann/json.hpp>

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
  std::optional<GuidedDemo> guidedDemo() const override;
  QStringList figureNames(const RunData& run) const override;
  std::unique_ptr<widgets::Figure> createFigure(const RunData& run, const QString& name) override;
  QList<widgets::ReportSection> reportSections(const RunData& run) override;
  QWidget* createRunView(const RunData& run, QWidget* parent) override;

 private:
  widgets::ReportSection trainingSection(const RunData& run);
  widgets::ReportSection routingSection(const RunData& run, const nlohmann::json& analysis);
};

}  // namespace routescope::plugins::moe
