#include "graph/Degree.h"

namespace skein::graph {

DegreeResult DegreeCentrality::run() const {
  const std::size_t n = view_.node_count();
  DegreeResult result;
  result.degree.resize(n);
  result.strength.resize(n);
  result.centrality.resize(n);
  for (NodeIndex u = 0; u < n; ++u) {
    result.degree[u] = view_.degree(u);
    double sum = 0;
    for (float w : view_.neighbor_weights(u)) sum += static_cast<double>(w);
    result.strength[u] = sum;
    result.centrality[u] =
        n > 1 ? static_cast<double>(result.degree[u]) / static_cast<double>(n - 1) : 0.0;
  }
  return result;
}

}  // namespace skein::graph
