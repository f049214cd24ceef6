#include "render/Diagram.h"

#include <rapidjson/document.h>

#include <algorithm>

#include "graph/GraphView.h"
#include "store/Store.h"

namespace skein::render {
namespace {

struct NodeProps {
  std::optional<double> pagerank;
  std::optional<std::int64_t> community;
  std::string role;
};

// Reads only the few props a drawing uses; anything malformed counts as absent.
NodeProps read_props(const std::string& json) {
  NodeProps props;
  rapidjson::Document document;
  document.Parse(json.c_str(), json.size());
  if (document.HasParseError() || !document.IsObject()) return props;
  if (auto it = document.FindMember("pagerank");
      it != document.MemberEnd() && it->value.IsNumber()) {
    props.pagerank = it->value.GetDouble();
  }
  if (auto it = document.FindMember("community"); it != document.MemberEnd()) {
    if (it->value.IsInt64()) {
      props.community = it->value.GetInt64();
    } else if (it->value.IsDouble() &&
               it->value.GetDouble() ==
                   static_cast<double>(static_cast<std::int64_t>(it->value.GetDouble()))) {
      props.community = static_cast<std::int64_t>(it->value.GetDouble());
    }
  }
  for (const char* key : {"role", "title"}) {
    auto it = document.FindMember(key);
    if (it != document.MemberEnd() && it->value.IsString()) {
      props.role.assign(it->value.GetString(), it->value.GetStringLength());
      break;
    }
  }
  return props;
}

void recompute_degrees(Diagram& diagram) {
  // Distinct neighbours, as GraphView::degree counts them: parallel edges and both
  // directions of a pair count once, self-loops not at all.
  std::vector<std::vector<std::size_t>> neighbours(diagram.nodes.size());
  for (const auto& edge : diagram.edges) {
    if (edge.source == edge.target) continue;
    neighbours[edge.source].push_back(edge.target);
    neighbours[edge.target].push_back(edge.source);
  }
  for (std::size_t i = 0; i < neighbours.size(); ++i) {
    auto& list = neighbours[i];
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    diagram.nodes[i].degree = list.size();
    if (!diagram.scored_by_pagerank) diagram.nodes[i].score = static_cast<double>(list.size());
  }
}

}  // namespace

Diagram make_diagram(const graph::GraphView& view, const store::Store* store,
                     const DiagramOptions& options) {
  Diagram diagram;
  diagram.title = options.title;
  diagram.nodes.reserve(view.node_count());
  std::vector<NodeProps> props;
  props.reserve(view.node_count());
  bool all_ranked = view.node_count() > 0;
  for (const auto& node : view.nodes()) {
    DiagramNode out;
    out.id = node.id;
    out.name = node.name;
    out.label = node.label;
    out.aliases = node.aliases;
    props.push_back(read_props(node.props_json));
    out.role = props.back().role;
    out.community = props.back().community;
    all_ranked = all_ranked && props.back().pagerank.has_value();
    diagram.nodes.push_back(std::move(out));
  }
  // PageRank only when every node has one: a half-analysed store (nodes added after the last
  // `skein analyze`) would otherwise draw new nodes as dots.
  diagram.scored_by_pagerank = all_ranked;
  if (all_ranked) {
    for (std::size_t i = 0; i < props.size(); ++i) diagram.nodes[i].score = *props[i].pagerank;
  }

  const bool fetch_evidence =
      store != nullptr && options.evidence_per_edge > 0 &&
      (options.evidence_edge_limit == 0 || view.edge_count() <= options.evidence_edge_limit);
  diagram.edges.reserve(view.edge_count());
  for (const auto& edge : view.edges()) {
    DiagramEdge out;
    out.id = edge.id;
    out.source = edge.source;
    out.target = edge.target;
    out.type = edge.type;
    out.directed = !edge.symmetric;
    out.weight = edge.weight;
    out.confidence = edge.confidence;
    out.first_seen = edge.first_seen;
    out.last_seen = edge.last_seen;
    if (fetch_evidence) {
      for (auto& record :
           store->evidence(edge.id, options.evidence_per_edge, options.evidence_filter)) {
        out.evidence.push_back(DiagramEvidence{std::move(record.sentence),
                                               std::move(record.document_uri),
                                               std::move(record.published)});
      }
    }
    diagram.edges.push_back(std::move(out));
  }
  recompute_degrees(diagram);
  return diagram;
}

Diagram restrict_to_community(const Diagram& diagram, std::int64_t community) {
  Diagram out;
  out.title = diagram.title;
  out.scored_by_pagerank = diagram.scored_by_pagerank;
  std::vector<std::size_t> new_index(diagram.nodes.size(), static_cast<std::size_t>(-1));
  for (std::size_t i = 0; i < diagram.nodes.size(); ++i) {
    if (diagram.nodes[i].community == community) {
      new_index[i] = out.nodes.size();
      out.nodes.push_back(diagram.nodes[i]);
    }
  }
  for (const auto& edge : diagram.edges) {
    const std::size_t source = new_index[edge.source];
    const std::size_t target = new_index[edge.target];
    if (source == static_cast<std::size_t>(-1) || target == static_cast<std::size_t>(-1)) continue;
    DiagramEdge copy = edge;
    copy.source = source;
    copy.target = target;
    out.edges.push_back(std::move(copy));
  }
  recompute_degrees(out);
  return out;
}

}  // namespace skein::render
