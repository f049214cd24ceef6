#include "graph/EgoNetwork.h"

#include <algorithm>
#include <string>

#include "core/Error.h"

namespace skein::graph {

EgoResult EgoNetwork::run() const {
  const std::size_t n = view_.node_count();
  if (depth_ < 0) throw UsageError("graph: neighbourhood depth must be >= 0");
  std::vector<std::int32_t> dist(n, -1);
  std::vector<NodeIndex> queue;
  for (NodeIndex c : centres_) {
    if (c >= n) throw UsageError("graph: centre node " + std::to_string(c) + " out of range");
    if (dist[c] < 0) {
      dist[c] = 0;
      queue.push_back(c);
    }
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const NodeIndex v = queue[head];
    if (dist[v] >= depth_) continue;
    for (NodeIndex w : view_.neighbors(v)) {
      if (dist[w] < 0) {
        dist[w] = dist[v] + 1;
        queue.push_back(w);
      }
    }
  }
  std::sort(queue.begin(), queue.end(), [&](NodeIndex a, NodeIndex b) {
    return std::make_pair(dist[a], a) < std::make_pair(dist[b], b);
  });
  EgoResult result;
  result.nodes = queue;
  for (NodeIndex v : queue) result.distance.push_back(dist[v]);
  return result;
}

GraphView EgoNetwork::subgraph() const { return view_.induced_subgraph(run().nodes); }

}  // namespace skein::graph
