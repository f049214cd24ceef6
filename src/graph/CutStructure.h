#pragma once
// Articulation points and bridges of the undirected projection (Hopcroft-Tarjan, iterative so
// deep graphs cannot overflow the call stack). An articulation point is a node whose removal
// disconnects its component; a bridge is a neighbour pair whose removal does. A pair joined
// by several parallel relations still counts as one link here (the projection), so two
// entities related twice are bridged like any other single link. Matches NetworkX's
// articulation_points and bridges on simple graphs.
// Thread-safety: run() is const.

#include <utility>
#include <vector>

#include "graph/GraphView.h"

namespace skein::graph {

struct CutResult {
  std::vector<NodeIndex> articulation_points;            // ascending
  std::vector<std::pair<NodeIndex, NodeIndex>> bridges;  // (smaller, larger), ascending
};

class CutStructure {
 public:
  explicit CutStructure(const GraphView& view) : view_(view) {}
  CutResult run() const;

 private:
  const GraphView& view_;
};

}  // namespace skein::graph
