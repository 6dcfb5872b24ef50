#include "backend/moe/internal/experts.h"

namespace routescope::moe {

ExpertsImpl::ExpertsImpl(int64_t experts, int64_t d_model, int64_t ffn) {
  w_in = register_parameter("w_in", torch::randn({experts, d_model, ffn}) * 0.02);
  w_out = register_parameter("w_out", torch::randn({experts, ffn, d_model}) * 0.02);
}

torch::Tensor ExpertsImpl::forward(const torch::Tensor& x, const Dispatch& dispatch) {
  auto out = torch::zeros_like(x);
  if (dispatch.token_index.numel() == 0) return out;
  // Group the pairs by expert so each expert runs one dense matmul over its tokens.
  auto order = dispatch.expert_index.argsort();
  auto tokens = dispatch.token_index.index_select(0, order);
  auto weights = dispatch.combine_weight.index_select(0, order).to(x.scalar_type()).unsqueeze(1);
  const int64_t experts = w_in.size(0);
  auto counts = torch::bincount(dispatch.expert_index, {}, experts).to(torch::kCPU);
  const auto* count = counts.data_ptr<int64_t>();
  int64_t start = 0;
  for (int64_t e = 0; e < experts; ++e) {
    const int64_t n = count[e];
    if (n == 0) continue;
    auto index = tokens.slice(0, start, start + n);
    auto hidden = torch::gelu(torch::matmul(x.index_select(0, index), w_in[e]));
    out.index_add_(0, index, torch::matmul(hidden, w_out[e]) * weights.slice(0, start, start + n));
    start += n;
  }
  return out;
}

}  // namespace routescope::moe
