#include "app/gui/comparison_tab.h"

#include <QDir>
#include <QFile>
#include <QScrollArea>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "app/gui/run_browser/comparison_view.h"
#include "plugins/sdk/run_exports.h"

namespace routescope::gui {

QStringList sharedMetricNames(const std::vector<plugins::RunData>& runs) {
  QStringList names;
  if (runs.empty()) return names;
  for (const auto& [name, points] : runs.front().metrics) {
    bool everywhere = true;
    for (const auto& run : runs) everywhere = everywhere && run.hasMetric(name);
    if (everywhere) names << QString::fromStdString(name);
  }
  return names;
}

ComparisonTab::ComparisonTab(const std::vector<plugins::RunData>& runs, const plugins::LoadedPlugins& plugins,
                             QWidget* parent)
    : QSplitter(Qt::Horizontal, parent) {
  // The report is written as HTML (figures inlined) and shown as is, so the tab and an exported
  // comparison report never disagree.
  auto* report = new QTextBrowser(this);
  report->setOpenExternalLinks(true);
  QTemporaryDir folder;
  const QString path = QDir(folder.path()).filePath(QStringLiteral("comparison.html"));
  const QString error = plugins::exportRunReport(plugins, runs, path);
  QFile html(path);
  if (error.isEmpty() && html.open(QIODevice::ReadOnly)) {
    report->setHtml(QString::fromUtf8(html.readAll()));
  } else {
    report->setPlainText(error);
  }

  addWidget(report);
  // The run browser's comparison (configs with differences marked, overlays, seed bands).
  addWidget(app::createComparisonView(runs, this));
  chart_count_ = static_cast<int>(sharedMetricNames(runs).size());
  setStretchFactor(0, 1);
  setStretchFactor(1, 1);
}

}  // namespace routescope::gui
