#include "plugins/traffic/figure_data_tab.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace routescope::plugins::traffic {

FigureDataTab::FigureDataTab(QWidget* figure, QString name, QString csv, const QString& explanation,
                             QWidget* parent)
    : QWidget(parent), figure_(figure), name_(std::move(name)), csv_(std::move(csv)) {
  setObjectName(name_ + QStringLiteral("-tab"));
  figure_->setParent(this);
  auto* text = new QLabel(explanation, this);
  text->setWordWrap(true);
  auto* export_button = new QPushButton(tr("Export data (CSV)…"), this);
  export_button->setObjectName(QStringLiteral("exportFigureCsvButton"));
  export_button->setEnabled(!csv_.isEmpty());
  connect(export_button, &QPushButton::clicked, this, &FigureDataTab::askExport);
  auto* row = new QHBoxLayout;
  row->addWidget(text, 1);
  row->addWidget(export_button, 0, Qt::AlignTop);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(row);
  layout->addWidget(figure_, 1);
}

QString FigureDataTab::exportCsv(const QString& path) const {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return tr("%1: cannot write (%2)").arg(path, file.errorString());
  file.write(csv_.toUtf8());
  if (!file.commit()) return tr("%1: cannot write (%2)").arg(path, file.errorString());
  return {};
}

void FigureDataTab::askExport() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export figure data"),
                                                    name_ + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
  if (path.isEmpty()) return;
  const QString error = exportCsv(path);
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Export figure data"), error);
}

}  // namespace routescope::plugins::traffic
