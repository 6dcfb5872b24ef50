#pragma once
// Routing traces: for every token of a set of sequences and every MoE layer, the experts the
// router chose (top-k), optionally their probabilities, whether each choice was dropped, the full
// probability vector, the GRU router's hidden state (fp16) and its mean update gate.
//
// All per-token arrays run over the tokens of all sequences concatenated, in sequence order.
// Layouts: expert_ids/probs/dropped [token][layer][k]; full_probs [token][layer][expert];
// gru_state [token][layer][hidden]; update_gate_mean [token][layer]. Optional arrays are empty.
// Binary format: docs/trace-format.md.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

namespace routescope::moe {

struct TraceSequence {
  std::string domain;  // corpus domain, "pasted", or "" when unknown
  std::vector<int32_t> token_ids;
  std::vector<int32_t> predicted_token_ids;  // empty, or one per token (the model's next-token guess)
};

struct RoutingTrace {
  // --- metadata ---
  int layers = 0;   // MoE layers (not all transformer layers)
  int experts = 0;  // E
  int top_k = 0;
  int gru_hidden = 0;  // 0 when the router has no recurrent state
  int64_t checkpoint_step = 0;
  std::string router;                               // "linear", "gru", "expert-choice", ... or "imported"
  std::string model;                                // free text: model name or config summary
  std::string run_id;                               // the run whose checkpoint was traced (empty for imports)
  std::string tokenizer_kind;                       // "bytes", "sentencepiece", "huggingface" or ""
  nlohmann::json extra = nlohmann::json::object();  // anything else (source file, text set, ...)

  // Optional vocabulary: pieces[id] is the display string of token id.
  std::vector<std::string> pieces;

  std::vector<TraceSequence> sequences;

  // --- per-token arrays ---
  std::vector<int16_t> expert_ids;      // -1: no expert (e.g. expert-choice left the token out)
  std::vector<float> probs;             // router probability of each choice
  std::vector<uint8_t> dropped;         // 1: the choice was beyond capacity and dropped
  std::vector<float> full_probs;        // all E router probabilities
  std::vector<uint16_t> gru_state;      // h_i as IEEE fp16 bit patterns
  std::vector<float> update_gate_mean;  // mean of the GRU update gate z

  // Sum of the sequences' lengths.
  int64_t tokenCount() const;
  // Index of the first token of each sequence, plus tokenCount() at the end. Rebuilt when the
  // number of sequences changed; call validate() after editing token_ids of existing sequences.
  const std::vector<int64_t>& sequenceOffsets() const;
  size_t sequenceOf(int64_t token) const;   // which sequence the token belongs to
  int64_t positionOf(int64_t token) const;  // its position within that sequence
  const std::string& domainOf(int64_t token) const;
  int32_t tokenIdOf(int64_t token) const;
  // The display string of a token id: pieces[id] when known, else "#id".
  std::string pieceOf(int32_t token_id) const;

  // Index helpers into the flat arrays.
  size_t choiceIndex(int64_t token, int layer, int k) const {
    return (static_cast<size_t>(token) * layers + layer) * top_k + k;
  }
  int16_t expert(int64_t token, int layer, int k) const { return expert_ids[choiceIndex(token, layer, k)]; }

  // Throws core::Error (prefixed with `name_for_errors`) when an array has the wrong size, an
  // expert id is out of range, or predicted_token_ids has the wrong length. Rebuilds the offsets.
  void validate(const std::string& name_for_errors = "trace") const;

 private:
  mutable std::vector<int64_t> offsets_;
};

// fp16 conversion for gru_state (round to nearest even; overflow to inf).
uint16_t floatToHalf(float value);
float halfToFloat(uint16_t bits);

// The compact binary format (docs/trace-format.md). write validates first.
std::vector<std::byte> writeTrace(const RoutingTrace& trace);
// Throws core::Error naming `name_for_errors` and what is wrong.
RoutingTrace readTrace(std::span<const std::byte> bytes, const std::string& name_for_errors);

}  // namespace routescope::moe
