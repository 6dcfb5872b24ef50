#include "app/gui/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>

namespace routescope::gui {

SettingsDialog::SettingsDialog(const AppSettings& s, QWidget* parent)
    : QDialog(parent),
      threads_(new QSpinBox(this)),
      device_(new QComboBox(this)),
      store_(new QLineEdit(s.run_store_path, this)),
      language_(new QComboBox(this)),
      palette_(new QComboBox(this)),
      decimals_(new QSpinBox(this)),
      scientific_(new QCheckBox(tr("Scientific notation"), this)),
      durations_(new QComboBox(this)) {
  setWindowTitle(tr("Settings"));
  setObjectName(QStringLiteral("settingsDialog"));
  threads_->setRange(1, std::max(1, QThread::idealThreadCount()) * 2);
  threads_->setValue(s.threads);
  device_->addItem(tr("Automatic"), QStringLiteral("auto"));
  device_->addItem(tr("CPU"), QStringLiteral("cpu"));
  device_->addItem(tr("CUDA"), QStringLiteral("cuda"));
  device_->setCurrentIndex(std::max(0, device_->findData(s.device)));
  language_->addItems({tr("System language"), QStringLiteral("English"), QStringLiteral("Deutsch")});
  language_->setCurrentIndex(static_cast<int>(s.language));
  palette_->addItems({tr("Light"), tr("Dark")});
  palette_->setCurrentIndex(static_cast<int>(s.palette));
  decimals_->setRange(0, 12);
  decimals_->setValue(s.decimals);
  scientific_->setChecked(s.scientific);
  durations_->addItems({tr("Hours:minutes:seconds"), tr("Seconds")});
  durations_->setCurrentIndex(static_cast<int>(s.durations));
  auto* browse = new QPushButton(tr("Browse…"), this);
  auto* store_row = new QHBoxLayout;
  store_row->addWidget(store_);
  store_row->addWidget(browse);

  auto* form = new QFormLayout(this);
  form->addRow(tr("Threads per job"), threads_);
  form->addRow(tr("Device"), device_);
  form->addRow(tr("Run store (next start)"), store_row);
  form->addRow(tr("Language"), language_);
  form->addRow(tr("Palette"), palette_);
  form->addRow(tr("Decimal places"), decimals_);
  form->addRow(QString(), scientific_);
  form->addRow(tr("Durations"), durations_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Run store"), store_->text(), tr("Run stores (*.sqlite)"),
                                     nullptr, QFileDialog::DontConfirmOverwrite);
    if (!file.isEmpty()) store_->setText(file);
  });
  auto changed = [this] { Q_EMIT settingsChanged(settings()); };
  connect(threads_, &QSpinBox::valueChanged, this, changed);
  connect(device_, &QComboBox::currentIndexChanged, this, changed);
  connect(store_, &QLineEdit::editingFinished, this, changed);
  connect(language_, &QComboBox::currentIndexChanged, this, changed);
  connect(palette_, &QComboBox::currentIndexChanged, this, changed);
  connect(decimals_, &QSpinBox::valueChanged, this, changed);
  connect(scientific_, &QCheckBox::toggled, this, changed);
  connect(durations_, &QComboBox::currentIndexChanged, this, changed);
}

AppSettings SettingsDialog::settings() const {
  AppSettings s;
  s.threads = threads_->value();
  s.device = device_->currentData().toString();
  s.run_store_path = store_->text();
  s.language = static_cast<LanguageChoice>(language_->currentIndex());
  s.palette = static_cast<PaletteChoice>(palette_->currentIndex());
  s.decimals = decimals_->value();
  s.scientific = scientific_->isChecked();
  s.durations = static_cast<widgets::DurationStyle>(durations_->currentIndex());
  return s;
}

}  // namespace routescope::gui
