#include "backend/traffic/link_cost.h"

#include <cmath>

#include "backend/traffic/numeric.h"

namespace routescope::traffic {

CostModel::CostModel(const Network& network, CostOptions options) : options_(options) {
  const size_t m = network.links.size();
  fftt_.resize(m);
  alpha_.resize(m);
  p_.resize(m);
  constant_.resize(m);
  ip_.resize(m);
  for (size_t a = 0; a < m; ++a) {
    const Link& l = network.links[a];
    fftt_[a] = l.free_flow_time;
    p_[a] = l.power;
    // fftt · b / c^p, so t(x) = fftt + alpha · x^p.
    alpha_[a] = l.b == 0.0 ? 0.0 : l.free_flow_time * l.b / std::pow(l.capacity, l.power);
    constant_[a] = options.toll_factor * l.toll + options.distance_factor * l.length;
    const double r = std::round(l.power);
    ip_[a] = (r == l.power && r >= 0.0 && r <= 4.0) ? static_cast<int>(r) : -1;
  }
}

double CostModel::derivative(int32_t a, double x) const {
  const double p = p_[a];
  if (p == 0.0 || alpha_[a] == 0.0) return 0.0;
  const double scale = options_.system_optimum ? (p + 1.0) * p : p;
  if (x <= 0.0) return p == 1.0 ? scale * alpha_[a] : 0.0;
  double xp1;  // x^(p-1)
  switch (ip_[a]) {
    case 1:
      xp1 = 1.0;
      break;
    case 2:
      xp1 = x;
      break;
    case 3:
      xp1 = x * x;
      break;
    case 4:
      xp1 = x * x * x;
      break;
    default:
      xp1 = std::pow(x, p - 1.0);
  }
  return scale * alpha_[a] * xp1;
}

void CostModel::costs(std::span<const double> flows, std::span<double> out) const {
  for (size_t a = 0; a < fftt_.size(); ++a) out[a] = cost(static_cast<int32_t>(a), flows[a]);
}

void CostModel::derivatives(std::span<const double> flows, std::span<double> out) const {
  for (size_t a = 0; a < fftt_.size(); ++a) out[a] = derivative(static_cast<int32_t>(a), flows[a]);
}

FlowTotals flowTotals(const CostModel& model, std::span<const double> flows) {
  KahanSum tstt, beckmann, solver;
  for (int32_t a = 0; a < model.links(); ++a) {
    const double x = flows[static_cast<size_t>(a)];
    if (x == 0.0) continue;
    tstt.add(x * model.userCost(a, x));
    beckmann.add(model.beckmannTerm(a, x));
    solver.add(x * model.cost(a, x));
  }
  return {tstt.value(), beckmann.value(), solver.value()};
}

}  // namespace routescope::traffic
