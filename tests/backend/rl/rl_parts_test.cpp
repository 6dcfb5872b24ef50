// The parts of backend/rl against hand-computed cases: GAE with a truncation in the middle, the
// masked categorical (zero probability and zero gradient), the Gaussian log-density, running
// statistics, the reference environments' dynamics and the masked grid's closed-form optimum.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <deque>
#include <limits>
#include <numbers>
#include <set>
#include <sstream>

#include "backend/rl/envs/cartpole.h"
#include "backend/rl/envs/masked_grid.h"
#include "backend/rl/envs/pendulum.h"
#include "backend/rl/envs/reference_envs.h"
#include "backend/rl/gae.h"
#include "backend/rl/internal/policy.h"
#include "backend/rl/running_stats.h"
#include "backend/rl/vector_env.h"

namespace rl = routescope::rl;

namespace {

// One copy, four steps; the episode is truncated after step 1 (bootstrapped from V = 5), a new
// one starts at step 2. γ = 0.9, λ = 0.8, r = 1 throughout, V(s_t) = (1, 2, 3, 4), V(s_4) = 6.
// Backwards by hand (δ_t = r_t + γ·(V_{t+1}·(1 − done_t) + boot_t) − V_t, A_t = δ_t + γλ(1 − done_t)A_{t+1}):
//   t=3: δ = 1 + 0.9·6 − 4 = 2.4;                       A3 = 2.4
//   t=2: δ = 1 + 0.9·4 − 3 = 1.6;                       A2 = 1.6 + 0.72·2.4 = 3.328
//   t=1: done, boot 5: δ = 1 + 0.9·5 − 2 = 3.5;         A1 = 3.5 (no carry over the episode end)
//   t=0: δ = 1 + 0.9·2 − 1 = 1.8;                       A0 = 1.8 + 0.72·3.5 = 4.32
TEST(Gae, HandComputedCaseWithTruncationInTheMiddle) {
  const std::vector<float> rewards{1, 1, 1, 1}, values{1, 2, 3, 4}, bootstrap{0, 5, 0, 0}, last{6};
  const std::vector<uint8_t> done{0, 1, 0, 0};
  rl::GaeInput in{4, 1, rewards, values, done, bootstrap, last, 0.9, 0.8, true};
  const auto out = rl::computeGae(in);
  const std::vector<float> expected{4.32f, 3.5f, 3.328f, 2.4f};
  for (size_t t = 0; t < 4; ++t) {
    EXPECT_NEAR(out.advantages[t], expected[t], 1e-5) << "t=" << t;
    EXPECT_NEAR(out.returns[t], expected[t] + values[t], 1e-5) << "t=" << t;
  }
}

// A terminated episode (no bootstrap) and a non-episodic stream that runs across the end:
// non-episodic, same numbers: t=1: δ = 1 + 0.9·3 − 2 = 1.7, A1 = 1.7 + 0.72·A2 = 1.7 + 0.72·3.328.
TEST(Gae, TerminationStopsTheCarryButANonEpisodicStreamRunsOn) {
  const std::vector<float> rewards{1, 1, 1, 1}, values{1, 2, 3, 4}, none{0, 0, 0, 0}, last{6};
  const std::vector<uint8_t> done{0, 1, 0, 0};
  rl::GaeInput in{4, 1, rewards, values, done, none, last, 0.9, 0.8, true};
  EXPECT_NEAR(rl::computeGae(in).advantages[1], 1.0 - 2.0, 1e-6);  // terminal: δ = r − V
  in.episodic = false;
  const auto out = rl::computeGae(in);
  EXPECT_NEAR(out.advantages[2], 3.328, 1e-5);
  EXPECT_NEAR(out.advantages[1], 1.7 + 0.72 * 3.328, 1e-5);
}

TEST(Gae, ColumnsAreCopiesAndSizesAreChecked) {
  // Two copies interleaved [t × N]: copy 1 gets twice the reward, so twice the advantage.
  const std::vector<float> rewards{1, 2, 1, 2}, values{0, 0, 0, 0}, none{0, 0, 0, 0}, last{0, 0};
  const std::vector<uint8_t> done{0, 0, 0, 0};
  const auto out = rl::computeGae({2, 2, rewards, values, done, none, last, 0.5, 1.0, true});
  EXPECT_NEAR(out.advantages[0], 1.5, 1e-6);
  EXPECT_NEAR(out.advantages[1], 3.0, 1e-6);
  EXPECT_THROW(rl::computeGae({3, 2, rewards, values, done, none, last, 0.5, 1.0, true}), std::exception);
}

TEST(MaskedCategorical, MaskedActionsGetZeroProbabilityAndZeroGradient) {
  auto logits = torch::tensor({{2.0f, -1.0f, 0.5f, 3.0f}}).requires_grad_(true);
  const auto mask = torch::tensor({{true, false, true, false}});
  const auto masked = rl::maskLogits(logits, mask);
  const auto probs = torch::softmax(masked, -1);
  EXPECT_EQ(probs[0][1].item<float>(), 0.0f);
  EXPECT_EQ(probs[0][3].item<float>(), 0.0f);
  EXPECT_NEAR(probs[0][0].item<float>(), 1.0 / (1.0 + std::exp(-1.5)), 1e-6);
  const auto entropy = rl::categoricalEntropy(masked);
  EXPECT_TRUE(std::isfinite(entropy.item<float>()));
  const auto loss = rl::categoricalLogProb(masked, torch::tensor({0}, torch::kLong)).sum() + entropy.sum();
  loss.backward();
  const auto grad = logits.grad();
  EXPECT_EQ(grad[0][1].item<float>(), 0.0f);
  EXPECT_EQ(grad[0][3].item<float>(), 0.0f);
  EXPECT_NE(grad[0][0].item<float>(), 0.0f);
}

TEST(Gaussian, LogDensityAndEntropyMatchTheClosedForm) {
  const auto mean = torch::tensor({{0.5f, -1.0f}});
  const auto log_std = torch::tensor({std::log(2.0f), 0.0f});
  const auto action = torch::tensor({{1.5f, 0.0f}});
  // N(1.5; 0.5, 2²) · N(0; −1, 1): log = −½(0.5²) − ln 2 − ½ln 2π − ½(1²) − ½ln 2π
  const double expected = -0.125 - std::log(2.0) - 0.5 - std::log(2 * std::numbers::pi);
  EXPECT_NEAR(rl::gaussianLogProb(mean, log_std, action).item<float>(), expected, 1e-5);
  const double entropy = std::log(2.0) + 2 * (0.5 + 0.5 * std::log(2 * std::numbers::pi));
  EXPECT_NEAR(rl::gaussianEntropy(mean, log_std).item<float>(), entropy, 1e-5);
}

TEST(Initialisation, OrthogonalLinearHasOrthonormalRowsTimesGain) {
  torch::manual_seed(3);
  const auto linear = rl::orthogonalLinear(8, 4, std::sqrt(2.0));
  const auto w = linear->weight.detach();
  EXPECT_TRUE(torch::allclose(w.mm(w.t()), 2.0 * torch::eye(4), 1e-4, 1e-5));
  EXPECT_EQ(linear->bias.abs().sum().item<float>(), 0.0f);
}

TEST(RunningStats, TwoBatchesGiveTheMomentsOfTheirUnion) {
  rl::RunningMeanStd stats(1);
  const std::vector<float> a{1, 2, 3}, b{10, 20};
  stats.update(std::span<const float>(a), 3);
  stats.update(std::span<const float>(b), 2);
  // Union {1,2,3,10,20}: mean 36/5 = 7.2, population variance 514/5 − 7.2² = 50.96 (the 1e-4
  // prior count is negligible).
  EXPECT_NEAR(stats.mean()[0], 7.2, 1e-3);
  EXPECT_NEAR(stats.variance()[0], 50.96, 1e-2);
  rl::RunningMeanStd copy(1);
  copy.fromJson(stats.toJson());
  EXPECT_EQ(copy.mean(), stats.mean());
  EXPECT_EQ(copy.variance(), stats.variance());
  rl::RunningMeanStd wrong(2);
  EXPECT_THROW(wrong.fromJson(stats.toJson()), std::exception);
}

TEST(CartPole, OneStepFromRestMatchesTheClassicEquations) {
  rl::CartPole env;
  std::vector<float> obs(4);
  env.reset(7, obs);
  // Put the pole at rest upright via the state stream: x, ẋ, θ, θ̇ = 0.
  std::stringstream state;
  env.saveState(state);
  std::string bytes = state.str();
  const size_t tail = 4 * sizeof(double) + sizeof(int);
  std::fill(bytes.end() - static_cast<std::ptrdiff_t>(tail), bytes.end(), '\0');
  std::stringstream zeroed(bytes);
  env.loadState(zeroed);
  const double push[] = {1.0};
  const auto r = env.step(push, obs);
  // θ̈ = −F/M / (l(4/3 − m/M)) with F = 10, M = 1.1, m = 0.1, l = 0.5; ẍ = F/M − m·l·θ̈/M.
  const double theta_acc = (-(10.0 / 1.1)) / (0.5 * (4.0 / 3.0 - 0.1 / 1.1));
  const double x_acc = 10.0 / 1.1 - 0.05 * theta_acc / 1.1;
  EXPECT_NEAR(obs[1], 0.02 * x_acc, 1e-6);
  EXPECT_NEAR(obs[3], 0.02 * theta_acc, 1e-6);
  EXPECT_EQ(obs[0], 0.0f);
  EXPECT_EQ(r.reward, 1.0);
  EXPECT_FALSE(r.terminated);
}

TEST(CartPole, TerminatesPastTwelveDegreesAndTruncatesAt500) {
  rl::CartPole env;
  std::vector<float> obs(4);
  env.reset(1, obs);
  const double left[] = {0.0};
  int steps = 0;
  rl::StepResult r;
  do {
    r = env.step(left, obs);
    ++steps;
  } while (!r.terminated && !r.truncated);
  EXPECT_TRUE(r.terminated);  // always pushing left topples the pole
  EXPECT_TRUE(std::abs(obs[2]) > 12.0 * std::numbers::pi / 180.0 || std::abs(obs[0]) > 2.4);
  EXPECT_LT(steps, 100);
}

TEST(Pendulum, RewardAndDynamicsOfOneStep) {
  rl::Pendulum env;
  std::vector<float> obs(3);
  env.reset(5, obs);
  const double theta = std::atan2(obs[1], obs[0]), theta_dot = obs[2];
  const double torque[] = {5.0};  // clipped to 2
  const auto r = env.step(torque, obs);
  EXPECT_NEAR(r.reward, -(theta * theta + 0.1 * theta_dot * theta_dot + 0.001 * 4.0), 1e-5);
  const double new_dot = theta_dot + (3 * 10.0 / 2.0 * std::sin(theta) + 3.0 * 2.0) * 0.05;
  EXPECT_NEAR(obs[2], std::clamp(new_dot, -8.0, 8.0), 1e-5);
  EXPECT_FALSE(r.terminated);
}

// Breadth-first search over the grid with its masks confirms the closed form (11 steps).
TEST(MaskedGrid, HalfTheActionsAreMaskedAndTheClosedFormOptimumIsTheShortestPath) {
  EXPECT_EQ(rl::MaskedGrid::optimalSteps(), 11);
  constexpr int n = rl::MaskedGrid::kSize;
  std::vector<int> distance(n * n, -1);
  std::deque<std::pair<int, int>> queue{{0, 0}};
  distance[0] = 0;
  while (!queue.empty()) {
    const auto [x, y] = queue.front();
    queue.pop_front();
    int valid = 0;
    for (int a = 0; a < rl::MaskedGrid::kActions; ++a) {
      if (!rl::MaskedGrid::valid(x, a)) continue;
      ++valid;
      const int nx = x + rl::MaskedGrid::dx(a), ny = y + rl::MaskedGrid::dy(a);
      if (nx < 0 || ny < 0 || nx >= n || ny >= n || distance[ny * n + nx] >= 0) continue;
      distance[ny * n + nx] = distance[y * n + x] + 1;
      queue.emplace_back(nx, ny);
    }
    EXPECT_EQ(valid, 4);
  }
  EXPECT_EQ(distance[n * n - 1], rl::MaskedGrid::optimalSteps());

  rl::MaskedGrid env;
  std::vector<float> obs(n * n);
  std::vector<uint8_t> mask(8);
  env.reset(0, obs);
  env.actionMask(mask);
  EXPECT_EQ((std::vector<uint8_t>{1, 0, 1, 0, 1, 0, 1, 0}), mask);  // column 0: orthogonal moves only
  const double diagonal[] = {1.0};
  const auto r = env.step(diagonal, obs);
  EXPECT_EQ(r.info.at("masked_action"), 1.0);
  EXPECT_EQ(obs[0], 1.0f);  // did not move
}

TEST(VectorEnv, AutoResetKeepsTheFinalObservation) {
  rl::VectorEnv envs(rl::referenceEnvironment("cartpole"), 2, 11);
  const std::vector<double> left{0.0, 0.0};
  bool ended = false;
  for (int t = 0; t < 200 && !ended; ++t) {
    envs.step(left);
    for (int i = 0; i < 2; ++i) {
      if (!envs.terminated()[static_cast<size_t>(i)]) continue;
      ended = true;
      const auto final_obs = envs.finalObservation(i);
      const auto current = envs.observations().subspan(static_cast<size_t>(i) * 4, 4);
      EXPECT_GT(std::abs(final_obs[2]), 0.2f);  // toppled
      EXPECT_LT(std::abs(current[2]), 0.051f);  // a fresh start
      ASSERT_EQ(envs.finished().size(), 1u + (envs.terminated()[static_cast<size_t>(1 - i)] ? 1u : 0u));
      EXPECT_GT(envs.finished()[0].length, 1);
    }
  }
  EXPECT_TRUE(ended);
  EXPECT_THROW(rl::referenceEnvironment("mountaincar"), std::exception);
}

}  // namespace
