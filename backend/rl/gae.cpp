#include "backend/rl/gae.h"

#include "backend/core/error.h"

namespace routescope::rl {

GaeOutput computeGae(const GaeInput& in) {
  const size_t t_count = in.steps, n = in.copies, total = t_count * n;
  if (in.rewards.size() != total || in.values.size() != total || in.done.size() != total ||
      in.bootstrap.size() != total || in.last_values.size() != n) {
    throw core::Error("GAE: buffer sizes do not match steps × copies");
  }
  GaeOutput out;
  out.advantages.assign(total, 0.0f);
  out.returns.assign(total, 0.0f);
  const double gamma = in.gamma, lambda = in.lambda;
  for (size_t i = 0; i < n; ++i) {
    double running = 0.0;
    for (size_t t = t_count; t-- > 0;) {
      const size_t k = t * n + i;
      const double next_value = t + 1 == t_count ? in.last_values[i] : in.values[k + n];
      double delta, carry;
      if (in.episodic) {
        const double not_done = in.done[k] ? 0.0 : 1.0;
        delta = in.rewards[k] + gamma * (next_value * not_done + in.bootstrap[k]) - in.values[k];
        carry = gamma * lambda * not_done;
      } else {
        delta = in.rewards[k] + gamma * next_value - in.values[k];
        carry = gamma * lambda;
      }
      running = delta + carry * running;
      out.advantages[k] = static_cast<float>(running);
      out.returns[k] = static_cast<float>(running + in.values[k]);
    }
  }
  return out;
}

}  // namespace routescope::rl
