#include "plugins/sdk/plugin_loader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibrary>

namespace routescope::plugins {

StudyPlugin* LoadedPlugins::find(const QString& study) const {
  for (StudyPlugin* plugin : plugins) {
    if (plugin->studyName() == study) return plugin;
  }
  return nullptr;
}

StudyPlugin* LoadedPlugins::findOpener(const QString& path) const {
  const QString name = QFileInfo(path).fileName();
  for (StudyPlugin* plugin : plugins) {
    for (const QString& filter : plugin->openFileFilters()) {
      // "Label (*.a *_b.c)": the patterns are between the parentheses.
      const qsizetype open = filter.lastIndexOf('('), close = filter.lastIndexOf(')');
      const QString patterns = open >= 0 && close > open ? filter.mid(open + 1, close - open - 1) : filter;
      if (QDir::match(patterns.split(' ', Qt::SkipEmptyParts), name)) return plugin;
    }
  }
  return nullptr;
}

QStringList LoadedPlugins::openFileFilters() const {
  QStringList filters;
  for (StudyPlugin* plugin : plugins) filters << plugin->openFileFilters();
  return filters;
}

QStringList defaultPluginDirectories() {
  QStringList directories;
  const QString from_environment = qEnvironmentVariable("ROUTESCOPE_PLUGIN_PATH");
  for (const QString& dir : from_environment.split(':', Qt::SkipEmptyParts)) directories << dir;
  // The CLI loads plugins before it creates its QApplication (to choose the Qt platform), when
  // applicationDirPath() is not available yet.
  const QString executable_dir = QCoreApplication::instance()
                                     ? QCoreApplication::applicationDirPath()
                                     : QFileInfo(QFile::symLinkTarget("/proc/self/exe")).absolutePath();
  directories << QDir(executable_dir).absoluteFilePath("../lib/routescope/plugins");
  return directories;
}

std::unique_ptr<LoadedPlugins> loadPlugins(const QStringList& directories) {
  auto loaded = std::make_unique<LoadedPlugins>();
  for (const QString& directory : directories) {
    const QDir dir(directory);
    if (!dir.exists()) continue;
    for (const QString& file : dir.entryList(QDir::Files, QDir::Name)) {
      const QString path = dir.absoluteFilePath(file);
      if (!QLibrary::isLibrary(path)) continue;
      auto loader = std::make_unique<QPluginLoader>(path);
      QObject* instance = loader->instance();
      if (!instance) {
        loaded->errors << path + ": " + loader->errorString().simplified();
        continue;
      }
      auto* plugin = qobject_cast<StudyPlugin*>(instance);
      if (!plugin) {
        loaded->errors << path + ": not a RouteScope study plugin (" RouteScopeStudyPlugin_iid " expected)";
        loader->unload();
        continue;
      }
      if (loaded->find(plugin->studyName())) continue;  // an earlier directory wins
      loaded->plugins << plugin;
      loaded->loaders.push_back(std::move(loader));
    }
  }
  return loaded;
}

}  // namespace routescope::plugins
