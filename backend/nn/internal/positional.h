#pragma once
// Positional encodings added to token embeddings: none (attention alone, e.g. for set encoders
// such as BQ-NCO's) or learned absolute positions up to a maximum length.
#include <torch/torch.h>

#include <string>

namespace routescope::nn {

enum class PositionalKind { None, Learned };

// "none" or "learned"; throws std::invalid_argument otherwise.
PositionalKind parsePositionalKind(const std::string& text);

class PositionalEncodingImpl : public torch::nn::Module {
 public:
  PositionalEncodingImpl(PositionalKind kind, int64_t max_length, int64_t d_model);

  // x: [batch, seq, d_model] -> x plus the encoding of positions 0..seq-1.
  torch::Tensor forward(const torch::Tensor& x);

 private:
  PositionalKind kind_;
  int64_t max_length_;
  torch::nn::Embedding table_{nullptr};
};
TORCH_MODULE(PositionalEncoding);

}  // namespace routescope::nn
