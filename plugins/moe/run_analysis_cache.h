#pragma once
// The routing analyses of a run for the views: the document of `routescope-cli moe analyze --json`
// (backend/moe/analysis/run_analysis.h), computed from the run's trace artifacts as plugins see
// them (RunData), cached per run and checkpoint in memory and on disk, and computed off the GUI
// thread for the run view.

#include <QObject>
#include <QString>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "plugins/moe/trace_series.h"
#include "plugins/sdk/run_data.h"

namespace routescope::plugins::moe {

// analyzeRun's document for `series` (already loaded from `run`): analyzeTrace on the last
// checkpoint plus early routing learning and load over training across all of them.
nlohmann::json analyzeSeries(const RunData& run, const TraceSeries& series);

// The cached document of `run` at its last traced step, or nullopt when not computed yet.
std::optional<nlohmann::json> cachedAnalysis(const RunData& run);
void storeAnalysis(const RunData& run, const nlohmann::json& analysis);
// Cached, else computed here (CLI exports, reports); throws core::Error when the run has no traces.
nlohmann::json analysisOf(const RunData& run);
// Drops the in-memory cache (tests); the disk cache lives under QStandardPaths::CacheLocation.
void clearAnalysisMemoryCache();

// Loads a run's traces and analyses them in a worker thread. Emits finished() (queued, in the
// thread the task was created in) exactly once and deletes itself afterwards.
class AnalysisTask : public QObject {
  Q_OBJECT

 public:
  // Starts immediately; `run` is copied (its read_artifact must stay valid while the task runs).
  static AnalysisTask* start(const RunData& run);

 Q_SIGNALS:
  // `error` empty on success. `series` is null when the traces could not be read.
  void finished(std::shared_ptr<const routescope::plugins::moe::TraceSeries> series,
                std::shared_ptr<const nlohmann::json> analysis, QString error);

 private:
  AnalysisTask() = default;
};

}  // namespace routescope::plugins::moe
