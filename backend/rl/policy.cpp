#include "backend/rl/internal/policy.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace routescope::rl {

torch::nn::Linear orthogonalLinear(int64_t in, int64_t out, double gain) {
  torch::nn::Linear linear(in, out);
  torch::NoGradGuard no_grad;
  torch::nn::init::orthogonal_(linear->weight, gain);
  torch::nn::init::constant_(linear->bias, 0.0);
  return linear;
}

namespace {

torch::nn::Sequential mlp(int64_t in, int64_t hidden, int64_t layers, int64_t out, double head_gain) {
  torch::nn::Sequential net;
  int64_t width = in;
  for (int64_t l = 0; l < layers; ++l) {
    net->push_back(orthogonalLinear(width, hidden, std::sqrt(2.0)));
    net->push_back(torch::nn::Tanh());
    width = hidden;
  }
  net->push_back(orthogonalLinear(width, out, head_gain));
  return net;
}

}  // namespace

MlpActorCritic::MlpActorCritic(int64_t observation_size, const ActionSpace& space, int64_t hidden,
                               int64_t layers, int64_t value_heads, double initial_log_std) {
  const bool discrete = space.kind == ActionSpace::Kind::Discrete;
  const int64_t outputs = discrete ? space.count : space.size();
  // Critic first: the same seed gives the same initial weights as the PyTorch reference, which
  // builds its critic before its actor.
  critic_ = register_module("critic", mlp(observation_size, hidden, layers, value_heads, 1.0));
  actor_ = register_module("actor", mlp(observation_size, hidden, layers, outputs, 0.01));
  if (!discrete) log_std_ = register_parameter("log_std", torch::full({outputs}, initial_log_std));
}

torch::Tensor MlpActorCritic::actionParameters(const torch::Tensor& observations) {
  return actor_->forward(observations);
}

torch::Tensor MlpActorCritic::values(const torch::Tensor& observations) {
  return critic_->forward(observations);
}

torch::Tensor maskLogits(const torch::Tensor& logits, const torch::Tensor& mask) {
  const auto lowest = torch::full({}, std::numeric_limits<float>::lowest(), logits.options());
  return torch::where(mask, logits, lowest);
}

torch::Tensor categoricalLogProb(const torch::Tensor& masked_logits, const torch::Tensor& actions) {
  return torch::log_softmax(masked_logits, -1).gather(-1, actions.unsqueeze(-1)).squeeze(-1);
}

torch::Tensor categoricalEntropy(const torch::Tensor& masked_logits) {
  const auto log_p = torch::log_softmax(masked_logits, -1);
  // Masked entries have p = 0 exactly; their p·log p is taken as 0 (not 0 · −3.4e38).
  const auto p_log_p = torch::where(log_p.exp() > 0, log_p.exp() * log_p, torch::zeros_like(log_p));
  return -p_log_p.sum(-1);
}

torch::Tensor gaussianLogProb(const torch::Tensor& mean, const torch::Tensor& log_std,
                              const torch::Tensor& actions) {
  const auto z = (actions - mean) * torch::exp(-log_std);
  const double half_log_two_pi = 0.5 * std::log(2.0 * std::numbers::pi);
  return (-0.5 * z * z - log_std - half_log_two_pi).sum(-1);
}

torch::Tensor gaussianEntropy(const torch::Tensor& mean, const torch::Tensor& log_std) {
  const double half_log_two_pi_e = 0.5 + 0.5 * std::log(2.0 * std::numbers::pi);
  return (log_std + half_log_two_pi_e).expand_as(mean).sum(-1);
}

}  // namespace routescope::rl
