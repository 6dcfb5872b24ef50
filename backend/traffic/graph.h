#pragma once
// The network as compressed sparse rows (forward and backward stars) and a Dijkstra shortest-path
// tree with a binary heap whose buffers are reused between sources. FIRST THRU NODE is honoured:
// a node numbered below it is never expanded unless it is the source, so it can only start or
// end a path.

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "backend/traffic/network.h"

namespace routescope::traffic {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct Graph {
  explicit Graph(const Network& network);
  int32_t nodes = 0;
  int32_t links = 0;
  int32_t first_thru = 0;  // 0-based index of the first thru node
  std::vector<int32_t> out_offset,
      out_links;  // links leaving node v: out_links[out_offset[v] .. out_offset[v+1])
  std::vector<int32_t> in_offset, in_links;  // links entering node v
  std::vector<int32_t> from, to;             // per link (closed links keep their ends but are in no star)
  bool isThru(int32_t v) const { return v >= first_thru; }
};

class ShortestPathTree {
 public:
  explicit ShortestPathTree(const Graph& graph);
  // Labels every node reachable from `source` with link costs `cost` (non-negative). Throws
  // core::Error when the labels keep improving beyond what non-negative costs allow (a
  // negative-cost cycle), instead of looping forever.
  void run(int32_t source, std::span<const double> cost);
  const std::vector<double>& distance() const { return dist_; }
  // The link into each node on its shortest path, -1 for the source and unreached nodes.
  const std::vector<int32_t>& predecessor() const { return pred_; }
  // Reached nodes in the order they were settled (non-decreasing distance).
  const std::vector<int32_t>& order() const { return order_; }
  int32_t source() const { return source_; }

  // All-or-nothing: adds each destination's flow along its shortest path to `link_flows`.
  // Throws core::Error when a destination with demand is unreachable.
  void load(std::span<const int32_t> destinations, std::span<const double> flows,
            std::span<double> link_flows);

 private:
  const Graph& graph_;
  int32_t source_ = -1;
  std::vector<double> dist_;
  std::vector<int32_t> pred_, order_;
  std::vector<double> node_load_;
  std::vector<std::pair<double, int32_t>> heap_;
};

}  // namespace routescope::traffic
