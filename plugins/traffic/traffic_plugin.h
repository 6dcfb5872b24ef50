#pragma once
// The Traffic study's plugin: network maps, convergence charts and link tables of assignment
// runs, the what-if panel, TNTP files from File → Open, report sections, the figures of
// network-design runs, and two guided demos (the Braess paradox, network design with a GNN
// surrogate).

#include <QObject>

#include "plugins/sdk/study_plugin.h"

namespace routescope::plugins::traffic {

class TrafficPlugin : public QObject, public StudyPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID RouteScopeStudyPlugin_iid FILE "traffic.json")
  Q_INTERFACES(routescope::plugins::StudyPlugin)

 public:
  QString studyName() const override { return QStringLiteral("traffic"); }
  QString displayName() const override { return tr("Traffic"); }
  QList<JobLauncher> jobLaunchers() const override;
  std::optional<GuidedDemo> guidedDemo() const override;  // Braess
  QList<GuidedDemo> guidedDemos() const override;         // Braess, network design
  QStringList figureNames(const RunData& run) const override;
  std::unique_ptr<widgets::Figure> createFigure(const RunData& run, const QString& name) override;
  bool figureNeedsDisplay(const RunData& run, const QString& name) const override;
  QList<widgets::ReportSection> reportSections(const RunData& run) override;
  QStringList openFileFilters() const override;
  QWidget* openFile(const QString& path, QWidget* parent, QString* error) override;
  QWidget* createRunView(const RunData& run, QWidget* parent) override;
};

}  // namespace routescope::plugins::traffic
