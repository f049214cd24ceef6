#pragma once
// Betweenness centrality (Brandes 2001) on the undirected projection: the share of shortest
// paths between other pairs that pass through a node.
//
// Contract
//  - exact (samples == 0): every node is a source, O(n*m).
//  - sampled (samples = k < n): k distinct sources drawn with `seed`, scores scaled by n/k so
//    they estimate the exact values (as NetworkX's betweenness_centrality(k=...)).
//  - normalized: divided by (n-1)(n-2) (NetworkX's normalisation for undirected graphs, whose
//    sums count each pair from both ends); otherwise halved, giving pair counts.
//  - weighted: path length is the summed hop cost 1 / (summed weight of the pair's relations),
//    as in `skein path --weighted`; computed by Boost's brandes_betweenness_centrality on the
//    view (exact only: samples must be 0, else UsageError; single-threaded). Equals NetworkX's
//    betweenness_centrality(weight=<that cost>).
//  - Unweighted sources are spread over `threads` std::threads (0 = all cores); the result depends
//  only
//    on the options (including the thread count), not on scheduling.
// Thread-safety: run() is const.

#include <cstdint>
#include <vector>

#include "graph/GraphView.h"

namespace skein::graph {

struct BetweennessOptions {
  std::size_t samples = 0;  // 0 = exact; otherwise the number of sampled sources
  std::uint64_t seed = 42;  // source sampling seed
  bool normalized = true;   // scale to [0, 1] as NetworkX does
  unsigned threads = 0;     // worker threads (0 = hardware concurrency)
  bool weighted = false;    // hop cost 1/weight instead of 1 (exact only, Boost's Brandes)
};

struct BetweennessResult {
  std::vector<double> score;  // per NodeIndex
  std::size_t sources = 0;    // sources actually used
};

class Betweenness {
 public:
  explicit Betweenness(const GraphView& view, BetweennessOptions options = {})
      : view_(view), options_(options) {}
  BetweennessResult run() const;

 private:
  const GraphView& view_;
  BetweennessOptions options_;
};

}  // namespace skein::graph
