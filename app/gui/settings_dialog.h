#pragma once
// Edits AppSettings. Every change is applied at once through settingsChanged (palette, language,
// number format take effect live; threads and device apply to the next job; a new run-store
// location to the next start).

#include <QDialog>

#include "app/gui/app_settings.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace routescope::gui {

class SettingsDialog : public QDialog {
  Q_OBJECT

 public:
  SettingsDialog(const AppSettings& settings, QWidget* parent = nullptr);
  AppSettings settings() const;

 Q_SIGNALS:
  void settingsChanged(const routescope::gui::AppSettings& settings);

 private:
  QSpinBox* threads_;
  QComboBox* device_;
  QLineEdit* store_;
  QComboBox* language_;
  QComboBox* palette_;
  QSpinBox* decimals_;
  QCheckBox* scientific_;
  QComboBox* durations_;
};

}  // namespace routescope::gui
