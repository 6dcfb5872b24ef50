#include "backend/moe/analysis/drop_position.h"

#include <algorithm>
#include <limits>

#include "backend/core/error.h"
#include "backend/moe/analysis/trace_columns.h"

namespace routescope::moe::analysis {
namespace {

double ratio(int64_t dropped, int64_t total) {
  return total > 0 ? static_cast<double>(dropped) / static_cast<double>(total)
                   : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

DropByPosition analyseDropByPosition(const RoutingTrace& trace, int bins) {
  if (trace.dropped.empty())
    throw core::Error(describeTrace(trace) +
                      ": no dropped flags recorded (needed for the drop ratio by position)");
  if (bins < 1)
    throw core::Error("drop ratio by position: bins must be at least 1, not " + std::to_string(bins));
  int64_t longest = 1;
  for (const auto& s : trace.sequences)
    longest = std::max<int64_t>(longest, static_cast<int64_t>(s.token_ids.size()));
  const int64_t width = (longest + bins - 1) / bins;
  const int64_t used_bins = (longest + width - 1) / width;

  const DomainColumn domains = tokenDomains(trace);
  const size_t n_domains = domains.domains.size();
  const size_t layers = static_cast<size_t>(trace.layers);
  const size_t nb = static_cast<size_t>(used_bins);
  // Counts [domain][layer][bin]: everything else is a sum of these.
  std::vector<int64_t> total(n_domains * layers * nb, 0), dropped(total.size(), 0);
  const auto positions = tokenPositions(trace);
  const int k = trace.top_k;
  for (size_t t = 0; t < positions.size(); ++t) {
    const size_t bin = static_cast<size_t>(positions[t] / width);
    const size_t domain = static_cast<size_t>(domains.index[t]);
    for (size_t l = 0; l < layers; ++l) {
      const size_t first = trace.choiceIndex(static_cast<int64_t>(t), static_cast<int>(l), 0);
      const size_t cell = (domain * layers + l) * nb + bin;
      for (int c = 0; c < k; ++c) {
        if (trace.expert_ids[first + static_cast<size_t>(c)] < 0) continue;
        ++total[cell];
        dropped[cell] += trace.dropped[first + static_cast<size_t>(c)] ? 1 : 0;
      }
    }
  }

  DropByPosition out;
  out.domains = domains.domains;
  for (size_t b = 0; b < nb; ++b) {
    out.bin_start.push_back(static_cast<int64_t>(b) * width);
    out.bin_end.push_back(std::min<int64_t>(static_cast<int64_t>(b + 1) * width, longest));
  }
  std::vector<int64_t> all_total(nb, 0), all_dropped(nb, 0);
  std::vector<int64_t> layer_total(layers * nb, 0), layer_dropped(layers * nb, 0);
  out.by_domain_layer.assign(n_domains, std::vector<std::vector<double>>(layers, std::vector<double>(nb)));
  out.by_domain.assign(n_domains, std::vector<double>(nb));
  int64_t sum_total = 0, sum_dropped = 0;
  for (size_t d = 0; d < n_domains; ++d) {
    std::vector<int64_t> domain_total(nb, 0), domain_dropped(nb, 0);
    for (size_t l = 0; l < layers; ++l) {
      for (size_t b = 0; b < nb; ++b) {
        const size_t cell = (d * layers + l) * nb + b;
        out.by_domain_layer[d][l][b] = ratio(dropped[cell], total[cell]);
        domain_total[b] += total[cell];
        domain_dropped[b] += dropped[cell];
        layer_total[l * nb + b] += total[cell];
        layer_dropped[l * nb + b] += dropped[cell];
      }
    }
    for (size_t b = 0; b < nb; ++b) {
      out.by_domain[d][b] = ratio(domain_dropped[b], domain_total[b]);
      all_total[b] += domain_total[b];
      all_dropped[b] += domain_dropped[b];
    }
  }
  out.by_layer.assign(layers, std::vector<double>(nb));
  for (size_t l = 0; l < layers; ++l)
    for (size_t b = 0; b < nb; ++b)
      out.by_layer[l][b] = ratio(layer_dropped[l * nb + b], layer_total[l * nb + b]);
  for (size_t b = 0; b < nb; ++b) {
    out.all.push_back(ratio(all_dropped[b], all_total[b]));
    sum_total += all_total[b];
    sum_dropped += all_dropped[b];
  }
  out.choices = all_total;
  out.overall = sum_total > 0 ? static_cast<double>(sum_dropped) / static_cast<double>(sum_total) : 0.0;
  return out;
}

}  // namespace routescope::moe::analysis
