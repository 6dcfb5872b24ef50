#pragma once
// A figure in a run view with what it needs to be read and reused: a sentence on how to read it
// above, and a button that saves the numbers it draws as CSV (the figure itself exports to
// PNG/SVG/PDF through the app's export command like every figure).

#include <QString>
#include <QWidget>

class QLabel;

namespace routescope::plugins::traffic {

class FigureDataTab : public QWidget {
  Q_OBJECT

 public:
  // Takes ownership of `figure` (a widget that is also a widgets::Figure).
  FigureDataTab(QWidget* figure, QString name, QString csv, const QString& explanation,
                QWidget* parent = nullptr);
  QWidget* figure() const { return figure_; }
  const QString& csv() const { return csv_; }
  // Empty on success, else a one-line error naming the file.
  QString exportCsv(const QString& path) const;

 private:
  void askExport();
  QWidget* figure_;
  QString name_;
  QString csv_;
};

}  // namespace routescope::plugins::traffic
