// skein path A B: how two entities are connected, hop by hop, each hop with the relation that
// carries it and one sentence that supports it.

#include <iostream>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/Common.h"
#include "cli/GraphOptions.h"
#include "cli/Json.h"
#include "cli/Table.h"
#include "core/Error.h"
#include "core/Utf8.h"
#include "graph/EvidenceFilter.h"
#include "graph/ShortestPath.h"

namespace skein::cli {
namespace {

// "-[met-with]-", "-[located-in]->" or "<-[located-in]-" as seen walking from `from`.
std::string arrow(const graph::Edge& edge, graph::NodeIndex from) {
  if (edge.symmetric) return "-[" + edge.type + "]-";
  return edge.source == from ? "-[" + edge.type + "]->" : "<-[" + edge.type + "]-";
}

int run(const std::vector<std::string>& args) {
  std::string db = kDefaultStore;
  graph::GraphFilter filter;
  std::vector<std::string> endpoints;
  int max_hops = 6, max_paths = 20;
  bool all = false, weighted = false, json = false;
  ArgParser parser("path [options] A B",
                   "Shows the shortest chain of relations between two entities (names, aliases or\n"
                   "ids), with a supporting sentence for every hop.");
  add_store_option(parser, db);
  parser.option("--max-hops", "N", "longest chain to accept (0 = any length)", max_hops)
      .flag("--all", "every shortest path, not just one", all)
      .option("--max-paths", "N", "with --all: at most N paths", max_paths)
      .flag("--weighted", "prefer well-evidenced relations (cost 1/weight) over fewer hops",
            weighted)
      .flag("--json", "print JSON", json)
      .positionals("A B", "the two entities", endpoints, 2, 2);
  add_graph_filter_options(parser, filter);
  parser.epilog(
      "examples:\n  skein path 'Yoon Suk-yeol' Japan\n  skein path Country:KR Country:CN --all "
      "--max-hops 3\n");
  if (!parser.parse(args)) return 0;
  if (max_hops < 0) throw UsageError("--max-hops must not be negative");
  if (max_paths < 1) throw UsageError("--max-paths must be at least 1");
  if (all && weighted) throw UsageError("--all and --weighted cannot be combined");

  const store::Store store = open_existing_store(db);
  const graph::GraphView view = load_graph(store, filter);
  const graph::NodeIndex a = resolve_in_view(store, view, endpoints[0]);
  const graph::NodeIndex b = resolve_in_view(store, view, endpoints[1]);
  graph::ShortestPathOptions options;
  options.weighted = weighted;
  options.all = all;
  options.max_hops = static_cast<std::size_t>(max_hops);
  options.max_paths = static_cast<std::size_t>(max_paths);
  const auto result = graph::ShortestPath(view, a, b, options).run();

  auto sentence_of = [&](graph::EdgeIndex e) {
    const auto evidence = store.evidence(view.edge(e).id, 1, graph::evidence_filter(filter));
    return evidence.empty() ? store::EvidenceRecord{} : evidence.front();
  };

  if (json) {
    JsonOutput out;
    out.w().StartObject();
    out.field("from", view.node(a).name);
    out.field("to", view.node(b).name);
    out.field("truncated", result.truncated);
    out.key("paths");
    out.w().StartArray();
    for (const auto& path : result.paths) {
      out.w().StartObject();
      out.field("hops", path.hops());
      out.field("cost", path.cost);
      out.key("nodes");
      out.w().StartArray();
      for (graph::NodeIndex u : path.nodes) {
        out.w().StartObject();
        out.field("id", view.node(u).id);
        out.field("name", view.node(u).name);
        out.field("label", view.node(u).label);
        out.w().EndObject();
      }
      out.w().EndArray();
      out.key("edges");
      out.w().StartArray();
      for (std::size_t i = 0; i < path.edges.size(); ++i) {
        const auto& edge = view.edge(path.edges[i]);
        const auto evidence = sentence_of(path.edges[i]);
        out.w().StartObject();
        out.field("id", edge.id);
        out.field("type", edge.type);
        out.field("source", view.node(edge.source).name);
        out.field("target", view.node(edge.target).name);
        out.field("symmetric", edge.symmetric);
        out.field("weight", edge.weight);
        out.field("confidence", edge.confidence);
        out.field("sentence", evidence.sentence);
        out.field("document", evidence.document_uri);
        out.field("published", evidence.published);
        out.w().EndObject();
      }
      out.w().EndArray();
      out.w().EndObject();
    }
    out.w().EndArray();
    out.w().EndObject();
    out.print();
    return result.paths.empty() ? exit_code::kInputOrStore : 0;
  }

  if (result.paths.empty()) {
    std::cout << "no path between " << utf8::printable(view.node(a).name) << " and "
              << utf8::printable(view.node(b).name);
    if (max_hops > 0) std::cout << " within " << max_hops << " hops";
    std::cout << "\n";
    return exit_code::kInputOrStore;
  }
  std::size_t number = 0;
  for (const auto& path : result.paths) {
    if (result.paths.size() > 1) std::cout << "path " << ++number << ":\n";
    std::cout << "  " << utf8::printable(view.node(path.nodes[0]).name) << " ("
              << view.node(path.nodes[0]).label << ")\n";
    for (std::size_t i = 0; i < path.edges.size(); ++i) {
      const auto& edge = view.edge(path.edges[i]);
      const auto evidence = sentence_of(path.edges[i]);
      std::cout << "    " << arrow(edge, path.nodes[i]) << "  weight " << edge.weight
                << ", confidence " << format_fixed(edge.confidence, 2) << "\n";
      if (!evidence.sentence.empty()) {
        std::cout << "      \"" << utf8::printable(evidence.sentence) << "\"\n      ("
                  << utf8::printable(evidence.document_uri);
        if (!evidence.published.empty()) std::cout << ", " << evidence.published;
        std::cout << ")\n";
      }
      const auto& next = view.node(path.nodes[i + 1]);
      std::cout << "  " << utf8::printable(next.name) << " (" << next.label << ")\n";
    }
  }
  if (result.truncated) std::cout << "(more paths exist; raise --max-paths)\n";
  return 0;
}

const bool registered =
    register_command({"path", "the chain of relations between two entities, with evidence", run});

}  // namespace
}  // namespace skein::cli
