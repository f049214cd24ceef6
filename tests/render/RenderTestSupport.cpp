#include "RenderTestSupport.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace skein::test {
namespace {

// Runs during static initialisation, before Catch2's main() and so before any test makes a
// Graphviz context: gvc would read its plugin list from $GVBINDIR/config6a, which must not
// matter to Skein.
const bool kGvbindirSet = [] { return setenv("GVBINDIR", "/nonexistent", 1) == 0; }();

}  // namespace

bool graphviz_plugin_dir_disabled() {
  const char* value = std::getenv("GVBINDIR");
  return kGvbindirSet && value != nullptr && std::strcmp(value, "/nonexistent") == 0;
}

std::string write_temp_file(const std::string& name, std::string_view bytes) {
  namespace fs = std::filesystem;
  const fs::path folder =
      fs::temp_directory_path() / ("skein-render-test-" + std::to_string(getpid()));
  fs::create_directories(folder);
  const fs::path path = folder / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return path.string();
}

std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  out += "'";
  return out;
}

int run(const std::string& command, std::string* output) {
  struct PipeCloser {
    void operator()(FILE* pipe) const noexcept { pclose(pipe); }
  };
  FILE* raw = popen(command.c_str(), "r");
  if (raw == nullptr) return -1;
  std::unique_ptr<FILE, PipeCloser> pipe(raw);
  std::array<char, 4096> buffer{};
  std::size_t got = 0;
  while ((got = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) {
    if (output != nullptr) output->append(buffer.data(), got);
  }
  const int status = pclose(pipe.release());
  if (status == -1 || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

render::Diagram news_diagram() {
  render::Diagram diagram;
  diagram.title = "Test news";
  auto node = [&](std::int64_t id, std::string name, std::string label) {
    render::DiagramNode out;
    out.id = id;
    out.name = std::move(name);
    out.label = std::move(label);
    diagram.nodes.push_back(std::move(out));
    return diagram.nodes.size() - 1;
  };
  const auto yoon = node(11, "Yoon Suk-yeol", "Person");
  diagram.nodes[yoon].aliases = {"President Yoon", "Yoon"};
  diagram.nodes[yoon].role = "President";
  const auto kishida = node(12, "Fumio Kishida", "Person");
  const auto ppp = node(13, "People Power Party", "Organization");
  const auto korea = node(14, "South Korea", "Country");
  const auto japan = node(15, "Japan", "Country");
  const auto seoul = node(16, "Seoul", "Place");
  auto edge = [&](std::int64_t id, std::size_t source, std::size_t target, std::string type,
                  bool directed, double weight) {
    render::DiagramEdge out;
    out.id = id;
    out.source = source;
    out.target = target;
    out.type = std::move(type);
    out.directed = directed;
    out.weight = weight;
    out.confidence = 0.9;
    diagram.edges.push_back(std::move(out));
    return diagram.edges.size() - 1;
  };
  const auto met = edge(101, yoon, kishida, "met-with", false, 4);
  for (int i = 1; i <= 4; ++i) {
    diagram.edges[met].evidence.push_back(
        {"Sentence number " + std::to_string(i) + " says Yoon met Kishida in Tokyo.",
         "corpus/doc" + std::to_string(i) + ".txt", "2023-03-1" + std::to_string(i)});
  }
  diagram.edges[met].first_seen = "2023-03-11";
  diagram.edges[met].last_seen = "2023-03-14";
  edge(102, yoon, ppp, "affiliated-with", true, 1);
  edge(103, korea, japan, "trades-with", false, 2);
  edge(104, seoul, korea, "located-in", true, 1);
  for (auto& n : diagram.nodes) n.degree = 0;
  for (const auto& e : diagram.edges) {
    ++diagram.nodes[e.source].degree;
    ++diagram.nodes[e.target].degree;
  }
  for (auto& n : diagram.nodes) n.score = static_cast<double>(n.degree);
  return diagram;
}

render::Diagram synthetic_diagram(std::size_t nodes) {
  static const char* kLabels[] = {"Person", "Organization", "Country", "Place"};
  static const char* kTypes[] = {"met-with", "affiliated-with", "trades-with", "located-in"};
  render::Diagram diagram;
  for (std::size_t i = 0; i < nodes; ++i) {
    render::DiagramNode node;
    node.id = static_cast<std::int64_t>(i + 1);
    node.name = std::string(kLabels[i % 4]) + " " + std::to_string(i + 1);
    node.label = kLabels[i % 4];
    diagram.nodes.push_back(std::move(node));
  }
  std::int64_t edge_id = 0;
  auto add = [&](std::size_t a, std::size_t b, std::size_t kind) {
    if (a == b) return;
    render::DiagramEdge edge;
    edge.id = ++edge_id;
    edge.source = a;
    edge.target = b;
    edge.type = kTypes[kind % 4];
    edge.directed = kind % 2 == 1;
    edge.weight = static_cast<double>(1 + kind % 3);
    diagram.edges.push_back(std::move(edge));
  };
  // A deterministic pseudo-random graph: a ring plus two chords per node (LCG, no <random>
  // so the graph is the same on every standard library).
  std::uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  };
  for (std::size_t i = 0; i < nodes; ++i) {
    add(i, (i + 1) % nodes, i);
    if (i % 2 == 0) add(i, static_cast<std::size_t>(next() % nodes), i + 1);
    add(i, static_cast<std::size_t>(next() % nodes), i + 2);
  }
  for (auto& n : diagram.nodes) n.degree = 0;
  for (const auto& e : diagram.edges) {
    ++diagram.nodes[e.source].degree;
    ++diagram.nodes[e.target].degree;
  }
  for (auto& n : diagram.nodes) n.score = static_cast<double>(n.degree);
  return diagram;
}

}  // namespace skein::test
