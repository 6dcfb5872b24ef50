#include "backend/traffic/link_cost.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "backend/core/error.h"
#include "backend/traffic/numeric.h"

namespace routescope::traffic {

namespace {

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", value);
  return text;
}

// Finite and non-negative; `!(x >= 0)` so that NaN is caught too.
bool nonNegative(double x) {
  return std::isfinite(x) && x >= 0.0;
}

}  // namespace

CostModel::CostModel(const Network& network, CostOptions options) : options_(options) {
  // Shortest paths (Dijkstra) and the Beckmann objective need every link cost to be finite and
  // non-negative at every flow. Networks from files are checked by the reader; these checks
  // catch networks edited in code (what-if edits, generated designs) and bad factors.
  const std::string name = network.name.empty() ? "network" : "network " + network.name;
  if (!nonNegative(options.toll_factor)) {
    throw core::Error(name + ": cost option 'toll_factor': " + number(options.toll_factor) +
                      " is negative or not a finite number");
  }
  if (!nonNegative(options.distance_factor)) {
    throw core::Error(name + ": cost option 'distance_factor': " + number(options.distance_factor) +
                      " is negative or not a finite number");
  }
  const size_t m = network.links.size();
  fftt_.resize(m);
  alpha_.resize(m);
  p_.resize(m);
  constant_.resize(m);
  ip_.resize(m);
  for (size_t a = 0; a < m; ++a) {
    const Link& l = network.links[a];
    const auto fail = [&](const std::string& field, double value, const std::string& why) {
      throw core::Error(name + ": link " + std::to_string(a + 1) + " (" + std::to_string(l.from + 1) + "," +
                        std::to_string(l.to + 1) + "): field '" + field + "': " + number(value) + " " + why);
    };
    if (!nonNegative(l.free_flow_time))
      fail("free_flow_time", l.free_flow_time, "is negative or not a finite number");
    if (!nonNegative(l.b)) fail("b", l.b, "is negative or not a finite number");
    if (!nonNegative(l.power)) fail("power", l.power, "is negative or not a finite number");
    if (!nonNegative(l.toll)) fail("toll", l.toll, "is negative or not a finite number");
    if (!nonNegative(l.length)) fail("length", l.length, "is negative or not a finite number");
    if (!nonNegative(l.capacity)) fail("capacity", l.capacity, "is negative or not a finite number");
    fftt_[a] = l.free_flow_time;
    p_[a] = l.power;
    // fftt · b / c^p, so t(x) = fftt + alpha · x^p.
    alpha_[a] = l.b == 0.0 ? 0.0 : l.free_flow_time * l.b / std::pow(l.capacity, l.power);
    if (!nonNegative(alpha_[a]))
      fail("capacity", l.capacity, "makes the BPR term infinite (capacity must be positive when b > 0)");
    constant_[a] = options.toll_factor * l.toll + options.distance_factor * l.length;
    if (!nonNegative(constant_[a])) {
      fail("toll", l.toll,
           "with length " + number(l.length) + " gives a negative or infinite constant cost " +
               number(constant_[a]));
    }
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
