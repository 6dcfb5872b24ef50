#pragma once
// The log dock: plugin load errors, job failures and a run's events, newest at the bottom.

#include <QPlainTextEdit>

namespace routescope::gui {

class LogView : public QPlainTextEdit {
  Q_OBJECT

 public:
  explicit LogView(QWidget* parent = nullptr);
  void addMessage(const QString& level, const QString& message);
};

}  // namespace routescope::gui
