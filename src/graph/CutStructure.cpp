#include "graph/CutStructure.h"

#include <algorithm>
#include <cstdint>

namespace skein::graph {

CutResult CutStructure::run() const {
  const std::size_t n = view_.node_count();
  constexpr std::uint32_t kUnvisited = 0;
  std::vector<std::uint32_t> discovery(n, kUnvisited), low(n, 0);
  std::vector<NodeIndex> parent(n, kNoNode);
  std::vector<char> is_cut(n, 0);
  CutResult result;
  std::uint32_t clock = 0;
  struct Frame {
    NodeIndex node;
    std::size_t next;  // next neighbour position to explore
  };
  std::vector<Frame> stack;
  for (NodeIndex root = 0; root < n; ++root) {
    if (discovery[root] != kUnvisited) continue;
    discovery[root] = low[root] = ++clock;
    std::size_t root_children = 0;
    stack.push_back({root, 0});
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const NodeIndex v = frame.node;
      const auto nb = view_.neighbors(v);
      if (frame.next < nb.size()) {
        const NodeIndex w = nb[frame.next++];
        if (discovery[w] == kUnvisited) {
          parent[w] = v;
          discovery[w] = low[w] = ++clock;
          if (v == root) ++root_children;
          stack.push_back({w, 0});
        } else if (w != parent[v]) {
          // The projection has no parallel arcs, so skipping the parent node is exact.
          low[v] = std::min(low[v], discovery[w]);
        }
        continue;
      }
      stack.pop_back();
      const NodeIndex p = parent[v];
      if (p == kNoNode) continue;
      low[p] = std::min(low[p], low[v]);
      if (low[v] > discovery[p]) result.bridges.emplace_back(std::min(p, v), std::max(p, v));
      if (p != root && low[v] >= discovery[p]) is_cut[p] = 1;
    }
    if (root_children > 1) is_cut[root] = 1;
  }
  for (NodeIndex v = 0; v < n; ++v) {
    if (is_cut[v]) result.articulation_points.push_back(v);
  }
  std::sort(result.bridges.begin(), result.bridges.end());
  return result;
}

}  // namespace skein::graph
