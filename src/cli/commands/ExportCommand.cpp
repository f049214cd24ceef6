// skein export: the graph (through the shared GraphView filters) written for Neo4j, Gephi and
// web viewers. All logic lives in exporters/; this file maps options and prints a summary.

#include <algorithm>
#include <iostream>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/Common.h"
#include "cli/GraphOptions.h"
#include "cli/ProgressLine.h"
#include "core/Error.h"
#include "exporters/Exporter.h"
#include "graph/GraphView.h"

namespace skein::cli {
namespace {

int run(const std::vector<std::string>& args) {
  std::string db = kDefaultStore;
  graph::GraphFilter filter;
  std::vector<std::string> positionals;
  std::string output, gexf_version = "1.3", style = "cytoscape", layout = "auto";
  int batch = 500, evidence = 5;
  std::string title = "Skein graph";
  bool no_provenance = false;
  bool quiet = false;
  ArgParser parser(
      "export FORMAT [options]",
      "Writes the graph for other tools. FORMAT is one of:\n"
      "  neo4j    a directory of neo4j-admin import CSVs (entities, relations, documents,\n"
      "           evidence) with import.sh\n"
      "  cypher   one idempotent Cypher script (constraints, then batched MERGE)\n"
      "  gexf     GEXF 1.3 for Gephi (layout, colours, sizes, dynamic spells)\n"
      "  graphml  GraphML (NetworkX, igraph, Gephi, yEd)\n"
      "  json     Cytoscape.js elements, or --style d3 / jgf\n"
      "  csv      Gephi spreadsheet CSVs: a directory with nodes.csv and edges.csv\n"
      "  html     one self-contained page to explore the graph in a browser (sigma.js, WebGL):\n"
      "           search, filters, evidence per relation, paths; needs web/install.sh\n"
      "Single-file formats go to stdout unless -o is given; neo4j and csv need a directory.");
  add_store_option(parser, db);
  parser.positionals("FORMAT", "neo4j, cypher, gexf, graphml, json, csv or html", positionals, 1, 1)
      .option("-o,--output", "PATH", "file (or directory for neo4j/csv) to write", output)
      .option("--gexf-version", "V", "1.3, or 1.2 for older readers (NetworkX)", gexf_version)
      .option("--style", "STYLE", "json shape: cytoscape, d3 or jgf", style)
      .option("--layout", "KIND", "node positions: auto, force, spiral or none", layout)
      .option("--batch", "N", "rows per UNWIND statement in the cypher script", batch)
      .option("--evidence", "N",
              "sentences per relation in gexf, graphml, json, csv, html (0 = none)", evidence)
      .option("--title", "TEXT", "html: the page title", title)
      .flag("--no-provenance", "leave documents, mentions and evidence out", no_provenance)
      .flag("-q,--quiet", "no progress line on a terminal", quiet);
  add_graph_filter_options(parser, filter);
  parser.epilog(
      "Layout 'auto' is force-directed up to 2000 entities and a spiral by community and rank\n"
      "beyond. See exports/<format>/README.md for loading each format.\n"
      "examples:\n"
      "  skein export neo4j -o out/neo4j && out/neo4j/import.sh\n"
      "  skein export cypher -o graph.cypher\n"
      "  skein export gexf --focus 'Yoon Suk-yeol' --depth 2 -o yoon.gexf\n"
      "  skein export json --style d3 > graph.json\n"
      "  skein export html --top 2000 -o graph.html   (open it from disk, no server needed)\n");
  if (!parser.parse(args)) return 0;

  const auto format = exporters::parse_format(positionals[0]);
  if (!format) {
    throw UsageError("unknown export format '" + positionals[0] +
                     "' (expected neo4j, cypher, gexf, graphml, json, csv or html)");
  }
  exporters::ExportOptions options;
  options.gexf_version = gexf_version;
  if (gexf_version != "1.3" && gexf_version != "1.2") {
    throw UsageError("--gexf-version must be 1.3 or 1.2, not '" + gexf_version + "'");
  }
  const auto json_style = exporters::parse_json_style(style);
  if (!json_style) throw UsageError("--style must be cytoscape, d3 or jgf, not '" + style + "'");
  options.json_style = *json_style;
  const auto layout_kind = exporters::parse_layout(layout);
  if (!layout_kind)
    throw UsageError("--layout must be auto, force, spiral or none, not '" + layout + "'");
  options.layout = *layout_kind;
  if (batch < 1) throw UsageError("--batch must be at least 1");
  options.cypher_batch_rows = static_cast<std::size_t>(batch);
  if (evidence < 0) throw UsageError("--evidence must not be negative");
  options.evidence_per_edge = static_cast<std::size_t>(evidence);
  options.title = title;
  options.provenance = !no_provenance;
  if (output.empty()) {
    output = exporters::writes_directory(*format)
                 ? "skein-" + std::string(exporters::format_name(*format))
                 : "-";
  }

  auto store = open_existing_store(db);
  const auto view = load_graph(store, filter);
  ProgressLine progress_line(!quiet);
  std::string last_stage;
  options.on_progress = [&](const exporters::ExportProgress& at) {
    // A new stage is drawn at once: the layout tells only its start, then runs a while.
    const bool new_stage = at.stage != last_stage;
    if (!progress_line.due() && !(new_stage && progress_line.enabled())) return;
    const std::string stage(at.stage);
    last_stage = stage;
    progress_line.draw(stage == "layout" ? "laying out " + std::to_string(at.total) + " entities"
                                         : stage + " " + std::to_string(at.done) + " of " +
                                               std::to_string(at.total));
  };
  const auto summary = exporters::export_graph(*format, {view, &store, &filter}, output, options);
  progress_line.clear();
  std::cerr << "skein export: " << summary.nodes << " entities, " << summary.edges << " relations";
  if (filter.co_mention) {
    const auto links = std::count_if(view.edges().begin(), view.edges().end(),
                                     [](const auto& e) { return e.type == store::kCoMentionType; });
    std::cerr << " (" << links << " of them co-mention links)";
  }
  if (summary.documents + summary.evidence > 0) {
    std::cerr << ", " << summary.documents << " documents, " << summary.evidence << " evidence";
  }
  std::cerr << " -> " << (output == "-" ? "stdout" : output) << "\n";
  return exit_code::kSuccess;
}

const bool registered =
    register_command({"export", "write the graph for Neo4j, Gephi or the web", run});

}  // namespace
}  // namespace skein::cli
