#pragma once
// The run browser: every run of the store in a sortable, filterable table, with the actions a
// user takes on runs (open, rename, tag, annotate, delete, compare). Opening and comparing are
// requests: the app shell owns the views they lead to.

#include <QStringList>
#include <QWidget>

#include "app/gui/run_browser/run_browser_prompts.h"
#include "widgets/format/display_format.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace routescope::core {
class RunStore;
}
namespace routescope::plugins {
struct LoadedPlugins;
}

namespace routescope::app {

class RunFilterProxy;
class RunTableModel;

class RunBrowser : public QWidget {
  Q_OBJECT

 public:
  RunBrowser(core::RunStore& store, const plugins::LoadedPlugins& plugins, QWidget* parent = nullptr);

  // Re-reads the store (runs added, finished or changed elsewhere); the selection is kept.
  void refresh();
  // How durations and metric values are shown (Settings → Units and numbers).
  void setDisplayFormat(const widgets::DisplayFormat& format);
  // Selected runs, in table order.
  QStringList selectedRunIds() const;
  // Selects these runs (those present and shown) and makes the first one current.
  void selectRuns(const QStringList& run_ids);
  // Replaces the dialogs the browser asks through; members left empty keep their dialog.
  void setPrompts(RunBrowserPrompts prompts);

 Q_SIGNALS:
  void openRunRequested(QString run_id);
  void compareRunsRequested(QStringList run_ids);

 private:
  QWidget* buildFilterBar();
  void createActions();
  void updateActions();
  void updateCountLabel();
  void rebuildStudyChoices();
  QString currentRunId() const;

  void openCurrent();
  void renameCurrent();
  void editTags();
  void editNotes();
  void deleteSelected();
  void compareSelected();
  // Runs `write` against the store, telling the user when it throws; then re-reads the store.
  template <typename Write>
  void writeToStore(const QString& what, Write write);

  core::RunStore& store_;
  const plugins::LoadedPlugins& plugins_;
  RunBrowserPrompts prompts_;
  RunTableModel* model_ = nullptr;
  RunFilterProxy* proxy_ = nullptr;
  QTableView* view_ = nullptr;
  QComboBox* study_choice_ = nullptr;
  QComboBox* status_choice_ = nullptr;
  QLineEdit* search_ = nullptr;
  QLabel* count_label_ = nullptr;
  QAction* open_ = nullptr;
  QAction* rename_ = nullptr;
  QAction* tags_ = nullptr;
  QAction* notes_ = nullptr;
  QAction* delete_ = nullptr;
  QAction* compare_ = nullptr;
  QAction* refresh_ = nullptr;
};

}  // namespace routescope::app
