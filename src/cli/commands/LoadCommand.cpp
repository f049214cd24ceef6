// skein load: stores the JSON lines that 'skein extract' wrote (for example by shards on other
// machines). Loading shards in any order gives the same graph as one ingest of the same
// documents, because entity ids are canonical and each document is stored whole.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/Common.h"
#include "core/Error.h"
#include "core/ExtractionJson.h"
#include "core/Utf8.h"
#include "extract/Extractor.h"
#include "pipeline/IngestJob.h"
#include "store/Store.h"

namespace skein::cli {
namespace {

int run(const std::vector<std::string>& args) {
  std::string db = kDefaultStore;
  std::vector<std::string> paths;
  ArgParser parser(
      "load [options] FILE|-...",
      "Stores extraction JSON lines (the output of 'skein extract'). A malformed line\n"
      "is reported with its file and line number and the others are stored.");
  add_store_option(parser, db);
  std::string data_dir, rules_dir;
  parser.option("--data", "DIR", "knowledge resources (default: the bundled data/)", data_dir)
      .option("--rules", "DIR", "relation rule files (default: the bundled schema/)", rules_dir);
  parser.positionals("FILE...", "JSONL files written by 'skein extract', or - for stdin", paths, 1,
                     0);
  if (!parser.parse(args)) return 0;

  store::Store store(db);
  // The ontology says which relation types are symmetric; the extraction lines do not.
  const extract::Extractor extractor(extract::ExtractorOptions{data_dir, rules_dir});
  pipeline::declare_relation_types(extractor, store);
  std::size_t added = 0, replaced = 0, unchanged = 0, failed = 0;
  for (const auto& path : paths) {
    std::ifstream file;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        std::cerr << "skein load: " << utf8::printable(path) << ": cannot open\n";
        ++failed;
        continue;
      }
    }
    std::istream& in = path == "-" ? std::cin : file;
    const std::string source = path == "-" ? "<stdin>" : path;
    std::optional<store::Store::Batch> batch;
    batch.emplace(store);
    std::size_t in_batch = 0;
    std::string line;
    for (std::size_t line_number = 1; std::getline(in, line); ++line_number) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      try {
        auto extraction = extraction_from_json_line(line, source, line_number);
        if (const std::string problem = pipeline::relation_label_problem(extractor, extraction);
            !problem.empty()) {
          throw InputError(source, line_number, problem);
        }
        switch (store.put(extraction)) {
          case store::PutOutcome::kAdded:
            ++added;
            break;
          case store::PutOutcome::kReplaced:
            ++replaced;
            break;
          case store::PutOutcome::kUnchanged:
            ++unchanged;
            break;
        }
      } catch (const InputError& error) {
        std::cerr << "skein load: " << utf8::printable(error.what()) << "\n";
        ++failed;
      }
      if (++in_batch == 500) {  // one transaction per 500 documents
        batch->commit();
        batch.emplace(store);
        in_batch = 0;
      }
    }
    batch->commit();
  }
  // Names the documents label differently: the corpus decides (docs/corrections.md), also
  // when an earlier run stored documents but was killed before its vote.
  if (store.label_votes_due()) store.decide_labels();
  auto stats = store.stats();
  std::printf(
      "loaded %zu new, %zu replaced, %zu unchanged, %zu failed; store has %lld documents, "
      "%lld entities, %lld relations\n",
      added, replaced, unchanged, failed, static_cast<long long>(stats.documents),
      static_cast<long long>(stats.nodes), static_cast<long long>(stats.edges));
  return failed > 0 ? exit_code::kInputOrStore : exit_code::kSuccess;
}

const bool registered =
    register_command({"load", "store the JSON lines written by 'skein extract'", run});

}  // namespace
}  // namespace skein::cli
