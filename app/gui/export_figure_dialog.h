#pragma once
// Asks which figure of the current run to export, to which file, in which format and size.

#include <QDialog>

#include "widgets/figure/figure.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace routescope::gui {

class ExportFigureDialog : public QDialog {
  Q_OBJECT

 public:
  ExportFigureDialog(const QStringList& figures, QSize preferred, QWidget* parent = nullptr);
  QString figure() const;
  QString path() const;
  widgets::FigureFormat format() const;
  QSize size() const;

 private:
  void chooseFile();
  void syncSuffix();

  QComboBox* figure_;
  QComboBox* format_;
  QSpinBox* width_;
  QSpinBox* height_;
  QLineEdit* path_;
};

}  // namespace routescope::gui
