#pragma once
// GraphView as a Boost.Graph graph, without a copy. Include this only from .cpp files and
// tests: it includes Boost, which public headers never do (DESIGN.md).
//
// Two models over the same CSR arrays:
//  - `const GraphView` itself: an undirected simple graph (the view's projection). Models
//    VertexListGraph, EdgeListGraph, IncidenceGraph, AdjacencyGraph and, as Boost's own
//    undirected adjacency_list does, BidirectionalGraph (in_edges = out_edges reversed).
//    An edge is a neighbour pair; out_edges(u) lists it once from u, edges(g) once overall.
//    Two descriptors of one pair compare equal whichever end they were taken from.
//  - `DirectedView`: the relations' directions, as BidirectionalGraph (plus VertexList,
//    EdgeList, Adjacency). An arc u->v exists when a relation u->v or a symmetric one joins
//    them (GraphView::walkable), so a symmetric pair is two arcs, u->v and v->u.
//
// Property maps (all read-only):
//  - vertex_index: the NodeIndex (get(boost::vertex_index, g)).
//  - edge_index: the pair index in [0, num_edges) for the undirected model
//    (GraphView::pair_index); for DirectedView the absolute adjacency position of the arc's
//    source-side entry, in [0, arc_count()) (num_edges <= arc_count(): size arrays by
//    arc_count()).
//  - edge_weight (get(boost::edge_weight, g)): the summed weight of the pair's relations.
//  - confidence_map(view): the confidence of the pair's representative (heaviest) relation.
//  - relation_map(view): that representative EdgeIndex, to reach the Edge record.
//  - HopCostMap(view): Skein's weighted-path cost, 1 / summed weight.
// Thread-safety: as GraphView (read-only; any number of threads).

#include <algorithm>
#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <type_traits>
#include <utility>

#include "graph/GraphView.h"
#include "graph/detail/HopCost.h"

namespace skein::graph {

// One edge of either model: its two ends and the absolute adjacency position of the entry
// it was read from (an entry of `source`'s list, or of `target`'s for in-edges).
struct BoostEdge {
  NodeIndex source = kNoNode;
  NodeIndex target = kNoNode;
  std::uint32_t entry = 0;
  bool entry_at_source = true;  // false: `entry` is in target's list (DirectedView in-edges)
};

// The directed model (see the file comment). Holds a reference: the view must outlive it.
class DirectedView {
 public:
  explicit DirectedView(const GraphView& view) : view_(&view) {}
  const GraphView& view() const { return *view_; }

 private:
  const GraphView* view_;
};

namespace detail {

// Equality of undirected edges: same unordered pair (the projection has no parallel pairs).
struct UndirectedEdge : BoostEdge {
  friend bool operator==(const UndirectedEdge& a, const UndirectedEdge& b) {
    return std::min(a.source, a.target) == std::min(b.source, b.target) &&
           std::max(a.source, a.target) == std::max(b.source, b.target);
  }
  friend bool operator!=(const UndirectedEdge& a, const UndirectedEdge& b) { return !(a == b); }
  friend bool operator<(const UndirectedEdge& a, const UndirectedEdge& b) {
    return std::make_pair(std::min(a.source, a.target), std::max(a.source, a.target)) <
           std::make_pair(std::min(b.source, b.target), std::max(b.source, b.target));
  }
};

// Directed arcs: one per (source, target) direction.
struct DirectedEdge : BoostEdge {
  friend bool operator==(const DirectedEdge& a, const DirectedEdge& b) {
    return a.source == b.source && a.target == b.target;
  }
  friend bool operator!=(const DirectedEdge& a, const DirectedEdge& b) { return !(a == b); }
  friend bool operator<(const DirectedEdge& a, const DirectedEdge& b) {
    return std::make_pair(a.source, a.target) < std::make_pair(b.source, b.target);
  }
};

// Walks adjacency entries [at, end) of node u, yielding the entries `keep` accepts.
// Mode: 0 = every entry (undirected out-edges), 1 = walkable from u (directed out-edges),
// 2 = walkable into u (directed in-edges: the edge runs neighbour -> u), 3 = every entry as
// an in-edge (undirected in-edges).
template <class EdgeT, int Mode>
class EntryIterator : public boost::iterator_facade<EntryIterator<EdgeT, Mode>, EdgeT,
                                                    std::forward_iterator_tag, EdgeT> {
 public:
  EntryIterator() = default;
  EntryIterator(const GraphView* view, NodeIndex u, std::uint32_t at, std::uint32_t end)
      : view_(view), u_(u), at_(at), end_(end) {
    skip();
  }

 private:
  friend class boost::iterator_core_access;
  bool accepted() const {
    if constexpr (Mode == 0 || Mode == 3) {
      return true;
    } else {
      const std::size_t i = at_ - view_->offset(u_);
      return Mode == 1 ? view_->walkable(u_, i) : view_->walkable_into(u_, i);
    }
  }
  void skip() {
    while (at_ < end_ && !accepted()) ++at_;
  }
  EdgeT dereference() const {
    EdgeT e;
    const NodeIndex v = view_->adjacency()[at_];
    e.entry = at_;
    if constexpr (Mode == 2 || Mode == 3) {
      e.source = v;
      e.target = u_;
      e.entry_at_source = false;
    } else {
      e.source = u_;
      e.target = v;
    }
    return e;
  }
  void increment() {
    ++at_;
    skip();
  }
  bool equal(const EntryIterator& other) const { return at_ == other.at_; }

  const GraphView* view_ = nullptr;
  NodeIndex u_ = 0;
  std::uint32_t at_ = 0;
  std::uint32_t end_ = 0;
};

// Every edge of a model: node by node, the entries each node's EntryIterator would yield,
// restricted (undirected) to the entries whose neighbour is greater, so each pair comes once.
template <class EdgeT, int Mode>
class AllEdgesIterator : public boost::iterator_facade<AllEdgesIterator<EdgeT, Mode>, EdgeT,
                                                       std::forward_iterator_tag, EdgeT> {
 public:
  AllEdgesIterator() = default;
  AllEdgesIterator(const GraphView* view, NodeIndex u) : view_(view), u_(u) {
    if (u_ < view_->node_count()) enter();
  }

 private:
  friend class boost::iterator_core_access;
  std::uint32_t first(NodeIndex u) const {
    return static_cast<std::uint32_t>(Mode == 0 ? view_->forward_offset(u) : view_->offset(u));
  }
  std::uint32_t last(NodeIndex u) const {
    return static_cast<std::uint32_t>(view_->offset(u) + view_->degree(u));
  }
  void enter() {  // position on the first accepted entry at or after node u_
    const std::size_t n = view_->node_count();
    while (u_ < n) {
      inner_ = EntryIterator<EdgeT, Mode>(view_, u_, first(u_), last(u_));
      if (inner_ != EntryIterator<EdgeT, Mode>(view_, u_, last(u_), last(u_))) return;
      ++u_;
    }
  }
  EdgeT dereference() const { return *inner_; }
  void increment() {
    ++inner_;
    if (inner_ == EntryIterator<EdgeT, Mode>(view_, u_, last(u_), last(u_))) {
      ++u_;
      enter();
    }
  }
  bool equal(const AllEdgesIterator& other) const {
    if (u_ >= view_->node_count() || other.u_ >= other.view_->node_count()) {
      return (u_ >= view_->node_count()) == (other.u_ >= other.view_->node_count());
    }
    return u_ == other.u_ && inner_ == other.inner_;
  }

  const GraphView* view_ = nullptr;
  NodeIndex u_ = 0;
  EntryIterator<EdgeT, Mode> inner_;
};

// Neighbours reached by a directed node's out-arcs.
class DirectedAdjacencyIterator
    : public boost::iterator_facade<DirectedAdjacencyIterator, NodeIndex, std::forward_iterator_tag,
                                    NodeIndex> {
 public:
  DirectedAdjacencyIterator() = default;
  explicit DirectedAdjacencyIterator(EntryIterator<DirectedEdge, 1> it) : it_(it) {}

 private:
  friend class boost::iterator_core_access;
  NodeIndex dereference() const { return (*it_).target; }
  void increment() { ++it_; }
  bool equal(const DirectedAdjacencyIterator& other) const { return it_ == other.it_; }
  EntryIterator<DirectedEdge, 1> it_;
};

}  // namespace detail

// ---- property maps -------------------------------------------------------------------------

// Reads one value per edge from the view. Kind: 0 = edge index (pair index for undirected
// edges, source-side entry for directed ones), 1 = weight, 2 = confidence, 3 = relation.
template <int Kind>
class EdgeValueMap {
 public:
  using key_type = BoostEdge;
  using value_type = std::conditional_t<Kind == 1 || Kind == 2, double, std::uint32_t>;
  using reference = value_type;
  using category = boost::readable_property_map_tag;

  EdgeValueMap() = default;
  explicit EdgeValueMap(const GraphView& view, bool undirected = true)
      : view_(&view), undirected_(undirected) {}

  value_type at(const BoostEdge& e) const {
    if constexpr (Kind == 0) {
      if (undirected_) {
        const NodeIndex owner = e.entry_at_source ? e.source : e.target;
        return view_->pair_index(owner, e.entry - view_->offset(owner));
      }
      if (e.entry_at_source) return e.entry;
      // An in-edge read from the target's list: the source-side entry of the same arc.
      const auto nb = view_->neighbors(e.source);
      return static_cast<std::uint32_t>(
          view_->offset(e.source) +
          (std::lower_bound(nb.begin(), nb.end(), e.target) - nb.begin()));
    } else if constexpr (Kind == 1) {
      return static_cast<double>(view_->adjacency_weights()[e.entry]);
    } else if constexpr (Kind == 2) {
      return view_->edge(view_->adjacency_edges()[e.entry]).confidence;
    } else {
      return view_->adjacency_edges()[e.entry];
    }
  }
  friend value_type get(const EdgeValueMap& map, const BoostEdge& e) { return map.at(e); }

 private:
  const GraphView* view_ = nullptr;
  bool undirected_ = true;
};

// Skein's weighted-path cost of an edge, 1 / summed weight (graph/detail/HopCost.h), as a
// Boost weight map for dijkstra_shortest_paths, brandes_betweenness_centrality and the like.
class HopCostMap {
 public:
  using key_type = BoostEdge;
  using value_type = double;
  using reference = double;
  using category = boost::readable_property_map_tag;
  explicit HopCostMap(const GraphView& view) : weights_(view.adjacency_weights().data()) {}
  friend double get(const HopCostMap& map, const BoostEdge& e) {
    return detail::hop_cost(map.weights_[e.entry]);
  }

 private:
  const float* weights_;
};

using EdgeIndexMap = EdgeValueMap<0>;
using WeightMap = EdgeValueMap<1>;
using ConfidenceMap = EdgeValueMap<2>;
using RelationMap = EdgeValueMap<3>;

inline WeightMap weight_map(const GraphView& view) { return WeightMap(view); }
inline ConfidenceMap confidence_map(const GraphView& view) { return ConfidenceMap(view); }
inline RelationMap relation_map(const GraphView& view) { return RelationMap(view); }

// ---- the undirected model: free functions found by argument-dependent lookup ---------------

using UndirectedOutIterator = detail::EntryIterator<detail::UndirectedEdge, 0>;
using UndirectedInIterator = detail::EntryIterator<detail::UndirectedEdge, 3>;
using UndirectedEdgeIterator = detail::AllEdgesIterator<detail::UndirectedEdge, 0>;
using VertexIterator = boost::counting_iterator<NodeIndex>;

inline std::pair<VertexIterator, VertexIterator> vertices(const GraphView& g) {
  return {VertexIterator(0), VertexIterator(static_cast<NodeIndex>(g.node_count()))};
}
inline std::size_t num_vertices(const GraphView& g) { return g.node_count(); }
inline std::pair<UndirectedOutIterator, UndirectedOutIterator> out_edges(NodeIndex u,
                                                                         const GraphView& g) {
  const auto first = static_cast<std::uint32_t>(g.offset(u));
  const auto last = static_cast<std::uint32_t>(first + g.degree(u));
  return {UndirectedOutIterator(&g, u, first, last), UndirectedOutIterator(&g, u, last, last)};
}
inline std::pair<UndirectedInIterator, UndirectedInIterator> in_edges(NodeIndex u,
                                                                      const GraphView& g) {
  const auto first = static_cast<std::uint32_t>(g.offset(u));
  const auto last = static_cast<std::uint32_t>(first + g.degree(u));
  return {UndirectedInIterator(&g, u, first, last), UndirectedInIterator(&g, u, last, last)};
}
inline std::size_t out_degree(NodeIndex u, const GraphView& g) { return g.degree(u); }
inline std::size_t in_degree(NodeIndex u, const GraphView& g) { return g.degree(u); }
inline std::size_t degree(NodeIndex u, const GraphView& g) { return g.degree(u); }
inline NodeIndex source(const BoostEdge& e, const GraphView&) { return e.source; }
inline NodeIndex target(const BoostEdge& e, const GraphView&) { return e.target; }
inline std::pair<const NodeIndex*, const NodeIndex*> adjacent_vertices(NodeIndex u,
                                                                       const GraphView& g) {
  const auto nb = g.neighbors(u);
  return {nb.data(), nb.data() + nb.size()};
}
inline std::pair<UndirectedEdgeIterator, UndirectedEdgeIterator> edges(const GraphView& g) {
  return {UndirectedEdgeIterator(&g, 0),
          UndirectedEdgeIterator(&g, static_cast<NodeIndex>(g.node_count()))};
}
inline std::size_t num_edges(const GraphView& g) { return g.pair_count(); }
// The edge between u and v, if they are neighbours.
inline std::pair<detail::UndirectedEdge, bool> edge(NodeIndex u, NodeIndex v, const GraphView& g) {
  detail::UndirectedEdge e;
  e.source = u;
  e.target = v;
  const auto nb = g.neighbors(u);
  const auto it = std::lower_bound(nb.begin(), nb.end(), v);
  if (it == nb.end() || *it != v) return {e, false};
  e.entry = static_cast<std::uint32_t>(g.offset(u) + static_cast<std::size_t>(it - nb.begin()));
  return {e, true};
}

// ---- the directed model ---------------------------------------------------------------------

using DirectedOutIterator = detail::EntryIterator<detail::DirectedEdge, 1>;
using DirectedInIterator = detail::EntryIterator<detail::DirectedEdge, 2>;
using DirectedEdgeIterator = detail::AllEdgesIterator<detail::DirectedEdge, 1>;

inline std::pair<VertexIterator, VertexIterator> vertices(const DirectedView& g) {
  return vertices(g.view());
}
inline std::size_t num_vertices(const DirectedView& g) { return g.view().node_count(); }
inline std::pair<DirectedOutIterator, DirectedOutIterator> out_edges(NodeIndex u,
                                                                     const DirectedView& g) {
  const auto first = static_cast<std::uint32_t>(g.view().offset(u));
  const auto last = static_cast<std::uint32_t>(first + g.view().degree(u));
  return {DirectedOutIterator(&g.view(), u, first, last),
          DirectedOutIterator(&g.view(), u, last, last)};
}
inline std::pair<DirectedInIterator, DirectedInIterator> in_edges(NodeIndex u,
                                                                  const DirectedView& g) {
  const auto first = static_cast<std::uint32_t>(g.view().offset(u));
  const auto last = static_cast<std::uint32_t>(first + g.view().degree(u));
  return {DirectedInIterator(&g.view(), u, first, last),
          DirectedInIterator(&g.view(), u, last, last)};
}
inline std::size_t out_degree(NodeIndex u, const DirectedView& g) {
  auto [first, last] = out_edges(u, g);
  return static_cast<std::size_t>(std::distance(first, last));
}
inline std::size_t in_degree(NodeIndex u, const DirectedView& g) {
  auto [first, last] = in_edges(u, g);
  return static_cast<std::size_t>(std::distance(first, last));
}
inline std::size_t degree(NodeIndex u, const DirectedView& g) {
  return out_degree(u, g) + in_degree(u, g);
}
inline NodeIndex source(const BoostEdge& e, const DirectedView&) { return e.source; }
inline NodeIndex target(const BoostEdge& e, const DirectedView&) { return e.target; }
inline std::pair<detail::DirectedAdjacencyIterator, detail::DirectedAdjacencyIterator>
adjacent_vertices(NodeIndex u, const DirectedView& g) {
  auto [first, last] = out_edges(u, g);
  return {detail::DirectedAdjacencyIterator(first), detail::DirectedAdjacencyIterator(last)};
}
inline std::pair<DirectedEdgeIterator, DirectedEdgeIterator> edges(const DirectedView& g) {
  return {DirectedEdgeIterator(&g.view(), 0),
          DirectedEdgeIterator(&g.view(), static_cast<NodeIndex>(g.view().node_count()))};
}
inline std::size_t num_edges(const DirectedView& g) {
  std::size_t count = 0;
  for (NodeIndex u = 0; u < g.view().node_count(); ++u) count += out_degree(u, g);
  return count;
}

// ---- property-map access in Boost's style: get(boost::vertex_index, g) and friends ---------

inline boost::typed_identity_property_map<NodeIndex> get(boost::vertex_index_t, const GraphView&) {
  return {};
}
inline boost::typed_identity_property_map<NodeIndex> get(boost::vertex_index_t,
                                                         const DirectedView&) {
  return {};
}
inline EdgeIndexMap get(boost::edge_index_t, const GraphView& g) { return EdgeIndexMap(g, true); }
inline EdgeIndexMap get(boost::edge_index_t, const DirectedView& g) {
  return EdgeIndexMap(g.view(), false);
}
inline WeightMap get(boost::edge_weight_t, const GraphView& g) { return WeightMap(g); }
inline WeightMap get(boost::edge_weight_t, const DirectedView& g) { return WeightMap(g.view()); }
inline NodeIndex get(boost::vertex_index_t, const GraphView&, NodeIndex u) { return u; }
inline NodeIndex get(boost::vertex_index_t, const DirectedView&, NodeIndex u) { return u; }

// What each model offers, in Boost's terms (graph_traits<...>::traversal_category below).
struct UndirectedTraversal : virtual boost::bidirectional_graph_tag,
                             virtual boost::adjacency_graph_tag,
                             virtual boost::vertex_list_graph_tag,
                             virtual boost::edge_list_graph_tag {};
struct DirectedTraversal : virtual boost::bidirectional_graph_tag,
                           virtual boost::adjacency_graph_tag,
                           virtual boost::vertex_list_graph_tag,
                           virtual boost::edge_list_graph_tag {};

}  // namespace skein::graph

namespace boost {

template <>
struct graph_traits<skein::graph::GraphView> {
  using vertex_descriptor = skein::graph::NodeIndex;
  using edge_descriptor = skein::graph::detail::UndirectedEdge;
  using adjacency_iterator = const skein::graph::NodeIndex*;
  using out_edge_iterator = skein::graph::UndirectedOutIterator;
  using in_edge_iterator = skein::graph::UndirectedInIterator;
  using vertex_iterator = skein::graph::VertexIterator;
  using edge_iterator = skein::graph::UndirectedEdgeIterator;
  using directed_category = undirected_tag;
  using edge_parallel_category = disallow_parallel_edge_tag;
  using traversal_category = skein::graph::UndirectedTraversal;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using degree_size_type = std::size_t;
  static vertex_descriptor null_vertex() { return skein::graph::kNoNode; }
};

template <>
struct graph_traits<skein::graph::DirectedView> {
  using vertex_descriptor = skein::graph::NodeIndex;
  using edge_descriptor = skein::graph::detail::DirectedEdge;
  using adjacency_iterator = skein::graph::detail::DirectedAdjacencyIterator;
  using out_edge_iterator = skein::graph::DirectedOutIterator;
  using in_edge_iterator = skein::graph::DirectedInIterator;
  using vertex_iterator = skein::graph::VertexIterator;
  using edge_iterator = skein::graph::DirectedEdgeIterator;
  using directed_category = bidirectional_tag;
  using edge_parallel_category = disallow_parallel_edge_tag;
  using traversal_category = skein::graph::DirectedTraversal;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using degree_size_type = std::size_t;
  static vertex_descriptor null_vertex() { return skein::graph::kNoNode; }
};

// Some algorithms (Boyer-Myrvold) ask for the traits of the const graph.
template <>
struct graph_traits<const skein::graph::GraphView> : graph_traits<skein::graph::GraphView> {};
template <>
struct graph_traits<const skein::graph::DirectedView> : graph_traits<skein::graph::DirectedView> {};

template <>
struct property_map<skein::graph::GraphView, vertex_index_t> {
  using type = typed_identity_property_map<skein::graph::NodeIndex>;
  using const_type = type;
};
template <>
struct property_map<skein::graph::DirectedView, vertex_index_t> {
  using type = typed_identity_property_map<skein::graph::NodeIndex>;
  using const_type = type;
};
template <>
struct property_map<skein::graph::GraphView, edge_index_t> {
  using type = skein::graph::EdgeIndexMap;
  using const_type = type;
};
template <>
struct property_map<skein::graph::DirectedView, edge_index_t> {
  using type = skein::graph::EdgeIndexMap;
  using const_type = type;
};
template <>
struct property_map<skein::graph::GraphView, edge_weight_t> {
  using type = skein::graph::WeightMap;
  using const_type = type;
};
template <>
struct property_map<skein::graph::DirectedView, edge_weight_t> {
  using type = skein::graph::WeightMap;
  using const_type = type;
};

template <>
struct property_map<const skein::graph::GraphView, vertex_index_t>
    : property_map<skein::graph::GraphView, vertex_index_t> {};
template <>
struct property_map<const skein::graph::GraphView, edge_index_t>
    : property_map<skein::graph::GraphView, edge_index_t> {};
template <>
struct property_map<const skein::graph::GraphView, edge_weight_t>
    : property_map<skein::graph::GraphView, edge_weight_t> {};
template <>
struct property_map<const skein::graph::DirectedView, vertex_index_t>
    : property_map<skein::graph::DirectedView, vertex_index_t> {};
template <>
struct property_map<const skein::graph::DirectedView, edge_index_t>
    : property_map<skein::graph::DirectedView, edge_index_t> {};
template <>
struct property_map<const skein::graph::DirectedView, edge_weight_t>
    : property_map<skein::graph::DirectedView, edge_weight_t> {};

}  // namespace boost
