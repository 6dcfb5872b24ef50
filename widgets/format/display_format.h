#pragma once
// How numbers and durations are shown to the user (Settings → Units and numbers): one object
// that the run browser, the job panel and the comparison views all format through.

#include <QString>

namespace routescope::widgets {

enum class DurationStyle { Clock, Seconds };  // "1:02:03" or "3723 s"

struct DisplayFormat {
  int decimals = 3;
  bool scientific = false;
  DurationStyle durations = DurationStyle::Clock;

  // In the current locale (decimal separator), with `decimals` places, fixed or scientific.
  QString number(double value) const;
  QString duration(double seconds) const;
};

}  // namespace routescope::widgets
