#include "app/gui/export_figure_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace routescope::gui {

ExportFigureDialog::ExportFigureDialog(const QStringList& figures, QSize preferred, QWidget* parent)
    : QDialog(parent),
      figure_(new QComboBox(this)),
      format_(new QComboBox(this)),
      width_(new QSpinBox(this)),
      height_(new QSpinBox(this)),
      path_(new QLineEdit(this)) {
  setWindowTitle(tr("Export figure"));
  figure_->addItems(figures);
  format_->addItem(QStringLiteral("PNG"), QStringLiteral("png"));
  format_->addItem(QStringLiteral("SVG"), QStringLiteral("svg"));
  format_->addItem(QStringLiteral("PDF"), QStringLiteral("pdf"));
  for (QSpinBox* box : {width_, height_}) {
    box->setRange(100, 10000);
    box->setSuffix(tr(" px"));
  }
  width_->setValue(preferred.width());
  height_->setValue(preferred.height());
  auto* browse = new QPushButton(tr("Browse…"), this);
  auto* file_row = new QHBoxLayout;
  file_row->addWidget(path_);
  file_row->addWidget(browse);
  auto* form = new QFormLayout(this);
  form->addRow(tr("Figure"), figure_);
  form->addRow(tr("Format"), format_);
  form->addRow(tr("Width"), width_);
  form->addRow(tr("Height"), height_);
  form->addRow(tr("File"), file_row);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(browse, &QPushButton::clicked, this, &ExportFigureDialog::chooseFile);
  connect(format_, &QComboBox::currentIndexChanged, this, &ExportFigureDialog::syncSuffix);
  connect(figure_, &QComboBox::currentTextChanged, this, [this](const QString& name) {
    path_->setText(QDir::home().filePath(name + "." + format_->currentData().toString()));
  });
  path_->setText(QDir::home().filePath(figure_->currentText() + QStringLiteral(".png")));
}

void ExportFigureDialog::chooseFile() {
  const QString file = QFileDialog::getSaveFileName(this, tr("Export figure"), path_->text(),
                                                    tr("Figures (*.png *.svg *.pdf)"));
  if (file.isEmpty()) return;
  path_->setText(file);
  widgets::FigureFormat chosen;
  if (widgets::figureFormatFromPath(file, &chosen)) format_->setCurrentIndex(static_cast<int>(chosen));
}

void ExportFigureDialog::syncSuffix() {
  // The file name follows the chosen format so the two never disagree.
  const QFileInfo info(path_->text());
  path_->setText(info.dir().filePath(info.completeBaseName() + "." + format_->currentData().toString()));
}

QString ExportFigureDialog::figure() const {
  return figure_->currentText();
}
QString ExportFigureDialog::path() const {
  return path_->text();
}
QSize ExportFigureDialog::size() const {
  return {width_->value(), height_->value()};
}

widgets::FigureFormat ExportFigureDialog::format() const {
  widgets::FigureFormat chosen = widgets::FigureFormat::Png;
  widgets::parseFigureFormat(format_->currentData().toString(), &chosen);
  return chosen;
}

}  // namespace routescope::gui
