#include <catch2/catch.hpp>
#include <filesystem>

#include "TempDir.h"
#include "ingest/DocumentSource.h"

using namespace skein;
using skein::ingest::DocumentSource;
using skein::testing::TempDir;

namespace {

std::vector<std::string> uris(std::vector<std::string> paths, Diagnostics& diagnostics) {
  DocumentSource source(std::move(paths));
  std::vector<std::string> result;
  while (auto doc = source.next(diagnostics)) result.push_back(doc->uri);
  return result;
}

}  // namespace

TEST_CASE("a directory is read recursively in byte-wise sorted path order", "[ingest]") {
  //   root/
  //     b.txt  a-c.txt  a/b.txt  a/A.txt  Z.txt  lines.jsonl (2 docs)
  //     .hidden.txt  .git/config  sub/.swp   (skipped)
  TempDir dir;
  for (const std::string name : {"b.txt", "a-c.txt", "a/b.txt", "a/A.txt", "Z.txt", ".hidden.txt",
                                 ".git/config", "sub/.swp"}) {
    dir.write(name, "Text of " + name);
  }
  dir.write("lines.jsonl",
            "{\"text\":\"first\",\"id\":\"1\"}\n{\"text\":\"second\",\"id\":\"2\"}\n");
  const std::string root = dir.path();
  Diagnostics diagnostics;
  const auto order = uris({root}, diagnostics);
  CHECK(diagnostics.empty());
  // '-' (0x2D) < '/' (0x2F) < 'A' < 'Z' < 'a' < 'b' < 'l': whole paths compared as bytes.
  CHECK(order == std::vector<std::string>{root + "/Z.txt", root + "/a-c.txt", root + "/a/A.txt",
                                          root + "/a/b.txt", root + "/b.txt",
                                          root + "/lines.jsonl#1", root + "/lines.jsonl#2"});
  // The same tree read again gives the same order.
  Diagnostics again;
  CHECK(uris({root}, again) == order);
}

TEST_CASE("directory inputs and file inputs are read in the order given", "[ingest]") {
  TempDir dir;
  const std::string single = dir.write("single.txt", "Single");
  dir.write("tree/one.txt", "One");
  Diagnostics diagnostics;
  CHECK(uris({dir.path("tree"), single}, diagnostics) ==
        std::vector<std::string>{dir.path("tree") + "/one.txt", single});
}

TEST_CASE("symbolic link loops end and each real directory is read once", "[ingest]") {
  //   root/docs/x.txt, root/docs/loop -> root, root/alias -> docs, root/file-link -> docs/x.txt
  TempDir dir;
  dir.write("docs/x.txt", "X");
  namespace fs = std::filesystem;
  fs::create_directory_symlink(dir.path(), dir.path("docs/loop"));
  fs::create_directory_symlink(dir.path("docs"), dir.path("alias"));
  fs::create_symlink(dir.path("docs/x.txt"), dir.path("file-link"));
  fs::create_symlink(dir.path("nowhere"), dir.path("dangling"));
  Diagnostics diagnostics;
  const auto order = uris({dir.path()}, diagnostics);
  // x.txt is found once, through alias/ (sorted before docs/, so walked first); file-link is
  // a distinct path and is read.
  CHECK(order == std::vector<std::string>{dir.path("alias/x.txt"), dir.path("file-link")});
  std::size_t skipped = 0;
  bool dangling_reported = false;
  for (const Diagnostic& d : diagnostics) {
    if (d.message.find("already read through another path") != std::string::npos) ++skipped;
    if (d.source == dir.path("dangling")) dangling_reported = true;
  }
  CHECK(skipped == 2);  // loop -> root, and the second of docs/alias
  CHECK(dangling_reported);
}

TEST_CASE("an unreadable directory is reported and the rest of the tree is read", "[ingest]") {
  if (::geteuid() == 0) {
    WARN("running as root: permissions cannot make a directory unreadable; check not run");
    return;
  }
  TempDir dir;
  dir.write("locked/secret.txt", "S");
  dir.write("open.txt", "O");
  namespace fs = std::filesystem;
  fs::permissions(dir.path("locked"), fs::perms::none);
  Diagnostics diagnostics;
  const auto order = uris({dir.path()}, diagnostics);
  fs::permissions(dir.path("locked"), fs::perms::owner_all);
  CHECK(order == std::vector<std::string>{dir.path("open.txt")});
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].source == dir.path("locked"));
  CHECK_THAT(diagnostics[0].message, Catch::StartsWith("cannot list directory"));
}
