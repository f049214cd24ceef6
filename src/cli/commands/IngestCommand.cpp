// skein ingest: read documents, extract, store. Wires ingest -> extract -> store through the
// pipeline module; prints diagnostics as they come, a progress line on a terminal, and a
// one-line summary.

#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/Common.h"
#include "cli/ComponentOptions.h"
#include "cli/InputOptions.h"
#include "cli/ProgressLine.h"
#include "core/Error.h"
#include "core/Utf8.h"
#include "extract/Extractor.h"
#include "ingest/DocumentSource.h"
#include "pipeline/IngestJob.h"
#include "store/Store.h"

namespace skein::cli {
namespace {

int run(const std::vector<std::string>& args) {
  std::string db = kDefaultStore;
  std::vector<std::string> paths;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int batch = 500;
  bool quiet = false;
  bool rehash = false;
  bool no_co_mention = false;
  std::string data_dir, rules_dir;
  ComponentFlags component_flags;
  ingest::ReadOptions read_options;
  ArgParser parser(
      "ingest [options] PATH...",
      "Reads documents, extracts entities and relations, and stores them. PATH is a\n"
      "text file, an HTML page, a PDF, a CSV/TSV file (one document per row, with\n"
      "--text-column), a JSONL file (one {\"id\",\"title\",\"text\",\"published\",\"url\"}\n"
      "per line), a directory (read recursively, in sorted order, leaving out README,\n"
      "SOURCE, LICENSE and similar notes) or '-' for stdin.\n"
      "Unchanged documents are skipped; a changed document replaces its old version.\n"
      "A file whose path, size and modification time are those stored is not read\n"
      "again; any other file is read and its content hash decides.");
  add_store_option(parser, db);
  parser.option("-j,--jobs", "N", "extraction threads", jobs)
      .option("--batch", "N", "documents per transaction", batch)
      .option("--data", "DIR", "knowledge resources (default: the bundled data/)", data_dir)
      .option("--rules", "DIR", "relation rule files (default: the bundled schema/)", rules_dir)
      .flag("--rehash",
            "read and hash every file even when its size and modification time are unchanged",
            rehash)
      .flag("--no-co-mention",
            "do not link entities named in the same sentence (saves the co-mention layer's rows)",
            no_co_mention)
      .flag("-q,--quiet", "no progress line and no per-document messages", quiet);
  add_input_options(parser, read_options);
  add_component_options(parser, component_flags);
  parser.positionals("PATH...", "files, directories, or - for stdin", paths, 1, 0);
  if (!parser.parse(args)) return 0;
  if (jobs < 1) throw UsageError("--jobs must be at least 1");
  if (batch < 1) throw UsageError("--batch must be at least 1");
  const extract::ExtractorOptions extractor_settings =
      extractor_options(data_dir, rules_dir, component_flags);

  const auto started = std::chrono::steady_clock::now();
  store::Store store(db);
  pipeline::IngestOptions options;
  options.jobs = static_cast<unsigned>(jobs);
  options.batch_documents = static_cast<std::size_t>(batch);
  options.rehash = rehash;
  options.co_mention = !no_co_mention;
  read_options.mark_debris = false;  // the pipeline marks debris only where it extracts
  read_options.skip_if_unchanged = pipeline::skip_unchanged_files(store, options);
  ingest::DocumentSource source(paths, read_options);
  auto make_extractor = [&] { return std::make_unique<extract::Extractor>(extractor_settings); };

  ProgressLine progress_line(!quiet);
  auto counts = pipeline::run_ingest(
      source, make_extractor, store, options,
      [&](const Diagnostic& diagnostic) {
        progress_line.clear();
        std::cerr << "skein ingest: " << utf8::printable(diagnostic.to_string()) << "\n";
      },
      [&](const pipeline::IngestCounts& progress) {
        if (!progress_line.due()) return;
        char text[160];
        std::snprintf(
            text, sizeof text, "%zu documents read, %zu stored, %zu unchanged (%.0f docs/s)",
            progress.read, progress.added + progress.replaced, progress.unchanged,
            static_cast<double>(progress.read) / std::max(progress_line.elapsed_seconds(), 1e-9));
        progress_line.draw(text);
      });
  progress_line.clear();
  // Names the documents label differently: the corpus decides (docs/corrections.md), also
  // when an earlier run stored documents but was killed before its vote.
  if (store.label_votes_due()) store.decide_labels();
  if (!quiet) report_skipped_notes(source, "ingest");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  auto stats = store.stats();
  std::printf(
      "ingested %zu documents: %zu new, %zu replaced, %zu unchanged, %zu failed; store has "
      "%lld documents, %lld entities, %lld relations; %.2f s\n",
      counts.read, counts.added, counts.replaced, counts.unchanged, counts.failed,
      static_cast<long long>(stats.documents), static_cast<long long>(stats.nodes),
      static_cast<long long>(stats.edges), seconds);
  return counts.failed > 0 ? exit_code::kInputOrStore : exit_code::kSuccess;
}

const bool registered =
    register_command({"ingest", "read documents, extract entities and relations, store them", run});

}  // namespace
}  // namespace skein::cli
