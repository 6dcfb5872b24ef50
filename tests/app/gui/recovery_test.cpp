// Crash recovery: a window that dies without the clean-exit path leaves its recovery file; the
// next window offers it (accepted here), reopens the runs and notes; a clean exit removes it.

#include <gtest/gtest.h>

#include <QFile>
#include <QPlainTextEdit>
#include <QTest>

#include "app/gui/main_window.h"
#include "app/gui/recovery_file.h"
#include "app/gui/run_tabs.h"
#include "gui_test_env.h"

namespace routescope::gui::test {
namespace {

TEST(Recovery, CrashedSessionIsRestoredAndCleanExitRemovesTheFile) {
  GuiTestEnv env(QStringLiteral("recovery"));
  QString run_id;
  QString recovery_path;
  {
    auto window = std::make_unique<MainWindow>();
    window->show();
    ASSERT_TRUE(waitReady(*window));
    run_id = measureMachine(*window);
    ASSERT_FALSE(run_id.isEmpty());
    ASSERT_TRUE(window->openRun(run_id).isEmpty());
    window->notes()->setPlainText(QStringLiteral("unsaved thought"));
    recovery_path = window->recoveryFile()->path();
    // Written about a second after the last change.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return QFile::exists(recovery_path) && !window->recoveryFile()->pending(); }, 5000));
    window.reset();  // "crash": destroyed without closeEvent
  }
  ASSERT_TRUE(QFile::exists(recovery_path));

  MainWindowOptions options;
  options.recovery = RecoveryAnswer::Accept;
  MainWindow restored(options);
  restored.show();
  ASSERT_TRUE(waitReady(restored));
  EXPECT_EQ(restored.runTabs()->openTabKeys(), QStringList{run_id});
  EXPECT_EQ(restored.notes()->toPlainText(), QStringLiteral("unsaved thought"));
  restored.close();
  EXPECT_FALSE(QFile::exists(recovery_path));
}

TEST(Recovery, DeclinedRecoveryIsDiscarded) {
  GuiTestEnv env(QStringLiteral("recovery-declined"));
  QString recovery_path;
  {
    MainWindow window;
    ASSERT_TRUE(waitReady(window));
    window.notes()->setPlainText(QStringLiteral("draft"));
    window.recoveryFile()->writeNow();
    recovery_path = window.recoveryFile()->path();
  }
  ASSERT_TRUE(QFile::exists(recovery_path));
  qputenv("ROUTESCOPE_RECOVERY_ANSWER", "decline");
  MainWindow fresh;
  ASSERT_TRUE(waitReady(fresh));
  qunsetenv("ROUTESCOPE_RECOVERY_ANSWER");
  EXPECT_TRUE(fresh.notes()->toPlainText().isEmpty());
  EXPECT_FALSE(QFile::exists(recovery_path));
}

}  // namespace
}  // namespace routescope::gui::test
