#pragma once
// Shortest paths on the undirected projection.
//
//  - BreadthFirstSearch: hop distances from one source to every node (-1 = unreachable) and a
//    BFS parent per node (kNoNode for the source and unreachable nodes): Boost's
//    breadth_first_search on the view itself, neighbours in NodeIndex order.
//  - ShortestPath: paths between two nodes.
//      unweighted: fewest hops. With `all`, every shortest path (up to max_paths of them, in
//        lexicographic order of NodeIndex sequences from the source).
//      weighted: least total cost where a hop costs 1 / (summed weight of the edges between
//        the two nodes), so well-evidenced relations are preferred over more hops through
//        weak ones. Unbounded queries use Boost's dijkstra_shortest_paths on the view itself;
//        with max_hops the query is the exact hop-bounded minimum, a Bellman-Ford limited to
//        max_hops rounds (Dijkstra with a hop-limit visitor would prune a cheap long prefix
//        and miss the cheapest path within the limit, so Boost has no exact equivalent).
//      max_hops > 0 bounds the length of every returned path; a pair farther apart has no
//      path (an empty result, not an error).
//    Each hop carries the representative (heaviest) edge between its two nodes; use
//    GraphView::edges_between for all of them.
// Thread-safety: run() is const.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/GraphView.h"

namespace skein::graph {

struct BfsResult {
  std::vector<std::int32_t> distance;  // hops from the source; -1 = unreachable
  std::vector<NodeIndex> parent;       // BFS tree parent; kNoNode for source/unreachable
};

class BreadthFirstSearch {
 public:
  BreadthFirstSearch(const GraphView& view, NodeIndex source) : view_(view), source_(source) {}
  BfsResult run() const;

 private:
  const GraphView& view_;
  NodeIndex source_;
};

struct ShortestPathOptions {
  bool weighted = false;        // minimise sum of 1/weight instead of hops
  bool all = false;             // unweighted only: every shortest path, not just one
  std::size_t max_hops = 0;     // 0 = unbounded
  std::size_t max_paths = 100;  // cap on paths returned by `all`
};

struct Path {
  std::vector<NodeIndex> nodes;  // source first, target last
  std::vector<EdgeIndex> edges;  // edges[i] joins nodes[i] and nodes[i+1]
  double cost = 0;               // hops, or the summed 1/weight when weighted
  std::size_t hops() const { return edges.size(); }
};

struct ShortestPathResult {
  std::vector<Path> paths;  // empty when the target is unreachable (within max_hops)
  bool truncated = false;   // `all` found more than max_paths paths
};

class ShortestPath {
 public:
  ShortestPath(const GraphView& view, NodeIndex source, NodeIndex target,
               ShortestPathOptions options = {});
  ShortestPathResult run() const;

 private:
  ShortestPathResult unweighted() const;
  ShortestPathResult weighted_unbounded() const;
  ShortestPathResult weighted_bounded() const;
  Path make_path(std::vector<NodeIndex> nodes) const;

  const GraphView& view_;
  NodeIndex source_;
  NodeIndex target_;
  ShortestPathOptions options_;
};

}  // namespace skein::graph
