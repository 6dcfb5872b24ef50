#include "app/gui/translation_loader.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace routescope::gui {

bool applyLanguage(LanguageChoice choice) {
  // One translator for the whole process; it is replaced, never stacked.
  static QTranslator* installed = nullptr;
  if (installed) {
    QCoreApplication::removeTranslator(installed);
    delete installed;
    installed = nullptr;
  }
  const bool german = choice == LanguageChoice::German ||
                      (choice == LanguageChoice::System && QLocale::system().language() == QLocale::German);
  if (!german) return false;
  auto* translator = new QTranslator(QCoreApplication::instance());
  if (!translator->load(QStringLiteral(":/i18n/routescope_de.qm"))) {
    delete translator;
    return false;
  }
  QCoreApplication::installTranslator(translator);
  installed = translator;
  return true;
}

}  // namespace routescope::gui
