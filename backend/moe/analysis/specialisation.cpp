#include "backend/moe/analysis/specialisation.h"

#include <algorithm>

#include "backend/core/error.h"
#include "backend/moe/analysis/trace_columns.h"

namespace routescope::moe::analysis {
namespace {

// The three conditioning variables as dense codes over the whole trace.
struct Conditions {
  DenseCodes token;
  DenseCodes position;
  DenseCodes previous;  // code `token.cardinality` stands for "no previous token"
  std::vector<int32_t> token_ids;
};

Conditions conditions(const RoutingTrace& trace, int bucket_width) {
  Conditions c;
  c.token_ids = tokenIds(trace);
  c.token = denseCodes(c.token_ids);
  std::vector<int32_t> buckets = tokenPositions(trace);
  for (int32_t& p : buckets) p /= bucket_width;
  c.position = denseCodes(buckets);
  c.previous.cardinality = c.token.cardinality + 1;
  c.previous.codes.resize(c.token.codes.size());
  const auto& offsets = trace.sequenceOffsets();
  for (size_t s = 0; s + 1 < offsets.size(); ++s) {
    for (int64_t t = offsets[s]; t < offsets[s + 1]; ++t)
      c.previous.codes[static_cast<size_t>(t)] =
          t == offsets[s] ? c.token.cardinality : c.token.codes[static_cast<size_t>(t - 1)];
  }
  return c;
}

}  // namespace

std::vector<LayerSpecialisation> analyseSpecialisation(const RoutingTrace& trace,
                                                       const SpecialisationOptions& options) {
  if (options.position_bucket_width < 1)
    throw core::Error("specialisation: position bucket width must be at least 1, not " +
                      std::to_string(options.position_bucket_width));
  const int layers = trace.layers;
  const int experts = trace.experts;
  const auto top = topOneExperts(trace);
  const Conditions c = conditions(trace, options.position_bucket_width);
  const size_t tokens = c.token_ids.size();

  // The token id of each dense token code, for the table.
  std::vector<int32_t> id_of_code(static_cast<size_t>(c.token.cardinality), 0);
  for (size_t t = 0; t < tokens; ++t) id_of_code[static_cast<size_t>(c.token.codes[t])] = c.token_ids[t];

  std::vector<LayerSpecialisation> result(static_cast<size_t>(layers));
  std::vector<int32_t> x, token, position, previous;
  std::vector<int32_t> counts;  // [token code][expert]
  for (int l = 0; l < layers; ++l) {
    x.clear();
    token.clear();
    position.clear();
    previous.clear();
    for (size_t t = 0; t < tokens; ++t) {
      const int16_t e = top[t * static_cast<size_t>(layers) + static_cast<size_t>(l)];
      if (e < 0) continue;
      x.push_back(e);
      token.push_back(c.token.codes[t]);
      position.push_back(c.position.codes[t]);
      previous.push_back(c.previous.codes[t]);
    }
    LayerSpecialisation& out = result[static_cast<size_t>(l)];
    // Each MI gets its own seed so that adding a layer or variable never changes the others.
    const uint64_t seed = options.seed * 1000003u + static_cast<uint64_t>(l) * 3u;
    out.mi_token =
        correctedMutualInformation(x, experts, token, c.token.cardinality, options.permutations, seed);
    out.mi_position = correctedMutualInformation(x, experts, position, c.position.cardinality,
                                                 options.permutations, seed + 1);
    out.mi_prev_token = correctedMutualInformation(x, experts, previous, c.previous.cardinality,
                                                   options.permutations, seed + 2);
    out.expert_entropy = entropyBits(x, experts);

    counts.assign(static_cast<size_t>(c.token.cardinality) * static_cast<size_t>(experts), 0);
    for (size_t i = 0; i < x.size(); ++i)
      ++counts[static_cast<size_t>(token[i]) * static_cast<size_t>(experts) + static_cast<size_t>(x[i])];
    std::vector<TokenConsistency> rows;
    int64_t counted = 0, in_majority = 0;
    for (int32_t code = 0; code < c.token.cardinality; ++code) {
      const int32_t* row = counts.data() + static_cast<size_t>(code) * static_cast<size_t>(experts);
      int64_t total = 0;
      int best = 0;
      for (int e = 0; e < experts; ++e) {
        total += row[e];
        if (row[e] > row[best]) best = e;
      }
      if (total < std::max<int64_t>(options.min_count, 1)) continue;
      counted += total;
      in_majority += row[best];
      ++out.tokens_counted;
      rows.push_back({id_of_code[static_cast<size_t>(code)],
                      {},
                      total,
                      static_cast<double>(row[best]) / static_cast<double>(total),
                      best});
    }
    out.mean_consistency =
        counted > 0 ? static_cast<double>(in_majority) / static_cast<double>(counted) : 0.0;
    const size_t keep = std::min(rows.size(), static_cast<size_t>(std::max(options.table_size, 0)));
    std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(keep), rows.end(),
                      [](const TokenConsistency& a, const TokenConsistency& b) {
                        if (a.consistency != b.consistency) return a.consistency > b.consistency;
                        if (a.count != b.count) return a.count > b.count;
                        return a.token_id < b.token_id;
                      });
    rows.resize(keep);
    for (auto& row : rows) row.piece = trace.pieceOf(row.token_id);
    out.top_tokens = std::move(rows);
  }
  return result;
}

}  // namespace routescope::moe::analysis
