// Every algorithm against NetworkX on the same graphs: the oracle script reads the edge list
// this test writes and prints its answers as JSON. If python3-networkx is missing the oracle
// fails and so do these tests (they never skip).

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "OracleSupport.h"
#include "core/Error.h"
#include "graph/Betweenness.h"
#include "graph/Closeness.h"
#include "graph/Components.h"
#include "graph/CoreDecomposition.h"
#include "graph/CutStructure.h"
#include "graph/Degree.h"
#include "graph/Louvain.h"
#include "graph/PageRank.h"
#include "graph/ShortestPath.h"

using namespace skein::graph;
using skein::graph::testing::WeightedGraph;

namespace {

struct Shape {
  std::string name;
  WeightedGraph graph;
};

// Two ER pieces side by side plus isolated nodes at the end.
WeightedGraph disconnected_with_isolated() {
  auto a = generate::erdos_renyi(40, 0.1, 11);
  auto b = generate::erdos_renyi(30, 0.12, 12);
  for (auto& [u, v] : b) {
    u += 40;
    v += 40;
  }
  a.insert(a.end(), b.begin(), b.end());
  return testing::with_weights(80, a, 13);  // nodes 70..79 have no edge
}

std::vector<Shape> shapes() {
  std::vector<Shape> out;
  out.push_back({"Erdos-Renyi", testing::with_weights(60, generate::erdos_renyi(60, 0.08, 1), 2)});
  out.push_back(
      {"Barabasi-Albert", testing::with_weights(150, generate::barabasi_albert(150, 3, 3), 4)});
  out.push_back({"planted partition",
                 testing::with_weights(100, generate::planted_partition(4, 25, 0.3, 0.01, 5), 6)});
  out.push_back({"disconnected with isolated nodes", disconnected_with_isolated()});
  out.push_back({"star", testing::with_weights(30, generate::star(30), 7)});
  // A sparse ER graph: many small trees, so articulation points and bridges abound.
  out.push_back(
      {"sparse forest-like", testing::with_weights(70, generate::erdos_renyi(70, 0.025, 8), 9)});
  return out;
}

// One oracle run per shape (a NetworkX start costs seconds), shared by the test cases. The
// run also scores our Louvain partition so the modularity test needs no second run.
const rapidjson::Document& oracle_for(const Shape& shape) {
  static std::map<std::string, rapidjson::Document> cache;
  auto it = cache.find(shape.name);
  if (it == cache.end()) {
    const auto partition = Louvain(shape.graph.view()).run().community;
    it = cache.emplace(shape.name, testing::run_oracle(shape.graph, partition)).first;
  }
  return it->second;
}

template <class T>
std::vector<T> numbers(const rapidjson::Value& array) {
  std::vector<T> out;
  for (const auto& x : array.GetArray()) out.push_back(static_cast<T>(x.GetDouble()));
  return out;
}

}  // namespace

TEST_CASE("PageRank matches NetworkX to 1e-6 on graphs of several shapes", "[graph][networkx]") {
  for (const auto& shape : shapes()) {
    INFO(shape.name);
    const auto& oracle = oracle_for(shape);
    const GraphView view = shape.graph.view();
    PageRankOptions options;
    options.tolerance = 1e-13;
    const auto plain = PageRank(view, options).run();
    options.weighted = true;
    const auto weighted = PageRank(view, options).run();
    CHECK(plain.converged);
    const auto expected = numbers<double>(oracle["pagerank"]);
    const auto expected_weighted = numbers<double>(oracle["pagerank_weighted"]);
    REQUIRE(expected.size() == view.node_count());
    for (std::size_t v = 0; v < expected.size(); ++v) {
      CHECK(plain.rank[v] == Approx(expected[v]).margin(1e-6).epsilon(0));
      CHECK(weighted.rank[v] == Approx(expected_weighted[v]).margin(1e-6).epsilon(0));
    }
  }
}

TEST_CASE("Exact betweenness matches NetworkX to 1e-9, normalised and raw", "[graph][networkx]") {
  for (const auto& shape : shapes()) {
    INFO(shape.name);
    const auto& oracle = oracle_for(shape);
    const GraphView view = shape.graph.view();
    BetweennessOptions options;
    options.threads = 2;
    const auto normalised = Betweenness(view, options).run();
    options.normalized = false;
    const auto raw = Betweenness(view, options).run();
    const auto expected = numbers<double>(oracle["betweenness"]);
    const auto expected_raw = numbers<double>(oracle["betweenness_raw"]);
    for (std::size_t v = 0; v < expected.size(); ++v) {
      CHECK(normalised.score[v] == Approx(expected[v]).margin(1e-9).epsilon(0));
      CHECK(raw.score[v] ==
            Approx(expected_raw[v]).margin(1e-9 * std::max(1.0, expected_raw[v])).epsilon(0));
    }
  }
}

TEST_CASE("Weighted exact betweenness (hop cost 1/weight) matches NetworkX to 1e-9",
          "[graph][networkx]") {
  for (const auto& shape : shapes()) {
    INFO(shape.name);
    const auto& oracle = oracle_for(shape);
    const GraphView view = shape.graph.view();
    BetweennessOptions options;
    options.weighted = true;
    const auto normalised = Betweenness(view, options).run();
    options.normalized = false;
    const auto raw = Betweenness(view, options).run();
    const auto expected = numbers<double>(oracle["betweenness_weighted"]);
    const auto expected_raw = numbers<double>(oracle["betweenness_weighted_raw"]);
    REQUIRE(expected.size() == view.node_count());
    for (std::size_t v = 0; v < expected.size(); ++v) {
      CHECK(normalised.score[v] == Approx(expected[v]).margin(1e-9).epsilon(0));
      CHECK(raw.score[v] ==
            Approx(expected_raw[v]).margin(1e-9 * std::max(1.0, expected_raw[v])).epsilon(0));
    }
  }
  // Weights change the answer: on the weighted shapes the two rankings are not the same.
  const auto shape = shapes().front();
  BetweennessOptions plain, weighted;
  weighted.weighted = true;
  CHECK(Betweenness(shape.graph.view(), plain).run().score !=
        Betweenness(shape.graph.view(), weighted).run().score);
}

TEST_CASE("Weighted betweenness refuses sampling", "[graph]") {
  const GraphView view = GraphView::from_edges(3, {{0, 1}, {1, 2}});
  BetweennessOptions options;
  options.weighted = true;
  options.samples = 2;
  CHECK_THROWS_AS(Betweenness(view, options).run(), skein::UsageError);
}

TEST_CASE("Harmonic closeness and degree centrality match NetworkX", "[graph][networkx]") {
  for (const auto& shape : shapes()) {
    INFO(shape.name);
    const auto& oracle = oracle_for(shape);
    const GraphView view = shape.graph.view();
    const auto closeness = HarmonicCloseness(view).run();
    const auto degree = DegreeCentrality(view).run();
    const auto expected = numbers<double>(oracle["harmonic"]);
    const auto expected_degree = numbers<double>(oracle["degree_centrality"]);
    for (std::size_t v = 0; v < expected.size(); ++v) {
      CHECK(closeness.score[v] == Approx(expected[v]).margin(1e-9).epsilon(0));
      CHECK(degree.centrality[v] == Approx(expected_degree[v]).margin(1e-12).epsilon(0));
    }
  }
}

TEST_CASE("Components, BFS distances and core numbers equal NetworkX's", "[graph][networkx]") {
  for (const auto& shape : shapes()) {
    INFO(shape.name);
    const auto& oracle = oracle_for(shape);
    const GraphView view = shape.graph.view();
    const auto components = ConnectedComponents(view).run();
    std::vector<std::uint32_t> ours(components.component.begin(), components.component.end());
    CHECK(ours == numbers<std::uint32_t>(oracle["components"]));
    const auto bfs = BreadthFirstSearch(view, 0).run();
    CHECK(bfs.distance == numbers<std::int32_t>(oracle["bfs0"]));
    const auto core = CoreDecomposition(view).run();
    CHECK(core.core == numbers<std::uint32_t>(oracle["core"]));
  }
}

TEST_CASE("Articulation points and bridges equal NetworkX's", "[graph][networkx]") {
  for (const auto& shape : shapes()) {
    INFO(shape.name);
    const auto& oracle = oracle_for(shape);
    const auto cuts = CutStructure(shape.graph.view()).run();
    std::vector<NodeIndex> points(cuts.articulation_points.begin(), cuts.articulation_points.end());
    CHECK(points == numbers<NodeIndex>(oracle["articulation"]));
    std::vector<std::pair<NodeIndex, NodeIndex>> bridges;
    for (const auto& pair : oracle["bridges"].GetArray()) {
      bridges.emplace_back(pair[0].GetUint(), pair[1].GetUint());
    }
    CHECK(cuts.bridges == bridges);
  }
}

TEST_CASE("Our modularity equals NetworkX's on the same partition", "[graph][networkx][louvain]") {
  for (const auto& shape : shapes()) {
    INFO(shape.name);
    const GraphView view = shape.graph.view();
    const auto result = Louvain(view).run();
    const auto& oracle = oracle_for(shape);
    CHECK(result.modularity == Approx(oracle["partition_modularity"].GetDouble()).margin(1e-9));
  }
}

TEST_CASE("Louvain modularity is within 2% of NetworkX's on planted communities",
          "[graph][networkx][louvain]") {
  for (std::uint64_t seed : {21u, 22u, 23u}) {
    INFO("seed " << seed);
    const auto graph =
        testing::with_weights(200, generate::planted_partition(8, 25, 0.3, 0.02, seed), seed + 100);
    const auto oracle = testing::run_oracle(graph);
    const double theirs = oracle["louvain_modularity"].GetDouble();
    const auto ours = Louvain(graph.view()).run();
    CHECK(ours.modularity >= 0.98 * theirs);
    CHECK(ours.count >= 6);  // the 8 planted blocks are found, give or take a merge
  }
}
