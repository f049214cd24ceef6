// skein analyze: computes the standard scores once and stores them on the nodes
// (Store::merge_node_props), where render and the exporters pick them up:
//   pagerank, betweenness, degree, community, component.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <iostream>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/Common.h"
#include "cli/GraphOptions.h"
#include "cli/Json.h"
#include "cli/Table.h"
#include "core/Error.h"
#include "graph/Betweenness.h"
#include "graph/Components.h"
#include "graph/Degree.h"
#include "graph/Louvain.h"
#include "graph/PageRank.h"

namespace skein::cli {
namespace {

int run(const std::vector<std::string>& args) {
  std::string db = kDefaultStore;
  graph::GraphFilter filter;
  int samples = -1, seed = 42;
  bool json = false, dry_run = false;
  ArgParser parser(
      "analyze [options]",
      "Computes PageRank, betweenness, degree, community (Louvain) and component for\n"
      "every entity of the selected graph and stores them as entity properties, which\n"
      "render --color-by community and the exporters use.");
  add_store_option(parser, db);
  parser
      .option("--samples", "K",
              "betweenness from K sampled sources (default: exact up to 5000 entities, else 256)",
              samples)
      .option("--seed", "N", "seed for sampling and Louvain", seed)
      .flag("--dry-run", "compute and report, but store nothing", dry_run)
      .flag("--json", "print JSON", json);
  add_graph_filter_options(parser, filter);
  parser.epilog(
      "Scores describe the graph the filters select; entities outside it keep old scores.\n");
  if (!parser.parse(args)) return 0;
  if (seed < 0) throw UsageError("--seed must not be negative");

  store::Store store = open_existing_store(db, StoreAccess::kWrite);
  const graph::GraphView view = load_graph(store, filter);
  const std::size_t n = view.node_count();

  const auto rank = graph::PageRank(view).run();
  graph::BetweennessOptions betweenness_options;
  betweenness_options.samples =
      samples >= 0 ? static_cast<std::size_t>(samples) : (n > 5000 ? 256 : 0);
  betweenness_options.seed = static_cast<std::uint64_t>(seed);
  const auto betweenness = graph::Betweenness(view, betweenness_options).run();
  const auto degree = graph::DegreeCentrality(view).run();
  graph::LouvainOptions louvain_options;
  louvain_options.seed = static_cast<std::uint64_t>(seed);
  const auto communities = graph::Louvain(view, louvain_options).run();
  const auto components = graph::ConnectedComponents(view).run();

  std::vector<std::pair<std::int64_t, std::string>> updates;
  updates.reserve(n);
  for (graph::NodeIndex u = 0; u < n; ++u) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("pagerank");
    w.Double(rank.rank[u]);
    w.Key("betweenness");
    w.Double(betweenness.score[u]);
    w.Key("degree");
    w.Uint64(degree.degree[u]);
    w.Key("community");
    w.Uint(communities.community[u]);
    w.Key("component");
    w.Uint(components.component[u]);
    w.EndObject();
    updates.emplace_back(view.node(u).id, std::string(buffer.GetString(), buffer.GetSize()));
  }
  if (!dry_run) store.merge_node_props(updates);

  const bool sampled = betweenness.sources < n;
  if (json) {
    JsonOutput out;
    out.w().StartObject();
    out.field("nodes", n);
    out.field("edges", view.edge_count());
    out.field("pagerank_iterations", static_cast<std::int64_t>(rank.iterations));
    out.field("betweenness_sources", betweenness.sources);
    out.field("communities", communities.count);
    out.field("modularity", communities.modularity);
    out.field("components", components.count());
    out.field("stored", !dry_run);
    out.w().EndObject();
    out.print();
    return 0;
  }
  std::cout << "analysed " << n << " entities and " << view.edge_count() << " relations\n"
            << "  pagerank     " << rank.iterations << " iterations"
            << (rank.converged ? "" : " (not converged)") << "\n"
            << "  betweenness  "
            << (sampled ? "estimated from " + std::to_string(betweenness.sources) + " sources"
                        : std::string("exact"))
            << "\n"
            << "  communities  " << communities.count << " (modularity "
            << format_fixed(communities.modularity, 4) << ")\n"
            << "  components   " << components.count() << "\n"
            << (dry_run ? "nothing stored (--dry-run)\n"
                        : "stored as entity properties: pagerank, betweenness, degree, community, "
                          "component\n");
  return 0;
}

const bool registered = register_command(
    {"analyze", "compute and store pagerank, betweenness, degree, community, component", run});

}  // namespace
}  // namespace skein::cli
