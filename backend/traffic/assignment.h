#pragma once
// User-equilibrium (and system-optimum) traffic assignment: one entry point, solve(), for all
// algorithms. Every solver reports each iteration's relative gap (TSTT − SPTT)/TSTT, the tap-b
// style (TSTT − SPTT)/SPTT, the Beckmann objective and TSTT; stops at a target gap, an iteration
// cap or a time cap (reporting the gap reached); can be cancelled; and can start warm from an
// earlier solution after what-if edits.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backend/traffic/link_cost.h"
#include "backend/traffic/network.h"

namespace routescope::traffic {

enum class Algorithm {
  Msa,                    // method of successive averages (step 1/k)
  FrankWolfe,             // Frank-Wolfe with exact line search
  ConjugateFrankWolfe,    // Mitradjieva & Lindberg (2013)
  BiconjugateFrankWolfe,  // Mitradjieva & Lindberg (2013)
  AlgorithmB,             // Dial (2006): bush-based, per-origin acyclic bushes, Newton shifts
};
// "msa", "fw", "cfw", "bfw", "bush"; throws core::Error for an unknown name.
Algorithm parseAlgorithm(const std::string& name);
std::string algorithmName(Algorithm algorithm);
// The CLI names in the order above.
std::vector<std::string> algorithmNames();

struct IterationReport {
  int iteration = 0;
  double relative_gap = 0.0;       // (TSTT − SPTT) / TSTT, in the costs the solver equilibrates
  double relative_gap_sptt = 0.0;  // (TSTT − SPTT) / SPTT, as tap-b prints it
  double beckmann = 0.0;           // Beckmann objective of user costs
  double tstt = 0.0;               // Σ flow · user cost
  double sptt = 0.0;               // Σ demand · shortest path cost (solver costs)
  double objective = 0.0;          // what the solver minimises: beckmann (UE) or tstt (SO)
  double seconds = 0.0;            // since the solver started
};

enum class StopReason { Converged, IterationLimit, TimeLimit, Cancelled };
std::string stopReasonName(StopReason reason);

// Per-origin state of the bush solver: which links are in the origin's bush and the flow from
// that origin on each link. Also the input of select-link analysis and of warm starts.
struct OriginBush {
  int32_t origin = 0;            // 0-based zone index
  std::vector<uint8_t> in_bush;  // per link
  std::vector<double> flows;     // per link, flow from this origin
};
struct BushSolution {
  std::vector<OriginBush> origins;  // in the order of Demand::origins
};

struct SolverOptions {
  Algorithm algorithm = Algorithm::AlgorithmB;
  double target_gap = 1e-4;  // on relative_gap
  int max_iterations = 1'000'000;
  double max_seconds = 1e30;
  CostOptions cost;
  // Checked before every origin's shortest paths and bush, so within milliseconds however long
  // an iteration is; true stops the solver with StopReason::Cancelled (its flows are then the
  // last iterate, partial when cancelled before the first report, and Algorithm B returns no
  // bushes when cancelled before every bush was built).
  std::function<bool()> cancelled;
  // Called after each iteration (iteration 0 is the initial all-or-nothing solution).
  std::function<void(const IterationReport&)> on_iteration;
  // Algorithm B: at most this many flow-shift sweeps per origin per iteration.
  int bush_inner_iterations = 20;
};

// A previous solution to start from. Link flows (indexed by link; shorter vectors are padded
// with zeros for links added since) serve the Frank-Wolfe family; bushes serve Algorithm B.
// Warm starts must still be feasible: the solver re-routes what a closed link carried and
// rescales flows when the demand was scaled (see whatif.h, which prepares this).
struct WarmStart {
  std::vector<double> link_flows;
  std::shared_ptr<const BushSolution> bushes;
  // Per Demand::origins entry: true when that origin's demand changed other than by a common
  // factor, so its bush must be rebuilt.
  std::vector<uint8_t> origin_changed;
};

struct AssignmentResult {
  Algorithm algorithm = Algorithm::AlgorithmB;
  StopReason stop = StopReason::Converged;
  IterationReport final;
  std::vector<IterationReport> history;
  std::vector<double> flows;                   // per link
  std::vector<double> user_costs;              // per link, generalised user cost at `flows`
  std::shared_ptr<const BushSolution> bushes;  // Algorithm B only
  bool warm_started = false;
};

// Solves the assignment. Throws core::Error when a destination with demand is unreachable.
AssignmentResult solve(const Network& network, const Demand& demand, const SolverOptions& options,
                       const WarmStart* warm = nullptr);

}  // namespace routescope::traffic
