#pragma once
// The one home of the weighted-path rule: a hop between two nodes costs 1 / (summed weight
// of the relations between them), so well-evidenced links are short. Used by ShortestPath,
// weighted Betweenness and the Boost.Graph cost map (graph/BoostGraphView.h).

#include <limits>

namespace skein::graph::detail {

inline double hop_cost(float weight) {
  // Edges always carry positive weight (evidence rows); guard anyway so a zero never makes
  // an infinitely expensive (or negative) hop.
  return weight > 0 ? 1.0 / static_cast<double>(weight) : std::numeric_limits<double>::max() / 4;
}

}  // namespace skein::graph::detail
