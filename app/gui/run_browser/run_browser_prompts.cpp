#include "app/gui/run_browser/run_browser_prompts.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QMessageBox>
#include <QPointer>

namespace routescope::app {

RunBrowserPrompts RunBrowserPrompts::dialogs(QWidget* parent) {
  // The browser owns these functions, but a QPointer keeps a dialog from using a deleted parent.
  QPointer<QWidget> owner(parent);
  const auto title = [] { return QCoreApplication::translate("RunBrowser", "Runs"); };
  RunBrowserPrompts prompts;
  prompts.confirm = [owner, title](const QString& question) {
    return QMessageBox::question(owner, title(), question, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
  };
  prompts.askLine = [owner](const QString& caption, const QString& label,
                            const QString& text) -> std::optional<QString> {
    bool ok = false;
    QString answer = QInputDialog::getText(owner, caption, label, QLineEdit::Normal, text, &ok);
    if (!ok) return std::nullopt;
    return answer;
  };
  prompts.askMultiLine = [owner](const QString& caption, const QString& label,
                                 const QString& text) -> std::optional<QString> {
    bool ok = false;
    QString answer = QInputDialog::getMultiLineText(owner, caption, label, text, &ok);
    if (!ok) return std::nullopt;
    return answer;
  };
  prompts.inform = [owner, title](const QString& message) {
    QMessageBox::information(owner, title(), message);
  };
  return prompts;
}

}  // namespace routescope::app
