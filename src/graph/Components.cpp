// ConnectedComponents: BFS labelling rather than union-find: the CSR already lists both
// directions of every pair, and a BFS touches each arc once with sequential reads. It is kept
// over Boost's connected_components because it is >= 3x faster on the bench graph (README.md);
// tests/graph/BoostOracleTest.cpp checks it against Boost's.

#include "graph/Components.h"

#include <boost/graph/strong_components.hpp>

#include "graph/BoostGraphView.h"

namespace skein::graph {

std::uint32_t ComponentsResult::largest() const {
  std::uint32_t best = 0;
  for (std::uint32_t c = 1; c < size.size(); ++c) {
    if (size[c] > size[best]) best = c;
  }
  return best;
}

ComponentsResult ConnectedComponents::run() const {
  constexpr std::uint32_t kUnset = static_cast<std::uint32_t>(-1);
  const std::size_t n = view_.node_count();
  ComponentsResult result;
  result.component.assign(n, kUnset);
  std::vector<NodeIndex> queue(n);
  for (NodeIndex root = 0; root < n; ++root) {
    if (result.component[root] != kUnset) continue;
    const auto id = static_cast<std::uint32_t>(result.size.size());
    std::size_t head = 0, tail = 0;
    queue[tail++] = root;
    result.component[root] = id;
    while (head < tail) {
      const NodeIndex v = queue[head++];
      for (NodeIndex w : view_.neighbors(v)) {
        if (result.component[w] == kUnset) {
          result.component[w] = id;
          queue[tail++] = w;
        }
      }
    }
    result.size.push_back(tail);
  }
  return result;
}

ComponentsResult StrongComponents::run() const {
  const std::size_t n = view_.node_count();
  std::vector<std::uint32_t> raw(n);
  const DirectedView directed(view_);
  const std::size_t count = n == 0 ? 0 : boost::strong_components(directed, raw.data());
  // Renumber by lowest member: Boost numbers in the order Tarjan's search finishes them.
  constexpr std::uint32_t kUnset = static_cast<std::uint32_t>(-1);
  std::vector<std::uint32_t> renumber(count, kUnset);
  ComponentsResult result;
  result.component.resize(n);
  for (NodeIndex u = 0; u < n; ++u) {
    std::uint32_t& id = renumber[raw[u]];
    if (id == kUnset) {
      id = static_cast<std::uint32_t>(result.size.size());
      result.size.push_back(0);
    }
    result.component[u] = id;
    ++result.size[id];
  }
  return result;
}

}  // namespace skein::graph
