#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/MappedFile.h"

namespace {

std::filesystem::path scratch_dir() {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("skein_mapped_file_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

void write(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace

TEST_CASE("a mapped file holds exactly the file's bytes", "[core]") {
  const auto dir = scratch_dir();
  std::string bytes;
  for (int i = 0; i < 300000; ++i) bytes.push_back(static_cast<char>(i * 7 + i / 251));
  write(dir / "model.bin", bytes);
  const skein::MappedFile file((dir / "model.bin").string());
  CHECK(file.opened());
  CHECK(file.ok());
  CHECK(file.bytes() == bytes);

  write(dir / "empty.bin", "");
  const skein::MappedFile empty((dir / "empty.bin").string());
  CHECK(empty.ok());
  CHECK(empty.bytes().empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("a missing file is not opened and a directory is not read", "[core]") {
  const auto dir = scratch_dir();
  const skein::MappedFile missing((dir / "missing.bin").string());
  CHECK_FALSE(missing.opened());
  CHECK_FALSE(missing.ok());
  const skein::MappedFile directory(dir.string());
  CHECK(directory.opened());
  CHECK_FALSE(directory.ok());
  CHECK(directory.bytes().empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("replace_file leaves a mapping of the old file whole", "[core]") {
  const auto dir = scratch_dir();
  const std::string path = (dir / "model.bin").string();
  const std::string old_bytes(100000, 'o');
  write(path, old_bytes);
  const skein::MappedFile old_file(path);
  REQUIRE(old_file.ok());
  REQUIRE(skein::replace_file(path, "new"));
  CHECK(old_file.bytes() == old_bytes);  // still the old file, not a truncated one
  CHECK(skein::MappedFile(path).bytes() == "new");
  // Only the model remains: the temporary file was renamed over it.
  CHECK(std::distance(std::filesystem::directory_iterator(dir),
                      std::filesystem::directory_iterator()) == 1);
  CHECK_FALSE(skein::replace_file((dir / "no-such-dir" / "model.bin").string(), "x"));
  std::filesystem::remove_all(dir);
}
