// traffic assign: one equilibrium (or system optimum) with the chosen algorithm.
#include <cstdio>

#include "backend/core/error.h"
#include "backend/traffic/job_common.h"
#include "backend/traffic/jobs.h"
#include "backend/traffic/select_link.h"

namespace routescope::traffic {
namespace {

class AssignJob : public core::Job {
 public:
  explicit AssignJob(nlohmann::json config) : config_(std::move(config)) {}

  void run(core::JobContext& context) override {
    const jobs::Problem problem = jobs::loadProblem(context, config_);
    const Algorithm algorithm = parseAlgorithm(config_["algorithm"].get<std::string>());
    // Parse the select link before solving, so a typo fails fast.
    int32_t selected = -1;
    const std::string select = config_["select_link"].get<std::string>();
    if (!select.empty()) {
      int from = 0, to = 0;
      if (std::sscanf(select.c_str(), "%d-%d", &from, &to) != 2) {
        throw core::Error("config key 'select_link': '" + select + "' is not FROM-TO");
      }
      selected = findLink(problem.network, from, to);
      if (selected < 0) throw core::Error("config key 'select_link': no open link " + select);
      if (algorithm != Algorithm::AlgorithmB) {
        throw core::Error("config key 'select_link': needs --algorithm bush (origin-based flows)");
      }
    }
    context.progress(0.0, "solving " + problem.network.name);
    const SolverOptions options = jobs::solverOptions(context, config_, algorithm, "");
    const AssignmentResult result = solve(problem.network, problem.demand, options);
    context.flush();
    jobs::throwIfCancelled(context, result);
    jobs::storeSolution(context, problem, result, "");
    nlohmann::json headline = jobs::summary(result);
    headline["network"] = problem.network.name;
    headline["total_demand"] = problem.demand.total();
    headline["system_optimum"] = problem.cost.system_optimum;
    if (selected >= 0) {
      const SelectLinkResult sl = selectLink(problem.network, problem.demand, *result.bushes, selected);
      std::string csv = "origin,destination,flow\n";
      char line[96];
      for (const auto& p : sl.pairs) {
        std::snprintf(line, sizeof line, "%d,%d,%.15g\n", p.origin + 1, p.destination + 1, p.flow);
        csv += line;
      }
      context.artifactText("select_link.csv", csv);
      headline["select_link"] = {{"link", select}, {"flow", sl.link_flow}, {"od_pairs", sl.pairs.size()}};
    }
    context.result(headline);
    char done[96];
    std::snprintf(done, sizeof done, "%s after %d iterations, gap %.2e", stopReasonName(result.stop).c_str(),
                  result.final.iteration, result.final.relative_gap);
    context.progress(1.0, done);
  }

 private:
  nlohmann::json config_;
};

}  // namespace

core::JobKind assignJobKind() {
  core::JobKind kind;
  kind.study = "traffic";
  kind.kind = "assign";
  kind.summary = "User-equilibrium (or system-optimum) traffic assignment of a TNTP network";
  jobs::addProblemFields(kind.schema);
  kind.schema.choice("algorithm", "bush", algorithmNames(), "msa, fw, cfw, bfw or bush (Algorithm B)")
      .flag("algorithm");
  jobs::addStopFields(kind.schema);
  kind.schema.text("select_link", "", "FROM-TO: which OD pairs use this link (bush solver)")
      .flag("select-link");
  kind.create = [](const nlohmann::json& config) { return std::make_unique<AssignJob>(config); };
  // Iteration counts are reproducible; times are not, but they are not the metrics compared.
  kind.reproducible = false;
  return kind;
}

}  // namespace routescope::traffic
