// skein neighbors A: the entities within N hops of one entity, each with how it is reached.

#include <iostream>
#include <set>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/Common.h"
#include "cli/GraphOptions.h"
#include "cli/Json.h"
#include "cli/Table.h"
#include "core/Error.h"
#include "graph/EgoNetwork.h"

namespace skein::cli {
namespace {

int run(const std::vector<std::string>& args) {
  std::string db = kDefaultStore;
  graph::GraphFilter filter;
  std::vector<std::string> entity;
  int depth = 1;
  bool json = false;
  ArgParser parser("neighbors [options] ENTITY",
                   "Lists the entities within --depth hops of ENTITY (name, alias or id), nearest\n"
                   "first, with the relations that reach each one from the hop before. When no\n"
                   "relation reaches ENTITY, it lists its co-mention links (entities named in the\n"
                   "same sentence) instead and says so; --co-mention mixes them in always.");
  add_store_option(parser, db);
  parser.option("--depth", "N", "hops to go out", depth)
      .flag("--json", "print JSON", json)
      .positionals("ENTITY", "the entity at the centre", entity, 1, 1);
  // The neighbourhood has its own centre and --depth, so the filter's --focus is left out.
  add_graph_filter_options(parser, filter, /*with_top=*/true, /*with_focus=*/false);
  if (!parser.parse(args)) return 0;
  if (depth < 1) throw UsageError("--depth must be at least 1");

  const store::Store store = open_existing_store(db);
  graph::GraphView view = load_graph(store, filter);
  graph::NodeIndex centre = resolve_in_view(store, view, entity[0]);
  // No relation reaches the entity: look again with the co-mention layer, and say so.
  bool fallback = false;
  if (view.degree(centre) == 0 && !filter.co_mention) {
    filter.co_mention = true;
    graph::GraphView layered = graph::GraphView::from_store(store, filter);
    const auto at = layered.find(view.node(centre).id);
    if (at && layered.degree(*at) > 0) {
      view = std::move(layered);
      centre = *at;
      fallback = true;
    }
  }
  const auto ego = graph::EgoNetwork(view, {centre}, depth).run();
  std::vector<std::int32_t> distance(view.node_count(), -1);
  for (std::size_t i = 0; i < ego.nodes.size(); ++i) distance[ego.nodes[i]] = ego.distance[i];

  struct Row {
    graph::NodeIndex node;
    int hops;
    graph::NodeIndex via;             // the first neighbour one hop closer (lowest index)
    std::set<std::string> relations;  // relation types between via and node
  };
  std::vector<Row> rows;
  for (std::size_t i = 1; i < ego.nodes.size(); ++i) {  // ego.nodes[0] is the centre
    const graph::NodeIndex u = ego.nodes[i];
    Row row{u, ego.distance[i], graph::kNoNode, {}};
    for (graph::NodeIndex v : view.neighbors(u)) {
      if (distance[v] == ego.distance[i] - 1) {
        row.via = v;
        break;
      }
    }
    for (graph::EdgeIndex e : view.edges_between(u, row.via))
      row.relations.insert(view.edge(e).type);
    rows.push_back(std::move(row));
  }

  auto joined = [](const std::set<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
      if (!out.empty()) out += ", ";
      out += item;
    }
    return out;
  };
  if (json) {
    JsonOutput out;
    out.w().StartObject();
    out.field("entity", view.node(centre).name);
    out.field("depth", static_cast<std::int64_t>(depth));
    // true when no relation reaches the entity and these neighbours are co-mention links
    out.field("co_mention_fallback", fallback);
    out.key("neighbors");
    out.w().StartArray();
    for (const auto& row : rows) {
      out.w().StartObject();
      out.field("id", view.node(row.node).id);
      out.field("name", view.node(row.node).name);
      out.field("label", view.node(row.node).label);
      out.field("hops", static_cast<std::int64_t>(row.hops));
      out.field("via", view.node(row.via).name);
      out.key("relations");
      out.w().StartArray();
      for (const auto& r : row.relations) out.string(r);
      out.w().EndArray();
      out.w().EndObject();
    }
    out.w().EndArray();
    out.w().EndObject();
    out.print();
    return 0;
  }
  if (rows.empty()) {
    std::cout << view.node(centre).name << " has no neighbours in the selected graph"
              << (filter.co_mention ? ", not even through co-mention links" : "") << "\n";
    return 0;
  }
  if (fallback) {
    std::cout << view.node(centre).name
              << " has no relations; falling back to co-mention (named in the same sentence, "
                 "which asserts no relation):\n";
  }
  Table table({"hops", "entity", "label", "via", "relations"});
  table.align_right(0).max_width(1, 40).max_width(3, 30);
  for (const auto& row : rows) {
    table.add_row({std::to_string(row.hops), view.node(row.node).name, view.node(row.node).label,
                   view.node(row.via).name, joined(row.relations)});
  }
  table.print(std::cout);
  return 0;
}

const bool registered = register_command({"neighbors", "entities within N hops of an entity", run});

}  // namespace
}  // namespace skein::cli
