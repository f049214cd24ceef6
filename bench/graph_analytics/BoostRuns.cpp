#include "BoostRuns.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/core_numbers.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/page_rank.hpp>
#include <chrono>
#include <cmath>
#include <ctime>
#include <limits>
#include <memory>

#include "graph/BoostGraphView.h"

namespace skein::bench {

using graph::GraphView;
using graph::NodeIndex;

double now_seconds() {
  if (use_cpu_time) {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

namespace {

using CostMap = graph::HopCostMap;

struct CsrArc {
  float weight;
};
using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, CsrArc,
                                               boost::no_property, std::uint32_t, std::uint32_t>;

// Component labels of a CSR by BFS: Boost's connected_components refuses directed graphs.
std::vector<std::uint32_t> csr_components(const Csr& g) {
  const std::size_t n = num_vertices(g);
  std::vector<std::uint32_t> component(n, std::numeric_limits<std::uint32_t>::max());
  std::vector<boost::default_color_type> color(n, boost::white_color);
  std::uint32_t next = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (component[root] != std::numeric_limits<std::uint32_t>::max()) continue;
    const std::uint32_t id = next++;
    auto label = boost::make_bfs_visitor(
        boost::put_property(component.data(), id, boost::on_discover_vertex()));
    boost::breadth_first_visit(g, root,
                               boost::visitor(label).color_map(boost::make_iterator_property_map(
                                   color.begin(), get(boost::vertex_index, g))));
  }
  return component;
}

}  // namespace

BoostTimes time_boost(const GraphView& view, int pagerank_iterations,
                      const std::vector<std::uint32_t>& expected_components,
                      const std::vector<std::int32_t>& expected_bfs, int repeats) {
  BoostTimes t;
  const std::size_t n = view.node_count();
  const auto index = boost::typed_identity_property_map<NodeIndex>();

  std::vector<std::uint32_t> component(n);
  t.components = best_of(repeats, [&] { boost::connected_components(view, component.data()); });
  // Boost numbers components in DFS order from vertex 0 upwards, which is Skein's order too.
  if (component != expected_components) t.mismatches.push_back("connected_components");

  std::vector<std::int32_t> distance(n);
  std::vector<boost::default_color_type> color(n);
  auto bfs_once = [&](const auto& g) {
    std::fill(distance.begin(), distance.end(), -1);
    distance[0] = 0;
    boost::breadth_first_search(
        g, 0,
        boost::visitor(boost::make_bfs_visitor(
                           boost::record_distances(distance.data(), boost::on_tree_edge())))
            .color_map(boost::make_iterator_property_map(color.begin(), index)));
  };
  t.bfs = best_of(repeats, [&] { bfs_once(view); });
  if (distance != expected_bfs) t.mismatches.push_back("breadth_first_search");

  std::vector<double> rank(n), rank2(n);
  // Initial rank 1 (n = 1 in Boost's parameter), the start value REFERENCE.md recommends.
  t.pagerank = best_of(repeats, [&] {
    boost::graph::page_rank(
        view, boost::make_iterator_property_map(rank.begin(), index),
        boost::graph::n_iterations(static_cast<std::size_t>(pagerank_iterations)), 0.85, 1,
        boost::make_iterator_property_map(rank2.begin(), index));
  });

  std::vector<std::uint32_t> core(n);
  t.core_numbers = best_of(repeats, [&] {
    boost::core_numbers(view, boost::make_iterator_property_map(core.begin(), index));
  });

  std::vector<NodeIndex> cut;
  t.articulation = best_of(repeats, [&] {
    cut.clear();
    boost::articulation_points(view, std::back_inserter(cut));
  });
  std::vector<std::uint32_t> bicomponent(view.pair_count());
  t.biconnected = best_of(repeats, [&] {
    boost::biconnected_components(
        view, boost::make_iterator_property_map(bicomponent.begin(), get(boost::edge_index, view)));
  });

  std::vector<double> cost(n);
  std::vector<NodeIndex> parent(n);
  t.dijkstra = best_of(repeats, [&] {
    boost::dijkstra_shortest_paths(
        view, NodeIndex{0},
        boost::weight_map(CostMap(view))
            .distance_map(boost::make_iterator_property_map(cost.begin(), index))
            .predecessor_map(parent.data()));
  });

  // The storage alternative: a compressed_sparse_row_graph copy of the same arcs.
  std::unique_ptr<Csr> csr;
  t.csr_build = best_of(repeats, [&] {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
    std::vector<CsrArc> props;
    arcs.reserve(view.arc_count());
    props.reserve(view.arc_count());
    for (NodeIndex u = 0; u < n; ++u) {
      const auto nb = view.neighbors(u);
      const auto w = view.neighbor_weights(u);
      for (std::size_t i = 0; i < nb.size(); ++i) {
        arcs.emplace_back(u, nb[i]);
        props.push_back({w[i]});
      }
    }
    csr = std::make_unique<Csr>(boost::edges_are_sorted, arcs.begin(), arcs.end(), props.begin(),
                                static_cast<std::uint32_t>(n));
  });
  // Directed CSR holding both arcs of every pair: row starts, columns and float weights.
  const double arcs = static_cast<double>(view.arc_count());
  t.csr_bytes_per_edge = ((static_cast<double>(n) + 1) * 4 + arcs * (4 + sizeof(CsrArc))) /
                         static_cast<double>(view.pair_count());
  std::vector<std::uint32_t> csr_component;
  t.csr_components = best_of(repeats, [&] { csr_component = csr_components(*csr); });
  if (csr_component != expected_components) t.mismatches.push_back("CSR components");
  t.csr_bfs = best_of(repeats, [&] { bfs_once(*csr); });
  if (distance != expected_bfs) t.mismatches.push_back("CSR breadth_first_search");
  t.csr_pagerank = best_of(repeats, [&] {
    boost::graph::page_rank(
        *csr, boost::make_iterator_property_map(rank.begin(), index),
        boost::graph::n_iterations(static_cast<std::size_t>(pagerank_iterations)), 0.85, 1,
        boost::make_iterator_property_map(rank2.begin(), index));
  });
  return t;
}

double time_boost_betweenness(const GraphView& view, bool weighted, std::vector<double>& score) {
  score.assign(view.node_count(), 0.0);
  const auto index = boost::typed_identity_property_map<NodeIndex>();
  auto centrality = boost::make_iterator_property_map(score.begin(), index);
  return best_of(1, [&] {
    if (weighted) {
      boost::brandes_betweenness_centrality(
          view, boost::centrality_map(centrality).weight_map(CostMap(view)));
    } else {
      boost::brandes_betweenness_centrality(view, boost::centrality_map(centrality));
    }
  });
}

BoostCounterparts boost_counterparts(const GraphView& view, const GraphView& small,
                                     int pagerank_iterations) {
  const std::size_t n = view.node_count();
  const auto index = boost::typed_identity_property_map<NodeIndex>();
  BoostCounterparts run;
  auto component = std::make_shared<std::vector<std::uint32_t>>(n);
  run.components = [&view, component] { boost::connected_components(view, component->data()); };
  auto ranks = std::make_shared<std::pair<std::vector<double>, std::vector<double>>>();
  ranks->first.resize(n);
  ranks->second.resize(n);
  run.pagerank = [&view, ranks, index, pagerank_iterations] {
    boost::graph::page_rank(
        view, boost::make_iterator_property_map(ranks->first.begin(), index),
        boost::graph::n_iterations(static_cast<std::size_t>(pagerank_iterations)), 0.85, 1,
        boost::make_iterator_property_map(ranks->second.begin(), index));
  };
  auto previous = std::make_shared<std::vector<double>>(n);
  run.pagerank_as_skein = [&view, ranks, previous, index, n] {
    // Boost's ranks sum to n and have no tolerance stop: the stop Skein's has (L1 change of
    // the normalised ranks below n x 1e-10), checked before each of Boost's steps. Normalising
    // Boost's fixed point gives the one where dangling nodes spread their rank (none here).
    std::fill(previous->begin(), previous->end(), 0.0);
    int steps = 0;
    auto done = [&](const auto& rank, const GraphView&) {
      double total = 0;
      for (NodeIndex v = 0; v < n; ++v) total += get(rank, v);
      double change = 0;
      for (NodeIndex v = 0; v < n; ++v) {
        const double normalised = get(rank, v) / total;
        change += std::fabs(normalised - (*previous)[v]);
        (*previous)[v] = normalised;
      }
      return ++steps > 1000 || (steps > 1 && change < static_cast<double>(n) * 1e-10);
    };
    boost::graph::page_rank(view, boost::make_iterator_property_map(ranks->first.begin(), index),
                            done, 0.85, 1,
                            boost::make_iterator_property_map(ranks->second.begin(), index));
  };
  auto bicomponent = std::make_shared<std::vector<std::uint32_t>>(view.pair_count());
  auto cut = std::make_shared<std::vector<NodeIndex>>();
  run.cut_structure = [&view, bicomponent, cut] {
    cut->clear();  // one call gives both: bridges are the 1-edge components
    boost::biconnected_components(
        view, boost::make_iterator_property_map(bicomponent->begin(), get(boost::edge_index, view)),
        std::back_inserter(*cut));
  };
  auto score = std::make_shared<std::vector<double>>(small.node_count());
  run.betweenness = [&small, score, index] {
    std::fill(score->begin(), score->end(), 0.0);
    boost::brandes_betweenness_centrality(
        small, boost::centrality_map(boost::make_iterator_property_map(score->begin(), index)));
  };
  return run;
}

}  // namespace skein::bench
