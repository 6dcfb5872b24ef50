// Settings: saved and read back; the palette and the language apply live.

#include <gtest/gtest.h>

#include <QLocale>

#include <QApplication>
#include <QMenu>
#include <QMenuBar>

#include "app/gui/app_settings.h"
#include "app/gui/main_window.h"
#include "app/gui/palettes.h"
#include "gui_test_env.h"

namespace routescope::gui::test {
namespace {

TEST(Settings, RoundTripThroughQSettings) {
  GuiTestEnv env(QStringLiteral("settings"));
  AppSettings s;
  s.threads = 3;
  s.device = QStringLiteral("cpu");
  s.run_store_path = env.path("elsewhere.sqlite");
  s.language = LanguageChoice::German;
  s.palette = PaletteChoice::Dark;
  s.decimals = 5;
  s.scientific = true;
  s.durations = widgets::DurationStyle::Seconds;
  s.save();
  qunsetenv("ROUTESCOPE_DB");  // else $ROUTESCOPE_DB wins over the saved store
  const AppSettings back = AppSettings::load();
  EXPECT_EQ(back.threads, 3);
  EXPECT_EQ(back.device, QStringLiteral("cpu"));
  EXPECT_EQ(back.run_store_path, env.path("elsewhere.sqlite"));
  EXPECT_EQ(back.language, LanguageChoice::German);
  EXPECT_EQ(back.palette, PaletteChoice::Dark);
  EXPECT_EQ(back.decimals, 5);
  EXPECT_TRUE(back.scientific);
  EXPECT_EQ(back.durations, widgets::DurationStyle::Seconds);
  EXPECT_EQ(back.displayFormat().duration(3723), QLocale().toString(3723) + " s");
  EXPECT_EQ(back.displayFormat().number(0.5), QLocale().toString(0.5, 'e', 5));
}

TEST(Settings, PaletteAndLanguageApplyLive) {
  GuiTestEnv env(QStringLiteral("settings-live"));
  MainWindow window;
  window.show();
  ASSERT_TRUE(waitReady(window));
  AppSettings s = window.settings();
  s.palette = PaletteChoice::Dark;
  window.applySettings(s);
  EXPECT_EQ(QApplication::palette().color(QPalette::Window), darkPalette().color(QPalette::Window));
  s.palette = PaletteChoice::Light;
  window.applySettings(s);
  EXPECT_EQ(QApplication::palette().color(QPalette::Window), lightPalette().color(QPalette::Window));

  s.language = LanguageChoice::German;
  window.applySettings(s);
  QApplication::processEvents();
  EXPECT_EQ(window.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
  s.language = LanguageChoice::English;
  window.applySettings(s);
  QApplication::processEvents();
  EXPECT_EQ(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
  window.close();
}

}  // namespace
}  // namespace routescope::gui::test
