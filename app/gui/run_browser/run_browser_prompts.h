#pragma once
// The questions the run browser asks its user, as replaceable functions: the defaults open modal
// dialogs, tests install answers instead so that nothing blocks waiting for a click.

#include <QString>
#include <functional>
#include <optional>

class QWidget;

namespace routescope::app {

struct RunBrowserPrompts {
  // Yes/no question, e.g. before deleting runs. true: go ahead.
  std::function<bool(const QString& question)> confirm;
  // One line of text (tags); nullopt when the user cancels.
  std::function<std::optional<QString>(const QString& title, const QString& label, const QString& text)>
      askLine;
  // Several lines of text (notes); nullopt when the user cancels.
  std::function<std::optional<QString>(const QString& title, const QString& label, const QString& text)>
      askMultiLine;
  // Something the user must know (a refused action, a failed write).
  std::function<void(const QString& message)> inform;

  // Modal dialogs parented to `parent`.
  static RunBrowserPrompts dialogs(QWidget* parent);
};

}  // namespace routescope::app
