#include "app/gui/headless_demo.h"

#include <QDir>
#include <QFileInfo>
#include <iostream>

#include "app/gui/app_settings.h"
#include "app/gui/job_factory.h"
#include "backend/core/error.h"
#include "backend/core/job_runner.h"
#include "backend/core/run_store.h"
#include "backend/studies/register_studies.h"
#include "plugins/sdk/run_exports.h"

namespace routescope::gui {
namespace {

// Progress on stderr, one line per tenth, so a log file shows the demo is alive.
class StderrProgress : public core::JobObserver {
 public:
  void onProgress(const core::ProgressUpdate& update) override {
    const int tenth = static_cast<int>(update.fraction * 10);
    if (tenth == last_tenth_) return;
    last_tenth_ = tenth;
    std::cerr << "  " << tenth * 10 << "%  " << update.message << "\n";
  }

 private:
  int last_tenth_ = -1;
};

}  // namespace

int runHeadlessDemo(const QString& out_path) {
  try {
    const QString out =
        QFileInfo(out_path.isEmpty() ? QStringLiteral("routescope-demo-report.html") : out_path)
            .absoluteFilePath();
    const AppSettings settings = AppSettings::load();
    auto loaded = plugins::loadPlugins(plugins::defaultPluginDirectories());
    for (const QString& error : loaded->errors)
      std::cerr << "warning: plugin skipped: " << error.toStdString() << "\n";
    plugins::StudyPlugin* plugin = loaded->find(QStringLiteral("system"));
    if (!plugin || !plugin->guidedDemo())
      throw core::Error("the System plugin (with its demo) was not found");
    const plugins::GuidedDemo demo = *plugin->guidedDemo();

    core::StudyRegistry registry;
    studies::registerAllStudies(registry);
    core::RunStore store(settings.run_store_path.toStdString());
    PreparedJob prepared =
        prepareJob(registry, plugin->studyName(), demo.job.kind, demo.job.overrides, settings);
    std::cerr << demo.title.toStdString() << "\n";
    core::CancelToken cancel;
    StderrProgress progress;
    const core::RunOutcome outcome = core::runJob(store, *prepared.job, prepared.request, cancel, &progress);
    if (outcome.status != core::RunStatus::Completed) {
      throw core::Error("demo run " + outcome.run_id + " " + core::toString(outcome.status) + ": " +
                        outcome.error);
    }
    const QString error =
        plugins::exportRunReport(*loaded, {plugins::loadRunData(store, outcome.run_id)}, out);
    if (!error.isEmpty()) throw core::Error(error.toStdString());
    std::cout << QDir::toNativeSeparators(out).toStdString() << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace routescope::gui
