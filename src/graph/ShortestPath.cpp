#include "graph/ShortestPath.h"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/two_bit_color_map.hpp>
#include <limits>
#include <string>
#include <utility>

#include "core/Error.h"
#include "graph/BoostGraphView.h"
#include "graph/detail/HopCost.h"

namespace skein::graph {

namespace {

using detail::hop_cost;

std::size_t position_of(const GraphView& view, NodeIndex u, NodeIndex v) {
  const auto nb = view.neighbors(u);
  return static_cast<std::size_t>(std::lower_bound(nb.begin(), nb.end(), v) - nb.begin());
}

// The first-in first-out buffer breadth_first_search keeps its frontier in: one array slot per
// node, since a search enqueues each node at most once.
class Frontier {
 public:
  using value_type = NodeIndex;
  explicit Frontier(std::size_t n) : slots_(n) {}
  void push(NodeIndex v) { slots_[tail_++] = v; }
  void pop() { ++head_; }
  NodeIndex& top() { return slots_[head_]; }
  const NodeIndex& top() const { return slots_[head_]; }
  bool empty() const { return head_ == tail_; }
  std::size_t size() const { return tail_ - head_; }

 private:
  std::vector<NodeIndex> slots_;
  std::size_t head_ = 0, tail_ = 0;
};

}  // namespace

BfsResult BreadthFirstSearch::run() const {
  const std::size_t n = view_.node_count();
  if (source_ >= n)
    throw UsageError("graph: source node " + std::to_string(source_) + " out of range");
  BfsResult result;
  result.distance.assign(n, -1);
  result.parent.assign(n, kNoNode);
  result.distance[source_] = 0;
  // Boost's breadth_first_search on the view itself; a tree edge gives its target a distance
  // and a parent. (The hand-written queue this replaced was 1.0-2.0x Boost's on the bench,
  // short of the 2x a hand-written algorithm needs to stay: src/graph/README.md.) Two bits of
  // colour per node and an array for the frontier, in place of Boost's defaults (an int per
  // node and a std::deque), keep the search in cache: 1.5x faster on the bench graph.
  const boost::typed_identity_property_map<NodeIndex> index;
  boost::two_bit_color_map<boost::typed_identity_property_map<NodeIndex>> color(n, index);
  Frontier frontier(n);
  boost::breadth_first_search(
      view_, source_, frontier,
      boost::make_bfs_visitor(
          std::make_pair(boost::record_distances(result.distance.data(), boost::on_tree_edge()),
                         boost::record_predecessors(result.parent.data(), boost::on_tree_edge()))),
      color);
  return result;
}

ShortestPath::ShortestPath(const GraphView& view, NodeIndex source, NodeIndex target,
                           ShortestPathOptions options)
    : view_(view), source_(source), target_(target), options_(options) {
  const std::size_t n = view.node_count();
  if (source >= n || target >= n) {
    throw UsageError("graph: path endpoint out of range (" + std::to_string(n) + " nodes)");
  }
  if (options.weighted && options.all) {
    throw UsageError(
        "graph: --all lists shortest paths by hops; it cannot be combined with --weighted");
  }
}

Path ShortestPath::make_path(std::vector<NodeIndex> nodes) const {
  Path path;
  for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
    const NodeIndex u = nodes[i], v = nodes[i + 1];
    const std::size_t at = position_of(view_, u, v);
    path.edges.push_back(view_.neighbor_edges(u)[at]);
    path.cost += options_.weighted ? hop_cost(view_.neighbor_weights(u)[at]) : 1.0;
  }
  path.nodes = std::move(nodes);
  return path;
}

ShortestPathResult ShortestPath::run() const {
  if (source_ == target_) {
    ShortestPathResult result;
    result.paths.push_back(make_path({source_}));
    return result;
  }
  if (!options_.weighted) return unweighted();
  return options_.max_hops > 0 ? weighted_bounded() : weighted_unbounded();
}

ShortestPathResult ShortestPath::unweighted() const {
  ShortestPathResult result;
  // BFS from the target: then every neighbour one step closer to the target is a valid next
  // hop, and walking forward from the source in NodeIndex order yields paths in
  // lexicographic order.
  const BfsResult bfs = BreadthFirstSearch(view_, target_).run();
  const std::int32_t length = bfs.distance[source_];
  if (length < 0) return result;
  if (options_.max_hops > 0 && static_cast<std::size_t>(length) > options_.max_hops) return result;

  const std::size_t wanted = options_.all ? options_.max_paths : 1;
  std::vector<NodeIndex> current{source_};
  // Iterative DFS over the shortest-path DAG: stack of (node, next neighbour position).
  std::vector<std::pair<NodeIndex, std::size_t>> stack{{source_, 0}};
  while (!stack.empty()) {
    auto& [u, next] = stack.back();
    if (u == target_) {
      if (result.paths.size() == wanted) {
        result.truncated = options_.all;
        break;
      }
      result.paths.push_back(make_path(current));
      stack.pop_back();
      current.pop_back();
      continue;
    }
    const auto nb = view_.neighbors(u);
    const std::int32_t closer = bfs.distance[u] - 1;
    while (next < nb.size() && bfs.distance[nb[next]] != closer) ++next;
    if (next == nb.size()) {
      stack.pop_back();
      current.pop_back();
      continue;
    }
    const NodeIndex w = nb[next++];
    current.push_back(w);
    stack.emplace_back(w, 0);
  }
  return result;
}

ShortestPathResult ShortestPath::weighted_unbounded() const {
  // Boost's Dijkstra on the view itself (graph/BoostGraphView.h), with Skein's hop cost.
  const std::size_t n = view_.node_count();
  std::vector<NodeIndex> parent(n);
  std::vector<double> distance(n);
  const boost::typed_identity_property_map<NodeIndex> index;
  boost::dijkstra_shortest_paths(
      view_, source_,
      boost::predecessor_map(boost::make_iterator_property_map(parent.begin(), index))
          .distance_map(boost::make_iterator_property_map(distance.begin(), index))
          .weight_map(HopCostMap(view_)));
  ShortestPathResult result;
  if (parent[target_] == target_)
    return result;  // Boost leaves unreached nodes as their own parent
  std::vector<NodeIndex> nodes;
  for (NodeIndex v = target_; v != source_; v = parent[v]) nodes.push_back(v);
  nodes.push_back(source_);
  std::reverse(nodes.begin(), nodes.end());
  result.paths.push_back(make_path(std::move(nodes)));
  return result;
}

ShortestPathResult ShortestPath::weighted_bounded() const {
  // cost[k][v]: least cost of a walk of at most k hops from the source to v. Round k relaxes
  // every arc once from the nodes improved in round k-1.
  const std::size_t n = view_.node_count();
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const std::size_t rounds = options_.max_hops;
  std::vector<double> cost(n, kInf);
  cost[source_] = 0;
  std::vector<std::vector<NodeIndex>> parent(rounds + 1, std::vector<NodeIndex>(n, kNoNode));
  std::vector<NodeIndex> frontier{source_};
  std::vector<char> improved(n, 0);
  std::size_t best_round = 0;
  double best = kInf;
  for (std::size_t k = 1; k <= rounds && !frontier.empty(); ++k) {
    std::vector<double> next_cost(cost);
    std::vector<NodeIndex> next_frontier;
    for (NodeIndex u : frontier) {
      const auto nb = view_.neighbors(u);
      const auto w = view_.neighbor_weights(u);
      for (std::size_t i = 0; i < nb.size(); ++i) {
        const double c = cost[u] + hop_cost(w[i]);
        const NodeIndex v = nb[i];
        if (c < next_cost[v]) {
          next_cost[v] = c;
          parent[k][v] = u;
          if (!improved[v]) {
            improved[v] = 1;
            next_frontier.push_back(v);
          }
        }
      }
    }
    for (NodeIndex v : next_frontier) improved[v] = 0;
    cost.swap(next_cost);
    if (parent[k][target_] != kNoNode && cost[target_] < best) {
      best = cost[target_];
      best_round = k;
    }
    std::sort(next_frontier.begin(), next_frontier.end());
    frontier.swap(next_frontier);
  }
  ShortestPathResult result;
  if (best_round == 0) return result;
  // Walk the parent layers back: the node improved in round k came from one set in round k-1
  // or earlier; find the latest round at or below k-1 that set it.
  std::vector<NodeIndex> nodes{target_};
  NodeIndex v = target_;
  std::size_t k = best_round;
  while (v != source_) {
    const NodeIndex u = parent[k][v];
    nodes.push_back(u);
    v = u;
    if (v == source_) break;
    --k;
    while (k > 0 && parent[k][v] == kNoNode) --k;
  }
  std::reverse(nodes.begin(), nodes.end());
  result.paths.push_back(make_path(std::move(nodes)));
  return result;
}

}  // namespace skein::graph
