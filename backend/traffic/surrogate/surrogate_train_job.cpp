// traffic ndp-surrogate-train: UE samples of a design problem from our own solver, the GNN
// surrogate trained on them, and its validation quality (flow-weighted error, TSTT R²).
#include "backend/traffic/surrogate/design_job_common.h"
#include "backend/traffic/surrogate/design_jobs.h"

namespace routescope::traffic {
namespace {

class SurrogateTrainJob : public core::Job {
 public:
  explicit SurrogateTrainJob(nlohmann::json config) : config_(std::move(config)) {}

  void run(core::JobContext& context) override {
    const NdpProblem problem = design::loadProblem(context, config_);
    design::TrainedSurrogate t = design::trainSurrogate(context, config_, problem, 0.0, 1.0);
    nlohmann::json headline = t.quality;
    headline["samples"] = t.samples;
    headline["data_seconds"] = t.data_seconds;
    headline["train_seconds"] = t.train_seconds;
    headline["candidates"] = problem.candidates.size();
    headline["links"] = problem.network.links.size();
    context.result(headline);
    context.progress(1.0, "done");
  }

 private:
  nlohmann::json config_;
};

}  // namespace

core::JobKind ndpSurrogateTrainJobKind() {
  core::JobKind kind;
  kind.study = "traffic";
  kind.kind = "ndp-surrogate-train";
  kind.summary = "Train the GNN surrogate of user equilibrium for a network design problem";
  design::addProblemFields(kind.schema);
  design::addSurrogateFields(kind.schema);
  kind.create = [](const nlohmann::json& config) { return std::make_unique<SurrogateTrainJob>(config); };
  kind.reproducible = true;
  return kind;
}

void registerDesignJobs(core::StudyRegistry& registry) {
  registry.add(ndpSolveJobKind());
  registry.add(ndpSurrogateTrainJobKind());
  registry.add(ndpExperimentJobKind());
}

}  // namespace routescope::traffic
