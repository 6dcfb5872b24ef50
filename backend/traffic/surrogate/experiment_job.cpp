// traffic ndp-experiment: the headline experiment of Madadi & Correia (2024) on one instance —
// GA on the GNN surrogate versus GA on exact UE versus exact enumeration, with the same GA
// settings (population, generations, seed) and UE gap: best TSTT, gap to the reference, wall time
// with and without the surrogate's data and training, UE solves, and a gap-versus-time chart.
#include <chrono>
#include <cmath>
#include <optional>

#include "backend/core/error.h"
#include "backend/search/anytime_trace.h"
#include "backend/traffic/surrogate/design_job_common.h"
#include "backend/traffic/surrogate/design_jobs.h"

namespace routescope::traffic {
namespace {

using design::num;
using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct MethodResult {
  std::string method;
  double best_tstt = 0.0;
  std::string design;
  double seconds = 0.0;                // the search itself
  double seconds_with_training = 0.0;  // plus the surrogate's data and training (ga-gnn)
  int ue_solves = 0;
  // Best TSTT so far against seconds since the method started and evaluations: labelled with the
  // method, or "METHOD (predicted)" for the surrogate's own predictions (evaluations = predictions).
  search::AnytimeTrace trace;
};

class ExperimentJob : public core::Job {
 public:
  explicit ExperimentJob(nlohmann::json config) : config_(std::move(config)) {}

  void run(core::JobContext& context) override {
    const NdpProblem problem = design::loadProblem(context, config_);
    const double budget = problem.budgetFor(config_["budget"].get<double>());
    const NdpSolveSettings settings = design::solveSettings(context, config_);
    const size_t m = problem.candidates.size();
    const bool exact = m <= static_cast<size_t>(config_["exact_limit"].get<int64_t>());
    std::vector<MethodResult> results;
    try {
      if (exact) results.push_back(runExact(context, problem, settings, budget));
      results.push_back(runGa(context, problem, settings, budget, nullptr, 0.0, exact ? 0.3 : 0.0, 0.5));
      design::TrainedSurrogate t = design::trainSurrogate(context, config_, problem, 0.5, 0.9);
      MethodResult gnn =
          runGa(context, problem, settings, budget, &t.model, t.data_seconds + t.train_seconds, 0.9, 1.0);
      gnn.seconds_with_training += t.data_seconds + t.train_seconds;
      results.push_back(gnn);
      report(context, problem, budget, results, exact, t);
    } catch (const core::Error&) {
      context.throwIfCancelled();
      throw;
    }
  }

 private:
  MethodResult runExact(core::JobContext& context, const NdpProblem& problem,
                        const NdpSolveSettings& settings, double budget) const {
    const auto start = Clock::now();
    DesignEvaluator evaluator(problem, settings);
    ExactOptions o;
    o.progress = [&](double f) { context.progress(0.3 * f, "exact enumeration"); };
    const ExactResult r = solveExact(evaluator, budget, o);
    MethodResult out{"exact", r.best_tstt, designString(r.best), since(start), 0.0, evaluator.ueSolves(), {}};
    out.seconds_with_training = out.seconds;
    out.trace.add(out.seconds, out.ue_solves, r.best_tstt, out.method);
    return out;
  }

  // GA on exact UE (`surrogate` null) or on the surrogate; `offset` shifts its trace by the
  // surrogate's preparation time, so the chart shows when each answer became available.
  MethodResult runGa(core::JobContext& context, const NdpProblem& problem, const NdpSolveSettings& settings,
                     double budget, const FlowSurrogate* surrogate, double offset, double from,
                     double to) const {
    const auto start = Clock::now();
    DesignEvaluator evaluator(problem, settings);
    const std::string name = surrogate ? "ga-gnn" : "ga-exact";
    GaOptions o = design::gaOptions(context, config_, name + "/");
    std::optional<PredictedFitness> predicted = design::surrogateFitness(surrogate, config_, o);
    MethodResult out;
    out.method = name;
    const auto record = o.on_generation;
    o.on_generation = [&, record](int g, const GaGeneration& s) {
      record(g, s);
      context.throwIfCancelled();
      context.progress(
          from + (to - from) * std::min(1.0, static_cast<double>(g) / std::max(1, o.generations)),
          name + ": generation " + std::to_string(g));
    };
    DesignFitness& fitness = predicted ? static_cast<DesignFitness&>(*predicted) : evaluator;
    const double search_from = since(start);
    const GaResult r = solveGa(fitness, evaluator, budget, o);
    out.best_tstt = r.best_tstt;
    out.design = designString(r.best);
    out.seconds = since(start);
    out.seconds_with_training = out.seconds;
    out.ue_solves = evaluator.ueSolves() + (surrogate ? static_cast<int>(r.rechecked.size()) : 0);
    out.trace = gaAnytimeTrace(r, surrogate ? name + " (predicted)" : name, offset + search_from);
    out.trace.add(offset + out.seconds, out.ue_solves, r.best_tstt, name);
    context.artifactText((surrogate ? "ga_gnn_" : "ga_exact_") + std::string("ga_history.csv"),
                         design::gaHistoryCsv(r));
    return out;
  }

  void report(core::JobContext& context, const NdpProblem& problem, double budget,
              const std::vector<MethodResult>& results, bool exact, const design::TrainedSurrogate& t) const {
    // The reference: the proven optimum when enumeration ran, else the best design found.
    double reference = results.front().best_tstt;
    for (const MethodResult& r : results)
      if (!exact) reference = std::min(reference, r.best_tstt);
    const auto gap = [&](double tstt) { return search::gapPercent(tstt, reference); };
    std::string table = "method,best_tstt,gap_percent,seconds,seconds_with_training,ue_solves,design\n";
    search::AnytimeTrace chart;
    chart.reference = reference;
    nlohmann::json methods = nlohmann::json::object();
    for (const MethodResult& r : results) {
      table += r.method + "," + num(r.best_tstt) + "," + num(gap(r.best_tstt)) + "," + num(r.seconds) + "," +
               num(r.seconds_with_training) + "," + std::to_string(r.ue_solves) + "," + r.design + "\n";
      chart.append(r.trace);
      methods[r.method] = {{"best_tstt", r.best_tstt}, {"gap_percent", gap(r.best_tstt)},
                           {"seconds", r.seconds},     {"seconds_with_training", r.seconds_with_training},
                           {"ue_solves", r.ue_solves}, {"design", r.design}};
    }
    context.flush();
    context.artifactText("experiment.csv", table);
    context.artifactText("gap_vs_time.csv", search::writeAnytimeCsv(chart));
    const MethodResult& gnn = results.back();
    const MethodResult& ga = results[results.size() - 2];
    DesignEvaluator evaluator(problem, design::solveSettings(context, config_));
    design::storeDesign(context, evaluator, parseDesign(gnn.design, problem.candidates.size()));
    nlohmann::json surrogate = t.quality;
    surrogate["data_seconds"] = t.data_seconds;
    surrogate["train_seconds"] = t.train_seconds;
    surrogate["samples"] = t.samples;
    context.result({{"reference", exact ? "exact" : "best found"},
                    {"design_method", gnn.method},  // whose design the map artifacts show
                    {"reference_tstt", reference},
                    {"candidates", problem.candidates.size()},
                    {"budget", budget},
                    {"methods", methods},
                    {"surrogate", surrogate},
                    {"gnn_vs_ga_exact_percent", 100.0 * (gnn.best_tstt - ga.best_tstt) / ga.best_tstt},
                    {"time_ratio_search", gnn.seconds / std::max(ga.seconds, 1e-9)},
                    {"time_ratio_with_training", gnn.seconds_with_training / std::max(ga.seconds, 1e-9)}});
    context.progress(1.0, "done");
  }

  nlohmann::json config_;
};

}  // namespace

core::JobKind ndpExperimentJobKind() {
  core::JobKind kind;
  kind.study = "traffic";
  kind.kind = "ndp-experiment";
  kind.summary = "GA on the GNN surrogate vs GA on exact UE vs exact enumeration, on one instance";
  design::addProblemFields(kind.schema);
  kind.schema.integer("exact_limit", 12, 0, 24, "run the exact enumeration up to this many candidates")
      .flag("exact-limit");
  design::addGaFields(kind.schema);
  design::addSurrogateFields(kind.schema);
  kind.create = [](const nlohmann::json& config) { return std::make_unique<ExperimentJob>(config); };
  kind.reproducible = true;
  return kind;
}

}  // namespace routescope::traffic
