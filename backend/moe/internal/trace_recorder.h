#pragma once
// Records routing traces: runs a model (in eval mode, so with the eval capacity factor) over a
// fixed set of sequences and keeps, per token and MoE layer, the top-k experts, their
// probabilities, whether each choice was dropped and, on request, the full probability vector,
// the GRU router's state and its mean update gate.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "backend/moe/internal/moe_transformer.h"
#include "backend/moe/tokenizer.h"
#include "backend/moe/trace.h"
#include "backend/moe/training_data.h"

namespace routescope::moe {

struct TraceOptions {
  bool full_probs = false;
  bool gru_state = false;   // h_i as fp16: p·2 bytes per token and layer
  bool update_gate = true;  // GRU routers only
  int64_t batch = 16;
};

// Sequences of `context` tokens from the start of every domain of `stream`, in equal shares up to
// `max_tokens` tokens in all.
std::vector<TraceSequence> traceSequencesFromStream(const TokenStream& stream, int64_t context,
                                                    int64_t max_tokens);
// Pasted text cut into sequences of at most `context` tokens (domain "pasted").
std::vector<TraceSequence> traceSequencesFromText(const std::string& text, const Tokenizer& tokenizer,
                                                  int64_t context);

// The sequences a trace covers: the pasted `text` when there is one, else up to `max_tokens`
// tokens of the split that `split_stream` returns (called only then, so that a split is tokenized
// only when it is traced).
std::vector<TraceSequence> chooseTraceSequences(const std::string& text, const Tokenizer& tokenizer,
                                                int64_t context, int64_t max_tokens,
                                                const std::function<TokenStream()>& split_stream);
int64_t tokenCount(const std::vector<TraceSequence>& sequences);

// Bytes the trace will take in the binary format (stated to the user before recording).
int64_t estimateTraceBytes(int64_t tokens, const MoeModelConfig& config, const TraceOptions& options);

RoutingTrace recordTrace(MoeTransformer& model, const std::vector<TraceSequence>& sequences,
                         const Tokenizer& tokenizer, int64_t step, const TraceOptions& options,
                         const torch::Device& device);

}  // namespace routescope::moe
