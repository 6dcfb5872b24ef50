#include "backend/nn/internal/attention.h"

#include <cmath>

namespace routescope::nn {

MultiHeadAttentionImpl::MultiHeadAttentionImpl(const AttentionOptions& options) : options_(options) {
  TORCH_CHECK(options.d_model % options.heads == 0, "attention: d_model (", options.d_model,
              ") must be divisible by heads (", options.heads, ")");
  qkv = register_module("qkv", LoraLinear(options.d_model, 3 * options.d_model, options.bias));
  out = register_module("out", LoraLinear(options.d_model, options.d_model, options.bias));
}

torch::Tensor MultiHeadAttentionImpl::causalMask(int64_t seq, const torch::Device& device) {
  if (!cached_mask_.defined() || cached_mask_.size(0) != seq || cached_mask_.device() != device) {
    cached_mask_ = torch::ones({seq, seq}, torch::TensorOptions().dtype(torch::kBool).device(device)).triu(1);
  }
  return cached_mask_;
}

torch::Tensor MultiHeadAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& key_padding) {
  const int64_t batch = x.size(0), seq = x.size(1), d = options_.d_model, heads = options_.heads;
  const int64_t d_head = d / heads;
  // [B, S, 3, H, Dh] -> three [B, H, S, Dh]
  auto projected = qkv->forward(x).view({batch, seq, 3, heads, d_head}).permute({2, 0, 3, 1, 4});
  auto q = projected[0], k = projected[1], v = projected[2];
  auto scores = torch::matmul(q, k.transpose(-2, -1)) * (1.0 / std::sqrt(static_cast<double>(d_head)));
  if (options_.causal) scores = scores.masked_fill(causalMask(seq, x.device()), -INFINITY);
  if (key_padding.defined()) scores = scores.masked_fill(key_padding.view({batch, 1, 1, seq}), -INFINITY);
  auto context = torch::matmul(scores.softmax(-1), v);  // [B, H, S, Dh]
  return out->forward(context.transpose(1, 2).reshape({batch, seq, d}));
}

}  // namespace routescope::nn
