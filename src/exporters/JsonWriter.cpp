// Web JSON in three shapes: Cytoscape.js elements (default), d3-force nodes/links, and JSON
// Graph Format v2. RapidJSON's Writer streams straight into the Sink (no DOM), escaping
// every string; non-finite numbers are left out (JSON has none). With a store each edge carries
// evidence_count and an `evidence` array of its first sentences with their documents.

#include <rapidjson/writer.h>

#include <cmath>

#include "exporters/Escape.h"
#include "exporters/Writers.h"

namespace skein::exporters {
namespace {

// The RapidJSON output-stream concept over a Sink.
class SinkStream {
 public:
  using Ch = char;
  explicit SinkStream(Sink& sink) : sink_(sink) {}
  void Put(char c) { sink_.put(c); }
  void Flush() {}

 private:
  Sink& sink_;
};

using JsonWriter = rapidjson::Writer<SinkStream>;

void key(JsonWriter& w, std::string_view name) {
  w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}
void string(JsonWriter& w, std::string_view value) {
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
void field(JsonWriter& w, std::string_view name, std::string_view value) {
  key(w, name);
  string(w, value);
}
void field(JsonWriter& w, std::string_view name, std::int64_t value) {
  key(w, name);
  w.Int64(value);
}
void field(JsonWriter& w, std::string_view name, double value) {
  if (!std::isfinite(value)) return;
  key(w, name);
  w.Double(value);
}
void field(JsonWriter& w, std::string_view name, bool value) {
  key(w, name);
  w.Bool(value);
}
void string_list(JsonWriter& w, std::string_view name, const std::vector<std::string>& items) {
  key(w, name);
  w.StartArray();
  for (const auto& item : items) string(w, item);
  w.EndArray();
}

void value(JsonWriter& w, std::string_view name, const Value& v) {
  if (!v.present) return;
  switch (v.kind) {
    case ValueKind::kBool:
      field(w, name, v.boolean);
      break;
    case ValueKind::kLong:
      field(w, name, v.integer);
      break;
    case ValueKind::kDouble:
      field(w, name, v.number);
      break;
    case ValueKind::kString:
      field(w, name, std::string_view(v.text));
      break;
    case ValueKind::kStringList:
      string_list(w, name, v.list);
      break;
  }
}

// The attributes every style carries for a node (without id/label, which styles place
// differently).
void node_fields(const ExportContext& context, const NodeRow& row, JsonWriter& w) {
  const auto u = row.index;
  field(w, "type", std::string_view(valid_utf8(row.node->label)));
  field(w, "key", std::string_view(row.facts.key));
  string_list(w, "aliases", row.aliases);
  field(w, "store_id", static_cast<std::int64_t>(row.node->id));
  field(w, "degree", static_cast<std::int64_t>(context.view().degree(u)));
  if (row.facts.has_counts) {
    field(w, "mention_count", row.facts.mention_count);
    field(w, "document_count", row.facts.document_count);
  }
  if (!row.facts.first_seen.empty()) {
    field(w, "first_seen", std::string_view(row.facts.first_seen));
    field(w, "last_seen", std::string_view(row.facts.last_seen));
  }
  for (std::size_t i = 0; i < row.props.size(); ++i)
    value(w, context.columns()[i].name, row.props[i]);
  field(w, "size", context.size(u));
  const Rgb rgb = context.color(u);
  field(w, "color", std::string_view(hex_color(rgb.r, rgb.g, rgb.b)));
}

// The edge's evidence: its count, then the first sentences, each with its document and span.
void evidence_fields(const ExportContext& context, graph::EdgeIndex e, EdgeEvidence& ev,
                     JsonWriter& w, ExportSummary& summary) {
  if (!carries_edge_evidence(context)) return;
  load_edge_evidence(context, e, ev);
  field(w, "evidence_count", static_cast<std::int64_t>(ev.count));
  key(w, "evidence");
  w.StartArray();
  for (const auto& record : ev.shown) {
    w.StartObject();
    field(w, "sentence", std::string_view(record.sentence));
    field(w, "uri", std::string_view(record.document_uri));
    if (!record.document_title.empty()) field(w, "title", std::string_view(record.document_title));
    const std::string date = date_text(date_number(record.published));
    if (!date.empty()) field(w, "date", std::string_view(date));
    field(w, "start", static_cast<std::int64_t>(record.start));
    field(w, "end", static_cast<std::int64_t>(record.end));
    field(w, "basis", std::string_view(valid_utf8(record.basis)));
    field(w, "confidence", record.confidence);
    w.EndObject();
  }
  w.EndArray();
  count_shown(ev, summary);
}

void edge_fields(const graph::Edge& edge, JsonWriter& w) {
  field(w, "relation", std::string_view(valid_utf8(edge.type)));
  field(w, "store_id", static_cast<std::int64_t>(edge.id));
  field(w, "symmetric", edge.symmetric);
  field(w, "weight", edge.weight);
  field(w, "confidence", edge.confidence);
  const std::string first = date_text(date_number(edge.first_seen));
  const std::string last = date_text(date_number(edge.last_seen));
  if (!first.empty()) field(w, "first_seen", std::string_view(first));
  if (!last.empty()) field(w, "last_seen", std::string_view(last));
}

}  // namespace

void write_json_to(const ExportContext& context, Sink& sink, ExportSummary& summary) {
  const auto& view = context.view();
  const auto style = context.options().json_style;
  SinkStream stream(sink);
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
      field(w, "id", std::string_view(row.id));
      field(w, "label", std::string_view(row.name));
      node_fields(context, row, w);
      w.EndObject();
      if (context.has_positions()) {
        key(w, "position");
        w.StartObject();
        field(w, "x", context.x(u));
        field(w, "y", context.y(u));
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
      field(w, "id", std::string_view(ExportContext::edge_id(e)));
      field(w, "source", std::string_view(ExportContext::node_id(view.node(edge.source))));
      field(w, "target", std::string_view(ExportContext::node_id(view.node(edge.target))));
      field(w, "label", std::string_view(valid_utf8(edge.type)));
      edge_fields(edge, w);
      evidence_fields(context, e, ev, w, summary);
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  } else if (style == JsonStyle::kD3) {
    field(w, "directed", !context.all_symmetric());
    key(w, "nodes");
    w.StartArray();
    for (graph::NodeIndex u = 0; u < view.node_count(); ++u) {
      context.load_node(u, row);
      w.StartObject();
      field(w, "id", std::string_view(row.id));
      field(w, "label", std::string_view(row.name));
      node_fields(context, row, w);
      if (context.has_positions()) {
        field(w, "x", context.x(u));
        field(w, "y", context.y(u));
      }
      w.EndObject();
    }
    w.EndArray();
    key(w, "links");
    w.StartArray();
    for (graph::EdgeIndex e = 0; e < view.edge_count(); ++e) {
      const auto& edge = view.edge(e);
      w.StartObject();
      field(w, "id", std::string_view(ExportContext::edge_id(e)));
      field(w, "source", std::string_view(ExportContext::node_id(view.node(edge.source))));
      field(w, "target", std::string_view(ExportContext::node_id(view.node(edge.target))));
      edge_fields(edge, w);
      evidence_fields(context, e, ev, w, summary);
      w.EndObject();
    }
    w.EndArray();
  } else {  // JSON Graph Format v2: nodes keyed by id, edges with relation and directed.
    key(w, "graph");
    w.StartObject();
    field(w, "id", std::string_view("skein"));
    field(w, "type", std::string_view("skein knowledge graph"));
    field(w, "directed", !context.all_symmetric());
    key(w, "nodes");
    w.StartObject();
    for (graph::NodeIndex u = 0; u < view.node_count(); ++u) {
      context.load_node(u, row);
      key(w, row.id);
      w.StartObject();
      field(w, "label", std::string_view(row.name));
      key(w, "metadata");
      w.StartObject();
      node_fields(context, row, w);
      if (context.has_positions()) {
        field(w, "x", context.x(u));
        field(w, "y", context.y(u));
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
      field(w, "id", std::string_view(ExportContext::edge_id(e)));
      field(w, "source", std::string_view(ExportContext::node_id(view.node(edge.source))));
      field(w, "target", std::string_view(ExportContext::node_id(view.node(edge.target))));
      field(w, "relation", std::string_view(valid_utf8(edge.type)));
      field(w, "directed", !edge.symmetric);
      field(w, "label", std::string_view(valid_utf8(edge.type)));
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
