#include "gui_test_env.h"

#include <QAction>
#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include "app/gui/job_controller.h"
#include "app/gui/main_window.h"

namespace routescope::gui::test {

GuiTestEnv::GuiTestEnv(const QString& name) {
  QCoreApplication::setOrganizationName(QStringLiteral("RouteScopeTest"));
  QCoreApplication::setApplicationName(name);
  qputenv("XDG_CONFIG_HOME", dir_.filePath("config").toLocal8Bit());
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.filePath("config"));
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.filePath("config"));
  qputenv("ROUTESCOPE_DB", dir_.filePath("runs.sqlite").toLocal8Bit());
  qunsetenv("ROUTESCOPE_RECOVERY_ANSWER");
}

GuiTestEnv::~GuiTestEnv() {
  qunsetenv("ROUTESCOPE_DB");
}

bool waitReady(MainWindow& window, int timeout_ms) {
  return QTest::qWaitFor([&] { return window.isReady(); }, timeout_ms);
}

QString measureMachine(MainWindow& window, int timeout_ms) {
  auto* action = window.findChild<QAction*>(QStringLiteral("launch_system_profile"));
  if (!action || !window.jobController()) return {};
  QSignalSpy finished(window.jobController(), &JobController::jobFinished);
  action->trigger();
  if (!finished.wait(timeout_ms) && finished.isEmpty()) return {};
  if (finished.first().at(2).toInt() != 1) return {};  // RunStatus::Completed
  return finished.first().at(1).toString();
}

}  // namespace routescope::gui::test
