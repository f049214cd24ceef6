#pragma once
// bench_graph_analytics: Boost.Graph's algorithms timed on the GraphView itself (through
// graph/BoostGraphView.h) and, for the storage question, on a boost::compressed_sparse_row_graph
// copy of the same topology. Each function returns seconds (best of `repeats`) and checks its
// answer against the one Skein's own code gave, so a fast wrong answer cannot pass unnoticed.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "graph/GraphView.h"

namespace skein::bench {

// The clock every timing in this bench reads: wall time, or process CPU time when set.
inline bool use_cpu_time = false;
double now_seconds();

// Seconds of the fastest of `repeats` runs of fn, on the clock above.
template <class Fn>
double best_of(int repeats, Fn&& fn) {
  double best = 1e300;
  for (int i = 0; i < repeats; ++i) {
    const double start = now_seconds();
    fn();
    best = std::min(best, now_seconds() - start);
  }
  return best;
}

struct BoostTimes {
  double components = -1;  // connected_components on the GraphView
  double bfs = -1;         // breadth_first_search (distance recorder) on the GraphView
  double pagerank = -1;    // graph::page_rank, same iteration count as Skein's
  double core_numbers = -1;
  double articulation = -1;    // articulation_points
  double biconnected = -1;     // biconnected_components (bridges = 1-edge components)
  double dijkstra = -1;        // dijkstra_shortest_paths, cost 1/weight, one source
  double csr_build = -1;       // copying the topology into a compressed_sparse_row_graph
  double csr_components = -1;  // connected_components is undirected-only: BFS labelling on the CSR
  double csr_bfs = -1;
  double csr_pagerank = -1;
  double csr_bytes_per_edge = 0;        // the copy's arrays (row starts, columns, float weights)
  std::vector<std::string> mismatches;  // where Boost's answer differed from Skein's
};

// `pagerank_iterations`: what Skein's PageRank needed at its tolerance (Boost has no tolerance
// stop). The expected_* vectors are Skein's answers on the same view.
BoostTimes time_boost(const graph::GraphView& view, int pagerank_iterations,
                      const std::vector<std::uint32_t>& expected_components,
                      const std::vector<std::int32_t>& expected_bfs, int repeats);

// Exact betweenness (unnormalised pair counts), Boost's brandes on the view; `weighted` uses
// cost 1/weight per hop. Returns seconds; writes the scores.
double time_boost_betweenness(const graph::GraphView& view, bool weighted,
                              std::vector<double>& score);

// One run of Boost's counterpart of each algorithm Skein keeps hand-written, as a callable,
// for the paired timing in main.cpp (which alternates them with Skein's runs). `small` is the
// exact-betweenness graph. The callables own their buffers and keep references to the views.
struct BoostCounterparts {
  std::function<void()> components;  // connected_components
  std::function<void()> pagerank;    // page_rank, `pagerank_iterations` iterations
  // page_rank wrapped to behave as Skein's: its tolerance stop and normalised ranks
  std::function<void()> pagerank_as_skein;
  std::function<void()> cut_structure;  // biconnected_components with articulation points
  std::function<void()> betweenness;    // brandes_betweenness_centrality on `small`
};
BoostCounterparts boost_counterparts(const graph::GraphView& view, const graph::GraphView& small,
                                     int pagerank_iterations);

}  // namespace skein::bench
