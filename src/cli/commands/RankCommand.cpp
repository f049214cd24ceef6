// skein rank: entities ordered by a centrality score on the (filtered) graph.

#include <algorithm>
#include <iostream>
#include <numeric>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/Common.h"
#include "cli/GraphOptions.h"
#include "cli/Json.h"
#include "cli/Table.h"
#include "core/Error.h"
#include "graph/Betweenness.h"
#include "graph/Closeness.h"
#include "graph/Degree.h"
#include "graph/PageRank.h"

namespace skein::cli {
namespace {

int run(const std::vector<std::string>& args) {
  std::string db = kDefaultStore, by = "pagerank";
  graph::GraphFilter filter;
  int top = 20, samples = -1;
  bool json = false, weighted = false, directed = false;
  ArgParser parser("rank [options]",
                   "Ranks entities by centrality on the relationship graph (relations treated as\n"
                   "undirected unless --directed is given for PageRank).");
  add_store_option(parser, db);
  parser.option("--by", "SCORE", "pagerank, betweenness, degree or closeness", by)
      .option("--top", "N", "show the N best (0 = all)", top)
      .flag("--weighted",
            "pagerank: follow well-evidenced relations more often; betweenness: shortest paths\n"
            "by cost 1/weight, as path --weighted (exact)",
            weighted)
      .flag("--directed", "pagerank: walk asymmetric relations only forwards", directed)
      .option("--samples", "K",
              "betweenness: K sampled sources (default: exact up to 5000 entities, else 256)",
              samples)
      .flag("--json", "print JSON", json);
  add_graph_filter_options(parser, filter, /*with_top=*/false);
  parser.epilog(
      "examples:\n  skein rank --by betweenness --top 10\n  skein rank --label Person --json\n");
  if (!parser.parse(args)) return 0;
  if (top < 0) throw UsageError("--top must not be negative");

  const store::Store store = open_existing_store(db);
  const graph::GraphView view = load_graph(store, filter);
  const std::size_t n = view.node_count();

  std::vector<double> score;
  std::string note;
  if (by == "pagerank") {
    graph::PageRankOptions options;
    options.weighted = weighted;
    options.directed = directed;
    score = graph::PageRank(view, options).run().rank;
  } else if (by == "betweenness") {
    graph::BetweennessOptions options;
    options.weighted = weighted;
    // Weighted betweenness is exact only (Boost's Brandes); sampling is for the unweighted.
    options.samples =
        samples >= 0 ? static_cast<std::size_t>(samples) : (n > 5000 && !weighted ? 256 : 0);
    auto result = graph::Betweenness(view, options).run();
    if (result.sources < n)
      note = "estimated from " + std::to_string(result.sources) + " sampled sources";
    score = std::move(result.score);
  } else if (by == "degree") {
    score = graph::DegreeCentrality(view).run().centrality;
  } else if (by == "closeness") {
    graph::ClosenessOptions options;
    options.normalized = true;
    score = graph::HarmonicCloseness(view, options).run().score;
  } else {
    throw UsageError("--by must be pagerank, betweenness, degree or closeness, not '" + by + "'");
  }
  const auto degree = graph::DegreeCentrality(view).run().degree;

  std::vector<graph::NodeIndex> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](graph::NodeIndex a, graph::NodeIndex b) { return score[a] > score[b]; });
  if (top > 0 && static_cast<std::size_t>(top) < n) order.resize(static_cast<std::size_t>(top));

  if (json) {
    JsonOutput out;
    out.w().StartObject();
    out.field("by", by);
    out.field("nodes", n);
    out.field("edges", view.edge_count());
    if (!note.empty()) out.field("note", note);
    out.key("ranking");
    out.w().StartArray();
    std::size_t position = 0;
    for (graph::NodeIndex u : order) {
      const auto& node = view.node(u);
      out.w().StartObject();
      out.field("rank", ++position);
      out.field("id", node.id);
      out.field("name", node.name);
      out.field("label", node.label);
      out.field("score", score[u]);
      out.field("degree", degree[u]);
      out.w().EndObject();
    }
    out.w().EndArray();
    out.w().EndObject();
    out.print();
    return 0;
  }
  if (n == 0) {
    std::cout << "no entities in the selected graph\n";
    return 0;
  }
  Table table({"#", "entity", "label", by, "degree"});
  table.align_right(0).align_right(3).align_right(4).max_width(1, 48);
  std::size_t position = 0;
  for (graph::NodeIndex u : order) {
    table.add_row({std::to_string(++position), view.node(u).name, view.node(u).label,
                   format_fixed(score[u], 6), std::to_string(degree[u])});
  }
  table.print(std::cout);
  std::cout << n << " entities, " << view.edge_count() << " relations";
  if (!note.empty()) std::cout << "; " << note;
  std::cout << "\n";
  return 0;
}

const bool registered =
    register_command({"rank", "rank entities by pagerank, betweenness, degree or closeness", run});

}  // namespace
}  // namespace skein::cli
