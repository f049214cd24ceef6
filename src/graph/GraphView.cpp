// GraphView construction and the CSR projection. from_store() lives in GraphViewStore.cpp so
// that programs building views from edge lists do not pull in the store.

#include "graph/GraphView.h"

#include <algorithm>
#include <limits>
#include <string>

#include "core/Error.h"
#include "graph/detail/ViewImpl.h"

namespace skein::graph {

namespace {

// Direction flags of one adjacency entry (u -> v).
constexpr std::uint8_t kForward = 1;   // an edge u->v or a symmetric edge exists
constexpr std::uint8_t kBackward = 2;  // an edge v->u or a symmetric edge exists

}  // namespace

// ---- Builder -----------------------------------------------------------------------------

GraphView::Builder::Builder() = default;
GraphView::Builder::~Builder() = default;
GraphView::Builder::Builder(Builder&&) noexcept = default;
GraphView::Builder& GraphView::Builder::operator=(Builder&&) noexcept = default;

void GraphView::Builder::reserve(std::size_t nodes, std::size_t edges) {
  nodes_.reserve(nodes);
  edges_.reserve(edges);
}

NodeIndex GraphView::Builder::add_node(Node node) {
  if (nodes_.size() >= kNoNode) throw UsageError("graph: too many nodes for a GraphView");
  nodes_.push_back(std::move(node));
  return static_cast<NodeIndex>(nodes_.size() - 1);
}

EdgeIndex GraphView::Builder::add_edge(Edge edge) {
  if (edge.source >= nodes_.size() || edge.target >= nodes_.size()) {
    throw UsageError("graph: edge endpoint " + std::to_string(std::max(edge.source, edge.target)) +
                     " is not a node (" + std::to_string(nodes_.size()) + " nodes)");
  }
  if (edges_.size() >= kNoEdge) throw UsageError("graph: too many edges for a GraphView");
  edges_.push_back(std::move(edge));
  return static_cast<EdgeIndex>(edges_.size() - 1);
}

EdgeIndex GraphView::Builder::add_edge(NodeIndex source, NodeIndex target, double weight) {
  Edge edge;
  edge.type = "related";
  edge.source = source;
  edge.target = target;
  edge.symmetric = true;
  edge.weight = weight;
  return add_edge(std::move(edge));
}

GraphView GraphView::Builder::build() && {
  auto impl = std::make_unique<Impl>();
  impl->nodes = std::move(nodes_);
  impl->edges = std::move(edges_);
  // A reader may reserve for a whole store and keep a filtered few: give the slack back.
  if (impl->nodes.capacity() > impl->nodes.size() + impl->nodes.size() / 4)
    impl->nodes.shrink_to_fit();
  if (impl->edges.capacity() > impl->edges.size() + impl->edges.size() / 4)
    impl->edges.shrink_to_fit();
  impl->build_topology();
  return GraphView(std::move(impl));
}

// ---- Impl --------------------------------------------------------------------------------

void GraphView::Impl::build_topology() {
  const std::size_t n = nodes.size();
  const std::size_t m = edges.size();

  id_index.clear();
  id_index.reserve(n);
  for (NodeIndex i = 0; i < n; ++i) id_index.emplace_back(nodes[i].id, i);
  std::sort(id_index.begin(), id_index.end());

  // What the passes below need of each edge, packed: the Edge records are ~140 bytes apiece
  // (three strings), and the fold reads them in neighbour order, not edge order, so reading
  // the records themselves there was a cache miss per arc at a million edges.
  struct Packed {
    NodeIndex source;
    NodeIndex target;
    double weight;
    bool symmetric;
  };
  std::vector<Packed> packed(m);
  for (std::size_t ei = 0; ei < m; ++ei) {
    const Edge& e = edges[ei];
    packed[ei] = Packed{e.source, e.target, e.weight, e.symmetric};
  }

  // Arcs (u, v, e) in both directions. Two stable counting passes (by v, then by u) leave
  // every neighbour list sorted by v and, within one v, by edge index: a radix sort in O(m)
  // instead of a comparison sort per node, which matters at a million edges.
  std::vector<std::uint32_t> count(n + 1, 0);
  std::size_t arcs = 0;
  for (const Packed& e : packed) {
    if (e.source == e.target) continue;
    ++count[e.source + 1];
    ++count[e.target + 1];
    arcs += 2;
  }
  if (arcs >= std::numeric_limits<std::uint32_t>::max()) {
    throw UsageError("graph: too many edges for a GraphView");
  }
  // by_target: for each v, arcs (u, e) that end at v, in edge order.
  std::vector<std::uint32_t> start(count);  // start[v] = first slot of v (prefix sums)
  for (std::size_t i = 1; i <= n; ++i) start[i] += start[i - 1];
  std::vector<NodeIndex> tmp_source(arcs);
  std::vector<EdgeIndex> tmp_edge(arcs);
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (EdgeIndex ei = 0; ei < m; ++ei) {
      const Packed& e = packed[ei];
      if (e.source == e.target) continue;
      auto put = [&](NodeIndex from, NodeIndex to) {
        const std::uint32_t slot = fill[to]++;
        tmp_source[slot] = from;
        tmp_edge[slot] = ei;
      };
      put(e.source, e.target);
      put(e.target, e.source);
    }
  }
  // Second pass: walk targets in order and drop each arc into its source's bucket.
  std::vector<NodeIndex> raw_neighbor(arcs);
  std::vector<EdgeIndex> raw_edge(arcs);
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (NodeIndex v = 0; v < n; ++v) {
      for (std::uint32_t s = start[v]; s < start[v + 1]; ++s) {
        const std::uint32_t slot = fill[tmp_source[s]]++;
        raw_neighbor[slot] = v;
        raw_edge[slot] = tmp_edge[s];
      }
    }
  }
  tmp_source = {};
  tmp_edge = {};

  // Fold parallel arcs into one entry per neighbour.
  offsets.assign(n + 1, 0);
  neighbor.clear();
  weight.clear();
  rep_edge.clear();
  flags.clear();
  neighbor.reserve(arcs);
  weight.reserve(arcs);
  rep_edge.reserve(arcs);
  flags.reserve(arcs);
  for (NodeIndex u = 0; u < n; ++u) {
    offsets[u] = static_cast<std::uint32_t>(neighbor.size());
    std::uint32_t s = start[u];
    while (s < start[u + 1]) {
      const NodeIndex v = raw_neighbor[s];
      double sum = 0;
      EdgeIndex best = kNoEdge;
      double best_weight = -std::numeric_limits<double>::infinity();
      std::uint8_t f = 0;
      for (; s < start[u + 1] && raw_neighbor[s] == v; ++s) {
        const EdgeIndex ei = raw_edge[s];
        const Packed& e = packed[ei];
        sum += e.weight;
        if (e.weight > best_weight) {
          best_weight = e.weight;
          best = ei;
        }
        if (e.symmetric) {
          f |= kForward | kBackward;
        } else {
          f |= (e.source == u) ? kForward : kBackward;
        }
      }
      neighbor.push_back(v);
      weight.push_back(static_cast<float>(sum));
      rep_edge.push_back(best);
      flags.push_back(f);
    }
  }
  offsets[n] = static_cast<std::uint32_t>(neighbor.size());
  forward_start.assign(n, 0);
  pairs_before.assign(n + 1, 0);
  for (NodeIndex u = 0; u < n; ++u) {
    const auto first = neighbor.begin() + offsets[u];
    const auto last = neighbor.begin() + offsets[u + 1];
    forward_start[u] =
        static_cast<std::uint32_t>(std::upper_bound(first, last, u) - neighbor.begin());
    pairs_before[u + 1] = pairs_before[u] + (offsets[u + 1] - forward_start[u]);
  }
  neighbor.shrink_to_fit();
  weight.shrink_to_fit();
  rep_edge.shrink_to_fit();
  flags.shrink_to_fit();

  // Edges in (smaller end, larger end, index) order, for edges_between(): the raw arcs are
  // already in (u, v, e) order, so keeping the arcs with u < v gives it in O(m) (a comparison
  // sort over the Edge structs cost seconds at a million edges). Self-loops follow, sorted.
  pair_order.clear();
  pair_order.reserve(m);
  for (NodeIndex u = 0; u < n; ++u) {
    for (std::uint32_t s = start[u]; s < start[u + 1]; ++s) {
      if (raw_neighbor[s] > u) pair_order.push_back(raw_edge[s]);
    }
  }
  loop_begin = pair_order.size();
  for (EdgeIndex ei = 0; ei < m; ++ei) {
    if (packed[ei].source == packed[ei].target) pair_order.push_back(ei);
  }
  std::stable_sort(pair_order.begin() + static_cast<std::ptrdiff_t>(loop_begin), pair_order.end(),
                   [&](EdgeIndex a, EdgeIndex b) { return packed[a].source < packed[b].source; });
}

// ---- GraphView ---------------------------------------------------------------------------

GraphView::GraphView() : impl_(std::make_unique<Impl>()) {
  impl_->build_topology();
  cache_topology();
}
GraphView::GraphView(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) { cache_topology(); }
GraphView::~GraphView() = default;
GraphView::GraphView(GraphView&&) noexcept = default;
GraphView& GraphView::operator=(GraphView&&) noexcept = default;

void GraphView::cache_topology() {
  node_count_ = impl_->nodes.size();
  offsets_ = impl_->offsets.data();
  neighbor_ = impl_->neighbor.data();
}

GraphView GraphView::from_edges(std::size_t node_count,
                                const std::vector<std::pair<NodeIndex, NodeIndex>>& edges,
                                const std::vector<double>& weights) {
  if (!weights.empty() && weights.size() != edges.size()) {
    throw UsageError("graph: " + std::to_string(weights.size()) + " weights for " +
                     std::to_string(edges.size()) + " edges");
  }
  Builder builder;
  builder.reserve(node_count, edges.size());
  for (std::size_t i = 0; i < node_count; ++i) {
    Node node;
    node.id = static_cast<std::int64_t>(i);
    node.label = "Node";
    node.name = std::to_string(i);
    builder.add_node(std::move(node));
  }
  for (std::size_t i = 0; i < edges.size(); ++i) {
    Edge edge;
    edge.id = static_cast<std::int64_t>(i);
    edge.type = "related";
    edge.source = edges[i].first;
    edge.target = edges[i].second;
    edge.symmetric = true;
    edge.weight = weights.empty() ? 1.0 : weights[i];
    builder.add_edge(std::move(edge));
  }
  return std::move(builder).build();
}

GraphView GraphView::induced_subgraph(const std::vector<NodeIndex>& keep) const {
  const std::size_t n = node_count();
  std::vector<NodeIndex> remap(n, kNoNode);
  for (NodeIndex u : keep) {
    if (u >= n) throw UsageError("graph: node index " + std::to_string(u) + " out of range");
    remap[u] = 0;
  }
  auto impl = std::make_unique<Impl>();
  NodeIndex next = 0;
  for (NodeIndex u = 0; u < n; ++u) {
    if (remap[u] == kNoNode) continue;
    remap[u] = next++;
    impl->nodes.push_back(impl_->nodes[u]);
  }
  for (const Edge& e : impl_->edges) {
    if (remap[e.source] == kNoNode || remap[e.target] == kNoNode) continue;
    Edge copy = e;
    copy.source = remap[e.source];
    copy.target = remap[e.target];
    impl->edges.push_back(std::move(copy));
  }
  impl->build_topology();
  return GraphView(std::move(impl));
}

std::size_t GraphView::edge_count() const { return impl_->edges.size(); }
const Node& GraphView::node(NodeIndex index) const { return impl_->nodes.at(index); }
const Edge& GraphView::edge(EdgeIndex index) const { return impl_->edges.at(index); }
const std::vector<Node>& GraphView::nodes() const { return impl_->nodes; }
const std::vector<Edge>& GraphView::edges() const { return impl_->edges; }

std::optional<NodeIndex> GraphView::find(std::int64_t store_id) const {
  const auto& index = impl_->id_index;
  auto it = std::lower_bound(index.begin(), index.end(),
                             std::make_pair(store_id, static_cast<NodeIndex>(0)));
  if (it == index.end() || it->first != store_id) return std::nullopt;
  return it->second;
}

std::vector<EdgeIndex> GraphView::edges_between(NodeIndex u, NodeIndex v) const {
  const auto& order = impl_->pair_order;
  const auto& edges = impl_->edges;
  const auto lo = std::min(u, v), hi = std::max(u, v);
  const auto split = order.begin() + static_cast<std::ptrdiff_t>(impl_->loop_begin);
  std::vector<EdgeIndex> out;
  if (lo == hi) {
    auto it = std::lower_bound(split, order.end(), lo,
                               [&](EdgeIndex i, NodeIndex w) { return edges[i].source < w; });
    for (; it != order.end() && edges[*it].source == lo; ++it) out.push_back(*it);
  } else {
    auto key = [&](EdgeIndex i) {
      return std::make_pair(std::min(edges[i].source, edges[i].target),
                            std::max(edges[i].source, edges[i].target));
    };
    const auto wanted = std::make_pair(lo, hi);
    auto it = std::lower_bound(order.begin(), split, wanted,
                               [&](EdgeIndex i, const auto& w) { return key(i) < w; });
    for (; it != split && key(*it) == wanted; ++it) out.push_back(*it);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t GraphView::arc_count() const { return impl_->neighbor.size(); }

std::span<const float> GraphView::neighbor_weights(NodeIndex u) const {
  return {impl_->weight.data() + impl_->offsets[u], degree(u)};
}
std::span<const EdgeIndex> GraphView::neighbor_edges(NodeIndex u) const {
  return {impl_->rep_edge.data() + impl_->offsets[u], degree(u)};
}
bool GraphView::walkable(NodeIndex u, std::size_t i) const {
  return (impl_->flags[impl_->offsets[u] + i] & kForward) != 0;
}
bool GraphView::walkable_into(NodeIndex u, std::size_t i) const {
  return (impl_->flags[impl_->offsets[u] + i] & kBackward) != 0;
}
std::span<const std::uint32_t> GraphView::adjacency_offsets() const { return impl_->offsets; }
std::span<const float> GraphView::adjacency_weights() const { return impl_->weight; }
std::span<const EdgeIndex> GraphView::adjacency_edges() const { return impl_->rep_edge; }

std::size_t GraphView::pair_count() const { return impl_->neighbor.size() / 2; }
std::size_t GraphView::forward_offset(NodeIndex u) const { return impl_->forward_start[u]; }

std::uint32_t GraphView::pair_index(NodeIndex u, std::size_t i) const {
  const Impl& g = *impl_;
  const std::uint32_t at = g.offsets[u] + static_cast<std::uint32_t>(i);
  const NodeIndex v = g.neighbor[at];
  if (u < v) return g.pairs_before[u] + (at - g.forward_start[u]);
  // Seen from the larger end: find u in v's forward entries.
  const auto first = g.neighbor.begin() + g.forward_start[v];
  const auto last = g.neighbor.begin() + g.offsets[v + 1];
  const auto it = std::lower_bound(first, last, u);
  return g.pairs_before[v] + static_cast<std::uint32_t>(it - first);
}

std::size_t GraphView::topology_bytes() const {
  const Impl& i = *impl_;
  return i.offsets.capacity() * sizeof(std::uint32_t) + i.neighbor.capacity() * sizeof(NodeIndex) +
         i.weight.capacity() * sizeof(float) + i.rep_edge.capacity() * sizeof(EdgeIndex) +
         i.flags.capacity() * sizeof(std::uint8_t) +
         (i.forward_start.capacity() + i.pairs_before.capacity()) * sizeof(std::uint32_t);
}

}  // namespace skein::graph
