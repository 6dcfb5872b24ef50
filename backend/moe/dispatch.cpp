#include "backend/moe/internal/dispatch.h"

#include <algorithm>
#include <cmath>

namespace routescope::moe {
namespace {

// The processed (token, expert, weight) triples of the kept top-k choices.
void fillAssignments(Dispatch& d, const torch::Tensor& combine) {
  const int64_t tokens = d.topk_ids.size(0), k = d.topk_ids.size(1);
  auto token_grid = torch::arange(tokens, d.topk_ids.options()).unsqueeze(1).expand({tokens, k});
  d.token_index = token_grid.masked_select(d.kept);
  d.expert_index = d.topk_ids.masked_select(d.kept);
  d.combine_weight = combine.masked_select(d.kept);
}

}  // namespace

int64_t expertCapacity(double capacity_factor, int64_t group_size, int64_t experts) {
  // std::nearbyint rounds half to even in the default rounding mode, like Python's round().
  const double slots =
      std::nearbyint(capacity_factor * static_cast<double>(group_size) / static_cast<double>(experts));
  return std::max<int64_t>(static_cast<int64_t>(slots), 4);
}

Dispatch dispatchTokenChoice(const torch::Tensor& probs, int64_t k, int64_t group_size,
                             std::optional<int64_t> capacity, bool renormalise, DropOrder order) {
  const int64_t tokens = probs.size(0), experts = probs.size(1);
  TORCH_CHECK(tokens % group_size == 0, "dispatch: ", tokens, " tokens are not a multiple of the group size ",
              group_size);
  Dispatch d;
  auto [top_probs, top_ids] = probs.topk(k, -1);
  d.topk_ids = top_ids;
  d.topk_probs = top_probs.detach();
  auto combine = renormalise ? top_probs / top_probs.sum(-1, true) : top_probs;
  if (!capacity) {
    d.kept = torch::ones({tokens, k}, probs.options().dtype(torch::kBool));
    fillAssignments(d, combine);
    return d;
  }
  const int64_t groups = tokens / group_size;
  auto ids = top_ids.view({groups, group_size, k});
  torch::Tensor token_order;  // [G, g]: queue order of the group's tokens (priority dropping)
  if (order == DropOrder::Priority) {
    token_order = top_probs.select(1, 0).detach().view({groups, group_size}).argsort(1, /*descending=*/true);
    ids = ids.gather(1, token_order.unsqueeze(-1).expand({groups, group_size, k}));
  }
  // Choice-major queue: all top-1 requests of the group, then all top-2 requests, ...
  auto queue = ids.transpose(1, 2).reshape({groups, k * group_size});
  auto one_hot = torch::one_hot(queue, experts);          // [G, k·g, E]
  auto slot = (one_hot.cumsum(1) * one_hot).sum(-1) - 1;  // 0-based place in its expert's queue
  auto kept = (slot < *capacity).view({groups, k, group_size}).transpose(1, 2);  // [G, g, k]
  if (order == DropOrder::Priority) {
    kept =
        torch::zeros_like(kept).scatter(1, token_order.unsqueeze(-1).expand({groups, group_size, k}), kept);
  }
  d.kept = kept.reshape({tokens, k});
  fillAssignments(d, combine);
  return d;
}

Dispatch dispatchExpertChoice(const torch::Tensor& probs, int64_t k, int64_t group_size, int64_t capacity) {
  const int64_t tokens = probs.size(0), experts = probs.size(1);
  TORCH_CHECK(tokens % group_size == 0, "dispatch: ", tokens, " tokens are not a multiple of the group size ",
              group_size);
  const int64_t groups = tokens / group_size;
  const int64_t take = std::min(capacity, group_size);
  // [G, E, g]: each expert ranks the tokens of the group.
  auto scores = probs.view({groups, group_size, experts}).transpose(1, 2);
  auto [weights, local_tokens] = scores.topk(take, -1);  // [G, E, C]
  auto offsets = (torch::arange(groups, local_tokens.options()) * group_size).view({groups, 1, 1});
  Dispatch d;
  d.token_index = (local_tokens + offsets).reshape(-1);
  d.expert_index = torch::arange(experts, local_tokens.options())
                       .view({1, experts, 1})
                       .expand({groups, experts, take})
                       .reshape(-1);
  d.combine_weight = weights.reshape(-1);
  auto [top_probs, top_ids] = probs.topk(k, -1);
  d.topk_ids = top_ids;
  d.topk_probs = top_probs.detach();
  auto chosen = torch::zeros({tokens, experts}, probs.options().dtype(torch::kBool));
  chosen.index_put_({d.token_index, d.expert_index}, true);
  d.kept = chosen.gather(1, top_ids);
  return d;
}

torch::Tensor balanceLoss(const torch::Tensor& probs, const torch::Tensor& topk_ids, double coefficient) {
  const int64_t experts = probs.size(1);
  auto requests = torch::one_hot(topk_ids.reshape(-1), experts).to(torch::kFloat32);
  auto share = requests.mean(0);   // f_e: share of all top-k requests
  auto mean_prob = probs.mean(0);  // P_e
  return coefficient * static_cast<double>(experts) * (share * mean_prob).sum();
}

torch::Tensor zLoss(const torch::Tensor& logits, double coefficient) {
  return coefficient * logits.logsumexp(-1).pow(2).mean();
}

}  // namespace routescope::moe
