// traffic ndp-solve: discrete network design (new links or lane additions) by exact enumeration
// or a genetic algorithm, for one budget or a sweep of budgets (the budget–TSTT Pareto front).
#include <chrono>
#include <cstdio>
#include <sstream>

#include "backend/core/error.h"
#include "backend/traffic/jobs.h"
#include "backend/traffic/ndp_solver.h"
#include "backend/traffic/tntp_reader.h"

namespace routescope::traffic {
namespace {

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
    if (method == "ga-gnn")
      throw core::Error(
          "method 'ga-gnn' is not yet available (the GNN surrogate is not built yet); use exact or ga");
    const NdpProblem problem = load(context);
    std::vector<double> budgets = {config_["budget"].get<double>()};
    if (!config_["budgets"].get<std::string>().empty())
      budgets = parseBudgets(config_["budgets"].get<std::string>());

    NdpSolveSettings settings;
    settings.gap = config_["gap"].get<double>();
    settings.threads = static_cast<int>(config_["workers"].get<int64_t>());
    settings.cancelled = [&context] { return context.cancelled(); };
    nlohmann::json pareto = nlohmann::json::array();
    nlohmann::json last;
    std::string csv = "budget_fraction,budget,best_tstt,design,design_cost,ue_solves,seconds\n";
    for (size_t b = 0; b < budgets.size(); ++b) {
      const auto start = std::chrono::steady_clock::now();
      const double budget = problem.budgetFor(budgets[b]);
      const std::string prefix = budgets.size() > 1 ? "budget_" + std::to_string(b + 1) + "/" : "";
      const double from = static_cast<double>(b) / budgets.size(), span = 1.0 / budgets.size();
      nlohmann::json out;
      try {
        // A fresh evaluator per budget, so ue_solves counts what this budget's search cost.
        DesignEvaluator evaluator(problem, settings);
        out["no_build_tstt"] = evaluator.evaluate(Design(problem.candidates.size(), 0));
        if (method == "exact") {
          ExactOptions o;
          o.prune = !config_["no_prune"].get<bool>();
          o.progress = [&](double f) { context.progress(from + span * f, "enumerating designs"); };
          const ExactResult r = solveExact(evaluator, budget, o);
          out["best_tstt"] = r.best_tstt;
          out["design"] = designString(r.best);
          out["certificate"] = {{"designs", r.designs},
                                {"budget_feasible", r.budget_feasible},
                                {"evaluated", r.evaluated},
                                {"pruned", r.pruned},
                                {"bound_solves", r.bound_solves},
                                {"so_bound_all_candidates", r.global_bound},
                                {"gap", r.gap},
                                {"worst_gap", r.worst_gap}};
        } else {
          GaOptions o;
          o.population = static_cast<int>(config_["population"].get<int64_t>());
          o.generations = static_cast<int>(config_["generations"].get<int64_t>());
          o.max_ue_solves = static_cast<int>(config_["max_ue_solves"].get<int64_t>());
          o.budget = config_["budget_handling"].get<std::string>() == "penalty" ? BudgetHandling::Penalty
                                                                                : BudgetHandling::Repair;
          o.penalty = config_["penalty"].get<double>();
          o.seed = context.seed();
          o.on_generation = [&](int g, const GaGeneration& s) {
            context.metric(prefix + "ga_best", g, s.best);
            context.metric(prefix + "ga_mean", g, s.mean);
            context.progress(
                from + span * std::min(1.0, static_cast<double>(evaluator.ueSolves()) / o.max_ue_solves),
                "generation " + std::to_string(g));
          };
          const GaResult r = solveGa(evaluator, budget, o);
          out["best_tstt"] = r.best_tstt;
          out["design"] = designString(r.best);
          out["generations"] = r.generations;
          nlohmann::json checks = nlohmann::json::array();
          for (const auto& [d, t] : r.rechecked) checks.push_back({{"design", d}, {"tstt", t}});
          out["rechecked"] = checks;
          std::string history = "generation,best,mean\n";
          for (size_t g = 0; g < r.history.size(); ++g)
            history += std::to_string(g) + "," + num(r.history[g].best) + "," + num(r.history[g].mean) + "\n";
          context.artifactText(
              (prefix.empty() ? "" : "budget_" + std::to_string(b + 1) + "_") + "ga_history.csv", history);
        }
        out["ue_solves"] = evaluator.ueSolves();
        out["gap"] = settings.gap;
        std::string designs = "design,cost,tstt,within_budget\n";
        for (const auto& [d, t] : evaluator.solved()) {
          const Design x = parseDesign(d, problem.candidates.size());
          designs += d + "," + num(designCost(problem, x)) + "," + num(t) + "," +
                     (withinBudget(problem, x, budget) ? "1" : "0") + "\n";
        }
        context.artifactText((prefix.empty() ? "" : "budget_" + std::to_string(b + 1) + "_") + "designs.csv",
                             designs);
      } catch (const core::Error&) {
        context.throwIfCancelled();
        throw;
      }
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      out["budget_fraction"] = budgets[b];
      out["budget"] = budget;
      out["design_cost"] =
          designCost(problem, parseDesign(out["design"].get<std::string>(), problem.candidates.size()));
      out["solve_seconds"] = seconds;
      csv += num(budgets[b]) + "," + num(budget) + "," + num(out["best_tstt"].get<double>()) + "," +
             out["design"].get<std::string>() + "," + num(out["design_cost"].get<double>()) + "," +
             std::to_string(out["ue_solves"].get<int>()) + "," + num(seconds) + "\n";
      pareto.push_back(out);
      last = out;
    }
    context.flush();
    context.artifactText("pareto.csv", csv);
    nlohmann::json headline = last;  // one budget: its answer; a sweep: the last budget's
    headline["method"] = method;
    headline["candidates"] = problem.candidates.size();
    headline["total_cost"] = problem.totalCost();
    if (budgets.size() > 1) headline["pareto"] = pareto;
    context.result(headline);
    context.progress(1.0, "done");
  }

 private:
  static std::string num(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.12g", v);
    return buf;
  }

  NdpProblem load(core::JobContext& context) const {
    const std::string instance = config_["instance"].get<std::string>();
    const std::string trips = config_["trips"].get<std::string>();
    if (instance.empty())
      throw core::Error("config key 'instance': give the instance file (--instance FILE)");
    if (trips.empty()) throw core::Error("config key 'trips': give the demand file (--trips FILE)");
    NdpProblem p = config_["problem"].get<std::string>() == "lanes"
                       ? laneAdditionProblem(readNetworkFile(instance), config_["lane_share"].get<double>())
                       : readNdpInstanceFile(instance);
    context.recordInput(instance);
    p.demand = readTripsFile(trips, &p.network);
    context.recordInput(trips);
    validate(p.network, p.demand, trips);
    return p;
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
  kind.schema
      .text("instance", "",
            "DNDP instance (TNTP net + <NUMBER OF NEW LINKS> + Cost column), or a _net.tntp for --problem "
            "lanes")
      .flag("instance")
      .text("trips", "", "demand file (_trips.tntp)")
      .flag("trips")
      .choice("problem", "dndp", {"dndp", "lanes"},
              "dndp: new candidate links; lanes: add capacity to each link")
      .flag("problem")
      .real("lane_share", 0.5, 1e-9, 100.0, "lanes: capacity added, as a share of the link's capacity")
      .flag("lane-share")
      .real("budget", 0.5, 0.0, 1.0, "budget as a fraction of the total candidate cost")
      .flag("budget")
      .text("budgets", "", "a sweep of budgets (e.g. 0.25,0.5,0.75): the budget–TSTT Pareto front")
      .flag("budgets")
      .choice("method", "exact", {"exact", "ga", "ga-gnn"},
              "exact enumeration, genetic algorithm (ga-gnn: not yet available)")
      .flag("method")
      .real("gap", 1e-10, 1e-14, 1e-2, "UE relative gap of every design's solve (Algorithm B)")
      .flag("gap")
      .integer("workers", 2, 1, 64, "solver threads")
      .flag("workers")
      .boolean("no_prune", false, "exact: evaluate every budget-feasible design (no SO bound)")
      .flag("no-prune")
      .integer("population", 20, 2, 100000, "ga: population size")
      .flag("population")
      .integer("generations", 100, 0, 1000000, "ga: at most this many generations")
      .flag("generations")
      .integer("max_ue_solves", 150, 1, 100000000, "ga: at most this many distinct UE solves")
      .flag("max-ue-solves")
      .choice("budget_handling", "repair", {"repair", "penalty"},
              "ga: repair over-budget designs or penalise them")
      .flag("budget-handling")
      .real("penalty", 1.0, 0.0, 1e9, "ga penalty: fitness TSTT × (1 + penalty · overrun / budget)")
      .flag("penalty");
  kind.create = [](const nlohmann::json& config) { return std::make_unique<NdpSolveJob>(config); };
  kind.reproducible = true;
  return kind;
}

}  // namespace routescope::traffic
