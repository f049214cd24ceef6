// GraphView::from_store: reads the filtered store once into a Builder (nodes through the lean
// for_each_node_brief: a view needs no mention statistics), then narrows the view
// in memory (focus, isolated nodes, top N) so the SQL side stays one pass over nodes and one
// over edges.

#include <algorithm>
#include <numeric>
#include <string>

#include "core/Error.h"
#include "graph/EgoNetwork.h"
#include "graph/EvidenceFilter.h"
#include "graph/GraphView.h"
#include "graph/PageRank.h"
#include "store/Store.h"

namespace skein::graph {

GraphView GraphView::from_store(const store::Store& store, const GraphFilter& filter) {
  if (filter.top < 0) throw UsageError("--top must not be negative");
  if (filter.focus_depth < 0) throw UsageError("--depth must not be negative");
  Builder builder;
  // Sized up front: a million Edge records regrown by doubling cost more in copies and page
  // faults than the scan that fills them. The bounds are ids, so a filtered view reserves
  // more than it keeps; build() gives the slack back.
  const auto [max_node_id, max_edge_id] = store.max_ids();
  builder.reserve(static_cast<std::size_t>(std::max<std::int64_t>(0, max_node_id)),
                  static_cast<std::size_t>(std::max<std::int64_t>(0, max_edge_id)));
  // Store ids are handed out densely, so a flat id -> index table is the cheap lookup; a
  // store whose ids are sparse (many deletions) falls back to binary search over the pairs.
  std::vector<std::pair<std::int64_t, NodeIndex>> index;  // store id -> index, ids ascending
  store.for_each_node_brief(filter.labels, [&](const store::NodeBrief& record) {
    Node node;
    node.id = record.id;
    node.label = record.label;
    node.name = record.name;
    node.aliases = record.aliases;
    node.props_json = record.props_json;
    index.emplace_back(record.id, builder.add_node(std::move(node)));
  });
  // for_each_node_brief promises id order; sort anyway so a lookup never depends on it.
  if (!std::is_sorted(index.begin(), index.end())) std::sort(index.begin(), index.end());
  std::vector<NodeIndex> dense;
  const std::int64_t max_id = index.empty() ? 0 : index.back().first;
  if (!index.empty() && index.front().first >= 0 &&
      max_id <= 4 * static_cast<std::int64_t>(index.size()) + 1024) {
    dense.assign(static_cast<std::size_t>(max_id) + 1, kNoNode);
    for (const auto& [id, at] : index) dense[static_cast<std::size_t>(id)] = at;
  }
  auto lookup = [&](std::int64_t id) -> NodeIndex {
    if (!dense.empty()) {
      return (id < 0 || id > max_id) ? kNoNode : dense[static_cast<std::size_t>(id)];
    }
    auto it = std::lower_bound(index.begin(), index.end(), std::make_pair(id, NodeIndex{0}));
    return (it == index.end() || it->first != id) ? kNoNode : it->second;
  };

  store::EdgeQuery query;
  query.types = filter.types;
  query.labels = filter.labels;
  query.min_weight = filter.min_weight;
  query.min_confidence = filter.min_confidence;
  static_cast<store::EvidenceFilter&>(query) = evidence_filter(filter);
  const auto add_edge = [&](const store::EdgeRecord& record) {
    const NodeIndex source = lookup(record.src);
    const NodeIndex target = lookup(record.dst);
    if (source == kNoNode || target == kNoNode) return;  // an endpoint filtered out by label
    Edge edge;
    edge.id = record.id;
    edge.type = record.type;
    edge.source = source;
    edge.target = target;
    edge.symmetric = record.symmetric;
    edge.weight = record.weight;
    edge.confidence = record.confidence;
    edge.first_seen = record.first_seen;
    edge.last_seen = record.last_seen;
    builder.add_edge(std::move(edge));
  };
  store.for_each_edge(query, add_edge);
  if (filter.co_mention && filter.min_confidence <= 0) {
    store::CoMentionQuery layer;
    layer.labels = filter.labels;
    layer.min_weight = filter.min_weight;
    static_cast<store::EvidenceFilter&>(layer) = evidence_filter(filter);
    store.for_each_co_mention(layer, add_edge);
  }
  GraphView view = std::move(builder).build();

  if (!filter.focus.empty()) {
    std::vector<NodeIndex> centres;
    for (const auto& argument : filter.focus) {
      const std::int64_t id = store.resolve_node(argument).id;
      const auto at = view.find(id);
      if (!at) {
        std::string message = "focus entity '";
        message += argument;
        message += "' is not in the filtered graph (check --label)";
        throw InputError(store.path(), message);
      }
      centres.push_back(*at);
    }
    view = EgoNetwork(view, centres, filter.focus_depth).subgraph();
  }
  if (filter.drop_isolated) {
    std::vector<NodeIndex> keep;
    for (NodeIndex u = 0; u < view.node_count(); ++u) {
      if (view.degree(u) > 0) keep.push_back(u);
    }
    if (keep.size() < view.node_count()) view = view.induced_subgraph(keep);
  }
  const auto top = static_cast<std::size_t>(filter.top);
  if (top > 0 && top < view.node_count()) {
    const auto rank = PageRank(view).run().rank;
    std::vector<NodeIndex> order(view.node_count());
    std::iota(order.begin(), order.end(), 0);
    // Highest rank first; equal ranks by NodeIndex, so the cut is deterministic.
    std::stable_sort(order.begin(), order.end(),
                     [&](NodeIndex a, NodeIndex b) { return rank[a] > rank[b]; });
    order.resize(top);
    view = view.induced_subgraph(order);
  }
  return view;
}

}  // namespace skein::graph
