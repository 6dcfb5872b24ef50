#pragma once
// The sidebar: one page per study plugin with its job launchers as buttons and its settings
// panel, if it has one.

#include <QToolBox>

#include "plugins/sdk/plugin_loader.h"

namespace routescope::gui {

class PluginSidebar : public QToolBox {
  Q_OBJECT

 public:
  explicit PluginSidebar(QWidget* parent = nullptr);
  // Rebuilds the pages (also after a language change, since the texts come from the plugins).
  void setPlugins(const plugins::LoadedPlugins* plugins);

 Q_SIGNALS:
  void launchRequested(const QString& study, const routescope::plugins::JobLauncher& launcher);

 private:
  const plugins::LoadedPlugins* plugins_ = nullptr;
};

}  // namespace routescope::gui
