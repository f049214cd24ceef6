#include "render/DotWriter.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <set>

#include "core/Utf8.h"

namespace skein::render {
namespace {

struct LabelStyle {
  std::string_view label;
  std::string_view shape;
  std::string_view fill;
  std::string_view border;
  std::string_view extra_style;  // appended to "filled"
};

// Known labels first, in legend order; the last entry is the fallback for any other label.
constexpr LabelStyle kLabelStyles[] = {
    {"Person", "ellipse", "#DCE9F7", "#2E6DB4", ""},
    {"Organization", "box", "#FDE5CC", "#C8651B", ",rounded"},
    {"Country", "hexagon", "#DDF0D8", "#3C8D2F", ""},
    {"Place", "house", "#EEE0F2", "#8E4B9E", ""},
    {"", "ellipse", "#EEEEEE", "#777777", ",dashed"},
};

struct RelationStyle {
  std::string_view type;
  std::string_view color;
  std::string_view line;  // solid | dashed | dotted
};

constexpr RelationStyle kRelationStyles[] = {
    {"met-with", "#1F77B4", "solid"},   {"trades-with", "#2CA02C", "dashed"},
    {"located-in", "#7F7F7F", "solid"}, {"affiliated-with", "#D62728", "dashed"},
    {"", "#555555", "dotted"},
};

// Community fills: the 12 colours of ColorBrewer's qualitative "Set3" scheme (Cynthia Brewer,
// colorbrewer2.org, Apache-2.0-style licence): light enough for dark text on top.
constexpr std::string_view kCommunityFills[] = {
    "#8DD3C7", "#FFFFB3", "#BEBADA", "#FB8072", "#80B1D3", "#FDB462",
    "#B3DE69", "#FCCDE5", "#D9D9D9", "#BC80BD", "#CCEBC5", "#FFED6F",
};

const LabelStyle& label_style(std::string_view label) {
  for (const auto& style : kLabelStyles) {
    if (style.label == label) return style;
  }
  return kLabelStyles[std::size(kLabelStyles) - 1];
}

const RelationStyle& relation_style(std::string_view type) {
  for (const auto& style : kRelationStyles) {
    if (style.type == type) return style;
  }
  return kRelationStyles[std::size(kRelationStyles) - 1];
}

std::string_view community_fill(std::int64_t community) {
  const auto n = static_cast<std::int64_t>(std::size(kCommunityFills));
  return kCommunityFills[static_cast<std::size_t>(((community % n) + n) % n)];
}

// Fixed-precision decimal, independent of the C locale (to_chars never uses it).
std::string fixed(double value, int precision) {
  if (!std::isfinite(value)) value = 0;
  char buffer[64];
  auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, precision);
  std::string text(buffer, result.ptr);
  if (text == "-0" || text.find_first_not_of("-0.") == std::string::npos) {
    text = precision > 0 ? "0." + std::string(static_cast<std::size_t>(precision), '0') : "0";
  }
  return text;
}

// A count-like number: "3" for 3.0, "2.5" for 2.5.
std::string count_text(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<std::int64_t>(value));
  }
  return fixed(value, 2);
}

std::string relation_words(std::string_view type) {
  std::string words(type);
  std::replace(words.begin(), words.end(), '-', ' ');
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

// Decodes one code point of well-formed UTF-8 at `pos`; returns its length.
std::size_t decode(std::string_view text, std::size_t pos, std::uint32_t& code_point) {
  const auto lead = static_cast<std::uint8_t>(text[pos]);
  std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  std::uint32_t value = length == 1   ? lead
                        : length == 2 ? lead & 0x1Fu
                        : length == 3 ? lead & 0x0Fu
                                      : lead & 0x07u;
  for (std::size_t i = 1; i < length; ++i) {
    value = (value << 6) | (static_cast<std::uint8_t>(text[pos + i]) & 0x3Fu);
  }
  code_point = value;
  return length;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Characters no output may carry raw: C0/C1 controls, DEL, and U+FFFE/U+FFFF, which XML 1.0
// forbids even as character references.
bool is_forbidden(std::uint32_t code_point) {
  return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F) || code_point == 0xFFFE ||
         code_point == 0xFFFF;
}

// The shared walk of both escapers: repair, then hand each character to `emit`, with line
// breaks (\r\n, \r, \n) folded into one call with '\n'.
template <typename Emit>
void for_each_character(std::string_view raw, Emit&& emit) {
  const std::string text = utf8::is_valid(raw) ? std::string(raw) : utf8::repair(raw);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::uint32_t code_point = 0;
    const std::size_t length = decode(text, pos, code_point);
    if (code_point == '\r') {
      emit('\n', std::string_view("\n"));
      pos += (pos + 1 < text.size() && text[pos + 1] == '\n') ? 2 : 1;
      continue;
    }
    emit(code_point, std::string_view(text).substr(pos, length));
    pos += length;
  }
}

// Joins pieces by appending. (g++ 12 warns falsely, -Wrestrict, about `"literal" + string&&`.)
template <typename... Parts>
std::string concat(const Parts&... parts) {
  std::string out;
  (out.append(std::string_view(parts)), ...);
  return out;
}

std::string quoted(std::string_view text) { return concat("\"", escape_dot(text), "\""); }

void attribute(std::string& out, std::string_view name, std::string_view value, bool& first) {
  if (!first) out += ", ";
  first = false;
  out += name;
  out += "=\"";
  out += value;  // already escaped or built from safe parts
  out += '"';
}

struct NodeLook {
  double scale = 0;   // 0..1, sqrt of score / max score
  bool named = true;  // shows its name (false: a small dot)
};

std::vector<NodeLook> node_looks(const Diagram& diagram, const DotStyle& style) {
  std::vector<NodeLook> looks(diagram.nodes.size());
  double max_score = 0;
  for (const auto& node : diagram.nodes) {
    if (std::isfinite(node.score)) max_score = std::max(max_score, node.score);
  }
  for (std::size_t i = 0; i < looks.size(); ++i) {
    const double score = diagram.nodes[i].score;
    looks[i].scale = (max_score > 0 && std::isfinite(score) && score > 0)
                         ? std::sqrt(std::min(score / max_score, 1.0))
                         : 0;
  }
  if (style.max_node_labels > 0 && style.max_node_labels < looks.size()) {
    std::vector<std::size_t> order(looks.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return looks[a].scale > looks[b].scale; });
    for (std::size_t rank = style.max_node_labels; rank < order.size(); ++rank) {
      looks[order[rank]].named = false;
    }
  }
  return looks;
}

std::string node_tooltip(const Diagram& diagram, const DiagramNode& node, const DotStyle& style) {
  std::string text = node.name + " (" + (node.label.empty() ? "entity" : node.label) + ")";
  if (!node.aliases.empty()) {
    text += "\nAlso: ";
    const std::size_t shown = std::min<std::size_t>(node.aliases.size(), 8);
    for (std::size_t i = 0; i < shown; ++i) {
      if (i > 0) text += "; ";
      text += node.aliases[i];
    }
    if (shown < node.aliases.size()) {
      text += "; +" + std::to_string(node.aliases.size() - shown) + " more";
    }
  }
  if (!node.role.empty()) text += "\nRole: " + node.role;
  text += "\n";
  if (diagram.scored_by_pagerank) text += "PageRank " + fixed(node.score, 4) + " \xC2\xB7 ";
  text += std::to_string(node.degree) + (node.degree == 1 ? " connection" : " connections");
  if (node.community) text += " \xC2\xB7 community " + std::to_string(*node.community);
  return shorten(text, style.tooltip_chars);
}

std::string edge_tooltip(const Diagram& diagram, const DiagramEdge& edge, const DotStyle& style) {
  const auto& source = diagram.nodes[edge.source];
  const auto& target = diagram.nodes[edge.target];
  std::string text = source.name + (edge.directed ? " \xE2\x86\x92 " : " \xE2\x80\x94 ") +
                     relation_words(edge.type) +
                     (edge.directed ? " \xE2\x86\x92 " : " \xE2\x80\x94 ") + target.name;
  text += concat("\n", count_text(edge.weight), edge.weight == 1 ? " sentence" : " sentences",
                 " \xC2\xB7 confidence ", fixed(std::clamp(edge.confidence, 0.0, 1.0), 2));
  if (!edge.first_seen.empty()) {
    text += " \xC2\xB7 " + edge.first_seen;
    if (!edge.last_seen.empty() && edge.last_seen != edge.first_seen) {
      text += " to " + edge.last_seen;
    }
  }
  const std::size_t shown = std::min(edge.evidence.size(), style.tooltip_sentences);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& evidence = edge.evidence[i];
    text +=
        "\n\xE2\x80\x9C" + evidence.sentence + "\xE2\x80\x9D \xE2\x80\x94 " + evidence.document_uri;
    if (!evidence.published.empty()) text += " (" + evidence.published + ")";
  }
  return shorten(text, style.tooltip_chars);
}

// The legend: an HTML-like table as the graph label, listing only what the drawing uses.
std::string legend_label(const Diagram& diagram, const DotStyle& style) {
  std::set<std::string> labels;
  std::set<std::string> types;
  std::set<std::int64_t> communities;
  for (const auto& node : diagram.nodes) {
    labels.insert(node.label);
    if (node.community) communities.insert(*node.community);
  }
  std::set<std::string> directed_types;
  for (const auto& edge : diagram.edges) {
    types.insert(edge.type);
    if (edge.directed) directed_types.insert(edge.type);
  }

  std::string html = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">";
  auto row = [&html](const std::string& left, const std::string& right) {
    html += "<TR>" + left + "<TD ALIGN=\"LEFT\">" + right + "</TD></TR>";
  };
  if (!diagram.title.empty()) {
    html += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>" + escape_html_label(diagram.title) +
            "</B></TD></TR>";
  }
  const bool by_community = style.color_by == ColorBy::kCommunity;
  auto swatch = [&](const LabelStyle& look) {
    return "<TD BORDER=\"1\" COLOR=\"" + std::string(look.border) + "\" BGCOLOR=\"" +
           std::string(by_community ? std::string_view("#FFFFFF") : look.fill) +
           "\" WIDTH=\"18\" HEIGHT=\"10\"></TD>";
  };
  // Known labels in their fixed order, then the others alphabetically (std::set order).
  for (const auto& look : kLabelStyles) {
    if (!look.label.empty() && labels.count(std::string(look.label)) > 0) {
      row(swatch(look), escape_html_label(look.label) + " (" + std::string(look.shape) + ")");
    }
  }
  for (const auto& label : labels) {
    if (!label_style(label).label.empty()) continue;
    row(swatch(label_style(label)), escape_html_label(label.empty() ? "(no label)" : label));
  }
  if (by_community) {
    row("<TD></TD>", "fill colour: community (" + std::to_string(communities.size()) + ")");
  }
  auto relation_row = [&](const std::string& type) {
    const auto& look = relation_style(type);
    const bool dashed = look.line != "solid";
    // Heavy box-drawing strokes (DejaVu Sans has them): solid U+2501, dashed U+254D; an
    // arrow for the directed relation types the drawing uses.
    std::string stroke =
        dashed ? "\xE2\x95\x8D\xE2\x95\x8D\xE2\x95\x8D" : "\xE2\x94\x81\xE2\x94\x81\xE2\x94\x81";
    if (directed_types.count(type) > 0) stroke += "\xE2\x96\xB6";
    row("<TD><FONT COLOR=\"" + std::string(look.color) + "\">" + stroke + "</FONT></TD>",
        escape_html_label(relation_words(type)));
  };
  for (const auto& look : kRelationStyles) {
    if (!look.type.empty() && types.count(std::string(look.type)) > 0) {
      relation_row(std::string(look.type));
    }
  }
  for (const auto& type : types) {
    if (relation_style(type).type.empty()) relation_row(type);
  }
  row("<TD></TD>", std::string("size: ") +
                       (diagram.scored_by_pagerank ? "PageRank" : "connections") +
                       "; width: sentences");
  html += "</TABLE>>";
  return html;
}

void write_graph_attributes(std::string& out, const Diagram& diagram, const DotStyle& style) {
  out += "  graph [layout=\"";
  out += to_string(style.engine);
  out += "\", charset=\"UTF-8\", fontname=" + quoted(style.font) +
         ", fontsize=\"12\", bgcolor=\"white\", pad=\"0.3\", outputorder=\"edgesfirst\"";
  switch (style.engine) {
    case LayoutEngine::kDot:
      out += ", rankdir=\"LR\", nodesep=\"0.25\", ranksep=\"0.6\"";
      break;
    case LayoutEngine::kNeato:
    case LayoutEngine::kFdp:
      // pack: separate groups laid out alone and packed side by side, not flung apart.
      out += ", overlap=\"false\", sep=\"+8\", splines=\"true\", pack=\"true\"";
      break;
    case LayoutEngine::kSfdp:
      // Straight edges: spline routing is what makes big sfdp drawings slow.
      out += ", overlap=\"prism";
      if (style.overlap_attempts > 0) out += std::to_string(style.overlap_attempts);
      out += "\", splines=\"false\"";
      break;
    case LayoutEngine::kCirco:
    case LayoutEngine::kTwopi:
      out += ", overlap=\"false\", splines=\"true\"";
      break;
  }
  if (style.legend && !diagram.nodes.empty()) {
    out += ", labelloc=\"b\", labeljust=\"l\", label=" + legend_label(diagram, style);
  }
  out += "];\n";
  out += "  node [fontname=" + quoted(style.font) + ", penwidth=\"1.2\", margin=\"0.08,0.04\"];\n";
  // (No len= for neato: with pack=true Graphviz 2.42 ignores it, checked with -Tplain.)
  out += "  edge [fontname=" + quoted(style.font) +
         ", fontsize=\"8\", arrowsize=\"0.8\", arrowhead=\"normal\"];\n";
}

void write_node(std::string& out, const Diagram& diagram, const DiagramNode& node,
                const NodeLook& look, const DotStyle& style) {
  const LabelStyle& shape = label_style(node.label);
  std::string fill(shape.fill);
  if (style.color_by == ColorBy::kCommunity) {
    fill = node.community ? std::string(community_fill(*node.community)) : "#FFFFFF";
  }
  std::string attrs;
  bool first = true;
  const std::string id = concat("n", std::to_string(node.id));
  attribute(attrs, "id", id, first);
  if (look.named) {
    attribute(attrs, "label", escape_dot(shorten(node.name, style.label_chars)), first);
    attribute(attrs, "shape", shape.shape, first);
    attribute(attrs, "style", "filled" + std::string(shape.extra_style), first);
    attribute(attrs, "fontsize", fixed(9 + 11 * look.scale, 1), first);
    attribute(attrs, "width", fixed(0.3 + 0.9 * look.scale, 2), first);
    attribute(attrs, "height", fixed(0.25 + 0.45 * look.scale, 2), first);
  } else {
    // A dot whose area still follows the score; the name stays in the tooltip.
    attribute(attrs, "label", "", first);
    attribute(attrs, "shape", "circle", first);
    attribute(attrs, "style", "filled", first);
    attribute(attrs, "width", fixed(0.06 + 0.25 * look.scale, 2), first);
    attribute(attrs, "fixedsize", "true", first);
  }
  attribute(attrs, "fillcolor", fill, first);
  attribute(attrs, "color", shape.border, first);
  if (style.tooltips)
    attribute(attrs, "tooltip", escape_dot(node_tooltip(diagram, node, style)), first);
  out += "  \"" + id + "\" [" + attrs + "];\n";
}

void write_edge(std::string& out, const Diagram& diagram, const DiagramEdge& edge,
                const DotStyle& style) {
  const RelationStyle& look = relation_style(edge.type);
  std::string attrs;
  bool first = true;
  attribute(attrs, "id", concat("e", std::to_string(edge.id)), first);
  attribute(attrs, "color", look.color, first);
  attribute(attrs, "style", look.line, first);
  const double weight = std::isfinite(edge.weight) ? edge.weight : 1;
  attribute(attrs, "penwidth",
            fixed(std::clamp(1.0 + 1.5 * std::log2(std::max(weight, 1.0)), 1.0, 6.0), 2), first);
  if (!edge.directed) attribute(attrs, "dir", "none", first);
  if (style.edge_labels) {
    attribute(attrs, "label", escape_dot(relation_words(edge.type)), first);
    attribute(attrs, "fontcolor", look.color, first);
  }
  if (style.tooltips) {
    const std::string tooltip = escape_dot(edge_tooltip(diagram, edge, style));
    attribute(attrs, "tooltip", tooltip, first);
    // The label and the arrowheads are their own <a> elements in SVG; give them the text too.
    if (style.edge_labels) attribute(attrs, "labeltooltip", tooltip, first);
  }
  out += concat("  \"n", std::to_string(diagram.nodes[edge.source].id), "\" -> \"n",
                std::to_string(diagram.nodes[edge.target].id), "\" [", attrs, "];\n");
}

}  // namespace

std::string escape_dot(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for_each_character(text, [&out](std::uint32_t code_point, std::string_view bytes) {
    switch (code_point) {
      case '"':
        out += "\\\"";
        return;
      case '\\':
        out += "\\\\";
        return;
      // Graphviz turns "&name;" into a character in labels and keeps it as a raw entity in
      // SVG attributes; "&amp;" is the one spelling that means '&' in both places.
      case '&':
        out += "&amp;";
        return;
      case '\n':
        out += "\\n";
        return;
      case '\t':
        out += ' ';
        return;
      default:
        break;
    }
    if (is_forbidden(code_point)) {
      out += kReplacement;
    } else {
      out += bytes;
    }
  });
  return out;
}

std::string escape_html_label(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for_each_character(text, [&out](std::uint32_t code_point, std::string_view bytes) {
    switch (code_point) {
      case '&':
        out += "&amp;";
        return;
      case '<':
        out += "&lt;";
        return;
      case '>':
        out += "&gt;";
        return;
      case '"':
        out += "&quot;";
        return;
      case '\n':
        out += "<BR/>";
        return;
      case '\t':
        out += ' ';
        return;
      default:
        break;
    }
    if (is_forbidden(code_point)) {
      out += kReplacement;
    } else {
      out += bytes;
    }
  });
  return out;
}

std::string shorten(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  std::size_t cut = max_bytes > kEllipsis.size() ? max_bytes - kEllipsis.size() : 0;
  cut = utf8::floor_boundary(text, cut);  // never split a UTF-8 sequence
  return std::string(text.substr(0, cut)) + std::string(kEllipsis);
}

std::string write_dot(const Diagram& diagram, const DotStyle& style) {
  std::string out;
  out.reserve(256 + diagram.nodes.size() * 300 + diagram.edges.size() * 400);
  out += "// Skein relationship diagram: " + std::to_string(diagram.nodes.size()) + " nodes, " +
         std::to_string(diagram.edges.size()) + " edges\n";
  out += "digraph \"skein\" {\n";
  write_graph_attributes(out, diagram, style);
  const auto looks = node_looks(diagram, style);
  for (std::size_t i = 0; i < diagram.nodes.size(); ++i) {
    write_node(out, diagram, diagram.nodes[i], looks[i], style);
  }
  for (const auto& edge : diagram.edges) write_edge(out, diagram, edge, style);
  out += "}\n";
  return out;
}

}  // namespace skein::render
