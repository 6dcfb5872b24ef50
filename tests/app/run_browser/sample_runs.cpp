#include "sample_runs.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QPixmap>
#include <QWidget>
#include <vector>

namespace routescope::app::test {
namespace {

// A finished run with chosen times: durations must differ by minutes, which runs begun and
// finished within a test cannot.
std::string insertFinished(core::RunStore& store, const std::string& id, const std::string& name,
                           int64_t start_ms, int64_t seconds, nlohmann::json config, uint64_t seed) {
  core::RunRecord record;
  record.id = id;
  record.study = "system";
  record.kind = "gemm";
  record.config = std::move(config);
  record.seed = seed;
  record.device = "cpu";
  record.status = core::RunStatus::Completed;
  record.created_ms = start_ms;
  record.finished_ms = start_ms + seconds * 1000;
  record.app_version = "test";
  record.name = name;
  record.provenance = nlohmann::json::object();
  store.insertRunRecord(record);
  return id;
}

void addSeries(core::RunStore& store, const std::string& id, const std::string& metric,
               const std::vector<double>& values) {
  std::vector<core::MetricPoint> points;
  for (size_t step = 0; step < values.size(); ++step) {
    points.push_back({metric, static_cast<int64_t>(step), values[step]});
  }
  store.addMetrics(id, points);
}

}  // namespace

core::NewRun newRun(const std::string& study, const std::string& kind, nlohmann::json config,
                    const std::string& name) {
  core::NewRun run;
  run.study = study;
  run.kind = kind;
  run.config = std::move(config);
  run.name = name;
  return run;
}

SampleRuns::SampleRuns() {
  store = std::make_unique<core::RunStore>(folder.filePath("runs.sqlite").toStdString());
  const int64_t day_ago = core::nowMillis() - 24 * 3600 * 1000;
  baseline = insertFinished(*store, "aaaa00000001", "baseline", day_ago, 3700,
                            {{"size", 512}, {"threads", 1}, {"blas", {{"name", "reference"}}}}, 1);
  tuned = insertFinished(*store, "bbbb00000002", "tuned", day_ago + 60'000, 100,
                         {{"size", 1024}, {"threads", 1}, {"blas", {{"name", "openblas"}}}}, 1);
  addSeries(*store, baseline, "peak_gflops", {10, 40, 100});
  addSeries(*store, tuned, "peak_gflops", {3, 7, 9.5});
  store->setTags(baseline, {"fast", "cpu"});
  store->setTags(tuned, {"cpu"});
  store->setNotes(tuned, "openblas build");

  failed = store->beginRun(newRun("moe", "train", {{"experts", 4}}, "moe small"));
  addSeries(*store, failed, "train_loss", {4.0, 3.1, 2.5});
  addSeries(*store, failed, "valid_loss", {4.2, 3.5, 3.0});
  store->setTags(failed, {"paper"});
  store->finishRun(failed, core::RunStatus::Failed, "loss diverged");

  running = store->beginRun(newRun("moe", "train", {{"experts", 8}}, ""));
  addSeries(*store, running, "train_loss", {5.0, 4.0});
}

void saveScreenshot(QWidget& widget, const QString& file_name) {
  const QByteArray folder = qgetenv("ROUTESCOPE_TEST_IMAGES");
  if (folder.isEmpty()) return;
  QDir().mkpath(QString::fromLocal8Bit(folder));
  // Let posted layout requests settle (scroll areas size their content after being shown).
  QCoreApplication::processEvents();
  EXPECT_TRUE(widget.grab().save(QDir(QString::fromLocal8Bit(folder)).filePath(file_name)));
}

}  // namespace routescope::app::test
