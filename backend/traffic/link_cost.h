#pragma once
// Link cost functions: BPR travel time t(x) = fftt · (1 + b · (x / capacity)^power) plus a constant
// generalised part toll_factor · toll + distance_factor · length. In system-optimum mode the
// solvers see marginal costs t(x) + x · t'(x) instead, which turns the UE machinery into an SO
// solver (the Beckmann objective of marginal costs is the total system travel time).

#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "backend/traffic/network.h"

namespace routescope::traffic {

struct CostOptions {
  double toll_factor = 0.0;      // minutes per toll unit (Chicago Sketch: 0.02 min/cent)
  double distance_factor = 0.0;  // minutes per length unit (Chicago Sketch: 0.04 min/mile)
  bool system_optimum = false;
};

class CostModel {
 public:
  // Throws core::Error, naming the link and field, when a cost could be negative or not finite:
  // a negative or non-finite toll, length, free-flow time, b, power or capacity (networks edited
  // in code, such as what-if edits, are not checked by the file readers), a capacity of 0 with
  // b > 0, or a negative or non-finite toll or distance factor.
  CostModel(const Network& network, CostOptions options);

  int32_t links() const { return static_cast<int32_t>(fftt_.size()); }
  const CostOptions& options() const { return options_; }
  // BPR travel time only (no toll or distance).
  double travelTime(int32_t a, double x) const { return fftt_[a] + alpha_[a] * power(a, x); }
  // Generalised cost a traveller experiences: travel time + constant part.
  double userCost(int32_t a, double x) const { return travelTime(a, x) + constant_[a]; }
  // The cost the solver equilibrates: userCost (UE) or its marginal cost (SO).
  double cost(int32_t a, double x) const {
    return fftt_[a] + (options_.system_optimum ? (p_[a] + 1.0) : 1.0) * alpha_[a] * power(a, x) +
           constant_[a];
  }
  // d cost / d x.
  double derivative(int32_t a, double x) const;
  // ∫0^x userCost: the link's share of the Beckmann objective.
  double beckmannTerm(int32_t a, double x) const {
    return (fftt_[a] + constant_[a]) * x + alpha_[a] * power(a, x) * x / (p_[a] + 1.0);
  }

  void costs(std::span<const double> flows, std::span<double> out) const;
  void derivatives(std::span<const double> flows, std::span<double> out) const;

 private:
  // x^p with a multiply-only path for the small integer powers every TNTP file uses.
  double power(int32_t a, double x) const {
    if (x <= 0.0) return p_[a] == 0.0 ? 1.0 : 0.0;
    switch (ip_[a]) {
      case 0:
        return 1.0;
      case 1:
        return x;
      case 2:
        return x * x;
      case 3:
        return x * x * x;
      case 4: {
        const double x2 = x * x;
        return x2 * x2;
      }
      default:
        return std::pow(x, p_[a]);
    }
  }

  CostOptions options_;
  std::vector<double> fftt_, alpha_, p_, constant_;
  std::vector<int> ip_;  // integer power 0..4, or -1 for the general case
};

// Totals of one flow pattern (Kahan sums).
struct FlowTotals {
  double tstt = 0.0;          // Σ x · userCost(x)
  double beckmann = 0.0;      // Σ ∫ userCost
  double solver_total = 0.0;  // Σ x · cost(x) (equals tstt in UE mode)
};
FlowTotals flowTotals(const CostModel& model, std::span<const double> flows);

}  // namespace routescope::traffic
