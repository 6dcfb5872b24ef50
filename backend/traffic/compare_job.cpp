// traffic compare: several algorithms on one network, the convergence of each recorded.
#include <optional>
#include <sstream>

#include "backend/core/error.h"
#include "backend/traffic/job_common.h"
#include "backend/traffic/jobs.h"

namespace routescope::traffic {
namespace {

class CompareJob : public core::Job {
 public:
  explicit CompareJob(nlohmann::json config) : config_(std::move(config)) {}

  void run(core::JobContext& context) override {
    std::vector<Algorithm> algorithms;
    std::istringstream list(config_["algorithms"].get<std::string>());
    for (std::string name; std::getline(list, name, ',');) {
      if (name.empty()) continue;
      try {
        algorithms.push_back(parseAlgorithm(name));
      } catch (const core::Error& e) {
        throw core::Error(std::string("config key 'algorithms': ") + e.what());
      }
    }
    if (algorithms.empty()) throw core::Error("config key 'algorithms': empty");
    const jobs::Problem problem = jobs::loadProblem(context, config_);
    nlohmann::json results = nlohmann::json::object();
    std::string table = "algorithm,iterations,seconds,relative_gap,relative_gap_sptt,tstt,beckmann,stop\n";
    const double share = 1.0 / static_cast<double>(algorithms.size());
    std::optional<AssignmentResult> shown;
    for (size_t k = 0; k < algorithms.size(); ++k) {
      const std::string name = algorithmName(algorithms[k]);
      const SolverOptions options =
          jobs::solverOptions(context, config_, algorithms[k], name + "/", share * static_cast<double>(k),
                              share * static_cast<double>(k + 1));
      const AssignmentResult result = solve(problem.network, problem.demand, options);
      context.flush();
      jobs::throwIfCancelled(context, result);
      context.artifactText(name + "_convergence.csv", jobs::convergenceCsv(result));
      results[name] = jobs::summary(result);
      char line[256];
      std::snprintf(line, sizeof line, "%s,%d,%.6f,%.6e,%.6e,%.10g,%.10g,%s\n", name.c_str(),
                    result.final.iteration, result.final.seconds, result.final.relative_gap,
                    result.final.relative_gap_sptt, result.final.tstt, result.final.beckmann,
                    stopReasonName(result.stop).c_str());
      table += line;
      // The map shows the most accurate solution: Algorithm B's when compared, else the last.
      if (!shown || shown->algorithm != Algorithm::AlgorithmB) shown = result;
    }
    jobs::storeSolution(context, problem, *shown, "");
    context.artifactText("comparison.csv", table);
    context.result({{"network", problem.network.name}, {"algorithms", results}});
  }

 private:
  nlohmann::json config_;
};

}  // namespace

core::JobKind compareJobKind() {
  core::JobKind kind;
  kind.study = "traffic";
  kind.kind = "compare";
  kind.summary = "Several assignment algorithms on one network, convergence of each recorded";
  jobs::addProblemFields(kind.schema);
  kind.schema.text("algorithms", "fw,cfw,bfw,bush", "comma-separated: msa, fw, cfw, bfw, bush")
      .flag("algorithms");
  jobs::addStopFields(kind.schema);
  kind.create = [](const nlohmann::json& config) { return std::make_unique<CompareJob>(config); };
  kind.reproducible = false;
  return kind;
}

}  // namespace routescope::traffic
