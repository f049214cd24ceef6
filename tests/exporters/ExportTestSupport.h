#pragma once
// Shared by the exporter tests: a small graph full of hostile names, a scratch directory, and
// running the real client programs (node, /usr/bin/python3, xmllint) that read exports back.

#include <filesystem>
#include <string>
#include <vector>

#include "core/Extraction.h"
#include "graph/GraphView.h"

namespace skein::exporters::test {

// The hostile graph (store ids 101..110; names in hostile_names() order):
//
//   101 Person ==met-with/trades-with== 102 Organization --trades-with-- 103 Country
//    |  located-in ->                    |  affiliated-with ->
//    +-------------> 104 Place <---------+
//                     | met-with
//                    105 -- 106 -- 107 -- 108 -- 109 -- 110 (+ a met-with self-loop on 110)
//
// Mixed symmetric (met-with, trades-with) and directed (located-in, affiliated-with) edges,
// two parallel edges 101-102, dates on some edges, typed props (pagerank, community, role,
// verified, tags, a Cypher keyword `end`, a clashing `name`, an unsafe "weird key!").
graph::GraphView hostile_view();
const std::vector<std::string>& hostile_names();

// Builds one document's extraction for a test store: mentions and evidence are found by
// searching the text for the given names and sentences.
class Doc {
 public:
  Doc(std::string uri, std::string title, std::string text, std::string published);
  Doc& entity(const std::string& label, const std::string& key, const std::string& name);
  // `sentence` must occur in the text; `basis` is basis::kText or basis::kKnowledge.
  Doc& relation(const std::string& type, const std::string& source, const std::string& target,
                const std::string& sentence, double confidence,
                const std::string& basis = basis::kText);
  const DocumentExtraction& get() const { return e_; }

 private:
  DocumentExtraction e_;
};

// A fresh empty directory under the system temp dir, removed when the object dies.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

struct ProcessResult {
  int status = -1;     // exit status (-1 when it could not run)
  std::string output;  // stdout
  std::string errors;  // stderr
};
// Runs `command` through /bin/sh, capturing stdout and stderr.
ProcessResult run_process(const std::string& command);
// Single-quotes `text` for /bin/sh.
std::string shell_quote(const std::string& text);

// Paths of the client tooling: tests/exporters/js (node_modules), tests/exporters/clients.
std::string js_dir();
std::string clients_dir();
// Runs `node <js_dir>/<script> args...`; fails the test with install instructions when the
// npm clients are missing (tests/exporters/js/install.sh).
ProcessResult run_node(const std::string& script, const std::vector<std::string>& args);
ProcessResult run_python(const std::string& script, const std::vector<std::string>& args);

std::string read_file(const std::string& path);

}  // namespace skein::exporters::test
