// GraphView as a Boost.Graph graph (graph/BoostGraphView.h): the concept checks compile, and
// BGL algorithms that Skein itself never calls run on a view without a copy and give the
// answers known for their inputs.

#include <algorithm>
#include <boost/graph/boyer_myrvold_planar_test.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/max_cardinality_matching.hpp>
#include <boost/graph/strong_components.hpp>
#include <catch2/catch.hpp>
#include <set>
#include <utility>
#include <vector>

#include "graph/BoostGraphView.h"
#include "graph/Generators.h"

using namespace skein::graph;

namespace {

using Undirected = boost::graph_traits<GraphView>;
using Directed = boost::graph_traits<DirectedView>;

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<GraphView>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<GraphView>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<GraphView>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<GraphView>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<GraphView>));
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<DirectedView>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<DirectedView>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<DirectedView>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<DirectedView>));
BOOST_CONCEPT_ASSERT(
    (boost::ReadablePropertyMapConcept<EdgeIndexMap, Undirected::edge_descriptor>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyMapConcept<WeightMap, Undirected::edge_descriptor>));

// K_n on nodes 0..n-1.
GraphView complete(std::size_t n) {
  std::vector<std::pair<NodeIndex, NodeIndex>> edges;
  for (NodeIndex u = 0; u < n; ++u) {
    for (NodeIndex v = u + 1; v < n; ++v) edges.emplace_back(u, v);
  }
  return GraphView::from_edges(n, edges);
}

std::size_t matching_size(const GraphView& g) {
  std::vector<NodeIndex> mate(g.node_count());
  // (The checked_ variant's verifier trips GCC's -Wmaybe-uninitialized inside Boost; the
  // sizes below are the known maxima instead.)
  boost::edmonds_maximum_cardinality_matching(g, mate.data());
  std::size_t matched = 0;
  for (NodeIndex u = 0; u < g.node_count(); ++u) {
    if (mate[u] != Undirected::null_vertex()) {
      ++matched;
      CHECK(mate[mate[u]] == u);
      CHECK(!g.edges_between(u, mate[u]).empty());  // a matched pair is an edge of the view
    }
  }
  return matched / 2;
}

}  // namespace

TEST_CASE(
    "Boyer-Myrvold planarity runs on a GraphView: K4 and a grid are planar, K5 and K3,3 are not",
    "[graph][boost]") {
  CHECK(boost::boyer_myrvold_planarity_test(complete(4)));
  CHECK_FALSE(boost::boyer_myrvold_planarity_test(complete(5)));
  const GraphView k33 = GraphView::from_edges(
      6, {{0, 3}, {0, 4}, {0, 5}, {1, 3}, {1, 4}, {1, 5}, {2, 3}, {2, 4}, {2, 5}});
  CHECK_FALSE(boost::boyer_myrvold_planarity_test(k33));
  // A 10x10 grid, with its edges given twice and in both directions: the view folds them.
  std::vector<std::pair<NodeIndex, NodeIndex>> grid;
  for (NodeIndex r = 0; r < 10; ++r) {
    for (NodeIndex c = 0; c < 10; ++c) {
      if (c + 1 < 10) grid.emplace_back(r * 10 + c, r * 10 + c + 1);
      if (r + 1 < 10) grid.emplace_back((r + 1) * 10 + c, r * 10 + c);
      if (c + 1 < 10) grid.emplace_back(r * 10 + c + 1, r * 10 + c);
    }
  }
  CHECK(boost::boyer_myrvold_planarity_test(GraphView::from_edges(100, grid)));
}

TEST_CASE("Edmonds' maximum cardinality matching runs on a GraphView and finds the known sizes",
          "[graph][boost]") {
  CHECK(matching_size(complete(7)) == 3);
  CHECK(matching_size(GraphView::from_edges(6, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}})) ==
        3);  // path
  CHECK(matching_size(GraphView::from_edges(8, generate::star(8))) == 1);
  // Two triangles joined by an edge, plus an isolated node: 3 pairs.
  CHECK(matching_size(GraphView::from_edges(
            7, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}})) == 3);
  const GraphView random = GraphView::from_edges(60, generate::erdos_renyi(60, 0.1, 4));
  const std::size_t size = matching_size(random);
  CHECK(size >= 25);
  CHECK(size <= 30);
}

TEST_CASE("The undirected model lists each pair once in edges() with a dense edge index",
          "[graph][boost]") {
  // Parallel and reversed relations fold into one pair; the self-loop is not in the topology.
  const GraphView g = GraphView::from_edges(5, {{0, 1}, {1, 0}, {1, 2}, {2, 3}, {3, 3}, {0, 1}},
                                            {1, 2, 1, 4, 1, 1});
  CHECK(num_edges(g) == 3);
  const auto index = get(boost::edge_index, g);
  const auto weight = get(boost::edge_weight, g);
  std::set<std::uint32_t> seen;
  std::size_t listed = 0;
  for (auto [it, end] = edges(g); it != end; ++it) {
    const auto e = *it;
    CHECK(source(e, g) < target(e, g));
    seen.insert(get(index, e));
    ++listed;
  }
  CHECK(listed == 3);
  CHECK(seen == std::set<std::uint32_t>{0, 1, 2});
  // The same pair read from either end has one descriptor and one index.
  for (NodeIndex u = 0; u < num_vertices(g); ++u) {
    for (auto [it, end] = out_edges(u, g); it != end; ++it) {
      const auto e = *it;
      const auto [back, found] = edge(target(e, g), u, g);
      REQUIRE(found);
      CHECK(back == e);
      CHECK(get(index, back) == get(index, e));
    }
  }
  const auto [e01, found] = edge(1, 0, g);
  REQUIRE(found);
  CHECK(get(weight, e01) == 4.0);         // 1 + 2 + 1 folded
  CHECK(get(relation_map(g), e01) == 1);  // the heaviest of them
  CHECK(get(confidence_map(g), e01) == 1.0);
  CHECK(in_degree(1, g) == 2);
}

TEST_CASE("The directed model follows relation directions and runs strong_components",
          "[graph][boost]") {
  // 0 -> 1 -> 2 -> 0 is a cycle; 2 -> 3 one way; 3 - 4 symmetric (both directions).
  GraphView::Builder builder;
  for (int i = 0; i < 5; ++i) builder.add_node(Node{});
  auto arc = [&](NodeIndex s, NodeIndex t, bool symmetric) {
    Edge e;
    e.type = symmetric ? "met-with" : "located-in";
    e.source = s;
    e.target = t;
    e.symmetric = symmetric;
    builder.add_edge(std::move(e));
  };
  arc(0, 1, false);
  arc(1, 2, false);
  arc(2, 0, false);
  arc(2, 3, false);
  arc(3, 4, true);
  const GraphView view = std::move(builder).build();
  const DirectedView g(view);
  CHECK(num_edges(g) == 6);
  CHECK(out_degree(2, g) == 2);
  CHECK(in_degree(2, g) == 1);
  CHECK(in_degree(3, g) == 2);
  std::size_t listed = 0;
  for (auto [it, end] = edges(g); it != end; ++it) ++listed;
  CHECK(listed == 6);
  // In-edges' index is the source-side entry, as out-edges give it.
  std::set<std::uint32_t> out_index, in_index;
  const auto index = get(boost::edge_index, g);
  for (NodeIndex u = 0; u < 5; ++u) {
    for (auto [it, end] = out_edges(u, g); it != end; ++it) out_index.insert(get(index, *it));
    for (auto [it, end] = in_edges(u, g); it != end; ++it) in_index.insert(get(index, *it));
  }
  CHECK(out_index == in_index);
  CHECK(out_index.size() == 6);
  std::vector<std::size_t> component(5);
  const std::size_t count = boost::strong_components(g, component.data());
  CHECK(count == 2);
  CHECK(component[0] == component[1]);
  CHECK(component[1] == component[2]);
  CHECK(component[3] == component[4]);
  CHECK(component[0] != component[3]);
}
