#include "backend/traffic/graph.h"

#include <algorithm>
#include <functional>
#include <string>

#include "backend/core/error.h"

namespace routescope::traffic {

Graph::Graph(const Network& network)
    : nodes(network.nodes), links(network.linkCount()), first_thru(network.first_thru_node - 1) {
  from.resize(static_cast<size_t>(links));
  to.resize(static_cast<size_t>(links));
  out_offset.assign(static_cast<size_t>(nodes) + 1, 0);
  in_offset.assign(static_cast<size_t>(nodes) + 1, 0);
  for (int32_t a = 0; a < links; ++a) {
    const Link& l = network.links[static_cast<size_t>(a)];
    from[static_cast<size_t>(a)] = l.from;
    to[static_cast<size_t>(a)] = l.to;
    if (l.closed) continue;
    ++out_offset[static_cast<size_t>(l.from) + 1];
    ++in_offset[static_cast<size_t>(l.to) + 1];
  }
  for (int32_t v = 0; v < nodes; ++v) {
    out_offset[static_cast<size_t>(v) + 1] += out_offset[static_cast<size_t>(v)];
    in_offset[static_cast<size_t>(v) + 1] += in_offset[static_cast<size_t>(v)];
  }
  out_links.resize(static_cast<size_t>(out_offset.back()));
  in_links.resize(static_cast<size_t>(in_offset.back()));
  std::vector<int32_t> out_next(out_offset.begin(), out_offset.end() - 1);
  std::vector<int32_t> in_next(in_offset.begin(), in_offset.end() - 1);
  for (int32_t a = 0; a < links; ++a) {
    const Link& l = network.links[static_cast<size_t>(a)];
    if (l.closed) continue;
    out_links[static_cast<size_t>(out_next[static_cast<size_t>(l.from)]++)] = a;
    in_links[static_cast<size_t>(in_next[static_cast<size_t>(l.to)]++)] = a;
  }
}

ShortestPathTree::ShortestPathTree(const Graph& graph) : graph_(graph) {
  dist_.assign(static_cast<size_t>(graph.nodes), kInfinity);
  pred_.assign(static_cast<size_t>(graph.nodes), -1);
  node_load_.assign(static_cast<size_t>(graph.nodes), 0.0);
  order_.reserve(static_cast<size_t>(graph.nodes));
  heap_.reserve(static_cast<size_t>(graph.links) + 1);
}

void ShortestPathTree::run(int32_t source, std::span<const double> cost) {
  source_ = source;
  std::fill(dist_.begin(), dist_.end(), kInfinity);
  std::fill(pred_.begin(), pred_.end(), -1);
  order_.clear();
  heap_.clear();
  // A binary min-heap with lazy deletion: stale entries are skipped when popped, which is
  // cheaper than decrease-key bookkeeping on sparse road networks.
  const auto greater = std::greater<std::pair<double, int32_t>>();
  // With non-negative costs every node is expanded once and every link relaxes at most once, so
  // there are at most links + 1 pushes. A negative-cost cycle (which the cost model and the
  // readers reject) would make the loop push forever; this bound turns that into an error.
  const int64_t max_pushes = 4 * (static_cast<int64_t>(graph_.links) + 1) + graph_.nodes;
  int64_t pushes = 1;
  dist_[static_cast<size_t>(source)] = 0.0;
  heap_.emplace_back(0.0, source);
  while (!heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), greater);
    const auto [d, v] = heap_.back();
    heap_.pop_back();
    if (d > dist_[static_cast<size_t>(v)]) continue;
    order_.push_back(v);
    if (v != source && !graph_.isThru(v)) continue;  // zones are never passed through
    for (int32_t k = graph_.out_offset[static_cast<size_t>(v)];
         k < graph_.out_offset[static_cast<size_t>(v) + 1]; ++k) {
      const int32_t a = graph_.out_links[static_cast<size_t>(k)];
      const int32_t w = graph_.to[static_cast<size_t>(a)];
      const double nd = d + cost[static_cast<size_t>(a)];
      if (nd < dist_[static_cast<size_t>(w)]) {
        if (++pushes > max_pushes) {
          throw core::Error("shortest paths from node " + std::to_string(source + 1) + ": more than " +
                            std::to_string(max_pushes) + " label updates on " + std::to_string(graph_.links) +
                            " links; link costs must be non-negative (is there a negative-cost cycle, "
                            "e.g. from a negative toll or length?)");
        }
        dist_[static_cast<size_t>(w)] = nd;
        pred_[static_cast<size_t>(w)] = a;
        heap_.emplace_back(nd, w);
        std::push_heap(heap_.begin(), heap_.end(), greater);
      }
    }
  }
}

void ShortestPathTree::load(std::span<const int32_t> destinations, std::span<const double> flows,
                            std::span<double> link_flows) {
  for (size_t k = 0; k < destinations.size(); ++k) {
    const int32_t d = destinations[k];
    if (flows[k] <= 0.0) continue;
    if (dist_[static_cast<size_t>(d)] == kInfinity) {
      throw core::Error("no path from node " + std::to_string(source_ + 1) + " to node " +
                        std::to_string(d + 1) + " (demand " + std::to_string(flows[k]) + ")");
    }
    node_load_[static_cast<size_t>(d)] += flows[k];
  }
  // Reverse settling order visits every node after all nodes downstream of it on the tree.
  for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
    const int32_t v = *it;
    const double load = node_load_[static_cast<size_t>(v)];
    if (load == 0.0) continue;
    node_load_[static_cast<size_t>(v)] = 0.0;
    const int32_t a = pred_[static_cast<size_t>(v)];
    if (a < 0) continue;
    link_flows[static_cast<size_t>(a)] += load;
    node_load_[static_cast<size_t>(graph_.from[static_cast<size_t>(a)])] += load;
  }
}

}  // namespace routescope::traffic
