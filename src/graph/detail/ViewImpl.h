#pragma once
// GraphView's private state (included only by the graph module's .cpp files).

#include <cstdint>
#include <utility>
#include <vector>

#include "graph/GraphView.h"

namespace skein::graph {

struct GraphView::Impl {
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::vector<std::pair<std::int64_t, NodeIndex>> id_index;  // (store id, index), sorted
  std::vector<EdgeIndex> pair_order;  // non-loop edges by (min end, max end, index), then loops
  std::size_t loop_begin = 0;         // where the self-loops start in pair_order

  // CSR of the undirected simple projection: entries offsets[u] .. offsets[u+1]-1.
  std::vector<std::uint32_t> offsets;
  std::vector<NodeIndex> neighbor;
  std::vector<float> weight;
  std::vector<EdgeIndex> rep_edge;
  std::vector<std::uint8_t> flags;
  // Per node: position of the first neighbour > u, and the number of pairs {x, y} (x < y)
  // with x < u; together they give each pair a dense index (GraphView::pair_index).
  std::vector<std::uint32_t> forward_start;
  std::vector<std::uint32_t> pairs_before;

  void build_topology();
};

}  // namespace skein::graph
