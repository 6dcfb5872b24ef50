#include "app/gui/recovery_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSettings>

namespace routescope::gui {

RecoveryFile::RecoveryFile(QString path, std::function<QJsonObject()> capture, QObject* parent)
    : QObject(parent), path_(std::move(path)), capture_(std::move(capture)) {
  timer_.setSingleShot(true);
  timer_.setInterval(1000);
  connect(&timer_, &QTimer::timeout, this, &RecoveryFile::writeNow);
}

QString RecoveryFile::defaultPath() {
  return QFileInfo(QSettings().fileName()).dir().filePath(QStringLiteral("routescope-recovery.json"));
}

bool RecoveryFile::exists() const {
  return QFile::exists(path_);
}

QJsonObject RecoveryFile::read() const {
  QFile file(path_);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(file.readAll()).object();
}

void RecoveryFile::changed() {
  timer_.start();
}

void RecoveryFile::writeNow() {
  timer_.stop();
  QDir().mkpath(QFileInfo(path_).absolutePath());
  // QSaveFile renames into place: a crash while writing leaves the previous state, not half a file.
  QSaveFile file(path_);
  if (!file.open(QIODevice::WriteOnly)) return;
  file.write(QJsonDocument(capture_()).toJson());
  file.commit();
}

void RecoveryFile::remove() {
  timer_.stop();
  QFile::remove(path_);
}

}  // namespace routescope::gui
