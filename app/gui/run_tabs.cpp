#include "app/gui/run_tabs.h"

#include <QLabel>
#include <QTabBar>

#include "app/gui/comparison_tab.h"
#include "backend/core/error.h"

namespace routescope::gui {

RunTabs::RunTabs(QWidget* parent) : QTabWidget(parent) {
  setTabsClosable(true);
  setMovable(true);
  setDocumentMode(true);
  connect(this, &QTabWidget::tabCloseRequested, this, &RunTabs::closeTabAt);
  connect(tabBar(), &QTabBar::tabMoved, this, &RunTabs::tabsChanged);
}

void RunTabs::setSources(core::RunStore* store, const plugins::LoadedPlugins* plugins) {
  store_ = store;
  plugins_ = plugins;
}

int RunTabs::findKey(const QString& key) const {
  for (int i = 0; i < count(); ++i) {
    auto it = entries_.find(widget(i));
    if (it != entries_.end() && it->second.key == key) return i;
  }
  return -1;
}

QString RunTabs::openRun(const QString& run_id) {
  if (!store_ || !plugins_) return tr("The run store is not open.");
  try {
    plugins::RunData run = plugins::loadRunData(*store_, run_id.toStdString());
    const QString key = QString::fromStdString(run.record.id);
    if (const int existing = findKey(key); existing >= 0) {
      setCurrentIndex(existing);
      return {};
    }
    plugins::StudyPlugin* plugin = plugins_->find(QString::fromStdString(run.record.study));
    QWidget* view = plugin ? plugin->createRunView(run, this)
                           : new QLabel(tr("No plugin for the study \"%1\" is loaded.")
                                            .arg(QString::fromStdString(run.record.study)),
                                        this);
    const QString title = QStringLiteral("%1 %2 · %3")
                              .arg(QString::fromStdString(run.record.study),
                                   QString::fromStdString(run.record.kind), key.left(8));
    entries_[view] = {key, {std::move(run)}};
    setCurrentIndex(addTab(view, title));
    Q_EMIT tabsChanged();
    return {};
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
}

QString RunTabs::openComparison(const QStringList& run_ids) {
  if (!store_ || !plugins_) return tr("The run store is not open.");
  try {
    std::vector<plugins::RunData> runs;
    QStringList ids;
    for (const QString& id : run_ids) {
      runs.push_back(plugins::loadRunData(*store_, id.toStdString()));
      ids << QString::fromStdString(runs.back().record.id);
    }
    auto* view = new ComparisonTab(runs, *plugins_, this);
    entries_[view] = {ids.join(','), std::move(runs)};
    setCurrentIndex(addTab(view, tr("Comparison of %n run(s)", nullptr, int(ids.size()))));
    Q_EMIT tabsChanged();
    return {};
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
}

void RunTabs::addFileView(QWidget* view, const QString& title) {
  view->setParent(this);
  setCurrentIndex(addTab(view, title));
}

QStringList RunTabs::openTabKeys() const {
  QStringList keys;
  for (int i = 0; i < count(); ++i) {
    auto it = entries_.find(widget(i));
    if (it != entries_.end()) keys << it->second.key;
  }
  return keys;
}

const plugins::RunData* RunTabs::currentRun() const {
  auto it = entries_.find(currentWidget());
  if (it == entries_.end() || it->second.runs.size() != 1) return nullptr;
  return &it->second.runs.front();
}

std::vector<plugins::RunData> RunTabs::currentRuns() const {
  auto it = entries_.find(currentWidget());
  return it == entries_.end() ? std::vector<plugins::RunData>{} : it->second.runs;
}

void RunTabs::closeAll() {
  while (count() > 0) closeTabAt(0);
}

void RunTabs::closeTabAt(int index) {
  QWidget* view = widget(index);
  removeTab(index);
  entries_.erase(view);
  delete view;
  Q_EMIT tabsChanged();
}

}  // namespace routescope::gui
