// Web JSON in three shapes: Cytoscape.js elements (default), d3-force nodes/links, and JSON
// Graph Format v2. RapidJSON's Writer streams straight into the Sink (no DOM), escaping
// every string; non-finite numbers are left out (JSON has none). With a store each edge carries
// evidence_count and an `evidence` array of its first sentences with their documents.

#include "exporters/Escape.h"
#include "exporters/JsonFields.h"
#include "exporters/Writers.h"

namespace skein::exporters {
namespace {

using JsonWriter = rapidjson::Writer<json::SinkStream>;
using json::boolean;
using json::field;
using json::integer;
using json::key;
using json::number;
using json::strings;
using json::value;

// The attributes every style carries for a node (without id/label, which styles place
// differently).
void node_fields(const ExportContext& context, const NodeRow& row, JsonWriter& w) {
  const auto u = row.index;
  field(w, "type", valid_utf8(row.node->label));
  field(w, "key", row.facts.key);
  strings(w, "aliases", row.aliases);
  integer(w, "store_id", static_cast<std::int64_t>(row.node->id));
  integer(w, "degree", static_cast<std::int64_t>(context.view().degree(u)));
  if (row.facts.has_counts) {
    integer(w, "mention_count", row.facts.mention_count);
    integer(w, "document_count", row.facts.document_count);
  }
  if (!row.facts.first_seen.empty()) {
    field(w, "first_seen", row.facts.first_seen);
    field(w, "last_seen", row.facts.last_seen);
  }
  for (std::size_t i = 0; i < row.props.size(); ++i)
    value(w, context.columns()[i].name, row.props[i]);
  number(w, "size", context.size(u));
  const Rgb rgb = context.color(u);
  field(w, "color", hex_color(rgb.r, rgb.g, rgb.b));
}

// The edge's evidence: its count, then the first sentences, each with its document and span.
void evidence_fields(const ExportContext& context, graph::EdgeIndex e, EdgeEvidence& ev,
                     JsonWriter& w, ExportSummary& summary) {
  if (!carries_edge_evidence(context)) return;
  load_edge_evidence(context, e, ev);
  integer(w, "evidence_count", static_cast<std::int64_t>(ev.count));
  key(w, "evidence");
  w.StartArray();
  for (const auto& record : ev.shown) {
    w.StartObject();
    field(w, "sentence", record.sentence);
    field(w, "uri", record.document_uri);
    if (!record.document_title.empty()) field(w, "title", record.document_title);
    const std::string date = date_text(date_number(record.published));
    if (!date.empty()) field(w, "date", date);
    integer(w, "start", static_cast<std::int64_t>(record.start));
    integer(w, "end", static_cast<std::int64_t>(record.end));
    field(w, "basis", valid_utf8(record.basis));
    number(w, "confidence", record.confidence);
    w.EndObject();
  }
  w.EndArray();
  count_shown(ev, summary);
}

void edge_fields(const graph::Edge& edge, JsonWriter& w) {
  field(w, "relation", valid_utf8(edge.type));
  integer(w, "store_id", static_cast<std::int64_t>(edge.id));
  boolean(w, "symmetric", edge.symmetric);
  number(w, "weight", edge.weight);
  number(w, "confidence", edge.confidence);
  const std::string first = date_text(date_number(edge.first_seen));
  const std::string last = date_text(date_number(edge.last_seen));
  if (!first.empty()) field(w, "first_seen", first);
  if (!last.empty()) field(w, "last_seen", last);
}

}  // namespace

void write_json_to(const ExportContext& context, Sink& sink, ExportSummary& summary) {
  const auto& view = context.view();
  const auto style = context.options().json_style;
  json::SinkStream stream(sink);
  JsonWriter w(stream);
  NodeRow row;
  EdgeEvidence ev;
  w.StartObject();
  if (style == JsonStyle::kCytoscape) {
    key(w, "elements");
    w.StartObject();
    key(w, "nodes");
    w.StartArray();
    for (graph::NodeIndex u = 0; u < view.node_count(); ++u) {
      context.load_node(u, row);
      w.StartObject();
      key(w, "data");
      w.StartObject();
      field(w, "id", row.id);
      field(w, "label", row.name);
      node_fields(context, row, w);
      w.EndObject();
      if (context.has_positions()) {
        key(w, "position");
        w.StartObject();
        number(w, "x", context.x(u));
        number(w, "y", context.y(u));
        w.EndObject();
      }
      w.EndObject();
    }
    w.EndArray();
    key(w, "edges");
    w.StartArray();
    for (graph::EdgeIndex e = 0; e < view.edge_count(); ++e) {
      const auto& edge = view.edge(e);
      w.StartObject();
      key(w, "data");
      w.StartObject();
      field(w, "id", ExportContext::edge_id(e));
      field(w, "source", ExportContext::node_id(view.node(edge.source)));
      field(w, "target", ExportContext::node_id(view.node(edge.target)));
      field(w, "label", valid_utf8(edge.type));
      edge_fields(edge, w);
      evidence_fields(context, e, ev, w, summary);
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  } else if (style == JsonStyle::kD3) {
    boolean(w, "directed", !context.all_symmetric());
    key(w, "nodes");
    w.StartArray();
    for (graph::NodeIndex u = 0; u < view.node_count(); ++u) {
      context.load_node(u, row);
      w.StartObject();
      field(w, "id", row.id);
      field(w, "label", row.name);
      node_fields(context, row, w);
      if (context.has_positions()) {
        number(w, "x", context.x(u));
        number(w, "y", context.y(u));
      }
      w.EndObject();
    }
    w.EndArray();
    key(w, "links");
    w.StartArray();
    for (graph::EdgeIndex e = 0; e < view.edge_count(); ++e) {
      const auto& edge = view.edge(e);
      w.StartObject();
      field(w, "id", ExportContext::edge_id(e));
      field(w, "source", ExportContext::node_id(view.node(edge.source)));
      field(w, "target", ExportContext::node_id(view.node(edge.target)));
      edge_fields(edge, w);
      evidence_fields(context, e, ev, w, summary);
      w.EndObject();
    }
    w.EndArray();
  } else {  // JSON Graph Format v2: nodes keyed by id, edges with relation and directed.
    key(w, "graph");
    w.StartObject();
    field(w, "id", "skein");
    field(w, "type", "skein knowledge graph");
    boolean(w, "directed", !context.all_symmetric());
    key(w, "nodes");
    w.StartObject();
    for (graph::NodeIndex u = 0; u < view.node_count(); ++u) {
      context.load_node(u, row);
      key(w, row.id);
      w.StartObject();
      field(w, "label", row.name);
      key(w, "metadata");
      w.StartObject();
      node_fields(context, row, w);
      if (context.has_positions()) {
        number(w, "x", context.x(u));
        number(w, "y", context.y(u));
      }
      w.EndObject();
      w.EndObject();
    }
    w.EndObject();
    key(w, "edges");
    w.StartArray();
    for (graph::EdgeIndex e = 0; e < view.edge_count(); ++e) {
      const auto& edge = view.edge(e);
      w.StartObject();
      field(w, "id", ExportContext::edge_id(e));
      field(w, "source", ExportContext::node_id(view.node(edge.source)));
      field(w, "target", ExportContext::node_id(view.node(edge.target)));
      field(w, "relation", valid_utf8(edge.type));
      boolean(w, "directed", !edge.symmetric);
      field(w, "label", valid_utf8(edge.type));
      key(w, "metadata");
      w.StartObject();
      edge_fields(edge, w);
      evidence_fields(context, e, ev, w, summary);
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndObject();
  sink.put('\n');
  summary.nodes = view.node_count();
  summary.edges = view.edge_count();
}

}  // namespace skein::exporters
