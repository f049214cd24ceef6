// The in-process Graphviz engine: built-in plugins, no plugin config file, errors as
// exceptions, reproducible SVG.

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "RenderTestSupport.h"
#include "core/Error.h"
#include "render/GraphvizEngine.h"

using skein::render::GraphvizEngine;
using skein::render::ImageFormat;
using skein::render::LayoutEngine;

namespace {

// a -> b, b -- c: the smallest graph with a label and two edges.
const char* kSmallDot =
    "digraph g { node [fontname=\"DejaVu Sans\"]; a [label=\"Alpha\"]; b; c; a -> b; b -> c "
    "[dir=none]; }";

}  // namespace

TEST_CASE("the test process runs with GVBINDIR pointing nowhere", "[render]") {
  REQUIRE(skein::test::graphviz_plugin_dir_disabled());
}

TEST_CASE("GVBINDIR=/nonexistent really disables Graphviz's plugin config (the CLI fails)",
          "[render]") {
  // The control for the test below: the same environment makes the stock CLI unusable.
  const std::string dot = skein::test::write_temp_file("control.dot", kSmallDot);
  std::string output;
  const int status = skein::test::run(
      "GVBINDIR=/nonexistent dot -Tsvg " + skein::test::shell_quote(dot) + " 2>&1", &output);
  CHECK((status != 0 || output.find("not recognized") != std::string::npos));
  CHECK(output.find("<svg") == std::string::npos);
}

TEST_CASE("every layout engine renders SVG without a plugin config file", "[render]") {
  REQUIRE(skein::test::graphviz_plugin_dir_disabled());
  GraphvizEngine engine;
  for (auto layout : {LayoutEngine::kDot, LayoutEngine::kNeato, LayoutEngine::kFdp,
                      LayoutEngine::kSfdp, LayoutEngine::kCirco, LayoutEngine::kTwopi}) {
    INFO("engine " << to_string(layout));
    std::string svg = engine.render(kSmallDot, layout, ImageFormat::kSvg);
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(svg.find("</svg>") != std::string::npos);
    CHECK(svg.find(">Alpha</text>") != std::string::npos);
    CHECK(skein::test::count(svg, "<g id=\"node") == 3);
    CHECK(skein::test::count(svg, "class=\"edge\"") == 2);
  }
}

TEST_CASE("PNG and PDF come out of the built-in cairo plugin", "[render]") {
  GraphvizEngine engine;
  std::string png = engine.render(kSmallDot, LayoutEngine::kDot, ImageFormat::kPng);
  REQUIRE(png.size() > 8);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  std::string pdf = engine.render(kSmallDot, LayoutEngine::kDot, ImageFormat::kPdf);
  CHECK(pdf.rfind("%PDF-", 0) == 0);
}

TEST_CASE("the built-in plugin table provides the layouts and formats Skein uses", "[render]") {
  GraphvizEngine engine;
  auto layouts = engine.plugins("layout");
  for (const char* name : {"dot", "neato", "fdp", "sfdp", "circo", "twopi"}) {
    INFO(name);
    CHECK(std::find(layouts.begin(), layouts.end(), name) != layouts.end());
  }
  auto devices = engine.plugins("device");
  for (const char* name : {"svg", "png", "pdf"}) {
    INFO(name);
    CHECK(std::find(devices.begin(), devices.end(), name) != devices.end());
  }
}

TEST_CASE("the same DOT renders the same SVG bytes twice", "[render]") {
  GraphvizEngine engine;
  CHECK(engine.render(kSmallDot, LayoutEngine::kDot, ImageFormat::kSvg) ==
        engine.render(kSmallDot, LayoutEngine::kDot, ImageFormat::kSvg));
  GraphvizEngine other;
  CHECK(engine.render(kSmallDot, LayoutEngine::kSfdp, ImageFormat::kSvg) ==
        other.render(kSmallDot, LayoutEngine::kSfdp, ImageFormat::kSvg));
}

TEST_CASE("a DOT syntax error is an input error naming the source and the line", "[render]") {
  GraphvizEngine engine;
  try {
    engine.render("digraph g {\n a -> ;\n}", LayoutEngine::kDot, ImageFormat::kSvg, "broken.dot");
    FAIL("no error");
  } catch (const skein::InputError& error) {
    std::string message = error.what();
    CHECK(message.rfind("broken.dot: ", 0) == 0);
    CHECK(message.find("line 2") != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  }
  // The parser recovers: the next graph parses and renders.
  CHECK_NOTHROW(engine.render(kSmallDot, LayoutEngine::kDot, ImageFormat::kSvg));
}

TEST_CASE("a NUL byte inside the DOT text is refused, not truncated", "[render]") {
  GraphvizEngine engine;
  std::string dot = "digraph g { a; }";
  dot.insert(12, 1, '\0');
  CHECK_THROWS_AS(engine.render(dot, LayoutEngine::kDot, ImageFormat::kSvg), skein::InputError);
}

TEST_CASE("engines used from several threads render one after another correctly", "[render]") {
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&results, i] {
      GraphvizEngine engine;
      for (int round = 0; round < 3; ++round) {
        results[i] = engine.render(kSmallDot, LayoutEngine::kDot, ImageFormat::kSvg);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& svg : results) CHECK(svg == results.front());
  CHECK(results.front().find("</svg>") != std::string::npos);
}
