#pragma once
// GraphView: the in-memory, read-only graph every analysis, renderer and exporter works on.
//
// Contract
//  - A GraphView holds a filtered snapshot of the store: nodes (store id, label, name,
//    aliases, props JSON) and edges (store id, type, endpoints, symmetric flag, weight,
//    confidence, first/last seen). Nodes are numbered densely 0..node_count()-1 (NodeIndex)
//    and edges 0..edge_count()-1 (EdgeIndex). from_store() numbers nodes in store-id order and
//    edges in store-id order, so the numbering is deterministic for a given store and filter.
//  - Topology: a compact CSR "undirected simple projection" of the edges. Every unordered pair
//    {u, v} joined by at least one edge (any type, either direction) appears once in u's
//    neighbour list and once in v's; parallel edges between the same pair are folded into one
//    adjacency entry whose weight is the sum of their weights and whose representative edge is
//    the heaviest of them (ties: the lowest EdgeIndex). Self-loops are kept in edges() but not
//    in the topology. Neighbour lists are sorted by NodeIndex. Each entry also says whether
//    the pair can be walked in that direction (an edge u->v or a symmetric edge), for the few
//    algorithms that respect direction. Algorithms read only this topology: they never run SQL.
//  - Filters (GraphFilter) are applied once, when the view is built, in this order: store-side
//    filters (labels, types, min weight/confidence, date range and basis of the evidence) ->
//    focus (k-hop neighbourhood of the focus entities) -> drop isolated nodes (if asked) ->
//    top N nodes by PageRank (the induced subgraph on them). A negative focus_depth or top
//    is a UsageError.
//  - Errors: from_store() throws InputError when a focus entity is unknown or ambiguous, and
//    lets StoreError through. Builder::add_edge with an out-of-range endpoint is a UsageError
//    (it is reachable from test/bench input), never an assertion.
//
// Thread-safety: a built GraphView is immutable; any number of threads may read it at once.
// A Builder is used by one thread.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace skein::store {
class Store;
}

namespace skein::graph {

using NodeIndex = std::uint32_t;
using EdgeIndex = std::uint32_t;
inline constexpr NodeIndex kNoNode = static_cast<NodeIndex>(-1);
inline constexpr EdgeIndex kNoEdge = static_cast<EdgeIndex>(-1);

// Which part of the store a view holds. Shared by analytics, render and export (the CLI wires
// it to --label, --type, ... in cli/GraphOptions.h). Empty vectors/strings mean "no filter".
struct GraphFilter {
  std::vector<std::string> labels;  // node labels to keep; edges need both ends kept
  std::vector<std::string> types;   // relation types to keep
  double min_weight = 0;            // drop edges lighter than this (weight = evidence rows)
  double min_confidence = 0;        // drop edges less confident than this
  std::string from_date;            // only evidence published on/after YYYY-MM-DD
  std::string to_date;              // only evidence published on/before YYYY-MM-DD
  bool text_only = false;           // ignore gazetteer (knowledge-basis) evidence
  // Add the co-mention layer: entities named in the same sentence, as symmetric edges of type
  // store::kCoMentionType (negative store ids; weight = sentences). Off by default: it asserts
  // no relation. `types` does not filter it; labels, min_weight and the dates do, and any
  // min_confidence > 0 drops it (its confidence is 0).
  bool co_mention = false;
  // Focus: keep only nodes within focus_depth hops (undirected) of these entities. Entries
  // are store ids ("42"), entity ids ("Country:KR"), names or aliases (case-insensitive).
  std::vector<std::string> focus;
  int focus_depth = 1;         // hops around the focus entities (0 = only themselves)
  bool drop_isolated = false;  // drop nodes left without any edge after filtering
  int top = 0;                 // keep only the N nodes of highest PageRank (0 = all;
                               // an int so the CLI can bind it; negative is a UsageError)
};

struct Node {
  std::int64_t id = 0;               // store node id
  std::string label;                 // Person, Organization, Country, Place, ...
  std::string name;                  // display name
  std::vector<std::string> aliases;  // other names
  std::string props_json = "{}";     // JSON object text (extraction props + analysis scores)
};

struct Edge {
  std::int64_t id = 0;         // store edge id
  std::string type;            // met-with, trades-with, located-in, ...
  NodeIndex source = kNoNode;  // for symmetric types: the endpoint with the smaller store id
  NodeIndex target = kNoNode;
  bool symmetric = false;  // true when the relation type has no direction
  double weight = 1;       // evidence rows within the filter
  double confidence = 1;   // noisy-or of those evidence confidences
  std::string first_seen;  // earliest/latest publication date of the evidence, or empty
  std::string last_seen;
};

class GraphView {
 public:
  // Builds a view from explicit nodes and edges (tests, benchmarks, synthetic graphs).
  class Builder {
   public:
    Builder();
    ~Builder();
    Builder(Builder&&) noexcept;
    Builder& operator=(Builder&&) noexcept;

    void reserve(std::size_t nodes, std::size_t edges);
    // Adds a node and returns its index (indices are handed out 0, 1, 2, ...).
    NodeIndex add_node(Node node);
    // Adds an edge between two nodes already added (edge.source / edge.target are indices).
    EdgeIndex add_edge(Edge edge);
    // Shorthand: an edge of type "related", symmetric, with this weight.
    EdgeIndex add_edge(NodeIndex source, NodeIndex target, double weight = 1);
    // Consumes the builder.
    GraphView build() &&;

   private:
    std::vector<Node> nodes_;
    std::vector<Edge> edges_;
  };

  // An empty graph.
  GraphView();
  ~GraphView();
  GraphView(GraphView&&) noexcept;
  GraphView& operator=(GraphView&&) noexcept;
  GraphView(const GraphView&) = delete;
  GraphView& operator=(const GraphView&) = delete;

  // `node_count` nodes named "0", "1", ... (store id = index, label "Node") joined by
  // symmetric edges of weight 1 (or `weights[i]` when given; it must then match edges).
  static GraphView from_edges(std::size_t node_count,
                              const std::vector<std::pair<NodeIndex, NodeIndex>>& edges,
                              const std::vector<double>& weights = {});

  // Reads the store through Store::for_each_node / for_each_edge and applies `filter`.
  static GraphView from_store(const store::Store& store, const GraphFilter& filter = {});

  // The induced subgraph on `keep` (node indices, any order, duplicates ignored): nodes keep
  // their relative order, edges with both ends kept are kept in order.
  GraphView induced_subgraph(const std::vector<NodeIndex>& keep) const;

  // ---- attributes ----------------------------------------------------------------------
  std::size_t node_count() const { return node_count_; }
  std::size_t edge_count() const;
  const Node& node(NodeIndex index) const;
  const Edge& edge(EdgeIndex index) const;
  const std::vector<Node>& nodes() const;
  const std::vector<Edge>& edges() const;
  // The index of the node with this store id, if the view holds it.
  std::optional<NodeIndex> find(std::int64_t store_id) const;
  // Every edge (of any type and direction) between u and v, in EdgeIndex order.
  std::vector<EdgeIndex> edges_between(NodeIndex u, NodeIndex v) const;

  // ---- topology (the undirected simple projection described above) ---------------------
  // Number of distinct neighbours of u (self-loops not counted).
  std::size_t degree(NodeIndex u) const { return offsets_[u + 1] - offsets_[u]; }
  // Number of adjacency entries over all nodes (= 2 x distinct neighbour pairs).
  std::size_t arc_count() const;
  // u's neighbours, sorted; the i-th entries of the three spans belong together.
  std::span<const NodeIndex> neighbors(NodeIndex u) const {
    return {neighbor_ + offsets_[u], degree(u)};
  }
  std::span<const float> neighbor_weights(NodeIndex u) const;    // summed parallel weights
  std::span<const EdgeIndex> neighbor_edges(NodeIndex u) const;  // representative edge
  // True when the i-th neighbour entry of u can be walked from u (an edge u->v or symmetric).
  bool walkable(NodeIndex u, std::size_t i) const;
  // True when the i-th neighbour v of u can walk to u (an edge v->u or symmetric).
  bool walkable_into(NodeIndex u, std::size_t i) const;
  // Offset of u's first entry in the flat arrays (offsets(u+1) - offsets(u) = degree(u)).
  std::size_t offset(NodeIndex u) const { return offsets_[u]; }
  // The whole projection as flat arrays, for inner loops that should not pay a call per node:
  // adjacency_offsets() has node_count() + 1 entries, and u's entries in adjacency() and
  // adjacency_weights() are [adjacency_offsets()[u], adjacency_offsets()[u + 1]). The spans
  // stay valid as long as the view.
  std::span<const std::uint32_t> adjacency_offsets() const;
  std::span<const NodeIndex> adjacency() const { return {neighbor_, offsets_[node_count_]}; }
  std::span<const float> adjacency_weights() const;
  std::span<const EdgeIndex> adjacency_edges() const;  // representative edge per entry

  // Neighbour pairs, each counted once (= arc_count() / 2), and a dense numbering of them:
  // pair_index(u, i) is the index in [0, pair_count()) of the pair at u's i-th entry, the same
  // from either end. Pairs are numbered by (smaller end, larger end). O(1) from the smaller
  // end, O(log degree) from the larger. This is the edge index of the Boost.Graph model.
  std::size_t pair_count() const;
  std::uint32_t pair_index(NodeIndex u, std::size_t i) const;
  // Absolute position (in adjacency()) of u's first neighbour greater than u.
  std::size_t forward_offset(NodeIndex u) const;

  // Bytes held by the topology arrays (offsets, neighbours, weights, edges, direction flags).
  std::size_t topology_bytes() const;

 private:
  struct Impl;
  explicit GraphView(std::unique_ptr<Impl> impl);
  void cache_topology();
  std::unique_ptr<Impl> impl_;
  // Copies of Impl's CSR pointers, so the per-node accessors above inline into the algorithms'
  // (and the Boost.Graph model's) inner loops. Moving a GraphView moves the Impl, not its
  // vectors, so the pointers stay valid.
  std::size_t node_count_ = 0;
  const std::uint32_t* offsets_ = nullptr;
  const NodeIndex* neighbor_ = nullptr;
};

}  // namespace skein::graph
