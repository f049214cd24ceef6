// The browser view's data (meta, documents, nodes, edges with a few evidence sentences each)
// and the self-contained page that embeds it. RapidJSON streams into the Sink through a
// stream that writes '<' as \u003c (exporters/JsonFields.h), so the data block cannot end early.

#include <array>
#include <map>

#include "exporters/Escape.h"
#include "exporters/JsonFields.h"
#include "exporters/ViewerPage.h"
#include "exporters/Writers.h"

namespace skein::exporters {
namespace {

using Writer = rapidjson::Writer<json::ScriptSafeStream>;
using json::boolean;
using json::field;
using json::integer;
using json::key;
using json::number;
using json::string;
using json::strings;
using json::value;

std::string hex(const Rgb& rgb) { return hex_color(rgb.r, rgb.g, rgb.b); }

// What the panel shows of one relation's evidence, gathered in one pass over the store.
struct ViewerEdgeEvidence {
  std::size_t total = 0;
  bool text = false, knowledge = false;
  struct Item {
    std::size_t document = 0;  // index into the documents array
    std::string sentence, rule, basis;
    double confidence = 0;
  };
  std::vector<Item> items;
};

void write_meta(const ExportContext& context, Writer& w, std::uint32_t first_day,
                std::uint32_t last_day) {
  key(w, "meta");
  w.StartObject();
  field(w, "mode", "file");
  field(w, "title", valid_utf8(context.options().title));
  field(w, "generator", "skein export html");
  integer(w, "nodes", static_cast<std::int64_t>(context.view().node_count()));
  integer(w, "edges", static_cast<std::int64_t>(context.view().edge_count()));
  strings(w, "labels", context.labels());
  strings(w, "types", context.types());
  key(w, "label_colors");
  w.StartObject();
  for (const auto& label : context.labels())
    field(w, valid_utf8(label), hex(ExportContext::label_color(label)));
  w.EndObject();
  field(w, "color_by", context.colors_by_community() ? "community" : "label");
  field(w, "size_by", context.sizes_by_rank() ? "pagerank" : "degree");
  if (first_day != 0) field(w, "date_min", date_text(first_day));
  if (last_day != 0) field(w, "date_max", date_text(last_day));
  integer(w, "evidence_per_relation",
          static_cast<std::int64_t>(context.options().evidence_per_edge));
  w.EndObject();
}

}  // namespace

void write_viewer_data_to(const ExportContext& context, Sink& sink, ExportSummary& summary) {
  const auto& view = context.view();
  const std::size_t keep = context.options().evidence_per_edge;
  // Evidence first (within the filter's dates and basis): it decides the documents array.
  std::vector<ViewerEdgeEvidence> evidence(view.edge_count());
  std::map<std::int64_t, std::size_t> document_index;
  std::vector<std::array<std::string, 3>> documents;  // title, uri, published
  for_each_evidence(context, [&](const EvidenceItem& item) {
    auto& edge = evidence[item.edge];
    ++edge.total;
    (item.record.basis == "knowledge" ? edge.knowledge : edge.text) = true;
    ++summary.evidence;
    if (edge.items.size() >= keep) return;
    auto [it, added] = document_index.emplace(item.record.document_id, documents.size());
    if (added) {
      documents.push_back({item.record.document_title, item.record.document_uri,
                           date_text(date_number(item.record.published))});
    }
    edge.items.push_back({it->second, item.record.sentence, valid_utf8(item.record.rule),
                          valid_utf8(item.record.basis), item.record.confidence});
  });
  std::uint32_t first_day = 0, last_day = 0;
  for (const auto& edge : view.edges()) {
    const auto first = date_number(edge.first_seen), last = date_number(edge.last_seen);
    if (first != 0 && (first_day == 0 || first < first_day)) first_day = first;
    if (last > last_day) last_day = last;
  }

  json::ScriptSafeStream stream(sink);
  Writer w(stream);
  w.StartObject();
  write_meta(context, w, first_day, last_day);
  key(w, "documents");
  w.StartArray();
  for (const auto& [title, uri, published] : documents) {
    w.StartObject();
    field(w, "title", title);
    field(w, "uri", uri);
    if (!published.empty()) field(w, "published", published);
    w.EndObject();
  }
  w.EndArray();
  summary.documents = documents.size();

  key(w, "nodes");
  w.StartArray();
  NodeRow row;
  for (graph::NodeIndex u = 0; u < view.node_count(); ++u) {
    context.load_node(u, row);
    w.StartObject();
    field(w, "id", row.id);
    integer(w, "store_id", row.node->id);
    field(w, "name", row.name);
    field(w, "label", valid_utf8(row.node->label));
    field(w, "key", row.facts.key);
    strings(w, "aliases", row.aliases);
    if (context.has_positions()) {
      number(w, "x", context.x(u));
      number(w, "y", context.y(u));
    }
    number(w, "size", context.size(u));
    field(w, "color", hex(context.color(u)));
    if (auto community = context.community(u)) integer(w, "community", *community);
    integer(w, "degree", static_cast<std::int64_t>(view.degree(u)));
    if (row.facts.has_counts) {
      integer(w, "mentions", row.facts.mention_count);
      integer(w, "documents", row.facts.document_count);
    }
    if (!row.facts.first_seen.empty()) {
      field(w, "first_seen", row.facts.first_seen);
      field(w, "last_seen", row.facts.last_seen);
    }
    key(w, "props");
    w.StartObject();
    for (std::size_t i = 0; i < row.props.size(); ++i)
      value(w, context.columns()[i].key, row.props[i]);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();

  key(w, "edges");
  w.StartArray();
  for (graph::EdgeIndex e = 0; e < view.edge_count(); ++e) {
    const auto& edge = view.edge(e);
    const auto& found = evidence[e];
    w.StartObject();
    field(w, "id", ExportContext::edge_id(e));
    integer(w, "store_id", edge.id);
    field(w, "s", ExportContext::node_id(view.node(edge.source)));
    field(w, "t", ExportContext::node_id(view.node(edge.target)));
    field(w, "type", valid_utf8(edge.type));
    boolean(w, "sym", edge.symmetric);
    number(w, "w", edge.weight);
    number(w, "c", edge.confidence);
    const std::string first = date_text(date_number(edge.first_seen));
    const std::string last = date_text(date_number(edge.last_seen));
    if (!first.empty()) field(w, "first", first);
    if (!last.empty()) field(w, "last", last);
    if (found.text || found.knowledge) {
      key(w, "basis");
      w.StartArray();
      if (found.text) string(w, "text");
      if (found.knowledge) string(w, "knowledge");
      w.EndArray();
    }
    if (context.has_store()) {
      integer(w, "ev_total", static_cast<std::int64_t>(found.total));
      key(w, "ev");
      w.StartArray();
      for (const auto& item : found.items) {
        w.StartArray();
        w.Uint64(item.document);
        string(w, item.sentence);
        string(w, item.rule);
        string(w, item.basis);
        w.Double(item.confidence);
        w.EndArray();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  summary.nodes = view.node_count();
  summary.edges = view.edge_count();
}

void write_html_to(const ExportContext& context, Sink& sink, ExportSummary& summary) {
  const ViewerPage page = load_viewer_page(context.options().web_dir, context.options().title);
  sink.write(page.before_data);
  write_viewer_data_to(context, sink, summary);
  sink.write(page.after_data);
}

}  // namespace skein::exporters
