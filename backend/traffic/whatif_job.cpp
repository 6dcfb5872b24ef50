// traffic whatif: solve, apply edits, re-solve warm from the first solution (and, to show what
// the warm start saves, cold), and report both solutions and their difference.

#include "backend/core/error.h"
#include "backend/traffic/job_common.h"
#include "backend/traffic/jobs.h"
#include "backend/traffic/whatif.h"

namespace routescope::traffic {
namespace {

class WhatIfJob : public core::Job {
 public:
  explicit WhatIfJob(nlohmann::json config) : config_(std::move(config)) {}

  void run(core::JobContext& context) override {
    std::vector<Edit> edits;
    try {
      edits = parseEdits(config_["edits"].get<std::string>());
    } catch (const core::Error& e) {
      throw core::Error(std::string("config key 'edits': ") + e.what());
    }
    if (edits.empty()) throw core::Error("config key 'edits': no edits (e.g. --edits \"close 3-4\")");
    const jobs::Problem before = jobs::loadProblem(context, config_);
    const Algorithm algorithm = parseAlgorithm(config_["algorithm"].get<std::string>());
    const bool cold = config_["compare_cold"].get<bool>();
    const double parts = cold ? 3.0 : 2.0;
    const AssignmentResult first =
        solve(before.network, before.demand,
              jobs::solverOptions(context, config_, algorithm, "before/", 0.0, 1.0 / parts));
    jobs::throwIfCancelled(context, first);
    WhatIf plan;
    try {
      plan = applyEdits(before.network, before.demand, first, edits);
    } catch (const core::Error& e) {
      throw core::Error(std::string("config key 'edits': ") + e.what());
    }
    jobs::Problem after{plan.network, plan.demand, before.cost};
    const AssignmentResult warm = solve(
        after.network, after.demand,
        jobs::solverOptions(context, config_, algorithm, "after/", 1.0 / parts, 2.0 / parts), &plan.warm);
    jobs::throwIfCancelled(context, warm);
    nlohmann::json headline = {{"before", jobs::summary(first)}, {"after", jobs::summary(warm)}};
    if (cold) {
      const AssignmentResult cold_result =
          solve(after.network, after.demand,
                jobs::solverOptions(context, config_, algorithm, "cold/", 2.0 / parts, 1.0));
      jobs::throwIfCancelled(context, cold_result);
      headline["cold"] = jobs::summary(cold_result);
    }
    context.flush();
    jobs::storeSolution(context, before, first, "before_");
    jobs::storeSolution(context, after, warm, "after_");
    context.artifactText("difference.csv", jobs::differenceCsv(after.network, first, warm));
    nlohmann::json described = nlohmann::json::array();
    for (const Edit& e : edits) described.push_back(describe(e));
    headline["edits"] = described;
    headline["tstt_before"] = first.final.tstt;
    headline["tstt_after"] = warm.final.tstt;
    headline["tstt_change"] = warm.final.tstt - first.final.tstt;
    headline["warm_iterations"] = warm.final.iteration;
    if (cold) headline["cold_iterations"] = headline["cold"]["iterations"];
    context.result(headline);
    context.progress(1.0, "done");
  }

 private:
  nlohmann::json config_;
};

}  // namespace

core::JobKind whatifJobKind() {
  core::JobKind kind;
  kind.study = "traffic";
  kind.kind = "whatif";
  kind.summary = "Solve, apply edits (capacity, close/add links, demand), re-solve warm, show the difference";
  jobs::addProblemFields(kind.schema);
  kind.schema.choice("algorithm", "bush", algorithmNames(), "msa, fw, cfw, bfw or bush (Algorithm B)")
      .flag("algorithm");
  jobs::addStopFields(kind.schema);
  kind.schema
      .text("edits", "",
            "edits separated by ';': close A-B, open A-B, capacity A-B V|xF, add A-B capacity=C fftt=T, "
            "demand xF")
      .flag("edits")
      .boolean("compare_cold", true, "also re-solve the edited network cold, to compare iterations")
      .flag("compare-cold");
  kind.create = [](const nlohmann::json& config) { return std::make_unique<WhatIfJob>(config); };
  kind.reproducible = false;
  return kind;
}

}  // namespace routescope::traffic
