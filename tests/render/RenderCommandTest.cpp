// `skein render` end to end: the built binary on a store made from the example articles.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "RenderTestSupport.h"

using skein::test::count;
using skein::test::run;
using skein::test::shell_quote;

namespace {

const std::string kSkein = SKEIN_BINARY;

// One store for the whole process: the examples ingested and analysed once.
const std::string& example_store() {
  static const std::string path = [] {
    const std::string db = skein::test::write_temp_file("examples.db", "");
    std::filesystem::remove(db);
    const std::string articles = std::string(SKEIN_SOURCE_DIR) + "/examples/articles";
    run(shell_quote(kSkein) + " ingest --quiet --db " + shell_quote(db) + " " +
        shell_quote(articles) + " >/dev/null 2>&1");
    run(shell_quote(kSkein) + " analyze --db " + shell_quote(db) + " >/dev/null 2>&1");
    return db;
  }();
  return path;
}

// Runs `skein render --db STORE ARGS`; stdout (and stderr when `merge`) into `output`.
int render(const std::string& args, std::string* output = nullptr, bool merge = false) {
  return run(shell_quote(kSkein) + " render --db " + shell_quote(example_store()) + " " + args +
                 (merge ? " 2>&1" : " 2>/dev/null"),
             output);
}

std::string read_file(const std::string& path) {
  std::string out;
  run("cat " + shell_quote(path), &out);
  return out;
}

}  // namespace

TEST_CASE("skein render writes SVG named by -o, in-process with no plugin config",
          "[render][cli]") {
  REQUIRE(skein::test::graphviz_plugin_dir_disabled());  // inherited by the child process
  const std::string out = skein::test::write_temp_file("cli.svg", "");
  std::string messages;
  REQUIRE(render("-o " + shell_quote(out), &messages, true) == 0);
  const std::string svg = read_file(out);
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(run("xmllint --noout --nonet " + shell_quote(out)) == 0);
  CHECK(count(svg, "class=\"node\"") > 20);
  CHECK(count(svg, "class=\"edge\"") > 20);
  CHECK(svg.find("Skein") == std::string::npos);  // no --title given: no title row
  // Edge tooltips quote the supporting sentence with the document it came from.
  CHECK(svg.find("examples/articles/") != std::string::npos);
  CHECK(svg.find("sentence") != std::string::npos);
}

TEST_CASE("skein render picks the format from the extension or --format", "[render][cli]") {
  const std::string png = skein::test::write_temp_file("cli.png", "");
  REQUIRE(render("-o " + shell_quote(png)) == 0);
  CHECK(read_file(png).compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  std::string dot;
  REQUIRE(render("--format dot", &dot) == 0);
  CHECK(dot.rfind("// Skein relationship diagram", 0) == 0);
  std::string pdf;
  REQUIRE(render("--format pdf 2>/dev/null | head -c 5", &pdf) == 0);
  CHECK(pdf == "%PDF-");
}

TEST_CASE("skein render refuses unknown formats and binary output to a terminal", "[render][cli]") {
  std::string message;
  CHECK(render("-o graph.jpeg", &message, true) == 1);
  CHECK(message.find("cannot tell the format from 'graph.jpeg'") != std::string::npos);
  message.clear();
  CHECK(render("--layout spring", &message, true) == 1);
  CHECK(message.find("--layout must be") != std::string::npos);
  // script(1) gives the command a terminal as stdout.
  message.clear();
  const std::string command =
      shell_quote(kSkein) + " render --db " + shell_quote(example_store()) + " --format png";
  const int status = run("script -qec " + shell_quote(command) + " /dev/null", &message);
  CHECK(status == 1);
  CHECK(message.find("will not write png to a terminal") != std::string::npos);
}

TEST_CASE("skein render --focus draws only the neighbourhood", "[render][cli]") {
  std::string all, focused;
  REQUIRE(render("--format dot", &all) == 0);
  REQUIRE(render("--format dot --focus 'South Korea' --depth 1", &focused) == 0);
  const auto nodes = [](const std::string& dot) { return count(dot, "[id=\"n"); };
  CHECK(nodes(focused) >= 5);
  CHECK(nodes(focused) < nodes(all));
  CHECK(focused.find("label=\"South Korea\"") != std::string::npos);
  CHECK(focused.find("label=\"Brazil\"") == std::string::npos);
}

TEST_CASE("skein render --community and --color-by community use the analysis", "[render][cli]") {
  std::string dot;
  REQUIRE(render("--format dot --color-by community", &dot) == 0);
  CHECK(dot.find("fill colour: community") != std::string::npos);
  // Community ids are numbered from 0 after analyze, so community 0 always exists.
  std::string one;
  REQUIRE(render("--format dot --community 0", &one) == 0);
  CHECK(count(one, "[id=\"n") >= 2);
  CHECK(count(one, "[id=\"n") < count(dot, "[id=\"n"));
  std::string message;
  CHECK(render("--community 999999 --format dot", &message, true) == 1);
  CHECK(message.find("no entity in community 999999") != std::string::npos);
}

TEST_CASE("skein render refuses more nodes than a picture can show", "[render][cli]") {
  std::string message;
  CHECK(render("--format svg --max-nodes 5", &message, true) == 1);
  CHECK(message.find("more than a picture can show") != std::string::npos);
  CHECK(message.find("--top") != std::string::npos);
}

TEST_CASE("skein render output is the same bytes twice", "[render][cli]") {
  std::string first, second;
  REQUIRE(render("--format svg", &first) == 0);
  REQUIRE(render("--format svg", &second) == 0);
  CHECK(first == second);
  CHECK(first.size() > 10000);
}

TEST_CASE("Graphviz is loaded only when a picture is drawn", "[render][cli]") {
  // LD_DEBUG=files makes the dynamic loader name every library it loads, on stderr.
  const auto libraries_loaded = [](const std::string& command) {
    std::string log;
    run("LD_DEBUG=files " + command + " 2>&1 >/dev/null", &log);
    return log;
  };
  const std::string stats =
      libraries_loaded(shell_quote(kSkein) + " stats --db " + shell_quote(example_store()));
  CHECK(stats.find("libsqlite3") != std::string::npos);  // the log does list libraries
  CHECK(stats.find("libgvc") == std::string::npos);
  CHECK(stats.find("libcairo") == std::string::npos);
  const std::string dot = libraries_loaded(shell_quote(kSkein) + " render --format dot --db " +
                                           shell_quote(example_store()));
  CHECK(dot.find("libgvc") == std::string::npos);  // DOT is written by Skein itself
  const std::string svg = libraries_loaded(shell_quote(kSkein) + " render --format svg --db " +
                                           shell_quote(example_store()));
  CHECK(svg.find("libgvc.so") != std::string::npos);
  CHECK(svg.find("libgvplugin_pango.so") != std::string::npos);
}
