#pragma once
// Helpers shared by the render tests: small diagrams, temp files, and running the external
// validators (dot -Tcanon, xmllint) that judge our output independently of our own code.

#include <cstdlib>
#include <string>
#include <string_view>

#include "render/Diagram.h"

namespace skein::test {

// Occurrences of `needle` in `haystack` (non-overlapping).
inline std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t found = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++found;
  }
  return found;
}

// True when this process runs with GVBINDIR=/nonexistent, set by RenderTestSupport.cpp before
// main() (so before any Graphviz context exists): the tests then prove rendering needs no
// plugin config file.
bool graphviz_plugin_dir_disabled();

// The Graphviz CLI as the independent judge. This process runs with GVBINDIR=/nonexistent, which
// would break the CLI (it reads config6a from there), so children get the variable unset.
inline const std::string kDotCli = "env -u GVBINDIR dot";

// Writes `bytes` to a fresh file in a per-process temp folder and returns its path.
std::string write_temp_file(const std::string& name, std::string_view bytes);

// Runs a shell command; returns its exit status (-1 when it could not run). Output that the
// command does not redirect itself is discarded unless `output` is given, which receives stdout.
int run(const std::string& command, std::string* output = nullptr);

// Single-quoted for /bin/sh.
std::string shell_quote(std::string_view text);

// A small news graph, drawn:
//
//   Yoon Suk-yeol (Person) ---met-with--- Fumio Kishida (Person)
//        |
//   affiliated-with -> People Power Party (Organization)
//   South Korea (Country) ---trades-with--- Japan (Country)
//   Seoul (Place) --located-in--> South Korea
//
// Store ids 11..16 for nodes, 101..104 for edges; the met-with edge has four sentences.
render::Diagram news_diagram();

// `nodes` nodes in a ring with chords (about 3 edges per node), label cycling through the four
// known labels; ids 1..nodes, edge ids 1..edges.
render::Diagram synthetic_diagram(std::size_t nodes);

}  // namespace skein::test
