#pragma once
// Context-independent specialisation (OpenMoE, Xue et al. 2024): how much the top-1 expert of a
// layer tells about the token id, compared with its position and with the previous token, and how
// consistently each token id goes to one expert.

#include <cstdint>
#include <string>
#include <vector>

#include "backend/moe/analysis/mutual_information.h"
#include "backend/moe/trace.h"

namespace routescope::moe::analysis {

struct SpecialisationOptions {
  int position_bucket_width = 16;  // positions 0..15 form bucket 0, and so on
  int permutations = 5;            // of the shuffled-label baseline
  uint64_t seed = 1;
  int64_t min_count = 10;  // tokens seen fewer times stay out of the consistency table and mean
  int table_size = 20;     // rows of the most-specialised-tokens table per layer
};

struct TokenConsistency {
  int32_t token_id = 0;
  std::string piece;
  int64_t count = 0;         // occurrences with a top-1 expert in this layer
  double consistency = 0;    // share of them routed to the majority expert
  int majority_expert = -1;  // ties go to the lower expert id
};

struct LayerSpecialisation {
  MiEstimate mi_token;          // I(expert; token id)
  MiEstimate mi_position;       // I(expert; position bucket)
  MiEstimate mi_prev_token;     // I(expert; previous token id); a sequence's first token has "none"
  double expert_entropy = 0;    // H(expert), the ceiling of every MI above
  double mean_consistency = 0;  // over tokens with at least min_count occurrences, count-weighted
  int64_t tokens_counted = 0;   // distinct token ids in the consistency mean
  std::vector<TokenConsistency> top_tokens;  // most consistent first, then most frequent
};

// Per layer, from the top-1 expert of each token (trace_columns.h); tokens without one are left
// out of that layer.
std::vector<LayerSpecialisation> analyseSpecialisation(const RoutingTrace& trace,
                                                       const SpecialisationOptions& options = {});

}  // namespace routescope::moe::analysis
