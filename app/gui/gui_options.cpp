#include "app/gui/gui_options.h"

#include <QtGlobal>
#include <cstring>

namespace routescope::gui {

GuiOptions parseGuiOptions(int argc, char** argv) {
  GuiOptions options;
  for (int i = 1; i < argc; ++i) {
    const char* arg = argv[i];
    if (std::strcmp(arg, "--demo") == 0) {
      options.demo = true;
    } else if (std::strcmp(arg, "--out") == 0 && i + 1 < argc) {
      options.out = QString::fromLocal8Bit(argv[++i]);
    } else if (std::strcmp(arg, "--measure-startup") == 0) {
      options.measure_startup = true;
    } else if (std::strcmp(arg, "--screenshot") == 0 && i + 1 < argc) {
      options.screenshot = QString::fromLocal8Bit(argv[++i]);
    } else if (std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "-h") == 0) {
      options.help = true;
    } else if (arg[0] == '-' && arg[1] == '-' && std::strcmp(arg, "--out") != 0 &&
               std::strcmp(arg, "--screenshot") != 0) {
      // Qt's own options (-platform, -style ...) take one dash; two dashes are ours.
      options.error = QStringLiteral("unknown option %1").arg(QString::fromLocal8Bit(arg));
    } else if (std::strcmp(arg, "--out") == 0 || std::strcmp(arg, "--screenshot") == 0) {
      options.error = QStringLiteral("%1 needs a file name").arg(QString::fromLocal8Bit(arg));
    }
  }
  return options;
}

bool noDisplayAvailable() {
  return qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
         qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

}  // namespace routescope::gui
