#include "plugins/moe/run_analysis_cache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>
#include <chrono>
#include <map>
#include <mutex>

#include "backend/core/error.h"
#include "backend/moe/analysis/checkpoint_summary.h"
#include "backend/moe/analysis/run_analysis.h"
#include "backend/moe/trace_store.h"

namespace routescope::plugins::moe {
namespace {

using nlohmann::json;
namespace ma = routescope::moe::analysis;

// Bumped when the document's shape or meaning changes, so stale disk caches are ignored (3: early
// learning's first step searched before the final checkpoint only; binned cross-layer MI in nats).
constexpr int kCacheVersion = 3;

std::string cacheKey(const RunData& run) {
  const auto steps = traceStepsOf(run);
  std::string key =
      run.record.id + "-step" + (steps.empty() ? std::string("none") : std::to_string(steps.back()));
  // A trace replaced under the same name must not reuse the old analysis.
  for (const auto& info : run.artifacts)
    if (routescope::moe::traceStepOf(info.name)) key += "-" + info.sha256.substr(0, 8);
  return key;
}

QString cacheFile(const std::string& key) {
  const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
  if (dir.isEmpty()) return {};
  return dir + QStringLiteral("/moe-analysis/v%1-").arg(kCacheVersion) + QString::fromStdString(key) +
         QStringLiteral(".json");
}

std::mutex& cacheMutex() {
  static std::mutex mutex;
  return mutex;
}

std::map<std::string, json>& memoryCache() {
  static std::map<std::string, json> cache;
  return cache;
}

}  // namespace

json analyzeSeries(const RunData& run, const TraceSeries& series) {
  if (series.empty()) throw core::Error("run " + run.record.id + ": has no routing traces");
  const auto started = std::chrono::steady_clock::now();
  std::vector<ma::CheckpointSummary> summaries;
  for (const auto& trace : series.traces) summaries.push_back(ma::summariseCheckpoint(trace));
  routescope::moe::RoutingTrace last = series.last();
  if (last.run_id.empty()) last.run_id = run.record.id;
  json out = ma::analyzeTrace(last);
  const auto& bpb = run.series("valid_bpb");
  ma::addRunAnalyses(out, run.record, series.steps, summaries,
                     bpb.empty() ? std::nullopt : std::optional<double>(bpb.back().value));
  out["timing_seconds"]["run_total"] =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

std::optional<json> cachedAnalysis(const RunData& run) {
  const std::string key = cacheKey(run);
  {
    std::lock_guard lock(cacheMutex());
    const auto it = memoryCache().find(key);
    if (it != memoryCache().end()) return it->second;
  }
  const QString path = cacheFile(key);
  QFile file(path);
  if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) return std::nullopt;
  const QByteArray bytes = file.readAll();
  json doc = json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;  // a torn write: recompute
  std::lock_guard lock(cacheMutex());
  memoryCache()[key] = doc;
  return doc;
}

void storeAnalysis(const RunData& run, const json& analysis) {
  const std::string key = cacheKey(run);
  {
    std::lock_guard lock(cacheMutex());
    memoryCache()[key] = analysis;
  }
  const QString path = cacheFile(key);
  if (path.isEmpty() || !QDir().mkpath(QFileInfo(path).absolutePath())) return;
  // Written beside and renamed, so a reader never sees half a document.
  const QString partial = path + QStringLiteral(".part");
  QFile file(partial);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return;
  const std::string text = analysis.dump();
  file.write(text.data(), static_cast<qint64>(text.size()));
  file.close();
  QFile::remove(path);
  QFile::rename(partial, path);
}

json analysisOf(const RunData& run) {
  if (auto cached = cachedAnalysis(run)) return *cached;
  const auto series = loadTraceSeries(run);
  json analysis = analyzeSeries(run, *series);
  storeAnalysis(run, analysis);
  return analysis;
}

void clearAnalysisMemoryCache() {
  std::lock_guard lock(cacheMutex());
  memoryCache().clear();
}

AnalysisTask* AnalysisTask::start(const RunData& run) {
  auto* task = new AnalysisTask;
  QThread* thread = QThread::create([task, run] {
    std::shared_ptr<const TraceSeries> series;
    std::shared_ptr<const json> analysis;
    QString error;
    try {
      auto loaded = loadTraceSeries(run);
      series = loaded;
      if (!loaded->empty()) {
        auto cached = cachedAnalysis(run);
        if (!cached) {
          cached = analyzeSeries(run, *loaded);
          storeAnalysis(run, *cached);
        }
        analysis = std::make_shared<const json>(std::move(*cached));
      }
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
    // The task lives in the GUI thread, so this signal reaches the view queued.
    Q_EMIT task->finished(series, analysis, error);
  });
  // Analyses are heavy: keep the GUI thread and a running training job ahead of them.
  QObject::connect(thread, &QThread::finished, task, &QObject::deleteLater);
  QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
  thread->start(QThread::LowPriority);
  return task;
}

}  // namespace routescope::plugins::moe
