// The reference outputs in exports/<format>/reference/ are what scripts/export-examples.sh
// makes from examples/ with the skein binary. This test runs that script with the binary just
// built into a scratch directory and compares every file byte for byte, so a change to a
// writer (or to extraction) that is not followed by regenerating the references fails here.

#include <catch2/catch.hpp>

#include <filesystem>

#include "ExportTestSupport.h"

namespace fs = std::filesystem;
using namespace skein::exporters;

TEST_CASE("The reference exports in exports/ are what the current binary makes from examples/",
          "[exporters][reference]") {
  const std::string binary = SKEIN_BINARY;
  REQUIRE_FALSE(binary.empty());
  test::ScratchDir dir("reference");
  const std::string source = SKEIN_SOURCE_DIR;
  const auto result = test::run_process("SKEIN=" + test::shell_quote(binary) + " " +
                                        test::shell_quote(source + "/scripts/export-examples.sh") + " " +
                                        test::shell_quote(dir.path().string()));
  INFO(result.errors);
  REQUIRE(result.status == 0);
  std::size_t compared = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
    if (!entry.is_regular_file()) continue;
    const auto relative = fs::relative(entry.path(), dir.path());
    const auto reference = fs::path(source) / "exports" / relative;
    INFO("stale reference: " << reference.string() << " (regenerate with scripts/export-examples.sh)");
    REQUIRE(fs::exists(reference));
    CHECK(test::read_file(reference.string()) == test::read_file(entry.path().string()));
    ++compared;
  }
  CHECK(compared >= 12);
}
