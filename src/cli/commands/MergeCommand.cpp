// skein merge: combines stores. Every document of each input is re-filed into the output as
// extraction stored it, so merging shard stores gives the same graph as one ingest of all
// their documents.

#include <cstdio>
#include <filesystem>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/Common.h"
#include "core/Error.h"
#include "store/Store.h"

namespace skein::cli {
namespace {

int run(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::string output;
  bool into_existing = false;
  ArgParser parser(
      "merge [options] A.db B.db... -o C.db",
      "Combines stores into a new one. Entities merge by their canonical ids, relations\n"
      "by type and endpoints, and each document is stored once; when two inputs hold\n"
      "different texts under the same uri, the later input wins. Corrections made with\n"
      "`skein correct` are carried over and applied to every document; names the documents\n"
      "label differently are decided by a vote over all of them, as in ingest.");
  parser.option("-o,--output", "FILE", "the store to write", output)
      .flag("--into-existing", "add to an existing output store instead of refusing to touch it",
            into_existing)
      .positionals("STORE...", "stores to merge, in order", inputs, 1, 0);
  if (!parser.parse(args)) return 0;
  if (output.empty()) throw UsageError("merge needs -o FILE for the merged store");
  std::error_code error;
  for (const auto& input : inputs) {
    if (std::filesystem::equivalent(input, output, error)) {
      throw UsageError("the output store " + output + " is also an input");
    }
  }
  if (!into_existing && std::filesystem::exists(output, error)) {
    throw UsageError(output + " exists; choose a new file or pass --into-existing");
  }

  store::Store merged(output);
  std::size_t added = 0, replaced = 0, unchanged = 0, corrections = 0;
  for (const auto& input : inputs) {
    auto source = open_existing_store(input);
    for (const auto& [type, symmetric] : source.relation_types()) {
      merged.set_relation_symmetry(type, symmetric);
    }
    std::vector<std::int64_t> documents;
    source.for_each_document(
        [&](const store::DocumentRecord& document) { documents.push_back(document.id); });
    store::Store::Batch batch(merged);
    // Corrections first, so that every document is filed as they say (a merged entity under
    // its survivor, a renamed node under its name), exactly as in the input store.
    // (Not the inputs' label votes: the output votes again over all documents, below.)
    for (const auto& correction : source.corrections()) {
      if (correction.source == store::correction_sources::kVote) continue;
      if (merged.correct(correction, store::CorrectionMode::kRecordRule)) ++corrections;
    }
    for (auto id : documents) {
      auto extraction = source.document_extraction(id);
      if (!extraction) continue;
      switch (merged.put(*extraction)) {
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
    }
    batch.commit();
  }
  merged.decide_labels();
  auto stats = merged.stats();
  std::printf(
      "merged %zu stores into %s: %zu documents new, %zu replaced, %zu unchanged, %zu "
      "corrections; it has %lld documents, %lld entities, %lld relations\n",
      inputs.size(), output.c_str(), added, replaced, unchanged, corrections,
      static_cast<long long>(stats.documents), static_cast<long long>(stats.nodes),
      static_cast<long long>(stats.edges));
  return 0;
}

const bool registered = register_command({"merge", "combine stores into one", run});

}  // namespace
}  // namespace skein::cli
