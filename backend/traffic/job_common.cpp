#include "backend/traffic/job_common.h"

#include <cmath>
#include <cstdio>

#include "backend/core/error.h"
#include "backend/traffic/braess.h"
#include "backend/traffic/coordinates.h"
#include "backend/traffic/link_results.h"
#include "backend/traffic/tntp_reader.h"
#include "backend/traffic/tntp_writer.h"

namespace routescope::traffic::jobs {

void addProblemFields(core::ConfigSchema& schema) {
  schema.text("net", kBuiltinBraess, "network file (_net.tntp), or builtin:braess")
      .flag("net")
      .text("trips", "", "demand file (_trips.tntp); not needed for builtin:braess")
      .flag("trips")
      .text("nodes", "", "node coordinates (_node.tntp or GeoJSON points); else a force-directed layout")
      .flag("nodes")
      .real("toll_factor", 0.0, 0.0, 1e6, "generalised cost: minutes per toll unit (Chicago Sketch: 0.02)")
      .flag("toll-factor")
      .real("distance_factor", 0.0, 0.0, 1e6,
            "generalised cost: minutes per length unit (Chicago Sketch: 0.04)")
      .flag("distance-factor")
      .boolean("system_optimum", false,
               "solve the system optimum (marginal costs) instead of the user equilibrium")
      .flag("system-optimum")
      .real("demand_scale", 1.0, 1e-9, 1e9, "multiply every OD flow");
}

void addStopFields(core::ConfigSchema& schema) {
  schema.real("gap", 1e-6, 0.0, 1.0, "stop at this relative gap (TSTT − SPTT)/TSTT")
      .flag("gap")
      .integer("max_iterations", 100000, 1, 1e9, "stop after this many iterations")
      .flag("max-iterations")
      .real("max_seconds", 3600.0, 0.0, 1e9, "stop after this many seconds (the gap reached is reported)")
      .flag("max-seconds");
}

Problem loadProblem(core::JobContext& context, const nlohmann::json& config) {
  Problem p;
  const std::string net = config["net"].get<std::string>();
  if (net == kBuiltinBraess) {
    p.network = braessNetwork(true);
    p.demand = braessDemand();
  } else {
    const std::string trips = config["trips"].get<std::string>();
    if (trips.empty())
      throw core::Error("config key 'trips': give the demand file (--trips FILE) for " + net);
    p.network = readNetworkFile(net);
    context.recordInput(net);
    context.throwIfCancelled();  // large files take a while: a Ctrl-C between them counts
    p.demand = readTripsFile(trips, &p.network);
    context.recordInput(trips);
    context.throwIfCancelled();
    validate(p.network, p.demand, trips);
    const std::string nodes = config["nodes"].get<std::string>();
    if (!nodes.empty()) {
      p.network.coordinates = readCoordinates(nodes, p.network.nodes);
      context.recordInput(nodes);
    }
  }
  const double scale = config["demand_scale"].get<double>();
  if (scale != 1.0) p.demand.scale(scale);
  p.cost.toll_factor = config["toll_factor"].get<double>();
  p.cost.distance_factor = config["distance_factor"].get<double>();
  p.cost.system_optimum = config["system_optimum"].get<bool>();
  return p;
}

namespace {

// Iterations whose metrics are stored: all of the first 100, then 90 per decade, so MSA's
// hundred thousand iterations do not flood the run store.
bool recordIteration(int iteration) {
  if (iteration < 100) return true;
  int step = 1;
  for (int v = iteration; v >= 100; v /= 10) step *= 10;
  return iteration % step == 0;
}

}  // namespace

SolverOptions solverOptions(core::JobContext& context, const nlohmann::json& config, Algorithm algorithm,
                            const std::string& prefix, double progress_from, double progress_to) {
  SolverOptions o;
  o.algorithm = algorithm;
  o.target_gap = config["gap"].get<double>();
  o.max_iterations = static_cast<int>(config["max_iterations"].get<int64_t>());
  o.max_seconds = config["max_seconds"].get<double>();
  o.cost.toll_factor = config["toll_factor"].get<double>();
  o.cost.distance_factor = config["distance_factor"].get<double>();
  o.cost.system_optimum = config["system_optimum"].get<bool>();
  o.cancelled = [&context] { return context.cancelled(); };
  auto first_gap = std::make_shared<double>(0.0);
  auto last_progress = std::make_shared<double>(-1.0);
  const std::string name = algorithmName(algorithm);
  o.on_iteration = [&context, prefix, first_gap, last_progress, progress_from, progress_to, name,
                    target = o.target_gap, max_seconds = o.max_seconds](const IterationReport& r) {
    if (recordIteration(r.iteration)) {
      context.metric(prefix + "relative_gap", r.iteration, r.relative_gap);
      context.metric(prefix + "relative_gap_sptt", r.iteration, r.relative_gap_sptt);
      context.metric(prefix + "beckmann", r.iteration, r.beckmann);
      context.metric(prefix + "tstt", r.iteration, r.tstt);
      context.metric(prefix + "seconds", r.iteration, r.seconds);
    }
    // Progress by log-gap: from the first gap down to the target, or by time when that is nearer.
    if (*first_gap <= 0.0) *first_gap = std::max(r.relative_gap, target * 10.0);
    double fraction = 1.0;
    if (r.relative_gap > target && *first_gap > target) {
      fraction = std::log(*first_gap / std::max(r.relative_gap, 1e-300)) /
                 std::log(*first_gap / std::max(target, 1e-300));
    }
    fraction = std::max(fraction, std::min(1.0, r.seconds / max_seconds));
    fraction = progress_from + (progress_to - progress_from) * std::clamp(fraction, 0.0, 1.0);
    if (fraction > *last_progress + 1e-3 || r.relative_gap <= target) {
      *last_progress = fraction;
      char text[96];
      std::snprintf(text, sizeof text, "%s iteration %d, gap %.2e", name.c_str(), r.iteration,
                    r.relative_gap);
      context.progress(fraction, text);
    }
  };
  return o;
}

std::string convergenceCsv(const AssignmentResult& result) {
  std::string out = "iteration,relative_gap,relative_gap_sptt,beckmann,tstt,sptt,seconds\n";
  char line[256];
  for (const auto& r : result.history) {
    std::snprintf(line, sizeof line, "%d,%.17g,%.17g,%.17g,%.17g,%.17g,%.9g\n", r.iteration, r.relative_gap,
                  r.relative_gap_sptt, r.beckmann, r.tstt, r.sptt, r.seconds);
    out += line;
  }
  return out;
}

nlohmann::json summary(const AssignmentResult& r) {
  return {{"algorithm", algorithmName(r.algorithm)},
          {"tstt", r.final.tstt},
          {"beckmann", r.final.beckmann},
          {"objective", r.final.objective},
          {"relative_gap", r.final.relative_gap},
          {"relative_gap_sptt", r.final.relative_gap_sptt},
          {"iterations", r.final.iteration},
          {"solve_seconds", r.final.seconds},
          {"stop", stopReasonName(r.stop)},
          {"warm_started", r.warm_started}};
}

void storeSolution(core::JobContext& context, const Problem& problem, const AssignmentResult& result,
                   const std::string& prefix) {
  context.artifactText(prefix + "links.csv", linkResultsCsv(problem.network, result.flows, problem.cost));
  const auto coords = coordinatesOrLayout(problem.network, context.seed());
  context.artifactText(prefix + "links.geojson",
                       linkResultsGeoJson(problem.network, result.flows, problem.cost, coords));
  context.artifactText(prefix + "flow.tntp", formatFlows(problem.network, result.flows, result.user_costs));
  context.artifactText(prefix + "convergence.csv", convergenceCsv(result));
  nlohmann::json nodes = nlohmann::json::array();
  for (const auto& p : coords) nodes.push_back({p.x, p.y});
  nlohmann::json links = nlohmann::json::array();
  for (const Link& l : problem.network.links) {
    links.push_back({l.from + 1, l.to + 1, l.capacity, l.closed});
  }
  nlohmann::json solution = summary(result);
  solution["network"] = {{"name", problem.network.name},
                         {"nodes", problem.network.nodes},
                         {"zones", problem.network.zones},
                         {"first_thru_node", problem.network.first_thru_node},
                         {"coordinates", nodes},
                         {"coordinates_from", problem.network.coordinates.empty() ? "layout" : "file"},
                         {"links", links}};
  solution["flows"] = result.flows;
  solution["costs"] = result.user_costs;
  solution["system_optimum"] = problem.cost.system_optimum;
  context.artifactText(prefix + "solution.json", solution.dump());
}

std::string differenceCsv(const Network& after_network, const AssignmentResult& before,
                          const AssignmentResult& after) {
  std::string csv =
      "link,init_node,term_node,closed,flow_before,flow_after,flow_difference,cost_before,cost_after\n";
  char line[256];
  for (int32_t a = 0; a < after_network.linkCount(); ++a) {
    const Link& l = after_network.links[static_cast<size_t>(a)];
    const auto i = static_cast<size_t>(a);
    const bool existed = i < before.flows.size();
    const double fb = existed ? before.flows[i] : 0.0;
    const double cb = existed ? before.user_costs[i] : 0.0;
    std::snprintf(line, sizeof line, "%d,%d,%d,%d,%.12g,%.12g,%.12g,%.12g,%.12g\n", a + 1, l.from + 1,
                  l.to + 1, l.closed ? 1 : 0, fb, after.flows[i], after.flows[i] - fb, cb,
                  after.user_costs[i]);
    csv += line;
  }
  return csv;
}

void throwIfCancelled(core::JobContext& context, const AssignmentResult& result) {
  if (result.stop == StopReason::Cancelled) context.throwIfCancelled();
  if (result.stop == StopReason::Cancelled) throw core::JobCancelled();
}

}  // namespace routescope::traffic::jobs
