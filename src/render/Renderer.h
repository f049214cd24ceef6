#pragma once
// Renderer: picks how to draw a Diagram (engine, what to leave out at scale), then writes DOT
// and, for images, lays it out and renders it in-process (GraphvizEngine).
//
// Contract
//  - plan_render() decides, without drawing anything:
//      * layout: the one asked for, or with `auto` dot up to dot_max_nodes nodes when the graph
//        has at most dot_max_components connected parts, neato (components packed side by
//        side) for a small graph in many parts, and sfdp (straight edges, prism overlap
//        removal) beyond dot_max_nodes. (dot stacks separate parts in one long column, and
//        Graphviz 2.42's dot drops edge labels when asked to pack them.)
//      * sfdp removes node overlaps fully (prism) up to full_overlap_max_nodes nodes, and with
//        a bounded effort beyond, where full removal would dominate the time;
//      * edge labels only up to edge_label_max_edges edges (Graphviz's label placement is what
//        makes big drawings take minutes), node names only for the node_label_max highest-
//        scored nodes (the rest become dots whose name is in the tooltip);
//      * refuses (UsageError) a diagram of more than max_nodes nodes, suggesting --top or
//        --focus, rather than drawing mush.
//    Every reduction is one human-readable line in RenderPlan::notes (the CLI prints them on
//    stderr); an explicit layout that will be slow (dot past dot_slow_nodes) adds a warning.
//  - render() = plan_render() + write_dot() + (for svg/png/pdf) GraphvizEngine::render().
//    OutputFormat::kDot returns the DOT text itself. DOT and SVG are byte-for-byte
//    deterministic for the same Diagram and options.
//
// Thread-safety: plan_render() and write-only paths are pure; image rendering serialises on
// Graphviz's process-wide lock (see GraphvizEngine.h).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/Diagram.h"
#include "render/DotWriter.h"
#include "render/GraphvizEngine.h"

namespace skein::render {

enum class OutputFormat { kSvg, kPng, kPdf, kDot };

std::string_view to_string(OutputFormat format);
// "svg", "png", "pdf", "dot" (also "gv"); nullopt for anything else.
std::optional<OutputFormat> output_format_from_name(std::string_view name);
// From a file name's extension (case-insensitive); nullopt when it has no known one.
std::optional<OutputFormat> output_format_from_path(std::string_view path);
// "dot", "neato", "fdp", "sfdp", "circo", "twopi"; nullopt for anything else ("auto" included).
std::optional<LayoutEngine> layout_engine_from_name(std::string_view name);
// True for the formats that are binary (PNG, PDF): never written to a terminal.
bool is_binary(OutputFormat format);

struct RenderOptions {
  OutputFormat format = OutputFormat::kSvg;
  std::optional<LayoutEngine> layout;         // nullopt = auto (see plan_render)
  ColorBy color_by = ColorBy::kLabel;         // node fill by entity label or by community
  bool legend = true;                         // legend table under the drawing
  bool tooltips = true;                       // tooltips on nodes and edges (SVG)
  std::size_t dot_max_nodes = 150;            // auto: dot/neato up to this many nodes, sfdp beyond
  std::size_t dot_max_components = 3;         // auto: more separate parts than this -> neato
  std::size_t dot_slow_nodes = 500;           // explicit dot past this: warn that it will be slow
  std::size_t full_overlap_max_nodes = 2500;  // sfdp: full prism overlap removal up to this
                                              // many nodes; beyond, 10 attempts (most of the
                                              // gain at a tenth of the time: 41 s -> 5 s at 10k)
  std::size_t edge_label_max_edges = 120;     // edge labels only up to this many edges
  std::size_t node_label_max = 600;           // names on at most this many nodes (top by score)
  std::size_t max_nodes = 20000;              // refuse bigger diagrams (0 = no limit)
};

struct RenderPlan {
  LayoutEngine engine = LayoutEngine::kDot;
  DotStyle style;
  std::vector<std::string> notes;  // what was reduced or chosen, one line each
};

// Throws UsageError when the diagram is larger than options.max_nodes.
RenderPlan plan_render(const Diagram& diagram, const RenderOptions& options);

struct RenderResult {
  std::string bytes;  // DOT text, SVG text, or PNG/PDF bytes
  LayoutEngine engine = LayoutEngine::kDot;
  std::vector<std::string> notes;  // RenderPlan::notes
};

// Renders with `engine` (reuse one GraphvizEngine for many renders).
RenderResult render(const Diagram& diagram, const RenderOptions& options,
                    const GraphvizEngine& engine);
// Renders with a GraphvizEngine of its own (made only for image formats).
RenderResult render(const Diagram& diagram, const RenderOptions& options);

}  // namespace skein::render
