// ConnectedComponents: union-find over each neighbour pair once, from the CSR's forward
// entries, which it reads sequentially. It replaced a BFS labelling (1.5-2.6x Boost's
// connected_components on the bench graph, short of the 2x rule) and runs at 5-7x Boost's
// (src/graph/README.md); tests/graph/BoostOracleTest.cpp checks it against Boost's.

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
  const std::size_t n = view_.node_count();
  // Union-find over each neighbour pair once (from its lower end), linking the higher root
  // under the lower and halving paths as it goes: every root is its component's lowest node.
  std::vector<NodeIndex> parent(n);
  for (NodeIndex u = 0; u < n; ++u) parent[u] = u;
  auto root_of = [&parent](NodeIndex v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  const NodeIndex* adjacency = view_.adjacency().data();
  const std::uint32_t* offsets = view_.adjacency_offsets().data();
  for (NodeIndex u = 0; u < n; ++u) {
    NodeIndex ru = root_of(u);
    for (std::size_t at = view_.forward_offset(u); at < offsets[u + 1]; ++at) {
      const NodeIndex rv = root_of(adjacency[at]);
      if (rv == ru) continue;
      if (rv < ru) {
        parent[ru] = rv;
        ru = rv;
      } else {
        parent[rv] = ru;
      }
    }
  }
  // Number the components by their lowest node (their root), in node order: a root comes
  // before every other member, so its id is set when they ask for it.
  ComponentsResult result;
  result.component.resize(n);
  for (NodeIndex u = 0; u < n; ++u) {
    const NodeIndex root = root_of(u);
    if (root == u) {
      result.component[u] = static_cast<std::uint32_t>(result.size.size());
      result.size.push_back(0);
    }
    const std::uint32_t id = result.component[root];
    result.component[u] = id;
    ++result.size[id];
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
