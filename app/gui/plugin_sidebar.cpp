#include "app/gui/plugin_sidebar.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace routescope::gui {

PluginSidebar::PluginSidebar(QWidget* parent) : QToolBox(parent) {
  setMinimumWidth(200);
}

void PluginSidebar::setPlugins(const plugins::LoadedPlugins* loaded) {
  plugins_ = loaded;
  while (count() > 0) {
    QWidget* page = widget(0);
    removeItem(0);
    delete page;
  }
  if (!plugins_ || plugins_->plugins.isEmpty()) {
    addItem(new QLabel(tr("No study plugins were found."), this), tr("Studies"));
    return;
  }
  for (plugins::StudyPlugin* plugin : plugins_->plugins) {
    auto* page = new QWidget(this);
    auto* column = new QVBoxLayout(page);
    const QString study = plugin->studyName();
    for (const plugins::JobLauncher& launcher : plugin->jobLaunchers()) {
      auto* button = new QPushButton(launcher.title, page);
      button->setObjectName(QStringLiteral("launch_%1_%2").arg(study, launcher.kind));
      connect(button, &QPushButton::clicked, this,
              [this, study, launcher] { Q_EMIT launchRequested(study, launcher); });
      column->addWidget(button);
    }
    if (QWidget* settings = plugin->createSettingsPanel(page)) column->addWidget(settings);
    column->addStretch(1);
    addItem(page, plugin->icon(), plugin->displayName());
  }
}

}  // namespace routescope::gui
