// bench_web_viewer: how the browser view copes with 20,000 entities.
//
// usage: bench_web_viewer [--nodes N] [--edges M] [--out DIR] [--no-peer]
//
// Builds a deterministic entity-like graph (labels, names, aliases, PageRank and community
// props, preferential-attachment relations), writes it with `export html` (the page a user
// opens) and `export json` (Cytoscape elements, the peer's input), then runs measure.mjs in
// headless chromium (SwiftShader WebGL, no GPU) for both: time from navigation to the first
// frame drawn, and frame times during a one-second mouse drag (a pan). Prints the figures, the
// ratios sigma.js / Cytoscape.js, and PASS/FAIL for the targets (page <= 30 MB, first draw
// <= 5 s). Needs web/install.sh and, for the peer, tests/exporters/js/install.sh (Cytoscape).

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "exporters/Exporter.h"
#include "graph/GraphView.h"

using namespace skein;
namespace fs = std::filesystem;

namespace {

graph::GraphView make_view(std::size_t nodes, std::size_t edges) {
  const char* labels[] = {"Person", "Organization", "Country", "Place"};
  const char* types[] = {"met-with", "trades-with", "located-in", "affiliated-with"};
  std::mt19937_64 random(7);
  graph::GraphView::Builder builder;
  builder.reserve(nodes, edges);
  for (std::size_t i = 0; i < nodes; ++i) {
    graph::Node node;
    node.id = static_cast<std::int64_t>(i + 1);
    node.label = labels[i % 4];
    node.name = std::string(labels[i % 4]) + " " + std::to_string(i);
    if (i % 3 == 0) node.aliases = {"E" + std::to_string(i)};
    node.props_json = "{\"pagerank\":" + std::to_string(1.0 / static_cast<double>(i + 1)) +
                      ",\"community\":" + std::to_string(i % 41) + "}";
    builder.add_node(std::move(node));
  }
  std::vector<graph::NodeIndex> endpoints;
  for (std::size_t e = 0; e < edges; ++e) {
    const auto u = static_cast<graph::NodeIndex>(e % nodes);
    auto v = endpoints.empty() || random() % 2 == 0
                 ? static_cast<graph::NodeIndex>(random() % nodes)
                 : endpoints[random() % endpoints.size()];
    if (v == u) v = static_cast<graph::NodeIndex>((u + 1) % nodes);
    graph::Edge edge;
    edge.id = static_cast<std::int64_t>(e + 1);
    edge.type = types[e % 4];
    edge.symmetric = e % 4 < 2;
    edge.source = u;
    edge.target = v;
    edge.weight = static_cast<double>(1 + random() % 5);
    edge.confidence = 0.9;
    builder.add_edge(std::move(edge));
    endpoints.push_back(u);
    endpoints.push_back(v);
  }
  return std::move(builder).build();
}

double load_average() {
  std::ifstream in("/proc/loadavg");
  double value = 0;
  in >> value;
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t nodes = 20000, edges = 40000;
  std::string out = "bench-web-viewer";
  bool peer = true;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--nodes" && i + 1 < argc) {
      nodes = std::stoul(argv[++i]);
    } else if (arg == "--edges" && i + 1 < argc) {
      edges = std::stoul(argv[++i]);
    } else if (arg == "--out" && i + 1 < argc) {
      out = argv[++i];
    } else if (arg == "--no-peer") {
      peer = false;
    } else {
      std::cerr << "usage: bench_web_viewer [--nodes N] [--edges M] [--out DIR] [--no-peer]\n";
      return 2;
    }
  }
  fs::create_directories(out);
  const auto view = make_view(nodes, edges);
  exporters::ExportOptions options;
  options.title = "bench: " + std::to_string(nodes) + " entities";
  const auto html = (fs::path(out) / "graph.html").string();
  const auto json = (fs::path(out) / "graph.cyjs.json").string();
  const auto started = std::chrono::steady_clock::now();
  try {
    exporters::export_graph(exporters::Format::kHtml, {view}, html, options);
  } catch (const std::exception& error) {
    std::cerr << "bench_web_viewer: " << error.what() << "\n";
    return 1;
  }
  const double export_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  exporters::export_graph(exporters::Format::kJson, {view}, json, options);
  const double megabytes = static_cast<double>(fs::file_size(html)) / 1e6;
  std::printf("graph: %zu entities, %zu relations (load average %.2f)\n", view.node_count(),
              view.edge_count(), load_average());
  std::printf("export html: %.2f s, %.2f MB -> %s\n", export_s, megabytes, html.c_str());
  std::printf("%s page size <= 30 MB\n", megabytes <= 30 ? "PASS" : "FAIL");
  std::fflush(stdout);
  std::string command =
      "node '" SKEIN_BENCH_MEASURE "' --html '" + fs::absolute(html).string() + "'";
  if (peer) command += " --cytoscape '" + fs::absolute(json).string() + "'";
  const int status = std::system(command.c_str());
  return status == 0 ? 0 : 1;
}
