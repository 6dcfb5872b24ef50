#include "backend/moe/internal/trace_recorder.h"

#include <algorithm>

#include "backend/core/error.h"

namespace routescope::moe {

std::vector<TraceSequence> chooseTraceSequences(const std::string& text, const Tokenizer& tokenizer,
                                                int64_t context, int64_t max_tokens,
                                                const std::function<TokenStream()>& split_stream) {
  if (!text.empty()) return traceSequencesFromText(text, tokenizer, context);
  return traceSequencesFromStream(split_stream(), context, max_tokens);
}

int64_t tokenCount(const std::vector<TraceSequence>& sequences) {
  int64_t tokens = 0;
  for (const auto& s : sequences) tokens += static_cast<int64_t>(s.token_ids.size());
  return tokens;
}

std::vector<TraceSequence> traceSequencesFromStream(const TokenStream& stream, int64_t context,
                                                    int64_t max_tokens) {
  std::vector<TraceSequence> sequences;
  const int64_t per_domain = std::max<int64_t>(
      context, max_tokens / std::max<int64_t>(1, static_cast<int64_t>(stream.domains.size())));
  for (size_t d = 0; d < stream.domains.size(); ++d) {
    const int64_t end = stream.domainEnd(d);
    int64_t taken = 0;
    for (int64_t start = stream.domain_starts[d]; start + context <= end && taken + context <= per_domain;
         start += context) {
      TraceSequence sequence;
      sequence.domain = stream.domains[d];
      sequence.token_ids.assign(stream.tokens.begin() + start, stream.tokens.begin() + start + context);
      sequences.push_back(std::move(sequence));
      taken += context;
    }
  }
  return sequences;
}

std::vector<TraceSequence> traceSequencesFromText(const std::string& text, const Tokenizer& tokenizer,
                                                  int64_t context) {
  const auto ids = tokenizer.encode(text);
  if (ids.empty()) throw core::Error("trace text: empty after tokenization");
  std::vector<TraceSequence> sequences;
  for (size_t start = 0; start < ids.size(); start += static_cast<size_t>(context)) {
    TraceSequence sequence;
    sequence.domain = "pasted";
    sequence.token_ids.assign(ids.begin() + static_cast<std::ptrdiff_t>(start),
                              ids.begin() + static_cast<std::ptrdiff_t>(
                                                std::min(ids.size(), start + static_cast<size_t>(context))));
    sequences.push_back(std::move(sequence));
  }
  return sequences;
}

int64_t estimateTraceBytes(int64_t tokens, const MoeModelConfig& config, const TraceOptions& options) {
  const int64_t layers = config.moeLayerCount();
  int64_t per_token = 4 + 4;  // token id and predicted id
  per_token += layers * config.top_k * (2 + 4 + 1);
  if (options.full_probs) per_token += layers * config.experts * 4;
  if (config.usesGru() && options.gru_state) per_token += layers * config.gru_dim * 2;
  if (config.usesGru() && options.update_gate) per_token += layers * 4;
  return tokens * per_token;
}

namespace {

template <typename T>
void append(std::vector<T>& out, const torch::Tensor& tensor) {
  const auto cpu = tensor.detach().to(torch::kCPU).contiguous();
  const auto* data = cpu.data_ptr<T>();
  out.insert(out.end(), data, data + cpu.numel());
}

// Per-layer [T, X] tensors interleaved into the trace's [token][layer][X] order.
torch::Tensor tokenMajor(const std::vector<torch::Tensor>& per_layer) {
  return torch::stack(per_layer, 1).contiguous();  // [T, L, X]
}

}  // namespace

RoutingTrace recordTrace(MoeTransformer& model, const std::vector<TraceSequence>& sequences,
                         const Tokenizer& tokenizer, int64_t step, const TraceOptions& options,
                         const torch::Device& device) {
  const auto& config = model->config();
  RoutingTrace trace;
  trace.layers = static_cast<int>(config.moeLayerCount());
  trace.experts = static_cast<int>(config.experts);
  trace.top_k = static_cast<int>(config.top_k);
  trace.gru_hidden = config.usesGru() && options.gru_state ? static_cast<int>(config.gru_dim) : 0;
  trace.checkpoint_step = step;
  trace.router = toString(config.router);
  trace.model = "RouteScope MoE " + toJson(config).dump();
  trace.tokenizer_kind = tokenizer.kind();
  for (int id = 0; id < tokenizer.vocabSize(); ++id) trace.pieces.push_back(tokenizer.piece(id));
  const bool gate = config.usesGru() && options.update_gate;

  model->eval();
  torch::NoGradGuard no_grad;
  size_t first = 0;
  while (first < sequences.size()) {
    // A batch of consecutive sequences of equal length (pasted text may end with a shorter one).
    const size_t length = sequences[first].token_ids.size();
    size_t last = first;
    while (last < sequences.size() && last - first < static_cast<size_t>(options.batch) &&
           sequences[last].token_ids.size() == length) {
      ++last;
    }
    std::vector<int64_t> ids;
    for (size_t i = first; i < last; ++i)
      ids.insert(ids.end(), sequences[i].token_ids.begin(), sequences[i].token_ids.end());
    auto tokens = torch::tensor(ids, torch::kInt64)
                      .view({static_cast<int64_t>(last - first), static_cast<int64_t>(length)})
                      .to(device);
    auto result = model->forward(tokens, ForwardOptions{gate});
    auto predicted = result.logits.argmax(-1).to(torch::kCPU).to(torch::kInt32).contiguous();
    for (size_t i = first; i < last; ++i) {
      auto row = predicted[static_cast<int64_t>(i - first)];
      TraceSequence sequence = sequences[i];
      sequence.predicted_token_ids.assign(row.data_ptr<int32_t>(), row.data_ptr<int32_t>() + row.numel());
      trace.sequences.push_back(std::move(sequence));
    }
    std::vector<torch::Tensor> ids_l, probs_l, dropped_l, full_l, state_l, gate_l;
    for (const auto& layer : result.routing) {
      ids_l.push_back(layer.dispatch.topk_ids.to(torch::kInt16));
      probs_l.push_back(layer.dispatch.topk_probs.to(torch::kFloat32));
      dropped_l.push_back(layer.dispatch.kept.logical_not().to(torch::kUInt8));
      if (options.full_probs) full_l.push_back(layer.probs);
      if (trace.gru_hidden > 0) state_l.push_back(layer.state.to(torch::kFloat16).view(torch::kInt16));
      if (gate) gate_l.push_back(layer.update_gate.unsqueeze(1));
    }
    append<int16_t>(trace.expert_ids, tokenMajor(ids_l));
    append<float>(trace.probs, tokenMajor(probs_l));
    append<uint8_t>(trace.dropped, tokenMajor(dropped_l));
    if (!full_l.empty()) append<float>(trace.full_probs, tokenMajor(full_l));
    if (!state_l.empty()) {
      std::vector<int16_t> bits;
      append<int16_t>(bits, tokenMajor(state_l));
      trace.gru_state.insert(trace.gru_state.end(), bits.begin(), bits.end());
    }
    if (!gate_l.empty()) append<float>(trace.update_gate_mean, tokenMajor(gate_l));
    first = last;
  }
  return trace;
}

}  // namespace routescope::moe
