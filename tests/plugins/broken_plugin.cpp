// A Qt plugin that cannot load: it reads a data symbol that nothing defines (data relocations
// are resolved when the library is loaded, even with lazy binding).
#include <QObject>

#include "plugins/sdk/study_plugin.h"

extern "C" int routescope_symbol_that_does_not_exist;

class BrokenPlugin : public QObject, public routescope::plugins::StudyPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID RouteScopeStudyPlugin_iid)
  Q_INTERFACES(routescope::plugins::StudyPlugin)

 public:
  QString studyName() const override { return QString::number(routescope_symbol_that_does_not_exist); }
  QString displayName() const override { return "Broken"; }
  QStringList figureNames(const routescope::plugins::RunData&) const override { return {}; }
  std::unique_ptr<routescope::widgets::Figure> createFigure(const routescope::plugins::RunData&,
                                                            const QString&) override {
    return nullptr;
  }
};

#include "broken_plugin.moc"
