#include "backend/rl/compare_job.h"

#include <algorithm>
#include <sstream>

#include "backend/core/error.h"
#include "backend/core/run_store.h"
#include "backend/rl/artifacts.h"
#include "backend/stats/learning_curve.h"

namespace routescope::rl {
namespace {

std::vector<std::string> splitRuns(const std::string& text) {
  std::vector<std::string> ids;
  std::stringstream in(text);
  for (std::string id; std::getline(in, id, ',');) {
    if (!id.empty()) ids.push_back(id);
  }
  return ids;
}

// The run's metric, each point replaced by the mean of the last `window` points (episode returns
// are noisy one by one; the curve is about the policy's level); at a repeated step the last wins.
stats::Series smoothed(const std::vector<core::MetricPoint>& points, int window) {
  std::vector<double> values;
  for (const auto& p : points) values.push_back(p.value);
  const auto means = stats::trailingMean(values, static_cast<size_t>(window));
  stats::Series series;
  for (size_t i = 0; i < points.size(); ++i) {
    if (!series.steps.empty() && series.steps.back() == points[i].step) {
      series.values.back() = means[i];
    } else {
      series.steps.push_back(points[i].step);
      series.values.push_back(means[i]);
    }
  }
  return series;
}

class CompareJob : public core::Job {
 public:
  explicit CompareJob(nlohmann::json config) : config_(std::move(config)) {}

  void run(core::JobContext& context) override {
    const auto ids = splitRuns(config_["runs"].get<std::string>());
    if (ids.size() < 2) throw core::Error("runs: name at least two rl train runs (--runs A,B)");
    const std::string metric = config_["metric"].get<std::string>();
    const int window = config_["window"].get<int>();
    std::vector<stats::Series> series;
    std::string env;
    int64_t last_step = 0;
    nlohmann::json runs = nlohmann::json::array();
    for (const auto& id : ids) {
      context.throwIfCancelled();
      const auto record = context.store().run(id);
      if (record.study != "rl" || record.kind != "train")
        throw core::Error("run " + id + ": not an rl train run");
      const std::string run_env = record.config["env"].get<std::string>();
      if (!env.empty() && run_env != env) {
        throw core::Error("run " + record.id + ": environment " + run_env + ", the others' " + env);
      }
      env = run_env;
      const auto points = context.store().metrics(record.id, metric);
      if (points.empty()) throw core::Error("run " + record.id + ": no metric '" + metric + "'");
      series.push_back(smoothed(points, window));
      last_step = std::max(last_step, series.back().steps.back());
      runs.push_back({{"run_id", record.id}, {"seed", record.seed}, {"final", series.back().values.back()}});
    }
    const int points = config_["points"].get<int>();
    stats::CurveOptions options;
    options.aggregate = config_["aggregate"].get<std::string>() == "iqm" ? stats::CurveAggregate::Iqm
                                                                         : stats::CurveAggregate::Mean;
    options.bootstrap.level = config_["level"].get<double>();
    options.bootstrap.resamples = config_["resamples"].get<int>();
    options.bootstrap.seed = context.seed();
    for (int k = 1; k <= points; ++k) options.steps.push_back(last_step * k / points);
    const auto curve = stats::aggregateCurves(series, options);
    context.progress(1.0, "aggregated " + std::to_string(series.size()) + " runs");

    std::ostringstream csv;
    csv.precision(17);
    csv << "step,runs,estimate,low,high\n";
    for (const auto& p : curve) {
      csv << p.step << ',' << p.runs << ',' << p.value.estimate << ',' << p.value.low << ',' << p.value.high
          << '\n';
    }
    context.artifactText(std::string(kLearningCurveArtifact), csv.str());
    const auto& final_point = curve.back();
    context.result({{"env", env},
                    {"metric", metric},
                    {"aggregate", config_["aggregate"]},
                    {"runs", runs},
                    {"final_step", final_point.step},
                    {"final_estimate", final_point.value.estimate},
                    {"final_low", final_point.value.low},
                    {"final_high", final_point.value.high}});
  }

 private:
  nlohmann::json config_;
};

}  // namespace

core::JobKind compareJobKind() {
  core::JobKind kind;
  kind.study = "rl";
  kind.kind = "compare";
  kind.summary = "Learning curve over seeds of several rl train runs (mean or IQM with a bootstrap band)";
  kind.schema.text("runs", "", "the rl train runs, comma-separated").flag("runs");
  kind.schema.text("metric", "episodic_return",
                   "the metric to aggregate (eval_return: deterministic evaluations)");
  kind.schema.integer("window", 20, 1, 100000, "each run's points are the mean of its last this many");
  kind.schema.choice("aggregate", "iqm", {"iqm", "mean"}, "aggregate over runs per step").flag("aggregate");
  kind.schema.integer("points", 100, 2, 100000, "steps on the common grid");
  kind.schema.real("level", 0.95, 0.5, 0.999, "confidence level of the band");
  kind.schema.integer("resamples", 2000, 100, 1'000'000, "bootstrap resamples");
  kind.create = [](const nlohmann::json& config) { return std::make_unique<CompareJob>(config); };
  return kind;
}

}  // namespace routescope::rl
