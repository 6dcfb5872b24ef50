// The MoE transformer: shapes, which layers are MoE layers, capacity in train and eval mode,
// checkpoint round trips (identical next-step loss after reloading weights and AdamW state), and
// the loss falling on a learnable toy language.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "backend/moe/internal/checkpoint.h"
#include "backend/moe/internal/moe_transformer.h"
#include "tests/support/cli_runner.h"

namespace rm = routescope::moe;

namespace {

rm::MoeModelConfig smallConfig(rm::RouterKind router) {
  rm::MoeModelConfig config;
  config.vocab = 32;
  config.layers = 2;
  config.d_model = 32;
  config.heads = 2;
  config.ffn = 64;
  config.experts = 4;
  config.top_k = 2;
  config.context = 16;
  config.gru_dim = 16;
  config.router = router;
  return config;
}

// A toy language a small model learns quickly: every sequence counts upwards modulo the vocab
// from a random start, so the next token is fully determined by the current one.
torch::Tensor countingBatch(int64_t batch, int64_t length, int64_t vocab, torch::Generator& generator) {
  auto start = torch::randint(0, vocab, {batch, 1}, generator, torch::kInt64);
  return (start + torch::arange(length, torch::kInt64).unsqueeze(0)).remainder(vocab);
}

}  // namespace

TEST(MoeTransformer, RoutesOnlyInMoeLayersAndKeepsShapes) {
  auto config = smallConfig(rm::RouterKind::Linear);
  config.layers = 4;
  config.moe_every = 2;  // blocks 1 and 3
  rm::MoeTransformer model(config);
  auto tokens = torch::randint(0, config.vocab, {3, 16}, torch::kInt64);
  const auto out = model->forward(tokens);
  EXPECT_EQ(out.logits.sizes(), (std::vector<int64_t>{3, 16, config.vocab}));
  ASSERT_EQ(out.routing.size(), 2u);
  EXPECT_EQ(out.routing[0].dispatch.topk_ids.sizes(), (std::vector<int64_t>{48, 2}));
  EXPECT_TRUE(out.aux_loss.defined());
}

TEST(MoeTransformer, UsesTheTrainCapacityWhileTrainingAndTheEvalCapacityOtherwise) {
  auto config = smallConfig(rm::RouterKind::Linear);
  config.context = 64;
  config.capacity_train = 0.25;  // max(round(0.25·64/4), 4) = 4 slots per expert of 128 requests
  config.capacity_eval = 4.0;    // 64 slots: nothing dropped
  rm::MoeTransformer model(config);
  auto tokens = torch::randint(0, config.vocab, {2, 64}, torch::kInt64);
  model->train();
  const auto training = model->forward(tokens);
  EXPECT_LE(training.routing[0].dispatch.kept.sum().item<int64_t>(), 2 * 4 * 4);  // groups × experts × slots
  model->eval();
  const auto evaluating = model->forward(tokens);
  EXPECT_TRUE(evaluating.routing[0].dispatch.kept.all().item<bool>());
}

TEST(MoeTransformer, LossFallsOnALearnableToyLanguage) {
  for (auto router : {rm::RouterKind::Linear, rm::RouterKind::Gru}) {
    torch::manual_seed(1);
    auto generator = torch::make_generator<torch::CPUGeneratorImpl>(7);
    rm::MoeTransformer model(smallConfig(router));
    torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(3e-3));
    auto valid = countingBatch(8, 17, 32, generator);
    const double before = rm::nextTokenLoss(model, valid).first.item<double>();
    for (int step = 0; step < 120; ++step) {
      auto [loss, out] = rm::nextTokenLoss(model, countingBatch(8, 17, 32, generator));
      optimizer.zero_grad();
      (loss + out.aux_loss).backward();
      optimizer.step();
    }
    model->eval();
    const double after = rm::nextTokenLoss(model, valid).first.item<double>();
    // Uniform guessing costs ln 32 = 3.47 nats; the counting rule is learnable far below that.
    EXPECT_NEAR(before, std::log(32.0), 0.3) << rm::toString(router);
    EXPECT_LT(after, 1.0) << rm::toString(router);
  }
}

TEST(Checkpoint, ReloadedWeightsAndOptimizerGiveTheIdenticalNextStepLoss) {
  const auto dir = routescope::testing::makeTempDir();
  torch::manual_seed(3);
  auto generator = torch::make_generator<torch::CPUGeneratorImpl>(9);
  const auto config = smallConfig(rm::RouterKind::Gru);
  rm::MoeTransformer model(config);
  torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(1e-3));
  auto step = [&](rm::MoeTransformer& m, torch::optim::AdamW& opt, const torch::Tensor& batch) {
    auto [loss, out] = rm::nextTokenLoss(m, batch);
    opt.zero_grad();
    (loss + out.aux_loss).backward();
    opt.step();
    return loss.item<double>();
  };
  for (int i = 0; i < 5; ++i) step(model, optimizer, countingBatch(4, 17, 32, generator));
  rm::writeModelCheckpoint(*model, config, 5, dir + "/model.safetensors");
  rm::writeOptimizerState(optimizer, *model, 5, dir + "/optimizer.safetensors");

  const auto info = rm::readCheckpointInfo(dir + "/model.safetensors");
  EXPECT_EQ(info.step, 5);
  EXPECT_EQ(rm::toJson(info.config), rm::toJson(config));
  torch::manual_seed(99);  // different initial weights: everything must come from the files
  rm::MoeTransformer restored(info.config);
  torch::optim::AdamW restored_optimizer(restored->parameters(), torch::optim::AdamWOptions(1e-3));
  rm::loadModelWeights(*restored, dir + "/model.safetensors");
  EXPECT_EQ(rm::loadOptimizerState(restored_optimizer, *restored, dir + "/optimizer.safetensors"), 5);

  // Step 6 and step 7: the second loss depends on the optimizer state after step 6.
  const auto batch6 = countingBatch(4, 17, 32, generator), batch7 = countingBatch(4, 17, 32, generator);
  EXPECT_EQ(step(model, optimizer, batch6), step(restored, restored_optimizer, batch6));
  EXPECT_EQ(step(model, optimizer, batch7), step(restored, restored_optimizer, batch7));
}

TEST(Checkpoint, MismatchedShapesAndForeignFilesGiveOneLineErrors) {
  const auto dir = routescope::testing::makeTempDir();
  auto config = smallConfig(rm::RouterKind::Linear);
  rm::MoeTransformer model(config);
  rm::writeModelCheckpoint(*model, config, 1, dir + "/model.safetensors");
  config.d_model = 64;
  rm::MoeTransformer other(config);
  try {
    rm::loadModelWeights(*other, dir + "/model.safetensors");
    FAIL() << "no error for a shape mismatch";
  } catch (const std::exception& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("model.safetensors"), std::string::npos) << message;
    EXPECT_NE(message.find("shape"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
  std::ofstream(dir + "/junk.safetensors") << "not a checkpoint";
  EXPECT_THROW(rm::readCheckpointInfo(dir + "/junk.safetensors"), std::exception);
}
