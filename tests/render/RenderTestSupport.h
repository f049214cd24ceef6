#pragma once
// Helpers shared by the render tests.

#include <cstdlib>
#include <string>
#include <string_view>

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

}  // namespace skein::test
