// The hand-written algorithms that stay (each >= 2x faster than Boost's on the bench graph,
// see README.md) against their Boost.Graph counterparts run on the same GraphView: Boost is
// their oracle. Also Layout's contract.

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/core_numbers.hpp>
#include <boost/graph/page_rank.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <set>
#include <vector>

#include "graph/Betweenness.h"
#include "graph/BoostGraphView.h"
#include "graph/Components.h"
#include "graph/CoreDecomposition.h"
#include "graph/CutStructure.h"
#include "graph/Generators.h"
#include "graph/Layout.h"
#include "graph/PageRank.h"
#include "graph/ShortestPath.h"

using namespace skein::graph;

namespace {

const boost::typed_identity_property_map<NodeIndex> kIndex;

std::vector<GraphView> shapes() {
  std::vector<GraphView> out;
  out.push_back(GraphView::from_edges(120, generate::erdos_renyi(120, 0.04, 1)));
  out.push_back(GraphView::from_edges(200, generate::barabasi_albert(200, 2, 2)));
  out.push_back(GraphView::from_edges(100, generate::planted_partition(4, 25, 0.3, 0.01, 3)));
  out.push_back(GraphView::from_edges(90, generate::erdos_renyi(90, 0.02, 4)));  // many small trees
  out.push_back(GraphView::from_edges(30, generate::star(30)));
  return out;
}

// Boost's page_rank after 200 iterations from rank 1 each: unnormalised (they sum to n where no
// node dangles).
std::vector<double> boost_page_rank(const GraphView& view) {
  std::vector<double> rank(view.node_count()), scratch(view.node_count());
  boost::graph::page_rank(view, boost::make_iterator_property_map(rank.begin(), kIndex),
                          boost::graph::n_iterations(200), 0.85, 1,
                          boost::make_iterator_property_map(scratch.begin(), kIndex));
  return rank;
}

}  // namespace

TEST_CASE("ConnectedComponents labels nodes as Boost's connected_components does",
          "[graph][boost]") {
  for (const GraphView& view : shapes()) {
    std::vector<std::uint32_t> expected(view.node_count());
    const std::size_t count = boost::connected_components(view, expected.data());
    const auto ours = ConnectedComponents(view).run();
    CHECK(ours.count() == count);
    CHECK(ours.component == expected);  // both number components by their lowest node
  }
}

TEST_CASE("BreadthFirstSearch (Boost's breadth_first_search) gives a shortest-path tree",
          "[graph][boost]") {
  // What makes hop distances right, checked edge by edge: the source is at 0, every reached
  // node hangs from a neighbour one hop nearer, no edge spans more than one hop, and no
  // unreached node touches a reached one.
  for (const GraphView& view : shapes()) {
    for (NodeIndex source : {NodeIndex{0}, static_cast<NodeIndex>(view.node_count() / 2)}) {
      const BfsResult bfs = BreadthFirstSearch(view, source).run();
      CHECK(bfs.distance[source] == 0);
      CHECK(bfs.parent[source] == kNoNode);
      for (NodeIndex v = 0; v < view.node_count(); ++v) {
        if (bfs.distance[v] > 0) {
          const NodeIndex p = bfs.parent[v];
          REQUIRE(p != kNoNode);
          CHECK(bfs.distance[p] == bfs.distance[v] - 1);
          const auto nb = view.neighbors(v);
          CHECK(std::find(nb.begin(), nb.end(), p) != nb.end());
        }
        for (NodeIndex w : view.neighbors(v)) {
          CHECK((bfs.distance[v] < 0) == (bfs.distance[w] < 0));
          if (bfs.distance[v] >= 0) CHECK(std::abs(bfs.distance[v] - bfs.distance[w]) <= 1);
        }
      }
    }
  }
}

TEST_CASE("PageRank equals Boost's page_rank, normalised, where no node dangles",
          "[graph][boost]") {
  // Boost's page_rank has no dangling-node rule and no normalisation: on a graph where every
  // node has a neighbour its ranks sum to n and, divided by n, are the same distribution.
  for (const GraphView& view :
       {GraphView::from_edges(200, generate::barabasi_albert(200, 2, 5)),
        GraphView::from_edges(100, generate::planted_partition(4, 25, 0.3, 0.02, 6))}) {
    const std::size_t n = view.node_count();
    for (NodeIndex u = 0; u < n; ++u) REQUIRE(view.degree(u) > 0);
    PageRankOptions options;
    options.tolerance = 1e-14;
    const auto ours = PageRank(view, options).run();
    REQUIRE(ours.converged);
    const std::vector<double> rank = boost_page_rank(view);
    const double total = std::accumulate(rank.begin(), rank.end(), 0.0);
    CHECK(total == Approx(static_cast<double>(n)).epsilon(1e-9));
    for (std::size_t v = 0; v < n; ++v)
      CHECK(ours.rank[v] == Approx(rank[v] / total).margin(1e-10).epsilon(0));
  }
}

TEST_CASE("PageRank stopped while its shares are single precision is as close as its stop rule",
          "[graph][boost]") {
  // n x tolerance = 2e-5 is above the single-precision floor (1e-5 in L1), so these sweeps end
  // before any run in double precision: the ranks must still be within the stop rule's own
  // error (L1 change x d / (1 - d), about 1.1e-4) of Boost's fixed point.
  const GraphView view = GraphView::from_edges(20000, generate::barabasi_albert(20000, 3, 7));
  const std::size_t n = view.node_count();
  PageRankOptions options;
  options.tolerance = 1e-9;
  const auto ours = PageRank(view, options).run();
  REQUIRE(ours.converged);
  const std::vector<double> rank = boost_page_rank(view);
  const double total = std::accumulate(rank.begin(), rank.end(), 0.0);
  double distance = 0;
  for (std::size_t v = 0; v < n; ++v) distance += std::fabs(ours.rank[v] - rank[v] / total);
  CHECK(distance < 1.2e-4);
  CHECK(std::accumulate(ours.rank.begin(), ours.rank.end(), 0.0) == Approx(1.0).epsilon(1e-12));
}

TEST_CASE("CutStructure's articulation points and bridges equal Boost's biconnected components",
          "[graph][boost]") {
  for (const GraphView& view : shapes()) {
    std::vector<std::uint32_t> component(num_edges(view));
    std::vector<NodeIndex> cut;
    const auto edge_index = get(boost::edge_index, view);
    boost::biconnected_components(view,
                                  boost::make_iterator_property_map(component.begin(), edge_index),
                                  std::back_inserter(cut));
    std::sort(cut.begin(), cut.end());
    // A bridge is a biconnected component of a single edge.
    std::vector<std::size_t> size(num_edges(view) + 1, 0);
    for (auto [it, end] = edges(view); it != end; ++it) ++size[component[get(edge_index, *it)]];
    std::vector<std::pair<NodeIndex, NodeIndex>> bridges;
    for (auto [it, end] = edges(view); it != end; ++it) {
      if (size[component[get(edge_index, *it)]] == 1)
        bridges.emplace_back(source(*it, view), target(*it, view));
    }
    std::sort(bridges.begin(), bridges.end());
    const auto ours = CutStructure(view).run();
    CHECK(ours.articulation_points == cut);
    CHECK(ours.bridges == bridges);
  }
}

TEST_CASE("Exact betweenness equals Boost's brandes_betweenness_centrality", "[graph][boost]") {
  for (const GraphView& view : shapes()) {
    std::vector<double> expected(view.node_count());
    boost::brandes_betweenness_centrality(
        view, boost::centrality_map(boost::make_iterator_property_map(expected.begin(), kIndex)));
    BetweennessOptions options;
    options.normalized = false;
    options.threads = 2;
    const auto ours = Betweenness(view, options).run();
    for (std::size_t v = 0; v < expected.size(); ++v) {
      CHECK(ours.score[v] ==
            Approx(expected[v]).margin(1e-9 * std::max(1.0, expected[v])).epsilon(0));
    }
  }
}

TEST_CASE("CoreDecomposition and StrongComponents are Boost's on undirected views",
          "[graph][boost]") {
  for (const GraphView& view : shapes()) {
    std::vector<std::uint32_t> expected(view.node_count());
    boost::core_numbers(view, boost::make_iterator_property_map(expected.begin(), kIndex));
    CHECK(CoreDecomposition(view).run().core == expected);
    // Every relation here is symmetric, so strong components are the connected ones.
    CHECK(StrongComponents(view).run().component == ConnectedComponents(view).run().component);
  }
}

TEST_CASE("Layout is deterministic, finite, and keeps components apart and neighbours close",
          "[graph][layout]") {
  // A 300-node scale-free piece (Barnes-Hut), a 40-node ring (Kamada-Kawai), three isolated nodes.
  auto edges = generate::barabasi_albert(300, 2, 9);
  for (NodeIndex i = 0; i < 40; ++i) edges.emplace_back(300 + i, 300 + (i + 1) % 40);
  const GraphView view = GraphView::from_edges(343, edges);
  const auto a = Layout(view).run();
  const auto b = Layout(view).run();
  CHECK(a.x == b.x);
  CHECK(a.y == b.y);
  REQUIRE(a.x.size() == view.node_count());
  for (std::size_t i = 0; i < a.x.size(); ++i) {
    CHECK(std::isfinite(a.x[i]));
    CHECK(std::isfinite(a.y[i]));
    CHECK(a.x[i] == std::round(a.x[i] * 100) / 100);  // rounded to 1/100
  }
  auto distance = [&](NodeIndex u, NodeIndex v) {
    return std::hypot(a.x[u] - a.x[v], a.y[u] - a.y[v]);
  };
  // Neighbours sit much closer than random pairs in the big piece.
  double neighbour = 0, random_pair = 0;
  std::size_t arcs = 0;
  for (NodeIndex u = 0; u < 300; ++u) {
    for (NodeIndex v : view.neighbors(u)) {
      neighbour += distance(u, v);
      ++arcs;
    }
    random_pair += distance(u, (u * 7919 + 13) % 300);
  }
  CHECK(neighbour / static_cast<double>(arcs) < 0.6 * random_pair / 300);
  // The ring is drawn as a ring: every node about as far from the ring's centre as the others.
  double cx = 0, cy = 0;
  for (NodeIndex i = 300; i < 340; ++i) {
    cx += a.x[i] / 40;
    cy += a.y[i] / 40;
  }
  std::vector<double> radius;
  for (NodeIndex i = 300; i < 340; ++i) radius.push_back(std::hypot(a.x[i] - cx, a.y[i] - cy));
  const auto [low, high] = std::minmax_element(radius.begin(), radius.end());
  CHECK(*low > 0.8 * *high);
  // No two nodes share a position; pieces do not overlap (the ring's nodes are all outside
  // the scale-free piece's bounding box).
  std::set<std::pair<double, double>> seen;
  for (std::size_t i = 0; i < a.x.size(); ++i) seen.emplace(a.x[i], a.y[i]);
  CHECK(seen.size() == a.x.size());
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
  for (NodeIndex u = 0; u < 300; ++u) {
    x0 = std::min(x0, a.x[u]);
    x1 = std::max(x1, a.x[u]);
    y0 = std::min(y0, a.y[u]);
    y1 = std::max(y1, a.y[u]);
  }
  for (NodeIndex i = 300; i < 343; ++i)
    CHECK_FALSE((a.x[i] > x0 && a.x[i] < x1 && a.y[i] > y0 && a.y[i] < y1));
  // Another seed gives another drawing of the big piece.
  LayoutOptions options;
  options.seed = 7;
  CHECK(Layout(view, options).run().x != a.x);
  CHECK(Layout(GraphView()).run().x.empty());
}
