// The browser view's export: its data block (read back with RapidJSON), the page around it,
// and the one-line refusal when the libraries are not installed. The page itself is driven in
// chromium by tests/web.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "ExportTestSupport.h"
#include "core/Error.h"
#include "exporters/Exporter.h"

namespace skein::exporters::test {
namespace {

// The hostile graph plus a name that would end a <script> element early.
graph::GraphView script_breaking_view() {
  graph::GraphView::Builder builder;
  graph::Node a;
  a.id = 1;
  a.label = "Person";
  a.name = "</script><script>alert(1)</script> <!-- x";
  a.aliases = {"</SCRIPT>"};
  builder.add_node(a);
  graph::Node b;
  b.id = 2;
  b.label = "Country";
  b.name = "Normal";
  builder.add_node(b);
  graph::Edge edge;
  edge.id = 7;
  edge.type = "met-with";
  edge.source = 0;
  edge.target = 1;
  edge.symmetric = true;
  edge.weight = 2;
  edge.first_seen = "2005-01-02";
  builder.add_edge(edge);
  return std::move(builder).build();
}

}  // namespace

TEST_CASE("The viewer data carries every entity and relation and no raw '<'", "[exporters]") {
  const auto view = hostile_view();
  std::ostringstream out;
  const auto summary = write_viewer_json({view}, out);
  const std::string text = out.str();
  CHECK(text.find('<') == std::string::npos);
  rapidjson::Document json;
  json.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(json.HasParseError());
  REQUIRE(json["nodes"].Size() == view.node_count());
  CHECK(json["edges"].Size() == view.edge_count());
  CHECK(summary.nodes == view.node_count());
  for (rapidjson::SizeType i = 0; i < json["nodes"].Size(); ++i) {
    CHECK(std::string(json["nodes"][i]["name"].GetString()) == hostile_names()[i]);
    CHECK(json["nodes"][i].HasMember("x"));
  }
  CHECK(std::string(json["meta"]["mode"].GetString()) == "file");
  CHECK(json["meta"]["label_colors"].HasMember("Person"));
  CHECK(std::string(json["meta"]["size_by"].GetString()) == "pagerank");
}

TEST_CASE("The HTML page inlines the libraries and cannot be broken out of", "[exporters]") {
  ScratchDir dir("html-export");
  const auto view = script_breaking_view();
  ExportOptions options;
  options.title = "<b>title</b>";
  const auto summary = export_graph(Format::kHtml, {view}, dir / "graph.html", options);
  CHECK(summary.nodes == 2);
  std::ifstream in(dir / "graph.html");
  const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(page.find("<title>&lt;b&gt;title&lt;/b&gt;</title>") != std::string::npos);
  const auto data = page.find("<script type=\"application/json\" id=\"skein-data\">");
  REQUIRE(data != std::string::npos);
  const auto end = page.find("</script>", data);
  const std::string block = page.substr(data, end - data);
  CHECK(block.find("alert(1)") != std::string::npos);  // the name is there, escaped
  CHECK(block.find("</") == std::string::npos);
  CHECK(page.find("graphology") != std::string::npos);
  CHECK(page.find("Sigma") != std::string::npos);
  CHECK(page.find("@@DATA@@") == std::string::npos);
  CHECK(page.find("src=\"http") == std::string::npos);  // nothing fetched from the network
}

TEST_CASE("Without the libraries the html export fails in one line and writes nothing",
          "[exporters]") {
  ScratchDir dir("html-missing");
  const auto view = script_breaking_view();
  ExportOptions options;
  options.web_dir = dir / "no-web";
  try {
    export_graph(Format::kHtml, {view}, dir / "graph.html", options);
    FAIL("the export should have failed");
  } catch (const Error& error) {
    const std::string message = error.what();
    CHECK(message.find("web/install.sh") != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(dir / "graph.html"));
}

}  // namespace skein::exporters::test
