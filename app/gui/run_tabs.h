#pragma once
// The central area: one closable tab per open run (the study plugin's run view) and per
// comparison. Knows which runs are open so the recovery file can reopen them.

#include <QTabWidget>
#include <map>
#include <vector>

#include "plugins/sdk/plugin_loader.h"

namespace routescope::core {
class RunStore;
}

namespace routescope::gui {

class RunTabs : public QTabWidget {
  Q_OBJECT

 public:
  RunTabs(QWidget* parent = nullptr);
  void setSources(core::RunStore* store, const plugins::LoadedPlugins* plugins);
  // Both return an empty string on success, else a one-line error.
  QString openRun(const QString& run_id);
  QString openComparison(const QStringList& run_ids);
  // A view a study plugin made of a file (File → Open); not restored after a crash.
  void addFileView(QWidget* view, const QString& title);
  void closeAll();
  // "RUN" for a run tab, "RUN1,RUN2,..." for a comparison; in tab order.
  QStringList openTabKeys() const;
  // The run shown in the current tab (null for none or a comparison).
  const plugins::RunData* currentRun() const;
  std::vector<plugins::RunData> currentRuns() const;

 Q_SIGNALS:
  void tabsChanged();

 private:
  struct Entry {
    QString key;
    std::vector<plugins::RunData> runs;
  };
  int findKey(const QString& key) const;
  void closeTabAt(int index);

  core::RunStore* store_ = nullptr;
  const plugins::LoadedPlugins* plugins_ = nullptr;
  std::map<QWidget*, Entry> entries_;
};

}  // namespace routescope::gui
