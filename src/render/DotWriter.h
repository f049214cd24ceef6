#pragma once
// DotWriter: a Diagram as Graphviz DOT text, written by Skein itself.
//
// Contract
//  - Every string that reaches the DOT text goes through escape_dot(): quotes, backslashes,
//    '&' (so Graphviz never reads "&nbsp;" as an entity), line breaks (written as the DOT
//    escape \n), tabs (a space), other control characters, C1 controls and the XML
//    non-characters U+FFFE/U+FFFF (each U+FFFD), and ill-formed UTF-8 (repaired to U+FFFD).
//    So any name, alias or sentence yields DOT that Graphviz parses and SVG that is well-formed
//    XML. Non-Latin scripts, RTL text and emoji pass through unchanged.
//  - Deterministic: the same Diagram and style give the same bytes. Nodes and edges are
//    written in Diagram order, numbers with fixed precision through std::to_chars (no locale),
//    no pointers, times or hash-map order.
//  - One digraph; symmetric relations carry dir=none (no arrow). Node ids are "n<store id>"
//    and edge ids "e<store id>", which Graphviz copies to the SVG <g id>, so each node and
//    edge is one addressable <g class="node"> / <g class="edge">.
//  - Style: shape and colour per entity label (Person, Organization, Country, Place, and a
//    grey fallback), or fill colour per community with ColorBy::kCommunity; size and font by
//    score (PageRank or degree, square-root scaled); edge colour + solid/dashed per relation
//    type, width by weight; a legend as an HTML-like table in the graph label (not a node, so
//    node counts stay exact); tooltips on every node and edge.
//
// Thread-safety: pure functions; safe from any thread.

#include <cstddef>
#include <string>
#include <string_view>

#include "render/Diagram.h"
#include "render/GraphvizEngine.h"

namespace skein::render {

enum class ColorBy { kLabel, kCommunity };

struct DotStyle {
  LayoutEngine engine = LayoutEngine::kDot;  // graph attributes are tuned for this engine and
                                             // written as layout=..., so the file re-renders alike
  ColorBy color_by = ColorBy::kLabel;        // node fill by entity label or by community
  bool edge_labels = true;                   // relation type written on each edge
  bool legend = true;                        // legend table in the graph label
  bool tooltips = true;                      // tooltip on every node and edge
  std::size_t max_node_labels = 0;           // only the N highest-scored nodes show their
                                             // name; the rest are small dots (0 = all named)
  std::size_t overlap_attempts = 0;          // sfdp: prism overlap-removal attempts
                                             // (0 = Graphviz's default, 1000)
  std::size_t tooltip_sentences = 3;         // evidence sentences per edge tooltip
  std::size_t tooltip_chars = 600;           // tooltip text cap (bytes, cut at a character)
  std::size_t label_chars = 48;              // node names longer than this are shortened
  std::string font = "DejaVu Sans";          // fontname for every text
};

std::string write_dot(const Diagram& diagram, const DotStyle& style = {});

// `text` made safe inside a double-quoted DOT string whose value Graphviz treats as an escString
// (label, tooltip, id): see the contract above. Does not add the quotes.
std::string escape_dot(std::string_view text);

// `text` made safe inside an HTML-like label (&, <, >, " as entities, controls replaced).
std::string escape_html_label(std::string_view text);

// `text` cut to at most `max_bytes` bytes at a character boundary, with "…" appended when cut.
std::string shorten(std::string_view text, std::size_t max_bytes);

}  // namespace skein::render
