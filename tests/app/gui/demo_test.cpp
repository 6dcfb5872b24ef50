// Help → Demos driven like a user: the traffic study's second demo ("Network design with a GNN
// surrogate") is started from its menu action, its ndp-experiment run finishes (smaller surrogate
// settings come from ROUTESCOPE_LAUNCHER_OVERRIDES), the run opens, and its headline figure
// exports at the requested size.

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

TEST(Demos, NetworkDesignDemoRunsAndOpensItsFigures) {
  GuiTestEnv env(QStringLiteral("demos"));
  MainWindow window;
  window.show();
  ASSERT_TRUE(waitReady(window));
  auto* action = window.findChild<QAction*>(QStringLiteral("demo_traffic_2"));
  ASSERT_NE(action, nullptr) << "Help → Demos has no second traffic demo";
  QSignalSpy finished(&window, &MainWindow::demoFinished);
  action->trigger();
  ASSERT_TRUE(finished.wait(150000) || !finished.isEmpty()) << "the demo's job did not finish";
  const QString run_id = finished.first().at(0).toString();
  const auto run = window.runStore()->run(run_id.toStdString());
  EXPECT_EQ(run.kind, "ndp-experiment");
  EXPECT_EQ(run.status, core::RunStatus::Completed);
  EXPECT_EQ(window.runTabs()->openTabKeys(), QStringList{run_id});
  const QString png = env.path("gap-vs-time.png");
  ASSERT_EQ(window.exportFigure("gap-vs-time", png, widgets::FigureFormat::Png, {800, 500}), QString());
  EXPECT_EQ(QImage(png).size(), QSize(800, 500));
  if (const QByteArray shot = qgetenv("ROUTESCOPE_SCREENSHOT"); !shot.isEmpty()) window.grab().save(shot);
  window.close();
}

}  // namespace
}  // namespace routescope::gui::test
