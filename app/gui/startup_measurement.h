#pragma once
// `routescope --measure-startup`: how long the app takes from process start to a usable window
// (plugins loaded, store open), and its resident memory once idle.

#include <QString>

namespace routescope::gui {

class MainWindow;

// Waits for `window` to become ready, lets it idle for two seconds, prints the numbers (and
// saves a screenshot when `screenshot` is not empty), then quits the application.
void measureStartup(MainWindow& window, const QString& screenshot);
// Seconds since this process started (from /proc, so dynamic loading before main() counts).
double processAgeSeconds();
// Resident set size in MiB (VmRSS).
double residentMemoryMiB();

}  // namespace routescope::gui
