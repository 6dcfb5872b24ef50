// routescope: the desktop application. `routescope --demo` runs the System plugin's guided demo;
// without a display it writes the demo's report instead.

#include <QApplication>
#include <QIcon>
#include <iostream>

#include "app/gui/app_settings.h"
#include "app/gui/gui_options.h"
#include "app/gui/headless_demo.h"
#include "app/gui/main_window.h"
#include "app/gui/palettes.h"
#include "app/gui/startup_measurement.h"
#include "app/gui/translation_loader.h"
#include "backend/core/provenance.h"

int main(int argc, char** argv) {
  using namespace routescope::gui;
  const GuiOptions options = parseGuiOptions(argc, argv);
  if (options.help) {
    std::cout << "usage: routescope [--demo [--out report.html]]\n"
                 "  --demo        start the guided demo (without a display: write its report)\n"
                 "  --out FILE    where the display-less demo writes its report "
                 "(default ./routescope-demo-report.html)\n"
                 "  --measure-startup [--screenshot FILE]\n"
                 "                print the time to a usable window and the idle memory, then quit\n";
    return 0;
  }
  if (!options.error.isEmpty()) {
    std::cerr << "routescope: " << options.error.toStdString() << " (see --help)\n";
    return 2;
  }
  const bool headless = noDisplayAvailable();
  if (headless && !options.demo) {
    std::cerr << "routescope: no display (DISPLAY and WAYLAND_DISPLAY are unset); "
                 "try `routescope --demo` or routescope-cli\n";
    return 1;
  }
  if (headless) {
    std::cout << "routescope: no display, so the demo writes its report instead of opening a window\n";
    // Charts still render, to images, through Qt's offscreen platform.
    qputenv("QT_QPA_PLATFORM", "offscreen");
  }
  QApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("RouteScope"));
  QCoreApplication::setApplicationName(QStringLiteral("routescope"));
  QCoreApplication::setApplicationVersion(QString::fromStdString(routescope::core::appVersion()));
  QGuiApplication::setDesktopFileName(QStringLiteral("org.routescope.RouteScope"));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/routescope.svg")));
  const AppSettings settings = AppSettings::load();
  applyLanguage(settings.language);
  if (headless) return runHeadlessDemo(options.out);

  applyPalette(settings.palette);
  MainWindowOptions window_options;
  window_options.start_demo = options.demo;
  MainWindow window(window_options);
  if (options.measure_startup) measureStartup(window, options.screenshot);
  window.show();
  return app.exec();
}
