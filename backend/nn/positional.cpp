#include "backend/nn/internal/positional.h"

#include <stdexcept>

namespace routescope::nn {

PositionalKind parsePositionalKind(const std::string& text) {
  if (text == "none") return PositionalKind::None;
  if (text == "learned") return PositionalKind::Learned;
  throw std::invalid_argument("unknown positional encoding '" + text + "' (none, learned)");
}

PositionalEncodingImpl::PositionalEncodingImpl(PositionalKind kind, int64_t max_length, int64_t d_model)
    : kind_(kind), max_length_(max_length) {
  if (kind_ == PositionalKind::Learned) {
    table_ = register_module("table", torch::nn::Embedding(max_length, d_model));
    torch::nn::init::normal_(table_->weight, 0.0, 0.02);
  }
}

torch::Tensor PositionalEncodingImpl::forward(const torch::Tensor& x) {
  if (kind_ == PositionalKind::None) return x;
  const int64_t seq = x.size(1);
  TORCH_CHECK(seq <= max_length_, "sequence length ", seq, " exceeds the positional table (", max_length_,
              ")");
  return x + table_->weight.slice(0, 0, seq).unsqueeze(0);
}

}  // namespace routescope::nn
