#pragma once
// Test support: a temporary directory, weighted random graphs, and a runner for the NetworkX
// oracle script (tests/graph/networkx_oracle.py) whose JSON answer the tests compare with.

#include <rapidjson/document.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph/Generators.h"
#include "graph/GraphView.h"

namespace skein::graph::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device entropy;
    path_ = std::filesystem::temp_directory_path() /
            ("skein-graph-test-" + std::to_string(entropy()) + std::to_string(entropy()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct WeightedGraph {
  std::size_t n = 0;
  generate::EdgeList edges;
  std::vector<double> weights;
  GraphView view() const { return GraphView::from_edges(n, edges, weights); }
};

// Integer weights 1..5 drawn from `seed` (integers keep float sums exact).
inline WeightedGraph with_weights(std::size_t n, generate::EdgeList edges, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  WeightedGraph g;
  g.n = n;
  for (std::size_t i = 0; i < edges.size(); ++i)
    g.weights.push_back(static_cast<double>(1 + rng() % 5));
  g.edges = std::move(edges);
  return g;
}

// Runs the oracle on `graph` (and a partition, if given) and returns its parsed JSON. Throws
// (failing the test) when python3 or NetworkX is missing or the script fails.
inline rapidjson::Document run_oracle(const WeightedGraph& graph,
                                      const std::vector<std::uint32_t>& partition = {}) {
  TempDir dir;
  const auto graph_file = dir.path() / "graph.txt";
  {
    std::ofstream out(graph_file);
    out << graph.n << "\n";
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
      out << graph.edges[i].first << " " << graph.edges[i].second << " " << graph.weights[i]
          << "\n";
    }
  }
  std::string command = "/usr/bin/python3 " SKEIN_SOURCE_DIR "/tests/graph/networkx_oracle.py ";
  command += graph_file.string();
  if (!partition.empty()) {
    const auto partition_file = dir.path() / "partition.txt";
    std::ofstream out(partition_file);
    for (auto c : partition) out << c << "\n";
    command += ' ';
    command += partition_file.string();
  }
  struct Closer {
    void operator()(FILE* f) const { pclose(f); }
  };
  std::unique_ptr<FILE, Closer> pipe(popen(command.c_str(), "r"));
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string text;
  char buffer[65536];
  std::size_t got;
  while ((got = fread(buffer, 1, sizeof buffer, pipe.get())) > 0) text.append(buffer, got);
  const int status = pclose(pipe.release());
  if (status != 0) {
    throw std::runtime_error("NetworkX oracle failed (is python3-networkx installed?): " + command);
  }
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  if (doc.HasParseError() || !doc.IsObject()) throw std::runtime_error("oracle printed no JSON");
  return doc;
}

}  // namespace skein::graph::testing
