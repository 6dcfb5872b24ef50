// The main window's menus. Rebuilt from scratch on a language change (and once the plugins are
// loaded), so every text goes through tr() again; every action has a keyboard shortcut.

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>

#include "app/gui/main_window.h"
#include "app/gui/plugin_sidebar.h"

namespace routescope::gui {
namespace {

QAction* addMenuAction(QMenu* menu, const QString& object_name, const QString& text,
                       const QKeySequence& shortcut) {
  QAction* action = menu->addAction(text);
  action->setObjectName(object_name);
  action->setShortcut(shortcut);
  return action;
}

}  // namespace

void MainWindow::buildMenus() {
  menuBar()->clear();
  // Actions live in their menus; clear() deletes the menus, and thereby their actions.
  for (QMenu* old : menuBar()->findChildren<QMenu*>(QString(), Qt::FindDirectChildrenOnly))
    old->deleteLater();

  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->setObjectName(QStringLiteral("fileMenu"));
  connect(addMenuAction(file, "openStoreAction", tr("&Open run store…"), QKeySequence::Open),
          &QAction::triggered, this, &MainWindow::askOpen);
  connect(
      addMenuAction(file, "importBundleAction", tr("&Import bundle…"), QKeySequence(Qt::CTRL | Qt::Key_I)),
      &QAction::triggered, this, &MainWindow::askImportBundle);
  file->addSeparator();
  connect(
      addMenuAction(file, "exportFigureAction", tr("Export &figure…"), QKeySequence(Qt::CTRL | Qt::Key_E)),
      &QAction::triggered, this, &MainWindow::askExportFigure);
  connect(
      addMenuAction(file, "exportReportAction", tr("Export &report…"), QKeySequence(Qt::CTRL | Qt::Key_R)),
      &QAction::triggered, this, &MainWindow::askExportReport);
  recent_menu_ = file->addMenu(tr("Recent &runs"));
  recent_menu_->setObjectName(QStringLiteral("recentMenu"));
  rebuildRecentMenu();
  file->addSeparator();
  connect(addMenuAction(file, "settingsAction", tr("&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma)),
          &QAction::triggered, this, &MainWindow::showSettings);
  connect(addMenuAction(file, "quitAction", tr("&Quit"), QKeySequence::Quit), &QAction::triggered, this,
          &QWidget::close);

  QMenu* run = menuBar()->addMenu(tr("&Run"));
  run->setObjectName(QStringLiteral("runMenu"));
  int number = 1;
  if (plugins_) {
    for (plugins::StudyPlugin* plugin : plugins_->plugins) {
      for (const plugins::JobLauncher& launcher : plugin->jobLaunchers()) {
        // Ctrl+1..9 in sidebar order; later launchers keep their menu entry only.
        const QKeySequence key =
            number <= 9 ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)) : QKeySequence();
        QAction* action = addMenuAction(
            run, QStringLiteral("launch_%1_%2").arg(plugin->studyName(), launcher.kind), launcher.title, key);
        const QString study = plugin->studyName();
        connect(action, &QAction::triggered, this, [this, study, launcher] { launch(study, launcher); });
        ++number;
      }
    }
  }
  if (number == 1) run->addAction(tr("No study plugins loaded"))->setEnabled(false);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->setObjectName(QStringLiteral("viewMenu"));
  int dock_number = 1;
  for (QDockWidget* dock : {studies_dock_, runs_dock_, jobs_dock_, log_dock_, notes_dock_}) {
    QAction* toggle = dock->toggleViewAction();
    toggle->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + dock_number++)));
    view->addAction(toggle);
  }
  view->addSeparator();
  connect(addMenuAction(view, "resetLayoutAction", tr("Reset &layout"),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)),
          &QAction::triggered, this, &MainWindow::resetLayout);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->setObjectName(QStringLiteral("helpMenu"));
  QMenu* demos = help->addMenu(tr("&Demos"));
  demos->setObjectName(QStringLiteral("demosMenu"));
  int demo_number = 0;
  if (plugins_) {
    for (plugins::StudyPlugin* plugin : plugins_->plugins) {
      const QString study = plugin->studyName();
      const QList<plugins::GuidedDemo> study_demos = plugin->guidedDemos();
      for (int index = 0; index < study_demos.size(); ++index) {
        const plugins::GuidedDemo& demo = study_demos[index];
        // The first demo keeps its old object name (demo_STUDY), so saved shortcuts and tests hold.
        const QString name = index == 0 ? QStringLiteral("demo_%1").arg(study)
                                        : QStringLiteral("demo_%1_%2").arg(study).arg(index + 1);
        QAction* action =
            addMenuAction(demos, name, demo.title, QKeySequence(Qt::Key(Qt::Key_F2 + demo_number++)));
        action->setToolTip(demo.description);
        connect(action, &QAction::triggered, this, [this, study, index] { startDemo(study, index); });
      }
    }
  }
  if (demo_number == 0) demos->addAction(tr("No demos available"))->setEnabled(false);
  connect(addMenuAction(help, "aboutAction", tr("&About RouteScope"), QKeySequence::HelpContents),
          &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::rebuildRecentMenu() {
  if (!recent_menu_) return;
  recent_menu_->clear();
  const QStringList recent = QSettings().value("recent/runs").toStringList();
  int number = 0;
  for (const QString& id : recent) {
    QAction* action = recent_menu_->addAction(id.left(12));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key(Qt::Key_0 + (++number % 10))));
    connect(action, &QAction::triggered, this, [this, id] { openRun(id); });
  }
  if (recent.isEmpty()) recent_menu_->addAction(tr("No recent runs"))->setEnabled(false);
}

}  // namespace routescope::gui
