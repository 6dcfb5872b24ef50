// The link-based solvers: MSA, Frank-Wolfe with exact line search, and the conjugate and
// bi-conjugate Frank-Wolfe directions of Mitradjieva & Lindberg (2013), "The stiff is moving —
// conjugate direction Frank-Wolfe methods with applications to traffic assignment".
#include <algorithm>
#include <cmath>

#include "backend/traffic/numeric.h"
#include "backend/traffic/solver_common.h"

namespace routescope::traffic::detail {
namespace {

// Exact line search: the step τ ∈ [0, 1] where the directional derivative of the objective,
// g(τ) = Σ cost_a(x_a + τ d_a) · d_a, is zero. g is increasing (costs are), so Newton steps
// safeguarded by bisection converge to machine precision in a few evaluations.
double lineSearch(const CostModel& model, std::span<const double> x, std::span<const double> d,
                  std::vector<int32_t>& active) {
  active.clear();
  for (size_t a = 0; a < d.size(); ++a) {
    if (d[a] != 0.0) active.push_back(static_cast<int32_t>(a));
  }
  const auto g = [&](double tau, double* slope) {
    KahanSum value;
    double s = 0.0;
    for (int32_t a : active) {
      const double flow = x[a] + tau * d[a];
      value.add(model.cost(a, flow) * d[a]);
      if (slope) s += model.derivative(a, flow) * d[a] * d[a];
    }
    if (slope) *slope = s;
    return value.value();
  };
  if (g(0.0, nullptr) >= 0.0) return 0.0;
  if (g(1.0, nullptr) <= 0.0) return 1.0;
  double lo = 0.0, hi = 1.0, tau = 0.5;
  for (int k = 0; k < 100 && hi - lo > 1e-15; ++k) {
    double slope = 0.0;
    const double value = g(tau, &slope);
    if (value == 0.0) return tau;
    (value < 0.0 ? lo : hi) = tau;
    double next = slope > 0.0 ? tau - value / slope : 0.5 * (lo + hi);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    tau = next;
  }
  return 0.5 * (lo + hi);
}

// Σ u_a · h_a · v_a: the inner product in the metric of the (diagonal) Hessian.
double hdot(std::span<const double> h, std::span<const double> u, std::span<const double> v) {
  KahanSum s;
  for (size_t a = 0; a < h.size(); ++a) s.add(u[a] * h[a] * v[a]);
  return s.value();
}

}  // namespace

AssignmentResult solveFrankWolfeFamily(const Network& network, const Demand& demand,
                                       const SolverOptions& options, const WarmStart* warm) {
  SolverBase base(network, demand, options);
  const size_t m = network.links.size();
  std::vector<double> x(m, 0.0), y(m, 0.0), s(m), s_prev(m), s_prev2(m), d(m), h(m), a(m), p(m), q(m), r(m);
  std::vector<int32_t> active;
  bool warm_started = false;
  StopReason stop = StopReason::Converged;
  try {
    if (warm && !warm->link_flows.empty()) {
      std::copy_n(warm->link_flows.begin(), std::min(m, warm->link_flows.size()), x.begin());
      for (size_t k = 0; k < m; ++k) {
        if (network.links[k].closed) x[k] = 0.0;
      }
      warm_started = true;
    } else {
      base.evaluate(x, 0, &x);  // all-or-nothing at free-flow costs
    }
    IterationReport report = base.evaluate(x, 0, &y);
    bool done = base.record(report, stop);
    bool have_prev = false, have_prev2 = false;
    double tau_prev = 1.0;
    constexpr double kDelta = 1e-5;  // keeps the conjugate point away from the previous one
    for (int k = 1; !done; ++k) {
      const Algorithm algo = options.algorithm;
      if (algo == Algorithm::Msa) {
        const double step = 1.0 / static_cast<double>(k + 1);
        for (size_t i = 0; i < m; ++i) x[i] += step * (y[i] - x[i]);
      } else {
        // The target point s; the direction is s − x.
        std::copy(y.begin(), y.end(), s.begin());
        const bool conjugate =
            algo == Algorithm::ConjugateFrankWolfe || algo == Algorithm::BiconjugateFrankWolfe;
        if (conjugate && have_prev && tau_prev < 1.0) {
          base.model_.derivatives(x, h);
          for (size_t i = 0; i < m; ++i) {
            a[i] = y[i] - x[i];
            p[i] = s_prev[i] - x[i];
          }
          bool done_direction = false;
          if (algo == Algorithm::BiconjugateFrankWolfe && have_prev2) {
            // d = β0·a + β1·p + β2·q, H-conjugate to the last direction (∥ p) and the one before
            // (∥ r = (1 − τ)·q + τ·p); solved with β0 = 1, then scaled so the βs sum to one.
            for (size_t i = 0; i < m; ++i) {
              q[i] = s_prev2[i] - x[i];
              r[i] = (1.0 - tau_prev) * q[i] + tau_prev * p[i];
            }
            const double pp = hdot(h, p, p), qp = hdot(h, q, p), ap = hdot(h, a, p);
            const double pr = hdot(h, p, r), qr = hdot(h, q, r), ar = hdot(h, a, r);
            const double det = pp * qr - qp * pr;
            if (std::abs(det) > 1e-300) {
              double b1 = (-ap * qr + ar * qp) / det;
              double b2 = (-pp * ar + pr * ap) / det;
              const double sum = 1.0 + b1 + b2;
              if (sum > 0.0) {
                const double b0 = 1.0 / sum;
                b1 /= sum;
                b2 /= sum;
                if (b1 >= 0.0 && b2 >= 0.0 && b0 >= kDelta) {
                  for (size_t i = 0; i < m; ++i) s[i] = b0 * y[i] + b1 * s_prev[i] + b2 * s_prev2[i];
                  done_direction = true;
                }
              }
            }
          }
          if (!done_direction) {
            // Conjugate FW: s = α·s_prev + (1 − α)·y with (s − x) H-conjugate to (s_prev − x).
            const double num = hdot(h, p, a);
            for (size_t i = 0; i < m; ++i) q[i] = y[i] - s_prev[i];
            const double den = hdot(h, p, q);
            double alpha = den != 0.0 ? num / den : 0.0;
            alpha = std::clamp(alpha, 0.0, 1.0 - kDelta);
            for (size_t i = 0; i < m; ++i) s[i] = alpha * s_prev[i] + (1.0 - alpha) * y[i];
          }
        }
        for (size_t i = 0; i < m; ++i) d[i] = s[i] - x[i];
        double tau = lineSearch(base.model_, x, d, active);
        bool restart = false;
        if (tau < 1e-12 && conjugate) {
          // The conjugate point gives (almost) no descent here: take a plain Frank-Wolfe step and
          // forget the old directions, else the method stalls on them.
          std::copy(y.begin(), y.end(), s.begin());
          for (size_t i = 0; i < m; ++i) d[i] = s[i] - x[i];
          tau = lineSearch(base.model_, x, d, active);
          restart = true;
        }
        for (size_t i = 0; i < m; ++i) x[i] += tau * d[i];
        s_prev2.swap(s_prev);
        s_prev.swap(s);
        have_prev2 = have_prev && !restart;
        have_prev = true;
        tau_prev = tau;
      }
      if (base.cancelled()) {
        stop = StopReason::Cancelled;
        break;
      }
      report = base.evaluate(x, k, &y);
      done = base.record(report, stop);
    }
  } catch (const SolveCancelled&) {
    // Cancelled inside an iteration's shortest paths: x is the last iterate (or, before the first
    // report, a partial all-or-nothing load).
    stop = StopReason::Cancelled;
  }
  AssignmentResult result = base.finish(std::move(x), stop);
  result.warm_started = warm_started;
  return result;
}

}  // namespace routescope::traffic::detail
