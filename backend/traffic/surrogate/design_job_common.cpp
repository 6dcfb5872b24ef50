#include "backend/traffic/surrogate/design_job_common.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "backend/core/error.h"
#include "backend/core/run_store.h"
#include "backend/traffic/assignment.h"
#include "backend/traffic/generator.h"
#include "backend/traffic/job_common.h"
#include "backend/traffic/tntp_reader.h"

namespace routescope::traffic::design {
namespace {

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Keeps the `count` lane-addition candidates whose links carry the highest v/c at the no-build
// user equilibrium: where a planner would look first, and few enough to enumerate.
void keepMostCongested(NdpProblem& problem, int count) {
  if (count <= 0 || static_cast<size_t>(count) >= problem.candidates.size()) return;
  SolverOptions o;
  o.target_gap = 1e-8;
  const AssignmentResult base = solve(problem.network, problem.demand, o);
  std::vector<size_t> order(problem.candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto vc = [&](size_t i) {
    const auto link = static_cast<size_t>(problem.candidates[i].link);
    return base.flows[link] / problem.network.links[link].capacity;
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return vc(a) > vc(b); });
  order.resize(static_cast<size_t>(count));
  std::sort(order.begin(), order.end());  // file order
  std::vector<NdpCandidate> kept;
  for (const size_t i : order) kept.push_back(problem.candidates[i]);
  problem.candidates = std::move(kept);
}

}  // namespace

std::string num(double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.12g", value);
  return buf;
}

void addProblemFields(core::ConfigSchema& schema) {
  schema
      .text(
          "instance", "",
          "DNDP instance (TNTP net + <NUMBER OF NEW LINKS> + Cost column), a _net.tntp for --problem lanes, "
          "or builtin:grid (a seeded 5×5 grid city)")
      .flag("instance")
      .text("trips", "", "demand file (_trips.tntp); not used with builtin:grid")
      .flag("trips")
      .choice("problem", "dndp", {"dndp", "lanes"}, "dndp: new candidate links; lanes: add capacity to links")
      .flag("problem")
      .real("lane_share", 0.5, 1e-9, 100.0, "lanes: capacity added, as a share of the link's capacity")
      .flag("lane-share")
      .integer("lane_candidates", 0, 0, 1000000,
               "lanes: only the links with the highest no-build v/c (0: every open link)")
      .flag("lane-candidates")
      .real("budget", 0.5, 0.0, 1.0, "budget as a fraction of the total candidate cost")
      .flag("budget")
      .real("gap", 1e-10, 1e-14, 1e-2, "UE relative gap of every design's solve (Algorithm B)")
      .flag("gap")
      .integer("workers", 2, 1, 64, "solver threads")
      .flag("workers");
}

void addGaFields(core::ConfigSchema& schema) {
  schema.integer("population", 20, 2, 100000, "ga: population size")
      .flag("population")
      .integer("generations", 100, 0, 1000000, "ga: at most this many generations")
      .flag("generations")
      .integer("max_ue_solves", 150, 1, 100000000, "ga with exact UE: at most this many distinct UE solves")
      .flag("max-ue-solves")
      .choice("budget_handling", "repair", {"repair", "penalty"},
              "ga: repair over-budget designs or penalise them")
      .flag("budget-handling")
      .real("penalty", 1.0, 0.0, 1e9, "ga penalty: fitness TSTT × (1 + penalty · overrun / budget)")
      .flag("penalty")
      .integer("gnn_recheck", 10, 1, 1000,
               "ga-gnn: best predicted designs re-solved with exact UE at the end")
      .flag("gnn-recheck");
}

void addSurrogateFields(core::ConfigSchema& schema) {
  schema
      .integer("samples", 1000, 10, 10000000,
               "surrogate: UE samples generated for training (a fifth validates)")
      .flag("samples")
      .integer("epochs", 50, 1, 100000, "surrogate: training epochs")
      .flag("epochs")
      .integer("hidden", 32, 4, 1024, "surrogate: hidden width")
      .flag("hidden")
      .integer("layers", 4, 1, 32, "surrogate: message-passing rounds")
      .flag("layers")
      .real("od_jitter", 0.2, 0.0, 0.99, "surrogate data: each OD flow scaled by a factor in 1 ± this")
      .flag("od-jitter")
      .real("capacity_min", 0.5, 0.01, 100.0, "surrogate data: smallest capacity factor")
      .flag("capacity-min")
      .real("capacity_max", 1.5, 0.01, 100.0, "surrogate data: largest capacity factor")
      .flag("capacity-max")
      .integer("prior_iterations", 12, 0, 1000, "surrogate: MSA iterations of the flow prior input (0: none)")
      .flag("prior-iterations")
      .real("data_gap", 1e-6, 1e-14, 1e-2, "surrogate data: UE relative gap of each sample")
      .flag("data-gap");
}

NdpProblem loadProblem(core::JobContext& context, const nlohmann::json& config) {
  const std::string instance = config["instance"].get<std::string>();
  const std::string trips = config["trips"].get<std::string>();
  const bool lanes = config["problem"].get<std::string>() == "lanes";
  if (instance.empty()) throw core::Error("config key 'instance': give the instance file (--instance FILE)");
  NdpProblem p;
  if (instance == kBuiltinGrid) {
    if (!lanes)
      throw core::Error("config key 'problem': builtin:grid has no candidate links; use --problem lanes");
    CityOptions city;
    city.size = 5;
    city.zones = 6;
    city.seed = 7;
    const City c = generateCity(city);
    p = laneAdditionProblem(c.network, config["lane_share"].get<double>());
    p.demand = c.demand;
  } else {
    if (trips.empty()) throw core::Error("config key 'trips': give the demand file (--trips FILE)");
    p = lanes ? laneAdditionProblem(readNetworkFile(instance), config["lane_share"].get<double>())
              : readNdpInstanceFile(instance);
    context.recordInput(instance);
    p.demand = readTripsFile(trips, &p.network);
    context.recordInput(trips);
    validate(p.network, p.demand, trips);
  }
  if (lanes) keepMostCongested(p, static_cast<int>(config["lane_candidates"].get<int64_t>()));
  if (p.candidates.empty()) throw core::Error("config key 'instance': " + instance + " has no candidates");
  return p;
}

NdpSolveSettings solveSettings(core::JobContext& context, const nlohmann::json& config) {
  NdpSolveSettings settings;
  settings.gap = config["gap"].get<double>();
  settings.threads = static_cast<int>(config["workers"].get<int64_t>());
  settings.cancelled = [&context] { return context.cancelled(); };
  return settings;
}

GaOptions gaOptions(core::JobContext& context, const nlohmann::json& config,
                    const std::string& metric_prefix) {
  GaOptions o;
  o.population = static_cast<int>(config["population"].get<int64_t>());
  o.generations = static_cast<int>(config["generations"].get<int64_t>());
  o.max_ue_solves = static_cast<int>(config["max_ue_solves"].get<int64_t>());
  o.budget = config["budget_handling"].get<std::string>() == "penalty" ? BudgetHandling::Penalty
                                                                       : BudgetHandling::Repair;
  o.penalty = config["penalty"].get<double>();
  o.seed = context.seed();
  o.cancelled = [&context] { return context.cancelled(); };
  o.on_generation = [&context, metric_prefix](int g, const GaGeneration& s) {
    context.metric(metric_prefix + "ga_best", g, s.best);
    context.metric(metric_prefix + "ga_mean", g, s.mean);
  };
  return o;
}

std::optional<PredictedFitness> surrogateFitness(const FlowSurrogate* surrogate, const nlohmann::json& config,
                                                 GaOptions& options) {
  if (!surrogate) return std::nullopt;
  options.max_ue_solves = options.population * (options.generations + 1);
  options.recheck = static_cast<int>(config["gnn_recheck"].get<int64_t>());
  return std::optional<PredictedFitness>(
      std::in_place, [surrogate](const std::vector<Design>& d) { return surrogate->predictDesigns(d); });
}

std::string gaHistoryCsv(const GaResult& result) {
  std::string csv = "generation,best,mean\n";
  for (size_t g = 0; g < result.history.size(); ++g)
    csv += std::to_string(g) + "," + num(result.history[g].best) + "," + num(result.history[g].mean) + "\n";
  return csv;
}

TrainedSurrogate trainSurrogate(core::JobContext& context, const nlohmann::json& config,
                                const NdpProblem& problem, double from, double to) {
  UeSampleOptions data;
  data.count = static_cast<int>(config["samples"].get<int64_t>());
  data.od_jitter = config["od_jitter"].get<double>();
  data.capacity_min = config["capacity_min"].get<double>();
  data.capacity_max = config["capacity_max"].get<double>();
  data.gap = config["data_gap"].get<double>();
  data.threads = static_cast<int>(config["workers"].get<int64_t>());
  data.seed = context.seed();
  data.cancelled = [&context] { return context.cancelled(); };
  // Data generation takes about a fifth of the time, training the rest.
  const double split = from + 0.2 * (to - from);
  data.progress = [&](int done) {
    context.progress(from + (split - from) * done / data.count, "solving UE samples for the surrogate");
  };
  const auto start = std::chrono::steady_clock::now();
  std::vector<UeSample> samples;
  try {
    samples = generateUeSamples(problem, data);
  } catch (const core::Error&) {
    context.throwIfCancelled();
    throw;
  }
  const double data_seconds = since(start);
  context.artifact("surrogate-data.bin", writeUeSamples(samples));
  // The last fifth validates; samples are independent draws, so no shuffle is needed.
  const size_t cut = std::max<size_t>(1, samples.size() * 4 / 5);
  const std::span<const UeSample> all(samples);
  const auto train = all.first(cut), valid = all.subspan(cut);

  SurrogateOptions o;
  o.epochs = static_cast<int>(config["epochs"].get<int64_t>());
  o.hidden = static_cast<int>(config["hidden"].get<int64_t>());
  o.layers = static_cast<int>(config["layers"].get<int64_t>());
  o.prior_iterations = static_cast<int>(config["prior_iterations"].get<int64_t>());
  o.seed = context.seed();
  o.threads = data.threads;
  o.device = context.device();  // resolved by the job runner: "cpu" or "cuda:N"
  o.cancelled = [&context] { return context.cancelled(); };
  o.on_epoch = [&](const SurrogateEpoch& e) {
    context.metric("train_loss", e.epoch, e.train_loss);
    if (!valid.empty()) {
      context.metric("valid_flow_error", e.epoch, e.valid_flow_error);
      context.metric("valid_tstt_r2", e.epoch, e.valid_tstt_r2);
    }
    context.progress(split + (to - split) * e.epoch / o.epochs,
                     "training the surrogate, epoch " + std::to_string(e.epoch));
  };
  const auto train_start = std::chrono::steady_clock::now();
  TrainedSurrogate out{[&] {
                         try {
                           return FlowSurrogate::train(problem, train, valid, o);
                         } catch (const core::Error&) {
                           context.throwIfCancelled();
                           throw;
                         }
                       }(),
                       data_seconds, since(train_start), data.count, nlohmann::json::object()};
  context.flush();
  context.artifact("surrogate.pt", out.model.save());
  context.artifactText("surrogate.json", out.model.description().dump(2));

  const std::span<const UeSample> checked = valid.empty() ? train : valid;
  const SurrogateQuality q = out.model.evaluate(checked);
  std::string tstt_csv = "sample,true_tstt,predicted_tstt\n";
  for (size_t i = 0; i < q.true_tstt.size(); ++i)
    tstt_csv += std::to_string(i) + "," + num(q.true_tstt[i]) + "," + num(q.predicted_tstt[i]) + "\n";
  context.artifactText("surrogate_validation.csv", tstt_csv);
  const auto shown = checked.first(std::min<size_t>(checked.size(), 50));
  const auto flows = out.model.predictFlows(shown);
  std::string flow_csv = "sample,link,true_flow,predicted_flow\n";
  for (size_t i = 0; i < shown.size(); ++i)
    for (size_t a = 0; a < flows[i].size(); ++a)
      flow_csv += std::to_string(i) + "," + std::to_string(a + 1) + "," + num(shown[i].flows[a]) + "," +
                  num(flows[i][a]) + "\n";
  context.artifactText("surrogate_flows.csv", flow_csv);

  // Inference speed as the GA sees it: one population-sized batch of fresh designs.
  std::vector<Design> batch;
  for (size_t i = 0; i < std::min<size_t>(samples.size(), 200); ++i) batch.push_back(samples[i].design);
  const auto infer_start = std::chrono::steady_clock::now();
  out.model.predictDesigns(batch);
  const double ms_per_design =
      1000.0 * since(infer_start) / static_cast<double>(std::max<size_t>(1, batch.size()));
  out.quality = {{"flow_weighted_error", q.flow_error},
                 {"tstt_r2", q.tstt_r2},
                 {"validation_samples", checked.size()},
                 {"inference_ms_per_design", ms_per_design}};
  return out;
}

FlowSurrogate loadSurrogate(core::JobContext& context, const std::string& run, const NdpProblem& problem) {
  const core::RunStore& store = context.store();
  const std::string id = store.run(run).id;
  const std::string name = "run " + id + " surrogate.pt";
  nlohmann::json description;
  try {
    description = nlohmann::json::parse(store.readArtifactText(id, "surrogate.json"));
  } catch (const nlohmann::json::exception&) {
    throw core::Error("run " + id + " surrogate.json: malformed JSON");
  }
  return FlowSurrogate::load(problem, store.readArtifact(id, "surrogate.pt"), description, name);
}

void storeDesign(core::JobContext& context, const DesignEvaluator& evaluator, const Design& design) {
  const NdpProblem& problem = evaluator.problem();
  std::string csv = "candidate,link,init_node,term_node,cost,built\n";
  for (size_t i = 0; i < problem.candidates.size(); ++i) {
    const NdpCandidate& c = problem.candidates[i];
    const Link& l = problem.network.links[static_cast<size_t>(c.link)];
    csv += std::to_string(i + 1) + "," + std::to_string(c.link + 1) + "," + std::to_string(l.from + 1) + "," +
           std::to_string(l.to + 1) + "," + num(c.cost) + "," + (design[i] ? "1" : "0") + "\n";
  }
  context.artifactText("candidates.csv", csv);
  const Design none(problem.candidates.size(), 0);
  const jobs::Problem before{designNetwork(problem, none), problem.demand, evaluator.settings().cost};
  const jobs::Problem after{designNetwork(problem, design), problem.demand, evaluator.settings().cost};
  const AssignmentResult base = evaluator.solution(none), built = evaluator.solution(design);
  jobs::storeSolution(context, before, base, "before_");
  jobs::storeSolution(context, after, built, "after_");
  context.artifactText("difference.csv", jobs::differenceCsv(after.network, base, built));
}

}  // namespace routescope::traffic::design
