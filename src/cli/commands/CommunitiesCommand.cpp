// skein communities: Louvain communities of the (filtered) graph, largest first, each named
// by its best-connected members.

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
#include "graph/Louvain.h"

namespace skein::cli {
namespace {

int run(const std::vector<std::string>& args) {
  std::string db = kDefaultStore;
  graph::GraphFilter filter;
  int seed = 42, min_size = 2, members = 5;
  double resolution = 1.0;
  bool json = false, unweighted = false;
  ArgParser parser("communities [options]",
                   "Finds communities (groups of entities more related to each other than to the\n"
                   "rest) with the Louvain method, and reports their modularity.");
  add_store_option(parser, db);
  parser.option("--seed", "N", "random seed (same seed, same communities)", seed)
      .option("--resolution", "G", "above 1: smaller communities; below 1: larger", resolution)
      .option("--min-size", "N", "list only communities with at least N entities", min_size)
      .option("--members", "N", "members to show per community (0 = all)", members)
      .flag("--unweighted", "count every related pair once, ignoring evidence weight", unweighted)
      .flag("--json", "print JSON", json);
  add_graph_filter_options(parser, filter);
  if (!parser.parse(args)) return 0;
  if (resolution <= 0) throw UsageError("--resolution must be positive");
  if (seed < 0 || min_size < 0 || members < 0)
    throw UsageError("--seed, --min-size and --members must not be negative");

  const store::Store store = open_existing_store(db);
  const graph::GraphView view = load_graph(store, filter);
  graph::LouvainOptions options;
  options.seed = static_cast<std::uint64_t>(seed);
  options.resolution = resolution;
  options.weighted = !unweighted;
  const auto result = graph::Louvain(view, options).run();

  // Members of each community, best connected first.
  std::vector<std::vector<graph::NodeIndex>> groups(result.count);
  for (graph::NodeIndex u = 0; u < view.node_count(); ++u) groups[result.community[u]].push_back(u);
  for (auto& group : groups) {
    std::stable_sort(group.begin(), group.end(), [&](graph::NodeIndex a, graph::NodeIndex b) {
      return view.degree(a) > view.degree(b);
    });
  }
  std::vector<std::uint32_t> order(result.count);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return groups[a].size() > groups[b].size();
  });
  auto shown = [&](const std::vector<graph::NodeIndex>& group) {
    return members == 0 ? group.size() : std::min(group.size(), static_cast<std::size_t>(members));
  };

  if (json) {
    JsonOutput out;
    out.w().StartObject();
    out.field("communities", result.count);
    out.field("modularity", result.modularity);
    out.field("levels", static_cast<std::int64_t>(result.levels));
    out.key("list");
    out.w().StartArray();
    for (std::uint32_t c : order) {
      if (groups[c].size() < static_cast<std::size_t>(min_size)) continue;
      out.w().StartObject();
      out.field("community", static_cast<std::int64_t>(c));
      out.field("size", groups[c].size());
      write_members_json(out, view, groups[c], shown(groups[c]));
      out.w().EndObject();
    }
    out.w().EndArray();
    out.w().EndObject();
    out.print();
    return 0;
  }
  Table table({"community", "size", "members (best connected first)"});
  table.align_right(0).align_right(1).max_width(2, 100);
  std::size_t hidden = 0;
  for (std::uint32_t c : order) {
    if (groups[c].size() < static_cast<std::size_t>(min_size)) {
      ++hidden;
      continue;
    }
    const std::string names = member_names(view, groups[c], shown(groups[c]));
    table.add_row({std::to_string(c), std::to_string(groups[c].size()), names});
  }
  table.print(std::cout);
  std::cout << result.count << " communities, modularity " << format_fixed(result.modularity, 4);
  if (hidden > 0) std::cout << "; " << hidden << " smaller than --min-size not listed";
  std::cout << "\n";
  return 0;
}

const bool registered =
    register_command({"communities", "Louvain communities and their modularity", run});

}  // namespace
}  // namespace skein::cli
