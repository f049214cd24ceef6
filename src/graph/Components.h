#pragma once
// Connected components of the undirected projection (direction of relations ignored).
// Component ids are numbered 0, 1, ... in order of each component's lowest NodeIndex, so they
// are stable for a given view. Isolated nodes are components of size 1.
// Thread-safety: run() is const.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/GraphView.h"

namespace skein::graph {

struct ComponentsResult {
  std::vector<std::uint32_t> component;  // per NodeIndex
  std::vector<std::size_t> size;         // per component id
  std::size_t count() const { return size.size(); }
  // Id of the largest component (lowest id on ties); only valid when count() > 0.
  std::uint32_t largest() const;
};

class ConnectedComponents {
 public:
  explicit ConnectedComponents(const GraphView& view) : view_(view) {}
  ComponentsResult run() const;

 private:
  const GraphView& view_;
};

// Strongly connected components of the directed relations (Boost's strong_components on the
// view's DirectedView): u and v share one when each can reach the other walking relations
// forwards (a symmetric relation walks both ways). Ids are numbered as above, by each
// component's lowest NodeIndex.
class StrongComponents {
 public:
  explicit StrongComponents(const GraphView& view) : view_(view) {}
  ComponentsResult run() const;

 private:
  const GraphView& view_;
};

}  // namespace skein::graph
