// skein render: a relationship diagram of the store (or a filtered part of it) as SVG, PNG,
// PDF or DOT. Wires GraphView (filters) -> Diagram (evidence for tooltips) -> Renderer.

#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/Common.h"
#include "cli/GraphOptions.h"
#include "core/Error.h"
#include "core/Utf8.h"
#include "graph/EvidenceFilter.h"
#include "graph/GraphView.h"
#include "render/Renderer.h"

namespace skein::cli {
namespace {

// Writes `bytes` to `path` through a temporary next to it, so a failed render never leaves a
// half-written file where a good one was.
void write_file(const std::string& path, const std::string& bytes) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  fs::path temporary = target;
  temporary += ".tmp-" + std::to_string(getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(path, "cannot open for writing");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw InputError(path, "cannot write (disk full?)");
    }
  }
  std::error_code error;
  fs::rename(temporary, target, error);
  if (error) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw InputError(path, "cannot write: " + error.message());
  }
}

int run(const std::vector<std::string>& args) {
  std::string db = kDefaultStore;
  graph::GraphFilter filter;
  std::string output, format_name, layout_name = "auto", color_by = "label", community_text, title;
  int max_nodes = 20000;
  bool no_legend = false;
  bool keep_isolated = false;
  ArgParser parser(
      "render [options]",
      "Draws the relationship graph: people, organisations, countries and places with the\n"
      "relations between them. SVG carries a tooltip on every entity and relation (aliases,\n"
      "supporting sentences and their documents). The format follows -o's extension unless\n"
      "--format says otherwise; without -o the drawing goes to stdout.");
  add_store_option(parser, db);
  parser.option("-o,--output", "FILE", "write here instead of stdout", output)
      .option("-f,--format", "FORMAT", "svg, png, pdf or dot (default: from -o, else svg)",
              format_name)
      .option("--layout", "ENGINE", "auto, dot, neato, fdp, sfdp, circo or twopi", layout_name)
      .option("--color-by", "WHAT", "colour entities by 'label' or 'community'", color_by)
      .option("--community", "ID", "only the entities of this community (after 'skein analyze')",
              community_text)
      .option("--title", "TEXT", "a title above the legend", title)
      .option("--max-nodes", "N", "refuse drawings with more nodes than this", max_nodes)
      .flag("--no-legend", "leave the legend out", no_legend)
      .flag("--keep-isolated", "also draw entities that have no relation", keep_isolated);
  add_graph_filter_options(parser, filter);
  parser.epilog(
      "Layout 'auto' uses dot up to 150 entities (neato when they fall apart into many groups)\n"
      "and sfdp beyond, drops edge labels past 120 relations and names past 600 entities, and\n"
      "says so on stderr. Entities without relations are left out unless --keep-isolated.\n"
      "examples:\n"
      "  skein render -o graph.svg\n"
      "  skein render --focus 'Yoon Suk-yeol' --depth 2 -o yoon.png\n"
      "  skein render --top 100 --color-by community -o top.pdf\n");
  if (!parser.parse(args)) return 0;

  render::RenderOptions options;
  if (!format_name.empty()) {
    auto format = render::output_format_from_name(format_name);
    if (!format)
      throw UsageError("--format must be svg, png, pdf or dot, not '" + format_name + "'");
    options.format = *format;
  } else if (!output.empty()) {
    auto format = render::output_format_from_path(output);
    if (!format) {
      throw UsageError("cannot tell the format from '" + output +
                       "' (use a .svg, .png, .pdf or .dot name, or --format)");
    }
    options.format = *format;
  }
  if (layout_name != "auto") {
    options.layout = render::layout_engine_from_name(layout_name);
    if (!options.layout) {
      throw UsageError("--layout must be auto, dot, neato, fdp, sfdp, circo or twopi, not '" +
                       layout_name + "'");
    }
  }
  if (color_by == "community") {
    options.color_by = render::ColorBy::kCommunity;
  } else if (color_by != "label") {
    throw UsageError("--color-by must be 'label' or 'community', not '" + color_by + "'");
  }
  if (max_nodes < 0) throw UsageError("--max-nodes must not be negative");
  options.max_nodes = static_cast<std::size_t>(max_nodes);
  options.legend = !no_legend;
  std::optional<std::int64_t> community;
  if (!community_text.empty()) {
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(community_text.data(),
                                        community_text.data() + community_text.size(), value);
    if (error != std::errc() || end != community_text.data() + community_text.size()) {
      throw UsageError("--community must be a community number, not '" + community_text + "'");
    }
    community = value;
  }
  // Refuse before the (possibly long) work: a terminal shows binary output as garbage.
  if (output.empty() && render::is_binary(options.format) && isatty(STDOUT_FILENO)) {
    throw UsageError("will not write " + std::string(render::to_string(options.format)) +
                     " to a terminal; use -o FILE or redirect stdout");
  }

  // A relationship diagram is about relations: entities with none are clutter by default.
  filter.drop_isolated = !keep_isolated;

  auto store = open_existing_store(db);
  const auto view = load_graph(store, filter);
  render::DiagramOptions diagram_options;
  diagram_options.title = title;
  diagram_options.evidence_filter = graph::evidence_filter(filter);
  auto diagram = render::make_diagram(view, &store, diagram_options);
  if (community) {
    const bool analysed = std::any_of(diagram.nodes.begin(), diagram.nodes.end(),
                                      [](const auto& node) { return node.community.has_value(); });
    if (!analysed) {
      throw UsageError("the store has no communities yet; run 'skein analyze' first");
    }
    diagram = render::restrict_to_community(diagram, *community);
    if (diagram.nodes.empty()) {
      throw UsageError("no entity in community " + std::to_string(*community) +
                       " (with these filters)");
    }
  }
  if (diagram.nodes.empty()) {
    std::cerr << "skein render: note: nothing to draw (the store is empty or the filters left "
                 "no entities)\n";
  }

  const auto result = render::render(diagram, options);
  for (const auto& note : result.notes) {
    std::cerr << "skein render: " << utf8::printable(note) << "\n";
  }
  if (output.empty()) {
    std::cout.write(result.bytes.data(), static_cast<std::streamsize>(result.bytes.size()));
    std::cout.flush();
    if (!std::cout) throw Error("cannot write to stdout");
  } else {
    write_file(output, result.bytes);
  }
  return exit_code::kSuccess;
}

const bool registered =
    register_command({"render", "draw the relationship graph as SVG, PNG, PDF or DOT", run});

}  // namespace
}  // namespace skein::cli
