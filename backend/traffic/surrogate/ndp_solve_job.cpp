// traffic ndp-solve: discrete network design (new links or lane additions) by exact enumeration,
// a genetic algorithm on exact UE, or a genetic algorithm on the GNN surrogate (ga-gnn), for one
// budget or a sweep of budgets (the budget–TSTT Pareto front).
#include <chrono>
#include <optional>
#include <sstream>

#include "backend/core/error.h"
#include "backend/core/run_store.h"
#include "backend/search/anytime_trace.h"
#include "backend/traffic/surrogate/design_job_common.h"
#include "backend/traffic/surrogate/design_jobs.h"

namespace routescope::traffic {
namespace {

using design::num;

std::vector<double> parseBudgets(const std::string& text) {
  std::vector<double> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    char* end = nullptr;
    const double v = std::strtod(item.c_str(), &end);
    if (item.empty() || *end != '\0' || !(v >= 0.0 && v <= 1.0))
      throw core::Error("config key 'budgets': '" + item + "' is not a fraction in [0, 1]");
    out.push_back(v);
  }
  return out;
}

class NdpSolveJob : public core::Job {
 public:
  explicit NdpSolveJob(nlohmann::json config) : config_(std::move(config)) {}

  void run(core::JobContext& context) override {
    const std::string method = config_["method"].get<std::string>();
    const NdpProblem problem = design::loadProblem(context, config_);
    std::vector<double> budgets = {config_["budget"].get<double>()};
    if (!config_["budgets"].get<std::string>().empty())
      budgets = parseBudgets(config_["budgets"].get<std::string>());
    const NdpSolveSettings settings = design::solveSettings(context, config_);

    // ga-gnn: one surrogate for every budget (from an earlier run, or trained here first).
    std::optional<FlowSurrogate> surrogate;
    nlohmann::json surrogate_info;
    double search_from = 0.0;
    if (method == "ga-gnn") {
      const std::string run = config_["surrogate"].get<std::string>();
      if (!run.empty()) {
        surrogate = design::loadSurrogate(context, run, problem);
        surrogate_info = {{"run", context.store().run(run).id}};
      } else {
        search_from = 0.7;
        design::TrainedSurrogate t = design::trainSurrogate(context, config_, problem, 0.0, search_from);
        surrogate_info = t.quality;
        surrogate_info["data_seconds"] = t.data_seconds;
        surrogate_info["train_seconds"] = t.train_seconds;
        surrogate_info["samples"] = t.samples;
        surrogate.emplace(std::move(t.model));
      }
    }

    nlohmann::json pareto = nlohmann::json::array();
    nlohmann::json last;
    std::string csv = "budget_fraction,budget,best_tstt,design,design_cost,ue_solves,seconds\n";
    for (size_t b = 0; b < budgets.size(); ++b) {
      const auto start = std::chrono::steady_clock::now();
      const double budget = problem.budgetFor(budgets[b]);
      const std::string prefix = budgets.size() > 1 ? "budget_" + std::to_string(b + 1) + "_" : "";
      const double span = (1.0 - search_from) / static_cast<double>(budgets.size());
      const double from = search_from + span * static_cast<double>(b);
      nlohmann::json out;
      // A fresh evaluator per budget, so ue_solves counts what this budget's search cost.
      std::optional<DesignEvaluator> evaluator;
      try {
        evaluator.emplace(problem, settings);
        out["no_build_tstt"] = evaluator->evaluate(Design(problem.candidates.size(), 0));
        if (method == "exact") {
          solveExact(*evaluator, budget, out, from, span, context);
        } else {
          solveGa(*evaluator, surrogate ? &*surrogate : nullptr, budget, prefix, out, from, span, context);
        }
      } catch (const core::Error&) {
        context.throwIfCancelled();
        throw;
      }
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const Design best = parseDesign(out["design"].get<std::string>(), problem.candidates.size());
      out["budget_fraction"] = budgets[b];
      out["budget"] = budget;
      out["design_cost"] = designCost(problem, best);
      out["solve_seconds"] = seconds;
      out["gap"] = settings.gap;
      csv += num(budgets[b]) + "," + num(budget) + "," + num(out["best_tstt"].get<double>()) + "," +
             out["design"].get<std::string>() + "," + num(out["design_cost"].get<double>()) + "," +
             std::to_string(out["ue_solves"].get<int>()) + "," + num(seconds) + "\n";
      context.artifactText(prefix + "designs.csv", designsCsv(*evaluator, budget));
      if (b + 1 == budgets.size()) design::storeDesign(context, *evaluator, best);
      pareto.push_back(out);
      last = out;
    }
    context.flush();
    context.artifactText("pareto.csv", csv);
    nlohmann::json headline = last;  // one budget: its answer; a sweep: the last budget's
    headline["method"] = method;
    headline["candidates"] = problem.candidates.size();
    headline["total_cost"] = problem.totalCost();
    if (!surrogate_info.is_null()) headline["surrogate"] = surrogate_info;
    if (budgets.size() > 1) headline["pareto"] = pareto;
    context.result(headline);
    context.progress(1.0, "done");
  }

 private:
  void solveExact(DesignEvaluator& evaluator, double budget, nlohmann::json& out, double from, double span,
                  core::JobContext& context) const {
    ExactOptions o;
    o.prune = !config_["no_prune"].get<bool>();
    o.progress = [&](double f) { context.progress(from + span * f, "enumerating designs"); };
    const ExactResult r = traffic::solveExact(evaluator, budget, o);
    out["best_tstt"] = r.best_tstt;
    out["design"] = designString(r.best);
    out["ue_solves"] = evaluator.ueSolves();
    out["certificate"] = {{"designs", r.designs},
                          {"budget_feasible", r.budget_feasible},
                          {"evaluated", r.evaluated},
                          {"pruned", r.pruned},
                          {"bound_solves", r.bound_solves},
                          {"so_bound_all_candidates", r.global_bound},
                          {"gap", r.gap},
                          {"worst_gap", r.worst_gap}};
  }

  // The GA on exact UE (`surrogate` null) or on the surrogate's predictions.
  void solveGa(DesignEvaluator& evaluator, const FlowSurrogate* surrogate, double budget,
               const std::string& prefix, nlohmann::json& out, double from, double span,
               core::JobContext& context) const {
    GaOptions o = design::gaOptions(context, config_, prefix);
    std::optional<PredictedFitness> predicted = design::surrogateFitness(surrogate, config_, o);
    DesignFitness& fitness = predicted ? static_cast<DesignFitness&>(*predicted) : evaluator;
    const std::string method = predicted ? "ga-gnn" : "ga";
    const auto record = o.on_generation;
    o.on_generation = [&, record](int g, const GaGeneration& s) {
      record(g, s);
      context.throwIfCancelled();
      const double share = predicted
                               ? static_cast<double>(g) / std::max(1, o.generations)
                               : static_cast<double>(evaluator.ueSolves()) / std::max(1, o.max_ue_solves);
      context.progress(from + span * std::min(1.0, share), "generation " + std::to_string(g));
    };
    const auto start = std::chrono::steady_clock::now();
    const GaResult r = traffic::solveGa(fitness, evaluator, budget, o);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out["best_tstt"] = r.best_tstt;
    out["design"] = designString(r.best);
    out["generations"] = r.generations;
    // UE solves: the no-build design and, for ga-gnn, the exact re-checks of its best designs.
    out["ue_solves"] = evaluator.ueSolves() + (predicted ? static_cast<int>(r.rechecked.size()) : 0);
    if (predicted) {
      out["predicted_best_tstt"] = r.best_fitness;
      out["predictions"] = r.ue_solves;
    }
    nlohmann::json checks = nlohmann::json::array();
    for (const auto& [d, t] : r.rechecked) checks.push_back({{"design", d}, {"tstt", t}});
    out["rechecked"] = checks;
    context.artifactText(prefix + "ga_history.csv", design::gaHistoryCsv(r));
    // Best fitness so far per generation (predictions for ga-gnn), then the re-checked answer.
    search::AnytimeTrace trace = gaAnytimeTrace(r, predicted ? method + " (predicted)" : method);
    trace.add(seconds, out["ue_solves"].get<int>(), r.best_tstt, method);
    context.artifactText(prefix + "ga_anytime.csv", search::writeAnytimeCsv(trace));
    if (predicted) {
      std::string csv = "design,cost,predicted_tstt,within_budget\n";
      for (const auto& [d, t] : predicted->evaluated()) csv += designRow(evaluator.problem(), d, t, budget);
      context.artifactText(prefix + "predicted_designs.csv", csv);
    }
  }

  static std::string designRow(const NdpProblem& problem, const std::string& key, double tstt,
                               double budget) {
    const Design x = parseDesign(key, problem.candidates.size());
    return key + "," + num(designCost(problem, x)) + "," + num(tstt) + "," +
           (withinBudget(problem, x, budget) ? "1" : "0") + "\n";
  }

  static std::string designsCsv(const DesignEvaluator& evaluator, double budget) {
    std::string csv = "design,cost,tstt,within_budget\n";
    for (const auto& [d, t] : evaluator.solved()) csv += designRow(evaluator.problem(), d, t, budget);
    return csv;
  }

  nlohmann::json config_;
};

}  // namespace

core::JobKind ndpSolveJobKind() {
  core::JobKind kind;
  kind.study = "traffic";
  kind.kind = "ndp-solve";
  kind.summary =
      "Network design: which candidate links (or lane additions) to build within a budget, by UE TSTT";
  design::addProblemFields(kind.schema);
  kind.schema.text("budgets", "", "a sweep of budgets (e.g. 0.25,0.5,0.75): the budget–TSTT Pareto front")
      .flag("budgets")
      .choice("method", "exact", {"exact", "ga", "ga-gnn"},
              "exact enumeration, genetic algorithm on exact UE, or on the GNN surrogate")
      .flag("method")
      .boolean("no_prune", false, "exact: evaluate every budget-feasible design (no SO bound)")
      .flag("no-prune")
      .text("surrogate", "",
            "ga-gnn: use the surrogate of this ndp-surrogate-train run (else train one first)")
      .flag("surrogate");
  design::addGaFields(kind.schema);
  design::addSurrogateFields(kind.schema);
  kind.create = [](const nlohmann::json& config) { return std::make_unique<NdpSolveJob>(config); };
  kind.reproducible = true;
  return kind;
}

}  // namespace routescope::traffic
