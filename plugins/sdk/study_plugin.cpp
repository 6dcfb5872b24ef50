#include "plugins/sdk/study_plugin.h"

#include <QTabWidget>
#include <QWidget>

namespace routescope::plugins {

QList<GuidedDemo> StudyPlugin::guidedDemos() const {
  if (auto demo = guidedDemo()) return {*demo};
  return {};
}

QWidget* StudyPlugin::createRunView(const RunData& run, QWidget* parent) {
  auto* tabs = new QTabWidget(parent);
  for (const QString& name : figureNames(run)) {
    // Every view is both a Figure and a QWidget; the tab widget takes ownership of it.
    auto figure = createFigure(run, name);
    if (auto* widget = dynamic_cast<QWidget*>(figure.get())) {
      figure.release();
      tabs->addTab(widget, name);
    }
  }
  return tabs;
}

}  // namespace routescope::plugins
