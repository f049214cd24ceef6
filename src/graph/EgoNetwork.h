#pragma once
// The k-hop neighbourhood of one or more centre nodes on the undirected projection: every
// node within `depth` hops of any centre, with its hop distance, and the induced subgraph.
// Thread-safety: run() is const.

#include <cstdint>
#include <vector>

#include "graph/GraphView.h"

namespace skein::graph {

struct EgoResult {
  std::vector<NodeIndex> nodes;        // within depth hops, sorted by (distance, NodeIndex)
  std::vector<std::int32_t> distance;  // distance[i] belongs to nodes[i]
};

class EgoNetwork {
 public:
  EgoNetwork(const GraphView& view, std::vector<NodeIndex> centres, int depth)
      : view_(view), centres_(std::move(centres)), depth_(depth) {}
  EgoResult run() const;
  // The induced subgraph on run().nodes.
  GraphView subgraph() const;

 private:
  const GraphView& view_;
  std::vector<NodeIndex> centres_;
  int depth_;
};

}  // namespace skein::graph
