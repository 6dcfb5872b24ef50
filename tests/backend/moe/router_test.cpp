// The RMoE GRU router against a hand-written GRU cell, layer by layer; the linear router's fp32
// logits; the detach ablation.
#include "backend/moe/internal/router.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace rm = routescope::moe;

namespace {

rm::MoeModelConfig gruConfig() {
  rm::MoeModelConfig config;
  config.router = rm::RouterKind::Gru;
  config.layers = 3;
  config.d_model = 16;
  config.experts = 4;
  config.gru_dim = 8;
  return config;
}

struct ManualStep {
  torch::Tensor h, z;
};

// PyTorch's GRUCell equations (gate order r, z, n) written out.
ManualStep manualGru(const torch::nn::GRUCell& cell, const torch::Tensor& x, const torch::Tensor& h) {
  const int64_t p = cell->options.hidden_size();
  auto part = [&](const torch::Tensor& w, int gate) { return w.slice(0, gate * p, (gate + 1) * p); };
  auto bpart = [&](const torch::Tensor& b, int gate) { return b.slice(0, gate * p, (gate + 1) * p); };
  auto r = torch::sigmoid(x.matmul(part(cell->weight_ih, 0).t()) + bpart(cell->bias_ih, 0) +
                          h.matmul(part(cell->weight_hh, 0).t()) + bpart(cell->bias_hh, 0));
  auto z = torch::sigmoid(x.matmul(part(cell->weight_ih, 1).t()) + bpart(cell->bias_ih, 1) +
                          h.matmul(part(cell->weight_hh, 1).t()) + bpart(cell->bias_hh, 1));
  auto n = torch::tanh(x.matmul(part(cell->weight_ih, 2).t()) + bpart(cell->bias_ih, 2) +
                       r * (h.matmul(part(cell->weight_hh, 2).t()) + bpart(cell->bias_hh, 2)));
  return {(1 - z) * n + z * h, z};
}

}  // namespace

TEST(GruRouter, EqualsAManualGruCellLayerByLayer) {
  torch::manual_seed(11);
  const auto config = gruConfig();
  rm::Router router(config);
  torch::NoGradGuard no_grad;
  const int64_t tokens = 5;
  auto h = torch::zeros({tokens, config.gru_dim});  // h_0 = 0
  torch::Tensor previous;
  for (int64_t layer = 0; layer < config.moeLayerCount(); ++layer) {
    auto x = torch::randn({tokens, config.d_model});
    const auto out = router->forward(layer, x, previous, /*want_gate=*/true);
    auto projected =
        x.matmul(router->named_parameters()["projections." + std::to_string(layer) + ".weight"].t());
    const auto step = manualGru(router->gru(), projected, h);
    h = step.h;
    EXPECT_TRUE(torch::allclose(out.state, h, 1e-6, 1e-6)) << "layer " << layer;
    EXPECT_TRUE(torch::allclose(out.logits, h.matmul(router->scoringWeight(layer).t()), 1e-6, 1e-6))
        << "layer " << layer;
    EXPECT_TRUE(torch::allclose(out.update_gate, step.z.mean(-1), 1e-6, 1e-6)) << "layer " << layer;
    EXPECT_EQ(out.logits.scalar_type(), torch::kFloat32);
    previous = out.state;
  }
}

TEST(GruRouter, SharesOneCellAndStartsFromSmallNormalWeights) {
  torch::manual_seed(2);
  auto config = gruConfig();
  config.d_model = 64;
  config.gru_dim = 128;
  rm::Router router(config);
  int cells = 0;
  for (const auto& child : router->named_children()) cells += child.key() == "gru" ? 1 : 0;
  EXPECT_EQ(cells, 1);
  // One GRU for 3 layers: 3·p·p input + 3·p·p hidden weights + 2·3·p biases.
  int64_t gru_parameters = 0;
  for (const auto& p : router->gru()->parameters()) gru_parameters += p.numel();
  EXPECT_EQ(gru_parameters, 2 * 3 * 128 * 128 + 2 * 3 * 128);
  for (const auto& item : router->named_parameters()) {
    const double std = item.value().std().item<double>();
    EXPECT_NEAR(std, 0.02, 0.004) << item.key();
  }
}

TEST(GruRouter, DetachCutsTheGradientBetweenLayers) {
  for (const bool detach : {false, true}) {
    torch::manual_seed(5);
    auto config = gruConfig();
    config.gru_detach = detach;
    rm::Router router(config);
    torch::Tensor state;
    torch::Tensor last;
    for (int64_t layer = 0; layer < config.moeLayerCount(); ++layer) {
      auto out = router->forward(layer, torch::randn({4, config.d_model}), state, false);
      state = out.state;
      last = out.logits;
    }
    last.sum().backward();
    auto first_projection = router->named_parameters()["projections.0.weight"];
    const bool has_gradient =
        first_projection.grad().defined() && first_projection.grad().abs().sum().item<double>() > 0;
    EXPECT_EQ(has_gradient, !detach) << (detach ? "detached" : "attached");
  }
}

TEST(LinearRouter, ScoresInFloat32WithoutBias) {
  rm::MoeModelConfig config;
  config.layers = 2;
  config.d_model = 8;
  config.experts = 4;
  rm::Router router(config);
  EXPECT_FALSE(router->recurrent());
  auto x = torch::randn({3, 8}, torch::kFloat64);
  const auto out = router->forward(1, x.to(torch::kFloat32), {}, false);
  EXPECT_EQ(out.logits.scalar_type(), torch::kFloat32);
  EXPECT_TRUE(torch::allclose(out.logits, x.to(torch::kFloat32).matmul(router->scoringWeight(1).t())));
  EXPECT_FALSE(out.state.defined());
}
