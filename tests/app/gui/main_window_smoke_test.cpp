// The main window end to end: measure the machine from the Run menu, see the run in the store,
// the job panel and the run browser, export its chart and report, and find the layout restored
// in the next window.

#include <gtest/gtest.h>

#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QMap>
#include <QSettings>
#include <QTest>

#include "app/gui/job_panel.h"
#include "app/gui/job_row.h"
#include "app/gui/main_window.h"
#include "app/gui/recovery_file.h"
#include "app/gui/run_tabs.h"
#include "backend/core/run_store.h"
#include "gui_test_env.h"

namespace routescope::gui::test {
namespace {

TEST(MainWindowSmoke, MeasureMachineExportAndRestoreLayout) {
  GuiTestEnv env(QStringLiteral("smoke"));
  QByteArray saved_state;
  QMap<QString, Qt::DockWidgetArea> dock_areas;
  {
    MainWindow window;
    window.show();
    ASSERT_TRUE(waitReady(window));
    const QString run_id = measureMachine(window);
    ASSERT_FALSE(run_id.isEmpty()) << "the profile job did not complete";

    ASSERT_EQ(window.runStore()->listRuns().size(), 1u);
    EXPECT_EQ(window.runStore()->listRuns().front().id, run_id.toStdString());
    ASSERT_EQ(window.jobPanel()->rowCount(), 1);
    EXPECT_TRUE(window.jobPanel()->row(1)->finished());
    EXPECT_EQ(window.jobPanel()->row(1)->runId(), run_id);
    ASSERT_NE(window.runBrowser(), nullptr);
    EXPECT_TRUE(window.runBrowser()->isVisible());

    ASSERT_TRUE(window.openRun(run_id).isEmpty());
    EXPECT_EQ(window.runTabs()->openTabKeys(), QStringList{run_id});
    QTest::qWait(200);  // let the run view paint once (screenshot below)
    window.grab().save(env.path("main-window.png"));
    if (const QByteArray shot = qgetenv("ROUTESCOPE_SCREENSHOT"); !shot.isEmpty()) window.grab().save(shot);

    const QString png = env.path("sgemm.png");
    ASSERT_EQ(window.exportFigure("sgemm-by-size", png, widgets::FigureFormat::Png, {640, 400}), QString());
    const QImage image(png);
    EXPECT_EQ(image.size(), QSize(640, 400));
    const QString html = env.path("report.html");
    ASSERT_EQ(window.exportReport(html), QString());
    QFile report(html);
    ASSERT_TRUE(report.open(QIODevice::ReadOnly));
    const QByteArray text = report.readAll();
    EXPECT_TRUE(text.contains("data-figure=\"sgemm-by-size\""));
    EXPECT_TRUE(text.contains("data-figure=\"sgemm-by-threads\""));

    // A layout change that must survive the restart.
    window.findChild<QDockWidget*>(QStringLiteral("logDock"))->hide();
    for (auto* dock : window.findChildren<QDockWidget*>())
      dock_areas[dock->objectName()] = window.dockWidgetArea(dock);
    window.close();
    saved_state = QSettings().value("window/state").toByteArray();
    EXPECT_FALSE(QFile::exists(window.recoveryFile()->path())) << "a clean exit removes the recovery file";
  }
  ASSERT_FALSE(saved_state.isEmpty());
  MainWindow again;
  again.show();
  ASSERT_TRUE(waitReady(again));
  EXPECT_FALSE(again.findChild<QDockWidget*>(QStringLiteral("logDock"))->isVisible());
  EXPECT_TRUE(again.findChild<QDockWidget*>(QStringLiteral("jobPanelDock"))->isVisible());
  // Sizes in saveState depend on the window manager's final geometry (none under Xvfb), so the
  // restored layout is compared by what the user sees: which docks are where and shown.
  for (const char* name : {"studiesDock", "runBrowserDock", "jobPanelDock", "logDock", "notesDock"}) {
    auto* dock = again.findChild<QDockWidget*>(QString::fromLatin1(name));
    ASSERT_NE(dock, nullptr) << name;
    EXPECT_EQ(again.dockWidgetArea(dock), dock_areas.value(QString::fromLatin1(name))) << name;
  }
  again.close();
}

}  // namespace
}  // namespace routescope::gui::test
