#pragma once
// Finds and loads study plugins. A plugin that fails to load is reported with its error and
// skipped; it never stops the app.

#include <QList>
#include <QPluginLoader>
#include <QString>
#include <QStringList>
#include <memory>

#include "plugins/sdk/study_plugin.h"

namespace routescope::plugins {

struct LoadedPlugins {
  QList<StudyPlugin*> plugins;  // owned by their QPluginLoader instances
  QStringList errors;           // one line each: "path: reason"
  std::vector<std::unique_ptr<QPluginLoader>> loaders;
  StudyPlugin* find(const QString& study) const;
  // The plugin whose openFileFilters() match `path`'s file name (first match), or null.
  StudyPlugin* findOpener(const QString& path) const;
  // Every plugin's file filters.
  QStringList openFileFilters() const;
};

// $ROUTESCOPE_PLUGIN_PATH (colon-separated) first, then ../lib/routescope/plugins next to the
// running executable (the build tree and the install tree share that layout).
QStringList defaultPluginDirectories();
// Loads every shared object in `directories` (first plugin of a study wins).
std::unique_ptr<LoadedPlugins> loadPlugins(const QStringList& directories);

}  // namespace routescope::plugins
