#pragma once
// Harmonic closeness: for each node u, the sum over other nodes v of 1/d(u, v) in hops on the
// undirected projection (unreachable nodes add 0, so disconnected graphs are fine). This is
// NetworkX's harmonic_centrality; `normalized` divides by n-1 to land in [0, 1].
// Exact: one BFS per node, O(n*m), spread over `threads` std::threads.
// Thread-safety: run() is const.

#include <vector>

#include "graph/GraphView.h"

namespace skein::graph {

struct ClosenessOptions {
  bool normalized = false;  // divide by n-1
  unsigned threads = 0;     // worker threads (0 = hardware concurrency)
};

struct ClosenessResult {
  std::vector<double> score;  // per NodeIndex
};

class HarmonicCloseness {
 public:
  explicit HarmonicCloseness(const GraphView& view, ClosenessOptions options = {})
      : view_(view), options_(options) {}
  ClosenessResult run() const;

 private:
  const GraphView& view_;
  ClosenessOptions options_;
};

}  // namespace skein::graph
