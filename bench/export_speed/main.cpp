// bench_export_speed: time, output size and peak memory of every export format on a
// deterministic 100k-node / 1M-edge graph, with igraph's GraphML writer as the named peer.
//
// usage: bench_export_speed [--nodes N] [--edges M] [--layout-nodes N] [--out DIR] [--no-peer]
// --layout-nodes: size of the graph (3 edges per node) that the positions line lays out.
//
// Memory: the view is built first; then each format runs in a forked child that resets its
// peak-RSS counter (/proc/self/clear_refs "5"), exports, and reports VmHWM - VmRSS at start:
// the memory the export itself needed beyond the view. Streaming writers keep that flat.

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "exporters/Exporter.h"
#include "graph/GraphView.h"
#include "graph/Layout.h"

using namespace skein;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

long status_kib(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t length = std::strlen(field);
  while (std::getline(in, line)) {
    if (line.compare(0, length, field) == 0) return std::stol(line.substr(length + 1));
  }
  return -1;
}

void reset_peak() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
}

std::uint64_t directory_bytes(const fs::path& path) {
  if (fs::is_regular_file(path)) return fs::file_size(path);
  std::uint64_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(path)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

// Entity-like nodes (labels, names with punctuation, aliases, pagerank/community props) and
// a preferential-attachment edge list: hubs as in news graphs.
graph::GraphView make_view(std::size_t nodes, std::size_t edges) {
  const char* labels[] = {"Person", "Organization", "Country", "Place"};
  const char* types[] = {"met-with", "trades-with", "located-in", "affiliated-with"};
  std::mt19937_64 random(42);
  graph::GraphView::Builder builder;
  builder.reserve(nodes, edges);
  for (std::size_t i = 0; i < nodes; ++i) {
    graph::Node node;
    node.id = static_cast<std::int64_t>(i + 1);
    node.label = labels[i % 4];
    node.name = "Entity " + std::to_string(i) + " \"of\" Place, Inc.";
    if (i % 3 == 0) node.aliases = {"E" + std::to_string(i), "alias; " + std::to_string(i)};
    node.props_json = "{\"pagerank\":" + std::to_string(1.0 / static_cast<double>(i + 1)) +
                      ",\"community\":" + std::to_string(i % 97) + ",\"role\":\"member\"}";
    builder.add_node(std::move(node));
  }
  std::vector<graph::NodeIndex> endpoints;  // preferential attachment: pick a past endpoint
  endpoints.reserve(2 * edges);
  for (std::size_t e = 0; e < edges; ++e) {
    const auto u = static_cast<graph::NodeIndex>(e % nodes);
    graph::NodeIndex v;
    if (endpoints.empty() || random() % 2 == 0) {
      v = static_cast<graph::NodeIndex>(random() % nodes);
    } else {
      v = endpoints[random() % endpoints.size()];
    }
    if (v == u) v = static_cast<graph::NodeIndex>((u + 1) % nodes);
    graph::Edge edge;
    edge.id = static_cast<std::int64_t>(e + 1);
    edge.type = types[e % 4];
    edge.symmetric = e % 4 < 2;
    edge.source = edge.symmetric ? std::min(u, v) : u;
    edge.target = edge.symmetric ? std::max(u, v) : v;
    edge.weight = static_cast<double>(1 + random() % 5);
    edge.confidence = 0.5 + static_cast<double>(random() % 50) / 100.0;
    edge.first_seen = "2024-01-" + std::to_string(10 + random() % 20);
    edge.last_seen = "2024-03-" + std::to_string(10 + random() % 20);
    builder.add_edge(std::move(edge));
    endpoints.push_back(u);
    endpoints.push_back(v);
  }
  return std::move(builder).build();
}

struct Row {
  std::string name;
  double seconds = 0;
  std::uint64_t bytes = 0;
  long peak_growth_kib = 0;
  bool ok = false;
};

// Runs one export in a child; the child writes "seconds bytes growth" to a pipe.
Row measure(const std::string& name, exporters::Format format,
            const exporters::ExportOptions& options, const graph::GraphView& view,
            const fs::path& out) {
  Row row{name};
  int pipe_fd[2];
  if (pipe(pipe_fd) != 0) return row;
  const pid_t child = fork();
  if (child == 0) {
    close(pipe_fd[0]);
    reset_peak();
    const long base = status_kib("VmRSS:");
    const auto start = Clock::now();
    exporters::export_graph(format, {view}, out.string(), options);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const long growth = status_kib("VmHWM:") - base;
    char buffer[128];
    const int length = std::snprintf(buffer, sizeof buffer, "%f %ld", seconds, growth);
    if (write(pipe_fd[1], buffer, static_cast<std::size_t>(length)) < 0) _exit(2);
    _exit(0);
  }
  close(pipe_fd[1]);
  char buffer[128] = {};
  const auto got = read(pipe_fd[0], buffer, sizeof buffer - 1);
  close(pipe_fd[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (got > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    std::sscanf(buffer, "%lf %ld", &row.seconds, &row.peak_growth_kib);
    row.bytes = directory_bytes(out);
    row.ok = true;
  }
  return row;
}

}  // namespace

// Positions for a ~2,000-node graph (the largest that `auto` lays out by force): the Layout
// alone, and a GEXF export with positions against the same export without them; igraph's
// force-directed layouts on the same edges as the named peer.
void layout_speed(const fs::path& out, bool peer, std::size_t nodes) {
  const auto view = make_view(nodes, 3 * nodes);
  std::printf("\npositions: %zu nodes, %zu edges\n", view.node_count(), view.edge_count());
  double layout_s = 1e300, layout_cpu_s = 1e300;
  for (int i = 0; i < 3; ++i) {
    const auto start = Clock::now();
    const std::clock_t cpu_start = std::clock();
    const auto result = graph::Layout(view).run();
    layout_cpu_s =
        std::min(layout_cpu_s, static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
    layout_s = std::min(layout_s, std::chrono::duration<double>(Clock::now() - start).count());
    if (result.x.size() != view.node_count())
      std::printf("layout returned %zu positions\n", result.x.size());
  }
  exporters::ExportOptions with, without;
  with.layout = exporters::LayoutKind::kForce;
  without.layout = exporters::LayoutKind::kNone;
  const Row positioned =
      measure("gexf + positions", exporters::Format::kGexf, with, view, out / "positioned.gexf");
  const Row bare =
      measure("gexf, no positions", exporters::Format::kGexf, without, view, out / "bare.gexf");
  // CPU time beside wall time: on a shared machine the wall clock mostly measures the others.
  std::printf(
      "graph::Layout (Barnes-Hut, default options): %.3f s wall, %.3f s CPU  [target <= 1 s: %s]\n",
      layout_s, layout_cpu_s, layout_s <= 1.0 ? "PASS" : "FAIL");
  std::printf("gexf export with positions %.3f s, without %.3f s  [with positions <= 1 s: %s]\n",
              positioned.seconds, bare.seconds,
              positioned.ok && positioned.seconds <= 1.0 ? "PASS" : "FAIL");
  if (!peer) return;
  const fs::path edge_list = out / "layout-edges.txt";
  {
    std::ofstream list(edge_list);
    for (const auto& edge : view.edges()) list << edge.source << ' ' << edge.target << '\n';
  }
  const std::string command =
      "/usr/bin/python3 " + std::string(SKEIN_BENCH_LAYOUT_PEER) + " " + edge_list.string();
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[256] = {};
  const std::size_t got = pipe != nullptr ? std::fread(buffer, 1, sizeof buffer - 1, pipe) : 0;
  const int status = pipe != nullptr ? pclose(pipe) : -1;
  double fr = 0, drl = 0;
  if (got > 0 && status == 0 &&
      std::sscanf(buffer, "{\"fr_s\": %lf, \"drl_s\": %lf}", &fr, &drl) == 2) {
    std::printf(
        "igraph layout_fruchterman_reingold %.3f s (%.1fx ours), layout_drl %.3f s (%.1fx ours)\n",
        fr, fr / layout_s, drl, drl / layout_s);
  } else {
    std::printf("igraph layout peer unavailable (python3-igraph missing?)\n");
  }
}

int main(int argc, char** argv) {
  std::size_t nodes = 100000, edges = 1000000, layout_nodes = 2000;
  fs::path out = fs::temp_directory_path() / "skein-bench-export";
  bool peer = true;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--nodes" && i + 1 < argc)
      nodes = std::stoul(argv[++i]);
    else if (arg == "--edges" && i + 1 < argc)
      edges = std::stoul(argv[++i]);
    else if (arg == "--out" && i + 1 < argc)
      out = argv[++i];
    else if (arg == "--layout-nodes" && i + 1 < argc)
      layout_nodes = std::stoul(argv[++i]);
    else if (arg == "--no-peer")
      peer = false;
    else {
      std::cerr << "usage: bench_export_speed [--nodes N] [--edges M] [--layout-nodes N] [--out "
                   "DIR] [--no-peer]\n";
      return 1;
    }
  }
  fs::remove_all(out);
  fs::create_directories(out);
  const long rss_before = status_kib("VmRSS:");
  const auto build_start = Clock::now();
  const auto view = make_view(nodes, edges);
  const double build_seconds = std::chrono::duration<double>(Clock::now() - build_start).count();
  const long view_kib = status_kib("VmRSS:") - rss_before;
  std::printf("graph: %zu nodes, %zu edges; view built in %.2f s, holds %.0f MiB (RSS growth)\n\n",
              view.node_count(), view.edge_count(), build_seconds,
              static_cast<double>(view_kib) / 1024.0);

  struct Case {
    const char* name;
    exporters::Format format;
    const char* path;
    exporters::ExportOptions options;
  };
  exporters::ExportOptions defaults;
  exporters::ExportOptions d3 = defaults;
  d3.json_style = exporters::JsonStyle::kD3;
  exporters::ExportOptions gexf12 = defaults;
  gexf12.gexf_version = "1.2";
  const std::vector<Case> cases = {
      {"neo4j (CSV dir)", exporters::Format::kNeo4j, "neo4j", defaults},
      {"cypher", exporters::Format::kCypher, "graph.cypher", defaults},
      {"gexf 1.3", exporters::Format::kGexf, "graph.gexf", defaults},
      {"gexf 1.2", exporters::Format::kGexf, "graph-1.2.gexf", gexf12},
      {"graphml", exporters::Format::kGraphml, "graph.graphml", defaults},
      {"json cytoscape", exporters::Format::kJson, "cytoscape.json", defaults},
      {"json d3", exporters::Format::kJson, "d3.json", d3},
      {"csv (Gephi)", exporters::Format::kCsv, "csv", defaults},
  };
  std::printf("%-16s %9s %10s %9s %16s\n", "format", "seconds", "MiB out", "MB/s",
              "peak +MiB (view)");
  double graphml_seconds = 0;
  for (const auto& c : cases) {
    const Row row = measure(c.name, c.format, c.options, view, out / c.path);
    if (!row.ok) {
      std::printf("%-16s FAILED\n", c.name);
      continue;
    }
    if (c.format == exporters::Format::kGraphml) graphml_seconds = row.seconds;
    const double mib = static_cast<double>(row.bytes) / (1024.0 * 1024.0);
    std::printf("%-16s %9.2f %10.1f %9.1f %9.1f (%.0f)\n", c.name, row.seconds, mib,
                static_cast<double>(row.bytes) / 1e6 / row.seconds,
                static_cast<double>(row.peak_growth_kib) / 1024.0,
                static_cast<double>(view_kib) / 1024.0);
  }
  if (peer) {
    const fs::path edge_list = out / "edges.txt";
    {
      std::ofstream list(edge_list);
      for (const auto& edge : view.edges()) list << edge.source << ' ' << edge.target << '\n';
    }
    const std::string command = "/usr/bin/python3 " + std::string(SKEIN_BENCH_PEER) + " " +
                                edge_list.string() + " " + (out / "igraph.graphml").string();
    std::printf("\npeer: %s\n", command.c_str());
    FILE* pipe = popen(command.c_str(), "r");
    char buffer[512] = {};
    const std::size_t got = pipe != nullptr ? std::fread(buffer, 1, sizeof buffer - 1, pipe) : 0;
    const int status = pipe != nullptr ? pclose(pipe) : -1;
    double load = 0, write_s = 0;
    unsigned long long bytes = 0;
    if (got > 0 && status == 0 &&
        std::sscanf(buffer, "{\"load_s\": %lf, \"write_s\": %lf, \"bytes\": %llu}", &load, &write_s,
                    &bytes) == 3) {
      std::printf(
          "igraph write_graphml: %.2f s for %.1f MiB (fewer attributes); skein graphml / igraph = "
          "%.2fx\n",
          write_s, static_cast<double>(bytes) / (1024.0 * 1024.0), graphml_seconds / write_s);
    } else {
      std::printf("igraph peer unavailable (python3-igraph missing?)\n");
    }
  }
  layout_speed(out, peer, layout_nodes);
  fs::remove_all(out);
  return 0;
}
