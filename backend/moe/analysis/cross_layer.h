#pragma once
// Cross-layer mutual information (RMoE, Qiu et al., ICLR 2025): how much one layer's routing says
// about another's. Two estimates that measure different things:
//  - binned (as the RMoE paper computes it): for one token, the E entries of layer i's
//    probability vector, binned by `np.digitize(p, np.linspace(0, 1, bins))` (bin i holds
//    edges[i-1] <= p < edges[i]: floor(p·(bins-1)) + 1 up to rounding, 1.0 in a bin of its own),
//    are E samples of a variable, paired entry by entry with layer j's; scikit-learn's
//    `mutual_info_score` of these E pairs (plug-in MI in nats), averaged over tokens. It measures
//    how similar the *shapes* of the two distributions are (which experts are high in both), per
//    token, and is biased upwards because E is small.
//  - top-1: the MI between layer i's and layer j's top-1 experts across tokens, corrected by the
//    shuffled-label baseline: how predictable one layer's choice is from another's (bits).

#include <cstdint>
#include <vector>

#include "backend/moe/analysis/mutual_information.h"
#include "backend/moe/trace.h"

namespace routescope::moe::analysis {

// [i * layers + j], symmetric, in NATS (scikit-learn's unit, not bits); `bins` is the number of
// linspace edges (the paper's 100). Throws core::Error naming the trace when it has no full_probs
// (the probability vectors) or bins is not 2..65534.
std::vector<double> binnedProbabilityMi(const RoutingTrace& trace, int bins = 100);

// [i * layers + j], symmetric; the diagonal is each layer's MI with itself (its entropy, raw).
// Tokens without a top-1 expert in either layer are left out of that pair.
std::vector<MiEstimate> topOneCrossLayerMi(const RoutingTrace& trace, int permutations = 5,
                                           uint64_t seed = 1);

}  // namespace routescope::moe::analysis
