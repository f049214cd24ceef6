#pragma once
// PageRank by power iteration over the GraphView's CSR projection.
//
// Contract
//  - Ranks sum to 1. A node with no outgoing walk (dangling: isolated, or only incoming edges
//    when `directed`) spreads its rank uniformly over all nodes, as NetworkX does.
//  - Undirected by default: every neighbour pair is walked both ways (the view's projection).
//    With `directed`, an asymmetric relation is walked only from its source to its target.
//  - Weighted: a walk to a neighbour is proportional to the summed weight of the edges to it;
//    unweighted: every distinct neighbour counts once.
//  - Stops when the L1 change between iterations drops below n * tolerance (NetworkX's rule)
//    or after max_iterations; the result says which.
// Thread-safety: run() is const and may be called from several threads on one GraphView.

#include <vector>

#include "graph/GraphView.h"

namespace skein::graph {

struct PageRankOptions {
  double damping = 0.85;      // probability of following an edge rather than teleporting
  double tolerance = 1e-10;   // per-node L1 convergence threshold
  int max_iterations = 1000;  // upper bound on power iterations
  bool weighted = false;      // use summed edge weights as transition weights
  bool directed = false;      // respect the direction of asymmetric relations
};

struct PageRankResult {
  std::vector<double> rank;  // per NodeIndex, sums to 1 (empty for an empty graph)
  int iterations = 0;
  bool converged = false;
};

class PageRank {
 public:
  explicit PageRank(const GraphView& view, PageRankOptions options = {})
      : view_(view), options_(options) {}
  PageRankResult run() const;

 private:
  const GraphView& view_;
  PageRankOptions options_;
};

}  // namespace skein::graph
