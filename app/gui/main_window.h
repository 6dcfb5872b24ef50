#pragma once
// The main window wires things together and does little itself: the studies sidebar, the run
// tabs in the centre, docks for the run browser, jobs, log and notes, the menus, and the
// recovery file. Heavy start-up work (plugins, which load LibTorch; the run store) happens after
// the window is shown.

#include <QHash>
#include <QJsonObject>
#include <QMainWindow>
#include <memory>

#include "app/gui/app_settings.h"
#include "backend/core/study_registry.h"
#include "plugins/sdk/plugin_loader.h"
#include "widgets/figure/figure.h"

class QDockWidget;
class QMenu;
class QPlainTextEdit;

namespace routescope::core {
class RunStore;
}

namespace routescope::gui {

class JobController;
class JobPanel;
class LogView;
class PluginSidebar;
class RecoveryFile;
class RunTabs;

enum class RecoveryAnswer { Ask, Accept, Decline };

struct MainWindowOptions {
  // Ask: a message box, unless $ROUTESCOPE_RECOVERY_ANSWER is "accept" or "decline".
  RecoveryAnswer recovery = RecoveryAnswer::Ask;
  bool start_demo = false;  // `routescope --demo`
};

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(MainWindowOptions options = {}, QWidget* parent = nullptr);
  ~MainWindow() override;

  bool isReady() const { return ready_; }
  JobController* jobController() const { return jobs_.get(); }
  JobPanel* jobPanel() const { return job_panel_; }
  RunTabs* runTabs() const { return tabs_; }
  QWidget* runBrowser() const { return run_browser_; }
  core::RunStore* runStore() const { return store_.get(); }
  RecoveryFile* recoveryFile() const { return recovery_; }
  const AppSettings& settings() const { return settings_; }
  QPlainTextEdit* notes() const { return notes_; }

  // Starts a job of `study` from a launcher; returns the queue id, 0 on error (logged).
  uint64_t launch(const QString& study, const plugins::JobLauncher& launcher);
  // The study's guided demo number `index` (Help → Demos lists them in guidedDemos() order).
  void startDemo(const QString& study, int index = 0);
  QString openRun(const QString& run_id);
  QString openStore(const QString& path);
  // File → Open: a run store, a run bundle (imported) or a file a study plugin registers.
  // Returns an empty string on success, else a one-line error (also reported in the window).
  QString openPath(const QString& path);
  // Adds the runs of a bundle to the open store; empty string or a one-line error.
  QString importBundleFile(const QString& path);
  // Both return an empty string on success, else a one-line error (also logged).
  QString exportFigure(const QString& figure, const QString& path, widgets::FigureFormat format, QSize size);
  QString exportReport(const QString& path);
  void applySettings(const AppSettings& settings);
  void resetLayout();

 Q_SIGNALS:
  void ready();
  void demoFinished(const QString& run_id);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  QDockWidget* addDock(const QString& object_name, Qt::DockWidgetArea area, QWidget* content);
  void loadWorkbench();
  void buildMenus();  // main_window_menus.cpp; rebuilt on a language change
  void retitleDocks();
  void rebuildRecentMenu();
  void rememberRecent(const QString& run_id);
  void offerRecovery();
  void restoreFrom(const QJsonObject& state);
  QJsonObject captureState() const;
  void onJobFinished(quint64 id, const QString& run_id, int status);
  void showRunLog(const QString& run_id);
  void compareRuns(const QStringList& run_ids);
  void refreshRunBrowser();
  void askExportFigure();
  void askExportReport();
  void askOpen();
  void askImportBundle();
  void showSettings();
  void showAbout();
  void report(const QString& error);

  MainWindowOptions options_;
  AppSettings settings_;
  bool ready_ = false;
  // Destruction order matters: jobs stop before the store closes; widgets go before plugins.
  std::unique_ptr<plugins::LoadedPlugins> plugins_;
  std::unique_ptr<core::RunStore> store_;
  std::unique_ptr<JobController> jobs_;
  core::StudyRegistry registry_;
  QHash<quint64, QString> demo_jobs_;  // queue id -> study whose guided demo it runs

  RunTabs* tabs_;
  PluginSidebar* sidebar_;
  LogView* log_;
  QPlainTextEdit* notes_;
  JobPanel* job_panel_ = nullptr;
  QWidget* run_browser_ = nullptr;
  QDockWidget* studies_dock_;
  QDockWidget* runs_dock_;
  QDockWidget* jobs_dock_;
  QDockWidget* log_dock_;
  QDockWidget* notes_dock_;
  QMenu* recent_menu_ = nullptr;
  RecoveryFile* recovery_;
  QByteArray default_state_;
};

}  // namespace routescope::gui
