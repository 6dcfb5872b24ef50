// Algorithm B (Dial 2006, "A path-based user-equilibrium traffic assignment algorithm that
// obviates path storage and enumeration"): each origin keeps an acyclic bush; within a bush the
// flow is moved, node by node in reverse topological order, from the longest used path segment
// to the shortest one (Newton steps on the segment cost difference), and the bush is improved
// with links that shorten its paths. Because every bush stays acyclic, min and max path labels
// are one pass in topological order, and the equilibrium can be pushed to machine precision.
#include <algorithm>
#include <cmath>

#include "backend/core/error.h"
#include "backend/traffic/numeric.h"
#include "backend/traffic/solver_common.h"

namespace routescope::traffic::detail {
namespace {

class BushSolver {
 public:
  BushSolver(SolverBase& base) : base_(base), g_(base.graph_), model_(base.model_) {
    const size_t n = static_cast<size_t>(g_.nodes), m = static_cast<size_t>(g_.links);
    x_.assign(m, 0.0);
    cost_.assign(m, 0.0);
    deriv_.assign(m, 0.0);
    L_.assign(n, kInfinity);
    U_.assign(n, 0.0);
    W_.assign(n, 0.0);
    min_pred_.assign(n, -1);
    max_pred_.assign(n, -1);
    pos_.assign(n, -1);
    indegree_.assign(n, 0);
    residue_.assign(n, 0.0);
    double total = 0.0;
    size_t pairs = 0;
    for (const auto& od : base.demand_.origins) {
      total += od.total();
      pairs += od.destinations.size();
    }
    // Flows below this are rounding residue of shifts, not traffic: they are moved onto the
    // minimum-cost path (never dropped), so every origin's flows stay conserved.
    flow_epsilon_ = pairs > 0 ? 1e-12 * total / static_cast<double>(pairs) : 0.0;
  }

  void updateCosts() {
    for (int32_t a = 0; a < g_.links; ++a) {
      cost_[a] = model_.cost(a, x_[a]);
      deriv_[a] = model_.derivative(a, x_[a]);
    }
  }

  // Total link flows as the sum of origin flows: removes the drift of incremental updates.
  void recomputeTotals() {
    std::fill(x_.begin(), x_.end(), 0.0);
    std::vector<KahanSum> sums(x_.size());
    for (const auto& b : bushes_) {
      for (int32_t a = 0; a < g_.links; ++a) {
        if (b.flows[a] != 0.0) sums[a].add(b.flows[a]);
      }
    }
    for (size_t a = 0; a < x_.size(); ++a) x_[a] = sums[a].value();
    updateCosts();
  }

  // A bush from the shortest-path tree at the current costs, carrying the origin's demand.
  void initBush(size_t k) {
    const OriginDemand& od = base_.demand_.origins[k];
    OriginBush& b = bushes_[k];
    b.origin = od.origin;
    b.in_bush.assign(static_cast<size_t>(g_.links), 0);
    b.flows.assign(static_cast<size_t>(g_.links), 0.0);
    base_.tree_.run(od.origin, cost_);
    for (int32_t v : base_.tree_.order()) {
      const int32_t a = base_.tree_.predecessor()[v];
      if (a >= 0) b.in_bush[a] = 1;
    }
    base_.tree_.load(od.destinations, od.flows, b.flows);
    for (int32_t a = 0; a < g_.links; ++a) {
      if (b.flows[a] != 0.0) {
        x_[a] += b.flows[a];
        cost_[a] = model_.cost(a, x_[a]);
        deriv_[a] = model_.derivative(a, x_[a]);
      }
    }
    topologicalOrder(k);
  }

  // Removes an origin's flows from the totals (before it is rebuilt).
  void dropBush(size_t k) {
    OriginBush& b = bushes_[k];
    for (int32_t a = 0; a < g_.links; ++a) {
      if (b.flows[a] != 0.0) {
        x_[a] = std::max(0.0, x_[a] - b.flows[a]);
        cost_[a] = model_.cost(a, x_[a]);
        deriv_[a] = model_.derivative(a, x_[a]);
      }
    }
  }

  // Kahn's algorithm over the bush's links; stores the order for the origin.
  void topologicalOrder(size_t k) {
    const OriginBush& b = bushes_[k];
    std::vector<int32_t>& order = orders_[k];
    order.clear();
    std::fill(indegree_.begin(), indegree_.end(), 0);
    for (int32_t a = 0; a < g_.links; ++a) {
      if (b.in_bush[a]) ++indegree_[g_.to[a]];
    }
    order.push_back(b.origin);
    for (size_t head = 0; head < order.size(); ++head) {
      const int32_t v = order[head];
      for (int32_t e = g_.out_offset[v]; e < g_.out_offset[v + 1]; ++e) {
        const int32_t a = g_.out_links[e];
        if (!b.in_bush[a]) continue;
        if (--indegree_[g_.to[a]] == 0) order.push_back(g_.to[a]);
      }
    }
    for (int32_t a = 0; a < g_.links; ++a) {
      if (b.in_bush[a] && indegree_[g_.to[a]] > 0) {
        throw core::Error("traffic: bush of origin " + std::to_string(b.origin + 1) +
                          " has a cycle (internal error)");
      }
    }
  }

  // Min labels (all bush links), max labels over links carrying flow (for shifting) and over all
  // bush links (W, for bush improvement) in topological order. Returns the largest U − L.
  double labels(size_t k) {
    const OriginBush& b = bushes_[k];
    const std::vector<int32_t>& order = orders_[k];
    double worst = 0.0;
    std::fill(pos_.begin(), pos_.end(), -1);
    for (size_t i = 0; i < order.size(); ++i) {
      const int32_t v = order[i];
      pos_[v] = static_cast<int32_t>(i);
      if (i == 0) {
        L_[v] = U_[v] = W_[v] = 0.0;
        min_pred_[v] = max_pred_[v] = -1;
        continue;
      }
      double l = kInfinity, u = -kInfinity, w = -kInfinity;
      int32_t lp = -1, up = -1;
      for (int32_t e = g_.in_offset[v]; e < g_.in_offset[v + 1]; ++e) {
        const int32_t a = g_.in_links[e];
        if (!b.in_bush[a]) continue;
        const int32_t t = g_.from[a];
        const double c = cost_[a];
        if (L_[t] + c < l) {
          l = L_[t] + c;
          lp = a;
        }
        w = std::max(w, W_[t] + c);
        if (b.flows[a] > 0.0 && U_[t] + c > u) {
          u = U_[t] + c;
          up = a;
        }
      }
      L_[v] = l;
      min_pred_[v] = lp;
      W_[v] = w;
      if (up < 0) {
        U_[v] = l;
        max_pred_[v] = -1;
      } else {
        U_[v] = u;
        max_pred_[v] = up;
        worst = std::max(worst, u - l);
      }
    }
    return worst;
  }

  // Drops unused links (flow at most flow_epsilon_, whose residue is moved onto the min-cost
  // path; the min-path tree is kept, so every node stays reachable) and adds links that shorten
  // the longest bush paths: W_i + c_ij < W_j, with W the max label over all bush links (used or
  // not), keeps the bush acyclic, because W then still increases along every bush link.
  void improveBush(size_t k) {
    OriginBush& b = bushes_[k];
    // Rounds of prune-then-add: a link added in one round becomes the min-path link of its
    // head, which frees the unused link it replaces for pruning, which lowers W beyond it, so
    // the next round can add the links that continue the shortcut. (One round per iteration,
    // as in Dial's paper, makes warm starts after an added link crawl.)
    for (int round = 0; round < 4; ++round) {
      labels(k);
      bool residues = false;
      for (int32_t a = 0; a < g_.links; ++a) {
        if (b.in_bush[a] && b.flows[a] <= flow_epsilon_ && min_pred_[g_.to[a]] != a) {
          b.in_bush[a] = 0;
          if (b.flows[a] != 0.0) {
            // The residue's path is rerouted: from the link's tail back to the origin it is taken
            // off (below), and from the origin to the link's head it runs on the min-cost path.
            const double r = b.flows[a];
            residues = true;
            residue_[g_.from[a]] += r;
            addFlow(b, a, -r);
            b.flows[a] = 0.0;
            for (int32_t l = min_pred_[g_.to[a]]; l >= 0; l = min_pred_[g_.from[l]]) addFlow(b, l, r);
          }
        }
      }
      if (residues) withdrawResidues(k);
      labels(k);  // pruning keeps the order valid and can only lower W
      bool added = false;
      for (int32_t a = 0; a < g_.links; ++a) {
        if (b.in_bush[a]) continue;
        const int32_t i = g_.from[a], j = g_.to[a];
        if (pos_[i] < 0 || pos_[j] < 0 || j == b.origin) continue;
        if (i != b.origin && !g_.isThru(i)) continue;  // zones are never passed through
        if (!isOpen(a)) continue;                      // closed links never enter a bush
        if (W_[i] + cost_[a] < W_[j] - 1e-14 * std::abs(W_[j])) {
          b.in_bush[a] = 1;
          added = true;
        }
      }
      if (!added) break;
      topologicalOrder(k);
    }
  }

  void addFlow(OriginBush& b, int32_t l, double delta) {
    b.flows[l] += delta;
    x_[l] = std::max(0.0, x_[l] + delta);
    cost_[l] = model_.cost(l, x_[l]);
    deriv_[l] = model_.derivative(l, x_[l]);
  }

  // Takes residue_[v] off the flow arriving at each node v, back to the origin, in reverse
  // topological order, from each in-link in proportion to its flow (the residues' own upstream
  // paths, as far as the bush's flows tell them apart). Clears residue_.
  void withdrawResidues(size_t k) {
    OriginBush& b = bushes_[k];
    const std::vector<int32_t>& order = orders_[k];
    for (size_t i = order.size(); i-- > 1;) {
      const int32_t v = order[i];
      double take = residue_[v];
      if (take == 0.0) continue;
      residue_[v] = 0.0;
      double inflow = 0.0;
      for (int32_t e = g_.in_offset[v]; e < g_.in_offset[v + 1]; ++e) {
        const int32_t a = g_.in_links[e];
        if (b.in_bush[a] && b.flows[a] > 0.0) inflow += b.flows[a];
      }
      if (!(inflow > 0.0)) continue;  // nothing arrives: the residue was rounding of rounding
      take = std::min(take, inflow);
      for (int32_t e = g_.in_offset[v]; e < g_.in_offset[v + 1]; ++e) {
        const int32_t a = g_.in_links[e];
        if (!b.in_bush[a] || !(b.flows[a] > 0.0)) continue;
        const double part = std::min(b.flows[a], take * (b.flows[a] / inflow));
        addFlow(b, a, -part);
        if (b.flows[a] < 0.0) b.flows[a] = 0.0;
        residue_[g_.from[a]] += part;
      }
    }
    residue_[b.origin] = 0.0;
  }

  bool isOpen(int32_t a) const { return !base_.network_.links[a].closed; }

  // One sweep of Newton flow shifts over the bush; returns the largest U − L seen before it.
  double shiftSweep(size_t k) {
    const double worst = labels(k);
    if (worst <= 0.0) return worst;
    OriginBush& b = bushes_[k];
    const std::vector<int32_t>& order = orders_[k];
    for (size_t i = order.size(); i-- > 1;) {
      const int32_t j = order[i];
      const int32_t top_max = max_pred_[j];
      if (top_max < 0 || top_max == min_pred_[j]) continue;
      if (U_[j] - L_[j] <= 1e-15 * U_[j]) continue;
      // Walk both segments back to where they diverge: the node further down the topological
      // order steps back first, so both walks meet at the last common node.
      seg_min_.assign(1, min_pred_[j]);
      seg_max_.assign(1, top_max);
      int32_t a_node = g_.from[min_pred_[j]], b_node = g_.from[top_max];
      bool broken = false;
      while (a_node != b_node) {
        if (pos_[a_node] > pos_[b_node]) {
          const int32_t l = min_pred_[a_node];
          seg_min_.push_back(l);
          a_node = g_.from[l];
        } else {
          const int32_t l = max_pred_[b_node];
          if (l < 0) {
            broken = true;
            break;
          }
          seg_max_.push_back(l);
          b_node = g_.from[l];
        }
      }
      if (broken) continue;
      KahanSum c_min, c_max;
      double d_sum = 0.0, room = kInfinity;
      for (int32_t l : seg_min_) {
        c_min.add(cost_[l]);
        d_sum += deriv_[l];
      }
      for (int32_t l : seg_max_) {
        c_max.add(cost_[l]);
        d_sum += deriv_[l];
        room = std::min(room, b.flows[l]);
      }
      const double diff = c_max.value() - c_min.value();
      if (!(diff > 0.0) || room <= 0.0) continue;
      double delta = d_sum > 0.0 ? diff / d_sum : room;
      // A shift that would leave a residue below flow_epsilon_ on the segment's thinnest link
      // moves that residue onto the min-cost segment too, so the link empties exactly.
      if (delta > room || room - delta <= flow_epsilon_) delta = room;
      for (int32_t l : seg_max_) {
        double& f = b.flows[l];
        f = std::max(0.0, f - delta);
        x_[l] = std::max(0.0, x_[l] - delta);
        cost_[l] = model_.cost(l, x_[l]);
        deriv_[l] = model_.derivative(l, x_[l]);
      }
      for (int32_t l : seg_min_) {
        b.flows[l] += delta;
        x_[l] += delta;
        cost_[l] = model_.cost(l, x_[l]);
        deriv_[l] = model_.derivative(l, x_[l]);
      }
    }
    return worst;
  }

  AssignmentResult run(const WarmStart* warm) {
    const auto& origins = base_.demand_.origins;
    bushes_.resize(origins.size());
    orders_.resize(origins.size());
    bool warm_started = false;
    bool bushes_complete = false;  // every origin's bush is built (else the solution has none)
    StopReason stop = StopReason::Converged;
    try {
      if (warm && warm->bushes && warm->bushes->origins.size() == origins.size()) {
        warm_started = true;
        std::vector<uint8_t> rebuild(origins.size(), 0);
        for (size_t k = 0; k < origins.size(); ++k) {
          const OriginBush& old = warm->bushes->origins[k];
          OriginBush& b = bushes_[k];
          b = old;
          b.in_bush.resize(static_cast<size_t>(g_.links), 0);
          b.flows.resize(static_cast<size_t>(g_.links), 0.0);
          if (old.origin != origins[k].origin ||
              (k < warm->origin_changed.size() && warm->origin_changed[k])) {
            rebuild[k] = 1;
          }
          for (int32_t a = 0; a < g_.links; ++a) {
            if (b.in_bush[a] && !isOpen(a)) rebuild[k] = 1;
          }
          for (int32_t a = 0; a < g_.links; ++a) x_[a] += b.flows[a];
        }
        updateCosts();
        bushes_complete = true;  // every bush is sized; rebuilt ones stay consistent between origins
        for (size_t k = 0; k < origins.size(); ++k) {
          base_.poll();
          if (rebuild[k]) {
            dropBush(k);
            initBush(k);
          } else {
            topologicalOrder(k);
          }
        }
      } else {
        updateCosts();
        for (size_t k = 0; k < origins.size(); ++k) {
          base_.poll();
          initBush(k);
        }
        bushes_complete = true;
      }
      recomputeTotals();
      const IterationReport initial = base_.evaluate(x_, 0, nullptr);
      inner_tolerance_ = std::max(1e-14, 1e-3 * initial.relative_gap * averageCost(initial));
      bool done = base_.record(initial, stop);
      for (int it = 1; !done; ++it) {
        bool interrupted = false;
        for (size_t k = 0; k < origins.size() && !interrupted; ++k) {
          base_.poll();
          improveBush(k);
          shiftSweep(k);
          interrupted = base_.outOfTime();
        }
        // Further sweeps without bush changes: cheap, and they equilibrate the bushes we have.
        for (int pass = 0; pass < base_.options_.bush_inner_iterations && !interrupted; ++pass) {
          double worst = 0.0;
          for (size_t k = 0; k < origins.size(); ++k) {
            base_.poll();
            worst = std::max(worst, shiftSweep(k));
          }
          interrupted = base_.outOfTime();
          if (worst <= inner_tolerance_) break;
        }
        recomputeTotals();
        IterationReport report = base_.evaluate(x_, it, nullptr);
        // The inner sweeps stop once path cost differences inside bushes are this small; tie it to
        // the gap reached so early iterations do not over-solve bushes that will change.
        inner_tolerance_ = std::max(1e-14, 1e-3 * report.relative_gap * averageCost(report));
        done = base_.record(report, stop);
        if (!done && base_.cancelled()) {
          stop = StopReason::Cancelled;
          done = true;
        }
      }
    } catch (const SolveCancelled&) {
      // Polled between origins, so every bush is consistent; the totals are summed afresh.
      stop = StopReason::Cancelled;
      if (bushes_complete) recomputeTotals();
    }
    AssignmentResult result = base_.finish(x_, stop);
    if (bushes_complete) {
      auto solution = std::make_shared<BushSolution>();
      solution->origins = std::move(bushes_);
      result.bushes = std::move(solution);
    }
    result.warm_started = warm_started;
    return result;
  }

  double averageCost(const IterationReport& r) const {
    const double total = base_.demand_.total();
    return total > 0.0 ? r.sptt / total : 1.0;
  }

 private:
  SolverBase& base_;
  const Graph& g_;
  const CostModel& model_;
  std::vector<OriginBush> bushes_;
  std::vector<std::vector<int32_t>> orders_;
  std::vector<double> x_, cost_, deriv_, L_, U_, W_, residue_;
  std::vector<int32_t> min_pred_, max_pred_, pos_, indegree_, seg_min_, seg_max_;
  double flow_epsilon_ = 0.0;
  double inner_tolerance_ = kInfinity;
};

}  // namespace

AssignmentResult solveAlgorithmB(const Network& network, const Demand& demand, const SolverOptions& options,
                                 const WarmStart* warm) {
  SolverBase base(network, demand, options);
  BushSolver solver(base);
  return solver.run(warm);
}

}  // namespace routescope::traffic::detail
