// The routing analyses of MoE 2/2 on synthetic traces whose answers are known in closed form.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <functional>

#include "backend/core/error.h"
#include "backend/core/job_runner.h"
#include "backend/core/run_store.h"
#include "backend/moe/analysis/checkpoint_summary.h"
#include "backend/moe/analysis/compare_job.h"
#include "backend/moe/analysis/cross_layer.h"
#include "backend/moe/analysis/domain_share.h"
#include "backend/moe/analysis/drop_position.h"
#include "backend/moe/analysis/early_learning.h"
#include "backend/moe/analysis/gate_statistics.h"
#include "backend/moe/analysis/gru_pca.h"
#include "backend/moe/analysis/load_balance.h"
#include "backend/moe/analysis/mutual_information.h"
#include "backend/moe/analysis/run_analysis.h"
#include "backend/moe/analysis/specialisation.h"
#include "backend/moe/trace_store.h"
#include "tests/support/cli_runner.h"

namespace fs = std::filesystem;
using namespace routescope::moe;
using namespace routescope::moe::analysis;

namespace {

// Where a token is routed: (sequence, position, token id, previous token id or -1, layer, k).
using Route = std::function<int(int, int, int32_t, int32_t, int, int)>;

struct Shape {
  int sequences = 100;
  int length = 64;
  int layers = 2;
  int experts = 8;
  int top_k = 1;
  int vocab = 64;
};

// Token ids from a fixed LCG, so that ids are independent of positions; pieces "t<id>".
RoutingTrace makeTrace(const Shape& shape, const Route& route, uint64_t token_seed = 12345) {
  RoutingTrace t;
  t.layers = shape.layers;
  t.experts = shape.experts;
  t.top_k = shape.top_k;
  t.checkpoint_step = 100;
  t.router = "linear";
  t.run_id = "synthetic";
  for (int v = 0; v < shape.vocab; ++v) t.pieces.push_back("t" + std::to_string(v));
  uint64_t state = token_seed;
  for (int s = 0; s < shape.sequences; ++s) {
    TraceSequence sequence;
    sequence.domain = s % 2 == 0 ? "code" : "english";
    for (int p = 0; p < shape.length; ++p) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      sequence.token_ids.push_back(static_cast<int32_t>((state >> 33) % static_cast<uint64_t>(shape.vocab)));
    }
    for (int p = 0; p < shape.length; ++p) {
      const int32_t previous = p == 0 ? -1 : sequence.token_ids[static_cast<size_t>(p - 1)];
      for (int l = 0; l < shape.layers; ++l)
        for (int k = 0; k < shape.top_k; ++k)
          t.expert_ids.push_back(
              static_cast<int16_t>(route(s, p, sequence.token_ids[static_cast<size_t>(p)], previous, l, k)));
    }
    t.sequences.push_back(std::move(sequence));
  }
  t.validate();
  return t;
}

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const routescope::core::Error& e) {
    return e.what();
  }
  return "no error";
}

bool oneLine(const std::string& message) {
  return message.find('\n') == std::string::npos;
}

}  // namespace

// --- mutual information ---------------------------------------------------------------------

TEST(MutualInformation, EntropyAndMiOfKnownDistributions) {
  const std::vector<int32_t> uniform4 = {0, 1, 2, 3, 0, 1, 2, 3};
  EXPECT_DOUBLE_EQ(entropyBits(uniform4, 4), 2.0);
  EXPECT_DOUBLE_EQ(entropyBits(std::vector<int32_t>{1, 1, 1}, 2), 0.0);
  // X = Y: I = H. X and Y over the full 2 x 2 product: I = 0 exactly.
  EXPECT_NEAR(mutualInformationBits(uniform4, 4, uniform4, 4), 2.0, 1e-12);
  const std::vector<int32_t> x = {0, 0, 1, 1}, y = {0, 1, 0, 1};
  EXPECT_NEAR(mutualInformationBits(x, 2, y, 2), 0.0, 1e-12);
  // p(x,y) = {1/2, 1/4, 0, 1/4}: I = H(X) + H(Y) - H(X,Y) = 1 + 0.811278 - 1.5.
  const std::vector<int32_t> xs = {0, 0, 0, 0, 0, 0, 1, 1}, ys = {0, 0, 0, 0, 1, 1, 1, 1};
  const double h_y = -(0.75 * std::log2(0.75) + 0.25 * std::log2(0.25));
  EXPECT_NEAR(mutualInformationBits(ys, 2, xs, 2), 1.0 + h_y - 1.5, 1e-12);
}

TEST(MutualInformation, DenseCodesKeepOrderAndHandleWideRanges) {
  const std::vector<int32_t> values = {50, -3, 50, 7};
  const DenseCodes codes = denseCodes(values);
  EXPECT_EQ(codes.cardinality, 3);
  EXPECT_EQ(codes.codes, (std::vector<int32_t>{2, 0, 2, 1}));
  const std::vector<int32_t> wide = {2000000000, -2000000000, 0, 2000000000};
  const DenseCodes wide_codes = denseCodes(wide);
  EXPECT_EQ(wide_codes.cardinality, 3);
  EXPECT_EQ(wide_codes.codes, (std::vector<int32_t>{2, 0, 1, 2}));
}

TEST(MutualInformation, ShuffledBaselineRemovesTheBiasOfManyValues) {
  // Independent X (4 values) and Y (500 values) from 5,000 samples: the plug-in MI is biased to
  // at least (3 * 499) / (2 * 5000 * ln 2) = 0.216 bits; the corrected value is near 0.
  std::vector<int32_t> x, y;
  uint64_t state = 7;
  for (int i = 0; i < 5000; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    x.push_back(static_cast<int32_t>((state >> 40) % 4));
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    y.push_back(static_cast<int32_t>((state >> 40) % 500));
  }
  const MiEstimate e = correctedMutualInformation(x, 4, y, 500, 5, 1);
  // (The first-order formula underestimates with this many sparse cells: about 0.25 here.)
  EXPECT_GT(e.raw, 0.2);
  EXPECT_NEAR(e.bias, e.raw, 0.02);
  EXPECT_NEAR(e.corrected, 0.0, 0.02);
  EXPECT_DOUBLE_EQ(e.corrected, e.raw - e.bias);
  // Seeded: the same seed gives the same baseline.
  EXPECT_DOUBLE_EQ(correctedMutualInformation(x, 4, y, 500, 5, 1).bias, e.bias);
  EXPECT_DOUBLE_EQ(correctedMutualInformation(x, 4, y, 500, 0, 1).bias, 0.0);
}

TEST(MutualInformation, HugeJointTablesAreCountedBySorting) {
  // 2^13 x 2^13 cells exceed the dense limit; X = Y gives I = H = 13 bits.
  std::vector<int32_t> x(8192);
  for (int i = 0; i < 8192; ++i) x[static_cast<size_t>(i)] = i;
  EXPECT_NEAR(mutualInformationBits(x, 8192, x, 8192), 13.0, 1e-9);
}

// --- specialisation -------------------------------------------------------------------------

TEST(Specialisation, RoutingByTokenIdIsContextIndependent) {
  const Shape shape;
  const RoutingTrace t =
      makeTrace(shape, [](int, int, int32_t token, int32_t, int, int) { return token % 8; });
  SpecialisationOptions options;
  options.min_count = 5;
  const auto layers = analyseSpecialisation(t, options);
  ASSERT_EQ(layers.size(), 2u);
  for (const auto& layer : layers) {
    EXPECT_NEAR(layer.expert_entropy, 3.0, 0.01);
    EXPECT_NEAR(layer.mi_token.raw, layer.expert_entropy, 1e-9);  // expert = f(token)
    EXPECT_NEAR(layer.mi_token.corrected, layer.expert_entropy, 0.05);
    EXPECT_NEAR(layer.mi_position.corrected, 0.0, 0.01);
    EXPECT_NEAR(layer.mi_prev_token.corrected, 0.0, 0.05);
    EXPECT_GT(layer.mi_token.bias, 0.0);
    EXPECT_DOUBLE_EQ(layer.mean_consistency, 1.0);
    EXPECT_EQ(layer.tokens_counted, 64);
    ASSERT_EQ(layer.top_tokens.size(), 20u);
    for (const auto& row : layer.top_tokens) {
      EXPECT_DOUBLE_EQ(row.consistency, 1.0);
      EXPECT_EQ(row.majority_expert, row.token_id % 8);
      EXPECT_EQ(row.piece, "t" + std::to_string(row.token_id));
    }
    // Ties in consistency go to the more frequent token.
    EXPECT_GE(layer.top_tokens[0].count, layer.top_tokens[1].count);
  }
}

TEST(Specialisation, RoutingByPositionIsTheReverse) {
  const Shape shape;
  // Position buckets of 8 tokens, one expert each.
  const RoutingTrace t = makeTrace(shape, [](int, int p, int32_t, int32_t, int, int) { return p / 8; });
  SpecialisationOptions options;
  options.position_bucket_width = 8;
  const auto layers = analyseSpecialisation(t, options);
  for (const auto& layer : layers) {
    EXPECT_NEAR(layer.expert_entropy, 3.0, 1e-9);
    EXPECT_NEAR(layer.mi_position.raw, 3.0, 1e-9);
    EXPECT_NEAR(layer.mi_position.corrected, 3.0, 0.01);
    EXPECT_NEAR(layer.mi_token.corrected, 0.0, 0.05);
    // The previous token is independent of the position except that "none" marks position 0,
    // whose expert is 0: I = h(1/64) - h(1/8) / 8 = 0.0482 bits (h the binary entropy).
    const auto h = [](double p) { return -(p * std::log2(p) + (1 - p) * std::log2(1 - p)); };
    EXPECT_NEAR(layer.mi_prev_token.corrected, h(1.0 / 64) - h(1.0 / 8) / 8, 0.015);
    EXPECT_LT(layer.mean_consistency, 0.4);  // a token's occurrences spread over all experts
  }
}

TEST(Specialisation, RoutingByThePreviousToken) {
  const Shape shape;
  const RoutingTrace t = makeTrace(
      shape, [](int, int, int32_t, int32_t previous, int, int) { return previous < 0 ? 0 : previous % 8; });
  const auto layers = analyseSpecialisation(t);
  for (const auto& layer : layers) {
    EXPECT_NEAR(layer.mi_prev_token.corrected, layer.expert_entropy, 0.06);
    EXPECT_NEAR(layer.mi_token.corrected, 0.0, 0.05);
  }
}

// --- early routing learning -----------------------------------------------------------------

TEST(EarlyLearning, IdenticalCheckpointsAgreeFully) {
  const Shape shape;
  RoutingTrace t = makeTrace(shape, [](int, int, int32_t token, int32_t, int, int) { return token % 8; });
  std::vector<CheckpointSummary> checkpoints;
  for (const int64_t step : {300, 100, 200}) {
    t.checkpoint_step = step;
    checkpoints.push_back(summariseCheckpoint(t));
  }
  const EarlyLearning e = analyseEarlyLearning(checkpoints);
  EXPECT_EQ(e.steps, (std::vector<int64_t>{100, 200, 300}));
  EXPECT_EQ(e.agreement_with_final, (std::vector<double>{1, 1, 1}));
  EXPECT_FALSE(e.agreement_with_previous[0].has_value());
  EXPECT_DOUBLE_EQ(*e.agreement_with_previous[1], 1.0);
  ASSERT_TRUE(e.first_step_at_threshold.has_value());
  EXPECT_EQ(*e.first_step_at_threshold, 100);
}

TEST(EarlyLearning, AgreementCountsTokenLayerPairs) {
  const Shape shape;
  // Step 100 differs from the final routing in layer 0 for tokens at positions 0..15 (a
  // quarter): agreement 1 - 0.25 / 2 = 0.875 overall, 0.75 in layer 0. Step 200 differs in half
  // the positions of both layers: 0.5. Threshold 0.85: first reached at step 100.
  const auto final_route = [](int, int, int32_t token, int32_t, int, int) { return token % 8; };
  RoutingTrace early = makeTrace(shape, [](int, int p, int32_t token, int32_t, int l, int) {
    return l == 0 && p < 16 ? (token + 1) % 8 : token % 8;
  });
  early.checkpoint_step = 100;
  RoutingTrace middle = makeTrace(shape, [](int, int p, int32_t token, int32_t, int, int) {
    return p % 2 ? (token + 3) % 8 : token % 8;
  });
  middle.checkpoint_step = 200;
  RoutingTrace final_trace = makeTrace(shape, final_route);
  final_trace.checkpoint_step = 300;
  const std::vector<CheckpointSummary> checkpoints = {summariseCheckpoint(early), summariseCheckpoint(middle),
                                                      summariseCheckpoint(final_trace)};
  const EarlyLearning e = analyseEarlyLearning(checkpoints, 0.85);
  EXPECT_DOUBLE_EQ(e.agreement_with_final[0], 0.875);
  EXPECT_DOUBLE_EQ(e.agreement_with_final_by_layer[0][0], 0.75);
  EXPECT_DOUBLE_EQ(e.agreement_with_final_by_layer[0][1], 1.0);
  EXPECT_DOUBLE_EQ(e.agreement_with_final[1], 0.5);
  EXPECT_DOUBLE_EQ(e.agreement_with_final[2], 1.0);
  // early vs middle: layer 0 positions < 16: (t+1) vs t or t+3 → disagree; p >= 16: odd disagree.
  // Layer 0: 16 + 24 of 64 differ → 24/64 agree; layer 1: 32/64 agree → (24 + 32) / 128.
  EXPECT_DOUBLE_EQ(*e.agreement_with_previous[1], 56.0 / 128.0);
  EXPECT_EQ(*e.first_step_at_threshold, 100);
  EXPECT_FALSE(analyseEarlyLearning(checkpoints, 1.01).first_step_at_threshold.has_value());
  // At 90 % only the final checkpoint (which agrees with itself) would reach it: not found.
  EXPECT_FALSE(analyseEarlyLearning(checkpoints, 0.9).first_step_at_threshold.has_value());
  EXPECT_EQ(analyseEarlyLearning(checkpoints, 0.5).first_step_at_threshold, 100);
}

// The observation of issue 15: agreement 0.55 at step 30, the final step 60. The final checkpoint
// always agrees with itself, so it never counts as "reached": only earlier checkpoints do.
TEST(EarlyLearning, TheFinalCheckpointNeverReachesTheThresholdByItself) {
  Shape shape;
  shape.sequences = 20;
  shape.length = 20;
  shape.layers = 1;
  // Step 30 agrees with the final routing on positions 0..10 of 20: 0.55.
  RoutingTrace early = makeTrace(shape, [](int, int p, int32_t token, int32_t, int, int) {
    return p <= 10 ? token % 8 : (token + 1) % 8;
  });
  early.checkpoint_step = 30;
  RoutingTrace final_trace =
      makeTrace(shape, [](int, int, int32_t token, int32_t, int, int) { return token % 8; });
  final_trace.checkpoint_step = 60;
  const std::vector<CheckpointSummary> checkpoints = {summariseCheckpoint(early),
                                                      summariseCheckpoint(final_trace)};
  const EarlyLearning e = analyseEarlyLearning(checkpoints);
  EXPECT_DOUBLE_EQ(e.agreement_with_final[0], 0.55);
  EXPECT_DOUBLE_EQ(e.agreement_with_final[1], 1.0);
  EXPECT_FALSE(e.first_step_at_threshold.has_value()) << "reported step " << *e.first_step_at_threshold;
  EXPECT_EQ(analyseEarlyLearning(checkpoints, 0.5).first_step_at_threshold, 30);
  // A single checkpoint has nothing before the final one.
  const std::vector<CheckpointSummary> only_final = {summariseCheckpoint(final_trace)};
  EXPECT_FALSE(analyseEarlyLearning(only_final).first_step_at_threshold.has_value());
}

TEST(EarlyLearning, CheckpointsOfOtherTokensAreAnError) {
  const Shape shape;
  const auto route = [](int, int, int32_t token, int32_t, int, int) { return token % 8; };
  RoutingTrace a = makeTrace(shape, route, 1);
  RoutingTrace b = makeTrace(shape, route, 2);
  b.checkpoint_step = 200;
  const std::vector<CheckpointSummary> checkpoints = {summariseCheckpoint(a), summariseCheckpoint(b)};
  const std::string message = errorOf([&] { analyseEarlyLearning(checkpoints); });
  EXPECT_NE(message.find("checkpoint step 100"), std::string::npos) << message;
  EXPECT_NE(message.find("token stream"), std::string::npos) << message;
  EXPECT_TRUE(oneLine(message));

  Shape shorter = shape;
  shorter.length = 32;
  RoutingTrace c = makeTrace(shorter, route, 1);
  const std::vector<CheckpointSummary> other_lengths = {summariseCheckpoint(c), summariseCheckpoint(b)};
  EXPECT_NE(errorOf([&] { analyseEarlyLearning(other_lengths); }).find("other sequences"), std::string::npos);

  Shape wider = shape;
  wider.layers = 3;
  RoutingTrace d = makeTrace(wider, route, 2);
  const std::vector<CheckpointSummary> other_layers = {summariseCheckpoint(d), summariseCheckpoint(b)};
  EXPECT_NE(errorOf([&] { analyseEarlyLearning(other_layers); }).find("3 layers"), std::string::npos);
  EXPECT_NE(errorOf([] { analyseEarlyLearning({}); }).find("no traced checkpoints"), std::string::npos);
}

// --- drop towards the end ---------------------------------------------------------------------

TEST(DropByPosition, KnownDropPatternGivesTheExpectedCurve) {
  Shape shape;
  shape.sequences = 10;
  shape.length = 32;
  shape.top_k = 2;
  RoutingTrace t = makeTrace(shape, [](int, int, int32_t, int32_t, int, int k) { return k; });
  // "code" sequences (even) drop their second choice from position 24 on in layer 1 only;
  // "english" ones drop nothing.
  t.dropped.assign(t.expert_ids.size(), 0);
  for (int64_t token = 0; token < t.tokenCount(); ++token)
    if (t.domainOf(token) == "code" && t.positionOf(token) >= 24) t.dropped[t.choiceIndex(token, 1, 1)] = 1;
  const DropByPosition d = analyseDropByPosition(t, 4);
  EXPECT_EQ(d.bin_start, (std::vector<int64_t>{0, 8, 16, 24}));
  EXPECT_EQ(d.bin_end, (std::vector<int64_t>{8, 16, 24, 32}));
  ASSERT_EQ(d.domains, (std::vector<std::string>{"code", "english"}));
  // Layer 1, code, last bin: one of two choices dropped.
  EXPECT_EQ(d.by_domain_layer[0][1], (std::vector<double>{0, 0, 0, 0.5}));
  EXPECT_EQ(d.by_domain_layer[0][0], (std::vector<double>{0, 0, 0, 0}));
  EXPECT_EQ(d.by_domain_layer[1][1], (std::vector<double>{0, 0, 0, 0}));
  EXPECT_EQ(d.by_domain[0], (std::vector<double>{0, 0, 0, 0.25}));
  EXPECT_EQ(d.by_layer[1], (std::vector<double>{0, 0, 0, 0.25}));
  EXPECT_EQ(d.all, (std::vector<double>{0, 0, 0, 0.125}));
  EXPECT_DOUBLE_EQ(d.overall, 0.125 / 4);
  EXPECT_EQ(d.choices[3], 10 * 8 * 2 * 2);

  // Five bins over 32 positions: width 7, the last bin holds 28..31.
  const DropByPosition five = analyseDropByPosition(t, 5);
  EXPECT_EQ(five.bin_start, (std::vector<int64_t>{0, 7, 14, 21, 28}));
  EXPECT_EQ(five.bin_end.back(), 32);

  t.dropped.clear();
  const std::string message = errorOf([&] { analyseDropByPosition(t); });
  EXPECT_NE(message.find("no dropped flags"), std::string::npos) << message;
  EXPECT_NE(message.find("synthetic"), std::string::npos) << message;
}

// --- domain specialisation --------------------------------------------------------------------

TEST(DomainShares, SharesPerDomainAndToken) {
  Shape shape;
  shape.sequences = 4;
  shape.top_k = 2;
  shape.experts = 4;
  // code: experts 0 and 1; english: expert 2 in both slots in layer 0, expert 3 then -1 in layer 1.
  const RoutingTrace t = makeTrace(shape, [](int s, int, int32_t, int32_t, int l, int k) {
    if (s % 2 == 0) return k;
    if (l == 0) return 2;
    return k == 0 ? 3 : -1;
  });
  const auto domains = domainExpertShares(t);
  ASSERT_EQ(domains.size(), 2u);
  EXPECT_EQ(domains[0].label, "code");
  EXPECT_EQ(domains[0].tokens, 2 * 64);
  EXPECT_EQ(domains[0].share[0], (std::vector<double>{0.5, 0.5, 0, 0}));
  EXPECT_EQ(domains[1].share[0], (std::vector<double>{0, 0, 1, 0}));
  EXPECT_EQ(domains[1].share[1], (std::vector<double>{0, 0, 0, 1}));

  const std::vector<std::string> pieces = {"t5", "nothing"};
  const auto tokens = tokenExpertShares(t, pieces);
  ASSERT_EQ(tokens.size(), 2u);
  int64_t occurrences = 0;
  for (int64_t i = 0; i < t.tokenCount(); ++i) occurrences += t.tokenIdOf(i) == 5 ? 1 : 0;
  EXPECT_EQ(tokens[0].tokens, occurrences);
  EXPECT_NEAR(tokens[0].share[0][0] + tokens[0].share[0][1] + tokens[0].share[0][2], 1.0, 1e-12);
  EXPECT_EQ(tokens[1].tokens, 0);
  EXPECT_EQ(tokens[1].share[0], (std::vector<double>{0, 0, 0, 0}));
  EXPECT_EQ(mostFrequentPieces(t, 3).size(), 3u);
}

// --- RMoE analyses ----------------------------------------------------------------------------

TEST(CrossLayer, TopOneMiBetweenCopiedAndIndependentLayers) {
  Shape shape;
  shape.layers = 3;
  // Layer 1 copies layer 0 (by token); layer 2 depends on the position only.
  const RoutingTrace t = makeTrace(
      shape, [](int, int p, int32_t token, int32_t, int l, int) { return l < 2 ? token % 8 : p / 8; });
  const auto mi = topOneCrossLayerMi(t, 5, 1);
  ASSERT_EQ(mi.size(), 9u);
  EXPECT_NEAR(mi[0 * 3 + 1].raw, 3.0, 0.01);
  EXPECT_NEAR(mi[0 * 3 + 1].corrected, 3.0, 0.02);
  EXPECT_DOUBLE_EQ(mi[1 * 3 + 0].corrected, mi[0 * 3 + 1].corrected);
  EXPECT_NEAR(mi[0 * 3 + 2].corrected, 0.0, 0.01);
  EXPECT_NEAR(mi[2 * 3 + 2].raw, 3.0, 1e-9);
}

TEST(CrossLayer, BinnedProbabilityMiAsTheRmoePaperComputesIt) {
  Shape shape;
  shape.sequences = 2;
  shape.length = 4;
  shape.layers = 3;
  shape.experts = 4;
  RoutingTrace t = makeTrace(shape, [](int, int, int32_t, int32_t, int, int) { return 0; });
  // Layers 0 and 1: [0.7, 0.2, 0.1, 0] (np.digitize bins 70, 20, 10, 1: four distinct values,
  // H = ln 4 nats); layer 2: uniform (one bin, H = 0). Per token: I(0;1) = ln 4, I(0;2) = I(1;2) = 0.
  for (int64_t token = 0; token < t.tokenCount(); ++token) {
    for (const float p : {0.7f, 0.2f, 0.1f, 0.0f}) t.full_probs.push_back(p);
    for (const float p : {0.7f, 0.2f, 0.1f, 0.0f}) t.full_probs.push_back(p);
    for (int e = 0; e < 4; ++e) t.full_probs.push_back(0.25f);
  }
  t.validate();
  const auto mi = binnedProbabilityMi(t, 100);
  ASSERT_EQ(mi.size(), 9u);
  EXPECT_NEAR(mi[0 * 3 + 1], std::log(4.0), 1e-12);
  EXPECT_NEAR(mi[1 * 3 + 0], std::log(4.0), 1e-12);
  EXPECT_NEAR(mi[0 * 3 + 0], std::log(4.0), 1e-12);
  EXPECT_NEAR(mi[0 * 3 + 2], 0.0, 1e-12);
  EXPECT_NEAR(mi[2 * 3 + 2], 0.0, 1e-12);
  // Edges 0, 0.5, 1: 0.7 lands in bin 2, the rest in bin 1: H = H(1/4) = 0.562 nats. With edges 0
  // and 1 only, every value below 1 shares bin 1: no information.
  EXPECT_NEAR(binnedProbabilityMi(t, 3)[1], -(0.25 * std::log(0.25) + 0.75 * std::log(0.75)), 1e-12);
  EXPECT_NEAR(binnedProbabilityMi(t, 2)[1], 0.0, 1e-12);

  t.full_probs.clear();
  const std::string message = errorOf([&] { binnedProbabilityMi(t); });
  EXPECT_NE(message.find("no full_probs"), std::string::npos) << message;
  EXPECT_NE(message.find("run synthetic at step 100"), std::string::npos) << message;
  EXPECT_TRUE(oneLine(message));
}

// The RMoE paper's code: per token, sklearn's mutual_info_score (nats) of
// np.digitize(p, np.linspace(0, 1, 100)) of two layers, averaged over tokens. The fixture puts
// values on both sides of the bin edges where floor(p * 100) and digitize disagree (0.100/0.105,
// 0.295/0.300, 0.995/1.0, 0/0.005). Expected values from Debian 12's python3-sklearn 1.2.1 and
// python3-numpy 1.24.2:
//
//   import numpy as np
//   from sklearn.metrics import mutual_info_score
//   p = np.array([[[0.100, 0.105, 0.30, 0.295, 0.2, 0.0],
//                  [1.0, 0.995, 0.0, 0.0, 0.005, 0.0],
//                  [0.5, 0.5, 0.0, 0.0, 0.0, 0.0]],
//                 [[0.4, 0.25, 0.15, 0.1, 0.06, 0.04],
//                  [0.41, 0.24, 0.16, 0.1, 0.05, 0.04],
//                  [0.01, 0.011, 0.0101, 0.9, 0.05, 0.0189]]], dtype=np.float32)  # [token][layer][expert]
//   b = np.digitize(p, np.linspace(0, 1, 100))
//   mi = np.mean([[[mutual_info_score(t[i], t[j]) for j in range(3)] for i in range(3)] for t in b], axis=0)
//   for row in mi: print(", ".join(repr(float(v)) for v in row))
//
// prints
//   1.6762349391347304, 1.329661348854758, 0.9830877585747854
//   1.329661348854758, 1.329661348854758, 0.9830877585747854
//   0.9830877585747855, 0.9830877585747855, 0.9830877585747854
// (floor(p * 100) binning gives 1.2141 and 0.7520 off the diagonal; bits would be 1/ln 2 times more).
TEST(CrossLayer, BinnedProbabilityMiMatchesScikitLearnOnNumpyDigitizedBins) {
  Shape shape;
  shape.sequences = 1;
  shape.length = 2;
  shape.layers = 3;
  shape.experts = 6;
  RoutingTrace t = makeTrace(shape, [](int, int, int32_t, int32_t, int, int) { return 0; });
  // clang-format off
  t.full_probs = {0.100f, 0.105f, 0.30f,   0.295f, 0.2f,   0.0f,     // token 0, layer 0
                  1.0f,   0.995f, 0.0f,    0.0f,   0.005f, 0.0f,     //          layer 1
                  0.5f,   0.5f,   0.0f,    0.0f,   0.0f,   0.0f,     //          layer 2
                  0.4f,   0.25f,  0.15f,   0.1f,   0.06f,  0.04f,    // token 1, layer 0
                  0.41f,  0.24f,  0.16f,   0.1f,   0.05f,  0.04f,    //          layer 1
                  0.01f,  0.011f, 0.0101f, 0.9f,   0.05f,  0.0189f}; //          layer 2
  // clang-format on
  t.validate();
  const std::vector<double> sklearn = {1.6762349391347304, 1.329661348854758,  0.9830877585747854,
                                       1.329661348854758,  1.329661348854758,  0.9830877585747854,
                                       0.9830877585747855, 0.9830877585747855, 0.9830877585747854};
  const auto mi = binnedProbabilityMi(t, 100);
  ASSERT_EQ(mi.size(), 9u);
  for (size_t i = 0; i < 9; ++i) EXPECT_NEAR(mi[i], sklearn[i], 1e-12) << "entry " << i;

  // The analysis JSON says which unit each cross-layer MI is in.
  const auto a = analyzeTrace(t);
  EXPECT_EQ(a["cross_layer_mi_binned"]["unit"], "nats");
  EXPECT_EQ(a["cross_layer_mi_top1"]["unit"], "bits");
  EXPECT_NEAR(a["cross_layer_mi_binned"]["matrix"][0][1].get<double>(), sklearn[1], 1e-12);
  EXPECT_NEAR(a["summary"]["cross_layer_mi_binned_nats"].get<double>(),
              (sklearn[1] + sklearn[2] + sklearn[5]) / 3.0, 1e-12);
  EXPECT_NE(analysisText(a).find(" nats"), std::string::npos) << analysisText(a);
}

TEST(GateStatistics, EntropyRatioAndFrequency) {
  Shape shape;
  shape.sequences = 2;
  shape.length = 5;
  shape.experts = 4;
  shape.top_k = 2;
  RoutingTrace t =
      makeTrace(shape, [](int, int p, int32_t, int32_t, int l, int k) { return l == 0 ? k : (p + k) % 4; });
  for (int64_t token = 0; token < t.tokenCount(); ++token) {
    for (const float p : {0.7f, 0.2f, 0.1f, 0.0f}) t.full_probs.push_back(p);
    for (int e = 0; e < 4; ++e) t.full_probs.push_back(0.25f);
  }
  t.validate();
  const GateStatistics g = analyseGates(t, 10);
  EXPECT_EQ(g.ratio_source, "full_probs");
  EXPECT_DOUBLE_EQ(g.entropy_max_bits, 2.0);
  const double h0 = -(0.7 * std::log2(0.7) + 0.2 * std::log2(0.2) + 0.1 * std::log2(0.1));
  EXPECT_NEAR(g.mean_entropy[0], h0, 1e-6);
  EXPECT_NEAR(g.mean_entropy[1], 2.0, 1e-6);
  EXPECT_EQ(g.entropy_histogram[0][static_cast<size_t>(h0 / 2.0 * 10)], 10);
  EXPECT_EQ(g.entropy_histogram[1][9], 10);  // the maximum lands in the last bin
  EXPECT_NEAR(g.median_top1_top2_ratio[0], 3.5, 1e-6);
  EXPECT_NEAR(g.median_top1_top2_ratio[1], 1.0, 1e-12);
  EXPECT_EQ(g.expert_frequency[0], (std::vector<double>{1, 0, 0, 0}));
  // Layer 1 top-1 = position % 4 over positions 0..4: expert 0 twice, 1..3 once each.
  EXPECT_EQ(g.expert_frequency[1], (std::vector<double>{0.4, 0.2, 0.2, 0.2}));

  // Without full_probs, the recorded top-2 probabilities give the ratio.
  t.full_probs.clear();
  for (int64_t token = 0; token < t.tokenCount(); ++token)
    for (const float p : {0.6f, 0.2f, 0.5f, 0.25f}) t.probs.push_back(p);
  const GateStatistics from_probs = analyseGates(t);
  EXPECT_EQ(from_probs.ratio_source, "probs");
  EXPECT_TRUE(from_probs.entropy_histogram.empty());
  EXPECT_NEAR(from_probs.median_top1_top2_ratio[0], 3.0, 1e-6);
  EXPECT_NEAR(from_probs.median_top1_top2_ratio[1], 2.0, 1e-6);
}

TEST(GruPca, FindsTheDirectionsOfLargestVariance) {
  Shape shape;
  shape.sequences = 4;
  shape.length = 50;
  shape.layers = 2;
  RoutingTrace t = makeTrace(shape, [](int, int, int32_t, int32_t, int, int) { return 0; });
  t.router = "gru";
  t.gru_hidden = 3;
  // h = a u + b w + 1 with u = (0.6, 0.8, 0), w = (0, 0, 1), a = ±2, b = ±1 independent (a by
  // row parity, b by row pair): variances 4 and 1 (times n/(n-1)), nothing else.
  const size_t rows = static_cast<size_t>(t.tokenCount()) * 2;
  for (size_t r = 0; r < rows; ++r) {
    const float a = r % 2 ? 2.0f : -2.0f;
    const float b = (r / 2) % 2 ? 1.0f : -1.0f;
    for (const float v : {0.6f * a + 1, 0.8f * a + 1, b + 1}) t.gru_state.push_back(floatToHalf(v));
    t.update_gate_mean.push_back(r % 2 ? 0.75f : 0.25f);  // layer 1 always 0.75, layer 0 0.25
  }
  t.validate();
  const GruPca pca = analyseGruStates(t);
  const double n = static_cast<double>(rows);
  EXPECT_NEAR(pca.explained[0], 4.0 * n / (n - 1), 0.02);
  EXPECT_NEAR(pca.explained[1], 1.0 * n / (n - 1), 0.01);
  EXPECT_NEAR(pca.total_variance, 5.0 * n / (n - 1), 0.02);
  EXPECT_NEAR(pca.components[0], 0.6, 1e-3);
  EXPECT_NEAR(pca.components[1], 0.8, 1e-3);
  EXPECT_NEAR(pca.components[2], 0.0, 1e-3);
  EXPECT_NEAR(std::abs(pca.components[5]), 1.0, 1e-3);
  ASSERT_EQ(pca.coords.size(), rows * 2);
  EXPECT_NEAR(pca.coords[0], -2.0, 0.01);  // row 0: a = -2
  EXPECT_NEAR(pca.coords[2], 2.0, 0.01);   // row 1: a = +2
  EXPECT_NEAR(std::abs(pca.coords[1]), 1.0, 0.01);
  const auto gates = meanUpdateGate(t);
  EXPECT_NEAR(gates[0], 0.25, 1e-7);
  EXPECT_NEAR(gates[1], 0.75, 1e-7);

  t.gru_state.clear();
  t.update_gate_mean.clear();
  t.gru_hidden = 0;
  EXPECT_NE(errorOf([&] { analyseGruStates(t); }).find("no GRU router states"), std::string::npos);
  EXPECT_NE(errorOf([&] { meanUpdateGate(t); }).find("no GRU update gates"), std::string::npos);
}

// --- load and balance -------------------------------------------------------------------------

TEST(Load, SharesDeadExpertsAndPercentiles) {
  EXPECT_DOUBLE_EQ(percentile({4, 1, 3, 2}, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(percentile({4, 1, 3, 2}, 0.05), 1.15);
  EXPECT_DOUBLE_EQ(percentile({4, 1, 3, 2}, 1.0), 4.0);
  // Layer 0: 1/3 each for three experts, none for the fourth; layer 1 uniform but for an expert
  // with 1 request in 1,000 (share 0.001 < 0.01 * 1/4).
  const std::vector<int64_t> requests = {100, 100, 100, 0, 333, 333, 333, 1};
  const LoadBalance load = analyseLoad(requests, 2, 4);
  EXPECT_DOUBLE_EQ(load.dead_threshold_share, 0.0025);
  EXPECT_EQ(load.layers[0].dead, (std::vector<int>{3}));
  EXPECT_EQ(load.layers[1].dead, (std::vector<int>{3}));
  EXPECT_NEAR(load.layers[0].p50, 1.0 / 3, 1e-12);
  EXPECT_NEAR(load.layers[0].p5, 0.15 * (1.0 / 3), 1e-12);
  EXPECT_NEAR(load.layers[0].max_over_uniform, 4.0 / 3, 1e-12);
  EXPECT_TRUE(analyseLoad(requests, 2, 4, LoadOptions{0.0}).layers[0].dead.empty());
  EXPECT_NE(errorOf([&] { analyseLoad(requests, 3, 4); }).find("8 request counts"), std::string::npos);
}

TEST(Load, OverTrainingFromCheckpointSummaries) {
  Shape shape;
  shape.experts = 4;
  shape.top_k = 2;
  // Step 100: everything to experts 0 and 1 (2 dead per layer); step 200: balanced.
  RoutingTrace early = makeTrace(shape, [](int, int, int32_t, int32_t, int, int k) { return k; });
  early.checkpoint_step = 100;
  RoutingTrace late =
      makeTrace(shape, [](int, int p, int32_t, int32_t, int, int k) { return (p + 2 * k) % 4; });
  late.checkpoint_step = 200;
  const std::vector<CheckpointSummary> checkpoints = {summariseCheckpoint(late), summariseCheckpoint(early)};
  EXPECT_EQ(checkpoints[1].requests, (std::vector<int64_t>{6400, 6400, 0, 0, 6400, 6400, 0, 0}));
  const LoadOverTraining l = analyseLoadOverTraining(checkpoints);
  EXPECT_EQ(l.steps, (std::vector<int64_t>{100, 200}));
  EXPECT_EQ(l.dead_experts, (std::vector<int>{4, 0}));
  EXPECT_DOUBLE_EQ(l.p95[0][0], 0.5);
  EXPECT_DOUBLE_EQ(l.p5[0][0], 0.0);
  EXPECT_DOUBLE_EQ(l.p50[1][1], 0.25);
  EXPECT_DOUBLE_EQ(l.max_over_uniform[1][0], 1.0);
}

// --- whole runs -------------------------------------------------------------------------------

class AnalyzeRun : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = routescope::testing::makeTempDir(); }
  void TearDown() override { fs::remove_all(dir_); }

  // A run with traces at steps 100, 200, 300: routing by token id from step 200 on.
  std::string addRun(routescope::core::RunStore& store, const std::string& router, double valid_bpb,
                     uint64_t seed = 0) {
    routescope::core::NewRun run;
    run.study = "moe";
    run.kind = "train";
    run.config = {{"model", {{"router", router}}}};
    run.seed = seed;
    const std::string id = store.beginRun(run);
    Shape shape;
    shape.top_k = 2;
    for (const int64_t step : {100, 200, 300}) {
      RoutingTrace t = makeTrace(shape, [step](int, int p, int32_t token, int32_t, int, int k) {
        return step == 100 ? (p + k) % 8 : (token + k) % 8;
      });
      t.checkpoint_step = step;
      t.router = router;
      t.run_id = id;
      t.dropped.assign(t.expert_ids.size(), 0);
      for (int64_t token = 0; token < t.tokenCount(); ++token)
        if (t.positionOf(token) >= 48) t.dropped[t.choiceIndex(token, 0, 1)] = 1;
      for (int64_t token = 0; token < t.tokenCount(); ++token)
        for (int l = 0; l < shape.layers; ++l)
          for (int e = 0; e < shape.experts; ++e)
            t.full_probs.push_back(e == t.expert(token, l, 0)   ? 0.5f
                                   : e == t.expert(token, l, 1) ? 0.3f
                                                                : 0.2f / 6);
      if (router == "gru") {
        t.gru_hidden = 4;
        for (int64_t i = 0; i < t.tokenCount() * shape.layers; ++i) {
          for (int h = 0; h < 4; ++h)
            t.gru_state.push_back(floatToHalf(static_cast<float>((i * (h + 3)) % 7) - 3.0f));
          t.update_gate_mean.push_back(0.5f);
        }
      }
      store.putArtifact(id, traceArtifactName(step), writeTrace(t));
    }
    const std::vector<routescope::core::MetricPoint> points = {{"valid_bpb", 100, 3.0},
                                                               {"valid_bpb", 300, valid_bpb}};
    store.addMetrics(id, points);
    store.finishRun(id, routescope::core::RunStatus::Completed);
    return id;
  }

  std::string dir_;
};

TEST_F(AnalyzeRun, RunsEveryAnalysisAndComparesRuns) {
  routescope::core::RunStore store(dir_ + "/runs.sqlite");
  const std::string linear = addRun(store, "linear", 2.5);
  const std::string gru = addRun(store, "gru", 2.3);

  const auto a = analyzeRun(store, linear);
  EXPECT_EQ(a["run_id"], linear);
  EXPECT_EQ(a["router"], "linear");
  EXPECT_EQ(a["step"], 300);
  EXPECT_EQ(a["checkpoint_steps"], nlohmann::json({100, 200, 300}));
  for (const char* key : {"mi_token", "mi_token_raw", "mi_token_bias", "mi_position", "mi_prev_token",
                          "expert_entropy", "consistency_mean", "top1_top2_ratio_median"}) {
    ASSERT_TRUE(a[key].is_array()) << key;
    EXPECT_EQ(a[key].size(), 2u) << key;
  }
  EXPECT_NEAR(a["mi_token"][0].get<double>(), a["expert_entropy"][0].get<double>(), 0.1);
  EXPECT_NEAR(a["mi_position"][0].get<double>(), 0.0, 0.05);
  EXPECT_EQ(a["early_learning"]["steps"], nlohmann::json({100, 200, 300}));
  EXPECT_EQ(a["early_learning"]["agreement_with_final"][1], 1.0);
  EXPECT_EQ(a["early_learning"]["first_step_at_threshold"], 200);
  EXPECT_EQ(a["drop_by_position"]["all"].back(), 0.25);  // layer 0's second choice of 2 layers x 2
  EXPECT_EQ(a["drop_by_position"]["all"].front(), 0.0);
  EXPECT_TRUE(a["cross_layer_mi_binned"].is_object());
  EXPECT_NEAR(a["top1_top2_ratio_median"][0].get<double>(), 0.5 / 0.3, 1e-5);
  EXPECT_TRUE(a["gru_pca"].is_null());
  EXPECT_EQ(a["load_over_training"]["steps"], nlohmann::json({100, 200, 300}));
  EXPECT_EQ(a["valid_bpb"], 2.5);
  EXPECT_EQ(a["summary"]["first_step_at_threshold"], 200);
  EXPECT_EQ(a["domain_shares"].size(), 2u);
  EXPECT_EQ(a["token_shares"].size(), 8u);
  EXPECT_FALSE(a["notes"].empty());  // no GRU states
  EXPECT_FALSE(analysisText(a).empty());

  // An earlier step: only the checkpoints up to it count.
  AnalysisOptions options;
  options.step = 200;
  const auto at200 = analyzeRun(store, linear, options);
  EXPECT_EQ(at200["early_learning"]["steps"], nlohmann::json({100, 200}));
  // Step 100 routes by position, 200 by token: nothing before the final step 200 reaches 90 %.
  EXPECT_LT(at200["early_learning"]["agreement_with_final"][0].get<double>(), 0.9);
  EXPECT_TRUE(at200["early_learning"]["first_step_at_threshold"].is_null());
  EXPECT_TRUE(at200["summary"]["first_step_at_threshold"].is_null());
  EXPECT_NE(analysisText(at200).find("0.90 not reached before the final checkpoint"), std::string::npos)
      << analysisText(at200);
  EXPECT_NE(analysisText(a).find("0.90 first reached at step 200 (before the final one)"), std::string::npos)
      << analysisText(a);

  const auto g = analyzeRun(store, gru);
  ASSERT_TRUE(g["gru_pca"].is_object());
  EXPECT_EQ(g["gru_pca"]["coords"].size(), 256u);
  EXPECT_EQ(g["gru_pca"]["coords"][0].size(), 2u);
  EXPECT_EQ(g["update_gate_mean"], nlohmann::json({0.5, 0.5}));

  const std::vector<std::string> ids = {linear, gru};
  const auto c = compareRuns(store, ids);
  EXPECT_EQ(c["runs"].size(), 2u);
  EXPECT_EQ(c["metrics"]["valid_bpb"]["values"], nlohmann::json({2.5, 2.3}));
  EXPECT_NEAR(c["metrics"]["valid_bpb"]["mean"].get<double>(), 2.4, 1e-12);
  EXPECT_NEAR(c["metrics"]["valid_bpb"]["std"].get<double>(), std::sqrt(0.02), 1e-12);
  EXPECT_TRUE(c["metrics"].contains("mi_token"));
  EXPECT_NE(comparisonText(c).find("valid_bpb"), std::string::npos);

  options.step = 150;
  const std::string missing = errorOf([&] { analyzeRun(store, linear, options); });
  EXPECT_NE(missing.find("no routing trace of step 150"), std::string::npos) << missing;
  routescope::core::NewRun empty;
  empty.study = "moe";
  empty.kind = "train";
  const std::string bare = store.beginRun(empty);
  EXPECT_NE(errorOf([&] { analyzeRun(store, bare); }).find("has no routing traces"), std::string::npos);
}

// moe compare as a job: a stored run whose comparison.json has every run, and seed groups with the
// spread of validation bits/byte over the runs that differ only in seed.
TEST_F(AnalyzeRun, CompareJobStoresTheComparison) {
  routescope::core::RunStore store(dir_ + "/runs.sqlite");
  const std::string a = addRun(store, "linear", 2.5, 1);
  const std::string b = addRun(store, "linear", 2.7, 2);
  const std::string g = addRun(store, "gru", 2.3, 1);
  EXPECT_EQ(splitRunList(" a, b,,c "), (std::vector<std::string>{"a", "b", "c"}));

  const auto kind = compareJobKind();
  const auto launch = [&](const std::string& runs) {
    routescope::core::RunRequest request;
    request.study = "moe";
    request.kind = "compare";
    request.settings.config = kind.schema.resolve(nullptr, {"runs=" + runs, "permutations=2"});
    auto job = kind.create(request.settings.config);
    return routescope::core::runJob(store, *job, request, routescope::core::CancelToken{});
  };
  const auto outcome = launch(a + "," + b.substr(0, 10) + "," + g);
  ASSERT_EQ(outcome.status, routescope::core::RunStatus::Completed) << outcome.error;
  const auto c = nlohmann::json::parse(store.readArtifactText(outcome.run_id, "comparison.json"));
  EXPECT_EQ(c["run_ids"], nlohmann::json({a, b, g}));
  ASSERT_EQ(c["runs"].size(), 3u);
  EXPECT_EQ(c["runs"][2]["router"], "gru");
  EXPECT_EQ(c["runs"][1]["seed"], 2);
  EXPECT_EQ(c["runs"][0]["mi_token"].size(), 2u);
  ASSERT_EQ(c["seed_groups"].size(), 2u);
  EXPECT_EQ(c["seed_groups"][0]["runs"], nlohmann::json({0, 1}));
  EXPECT_EQ(c["seed_groups"][0]["seeds"], nlohmann::json({1, 2}));
  EXPECT_NEAR(c["seed_groups"][0]["valid_bpb"]["mean"].get<double>(), 2.6, 1e-12);
  EXPECT_NEAR(c["seed_groups"][0]["valid_bpb"]["std"].get<double>(), std::sqrt(0.02), 1e-12);
  EXPECT_EQ(c["seed_groups"][1]["runs"], nlohmann::json({2}));
  const auto result = nlohmann::json::parse(store.readArtifactText(outcome.run_id, "result.json"));
  EXPECT_EQ(result["runs"].size(), 3u);

  const auto one = launch(a);
  EXPECT_EQ(one.status, routescope::core::RunStatus::Failed);
  EXPECT_NE(one.error.find("give at least two runs"), std::string::npos) << one.error;
  const auto unknown = launch(a + ",nosuchrun");
  EXPECT_EQ(unknown.status, routescope::core::RunStatus::Failed);
  EXPECT_NE(unknown.error.find("nosuchrun"), std::string::npos) << unknown.error;
  EXPECT_EQ(unknown.error.find('\n'), std::string::npos) << unknown.error;
}
