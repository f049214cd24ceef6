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

// The edge a hop shows: a typed relation between its ends when there is one (the view folds
// parallel edges, and a pair's co-mention link is often the heavier), else the co-mention.
graph::EdgeIndex shown_edge(const graph::GraphView& view, graph::EdgeIndex walked,
                            graph::NodeIndex u, graph::NodeIndex v) {
  graph::EdgeIndex best = walked;
  for (graph::EdgeIndex e : view.edges_between(u, v)) {
    const bool typed = view.edge(e).type != store::kCoMentionType;
    const bool best_typed = view.edge(best).type != store::kCoMentionType;
    if (typed && (!best_typed || view.edge(e).weight > view.edge(best).weight)) best = e;
  }
  return best;
}

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
                   "ids), with a supporting sentence for every hop. When no chain of relations\n"
                   "exists, it looks again through co-mention links (entities named in the same\n"
                   "sentence) and says so; --co-mention mixes them in from the start.");
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
  graph::ShortestPathOptions options;
  options.weighted = weighted;
  options.all = all;
  options.max_hops = static_cast<std::size_t>(max_hops);
  options.max_paths = static_cast<std::size_t>(max_paths);
  graph::GraphView view = load_graph(store, filter);
  graph::NodeIndex a = resolve_in_view(store, view, endpoints[0]);
  graph::NodeIndex b = resolve_in_view(store, view, endpoints[1]);
  auto result = graph::ShortestPath(view, a, b, options).run();
  // No chain of relations: look again with the co-mention layer, and say so.
  bool fallback = false;
  if (result.paths.empty() && !filter.co_mention) {
    filter.co_mention = true;
    graph::GraphView layered = graph::GraphView::from_store(store, filter);
    const auto la = layered.find(view.node(a).id);
    const auto lb = layered.find(view.node(b).id);
    if (la && lb) {
      auto second = graph::ShortestPath(layered, *la, *lb, options).run();
      if (!second.paths.empty()) {
        view = std::move(layered);
        a = *la;
        b = *lb;
        result = std::move(second);
        fallback = true;
      }
    }
  }
  const std::string from_name = view.node(a).name;
  const std::string to_name = view.node(b).name;
  for (auto& path : result.paths) {
    for (std::size_t i = 0; i < path.edges.size(); ++i) {
      path.edges[i] = shown_edge(view, path.edges[i], path.nodes[i], path.nodes[i + 1]);
    }
  }
  auto is_co_mention = [&](graph::EdgeIndex e) {
    return view.edge(e).type == store::kCoMentionType;
  };

  auto sentence_of = [&](graph::EdgeIndex e) {
    const auto evidence = store.evidence(view.edge(e).id, 1, graph::evidence_filter(filter));
    return evidence.empty() ? store::EvidenceRecord{} : evidence.front();
  };

  if (json) {
    JsonOutput out;
    out.w().StartObject();
    out.field("from", from_name);
    out.field("to", to_name);
    out.field("truncated", result.truncated);
    // true when no chain of typed relations exists and these paths use co-mention links
    out.field("co_mention_fallback", fallback);
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
        out.field("co_mention", is_co_mention(path.edges[i]));
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

  auto within = [&] { return max_hops > 0 ? " within " + std::to_string(max_hops) + " hops" : ""; };
  if (result.paths.empty()) {
    std::cout << "no path between " << utf8::printable(from_name) << " and "
              << utf8::printable(to_name) << within();
    if (!fallback && filter.co_mention) std::cout << ", not even through co-mention links";
    std::cout << "\n";
    return exit_code::kInputOrStore;
  }
  if (fallback) {
    std::cout << "no chain of relations between " << utf8::printable(from_name) << " and "
              << utf8::printable(to_name) << within()
              << "; falling back to co-mention (named in the same sentence, which asserts no "
                 "relation):\n";
  }
  std::size_t number = 0;
  for (const auto& path : result.paths) {
    if (result.paths.size() > 1) std::cout << "path " << ++number << ":\n";
    std::cout << "  " << utf8::printable(view.node(path.nodes[0]).name) << " ("
              << view.node(path.nodes[0]).label << ")\n";
    for (std::size_t i = 0; i < path.edges.size(); ++i) {
      const auto& edge = view.edge(path.edges[i]);
      const auto evidence = sentence_of(path.edges[i]);
      if (is_co_mention(path.edges[i])) {
        std::cout << "    " << arrow(edge, path.nodes[i])
                  << "  co-mention: " << format_fixed(edge.weight, 0)
                  << " shared sentence(s), no typed relation\n";
      } else {
        std::cout << "    " << arrow(edge, path.nodes[i]) << "  weight " << edge.weight
                  << ", confidence " << format_fixed(edge.confidence, 2) << "\n";
      }
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
