#include "backend/moe/analysis/domain_share.h"

#include <algorithm>
#include <numeric>

#include "backend/moe/analysis/mutual_information.h"
#include "backend/moe/analysis/trace_columns.h"

namespace routescope::moe::analysis {
namespace {

// Shares of the choices of the tokens in each group; group[t] < 0 leaves token t out.
std::vector<ExpertShares> sharesByGroup(const RoutingTrace& trace, std::span<const int32_t> group,
                                        std::vector<std::string> labels) {
  const size_t layers = static_cast<size_t>(trace.layers);
  const size_t experts = static_cast<size_t>(trace.experts);
  std::vector<int64_t> counts(labels.size() * layers * experts, 0);
  std::vector<int64_t> tokens(labels.size(), 0);
  const int k = trace.top_k;
  for (size_t t = 0; t < group.size(); ++t) {
    if (group[t] < 0) continue;
    const size_t g = static_cast<size_t>(group[t]);
    ++tokens[g];
    for (size_t l = 0; l < layers; ++l) {
      const int16_t* choices =
          trace.expert_ids.data() + trace.choiceIndex(static_cast<int64_t>(t), static_cast<int>(l), 0);
      for (int c = 0; c < k; ++c)
        if (choices[c] >= 0) ++counts[(g * layers + l) * experts + static_cast<size_t>(choices[c])];
    }
  }
  std::vector<ExpertShares> out;
  for (size_t g = 0; g < labels.size(); ++g) {
    ExpertShares s{std::move(labels[g]), tokens[g],
                   std::vector<std::vector<double>>(layers, std::vector<double>(experts, 0.0))};
    for (size_t l = 0; l < layers; ++l) {
      const int64_t* row = counts.data() + (g * layers + l) * experts;
      const int64_t sum = std::accumulate(row, row + experts, int64_t{0});
      if (sum == 0) continue;
      for (size_t e = 0; e < experts; ++e)
        s.share[l][e] = static_cast<double>(row[e]) / static_cast<double>(sum);
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::vector<ExpertShares> domainExpertShares(const RoutingTrace& trace) {
  DomainColumn domains = tokenDomains(trace);
  return sharesByGroup(trace, domains.index, std::move(domains.domains));
}

std::vector<ExpertShares> tokenExpertShares(const RoutingTrace& trace, std::span<const std::string> pieces) {
  const auto ids = tokenIds(trace);
  const DenseCodes codes = denseCodes(ids);
  // The group of each distinct token id, decided once per id rather than once per occurrence.
  std::vector<int32_t> group_of_code(static_cast<size_t>(codes.cardinality), -2);
  std::vector<int32_t> group(ids.size(), -1);
  for (size_t t = 0; t < ids.size(); ++t) {
    int32_t& g = group_of_code[static_cast<size_t>(codes.codes[t])];
    if (g == -2) {
      const std::string piece = trace.pieceOf(ids[t]);
      const auto it = std::find(pieces.begin(), pieces.end(), piece);
      g = it == pieces.end() ? -1 : static_cast<int32_t>(it - pieces.begin());
    }
    group[t] = g;
  }
  return sharesByGroup(trace, group, std::vector<std::string>(pieces.begin(), pieces.end()));
}

std::vector<std::string> mostFrequentPieces(const RoutingTrace& trace, int count) {
  const auto ids = tokenIds(trace);
  const DenseCodes codes = denseCodes(ids);
  std::vector<int64_t> frequency(static_cast<size_t>(codes.cardinality), 0);
  std::vector<int32_t> id_of_code(static_cast<size_t>(codes.cardinality), 0);
  for (size_t t = 0; t < ids.size(); ++t) {
    ++frequency[static_cast<size_t>(codes.codes[t])];
    id_of_code[static_cast<size_t>(codes.codes[t])] = ids[t];
  }
  std::vector<int32_t> order(static_cast<size_t>(codes.cardinality));
  std::iota(order.begin(), order.end(), 0);
  // Codes ascend with the ids, so a stable sort by frequency breaks ties by lower id.
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return frequency[static_cast<size_t>(a)] > frequency[static_cast<size_t>(b)];
  });
  std::vector<std::string> pieces;
  for (size_t i = 0; i < order.size() && static_cast<int>(i) < count; ++i)
    pieces.push_back(trace.pieceOf(id_of_code[static_cast<size_t>(order[i])]));
  return pieces;
}

}  // namespace routescope::moe::analysis
