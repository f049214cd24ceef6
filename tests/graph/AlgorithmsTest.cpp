// Algorithm objects on tiny graphs whose answers can be worked out by hand.

#include <catch2/catch.hpp>
#include <numeric>

#include "core/Error.h"
#include "graph/Betweenness.h"
#include "graph/Closeness.h"
#include "graph/Components.h"
#include "graph/CoreDecomposition.h"
#include "graph/CutStructure.h"
#include "graph/Degree.h"
#include "graph/EgoNetwork.h"
#include "graph/Generators.h"
#include "graph/Louvain.h"
#include "graph/PageRank.h"
#include "graph/ShortestPath.h"

using namespace skein;
using namespace skein::graph;

namespace {

// 0 - 1 - 2 - 3 - 4
GraphView path5() { return GraphView::from_edges(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}}); }

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

}  // namespace

TEST_CASE("Betweenness on a path counts the pairs each inner node separates", "[graph]") {
  BetweennessOptions options;
  options.normalized = false;
  const auto raw = Betweenness(path5(), options).run();
  CHECK(raw.score == std::vector<double>{0, 3, 4, 3, 0});
  const auto normalised = Betweenness(path5()).run();
  CHECK(normalised.score[2] == Approx(4.0 / 6.0));
}

// Regression guard for the level-by-level backward sweep: 1 and 2 sit on the same BFS level
// from 0 (and from 3), so the edge between them must not carry any dependency.
//     1
//   / | \.
//  0  |  3     (edges 0-1, 0-2, 1-2, 1-3, 2-3)
//   \ | /
//     2
TEST_CASE("Betweenness ignores edges between nodes of the same BFS level", "[graph]") {
  BetweennessOptions options;
  options.normalized = false;
  const auto view = GraphView::from_edges(4, {{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3}});
  CHECK(Betweenness(view, options).run().score == std::vector<double>{0, 0.5, 0.5, 0});
  options.threads = 2;
  options.samples = 3;  // three sources, blocks split across two threads
  const auto sampled = Betweenness(view, options).run();
  CHECK(sampled.sources == 3);
  CHECK(sum(sampled.score) > 0);
}

namespace {

// Textbook Brandes (2001) with predecessor lists, unnormalised pair counts: the reference the
// level-by-level implementation (which walks each level from whichever side is cheaper)
// must agree with.
std::vector<double> reference_betweenness(const GraphView& view) {
  const std::size_t n = view.node_count();
  std::vector<double> score(n, 0.0);
  for (NodeIndex s = 0; s < n; ++s) {
    std::vector<std::vector<NodeIndex>> pred(n);
    std::vector<double> sigma(n, 0.0), delta(n, 0.0);
    std::vector<int> dist(n, -1);
    std::vector<NodeIndex> stack, queue{s};
    sigma[s] = 1;
    dist[s] = 0;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const NodeIndex v = queue[head];
      stack.push_back(v);
      for (NodeIndex w : view.neighbors(v)) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue.push_back(w);
        }
        if (dist[w] == dist[v] + 1) {
          sigma[w] += sigma[v];
          pred[w].push_back(v);
        }
      }
    }
    while (!stack.empty()) {
      const NodeIndex w = stack.back();
      stack.pop_back();
      for (NodeIndex v : pred[w]) delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
      if (w != s) score[w] += delta[w];
    }
  }
  for (double& x : score) x /= 2;
  return score;
}

}  // namespace

TEST_CASE("Betweenness agrees with textbook Brandes whichever side each level is walked from",
          "[graph]") {
  // A scale-free core (wide middle levels: bottom-up discovery and pushed dependencies), a
  // 30-node path hanging off it (long thin levels: top-down and pulled), a second component
  // and isolated nodes (never reached; still scanned by bottom-up steps). 367 nodes: the
  // last bitmap word is partial.
  auto edges = generate::barabasi_albert(300, 4, 8);
  for (NodeIndex i = 0; i < 30; ++i) edges.emplace_back(i == 0 ? 299 : 299 + i, 300 + i);
  for (NodeIndex i = 330; i < 359; ++i) edges.emplace_back(330 + (i * 7) % 29, i + 1);
  const GraphView view = GraphView::from_edges(367, edges);
  const auto expected = reference_betweenness(view);
  BetweennessOptions options;
  options.normalized = false;
  for (unsigned threads : {1u, 2u}) {
    options.threads = threads;
    const auto got = Betweenness(view, options).run();
    REQUIRE(got.score.size() == expected.size());
    for (std::size_t v = 0; v < expected.size(); ++v) {
      INFO("node " << v << ", " << threads << " thread(s)");
      CHECK(got.score[v] == Approx(expected[v]).epsilon(1e-12).margin(1e-9));
    }
  }
  CHECK(expected[299] > 0);  // the path's attachment point carries the path's traffic
}

TEST_CASE("Sampled betweenness with every node as a source equals the exact one", "[graph]") {
  const GraphView view = GraphView::from_edges(200, generate::barabasi_albert(200, 2, 5));
  const auto exact = Betweenness(view).run();
  BetweennessOptions options;
  options.samples = 200;
  const auto all = Betweenness(view, options).run();
  for (std::size_t v = 0; v < 200; ++v) CHECK(all.score[v] == Approx(exact.score[v]).margin(1e-12));
}

TEST_CASE("Sampled betweenness is reproducible and independent of the thread count", "[graph]") {
  const GraphView view = GraphView::from_edges(300, generate::barabasi_albert(300, 3, 6));
  BetweennessOptions options;
  options.samples = 50;
  options.seed = 3;
  options.threads = 1;
  const auto one = Betweenness(view, options).run();
  options.threads = 2;
  const auto two = Betweenness(view, options).run();
  const auto again = Betweenness(view, options).run();
  CHECK(one.sources == 50);
  CHECK(two.score == again.score);
  for (std::size_t v = 0; v < 300; ++v) CHECK(one.score[v] == Approx(two.score[v]).margin(1e-12));
  // The estimate points at the same hub as the exact computation.
  const auto exact = Betweenness(view).run();
  const auto top = [](const std::vector<double>& s) {
    return std::max_element(s.begin(), s.end()) - s.begin();
  };
  CHECK(top(one.score) == top(exact.score));
}

TEST_CASE("PageRank sums to one and handles dangling nodes when directed", "[graph]") {
  // 0 -> 1 -> 2 (asymmetric), 3 isolated: 2 and 3 are dangling.
  GraphView::Builder b;
  for (int i = 0; i < 4; ++i) b.add_node(Node{i, "Node", std::to_string(i), {}, "{}"});
  for (NodeIndex i = 0; i < 2; ++i) {
    Edge e;
    e.source = i;
    e.target = i + 1;
    e.type = "located-in";
    b.add_edge(e);
  }
  const GraphView view = std::move(b).build();
  PageRankOptions options;
  options.directed = true;
  const auto directed = PageRank(view, options).run();
  CHECK(directed.converged);
  CHECK(sum(directed.rank) == Approx(1.0).margin(1e-12));
  CHECK(directed.rank[2] > directed.rank[1]);
  CHECK(directed.rank[1] > directed.rank[0]);
  const auto undirected = PageRank(view).run();
  CHECK(undirected.rank[0] == Approx(undirected.rank[2]));
  CHECK(undirected.rank[1] > undirected.rank[0]);
  CHECK(PageRank(GraphView()).run().rank.empty());
}

TEST_CASE("Shortest paths: fewest hops, best evidenced, bounded, all of them", "[graph]") {
  //   0 -(1)- 1 -(1)- 3          unweighted: 0 1 3
  //   0 -(5)- 2 -(5)- 4 -(5)- 3  weighted (cost 1/w): 0 2 4 3 (0.6 < 2)
  //   5 isolated
  const GraphView view =
      GraphView::from_edges(6, {{0, 1}, {1, 3}, {0, 2}, {2, 4}, {4, 3}}, {1, 1, 5, 5, 5});
  auto one = ShortestPath(view, 0, 3).run();
  REQUIRE(one.paths.size() == 1);
  CHECK(one.paths[0].nodes == std::vector<NodeIndex>{0, 1, 3});
  CHECK(one.paths[0].edges == std::vector<EdgeIndex>{0, 1});
  ShortestPathOptions options;
  options.weighted = true;
  auto weighted = ShortestPath(view, 0, 3, options).run();
  REQUIRE(weighted.paths.size() == 1);
  CHECK(weighted.paths[0].nodes == std::vector<NodeIndex>{0, 2, 4, 3});
  CHECK(weighted.paths[0].cost == Approx(0.6));
  options.max_hops = 3;
  CHECK(ShortestPath(view, 0, 3, options).run().paths[0].nodes ==
        std::vector<NodeIndex>{0, 2, 4, 3});
  options.max_hops = 2;
  CHECK(ShortestPath(view, 0, 3, options).run().paths[0].nodes == std::vector<NodeIndex>{0, 1, 3});
  options.max_hops = 1;
  CHECK(ShortestPath(view, 0, 3, options).run().paths.empty());
  CHECK(ShortestPath(view, 0, 5).run().paths.empty());
  options = {};
  options.weighted = true;
  CHECK(ShortestPath(view, 0, 5, options).run().paths.empty());

  // A square 0-1-3, 0-2-3 has two shortest paths, listed in order.
  const GraphView square = GraphView::from_edges(4, {{0, 1}, {1, 3}, {0, 2}, {2, 3}});
  ShortestPathOptions all;
  all.all = true;
  auto both = ShortestPath(square, 0, 3, all).run();
  REQUIRE(both.paths.size() == 2);
  CHECK(both.paths[0].nodes == std::vector<NodeIndex>{0, 1, 3});
  CHECK(both.paths[1].nodes == std::vector<NodeIndex>{0, 2, 3});
  all.max_paths = 1;
  auto capped = ShortestPath(square, 0, 3, all).run();
  CHECK(capped.paths.size() == 1);
  CHECK(capped.truncated);
  all.weighted = true;
  CHECK_THROWS_AS(ShortestPath(square, 0, 3, all), UsageError);
}

TEST_CASE("A k-hop ego network stops at its depth", "[graph]") {
  const auto ego = EgoNetwork(path5(), {2}, 1).run();
  CHECK(ego.nodes == std::vector<NodeIndex>{2, 1, 3});
  CHECK(ego.distance == std::vector<std::int32_t>{0, 1, 1});
  CHECK(EgoNetwork(path5(), {0}, 0).run().nodes == std::vector<NodeIndex>{0});
  CHECK(EgoNetwork(path5(), {0, 4}, 1).subgraph().node_count() == 4);
  CHECK_THROWS_AS(EgoNetwork(path5(), {0}, -1).run(), UsageError);
}

TEST_CASE("Core numbers, cut points and bridges of a bowtie with a tail", "[graph]") {
  //  0-1-2 triangle, 2-3-4 triangle, 4 - 5 tail
  const GraphView view =
      GraphView::from_edges(6, {{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}, {2, 4}, {4, 5}});
  const auto core = CoreDecomposition(view).run();
  CHECK(core.core == std::vector<std::uint32_t>{2, 2, 2, 2, 2, 1});
  CHECK(core.k_core(2) == std::vector<NodeIndex>{0, 1, 2, 3, 4});
  const auto cuts = CutStructure(view).run();
  CHECK(cuts.articulation_points == std::vector<NodeIndex>{2, 4});
  CHECK(cuts.bridges == std::vector<std::pair<NodeIndex, NodeIndex>>{{4, 5}});
}

TEST_CASE("Components are numbered by their lowest node", "[graph]") {
  const GraphView view = GraphView::from_edges(6, {{3, 4}, {0, 5}});
  const auto c = ConnectedComponents(view).run();
  CHECK(c.component == std::vector<std::uint32_t>{0, 1, 2, 3, 3, 0});
  CHECK(c.count() == 4);
  CHECK(c.size[c.largest()] == 2);
  CHECK(c.largest() == 0);
}

TEST_CASE("Louvain separates two cliques joined by one edge, reproducibly", "[graph][louvain]") {
  generate::EdgeList edges;
  for (NodeIndex u = 0; u < 5; ++u) {
    for (NodeIndex v = u + 1; v < 5; ++v) {
      edges.emplace_back(u, v);
      edges.emplace_back(u + 5, v + 5);
    }
  }
  edges.emplace_back(4, 5);
  const GraphView view = GraphView::from_edges(10, edges);
  const auto result = Louvain(view).run();
  CHECK(result.count == 2);
  CHECK(result.community == std::vector<std::uint32_t>{0, 0, 0, 0, 0, 1, 1, 1, 1, 1});
  // Q = 2 * (10/21 - (21/42)^2) for this split.
  CHECK(result.modularity == Approx(2 * (10.0 / 21 - 0.25)));
  LouvainOptions options;
  options.seed = 99;
  CHECK(Louvain(view, options).run().community == result.community);
  const GraphView big =
      GraphView::from_edges(400, generate::planted_partition(8, 50, 0.2, 0.01, 3));
  CHECK(Louvain(big).run().community == Louvain(big).run().community);
  // Singletons, or an edgeless graph, have modularity <= 0 and Louvain leaves them alone.
  const GraphView empty = GraphView::from_edges(3, {});
  CHECK(Louvain(empty).run().count == 3);
}

TEST_CASE("Degree counts distinct neighbours and summed weight", "[graph]") {
  const GraphView view = GraphView::from_edges(3, {{0, 1}, {1, 0}, {1, 2}}, {2, 3, 1});
  const auto d = DegreeCentrality(view).run();
  CHECK(d.degree == std::vector<std::size_t>{1, 2, 1});
  CHECK(d.strength == std::vector<double>{5, 6, 1});
  CHECK(d.centrality[1] == Approx(1.0));
}

TEST_CASE("Harmonic closeness on a path", "[graph]") {
  const auto c = HarmonicCloseness(path5()).run();
  CHECK(c.score[0] == Approx(1 + 0.5 + 1.0 / 3 + 0.25));
  CHECK(c.score[2] == Approx(3.0));
}
