#include "app/gui/main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include "app/gui/about_text.h"
#include "app/gui/export_figure_dialog.h"
#include "app/gui/job_controller.h"
#include "app/gui/job_factory.h"
#include "app/gui/job_panel.h"
#include "app/gui/log_view.h"
#include "app/gui/palettes.h"
#include "app/gui/plugin_sidebar.h"
#include "app/gui/recovery_file.h"
#include "app/gui/run_browser/run_browser.h"
#include "app/gui/run_tabs.h"
#include "app/gui/settings_dialog.h"
#include "app/gui/translation_loader.h"
#include "backend/core/bundle.h"
#include "backend/core/run_store.h"
#include "backend/studies/register_studies.h"
#include "plugins/sdk/run_exports.h"

using RunBrowserWidget = routescope::app::RunBrowser;

namespace routescope::gui {

MainWindow::MainWindow(MainWindowOptions options, QWidget* parent)
    : QMainWindow(parent),
      options_(options),
      settings_(AppSettings::load()),
      tabs_(new RunTabs(this)),
      sidebar_(new PluginSidebar(this)),
      log_(new LogView(this)),
      notes_(new QPlainTextEdit(this)) {
  setObjectName(QStringLiteral("mainWindow"));
  setWindowTitle(QStringLiteral("RouteScope"));
  setCentralWidget(tabs_);
  setDockNestingEnabled(true);
  notes_->setObjectName(QStringLiteral("notes"));
  studies_dock_ = addDock(QStringLiteral("studiesDock"), Qt::LeftDockWidgetArea, sidebar_);
  runs_dock_ = addDock(QStringLiteral("runBrowserDock"), Qt::LeftDockWidgetArea, nullptr);
  jobs_dock_ = addDock(QStringLiteral("jobPanelDock"), Qt::RightDockWidgetArea, nullptr);
  log_dock_ = addDock(QStringLiteral("logDock"), Qt::BottomDockWidgetArea, log_);
  notes_dock_ = addDock(QStringLiteral("notesDock"), Qt::BottomDockWidgetArea, notes_);
  splitDockWidget(studies_dock_, runs_dock_, Qt::Vertical);
  tabifyDockWidget(log_dock_, notes_dock_);
  log_dock_->raise();
  retitleDocks();
  resize(1360, 860);
  // Room for a job row (title, sparkline, button) and a log that leaves the run view the space.
  resizeDocks({jobs_dock_, studies_dock_}, {340, 300}, Qt::Horizontal);
  resizeDocks({log_dock_}, {150}, Qt::Vertical);
  // The layout as built is what "Reset layout" returns to.
  default_state_ = saveState();

  recovery_ = new RecoveryFile(
      RecoveryFile::defaultPath(), [this] { return captureState(); }, this);
  buildMenus();
  QSettings stored;
  restoreGeometry(stored.value("window/geometry").toByteArray());
  restoreState(stored.value("window/state").toByteArray());

  for (QDockWidget* dock : findChildren<QDockWidget*>()) {
    connect(dock, &QDockWidget::visibilityChanged, recovery_, &RecoveryFile::changed);
    connect(dock, &QDockWidget::dockLocationChanged, recovery_, &RecoveryFile::changed);
  }
  connect(notes_, &QPlainTextEdit::textChanged, recovery_, &RecoveryFile::changed);
  connect(tabs_, &RunTabs::tabsChanged, recovery_, &RecoveryFile::changed);
  connect(sidebar_, &PluginSidebar::launchRequested, this,
          [this](const QString& study, const plugins::JobLauncher& launcher) { launch(study, launcher); });
  statusBar()->showMessage(tr("Loading study plugins…"));
  // Plugins link LibTorch (about a second to load): show the window first, then load them.
  QTimer::singleShot(0, this, &MainWindow::loadWorkbench);
}

MainWindow::~MainWindow() {
  // Stop jobs before the store closes, and delete plugin-made widgets while plugins are loaded.
  jobs_.reset();
  delete centralWidget();
  qDeleteAll(findChildren<QDockWidget*>(QString(), Qt::FindDirectChildrenOnly));
}

QDockWidget* MainWindow::addDock(const QString& object_name, Qt::DockWidgetArea area, QWidget* content) {
  auto* dock = new QDockWidget(this);
  dock->setObjectName(object_name);  // saveState/restoreState key
  if (content) dock->setWidget(content);
  addDockWidget(area, dock);
  return dock;
}

void MainWindow::retitleDocks() {
  studies_dock_->setWindowTitle(tr("Studies"));
  runs_dock_->setWindowTitle(tr("Runs"));
  jobs_dock_->setWindowTitle(tr("Jobs"));
  log_dock_->setWindowTitle(tr("Log"));
  notes_dock_->setWindowTitle(tr("Notes"));
  notes_->setPlaceholderText(tr("Notes for this session (kept if the app crashes)"));
}

void MainWindow::loadWorkbench() {
  plugins_ = plugins::loadPlugins(plugins::defaultPluginDirectories());
  for (const QString& error : plugins_->errors)
    log_->addMessage(tr("warning"), tr("Plugin skipped: %1").arg(error));
  studies::registerAllStudies(registry_);
  sidebar_->setPlugins(plugins_.get());
  const QString error = openStore(settings_.run_store_path);
  buildMenus();  // now with the plugins' launchers and demos
  statusBar()->showMessage(error.isEmpty() ? tr("Ready") : error, 5000);
  offerRecovery();
  ready_ = true;
  Q_EMIT ready();
  if (options_.start_demo) startDemo(QStringLiteral("system"));
}

QString MainWindow::openStore(const QString& path) {
  if (jobs_) {
    for (const auto& entry : jobs_->snapshot()) {
      if (entry.state != core::QueueState::Finished) {
        report(tr("Wait for the running jobs to finish before opening another run store."));
        return tr("jobs are running");
      }
    }
  }
  std::unique_ptr<core::RunStore> store;
  try {
    store = std::make_unique<core::RunStore>(path.toStdString());
  } catch (const std::exception& e) {
    const QString error = QString::fromStdString(e.what());
    report(error);
    return error;
  }
  // Everything that points into the old store goes first.
  tabs_->closeAll();
  delete jobs_dock_->widget();
  delete runs_dock_->widget();
  jobs_.reset();
  store_ = std::move(store);
  for (const auto& id : store_->interruptedOnOpen()) {
    log_->addMessage(tr("warning"),
                     tr("Run %1 was interrupted (its process ended)").arg(QString::fromStdString(id)));
  }
  jobs_ = std::make_unique<JobController>(*store_);
  connect(jobs_.get(), &JobController::jobFinished, this, &MainWindow::onJobFinished);
  job_panel_ = new JobPanel(*jobs_, settings_);
  connect(job_panel_, &JobPanel::openRunRequested, this, &MainWindow::openRun);
  connect(job_panel_, &JobPanel::showLogRequested, this, &MainWindow::showRunLog);
  jobs_dock_->setWidget(job_panel_);
  auto* browser = new RunBrowserWidget(*store_, *plugins_, runs_dock_);
  connect(browser, &RunBrowserWidget::openRunRequested, this, [this](const QString& id) { openRun(id); });
  connect(browser, &RunBrowserWidget::compareRunsRequested, this, &MainWindow::compareRuns);
  browser->setDisplayFormat(settings_.displayFormat());
  run_browser_ = browser;
  runs_dock_->setWidget(browser);
  tabs_->setSources(store_.get(), plugins_.get());
  settings_.run_store_path = path;
  log_->addMessage(tr("info"), tr("Run store: %1").arg(path));
  setWindowTitle(QStringLiteral("RouteScope — %1").arg(path));
  return {};
}

void MainWindow::refreshRunBrowser() {
  if (auto* browser = qobject_cast<RunBrowserWidget*>(run_browser_)) browser->refresh();
}

uint64_t MainWindow::launch(const QString& study, const plugins::JobLauncher& launcher) {
  if (!jobs_) return 0;
  try {
    PreparedJob prepared = prepareJob(registry_, study, launcher.kind, launcher.overrides, settings_);
    log_->addMessage(
        tr("info"),
        tr("Started %1: %2").arg(launcher.title, QString::fromStdString(prepared.request.command_line)));
    return jobs_->submit(std::move(prepared.job), std::move(prepared.request));
  } catch (const std::exception& e) {
    report(tr("Cannot start %1: %2").arg(launcher.title, QString::fromStdString(e.what())));
    return 0;
  }
}

void MainWindow::startDemo(const QString& study, int index) {
  plugins::StudyPlugin* plugin = plugins_ ? plugins_->find(study) : nullptr;
  const QList<plugins::GuidedDemo> demos = plugin ? plugin->guidedDemos() : QList<plugins::GuidedDemo>{};
  if (index < 0 || index >= demos.size()) {
    report(tr("No guided demo for the study \"%1\".").arg(study));
    return;
  }
  const plugins::GuidedDemo demo = demos[index];
  log_->addMessage(tr("demo"), demo.title + QStringLiteral(": ") + demo.description);
  statusBar()->showMessage(demo.title);
  if (const uint64_t id = launch(study, demo.job)) demo_jobs_.insert(id, study);
}

void MainWindow::onJobFinished(quint64 id, const QString& run_id, int status) {
  refreshRunBrowser();
  const auto outcome = static_cast<core::RunStatus>(status);
  if (outcome == core::RunStatus::Failed) {
    report(tr("A job failed; its run %1 has the details (Jobs dock: show log).").arg(run_id));
  }
  if (!demo_jobs_.contains(id)) return;
  demo_jobs_.remove(id);
  // The demo's figures are the study's run view of the finished run.
  if (outcome == core::RunStatus::Completed) openRun(run_id);
  Q_EMIT demoFinished(run_id);
}

QString MainWindow::openRun(const QString& run_id) {
  const QString error = tabs_->openRun(run_id);
  if (error.isEmpty())
    rememberRecent(run_id);
  else
    report(error);
  return error;
}

void MainWindow::compareRuns(const QStringList& run_ids) {
  const QString error = tabs_->openComparison(run_ids);
  if (!error.isEmpty()) report(error);
}

void MainWindow::showRunLog(const QString& run_id) {
  if (!store_) return;
  log_dock_->show();
  log_dock_->raise();
  log_->addMessage(tr("info"), tr("Events of run %1:").arg(run_id));
  try {
    for (const auto& event : store_->events(run_id.toStdString())) {
      log_->addMessage(QString::fromStdString(event.level), QString::fromStdString(event.message));
    }
  } catch (const std::exception& e) {
    report(QString::fromStdString(e.what()));
  }
}

QString MainWindow::exportFigure(const QString& figure, const QString& path, widgets::FigureFormat format,
                                 QSize size) {
  const plugins::RunData* run = tabs_->currentRun();
  if (!run || !plugins_) return tr("Open a run first: figures are exported from the current run tab.");
  const QString error = plugins::exportRunFigure(*plugins_, *run, figure, path, format, 96, size);
  if (error.isEmpty())
    log_->addMessage(tr("info"), tr("Wrote %1").arg(path));
  else
    report(error);
  return error;
}

QString MainWindow::exportReport(const QString& path) {
  const auto runs = tabs_->currentRuns();
  if (runs.empty() || !plugins_) return tr("Open a run or a comparison first.");
  const QString error = plugins::exportRunReport(*plugins_, runs, path);
  if (error.isEmpty())
    log_->addMessage(tr("info"), tr("Wrote %1").arg(path));
  else
    report(error);
  return error;
}

void MainWindow::askExportFigure() {
  const plugins::RunData* run = tabs_->currentRun();
  plugins::StudyPlugin* plugin = run ? plugins_->find(QString::fromStdString(run->record.study)) : nullptr;
  if (!plugin) {
    report(tr("Open a run first: figures are exported from the current run tab."));
    return;
  }
  ExportFigureDialog dialog(plugin->figureNames(*run), {1200, 800}, this);
  if (dialog.exec() == QDialog::Accepted)
    exportFigure(dialog.figure(), dialog.path(), dialog.format(), dialog.size());
}

void MainWindow::askExportReport() {
  if (tabs_->currentRuns().empty()) {
    report(tr("Open a run or a comparison first."));
    return;
  }
  const QString path = QFileDialog::getSaveFileName(this, tr("Export report"), QStringLiteral("report.html"),
                                                    tr("Reports (*.html *.pdf)"));
  if (!path.isEmpty()) exportReport(path);
}

void MainWindow::askOpen() {
  QStringList filters{tr("Run stores (*.sqlite)"), tr("Run bundles (*.rsbundle)")};
  if (plugins_) filters << plugins_->openFileFilters();
  filters << tr("All files (*)");
  const QString path = QFileDialog::getOpenFileName(this, tr("Open"), settings_.run_store_path,
                                                    filters.join(QStringLiteral(";;")));
  if (!path.isEmpty()) openPath(path);
}

QString MainWindow::openPath(const QString& path) {
  if (plugins::StudyPlugin* opener = plugins_ ? plugins_->findOpener(path) : nullptr) {
    QString error;
    QWidget* view = opener->openFile(path, tabs_, &error);
    if (!view) {
      report(error);
      return error;
    }
    tabs_->addFileView(view, QFileInfo(path).fileName());
    return {};
  }
  if (path.endsWith(QStringLiteral(".rsbundle"))) return importBundleFile(path);
  const QString error = openStore(path);
  if (error.isEmpty()) settings_.save();
  return error;
}

void MainWindow::askImportBundle() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Import bundle"), QString(),
                                                    tr("Run bundles (*.rsbundle);;All files (*)"));
  if (!path.isEmpty()) importBundleFile(path);
}

QString MainWindow::importBundleFile(const QString& path) {
  if (!store_) return tr("The run store is not open.");
  try {
    const auto result = core::importBundle(*store_, path.toStdString());
    log_->addMessage(tr("info"), tr("Imported %1 run(s), skipped %2 already present")
                                     .arg(result.imported.size())
                                     .arg(result.skipped.size()));
    refreshRunBrowser();
    return {};
  } catch (const std::exception& e) {
    report(QString::fromStdString(e.what()));
    return QString::fromStdString(e.what());
  }
}

void MainWindow::showSettings() {
  SettingsDialog dialog(settings_, this);
  connect(&dialog, &SettingsDialog::settingsChanged, this, &MainWindow::applySettings);
  dialog.exec();
}

void MainWindow::applySettings(const AppSettings& settings) {
  const bool language_changed = settings.language != settings_.language;
  settings_ = settings;
  settings_.save();
  applyPalette(settings_.palette);
  if (auto* browser = qobject_cast<RunBrowserWidget*>(run_browser_))
    browser->setDisplayFormat(settings_.displayFormat());
  // Installing the translator sends LanguageChange, which rebuilds the menus (changeEvent).
  if (language_changed) applyLanguage(settings_.language);
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About RouteScope"), aboutText());
}

void MainWindow::resetLayout() {
  restoreState(default_state_);
}

void MainWindow::report(const QString& error) {
  log_->addMessage(tr("error"), error);
  statusBar()->showMessage(error, 8000);
}

void MainWindow::rememberRecent(const QString& run_id) {
  QSettings stored;
  QStringList recent = stored.value("recent/runs").toStringList();
  recent.removeAll(run_id);
  recent.prepend(run_id);
  stored.setValue("recent/runs", recent.mid(0, 10));
  rebuildRecentMenu();
}

QJsonObject MainWindow::captureState() const {
  QJsonObject state;
  state["store"] = settings_.run_store_path;
  state["open_tabs"] = QJsonArray::fromStringList(tabs_->openTabKeys());
  state["layout"] = QString::fromLatin1(saveState().toBase64());
  state["geometry"] = QString::fromLatin1(saveGeometry().toBase64());
  state["notes"] = notes_->toPlainText();
  return state;
}

void MainWindow::offerRecovery() {
  if (!recovery_->exists()) return;
  RecoveryAnswer answer = options_.recovery;
  const QString env = qEnvironmentVariable("ROUTESCOPE_RECOVERY_ANSWER");
  if (answer == RecoveryAnswer::Ask && env == QStringLiteral("accept")) answer = RecoveryAnswer::Accept;
  if (answer == RecoveryAnswer::Ask && env == QStringLiteral("decline")) answer = RecoveryAnswer::Decline;
  if (answer == RecoveryAnswer::Ask) {
    answer = QMessageBox::question(this, tr("Restore the last session?"),
                                   tr("RouteScope did not close cleanly last time. Restore its open runs, "
                                      "layout and notes?")) == QMessageBox::Yes
                 ? RecoveryAnswer::Accept
                 : RecoveryAnswer::Decline;
  }
  if (answer == RecoveryAnswer::Accept)
    restoreFrom(recovery_->read());
  else
    recovery_->remove();
}

void MainWindow::restoreFrom(const QJsonObject& state) {
  restoreGeometry(QByteArray::fromBase64(state["geometry"].toString().toLatin1()));
  restoreState(QByteArray::fromBase64(state["layout"].toString().toLatin1()));
  for (const auto& value : state["open_tabs"].toArray()) {
    const QString key = value.toString();
    const QString error = key.contains(',') ? tabs_->openComparison(key.split(',')) : tabs_->openRun(key);
    if (!error.isEmpty()) report(error);
  }
  notes_->setPlainText(state["notes"].toString());
  log_->addMessage(tr("info"), tr("Restored the previous session."));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  QSettings stored;
  stored.setValue("window/geometry", saveGeometry());
  stored.setValue("window/state", saveState());
  recovery_->remove();  // a clean exit: nothing to recover next time
  event->accept();
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    buildMenus();
    retitleDocks();
    sidebar_->setPlugins(plugins_.get());
  }
  QMainWindow::changeEvent(event);
}

}  // namespace routescope::gui
