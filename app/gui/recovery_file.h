#pragma once
// Crash recovery: the window's state (open tabs, layout, unsaved notes) rewritten about a second
// after each change, and removed on a clean exit. Finding it at start means the last session did
// not end cleanly.

#include <QJsonObject>
#include <QString>
#include <QTimer>
#include <functional>

namespace routescope::gui {

class RecoveryFile : public QObject {
  Q_OBJECT

 public:
  // `capture` is called when the debounced write happens, so the newest state is written.
  RecoveryFile(QString path, std::function<QJsonObject()> capture, QObject* parent = nullptr);
  // Beside the settings file, so tests that move QSettings move it too.
  static QString defaultPath();

  const QString& path() const { return path_; }
  bool exists() const;
  QJsonObject read() const;
  void changed();  // restarts the one-second timer
  void writeNow();
  void remove();  // clean exit
  bool pending() const { return timer_.isActive(); }

 private:
  QString path_;
  std::function<QJsonObject()> capture_;
  QTimer timer_;
};

}  // namespace routescope::gui
