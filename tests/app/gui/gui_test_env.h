#pragma once
// A private world for one GUI test: its own settings folder (QSettings path, XDG_CONFIG_HOME),
// run store ($ROUTESCOPE_DB) and application name, so tests never see the user's data or each other.

#include <QString>
#include <QTemporaryDir>

namespace routescope::gui {
class MainWindow;
}

namespace routescope::gui::test {

class GuiTestEnv {
 public:
  explicit GuiTestEnv(const QString& name);
  ~GuiTestEnv();
  QString path(const QString& file) const { return dir_.filePath(file); }

 private:
  QTemporaryDir dir_;
};

// Waits (spinning the event loop) until the window has loaded plugins and opened the store.
bool waitReady(MainWindow& window, int timeout_ms = 20000);
// Launches "Measure this machine" through its menu action and waits for the job to finish;
// returns the run id (empty on failure or timeout).
QString measureMachine(MainWindow& window, int timeout_ms = 40000);

}  // namespace routescope::gui::test
