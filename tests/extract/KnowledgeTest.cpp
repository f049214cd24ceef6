#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/Knowledge.h"

using skein::extract::Knowledge;

namespace {

std::vector<std::uint32_t> as_vector(std::span<const std::uint32_t> rows) {
  return {rows.begin(), rows.end()};
}

}  // namespace

TEST_CASE("the kb name index gives each name's rows in file order, each row once", "[extract]") {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("skein_knowledge_test_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::copy(SKEIN_SOURCE_DIR "/tests/extract/fixtures/data", dir,
                        std::filesystem::copy_options::recursive);
  std::ofstream(dir / "kb_people.tsv", std::ios::trunc)
      << "#key\tname\taliases\tcountry\tparty\trole\n"
         "p-a\tAnn Lee\tA Lee|Ann Lee\tGB\t\tmember of parliament\n"  // her name twice: once
         "p-b\tBo Chan\tAnn Lee\tGB\t\tmember of parliament\n"
         "p-c\tAnn Lee\t\tFR\t\tmember of parliament\n"
         "p-d\tThe Cure\tCure\tGB\t\tband\n";  // "the" is dropped: both are "cure"
  const Knowledge knowledge(dir.string());
  CHECK(as_vector(knowledge.kb_people_named("ann lee")) == std::vector<std::uint32_t>{0, 1, 2});
  CHECK(as_vector(knowledge.kb_people_named("a lee")) == std::vector<std::uint32_t>{0});
  CHECK(as_vector(knowledge.kb_people_named("bo chan")) == std::vector<std::uint32_t>{1});
  CHECK(as_vector(knowledge.kb_people_named("cure")) == std::vector<std::uint32_t>{3});
  CHECK(knowledge.kb_people_named("nobody").empty());
  CHECK(knowledge.kb_people_named("ann").empty());
  std::filesystem::remove_all(dir);
}
