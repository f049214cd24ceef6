#pragma once
// Degree on the undirected projection: distinct neighbours (parallel relations between the
// same two entities count once), the summed edge weight ("strength"), and the normalised
// degree centrality degree/(n-1) that NetworkX's degree_centrality reports.
// Thread-safety: run() is const.

#include <cstddef>
#include <vector>

#include "graph/GraphView.h"

namespace skein::graph {

struct DegreeResult {
  std::vector<std::size_t> degree;  // distinct neighbours per NodeIndex
  std::vector<double> strength;     // summed weight of all edges to neighbours
  std::vector<double> centrality;   // degree / (n - 1); 0 when n <= 1
};

class DegreeCentrality {
 public:
  explicit DegreeCentrality(const GraphView& view) : view_(view) {}
  DegreeResult run() const;

 private:
  const GraphView& view_;
};

}  // namespace skein::graph
