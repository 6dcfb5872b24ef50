#include "app/gui/log_view.h"

#include <QDateTime>

namespace routescope::gui {

LogView::LogView(QWidget* parent) : QPlainTextEdit(parent) {
  setReadOnly(true);
  setMaximumBlockCount(5000);  // a long session must not grow without bound
}

void LogView::addMessage(const QString& level, const QString& message) {
  appendPlainText(
      QStringLiteral("%1 [%2] %3")
          .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")), level, message));
}

}  // namespace routescope::gui
