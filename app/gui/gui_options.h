#pragma once
// The few command-line options of the window, read before QApplication exists because the
// headless demo must pick Qt's offscreen platform first.

#include <QString>

namespace routescope::gui {

struct GuiOptions {
  bool demo = false;
  bool help = false;
  QString out;  // --out FILE: where the headless demo writes its report
  // --measure-startup: print the time to a usable window and the idle memory, then quit
  // (for the closing notes and regressions; see bench/README.md).
  bool measure_startup = false;
  QString screenshot;  // --screenshot FILE: with --measure-startup, save the window as PNG
  QString error;       // a usage error, empty when the arguments are fine
};

GuiOptions parseGuiOptions(int argc, char** argv);
// No X11 or Wayland display and no platform chosen explicitly.
bool noDisplayAvailable();

}  // namespace routescope::gui
