#include "backend/moe/analysis/early_learning.h"

#include <algorithm>

#include "backend/core/error.h"

namespace routescope::moe::analysis {
namespace {

void checkSameTokens(const CheckpointSummary& a, const CheckpointSummary& final_checkpoint) {
  const std::string name = "early routing learning: checkpoint step " + std::to_string(a.step);
  const std::string final_name = "the final step " + std::to_string(final_checkpoint.step);
  if (a.layers != final_checkpoint.layers || a.experts != final_checkpoint.experts)
    throw core::Error(name + " has " + std::to_string(a.layers) + " layers x " + std::to_string(a.experts) +
                      " experts but " + final_name + " has " + std::to_string(final_checkpoint.layers) +
                      " x " + std::to_string(final_checkpoint.experts));
  if (a.sequence_offsets != final_checkpoint.sequence_offsets)
    throw core::Error(name + " traced other sequences than " + final_name +
                      " (sequence count or lengths differ)");
  const auto mismatch =
      std::mismatch(a.token_ids.begin(), a.token_ids.end(), final_checkpoint.token_ids.begin());
  if (mismatch.first != a.token_ids.end())
    throw core::Error(name + " traced another token stream than " + final_name +
                      " (first difference at token " + std::to_string(mismatch.first - a.token_ids.begin()) +
                      ")");
}

// Share of equal entries, in total and per layer.
double agreement(const CheckpointSummary& a, const CheckpointSummary& b, std::vector<double>* by_layer) {
  const size_t layers = static_cast<size_t>(a.layers);
  std::vector<int64_t> same(layers, 0);
  for (size_t i = 0; i < a.top1.size(); ++i) same[i % layers] += a.top1[i] == b.top1[i] ? 1 : 0;
  const size_t tokens = layers > 0 ? a.top1.size() / layers : 0;
  int64_t total = 0;
  if (by_layer) by_layer->assign(layers, 0.0);
  for (size_t l = 0; l < layers; ++l) {
    total += same[l];
    if (by_layer && tokens > 0) (*by_layer)[l] = static_cast<double>(same[l]) / static_cast<double>(tokens);
  }
  return a.top1.empty() ? 1.0 : static_cast<double>(total) / static_cast<double>(a.top1.size());
}

}  // namespace

EarlyLearning analyseEarlyLearning(std::span<const CheckpointSummary> checkpoints, double threshold) {
  if (checkpoints.empty()) throw core::Error("early routing learning: the run has no traced checkpoints");
  std::vector<const CheckpointSummary*> order;
  for (const auto& c : checkpoints) order.push_back(&c);
  std::sort(order.begin(), order.end(), [](const auto* a, const auto* b) { return a->step < b->step; });
  const CheckpointSummary& final_checkpoint = *order.back();
  for (const auto* c : order) checkSameTokens(*c, final_checkpoint);

  EarlyLearning result;
  result.threshold = threshold;
  for (size_t i = 0; i < order.size(); ++i) {
    result.steps.push_back(order[i]->step);
    std::vector<double> by_layer;
    const double with_final = agreement(*order[i], final_checkpoint, &by_layer);
    result.agreement_with_final.push_back(with_final);
    result.agreement_with_final_by_layer.push_back(std::move(by_layer));
    result.agreement_with_previous.push_back(
        i == 0 ? std::nullopt : std::optional<double>(agreement(*order[i], *order[i - 1], nullptr)));
    // The final checkpoint agrees with itself, so only the earlier ones can show routing learnt early.
    if (!result.first_step_at_threshold && i + 1 < order.size() && with_final >= threshold)
      result.first_step_at_threshold = order[i]->step;
  }
  return result;
}

}  // namespace routescope::moe::analysis
