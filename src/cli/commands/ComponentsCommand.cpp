// skein components: the connected pieces of the (filtered) graph, largest first.

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
#include "graph/Components.h"

namespace skein::cli {
namespace {

int run(const std::vector<std::string>& args) {
  std::string db = kDefaultStore;
  graph::GraphFilter filter;
  int limit = 20, members = 5;
  bool json = false, strong = false;
  ArgParser parser("components [options]",
                   "Lists the connected components (groups of entities linked by any chain of\n"
                   "relations, direction ignored), largest first. With --strong, the strongly\n"
                   "connected ones: entities that reach each other following relation directions.");
  add_store_option(parser, db);
  parser.option("--limit", "N", "list at most N components (0 = all)", limit)
      .option("--members", "N", "members to show per component (0 = all)", members)
      .flag("--strong", "strongly connected components (directed relations walked forwards only)",
            strong)
      .flag("--json", "print JSON", json);
  add_graph_filter_options(parser, filter);
  if (!parser.parse(args)) return 0;
  if (limit < 0 || members < 0) throw UsageError("--limit and --members must not be negative");

  const store::Store store = open_existing_store(db);
  const graph::GraphView view = load_graph(store, filter);
  const auto result =
      strong ? graph::StrongComponents(view).run() : graph::ConnectedComponents(view).run();
  std::vector<std::vector<graph::NodeIndex>> groups(result.count());
  for (graph::NodeIndex u = 0; u < view.node_count(); ++u) groups[result.component[u]].push_back(u);
  for (auto& group : groups) {
    std::stable_sort(group.begin(), group.end(), [&](graph::NodeIndex a, graph::NodeIndex b) {
      return view.degree(a) > view.degree(b);
    });
  }
  std::vector<std::uint32_t> order(result.count());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return result.size[a] > result.size[b];
  });
  if (limit > 0 && order.size() > static_cast<std::size_t>(limit))
    order.resize(static_cast<std::size_t>(limit));
  auto shown = [&](const std::vector<graph::NodeIndex>& group) {
    return members == 0 ? group.size() : std::min(group.size(), static_cast<std::size_t>(members));
  };

  if (json) {
    JsonOutput out;
    out.w().StartObject();
    out.field("components", result.count());
    out.field("nodes", view.node_count());
    out.key("list");
    out.w().StartArray();
    for (std::uint32_t c : order) {
      out.w().StartObject();
      out.field("component", static_cast<std::int64_t>(c));
      out.field("size", result.size[c]);
      write_members_json(out, view, groups[c], shown(groups[c]));
      out.w().EndObject();
    }
    out.w().EndArray();
    out.w().EndObject();
    out.print();
    return 0;
  }
  Table table({"component", "size", "members (best connected first)"});
  table.align_right(0).align_right(1).max_width(2, 100);
  for (std::uint32_t c : order) {
    const std::string names = member_names(view, groups[c], shown(groups[c]));
    table.add_row({std::to_string(c), std::to_string(result.size[c]), names});
  }
  table.print(std::cout);
  std::cout << result.count() << (strong ? " strong" : "") << " components over "
            << view.node_count() << " entities\n";
  return 0;
}

const bool registered = register_command({"components", "connected components of the graph", run});

}  // namespace
}  // namespace skein::cli
