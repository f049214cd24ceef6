// Bucket-sorted peeling: nodes kept in an array ordered by current degree with bucket starts,
// so lowering a neighbour's degree is a swap to the front of its bucket (O(1)).

#include "graph/CoreDecomposition.h"

#include <algorithm>

namespace skein::graph {

std::vector<NodeIndex> CoreResult::k_core(std::uint32_t k) const {
  std::vector<NodeIndex> out;
  for (NodeIndex v = 0; v < core.size(); ++v) {
    if (core[v] >= k) out.push_back(v);
  }
  return out;
}

CoreResult CoreDecomposition::run() const {
  const std::size_t n = view_.node_count();
  CoreResult result;
  result.core.assign(n, 0);
  if (n == 0) return result;
  std::vector<std::uint32_t> degree(n);
  std::uint32_t max_degree = 0;
  for (NodeIndex v = 0; v < n; ++v) {
    degree[v] = static_cast<std::uint32_t>(view_.degree(v));
    max_degree = std::max(max_degree, degree[v]);
  }
  std::vector<std::uint32_t> bucket_start(max_degree + 2, 0);
  for (NodeIndex v = 0; v < n; ++v) ++bucket_start[degree[v] + 1];
  for (std::size_t d = 1; d < bucket_start.size(); ++d) bucket_start[d] += bucket_start[d - 1];
  std::vector<NodeIndex> order(n);
  std::vector<std::uint32_t> position(n);
  {
    std::vector<std::uint32_t> fill(bucket_start.begin(), bucket_start.end() - 1);
    for (NodeIndex v = 0; v < n; ++v) {
      position[v] = fill[degree[v]]++;
      order[position[v]] = v;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const NodeIndex v = order[i];
    for (NodeIndex w : view_.neighbors(v)) {
      if (degree[w] > degree[v]) {
        // Move w to the front of its bucket, then shrink the bucket by one.
        const std::uint32_t dw = degree[w];
        const std::uint32_t front = bucket_start[dw];
        const NodeIndex u = order[front];
        if (u != w) {
          std::swap(order[front], order[position[w]]);
          position[u] = position[w];
          position[w] = front;
        }
        ++bucket_start[dw];
        --degree[w];
      }
    }
  }
  for (NodeIndex v = 0; v < n; ++v) {
    result.core[v] = degree[v];
    result.max_core = std::max(result.max_core, degree[v]);
  }
  return result;
}

}  // namespace skein::graph
