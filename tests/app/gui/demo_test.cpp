// Help → Demos driven like a user: a demo is started from its menu action, its run finishes
// (smaller settings come from ROUTESCOPE_LAUNCHER_OVERRIDES, set per test in CMakeLists.txt), the
// run opens in a tab, and its headline figure exports at the requested size. The network-design
// demo (traffic, the second demo). The Mixture-of-Experts demo is not driven here: building its
// corpus from the installed packages alone takes minutes on 2 cores.

#include <gtest/gtest.h>

#include <QAction>
#include <QImage>
#include <QSignalSpy>

#include "app/gui/main_window.h"
#include "app/gui/run_tabs.h"
#include "backend/core/run_store.h"
#include "gui_test_env.h"

namespace routescope::gui::test {
namespace {

// Runs the demo behind `action_name` and exports `figure` of its run.
void runDemo(const QString& action_name, const std::string& kind, const QString& figure) {
  GuiTestEnv env(QStringLiteral("demos"));
  MainWindow window;
  window.show();
  ASSERT_TRUE(waitReady(window));
  auto* action = window.findChild<QAction*>(action_name);
  ASSERT_NE(action, nullptr) << "Help → Demos has no action " << action_name.toStdString();
  QSignalSpy finished(&window, &MainWindow::demoFinished);
  action->trigger();
  ASSERT_TRUE(finished.wait(150000) || !finished.isEmpty()) << "the demo's job did not finish";
  const QString run_id = finished.first().at(0).toString();
  const auto run = window.runStore()->run(run_id.toStdString());
  EXPECT_EQ(run.kind, kind);
  EXPECT_EQ(run.status, core::RunStatus::Completed);
  EXPECT_EQ(window.runTabs()->openTabKeys(), QStringList{run_id});
  const QString png = env.path(figure + ".png");
  ASSERT_EQ(window.exportFigure(figure, png, widgets::FigureFormat::Png, {800, 500}), QString());
  EXPECT_EQ(QImage(png).size(), QSize(800, 500));
  if (const QByteArray shot = qgetenv("ROUTESCOPE_SCREENSHOT"); !shot.isEmpty()) window.grab().save(shot);
  window.close();
}

TEST(Demos, NetworkDesignDemoRunsAndOpensItsFigures) {
  runDemo(QStringLiteral("demo_traffic_2"), "ndp-experiment", QStringLiteral("gap-vs-time"));
}

}  // namespace
}  // namespace routescope::gui::test
