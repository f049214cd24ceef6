#pragma once
// Community detection by the Louvain method (Blondel et al. 2008) on the undirected
// projection, and the modularity of any partition.
//
// Contract
//  - Repeats {move single nodes to the neighbouring community with the best modularity gain
//    until none moves; collapse communities into nodes} while a level raises modularity by
//    more than `threshold`. Node visiting order is a shuffle drawn from `seed`, so a result is
//    reproducible given (view, options); different seeds may give different partitions.
//  - Community ids are renumbered 0, 1, ... in order of their lowest NodeIndex.
//  - weighted: edge weight = summed weight of the relations between two entities; otherwise
//    every neighbour pair weighs 1. Isolated nodes end in singleton communities.
//  - modularity(): Newman's Q with resolution gamma, equal to NetworkX's
//    community.modularity on the same graph and partition.
// Thread-safety: run() is const.

#include <cstdint>
#include <vector>

#include "graph/GraphView.h"

namespace skein::graph {

struct LouvainOptions {
  std::uint64_t seed = 42;  // shuffles node visiting order
  double resolution = 1.0;  // gamma: > 1 favours smaller communities
  double threshold = 1e-7;  // stop when a level gains less modularity than this
  bool weighted = true;     // use relation weights
  int max_levels = 100;     // safety bound on aggregation levels
};

struct LouvainResult {
  std::vector<std::uint32_t> community;  // per NodeIndex
  std::size_t count = 0;                 // number of communities
  double modularity = 0;                 // of the returned partition
  int levels = 0;                        // aggregation levels performed
};

class Louvain {
 public:
  explicit Louvain(const GraphView& view, LouvainOptions options = {})
      : view_(view), options_(options) {}
  LouvainResult run() const;

 private:
  const GraphView& view_;
  LouvainOptions options_;
};

// Modularity of `community` (one id per NodeIndex) on the view's projection.
double modularity(const GraphView& view, const std::vector<std::uint32_t>& community,
                  bool weighted = true, double resolution = 1.0);

}  // namespace skein::graph
