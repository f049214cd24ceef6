// DotWriter: escaping, determinism, style, and DOT that Graphviz's own parser accepts.

#include <catch2/catch.hpp>
#include <string>

#include "RenderTestSupport.h"
#include "render/DotWriter.h"

using namespace skein::render;
using skein::test::count;

TEST_CASE("escape_dot escapes quotes, backslashes, ampersands and line breaks", "[render]") {
  CHECK(escape_dot("plain") == "plain");
  CHECK(escape_dot("say \"hi\"") == "say \\\"hi\\\"");
  CHECK(escape_dot("a\\b\\") == "a\\\\b\\\\");
  CHECK(escape_dot("\\N \\G") == "\\\\N \\\\G");  // never a Graphviz substitution
  CHECK(escape_dot("AT&T &nbsp;") == "AT&amp;T &amp;nbsp;");
  CHECK(escape_dot("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(escape_dot("tab\there") == "tab here");
  CHECK(escape_dot("<b>") == "<b>");  // harmless inside a quoted string; SVG output escapes it
}

TEST_CASE("escape_dot replaces control characters, C1 controls and XML non-characters",
          "[render]") {
  const std::string replacement = "\xEF\xBF\xBD";
  CHECK(escape_dot("a\x01z") == "a" + replacement + "z");
  CHECK(escape_dot("\x1b[31m") == replacement + "[31m");
  CHECK(escape_dot("del\x7f") == "del" + replacement);
  CHECK(escape_dot("nel\xC2\x85") == "nel" + replacement);         // U+0085
  CHECK(escape_dot("x\xEF\xBF\xBEy") == "x" + replacement + "y");  // U+FFFE
  CHECK(escape_dot("bad\xFF") == "bad" + replacement);             // ill-formed UTF-8
}

TEST_CASE("escape_dot keeps non-Latin scripts, RTL text and emoji unchanged", "[render]") {
  for (const char* text : {"\xD9\x85\xD8\xAC\xD9\x84\xD8\xB3",          // Arabic
                           "\xD7\x99\xD7\xA9\xD7\xA8\xD7\x90\xD7\x9C",  // Hebrew
                           "\xE5\xB0\xB9\xE9\x8C\xAB\xE6\x82\x85",      // CJK
                           "\xF0\x9F\x9A\x80 \xE2\x80\xAE"
                           "abc"}) {  // emoji, RLO
    CHECK(escape_dot(text) == text);
  }
}

TEST_CASE("escape_html_label writes entities for markup characters", "[render]") {
  CHECK(escape_html_label("<script>&\"x\"") == "&lt;script&gt;&amp;&quot;x&quot;");
  CHECK(escape_html_label("a\nb") == "a<BR/>b");
}

TEST_CASE("shorten cuts at a character boundary and marks the cut", "[render]") {
  CHECK(shorten("short", 10) == "short");
  const std::string cut = shorten("abcdefghij", 6);
  CHECK(cut == "abc\xE2\x80\xA6");
  // "é" is two bytes; a cut inside it backs up to before it.
  const std::string accented = shorten("ab\xC3\xA9\xC3\xA9\xC3\xA9", 6);
  CHECK(accented == "ab\xE2\x80\xA6");
}

TEST_CASE("the same diagram gives the same DOT bytes", "[render]") {
  const auto diagram = skein::test::news_diagram();
  CHECK(write_dot(diagram) == write_dot(skein::test::news_diagram()));
  const auto big = skein::test::synthetic_diagram(300);
  DotStyle style;
  style.engine = LayoutEngine::kSfdp;
  style.max_node_labels = 50;
  CHECK(write_dot(big, style) == write_dot(skein::test::synthetic_diagram(300), style));
}

TEST_CASE("DOT names every node and edge by its store id", "[render]") {
  const std::string dot = write_dot(skein::test::news_diagram());
  CHECK(dot.find("\"n11\" [id=\"n11\"") != std::string::npos);
  CHECK(dot.find("\"n11\" -> \"n12\" [id=\"e101\"") != std::string::npos);
  CHECK(dot.find("\"n16\" -> \"n14\" [id=\"e104\"") != std::string::npos);
  CHECK(count(dot, "[id=\"n") == 6);
  CHECK(count(dot, "[id=\"e") == 4);
}

TEST_CASE("symmetric relations are drawn without arrows, directed ones with", "[render]") {
  const std::string dot = write_dot(skein::test::news_diagram());
  auto line_of = [&dot](const std::string& id) {
    const auto at = dot.find("[id=\"" + id + "\"");
    REQUIRE(at != std::string::npos);
    return dot.substr(at, dot.find('\n', at) - at);
  };
  CHECK(line_of("e101").find("dir=\"none\"") != std::string::npos);  // met-with
  CHECK(line_of("e103").find("dir=\"none\"") != std::string::npos);  // trades-with
  CHECK(line_of("e102").find("dir=") == std::string::npos);          // affiliated-with
  CHECK(line_of("e104").find("dir=") == std::string::npos);          // located-in
  // Style per type: trades-with dashed, met-with solid, and weight drives width.
  CHECK(line_of("e103").find("style=\"dashed\"") != std::string::npos);
  CHECK(line_of("e101").find("style=\"solid\"") != std::string::npos);
  CHECK(line_of("e101").find("penwidth=\"4.00\"") != std::string::npos);  // 1 + 1.5 log2(4)
  CHECK(line_of("e102").find("penwidth=\"1.00\"") != std::string::npos);
}

TEST_CASE("each entity label gets its own shape, unknown labels a fallback", "[render]") {
  auto diagram = skein::test::news_diagram();
  diagram.nodes[5].label = "Event";  // Seoul relabelled to something the style does not know
  const std::string dot = write_dot(diagram);
  auto node_line = [&dot](const std::string& id) {
    const auto at = dot.find("\"" + id + "\" [id=");
    REQUIRE(at != std::string::npos);
    return dot.substr(at, dot.find('\n', at) - at);
  };
  CHECK(node_line("n11").find("shape=\"ellipse\"") != std::string::npos);
  CHECK(node_line("n13").find("shape=\"box\"") != std::string::npos);
  CHECK(node_line("n14").find("shape=\"hexagon\"") != std::string::npos);
  CHECK(node_line("n16").find("style=\"filled,dashed\"") != std::string::npos);
  // The legend lists the labels in use, the fallback one by name.
  CHECK(dot.find(">Event</TD>") != std::string::npos);
  CHECK(dot.find(">Person (ellipse)</TD>") != std::string::npos);
  CHECK(dot.find("Place (house)") == std::string::npos);
}

TEST_CASE("node size follows the score", "[render]") {
  const auto diagram = skein::test::news_diagram();  // scores are degrees: Yoon 2, Kishida 1
  const std::string dot = write_dot(diagram);
  CHECK(dot.find("\"n11\" [id=\"n11\", label=\"Yoon Suk-yeol\", shape=\"ellipse\", "
                 "style=\"filled\", fontsize=\"20.0\"") != std::string::npos);
  // sqrt(1/2) = 0.707: fontsize 9 + 11 * 0.707
  CHECK(dot.find("label=\"Fumio Kishida\", shape=\"ellipse\", style=\"filled\", "
                 "fontsize=\"16.8\"") != std::string::npos);
}

TEST_CASE("colour by community fills nodes from the community palette", "[render]") {
  auto diagram = skein::test::news_diagram();
  diagram.nodes[0].community = 0;
  diagram.nodes[1].community = 0;
  diagram.nodes[2].community = 13;  // wraps around the 12-colour palette to the second colour
  DotStyle style;
  style.color_by = ColorBy::kCommunity;
  const std::string dot = write_dot(diagram, style);
  CHECK(count(dot, "fillcolor=\"#8DD3C7\"") == 2);
  CHECK(count(dot, "fillcolor=\"#FFFFB3\"") == 1);
  CHECK(count(dot, "fillcolor=\"#FFFFFF\"") == 3);  // no community known
  CHECK(dot.find("fill colour: community (2)") != std::string::npos);
}

TEST_CASE("edge tooltips carry at most three sentences with their documents", "[render]") {
  const std::string dot = write_dot(skein::test::news_diagram());
  const auto at = dot.find("[id=\"e101\"");
  const std::string line = dot.substr(at, dot.find('\n', at) - at);
  CHECK(line.find("Sentence number 1 says") != std::string::npos);
  CHECK(line.find("corpus/doc3.txt (2023-03-13)") != std::string::npos);
  CHECK(line.find("Sentence number 4") == std::string::npos);
  CHECK(line.find("4 sentences") != std::string::npos);
  CHECK(line.find("2023-03-11 to 2023-03-14") != std::string::npos);
}

TEST_CASE("tooltips are capped in length", "[render]") {
  auto diagram = skein::test::news_diagram();
  for (auto& evidence : diagram.edges[0].evidence) evidence.sentence = std::string(500, 'x');
  DotStyle style;
  style.tooltip_chars = 600;
  const std::string dot = write_dot(diagram, style);
  const auto at = dot.find("tooltip=\"", dot.find("[id=\"e101\"")) + 9;
  const auto end = dot.find("\", labeltooltip", at);
  REQUIRE(end != std::string::npos);
  // The cap is on the text shown: each "\n" escape is one line break.
  const std::string shown = dot.substr(at, end - at);
  CHECK(shown.size() - count(shown, "\\n") <= 600);
  CHECK(shown.size() > 500);
  CHECK(dot.substr(end - 3, 3) == "\xE2\x80\xA6");
}

TEST_CASE("node tooltips list aliases, role and connections", "[render]") {
  const std::string dot = write_dot(skein::test::news_diagram());
  CHECK(dot.find("tooltip=\"Yoon Suk-yeol (Person)\\nAlso: President Yoon; Yoon\\nRole: "
                 "President\\n2 connections\"") != std::string::npos);
}

TEST_CASE("past max_node_labels only the top nodes are named", "[render]") {
  const auto diagram = skein::test::synthetic_diagram(100);
  DotStyle style;
  style.max_node_labels = 10;
  const std::string dot = write_dot(diagram, style);
  CHECK(count(dot, "label=\"\", shape=\"circle\"") == 90);
}

TEST_CASE("DOT is accepted by Graphviz's own parser (dot -Tcanon)", "[render]") {
  for (auto engine : {LayoutEngine::kDot, LayoutEngine::kSfdp}) {
    DotStyle style;
    style.engine = engine;
    const std::string path =
        skein::test::write_temp_file("news.dot", write_dot(skein::test::news_diagram(), style));
    std::string canon;
    CHECK(skein::test::run(
              skein::test::kDotCli + " -Tcanon " + skein::test::shell_quote(path) + " 2>&1",
              &canon) == 0);
    INFO(canon);
    CHECK(canon.find("n11 -> n12") != std::string::npos);
  }
}

TEST_CASE("an empty diagram is still a valid graph", "[render]") {
  const std::string dot = write_dot(Diagram{});
  const std::string path = skein::test::write_temp_file("empty.dot", dot);
  CHECK(skein::test::run(skein::test::kDotCli + " -Tcanon " + skein::test::shell_quote(path) +
                         " >/dev/null 2>&1") == 0);
}
