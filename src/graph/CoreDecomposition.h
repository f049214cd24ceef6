#pragma once
// k-core decomposition of the undirected projection (Batagelj & Zaversnik, O(m)): a node's
// core number is the largest k such that it belongs to a subgraph where every node has at
// least k neighbours. Matches NetworkX's core_number on simple graphs.
// Thread-safety: run() is const.

#include <cstdint>
#include <vector>

#include "graph/GraphView.h"

namespace skein::graph {

struct CoreResult {
  std::vector<std::uint32_t> core;  // core number per NodeIndex
  std::uint32_t max_core = 0;
  // Nodes whose core number is at least k, ascending.
  std::vector<NodeIndex> k_core(std::uint32_t k) const;
};

class CoreDecomposition {
 public:
  explicit CoreDecomposition(const GraphView& view) : view_(view) {}
  CoreResult run() const;

 private:
  const GraphView& view_;
};

}  // namespace skein::graph
