// Capacity, drop order, expert choice and the auxiliary losses on hand-built router outputs.
#include "backend/moe/internal/dispatch.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <set>
#include <vector>

namespace rm = routescope::moe;

namespace {

// Router probabilities over two experts: tokens listed in `to_first` prefer expert 0 (with the
// given top-1 probability), the others prefer expert 1.
torch::Tensor twoExpertProbs(const std::vector<int>& to_first, const std::vector<float>& top1, int tokens) {
  auto probs = torch::zeros({tokens, 2});
  for (int t = 0; t < tokens; ++t) {
    const bool first = std::find(to_first.begin(), to_first.end(), t) != to_first.end();
    const float p = top1.empty() ? 0.7f : top1[static_cast<size_t>(t)];
    probs[t][first ? 0 : 1] = p;
    probs[t][first ? 1 : 0] = 1.0f - p;
  }
  return probs;
}

std::set<std::pair<int, int>> droppedChoices(const rm::Dispatch& d) {
  std::set<std::pair<int, int>> dropped;
  auto kept = d.kept.to(torch::kCPU);
  for (int t = 0; t < kept.size(0); ++t) {
    for (int j = 0; j < kept.size(1); ++j) {
      if (!kept[t][j].item<bool>()) dropped.insert({t, j});
    }
  }
  return dropped;
}

}  // namespace

TEST(ExpertCapacity, RoundsHalfToEvenWithAFloorOfFour) {
  EXPECT_EQ(rm::expertCapacity(1.25, 4, 2), 4);    // round(2.5) = 2, floor 4
  EXPECT_EQ(rm::expertCapacity(1.25, 28, 2), 18);  // 17.5 -> 18 (even)
  EXPECT_EQ(rm::expertCapacity(1.0, 36, 8), 4);    // 4.5 -> 4 (even)
  EXPECT_EQ(rm::expertCapacity(1.0, 44, 8), 6);    // 5.5 -> 6 (even)
  EXPECT_EQ(rm::expertCapacity(1.0, 42, 4), 10);   // 10.5 -> 10 (even)
  EXPECT_EQ(rm::expertCapacity(2.0, 128, 8), 32);
}

TEST(TokenChoice, FillsLeftToRightAndTop1BeforeTop2) {
  // 12 tokens, 2 experts, capacity max(round(0.5·12/2), 4) = 4. Tokens 0-2 prefer expert 0,
  // tokens 3-11 expert 1. Top-1: expert 0 takes 0,1,2; expert 1 takes 3,4,5,6 and drops 7-11.
  // Top-2 (the other expert) comes after every top-1 choice: 0-2 ask expert 1 (full, dropped);
  // 3-11 ask expert 0, which has one slot left: token 3 gets it, 4-11 are dropped.
  const auto probs = twoExpertProbs({0, 1, 2}, {}, 12);
  const int64_t capacity = rm::expertCapacity(0.5, 12, 2);
  ASSERT_EQ(capacity, 4);
  const auto d = rm::dispatchTokenChoice(probs, 2, 12, capacity, false, rm::DropOrder::Position);
  std::set<std::pair<int, int>> expected;
  for (int t = 7; t < 12; ++t) expected.insert({t, 0});
  for (int t = 0; t < 3; ++t) expected.insert({t, 1});
  for (int t = 4; t < 12; ++t) expected.insert({t, 1});
  EXPECT_EQ(droppedChoices(d), expected);
  // Each expert processes exactly its capacity here, and every processed pair is a kept choice.
  EXPECT_EQ(d.token_index.numel(), 8);
  auto counts = torch::bincount(d.expert_index, {}, 2);
  EXPECT_EQ(counts[0].item<int64_t>(), 4);
  EXPECT_EQ(counts[1].item<int64_t>(), 4);
}

TEST(TokenChoice, GroupsAreIndependentSequences) {
  // Two sequences of 8 tokens that all prefer expert 0; capacity 4 per sequence, so each
  // sequence keeps its own first four top-1 choices.
  const auto probs = twoExpertProbs({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {}, 16);
  const auto d = rm::dispatchTokenChoice(probs, 1, 8, 4, false, rm::DropOrder::Position);
  std::set<std::pair<int, int>> expected;
  for (int t : {4, 5, 6, 7, 12, 13, 14, 15}) expected.insert({t, 0});
  EXPECT_EQ(droppedChoices(d), expected);
}

TEST(TokenChoice, PriorityDropsTheLeastConfidentTokens) {
  // All 8 tokens prefer expert 0 with rising confidence: priority order keeps the last four.
  std::vector<float> top1;
  for (int t = 0; t < 8; ++t) top1.push_back(0.55f + 0.05f * static_cast<float>(t));
  const auto probs = twoExpertProbs({0, 1, 2, 3, 4, 5, 6, 7}, top1, 8);
  const auto d = rm::dispatchTokenChoice(probs, 1, 8, 4, false, rm::DropOrder::Priority);
  std::set<std::pair<int, int>> expected;
  for (int t : {0, 1, 2, 3}) expected.insert({t, 0});
  EXPECT_EQ(droppedChoices(d), expected);
}

TEST(TokenChoice, DroplessKeepsEveryChoiceAndRenormalisesWhenAsked) {
  const auto probs = torch::tensor({{0.5f, 0.3f, 0.2f}, {0.1f, 0.1f, 0.8f}});
  const auto raw = rm::dispatchTokenChoice(probs, 2, 2, std::nullopt, false, rm::DropOrder::Position);
  EXPECT_TRUE(raw.kept.all().item<bool>());
  EXPECT_NEAR(raw.combine_weight.sum().item<float>(), 0.5f + 0.3f + 0.8f + 0.1f, 1e-6);
  const auto renormalised = rm::dispatchTokenChoice(probs, 2, 2, std::nullopt, true, rm::DropOrder::Position);
  EXPECT_NEAR(renormalised.combine_weight.sum().item<float>(), 2.0f, 1e-6);
  EXPECT_NEAR(renormalised.combine_weight[0].item<float>(), 0.5f / 0.8f, 1e-6);
}

TEST(ExpertChoice, FillsEveryExpertExactlyToCapacity) {
  torch::manual_seed(3);
  const int64_t experts = 4, group = 32, groups = 3;
  const auto probs = torch::randn({group * groups, experts}).softmax(-1);
  const int64_t capacity = rm::expertCapacity(1.0, group, experts);  // 8
  const auto d = rm::dispatchExpertChoice(probs, 2, group, capacity);
  ASSERT_EQ(d.token_index.numel(), groups * experts * capacity);
  for (int64_t g = 0; g < groups; ++g) {
    auto in_group = (d.token_index >= g * group).logical_and(d.token_index < (g + 1) * group);
    auto counts = torch::bincount(d.expert_index.masked_select(in_group), {}, experts);
    for (int64_t e = 0; e < experts; ++e) EXPECT_EQ(counts[e].item<int64_t>(), capacity) << "group " << g;
  }
  // Each expert took its highest-scoring tokens of the group.
  auto first = d.expert_index.eq(0).logical_and(d.token_index < group);
  const float lowest_taken =
      probs.select(1, 0).index_select(0, d.token_index.masked_select(first)).min().item<float>();
  auto top = std::get<0>(probs.slice(0, 0, group).select(1, 0).topk(capacity));
  EXPECT_FLOAT_EQ(lowest_taken, top[capacity - 1].item<float>());
}

TEST(AuxiliaryLosses, MatchHandComputedValues) {
  // Two tokens, two experts, top-1: token 0 -> expert 0, token 1 -> expert 0.
  const auto logits = torch::tensor({{2.0f, 0.0f}, {1.0f, 0.0f}});
  const auto probs = logits.softmax(-1);
  const auto ids = torch::tensor({{0}, {0}}, torch::kInt64);
  const double p00 = 1.0 / (1.0 + std::exp(-2.0)), p10 = 1.0 / (1.0 + std::exp(-1.0));
  // f = (1, 0); P_0 = (p00 + p10)/2; loss = c·E·f_0·P_0
  const double expected_balance = 0.01 * 2 * 1.0 * (p00 + p10) / 2;
  EXPECT_NEAR(rm::balanceLoss(probs, ids, 0.01).item<double>(), expected_balance, 1e-7);
  const double lse0 = std::log(std::exp(2.0) + 1.0), lse1 = std::log(std::exp(1.0) + 1.0);
  EXPECT_NEAR(rm::zLoss(logits, 1e-4).item<double>(), 1e-4 * (lse0 * lse0 + lse1 * lse1) / 2, 1e-9);
}
