#include "backend/traffic/select_link.h"

#include "backend/core/error.h"
#include "backend/traffic/graph.h"

namespace routescope::traffic {

int32_t findLink(const Network& network, int32_t from, int32_t to) {
  for (int32_t a = 0; a < network.linkCount(); ++a) {
    const Link& l = network.links[static_cast<size_t>(a)];
    if (!l.closed && l.from == from - 1 && l.to == to - 1) return a;
  }
  return -1;
}

SelectLinkResult selectLink(const Network& network, const Demand& demand, const BushSolution& bushes,
                            int32_t link) {
  if (link < 0 || link >= network.linkCount())
    throw core::Error("select link: no link " + std::to_string(link + 1));
  if (bushes.origins.size() != demand.origins.size()) {
    throw core::Error("select link: the bush solution does not belong to this demand");
  }
  const Graph g(network);
  SelectLinkResult result;
  result.link = link;
  std::vector<double> share(static_cast<size_t>(g.nodes)), inflow(static_cast<size_t>(g.nodes));
  std::vector<int32_t> indegree(static_cast<size_t>(g.nodes)), order;
  for (size_t k = 0; k < demand.origins.size(); ++k) {
    const OriginBush& b = bushes.origins[k];
    const OriginDemand& od = demand.origins[k];
    if (b.flows[static_cast<size_t>(link)] <= 0.0) continue;
    result.link_flow += b.flows[static_cast<size_t>(link)];
    // Topological order of the bush (Kahn), then shares in that order.
    std::fill(indegree.begin(), indegree.end(), 0);
    for (int32_t a = 0; a < g.links; ++a) {
      if (b.in_bush[static_cast<size_t>(a)]) ++indegree[static_cast<size_t>(g.to[static_cast<size_t>(a)])];
    }
    order.assign(1, b.origin);
    for (size_t h = 0; h < order.size(); ++h) {
      const int32_t v = order[h];
      for (int32_t e = g.out_offset[static_cast<size_t>(v)]; e < g.out_offset[static_cast<size_t>(v) + 1];
           ++e) {
        const int32_t a = g.out_links[static_cast<size_t>(e)];
        if (b.in_bush[static_cast<size_t>(a)] &&
            --indegree[static_cast<size_t>(g.to[static_cast<size_t>(a)])] == 0) {
          order.push_back(g.to[static_cast<size_t>(a)]);
        }
      }
    }
    for (int32_t v : order) {
      double through = 0.0, in = 0.0;
      for (int32_t e = g.in_offset[static_cast<size_t>(v)]; e < g.in_offset[static_cast<size_t>(v) + 1];
           ++e) {
        const int32_t a = g.in_links[static_cast<size_t>(e)];
        const double f = b.flows[static_cast<size_t>(a)];
        if (!b.in_bush[static_cast<size_t>(a)] || f <= 0.0) continue;
        in += f;
        through += f * (a == link ? 1.0 : share[static_cast<size_t>(g.from[static_cast<size_t>(a)])]);
      }
      inflow[static_cast<size_t>(v)] = in;
      share[static_cast<size_t>(v)] = in > 0.0 ? through / in : 0.0;
    }
    for (size_t d = 0; d < od.destinations.size(); ++d) {
      const double f = od.flows[d] * share[static_cast<size_t>(od.destinations[d])];
      if (f > 0.0) result.pairs.push_back({od.origin, od.destinations[d], f});
    }
    for (int32_t v : order) share[static_cast<size_t>(v)] = 0.0;
  }
  return result;
}

}  // namespace routescope::traffic
