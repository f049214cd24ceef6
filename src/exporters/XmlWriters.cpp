// GEXF (1.3, or 1.2draft for older readers) and GraphML. Both are written as plain text with
// every attribute value escaped by append_xml; no DOM is built, so memory stays flat.
//
// Edge direction: Skein mixes symmetric (met-with) and directed (located-in) relations, and a
// symmetric relation must read as one undirected edge. When a view holds both, GEXF 1.3 uses
// defaultedgetype="directed" with type="undirected" on the symmetric edges (Gephi and
// graphology read mixed graphs). GEXF 1.2 readers (NetworkX) and GraphML readers (NetworkX,
// igraph) reject mixed graphs (and type="mutual" would double every symmetric edge), so there
// a mixed graph is undirected and each directed relation names its ends in source_id and
// target_id attributes.
//
// Evidence (with a store): evidence_count, then the first sentences and their documents'
// uris, titles and dates as parallel lists: GEXF liststring values, GraphML JSON array text.

#include <cmath>

#include "exporters/Escape.h"
#include "exporters/Writers.h"

namespace skein::exporters {
namespace {

struct Attribute {
  std::string name;
  const char* gexf_type;
  const char* graphml_type;
};

// The node attributes both XML formats carry, before the property columns.
std::vector<Attribute> fixed_node_attributes(const ExportContext& context) {
  std::vector<Attribute> attributes = {{"type", "string", "string"},
                                       {"key", "string", "string"},
                                       {"aliases", "liststring", "string"},
                                       {"store_id", "long", "long"},
                                       {"degree", "long", "long"}};
  if (context.has_store()) {
    attributes.push_back({"mention_count", "long", "long"});
    attributes.push_back({"document_count", "long", "long"});
  }
  if (context.has_dates()) {
    attributes.push_back({"first_seen", "string", "string"});
    attributes.push_back({"last_seen", "string", "string"});
  }
  return attributes;
}

// GEXF list values: ["a", "b"] with \\ \" \n \r \t escapes inside the quotes (the form Gephi
// writes and graphology parses), so commas, brackets and quotes in names survive.
std::string gexf_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += '"';
    for (char c : items[i]) {
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          out += c;
      }
    }
    out += '"';
  }
  out += ']';
  return out;
}

class XmlLine {
 public:
  explicit XmlLine(Sink& sink) : sink_(sink) {}
  XmlLine& raw(std::string_view text) {
    line_ += text;
    return *this;
  }
  XmlLine& attr(std::string_view name, std::string_view value) {
    line_ += ' ';
    line_ += name;
    line_ += "=\"";
    append_xml(line_, value);
    line_ += '"';
    return *this;
  }
  XmlLine& text(std::string_view value) {
    append_xml(line_, value);
    return *this;
  }
  void flush() {
    sink_.write(line_);
    line_.clear();
  }

 private:
  Sink& sink_;
  std::string line_;
};

std::string number_text(double value) {
  return std::isfinite(value) ? format_double(value) : std::string();
}

// A mixed graph written undirected (GEXF 1.2, GraphML) keeps direction in attributes.
bool mixed(const ExportContext& context) {
  return !context.all_symmetric() && !context.all_directed();
}

}  // namespace

void write_gexf_to(const ExportContext& context, Sink& sink, ExportSummary& summary) {
  const auto& view = context.view();
  const bool v13 = context.options().gexf_version != "1.2";
  const std::string ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
  XmlLine x(sink);
  x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf")
      .attr("xmlns", ns)
      .attr("xmlns:viz", ns + "/viz")
      .attr("version", v13 ? "1.3" : "1.2")
      .raw(">\n  <meta>\n    <creator>Skein</creator>\n    <description>knowledge graph: ")
      .text(decimal(view.node_count()) + " entities, " + decimal(view.edge_count()) + " relations")
      .raw("</description>\n  </meta>\n  <graph");
  // Mixed: per-edge types in 1.3; in 1.2 undirected, direction kept in source_id/target_id.
  const bool typed_edges = mixed(context) && v13;
  const bool endpoints = mixed(context) && !v13;
  const bool evidence = carries_edge_evidence(context);
  x.attr("defaultedgetype", context.all_symmetric() || endpoints ? "undirected" : "directed");
  if (context.has_dates()) x.attr("mode", "dynamic").attr("timeformat", "date");
  x.raw(">\n    <attributes class=\"node\">\n");
  auto declare = [&](const std::string& name, const char* type) {
    x.raw("      <attribute").attr("id", name).attr("title", name).attr("type", type).raw("/>\n");
  };
  for (const auto& attribute : fixed_node_attributes(context))
    declare(attribute.name, attribute.gexf_type);
  for (const auto& column : context.columns())
    declare(column.name, format_type_names(column.kind).gexf);
  x.raw("    </attributes>\n    <attributes class=\"edge\">\n");
  declare("relation", "string");
  declare("store_id", "long");
  declare("symmetric", "boolean");
  declare("confidence", "double");
  if (context.has_dates()) {
    declare("first_seen", "string");
    declare("last_seen", "string");
  }
  if (endpoints) {
    declare("source_id", "string");
    declare("target_id", "string");
  }
  if (evidence) {
    declare("evidence_count", "long");
    for (const auto& list : kEvidenceLists) declare(list.name, "liststring");
  }
  x.raw("    </attributes>\n    <nodes");
  x.attr("count", decimal(view.node_count())).raw(">\n");
  x.flush();

  NodeRow row;
  auto attvalue = [&](std::string_view name, std::string_view value) {
    x.raw("          <attvalue").attr("for", name).attr("value", value).raw("/>\n");
  };
  for (graph::NodeIndex u = 0; u < view.node_count(); ++u) {
    context.load_node(u, row);
    x.raw("      <node").attr("id", row.id).attr("label", row.name);
    if (!row.facts.first_seen.empty())
      x.attr("start", row.facts.first_seen).attr("end", row.facts.last_seen);
    x.raw(">\n        <attvalues>\n");
    attvalue("type", valid_utf8(row.node->label));
    attvalue("key", row.facts.key);
    attvalue("aliases", gexf_list(row.aliases));
    attvalue("store_id", decimal(row.node->id));
    attvalue("degree", decimal(view.degree(u)));
    if (context.has_store() && row.facts.has_counts) {
      attvalue("mention_count", decimal(row.facts.mention_count));
      attvalue("document_count", decimal(row.facts.document_count));
    }
    if (context.has_dates() && !row.facts.first_seen.empty()) {
      attvalue("first_seen", row.facts.first_seen);
      attvalue("last_seen", row.facts.last_seen);
    }
    for (std::size_t i = 0; i < row.props.size(); ++i) {
      const auto& v = row.props[i];
      if (!v.present) continue;
      if (v.kind == ValueKind::kStringList) {
        attvalue(context.columns()[i].name, gexf_list(v.list));
      } else if (v.kind != ValueKind::kDouble || std::isfinite(v.number)) {
        attvalue(context.columns()[i].name, ExportContext::value_text(v));
      }
    }
    x.raw("        </attvalues>\n");
    const Rgb rgb = context.color(u);
    x.raw("        <viz:color")
        .attr("r", decimal(rgb.r))
        .attr("g", decimal(rgb.g))
        .attr("b", decimal(rgb.b))
        .raw("/>\n");
    if (context.has_positions()) {
      x.raw("        <viz:position")
          .attr("x", format_double(context.x(u)))
          .attr("y", format_double(context.y(u)))
          .attr("z", "0")
          .raw("/>\n");
    }
    x.raw("        <viz:size")
        .attr("value", format_double(context.size(u)))
        .raw("/>\n      </node>\n");
    x.flush();
  }
  x.raw("    </nodes>\n    <edges").attr("count", decimal(view.edge_count())).raw(">\n");
  EdgeEvidence ev;
  for (graph::EdgeIndex e = 0; e < view.edge_count(); ++e) {
    const auto& edge = view.edge(e);
    const std::string type = valid_utf8(edge.type);
    const std::string source = ExportContext::node_id(view.node(edge.source));
    const std::string target = ExportContext::node_id(view.node(edge.target));
    x.raw("      <edge")
        .attr("id", ExportContext::edge_id(e))
        .attr("source", source)
        .attr("target", target);
    if (typed_edges && edge.symmetric) x.attr("type", "undirected");
    x.attr("label", type).attr("kind", type);
    if (std::isfinite(edge.weight)) x.attr("weight", format_double(edge.weight));
    const std::string first = date_text(date_number(edge.first_seen));
    const std::string last = date_text(date_number(edge.last_seen));
    if (!first.empty() || !last.empty())
      x.attr("start", first.empty() ? last : first).attr("end", last.empty() ? first : last);
    x.raw(">\n        <attvalues>\n");
    attvalue("relation", type);
    attvalue("store_id", decimal(edge.id));
    attvalue("symmetric", edge.symmetric ? "true" : "false");
    if (std::isfinite(edge.confidence)) attvalue("confidence", format_double(edge.confidence));
    if (context.has_dates() && (!first.empty() || !last.empty())) {
      attvalue("first_seen", first.empty() ? last : first);
      attvalue("last_seen", last.empty() ? first : last);
    }
    if (endpoints && !edge.symmetric) {
      attvalue("source_id", source);
      attvalue("target_id", target);
    }
    if (evidence) {
      load_edge_evidence(context, e, ev);
      attvalue("evidence_count", decimal(ev.count));
      if (!ev.shown.empty()) {
        for (const auto& list : kEvidenceLists)
          attvalue(list.name, gexf_list(evidence_list(ev, list.field)));
      }
      count_shown(ev, summary);
    }
    x.raw("        </attvalues>\n");
    x.raw("        <viz:thickness")
        .attr("value", number_text(std::max(1.0, std::sqrt(edge.weight))))
        .raw("/>\n");
    x.raw("      </edge>\n");
    x.flush();
  }
  x.raw("    </edges>\n  </graph>\n</gexf>\n");
  x.flush();
  summary.nodes = view.node_count();
  summary.edges = view.edge_count();
}

void write_graphml_to(const ExportContext& context, Sink& sink, ExportSummary& summary) {
  const auto& view = context.view();
  XmlLine x(sink);
  x.raw(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "
      "xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
  auto key = [&](const char* domain, const std::string& name, const char* type) {
    x.raw("  <key")
        .attr("id", std::string(domain[0] == 'n' ? "v_" : "e_") + name)
        .attr("for", domain)
        .attr("attr.name", name)
        .attr("attr.type", type)
        .raw("/>\n");
  };
  key("node", "label", "string");
  for (const auto& attribute : fixed_node_attributes(context))
    key("node", attribute.name, attribute.graphml_type);
  for (const auto& column : context.columns())
    key("node", column.name, format_type_names(column.kind).graphml);
  if (context.has_positions()) {
    key("node", "x", "double");
    key("node", "y", "double");
  }
  key("node", "size", "double");
  key("node", "r", "int");
  key("node", "g", "int");
  key("node", "b", "int");
  key("edge", "label", "string");
  key("edge", "relation", "string");
  key("edge", "store_id", "long");
  key("edge", "symmetric", "boolean");
  key("edge", "weight", "double");
  key("edge", "confidence", "double");
  if (context.has_dates()) {
    key("edge", "first_seen", "string");
    key("edge", "last_seen", "string");
  }
  const bool endpoints = mixed(context);
  if (endpoints) {
    key("edge", "source_id", "string");
    key("edge", "target_id", "string");
  }
  const bool evidence = carries_edge_evidence(context);
  if (evidence) {
    key("edge", "evidence_count", "long");
    for (const auto& list : kEvidenceLists) key("edge", list.name, "string");
  }
  x.raw("  <graph id=\"skein\"")
      .attr("edgedefault",
            context.all_directed() && !context.all_symmetric() ? "directed" : "undirected")
      .raw(">\n");
  x.flush();

  NodeRow row;
  auto data = [&](const char* prefix, std::string_view name, std::string_view value) {
    x.raw("      <data")
        .attr("key", std::string(prefix) + std::string(name))
        .raw(">")
        .text(value)
        .raw("</data>\n");
  };
  for (graph::NodeIndex u = 0; u < view.node_count(); ++u) {
    context.load_node(u, row);
    x.raw("    <node").attr("id", row.id).raw(">\n");
    data("v_", "label", row.name);
    data("v_", "type", valid_utf8(row.node->label));
    data("v_", "key", row.facts.key);
    Value aliases;
    aliases.kind = ValueKind::kStringList;
    aliases.list = row.aliases;
    data("v_", "aliases", ExportContext::value_text(aliases));
    data("v_", "store_id", decimal(row.node->id));
    data("v_", "degree", decimal(view.degree(u)));
    if (context.has_store() && row.facts.has_counts) {
      data("v_", "mention_count", decimal(row.facts.mention_count));
      data("v_", "document_count", decimal(row.facts.document_count));
    }
    if (context.has_dates() && !row.facts.first_seen.empty()) {
      data("v_", "first_seen", row.facts.first_seen);
      data("v_", "last_seen", row.facts.last_seen);
    }
    for (std::size_t i = 0; i < row.props.size(); ++i) {
      const auto& v = row.props[i];
      if (!v.present || (v.kind == ValueKind::kDouble && !std::isfinite(v.number))) continue;
      data("v_", context.columns()[i].name, ExportContext::value_text(v));
    }
    if (context.has_positions()) {
      data("v_", "x", format_double(context.x(u)));
      data("v_", "y", format_double(context.y(u)));
    }
    data("v_", "size", format_double(context.size(u)));
    const Rgb rgb = context.color(u);
    data("v_", "r", decimal(rgb.r));
    data("v_", "g", decimal(rgb.g));
    data("v_", "b", decimal(rgb.b));
    x.raw("    </node>\n");
    x.flush();
  }
  EdgeEvidence ev;
  Value list;
  list.kind = ValueKind::kStringList;
  for (graph::EdgeIndex e = 0; e < view.edge_count(); ++e) {
    const auto& edge = view.edge(e);
    const std::string type = valid_utf8(edge.type);
    const std::string source = ExportContext::node_id(view.node(edge.source));
    const std::string target = ExportContext::node_id(view.node(edge.target));
    x.raw("    <edge")
        .attr("id", ExportContext::edge_id(e))
        .attr("source", source)
        .attr("target", target)
        .raw(">\n");
    data("e_", "label", type);
    data("e_", "relation", type);
    data("e_", "store_id", decimal(edge.id));
    data("e_", "symmetric", edge.symmetric ? "true" : "false");
    if (std::isfinite(edge.weight)) data("e_", "weight", format_double(edge.weight));
    if (std::isfinite(edge.confidence)) data("e_", "confidence", format_double(edge.confidence));
    const std::string first = date_text(date_number(edge.first_seen));
    const std::string last = date_text(date_number(edge.last_seen));
    if (context.has_dates() && (!first.empty() || !last.empty())) {
      data("e_", "first_seen", first.empty() ? last : first);
      data("e_", "last_seen", last.empty() ? first : last);
    }
    if (endpoints && !edge.symmetric) {
      data("e_", "source_id", source);
      data("e_", "target_id", target);
    }
    if (evidence) {
      load_edge_evidence(context, e, ev);
      data("e_", "evidence_count", decimal(ev.count));
      if (!ev.shown.empty()) {
        for (const auto& field : kEvidenceLists) {
          list.list = evidence_list(ev, field.field);
          data("e_", field.name, ExportContext::value_text(list));
        }
      }
      count_shown(ev, summary);
    }
    x.raw("    </edge>\n");
    x.flush();
  }
  x.raw("  </graph>\n</graphml>\n");
  x.flush();
  summary.nodes = view.node_count();
  summary.edges = view.edge_count();
}

}  // namespace skein::exporters
