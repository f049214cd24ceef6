#include "ExportTestSupport.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/Sha256.h"

namespace skein::exporters::test {

const std::vector<std::string>& hostile_names() {
  static const std::vector<std::string> names = {
      "Quote \"double\" and 'single'",
      "Comma, Semicolon; Pipe| Colon:",
      "Line\nbreak\r\nCRLF\tTab",
      "<tag attr=\"x\"> & ampersand &amp; ]]>",
      "Back\\slash \\n not a newline \\",
      "\xF0\x9F\xA6\x8A Fox "
      "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",
      "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF \xD8\xA8\xD9\x86 \xD8\xB3\xD9\x84\xD9\x85\xD8\xA7\xD9\x86",
      "\xD7\x99\xD7\xA9\xD7\xA8\xD7\x90\xD7\x9C (\xE2\x80\x8F RTL mark)",
      "  padded  with  spaces  ",
      "[bracket, \"list\"] {brace: 1} `tick` $param",
  };
  return names;
}

graph::GraphView hostile_view() {
  const auto& names = hostile_names();
  const char* labels[] = {"Person", "Organization", "Country", "Place",     "Person",
                          "Person", "Organization", "Country", "geo place", "Person"};
  graph::GraphView::Builder builder;
  for (std::size_t i = 0; i < names.size(); ++i) {
    graph::Node node;
    node.id = static_cast<std::int64_t>(101 + i);
    node.label = labels[i];
    node.name = names[i];
    if (i == 0) node.aliases = {"alias, with comma", "quote\"d", "new\nline", "semi;colon"};
    if (i == 5) node.aliases = {"\xF0\x9F\xA6\x8A"};
    std::string props = "{\"pagerank\":" + std::to_string(0.05 + 0.01 * static_cast<double>(i)) +
                        ",\"community\":" + std::to_string(i % 3);
    if (i % 2 == 0) props += ",\"role\":\"minister \\\"of\\\" <things>\"";
    if (i == 1) props += ",\"verified\":true,\"tags\":[\"a,b\",\"c\\\"d\"],\"end\":\"keyword\"";
    if (i == 2) props += ",\"verified\":false,\"name\":\"clash\",\"weird key!\":7";
    if (i == 9) props = "{\"community\":2";  // no pagerank on the last node
    props += "}";
    node.props_json = props;
    builder.add_node(std::move(node));
  }
  auto edge = [&](graph::NodeIndex s, graph::NodeIndex t, const char* type, bool symmetric,
                  double weight, const char* first = "", const char* last = "") {
    graph::Edge e;
    e.id = 1000 + static_cast<std::int64_t>(s) * 20 + t +
           (std::string(type) == "trades-with" ? 500 : 0);
    e.type = type;
    e.source = s;
    e.target = t;
    e.symmetric = symmetric;
    e.weight = weight;
    e.confidence = weight >= 2 ? 0.95 : 0.6;
    e.first_seen = first;
    e.last_seen = last;
    builder.add_edge(std::move(e));
  };
  edge(0, 1, "met-with", true, 3, "2024-01-02", "2024-03-04");
  edge(1, 2, "trades-with", true, 1, "2024-02-01", "2024-02-01");
  edge(0, 3, "located-in", false, 2);
  edge(1, 3, "affiliated-with", false, 1, "2023-12-31", "2024-01-15");
  edge(0, 1, "trades-with", true, 1);
  for (graph::NodeIndex u = 3; u < 9; ++u) edge(u, u + 1, "met-with", true, 1);
  edge(9, 9, "met-with", true, 1);
  return std::move(builder).build();
}

Doc::Doc(std::string uri, std::string title, std::string text, std::string published) {
  e_.document.uri = std::move(uri);
  e_.document.title = std::move(title);
  e_.document.text = std::move(text);
  e_.document.published = std::move(published);
  e_.document.sha256 = sha256_hex(e_.document.text);
}

Doc& Doc::entity(const std::string& label, const std::string& key, const std::string& name) {
  Entity entity;
  entity.label = label;
  entity.key = key;
  entity.id = Entity::make_id(label, key);
  entity.name = name;
  const auto& text = e_.document.text;
  for (auto at = text.find(name); at != std::string::npos; at = text.find(name, at + 1))
    entity.mentions.push_back({{at, at + name.size()}, name});
  e_.entities.push_back(std::move(entity));
  return *this;
}

Doc& Doc::relation(const std::string& type, const std::string& source, const std::string& target,
                   const std::string& sentence, double confidence, const std::string& basis) {
  Relation relation;
  relation.type = type;
  relation.source = source;
  relation.target = target;
  relation.confidence = confidence;
  relation.basis = basis;
  const auto at = e_.document.text.find(sentence);
  REQUIRE(at != std::string::npos);
  relation.evidence.push_back(
      {{at, at + sentence.size()}, "rule \"" + type + "\"", sentence, confidence});
  e_.relations.push_back(std::move(relation));
  return *this;
}

ScratchDir::ScratchDir(const std::string& name) {
  static std::atomic<int> counter{0};
  path_ =
      std::filesystem::temp_directory_path() /
      ("skein-export-" + name + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

ProcessResult run_process(const std::string& command) {
  ScratchDir scratch("process");
  const std::string err = scratch / "stderr";
  ProcessResult result;
  FILE* pipe = popen((command + " 2>" + shell_quote(err)).c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[65536];
  std::size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, got);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.errors = read_file(err);
  return result;
}

std::string js_dir() { return std::string(SKEIN_SOURCE_DIR) + "/tests/exporters/js"; }
std::string clients_dir() { return std::string(SKEIN_SOURCE_DIR) + "/tests/exporters/clients"; }

ProcessResult run_node(const std::string& script, const std::vector<std::string>& args) {
  INFO("the npm clients are missing: run tests/exporters/js/install.sh");
  REQUIRE(std::filesystem::exists(js_dir() + "/node_modules/graphology-gexf"));
  std::string command = "node ";  // appended: `"..." + std::string&&` trips GCC 12 -Wrestrict
  command += shell_quote(js_dir() + "/" + script);
  for (const auto& arg : args) {
    command += ' ';
    command += shell_quote(arg);
  }
  return run_process(command);
}

ProcessResult run_python(const std::string& script, const std::vector<std::string>& args) {
  std::string command = "/usr/bin/python3 ";
  command += shell_quote(clients_dir() + "/" + script);
  for (const auto& arg : args) {
    command += ' ';
    command += shell_quote(arg);
  }
  return run_process(command);
}

}  // namespace skein::exporters::test
