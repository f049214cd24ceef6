#include "RenderTestSupport.h"

#include <cstring>

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

}  // namespace skein::test
