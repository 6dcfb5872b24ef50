// File → Open dispatches by file type: files a study plugin registers open as that plugin's view,
// bundles are imported, anything else is opened as a run store.

#include <gtest/gtest.h>

#include <QFile>
#include <QLabel>

#include "app/gui/main_window.h"
#include "app/gui/run_tabs.h"
#include "gui_test_env.h"

namespace routescope::gui::test {
namespace {

TEST(OpenFile, PluginFileTypesBundlesAndErrors) {
  GuiTestEnv env(QStringLiteral("open-file"));
  MainWindow window;
  window.show();
  ASSERT_TRUE(waitReady(window));

  const QString scene = env.path(QStringLiteral("red.sphere"));
  {
    QFile file(scene);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("a red sphere");
  }
  EXPECT_EQ(window.openPath(scene), QString());
  auto* view = window.findChild<QLabel*>(QStringLiteral("sphereFileView"));
  ASSERT_NE(view, nullptr) << "the test plugin's view of the file is not shown";
  EXPECT_EQ(view->text(), QStringLiteral("a red sphere"));

  const QString missing = env.path(QStringLiteral("missing.sphere"));
  EXPECT_EQ(window.openPath(missing), missing + ": cannot read");
  EXPECT_FALSE(window.openPath(env.path(QStringLiteral("missing.rsbundle"))).isEmpty());
}

}  // namespace
}  // namespace routescope::gui::test
