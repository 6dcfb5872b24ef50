#include "app/gui/startup_measurement.h"

#include <unistd.h>

#include <QApplication>
#include <QFile>
#include <QPixmap>
#include <QTimer>
#include <cstdio>

#include "app/gui/main_window.h"

namespace routescope::gui {

double processAgeSeconds() {
  QFile stat(QStringLiteral("/proc/self/stat"));
  QFile uptime(QStringLiteral("/proc/uptime"));
  if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly)) return -1;
  const QByteArray line = stat.readAll();
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
  if (fields.size() < 20) return -1;
  const double started = fields[19].toDouble() / static_cast<double>(sysconf(_SC_CLK_TCK));
  return uptime.readAll().split(' ').value(0).toDouble() - started;
}

double residentMemoryMiB() {
  QFile status(QStringLiteral("/proc/self/status"));
  if (!status.open(QIODevice::ReadOnly)) return -1;
  for (const QByteArray& line : status.readAll().split('\n')) {
    if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
  }
  return -1;
}

void measureStartup(MainWindow& window, const QString& screenshot) {
  QObject::connect(&window, &MainWindow::ready, &window, [&window, screenshot] {
    const double usable = processAgeSeconds();
    QTimer::singleShot(2000, &window, [&window, screenshot, usable] {
      std::printf("usable window after %.2f s; resident memory at idle %.0f MiB\n", usable,
                  residentMemoryMiB());
      std::fflush(stdout);
      if (!screenshot.isEmpty()) window.grab().save(screenshot);
      QApplication::quit();
    });
  });
}

}  // namespace routescope::gui
